"""Rekap Intervensi Lintas Sektor: a region's interventions over one to
twelve months, per seksi, agency and Inpres 3/2022 programme (preview, PDF,
XLSX; prepared in the background for a kabupaten or wider)."""

from __future__ import annotations

from collections import Counter

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kampungkb.periods import Periode
from reports import charts, xlsx
from reports.access import wilayah_for
from reports.documents.base import Document, register


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


REKAP_INTERVENSI = register(
    Document(
        name="rekap-intervensi",
        group="rekap",
        jenis="intervensi",
        judul=gettext_lazy("Rekap Intervensi Lintas Sektor"),
        subject=wilayah_for,
        context=lambda ask: rekap_intervensi_context(ask.subject, ask.periode, ask.bulan, ask.user),
        formats=("html", "pdf", "xlsx"),
        template="reports/pdf/_rekap_intervensi.html",
        sheets=rekap_intervensi_sheets,
        periodic=True,
        queued_up_to=2,
        url_names={"pdf": "reports:rekap-pdf", "xlsx": "reports:rekap-xlsx"},
    )
)
