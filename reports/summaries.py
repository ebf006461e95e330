"""Precomputed indicators (design.md §4.7): the summary rows dashboards read.

Every service that changes data a dashboard shows calls ``refresh_desa`` for
the desa × period it touched, inside its own transaction. The reports app
owns the tables and the arithmetic; other apps only call these functions.

A desa row is rebuilt from the source data (``reports.sources``); each
ancestor row (kecamatan, kabupaten, provinsi) is then rebuilt as the sum of
its direct children's rows. A refresh reads those children in one query and
writes the four rows in one upsert: a constant handful of queries, never a
scan of the kabupaten.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import connection, transaction
from django.db.models import Q

from kampungkb.periods import Periode
from reports import sources
from reports.models import Ringkasan
from villages.models import ancestor_codes_of

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
    "kampung_tanpa_poktan",
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


def refresh_desa(
    desa_kode: str,
    periode: Periode | None = None,
    *,
    parts: tuple[str, ...] | None = None,
    kampung=None,
) -> None:
    """Recompute the summary row of one desa × period and its roll-ups.

    ``periode`` None means "every period this change can affect" (e.g. a
    Kampung KB profile edit): the last 12 months, the dashboards' trend.

    A change in month P also reaches the months after it: a snapshot stays in
    force until the next one, and interventions are counted cumulatively. So
    the later months of the trend window are rebuilt too (older months in
    between are left to ``rebuild_summaries``).

    ``parts`` names the sources the change touched (keys of ``PARTS``, e.g.
    ``("poktan",)`` for a register's status): the other figures of an existing
    desa row are kept as stored. ``kampung``: the desa's KampungKB when the
    caller has it (saves a query)."""
    from villages.models import KampungKB

    if kampung is None:
        kampung = KampungKB.objects.filter(desa_id=desa_kode).first()
    # No savepoint of its own: a failed refresh must fail the caller's whole
    # transaction anyway (the rows would not match the data).
    with transaction.atomic(savepoint=False):
        for p in periods_from(periode):
            _refresh(desa_kode, kampung, p, parts)


def _refresh(desa_kode: str, kampung, periode: Periode, parts) -> None:
    """One period: a few queries whatever the size of the region.

    Refreshes of one province and month queue up first (``lock_province``), so
    the second reads the first's committed rows instead of overwriting its
    roll-ups with stale ones. Then the children of every ancestor are read in
    one query, the desa row and the three roll-ups are computed in memory and
    written in one upsert."""
    first = periode.first_day
    ancestors = ancestor_codes_of(desa_kode)
    lock_province(ancestors[0] if ancestors else desa_kode, periode)
    children = Q()
    for kode in ancestors:
        children |= Q(tingkat=kode.count(".") + 2, wilayah__kode__startswith=f"{kode}.")
    rows = Ringkasan.objects.filter(children, periode=first)
    stored = {r.wilayah_id: row_values(r) for r in rows}
    gone = []
    if kampung is None:
        stored.pop(desa_kode, None)
        gone.append(desa_kode)
    else:
        stored[desa_kode] = desa_values(kampung, periode, parts, stored.get(desa_kode))
    write = {desa_kode: stored[desa_kode]} if kampung is not None else {}
    for kode in reversed(ancestors):  # kecamatan, kabupaten, provinsi
        tingkat = kode.count(".") + 1
        below = [
            v for k, v in stored.items() if v["tingkat"] == tingkat + 1 and k.startswith(f"{kode}.")
        ]
        if below:
            stored[kode] = write[kode] = rollup_values(tingkat, below)
        else:
            stored.pop(kode, None)
            gone.append(kode)
    _save(write, periode)
    if gone:
        Ringkasan.objects.filter(periode=first, wilayah_id__in=gone).delete()


def lock_province(provinsi: str, periode: Periode) -> None:
    """Hold a lock on (province, month) until the transaction ends. An
    advisory lock, not a row lock: the month's rows may not exist yet.
    SQLite (``make run``) serialises every write transaction already."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))",
                [f"reports.ringkasan {provinsi} {periode}"],
            )


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


