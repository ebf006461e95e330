"""Set-wise rebuild of every summary row (``reports.Ringkasan``) for many periods.

``reports.summaries.rebuild`` recomputes one desa × month at a time (about a
dozen queries each): right for a kabupaten, hours for the whole country. This
module computes the same rows with a handful of grouped queries per month,
assembles them in Python with the same figure definitions as the per-desa
refresh (``reports.figures``: what counts as masuk, tepat waktu,
terverifikasi; the snapshot figures) and the same roll-up
(``reports.summaries.rollup_values``), and writes them with COPY. Used by
``rebuild_summaries`` (the whole country) and the data generator. Tests
(``reports/tests/test_summaries.py``, ``tests/test_generate_scale.py``)
check that both paths give identical rows.
"""

from __future__ import annotations

import json
from collections import defaultdict

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from kampungkb.periods import Periode, due_date
from reports import figures
from reports.models import Ringkasan
from reports.summaries import (
    COUNT_FIELDS,
    INDEKS_FIELDS,
    JSON_FIELDS,
    _defaults,
    lock_province,
    rollup_values,
)
from villages.choices import RENTANG_USIA


def _rows(sql: str, params=None) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _latest(by_kampung: dict[int, list], until) -> object | None:
    found = None
    for obj in by_kampung:  # sorted by periode ascending
        if obj.periode <= until:
            found = obj
        else:
            break
    return found


class _Row(dict):
    __getattr__ = dict.__getitem__


def _static_data():
    """Data that does not depend on the month: Kampung KB, poktan, snapshots,
    agencies, innovations."""
    from interventions.instansi_resmi import INSTANSI_KB
    from villages.models import KkbpkKampung, KlasifikasiPeriode, PendudukKampung

    kampung = dict(_rows("SELECT id, desa_id FROM villages_kampungkb ORDER BY desa_id"))
    poktan = defaultdict(dict)
    for kid, jenis, n in _rows(
        "SELECT kampung_id, jenis, count(*) FROM poktan_poktan WHERE aktif "
        "GROUP BY kampung_id, jenis"
    ):
        poktan[kid][jenis] = n

    def grouped(qs, derived=None):
        # Plain rows (no model instances: 250,000 of each nationally), with the
        # model's derived figures computed once from the same field lists.
        out = defaultdict(list)
        for row in qs.order_by("kampung_id", "periode").values():
            for name, fields in (derived or {}).items():
                row[name] = sum(row[f] for f in fields)
            out[row["kampung_id"]].append(_Row(row))
        return out

    bands = [f"{sex}_{i}" for sex in ("pria", "wanita") for i in range(len(RENTANG_USIA))]
    kelas = grouped(KlasifikasiPeriode.objects.all())
    penduduk = grouped(PendudukKampung.objects.aktif(), {"jumlah_jiwa": bands})
    kkbpk = grouped(
        KkbpkKampung.objects.aktif(),
        {
            "peserta_kb": KkbpkKampung.KB_FIELDS,
            "peserta_mkjp": KkbpkKampung.MKJP_FIELDS,
            "unmet": KkbpkKampung.UNMET_FIELDS,
        },
    )
    lintas = dict(
        _rows(
            "SELECT v.kampung_id, count(DISTINCT coalesce(i.induk_id, i.id)) "
            "FROM interventions_intervensi_instansi vi "
            "JOIN interventions_intervensi v ON v.id = vi.intervensi_id "
            "JOIN interventions_instansi i ON i.id = vi.instansi_id "
            "LEFT JOIN interventions_instansi ind ON ind.id = i.induk_id "
            "WHERE i.nama <> ALL(%s) AND (ind.nama IS NULL OR ind.nama <> ALL(%s)) "
            "GROUP BY v.kampung_id",
            [list(INSTANSI_KB), list(INSTANSI_KB)],
        )
    )
    inovasi = defaultdict(dict)
    for desa, tahapan, n in _rows(
        "SELECT desa, tahapan, count(DISTINCT id) FROM ("
        " SELECT k.desa_id AS desa, i.id, i.tahapan FROM interventions_inovasi i"
        " JOIN villages_kampungkb k ON k.desa_id = i.wilayah_id"
        " UNION ALL"
        " SELECT k.desa_id, i.id, i.tahapan FROM interventions_inovasi_kampung ik"
        " JOIN interventions_inovasi i ON i.id = ik.inovasi_id"
        " JOIN villages_kampungkb k ON k.id = ik.kampungkb_id) x GROUP BY desa, tahapan"
    ):
        inovasi[desa][tahapan] = n
    return kampung, poktan, kelas, penduduk, kkbpk, lintas, inovasi


