"""Dashboard content built from summary rows only (constant query count).

``dashboard_context`` reads three sets of ``Ringkasan`` rows — the region's
last 12 months, its children in the chosen month and, for a kabupaten or
wider, its villages that are behind — and turns them into KPI tiles, charts
with their data tables and drill-down rows. The PDF of the same region
renders from the same context.
"""

from __future__ import annotations

from collections import Counter

from django.utils.translation import gettext as _

from kampungkb import timefmt
from kampungkb.domain import JENIS_POKTAN_NAMA, JenisPoktan, Kontrasepsi, Seksi
from kampungkb.periods import Periode
from reports import charts
from reports.models import Ringkasan, rasio
from reports.summaries import JSON_FIELDS, TREND_MONTHS, affected_periods

KELAS = ["Dasar", "Berkembang", "Mandiri", "Berkelanjutan"]
TAHAPAN = ["Inisiatif", "Uji Coba", "Penerapan"]
NON_KB_LABELS = {
    "hamil": "Karena Hamil",
    "anak_segera": "Karena Ingin Anak Segera",
    "anak_kemudian": "Ingin Anak Kemudian/Ingin Anak Tunda (IAT)",
    "tidak_ingin_anak": "Tidak Ingin Anak Lagi",
}


def bulan_pendek(periode: Periode) -> str:

    return timefmt.format_value(periode.first_day, "M y")


# A province has thousands of villages behind; the page shows the worst ones
# (the XLSX has them all).
BEHIND_LIMIT = 50


def dashboard_context(wilayah, periode: Periode, all_behind: bool = False) -> dict:
    periods = affected_periods(periode)
    trend_rows = {
        r.periode: r
        for r in Ringkasan.objects.filter(
            wilayah=wilayah, periode__gte=periods[0].first_day, periode__lte=periode.first_day
        )
    }
    row = trend_rows.get(periode.first_day)
    children = list(
        Ringkasan.objects.of(periode)
        .filter(tingkat=wilayah.tingkat + 1, wilayah__kode__startswith=f"{wilayah.kode}.")
        .select_related("wilayah")
        .order_by("wilayah_id")
    )
    behind, behind_total = [], 0
    if wilayah.tingkat < 3:
        behind, behind_total = desa_behind(
            wilayah, periode, limit=None if all_behind else BEHIND_LIMIT
        )
    elif wilayah.tingkat == 3:
        behind = [c for c in children if c.laporan_masuk < c.laporan_wajib]
        behind.sort(key=lambda r: (r.kelengkapan or 0, r.wilayah_id))
        behind_total = len(behind)
    trend = [trend_rows.get(p.first_day) for p in periods]
    return {
        "wilayah": wilayah,
        "periode": periode,
        "row": row,
        "children": children,
        "behind": behind,
        "behind_total": behind_total,
        "tiles": tiles(row),
        "charts": build_charts(row, children, trend, periods),
        "trend_months": TREND_MONTHS,
    }


def desa_behind(wilayah, periode: Periode, limit: int | None) -> tuple[list[Ringkasan], int]:
    """The villages whose registers of the month are not all in, least complete
    first (at most ``limit``), and how many there are.

    With a limit, two queries: a narrow one ranks every village behind (id,
    ratio, and the total as a window count) and keeps ``limit`` ids, then the
    full rows of those few are read. Sorting the wide rows of a province
    (6,303 behind in Aceh) spilled to disk: 68 → 16 ms at national scale."""
    from django.db.models import Count, F, FloatField, Window
    from django.db.models.functions import Cast

    rows = Ringkasan.objects.of(periode).filter(
        tingkat=4,
        wilayah__kode__startswith=f"{wilayah.kode}.",
        laporan_masuk__lt=F("laporan_wajib"),  # so laporan_wajib ≥ 1 below
    )
    ranked = rows.annotate(
        _rasio=Cast("laporan_masuk", FloatField()) / F("laporan_wajib")
    ).order_by("_rasio", "wilayah_id")
    if limit is None:
        behind = list(ranked.select_related("wilayah__induk"))
        return behind, len(behind)
    top = list(ranked.annotate(_total=Window(Count("pk"))).values_list("pk", "_total")[:limit])
    if not top:
        return [], 0
    # The page shows counts only: the JSON breakdowns are not read (nor decoded).
    by_pk = (
        Ringkasan.objects.select_related("wilayah__induk")
        .defer(*JSON_FIELDS)
        .in_bulk([pk for pk, _t in top])
    )
    return [by_pk[pk] for pk, _t in top], top[0][1]


