"""Recaps behind the PDF/XLSX reports: Profil Kampung KB, Rekap bulanan
poktan, Rekap intervensi lintas sektor. Each builder returns one context
used by the HTML preview, the PDF and the XLSX alike.

The recaps read the live records (a document must show every register and
activity), scoped with ``for_user``; their totals follow the same
definitions as the summary rows (``reports.sources``), so the dashboard, the
PDF and the XLSX agree.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Window
from django.utils import timezone
from django.utils.translation import gettext as _

from kampungkb.periods import Periode, due_date
from poktan.kelengkapan import kampung_tanpa_poktan
from poktan.models import FIGURE_FIELDS
from reports import charts, xlsx
from reports.models import rasio

# --------------------------------------------------------------- Profil Kampung KB


def kampung_context(kampung, user) -> dict:
    from interventions.models import InovasiUnggulan, Intervensi
    from poktan.models import Poktan
    from villages.models import AnggotaPokja, ProfilKampung
    from villages.views import lineage_of, profile_context

    context = profile_context(kampung)
    # ``kampung`` comes with its pokja and region chain (villages.views.PAGE_QUERYSET).
    context["pokja"] = getattr(kampung, "pokja", None)
    context["anggota_pokja"] = list(
        AnggotaPokja.objects.filter(pokja__kampung=kampung).order_by("urutan", "id")
    )
    context["poktan_list"] = list(
        Poktan.objects.for_user(user).filter(kampung=kampung, aktif=True).order_by("jenis", "nama")
    )
    # The newest 30, each row carrying the total (a window count) instead of a second query.
    intervensi = list(
        Intervensi.objects.for_user(user)
        .filter(kampung=kampung)
        .annotate(total=Window(Count("pk")))
        .prefetch_related("instansi")
        .order_by("-tanggal", "-id")[:30]
    )
    context["intervensi_list"] = intervensi
    context["intervensi_total"] = intervensi[0].total if intervensi else 0
    context["unggulan"] = list(InovasiUnggulan.objects.filter(kampung=kampung))
    context["lineage"] = lineage_of(kampung)
    # The SK is printed once, on its own line (selectors.sk_pokja), not in the table.
    context["sk_label"] = ProfilKampung._meta.get_field("pokja_sk").verbose_name
    return context


# ------------------------------------------------------------ Rekap bulanan poktan


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


def rekap_poktan_context(wilayah, periode: Periode, user, progress=None) -> dict:
    """Every active poktan of the region with its register of the month."""
    from poktan.models import Laporan, Poktan, Status

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
        lap = laporan.get(p.pk)
        masuk = lap is not None and lap.status in (Status.DIAJUKAN, Status.DIVERIFIKASI)
        submitted = lap and (lap.pertama_diajukan_pada or lap.diajukan_pada)
        tepat = bool(masuk and submitted and timezone.localtime(submitted).date() <= due)
        d.wajib += 1
        d.masuk += masuk
        d.tepat += tepat
        d.verif += bool(lap and lap.status == Status.DIVERIFIKASI)
        if masuk:
            d.anggota += lap.jumlah_anggota or 0
            d.hadir += lap.keluarga_hadir or 0
        d.poktan.append(
            {
                "poktan": p,
                "laporan": lap,
                "status": lap.get_status_display() if lap else _("Belum ada"),
                "masuk": masuk,
                "tepat": tepat,
                "diajukan": submitted if masuk else None,
            }
        )
        if progress and i % 25 == 0:
            progress(i, len(poktan))
    for kampung in kampung_tanpa_poktan(user, wilayah.kode).select_related("desa__induk"):
        desa[kampung.desa_id] = BarisDesa(
            wilayah=kampung.desa, kampung=kampung.nama, wajib=1, tanpa_poktan=True
        )
    rows = [desa[k] for k in sorted(desa)]
    per_jenis = jenis_rows(rows)
    total = BarisDesa(wilayah=wilayah, kampung="")
    for r in rows:
        for name in ("wajib", "masuk", "tepat", "verif", "anggota", "hadir"):
            setattr(total, name, getattr(total, name) + getattr(r, name))
    tanpa = sum(r.tanpa_poktan for r in rows)
    return {
        "wilayah": wilayah,
        "periode": periode,
        "batas": due,
        "desa_rows": rows,
        "jenis_rows": per_jenis,
        "total": total,
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
    c = xlsx.Column
    heading = _("Rekap bulanan poktan %(w)s, %(p)s") % {
        "w": context["wilayah"].label,
        "p": context["periode"].label,
    }
    desa = xlsx.Sheet(
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
    figures = [
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
    from poktan.models import Laporan

    labels = [str(Laporan._meta.get_field(f).verbose_name) for f in figures]
    poktan = xlsx.Sheet(
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
                *[getattr(p["laporan"], f) if p["laporan"] else None for f in figures],
                p["diajukan"],
            ]
            for r in context["desa_rows"]
            for p in r.poktan
        ],
        heading=heading,
    )
    return [desa, poktan]


# --------------------------------------------------- Rekap intervensi lintas sektor


def rentang_periode(periode: Periode, bulan: int) -> list[Periode]:
    periods = [periode]
    while len(periods) < bulan:
        periods.insert(0, periods[0].prev())
    return periods


def rekap_intervensi_context(wilayah, periode: Periode, bulan: int, user) -> dict:
    from interventions.models import Intervensi

    periods = rentang_periode(periode, bulan)
    rows = list(
        Intervensi.objects.for_user(user)
        .in_wilayah(wilayah.kode)
        .filter(tanggal__gte=periods[0].first_day, tanggal__lte=periode.last_day)
        .select_related("kampung__desa", "inpres_kegiatan__program__sasaran")
        .prefetch_related("instansi")
        .order_by("tanggal", "id")
    )
    seksi = Counter(r.get_seksi_display() for r in rows)
    instansi = Counter(i.nama for r in rows for i in r.instansi.all())
    desa = Counter(r.kampung.desa.label for r in rows)
    anggaran = sum(r.anggaran or 0 for r in rows)
    judul_periode = periode.label if bulan == 1 else f"{periods[0].label} – {periode.label}"
    return {
        "wilayah": wilayah,
        "periode": periode,
        "bulan": bulan,
        "judul_periode": judul_periode,
        "intervensi_list": rows,
        "jumlah": len(rows),
        "anggaran": anggaran,
        "penerima": sum(r.penerima_manfaat or 0 for r in rows),
        "jumlah_desa": len(desa),
        "jumlah_instansi": len(instansi),
        "seksi_chart": charts.bar(
            seksi.most_common(), title=_("Intervensi per seksi"), value_header=_("Kegiatan")
        ),
        "instansi_chart": charts.bar(
            instansi.most_common(10),
            title=_("10 instansi paling banyak terlibat"),
            value_header=_("Kegiatan"),
            color="#20c997",
        ),
        "inpres_rows": per_inpres(rows),
        "desa_rows": sorted(desa.items()),
        "seksi_counts": seksi.most_common(),
        "instansi_counts": instansi.most_common(),
    }


def per_inpres(rows: list) -> list[dict]:
    """Interventions counted per Inpres 3/2022 sasaran and program, in the catalogue's order;
    those that name no kegiatan last."""
    counts: Counter = Counter()
    programs = {}
    for r in rows:
        program = r.inpres_kegiatan.program if r.inpres_kegiatan_id else None
        key = (program.sasaran.nomor, program.urutan, program.pk) if program else (99, 0, 0)
        counts[key] += 1
        programs[key] = program
    result = []
    for key in sorted(counts):
        program = programs[key]
        result.append(
            {
                "sasaran": str(program.sasaran) if program else _("Tanpa kegiatan Inpres"),
                "program": program.nama if program else "–",
                "jumlah": counts[key],
            }
        )
    return result


def instansi_text(intervensi) -> str:
    names = [i.nama for i in intervensi.instansi.all()]
    if intervensi.instansi_lainnya:
        names.append(intervensi.instansi_lainnya)
    return "; ".join(names)


def rekap_intervensi_sheets(context: dict) -> list[xlsx.Sheet]:
    c = xlsx.Column
    heading = _("Rekap intervensi lintas sektor %(w)s, %(p)s") % {
        "w": context["wilayah"].label,
        "p": context["judul_periode"],
    }
    daftar = xlsx.Sheet(
        _("Intervensi"),
        [
            c(_("Tanggal"), width=12),
            c(_("Kode desa"), width=16),
            c(_("Desa"), width=20),
            c(_("Kegiatan"), width=36),
            c(_("Seksi"), width=16),
            c(_("Instansi"), width=36),
            c(_("Sumber dana"), width=16),
            c(_("Anggaran (Rp)"), xlsx.INTEGER, width=16),
            c(_("Penerima manfaat"), xlsx.INTEGER),
        ],
        [
            [
                r.tanggal,
                r.kampung.desa_id,
                r.kampung.desa.nama,
                r.judul,
                r.get_seksi_display(),
                instansi_text(r),
                r.get_sumber_dana_display(),
                r.anggaran,
                r.penerima_manfaat,
            ]
            for r in context["intervensi_list"]
        ],
        heading=heading,
    )
    per_seksi = xlsx.Sheet(
        _("Per seksi"),
        [c(_("Seksi"), width=24), c(_("Kegiatan"), xlsx.INTEGER)],
        [list(item) for item in context["seksi_counts"]],
        heading=heading,
    )
    per_instansi = xlsx.Sheet(
        _("Per instansi"),
        [c(_("Instansi"), width=40), c(_("Kegiatan"), xlsx.INTEGER)],
        [list(item) for item in context["instansi_counts"]],
        heading=heading,
    )
    per_inpres_sheet = xlsx.Sheet(
        _("Per Inpres 3-2022"),
        [c(_("Sasaran"), width=48), c(_("Program"), width=60), c(_("Kegiatan"), xlsx.INTEGER)],
        [[r["sasaran"], r["program"], r["jumlah"]] for r in context["inpres_rows"]],
        heading=heading,
    )
    return [daftar, per_seksi, per_instansi, per_inpres_sheet]