def _prepare_laporan(periods: list[Periode]) -> None:
    """Registers of every period grouped per Kampung KB × jenis × status, in
    one pass over the register table (a temporary table read month by month)."""
    values = ", ".join(f"(DATE '{p.first_day}', DATE '{due_date(p)}')" for p in periods)
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS scale_laporan_agg")
        cursor.execute(
            "CREATE TEMPORARY TABLE scale_laporan_agg AS "
            "SELECT l.periode, p.kampung_id, p.jenis, l.status, count(*) AS n, "
            "sum(coalesce(l.jumlah_anggota, 0)) AS anggota, "
            "sum(coalesce(l.keluarga_hadir, 0)) AS hadir, "
            f"count(*) FILTER (WHERE {figures.tepat_waktu_sql('l', 'd.due')}) AS tepat "
            "FROM poktan_laporan l JOIN poktan_poktan p ON p.id = l.poktan_id AND p.aktif "
            f"JOIN (VALUES {values}) AS d(periode, due) ON d.periode = l.periode "
            "GROUP BY 1, 2, 3, 4",
            [settings.TIME_ZONE],
        )
        cursor.execute("CREATE INDEX ON scale_laporan_agg (periode)")


def _month_data(periode: Periode):
    laporan = defaultdict(list)
    for row in _rows(
        "SELECT kampung_id, jenis, status, n, anggota, hadir, tepat "
        "FROM scale_laporan_agg WHERE periode = %s",
        [periode.first_day],
    ):
        laporan[row[0]].append(row[1:])
    seksi = defaultdict(dict)
    for kid, name, n in _rows(
        "SELECT kampung_id, seksi, count(*) FROM interventions_intervensi "
        "WHERE tanggal BETWEEN %s AND %s GROUP BY 1, 2",
        [periode.first_day, periode.last_day],
    ):
        seksi[kid][name] = n
    instansi = defaultdict(dict)
    for kid, name, n in _rows(
        "SELECT v.kampung_id, i.nama, count(*) FROM interventions_intervensi v "
        "JOIN interventions_intervensi_instansi vi ON vi.intervensi_id = v.id "
        "JOIN interventions_instansi i ON i.id = vi.instansi_id "
        "WHERE v.tanggal BETWEEN %s AND %s GROUP BY 1, 2",
        [periode.first_day, periode.last_day],
    ):
        instansi[kid][name] = n
    # Cumulative: every intervention dated up to the end of the month.
    seksi_kum = defaultdict(dict)
    for kid, name, n in _rows(
        "SELECT kampung_id, seksi, count(*) FROM interventions_intervensi "
        "WHERE tanggal <= %s GROUP BY 1, 2",
        [periode.last_day],
    ):
        seksi_kum[kid][name] = n
    instansi_kum = defaultdict(dict)
    for kid, name, n in _rows(
        "SELECT v.kampung_id, i.nama, count(*) FROM interventions_intervensi v "
        "JOIN interventions_intervensi_instansi vi ON vi.intervensi_id = v.id "
        "JOIN interventions_instansi i ON i.id = vi.instansi_id "
        "WHERE v.tanggal <= %s GROUP BY 1, 2",
        [periode.last_day],
    ):
        instansi_kum[kid][name] = n
    return laporan, seksi, instansi, seksi_kum, instansi_kum


_VILLAGES_MEMO: dict = {}