def sum_json(rows, field: str) -> Counter:
    total: Counter = Counter()
    for r in rows:
        if r is not None:
            total.update(getattr(r, field))
    return total


def tiles(row: Ringkasan | None) -> list[dict]:
    if row is None:
        return []
    return [
        {"label": _("Kampung KB"), "value": charts.angka(row.jumlah_kampung)},
        {
            "label": _("Laporan poktan masuk"),
            "value": charts.persen(row.kelengkapan),
            "note": laporan_note(row),
        },
        {"label": _("Tepat waktu"), "value": charts.persen(row.tepat_waktu)},
        {"label": _("PUS"), "value": charts.angka(row.pus)},
        {
            "label": _("CPR"),
            "value": charts.persen(row.cpr),
            "note": _("%(n)s peserta KB") % {"n": charts.angka(row.peserta_kb)},
        },
        {"label": _("MKJP"), "value": charts.persen(row.mkjp_persen)},
        {"label": _("Unmet need"), "value": charts.persen(row.unmet_persen)},
        {
            "label": _("Intervensi bulan ini"),
            "value": charts.angka(row.jumlah_intervensi),
            "note": _("%(n)s sejak awal") % {"n": charts.angka(row.intervensi_kumulatif)},
        },
        {"label": _("Inovasi"), "value": charts.angka(row.jumlah_inovasi)},
    ]


def laporan_note(row: Ringkasan) -> str:
    note = _("%(masuk)s dari %(wajib)s laporan") % {
        "masuk": charts.angka(row.laporan_masuk),
        "wajib": charts.angka(row.laporan_wajib),
    }
    if row.kampung_tanpa_poktan:
        note += " · " + _("termasuk %(n)s Kampung KB belum ada poktan") % {
            "n": charts.angka(row.kampung_tanpa_poktan)
        }
    return note


BELUM_DIKLASIFIKASI = _("belum diklasifikasi")


def kelas_counts(row: Ringkasan | None) -> list[tuple[str, int]]:
    """Kampung KB per class in a summary row, then those with no class yet.

    The one count behind the home-page panel and the dashboard chart: a
    Kampung KB with no snapshot has no class, it is not "Dasar"."""
    if row is None:
        return []
    counts = [(k, row.kelas_jumlah.get(k, 0)) for k in KELAS]
    belum = row.jumlah_kampung - sum(n for _k, n in counts)
    return [*counts, (str(BELUM_DIKLASIFIKASI), belum)]


def partisipasi_items(row: Ringkasan) -> list[tuple[str, object]]:
    items = []
    for jenis in JenisPoktan:
        data = row.partisipasi.get(jenis.value, {})
        items.append((JENIS_POKTAN_NAMA[jenis], rasio(data.get("ikut"), data.get("sasaran"))))
    return items


