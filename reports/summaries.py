"""Precomputed indicators (design.md §4.7): the summary rows dashboards read.

Every service that changes data a dashboard shows calls ``refresh_desa`` for
the desa × period it touched, inside its own transaction. The reports app
owns the tables and the arithmetic; other apps only call these functions.

A desa row is rebuilt from the source data (``reports.sources``); each
ancestor row (kecamatan, kabupaten, provinsi) is then rebuilt as the sum of
its direct children's rows, so one refresh costs a few queries per level and
never scans the whole kabupaten.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction

from kampungkb.periods import Periode
from reports import sources
from reports.models import Ringkasan

COUNT_FIELDS = [
    "jumlah_kampung",
    "jumlah_berindeks",
    "jumlah_poktan",
    "laporan_wajib",
    "laporan_masuk",
    "laporan_tepat_waktu",
    "laporan_diverifikasi",
    "laporan_dikembalikan",
    "desa_lengkap",
    "jumlah_jiwa",
    "jumlah_keluarga",
    "pus",
    "peserta_kb",
    "peserta_mkjp",
    "unmet",
    "jumlah_intervensi",
    "intervensi_kumulatif",
    "lintas_sektor",
    "jumlah_inovasi",
]
JSON_FIELDS = [
    "kelas_jumlah",
    "poktan_jenis",
    "metode",
    "tidak_kb",
    "partisipasi",
    "intervensi_seksi",
    "intervensi_instansi",
    "intervensi_seksi_kumulatif",
    "intervensi_instansi_kumulatif",
    "inovasi_tahapan",
]
INDEKS_FIELDS = ["indeks_input", "indeks_proses", "indeks_output"]
# How far back "every period this change can affect" reaches: the dashboards' trend.
TREND_MONTHS = 12


def affected_periods(until: Periode | None = None) -> list[Periode]:
    periode = until or Periode.current()
    periods = [periode]
    for _i in range(TREND_MONTHS - 1):
        periods.append(periods[-1].prev())
    return periods[::-1]


def refresh_desa(desa_kode: str, periode: Periode | None = None) -> None:
    """Recompute the summary row of one desa × period and its roll-ups.

    ``periode`` None means "every period this change can affect" (e.g. a
    Kampung KB profile edit): the last 12 months, the dashboards' trend.

    A change in month P also reaches the months after it: a snapshot stays in
    force until the next one, and interventions are counted cumulatively. So
    the later months of the trend window are rebuilt too (older months in
    between are left to ``rebuild_summaries``)."""
    with transaction.atomic():
        for p in periods_from(periode):
            build_desa(desa_kode, p)
            rollup_ancestors(desa_kode, p)


def ensure_desa(desa_kode: str, periode: Periode) -> None:
    """Create the desa × period row and its roll-ups if the month has none
    yet (its first register of the month); otherwise leave them as they are.

    For writes that change no summary figure (a draft save): the row still
    appears with the month's first activity, so the village shows on the
    dashboards as owing its registers."""
    if not Ringkasan.objects.filter(wilayah_id=desa_kode, periode=periode.first_day).exists():
        refresh_desa(desa_kode, periode)


def periods_from(periode: Periode | None) -> list[Periode]:
    window = affected_periods()
    if periode is None:
        return window
    return [periode, *[p for p in window if p > periode]]


def build_desa(desa_kode: str, periode: Periode) -> Ringkasan | None:
    from villages.models import KampungKB

    kampung = KampungKB.objects.filter(desa_id=desa_kode).first()
    if kampung is None:
        Ringkasan.objects.filter(wilayah_id=desa_kode, periode=periode.first_day).delete()
        return None
    values = {
        **_defaults(),
        "tingkat": 4,
        "jumlah_kampung": 1,
        **sources.poktan_data(kampung, periode),
        **sources.intervensi_data(kampung, periode),
        **sources.inovasi_data(kampung, periode),
        **sources.villages_data(kampung, periode),
    }
    values["jumlah_berindeks"] = int(values.get("indeks_input") is not None)
    values.setdefault("kelas_jumlah", {values["kelas"]: 1} if values.get("kelas") else {})
    row, _created = Ringkasan.objects.update_or_create(
        wilayah_id=desa_kode, periode=periode.first_day, defaults=values
    )
    return row


def _defaults() -> dict:
    values = dict.fromkeys(COUNT_FIELDS, 0)
    values.update({name: {} for name in JSON_FIELDS})
    values.update(dict.fromkeys(INDEKS_FIELDS))
    values["kelas"] = ""
    return values


def rollup_ancestors(desa_kode: str, periode: Periode) -> None:
    kode = desa_kode
    while "." in kode:
        kode = kode.rsplit(".", 1)[0]
        rollup(kode, periode)


def rollup(kode: str, periode: Periode) -> Ringkasan | None:
    """Rebuild the row of ``kode`` as the sum of its children's rows."""
    tingkat = kode.count(".") + 1
    children = list(
        Ringkasan.objects.filter(
            periode=periode.first_day, tingkat=tingkat + 1, wilayah__kode__startswith=f"{kode}."
        )
    )
    if not children:
        Ringkasan.objects.filter(wilayah_id=kode, periode=periode.first_day).delete()
        return None
    values = {**_defaults(), "tingkat": tingkat}
    for child in children:
        for name in COUNT_FIELDS:
            values[name] += getattr(child, name)
        for name in JSON_FIELDS:
            sources.sum_nested(values[name], getattr(child, name))
    berindeks = values["jumlah_berindeks"]
    for name in INDEKS_FIELDS:
        # Mean over the villages that have an index, weighted by how many each row holds.
        total = sum((getattr(c, name) or Decimal(0)) * c.jumlah_berindeks for c in children)
        values[name] = (total / berindeks).quantize(Decimal("0.01")) if berindeks else None
    row, _created = Ringkasan.objects.update_or_create(
        wilayah_id=kode, periode=periode.first_day, defaults=values
    )
    return row


def rebuild(periods: list[Periode], kabupaten: str | None = None, progress=None) -> int:
    """Rebuild every desa row (optionally of one kabupaten) and all roll-ups.

    Returns the number of desa rows built. ``progress(done, total)`` is
    called after each desa (the background task reports it)."""
    from villages.models import KampungKB

    kampung = KampungKB.objects.order_by("desa_id")
    if kabupaten:
        kampung = kampung.filter(desa__kode__startswith=f"{kabupaten}.")
    desa_codes = list(kampung.values_list("desa_id", flat=True))
    total = len(desa_codes) * len(periods)
    done = 0
    for periode in periods:
        with transaction.atomic():
            stale = Ringkasan.objects.filter(periode=periode.first_day, tingkat=4)
            if kabupaten:
                stale = stale.filter(wilayah__kode__startswith=f"{kabupaten}.")
            stale.exclude(wilayah_id__in=desa_codes).delete()
            for kode in desa_codes:
                build_desa(kode, periode)
                done += 1
                if progress:
                    progress(done, total)
            ancestors = sorted(
                {a for kode in desa_codes for a in _ancestors(kode)},
                key=lambda k: -k.count("."),
            )
            for kode in ancestors:
                rollup(kode, periode)
    return done


def _ancestors(kode: str) -> list[str]:
    parts = kode.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]
