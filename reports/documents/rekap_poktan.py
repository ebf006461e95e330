"""Rekap Bulanan Poktan: every active poktan of a region with its register
of the month, per desa and per poktan type (preview, PDF, XLSX; prepared in
the background for a kabupaten or wider).

It reads the live registers (a document must show every one), scoped with
``for_user``; what counts as "masuk", "tepat waktu" and "diverifikasi" is
``reports.figures``, the definitions the summary rows use, so the dashboard,
the PDF and the XLSX agree."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kampungkb.periods import Periode, due_date
from poktan.kelengkapan import kampung_tanpa_poktan
from poktan.models import FIGURE_FIELDS
from reports import charts, figures, xlsx
from reports.access import wilayah_for
from reports.documents.base import Document, register
from reports.models import rasio


@dataclass
class BarisDesa:
    wilayah: object
    kampung: str
    wajib: int = 0
    masuk: int = 0
    tepat: int = 0
    verif: int = 0
    anggota: int = 0
    hadir: int = 0
    poktan: list = field(default_factory=list)
    # A Kampung KB without an active poktan owes one report and sends none.
    tanpa_poktan: bool = False

    @property
    def belum(self) -> int:
        return self.wajib - self.masuk

    @property
    def kelengkapan(self):
        return rasio(self.masuk, self.wajib)

    @property
    def tepat_waktu(self):
        return rasio(self.tepat, self.wajib)

    def add(self, poktan, laporan, due) -> None:
        """One active poktan and its register of the month (or None), counted
        as the summary rows count them (``reports.figures``)."""
        masuk = laporan is not None and figures.is_masuk(laporan.status)
        submitted = (
            figures.submitted_at(laporan.pertama_diajukan_pada, laporan.diajukan_pada)
            if laporan
            else None
        )
        tepat = masuk and figures.tepat_waktu(submitted, due)
        self.wajib += 1
        self.masuk += masuk
        self.tepat += tepat
        self.verif += bool(laporan and laporan.status == figures.TERVERIFIKASI)
        if masuk:
            self.anggota += laporan.jumlah_anggota or 0
            self.hadir += laporan.keluarga_hadir or 0
        self.poktan.append(
            {
                "poktan": poktan,
                "laporan": laporan,
                "status": laporan.get_status_display() if laporan else _("Belum ada"),
                "masuk": masuk,
                "tepat": tepat,
                "diajukan": submitted if masuk else None,
            }
        )

    @classmethod
    def total(cls, wilayah, rows: list[BarisDesa]) -> BarisDesa:
        total = cls(wilayah=wilayah, kampung="")
        for r in rows:
            for name in ("wajib", "masuk", "tepat", "verif", "anggota", "hadir"):
                setattr(total, name, getattr(total, name) + getattr(r, name))
        return total


def rekap_poktan_context(wilayah, periode: Periode, user, progress=None) -> dict:
    """Every active poktan of the region with its register of the month."""
    from poktan.models import Laporan, Poktan

    poktan = list(
        Poktan.objects.for_user(user)
        .in_wilayah(wilayah.kode)
        .filter(aktif=True)
        .select_related("kampung__desa__induk")
        .order_by("kampung__desa_id", "jenis", "nama")
    )
    laporan = {
        lap.poktan_id: lap
        for lap in Laporan.objects.filter(
            poktan__in=[p.pk for p in poktan], periode=periode.first_day
        )
    }
    due = due_date(periode)
    desa: dict[str, BarisDesa] = {}
    for i, p in enumerate(poktan, 1):
        d = desa.setdefault(
            p.kampung.desa_id, BarisDesa(wilayah=p.kampung.desa, kampung=p.kampung.nama)
        )
        d.add(p, laporan.get(p.pk), due)
        if progress and i % 25 == 0:
            progress(i, len(poktan))
    for kampung in kampung_tanpa_poktan(user, wilayah.kode).select_related("desa__induk"):
        desa[kampung.desa_id] = BarisDesa(
            wilayah=kampung.desa, kampung=kampung.nama, wajib=1, tanpa_poktan=True
        )
    rows = [desa[k] for k in sorted(desa)]
    tanpa = sum(r.tanpa_poktan for r in rows)
    return {
        "wilayah": wilayah,
        "periode": periode,
        "batas": due,
        "desa_rows": rows,
        "jenis_rows": jenis_rows(rows),
        "total": BarisDesa.total(wilayah, rows),
        "jumlah_kampung": len(rows),
        "desa_berpoktan": len(rows) - tanpa,
        "tanpa_poktan": tanpa,
        "jumlah_poktan": len(poktan),
        "chart": charts.bar(
            [(r.wilayah.label, r.kelengkapan) for r in rows],
            title=_("Laporan masuk per desa (%)"),
            value_header=_("Laporan masuk (%)"),
            fmt=charts.persen,
            max_value=100,
        ),
    }


# The register figures, in the order of the form (poktan.models).
JENIS_FIGURES = FIGURE_FIELDS


def jenis_rows(rows: list[BarisDesa]) -> list[dict]:
    """Register figures summed per poktan type over the registers that are in."""
    from kampungkb.domain import JenisPoktan

    out = {
        j.value: {"jenis": j.label, "poktan": 0, "masuk": 0, **dict.fromkeys(JENIS_FIGURES)}
        for j in JenisPoktan
    }
    for r in rows:
        for p in r.poktan:
            d = out[p["poktan"].jenis]
            d["poktan"] += 1
            if not p["masuk"]:
                continue
            d["masuk"] += 1
            for name in JENIS_FIGURES:
                value = getattr(p["laporan"], name)
                if value is not None:
                    d[name] = (d[name] or 0) + value
    return [d for d in out.values() if d["poktan"]]


def rekap_poktan_sheets(context: dict) -> list[xlsx.Sheet]:
    heading = _("Rekap bulanan poktan %(w)s, %(p)s") % {
        "w": context["wilayah"].label,
        "p": context["periode"].label,
    }
    return [desa_sheet(context, heading), poktan_sheet(context, heading)]


def desa_sheet(context: dict, heading: str) -> xlsx.Sheet:
    c = xlsx.Column
    return xlsx.Sheet(
        _("Per desa"),
        [
            c(_("Kode desa"), width=16),
            c(_("Desa"), width=24),
            c(_("Kecamatan"), width=18),
            c(_("Laporan wajib"), xlsx.INTEGER),
            c(_("Register masuk"), xlsx.INTEGER),
            c(_("Tepat waktu"), xlsx.INTEGER),
            c(_("Diverifikasi"), xlsx.INTEGER),
            c(_("Laporan masuk (%)"), xlsx.DECIMAL),
            c(_("Keluarga anggota"), xlsx.INTEGER),
            c(_("Keluarga hadir"), xlsx.INTEGER),
            c(_("Keterangan"), width=18),
        ],
        [
            [
                r.wilayah.kode,
                r.wilayah.nama,
                r.wilayah.induk.nama if r.wilayah.induk else "",
                r.wajib,
                r.masuk,
                r.tepat,
                r.verif,
                r.kelengkapan,
                r.anggota,
                r.hadir,
                _("belum ada poktan") if r.tanpa_poktan else "",
            ]
            for r in context["desa_rows"]
        ],
        heading=heading,
    )


# The register figures of the "Per poktan" sheet.
SHEET_FIGURES = [
    "jumlah_anggota",
    "keluarga_hadir",
    "anak_dipantau_kka",
    "kegiatan_informasi",
    "kegiatan_konseling",
    "remaja_terjangkau",
    "anggota_aktif",
    "modal",
    "omzet",
]


def poktan_sheet(context: dict, heading: str) -> xlsx.Sheet:
    from poktan.models import Laporan

    c = xlsx.Column
    labels = [str(Laporan._meta.get_field(f).verbose_name) for f in SHEET_FIGURES]
    return xlsx.Sheet(
        _("Per poktan"),
        [
            c(_("Kode desa"), width=16),
            c(_("Desa"), width=22),
            c(_("Poktan"), width=24),
            c(_("Jenis"), width=8),
            c(_("Status"), width=14),
            c(_("Tepat waktu"), width=10),
            *[c(label, xlsx.INTEGER) for label in labels],
            c(_("Diajukan pada"), xlsx.DATETIME, width=17),
        ],
        [
            [
                r.wilayah.kode,
                r.wilayah.nama,
                p["poktan"].nama,
                p["poktan"].get_jenis_display(),
                str(p["status"]),
                _("Ya") if p["tepat"] else _("Tidak"),
                *[getattr(p["laporan"], f) if p["laporan"] else None for f in SHEET_FIGURES],
                p["diajukan"],
            ]
            for r in context["desa_rows"]
            for p in r.poktan
        ],
        heading=heading,
    )


REKAP_POKTAN = register(
    Document(
        name="rekap-poktan",
        group="rekap",
        jenis="poktan",
        judul=gettext_lazy("Rekap Bulanan Poktan"),
        subject=wilayah_for,
        context=lambda ask: rekap_poktan_context(ask.subject, ask.periode, ask.user, ask.progress),
        formats=("html", "pdf", "xlsx"),
        tingkat=(1, 2, 3),
        template="reports/pdf/_rekap_poktan.html",
        sheets=rekap_poktan_sheets,
        periodic=True,
        queued_up_to=2,
        url_names={"pdf": "reports:rekap-pdf", "xlsx": "reports:rekap-xlsx"},
    )
)