def build_charts(row, children, trend, periods) -> dict:
    labels = [bulan_pendek(p) for p in periods]
    out = {
        "tren": charts.line(
            labels,
            [
                (_("Laporan masuk"), "#0b6e4f", [r.kelengkapan if r else None for r in trend]),
                (_("CPR"), "#0d6efd", [r.cpr if r else None for r in trend]),
                (_("MKJP"), "#fd7e14", [r.mkjp_persen if r else None for r in trend]),
            ],
            title=_("Tren 12 bulan (%)"),
            fmt=charts.persen,
            max_value=100,
        ),
    }
    if row is None:
        return out
    out["kelas"] = charts.bar(
        [(k, n) for k, n in kelas_counts(row) if n or k in KELAS],
        title=_("Klasifikasi Kampung KB"),
        value_header=_("Jumlah Kampung KB"),
        colors=charts.KELAS_COLORS,
    )
    if children:
        out["kelas_anak"] = charts.stacked_bar(
            [c.wilayah.label for c in children],
            [
                (k, charts.KELAS_COLORS[k], [c.kelas_jumlah.get(k, 0) for c in children])
                for k in KELAS
            ],
            title=_("Klasifikasi per wilayah"),
        )
        out["kelengkapan_anak"] = charts.bar(
            [(c.wilayah.label, c.kelengkapan) for c in children],
            title=_("Laporan poktan masuk per wilayah (%)"),
            value_header=_("Laporan masuk (%)"),
            fmt=charts.persen,
            max_value=100,
        )
    out["metode"] = charts.bar(
        [(k.label, row.metode.get(k.value, 0)) for k in Kontrasepsi],
        title=_("Mix kontrasepsi (peserta KB aktif)"),
        value_header=_("Peserta"),
    )
    out["tidak_kb"] = charts.bar(
        [(label, row.tidak_kb.get(key, 0)) for key, label in NON_KB_LABELS.items()],
        title=_("PUS tidak ber-KB menurut alasan"),
        value_header=_("PUS"),
        color="#6c757d",
    )
    out["partisipasi"] = charts.bar(
        partisipasi_items(row),
        title=_("Angka partisipasi poktan (%)"),
        value_header=_("Partisipasi (%)"),
        fmt=charts.persen,
        max_value=100,
    )
    seksi, instansi = row.intervensi_seksi_kumulatif, Counter(row.intervensi_instansi_kumulatif)
    out["seksi"] = charts.bar(
        [(s.label, seksi.get(s.value, 0)) for s in Seksi if seksi.get(s.value)],
        title=_("Intervensi per seksi, sampai %(p)s") % {"p": row.periode_obj.label},
        value_header=_("Kegiatan"),
        color="#6f42c1",
    )
    out["instansi"] = charts.bar(
        instansi.most_common(10),
        title=_("10 instansi paling banyak terlibat, sampai %(p)s") % {"p": row.periode_obj.label},
        value_header=_("Kegiatan"),
        color="#20c997",
    )
    out["inovasi"] = charts.bar(
        [(t, row.inovasi_tahapan.get(t, 0)) for t in TAHAPAN],
        title=_("Inovasi menurut tahapan"),
        value_header=_("Inovasi"),
        color="#d63384",
    )
    return out


def sheets(context: dict) -> list:
    """XLSX of the dashboard: the region and its children, and the villages behind."""
    from reports import xlsx

    c = xlsx.Column
    wilayah, periode = context["wilayah"], context["periode"]
    heading = _("Dasbor %(w)s, %(p)s") % {"w": wilayah.label, "p": periode.label}
    columns = [
        c(_("Kode"), width=16),
        c(_("Wilayah"), width=26),
        c(_("Kampung KB"), xlsx.INTEGER),
        c(_("Laporan wajib"), xlsx.INTEGER),
        c(_("Register masuk"), xlsx.INTEGER),
        c(_("Tepat waktu"), xlsx.INTEGER),
        c(_("Laporan masuk (%)"), xlsx.DECIMAL),
        c(_("PUS"), xlsx.INTEGER),
        c(_("Peserta KB"), xlsx.INTEGER),
        c(_("CPR (%)"), xlsx.DECIMAL),
        c(_("MKJP (%)"), xlsx.DECIMAL),
        c(_("Unmet need (%)"), xlsx.DECIMAL),
        c(_("Intervensi bulan ini"), xlsx.INTEGER),
        c(_("Klasifikasi"), width=30),
    ]

    def line(r):
        kelas = ", ".join(f"{k} {n}" for k, n in kelas_counts(r) if n)
        if r.tingkat == 4:
            kelas = r.kelas or str(BELUM_DIKLASIFIKASI)
        return [
            r.wilayah_id,
            r.wilayah.label,
            r.jumlah_kampung,
            r.laporan_wajib,
            r.laporan_masuk,
            r.laporan_tepat_waktu,
            r.kelengkapan,
            r.pus,
            r.peserta_kb,
            r.cpr,
            r.mkjp_persen,
            r.unmet_persen,
            r.jumlah_intervensi,
            kelas,
        ]

    rows = [line(r) for r in ([context["row"]] if context["row"] else []) + context["children"]]
    out = [xlsx.Sheet(_("Wilayah"), columns, rows, heading=heading)]
    if wilayah.tingkat < 4:
        out.append(
            xlsx.Sheet(
                _("Belum lengkap"),
                columns,
                [line(r) for r in context["behind"]],
                heading=heading,
            )
        )
    return out