# What a desa row is made of, by source (``reports.sources``).
PARTS = {
    "poktan": sources.poktan_data,
    "intervensi": sources.intervensi_data,
    "inovasi": sources.inovasi_data,
    "villages": sources.villages_data,
}
FIELDS = ["tingkat", "kelas", *COUNT_FIELDS, *JSON_FIELDS, *INDEKS_FIELDS]


def row_values(row: Ringkasan) -> dict:
    return {name: getattr(row, name) for name in FIELDS}


def desa_values(kampung, periode: Periode, parts=None, current: dict | None = None) -> dict:
    """The stored figures of a Kampung KB's desa for ``periode``; with
    ``parts`` and the ``current`` row, only those sources are read again."""
    if parts is None or current is None:
        values = {**_defaults(), "tingkat": 4, "jumlah_kampung": 1}
        parts = tuple(PARTS)
    else:
        values = dict(current)
    for part in parts:
        values |= PARTS[part](kampung, periode)
    values["jumlah_berindeks"] = int(values.get("indeks_input") is not None)
    return values


def _defaults() -> dict:
    values = dict.fromkeys(COUNT_FIELDS, 0)
    values.update({name: {} for name in JSON_FIELDS})
    values.update(dict.fromkeys(INDEKS_FIELDS))
    values["kelas"] = ""
    return values


def rollup_values(tingkat: int, children: list[dict]) -> dict:
    """A region's row as the sum of its children's rows (``row_values``)."""
    values = {**_defaults(), "tingkat": tingkat}
    for child in children:
        for name in COUNT_FIELDS:
            values[name] += child[name]
        for name in JSON_FIELDS:
            sources.sum_nested(values[name], child[name])
    berindeks = values["jumlah_berindeks"]
    for name in INDEKS_FIELDS:
        # Mean over the villages that have an index, weighted by how many each row holds.
        total = sum((c[name] or Decimal(0)) * c["jumlah_berindeks"] for c in children)
        values[name] = (total / berindeks).quantize(Decimal("0.01")) if berindeks else None
    return values


def _save(rows: dict[str, dict], periode: Periode) -> None:
    """Insert or update ``rows`` (wilayah code → values) in one statement."""
    if not rows:
        return
    Ringkasan.objects.bulk_create(
        [Ringkasan(wilayah_id=kode, periode=periode.first_day, **v) for kode, v in rows.items()],
        update_conflicts=True,
        unique_fields=["wilayah", "periode"],
        update_fields=[*FIELDS, "diperbarui"],
    )


def build_desa(desa_kode: str, periode: Periode) -> dict | None:
    """Rebuild and store one desa row from the sources (no roll-up)."""
    from villages.models import KampungKB

    kampung = KampungKB.objects.filter(desa_id=desa_kode).first()
    if kampung is None:
        Ringkasan.objects.filter(wilayah_id=desa_kode, periode=periode.first_day).delete()
        return None
    values = desa_values(kampung, periode)
    _save({desa_kode: values}, periode)
    return values


def rollup(kode: str, periode: Periode) -> dict | None:
    """Rebuild the row of ``kode`` as the sum of its children's rows."""
    tingkat = kode.count(".") + 1
    children = [
        row_values(r)
        for r in Ringkasan.objects.filter(
            periode=periode.first_day, tingkat=tingkat + 1, wilayah__kode__startswith=f"{kode}."
        )
    ]
    if not children:
        Ringkasan.objects.filter(wilayah_id=kode, periode=periode.first_day).delete()
        return None
    values = rollup_values(tingkat, children)
    _save({kode: values}, periode)
    return values


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
                {a for kode in desa_codes for a in ancestor_codes_of(kode)},
                key=lambda k: -k.count("."),
            )
            for kode in ancestors:
                rollup(kode, periode)
    return done