def desa_values(kid, periode, static, month) -> dict:
    """The values ``reports.summaries.build_desa`` stores for one desa × month."""
    _kampung, poktan, kelas, penduduk, kkbpk, lintas, inovasi = static
    laporan, seksi, instansi, seksi_kum, instansi_kum = month
    desa = static[0][kid]
    values = {**_defaults(), "tingkat": 4, "jumlah_kampung": 1}

    tally = figures.PoktanTally()
    for name, n in poktan.get(kid, {}).items():
        tally.poktan(name, n)
    for name, status, n, anggota, hadir, on_time in laporan.get(kid, ()):
        tally.laporan(name, status, n=n, anggota=int(anggota), hadir=int(hadir), tepat=on_time)
    values |= tally.values()
    s = seksi.get(kid, {})
    s_kum = seksi_kum.get(kid, {})
    values |= {
        "jumlah_intervensi": sum(s.values()),
        "intervensi_seksi": s,
        "intervensi_instansi": instansi.get(kid, {}),
        "lintas_sektor": lintas.get(kid, 0),
    }
    if "intervensi_kumulatif" in values:  # the reports app's cumulative counts
        values |= {
            "intervensi_kumulatif": sum(s_kum.values()),
            "intervensi_seksi_kumulatif": s_kum,
            "intervensi_instansi_kumulatif": instansi_kum.get(kid, {}),
        }
    t = inovasi.get(desa, {})
    values |= {"jumlah_inovasi": sum(t.values()), "inovasi_tahapan": t}

    until = periode.first_day
    k = _latest(kelas.get(kid, ()), until)
    p = _latest(penduduk.get(kid, ()), until)
    b = _latest(kkbpk.get(kid, ()), until)
    key = (id(k), id(p), id(b))
    if key not in _VILLAGES_MEMO:  # snapshots change once a year, not every month
        _VILLAGES_MEMO[key] = figures.snapshot_values(k, p, b)
    values |= _VILLAGES_MEMO[key]
    values["jumlah_berindeks"] = int(values.get("indeks_input") is not None)
    return values


COLUMNS = ["wilayah_id", "tingkat", "periode", "kelas", *COUNT_FIELDS, *JSON_FIELDS,
           *INDEKS_FIELDS, "diperbarui"]  # fmt: skip


def rebuild_all(periods: list[Periode], progress=None) -> int:
    """Replace the summary rows of ``periods`` at every level; returns the
    number of desa rows written."""
    static = _static_data()
    _VILLAGES_MEMO.clear()
    kampung = static[0]
    now = timezone.now()
    built = 0
    with transaction.atomic():
        # Live refreshes (reports.summaries) wait until this rebuild commits.
        for periode in periods:
            for provinsi in sorted({desa.split(".")[0] for desa in kampung.values()}):
                lock_province(provinsi, periode)
        with connection.cursor() as cursor:
            cursor.execute(
                "DELETE FROM reports_ringkasan WHERE periode = ANY(%s)",
                [[p.first_day for p in periods]],
            )
        _prepare_laporan(periods)
        for i, periode in enumerate(periods, start=1):
            month = _month_data(periode)
            rows: dict[str, dict] = {}
            for kid, desa in kampung.items():
                rows[desa] = desa_values(kid, periode, static, month)
            built += len(rows)
            level = rows
            for tingkat in (3, 2, 1):
                children = defaultdict(list)
                for kode, values in level.items():
                    children[kode.rsplit(".", 1)[0]].append(values)
                level = {kode: rollup_values(tingkat, c) for kode, c in children.items()}
                rows.update(level)
            _copy(rows, periode, now)
            if progress:
                progress.tick(i, len(periods))
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE IF EXISTS scale_laporan_agg")
    _VILLAGES_MEMO.clear()
    return built


def _copy(rows: dict[str, dict], periode: Periode, now) -> None:
    def convert(name, value):
        if name in JSON_FIELDS:
            return json.dumps(value, ensure_ascii=False) if value else "{}"
        return value

    names = ", ".join(f'"{c}"' for c in COLUMNS)
    sql = f"COPY {Ringkasan._meta.db_table} ({names}) FROM STDIN"
    with connection.cursor() as wrapper, wrapper.cursor.copy(sql) as copy:
        for kode, values in rows.items():
            copy.write_row(
                [kode, values["tingkat"], periode.first_day]
                + [convert(c, values[c]) for c in COLUMNS[3:-1]]
                + [now]
            )
