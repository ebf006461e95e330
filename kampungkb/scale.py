"""Synthetic data at kabupaten, provinsi or national scale (issue 7).

Used by ``manage.py generate_scale`` and the benchmark (``make bench``). It
writes through the real tables of every app, fast:

* regions go through ``villages.wilayah_import`` (the same upsert as
  ``manage.py import_wilayah``);
* the rows that come from Python (Kampung KB, users) go in with PostgreSQL
  ``COPY`` (psycopg 3 ``cursor.copy``);
* the big tables (poktan, members, 24 months of registers, snapshots,
  interventions) are generated inside PostgreSQL by ``INSERT … SELECT``
  over ``generate_series``, with ``setseed`` so a seed gives the same data;
* summaries are rebuilt set-wise by ``reports.summaries_setwise``.

Every column the generator does not set gets the model field's default, so a
field added later with a default does not break it. PostgreSQL only.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import connection, models, transaction
from django.utils import timezone

from kampungkb.periods import Periode

SCALES = ("kabupaten", "provinsi", "nasional")
# Region used when a file is given and no --wilayah: Labuhanbatu / Sumatera Utara.
DEFAULT_REGION = {"kabupaten": "12.10", "provinsi": "12", "nasional": None}
MONTHS = 24
BULK_ROLES = ("kader", "petugas_kecamatan", "opd_kabupaten", "opd_lintas_sektor", "pimpinan")

# Synthesised layout when no kode,nama file is given: (provinsi, kabupaten
# per provinsi, kecamatan per kabupaten, desa per kecamatan). The national
# one has 38 × 14 × 14 × 11 = 81,928 desa, close to the real 83,762.
SYNTH_LAYOUT = {
    "kabupaten": (1, 1, 10, 10),
    "provinsi": (1, 33, 14, 13),
    "nasional": (38, 14, 14, 11),
}


# --------------------------------------------------------------------------
# progress display (standard library: one line per step, a live counter on a tty)


class Progress:
    def __init__(self, stream=None, enabled: bool = True):
        self.stream = stream or sys.stdout
        self.enabled = enabled
        self.start = time.monotonic()
        self.timings: dict[str, float] = {}
        self.counts: dict[str, int] = {}
        self._step_start = self.start
        self._step = ""

    def step(self, name: str) -> None:
        self._finish()
        self._step = name
        self._step_start = time.monotonic()
        if self.enabled and self._tty():
            self._write(f"  {name} …", end="")

    def count(self, label: str, n: int) -> None:
        self.counts[label] = self.counts.get(label, 0) + n

    def _tty(self) -> bool:
        return getattr(self.stream, "isatty", lambda: False)()

    def tick(self, done: int, total: int) -> None:
        if self.enabled and self._tty():
            bar = "#" * int(30 * done / max(total, 1))
            self._write(f"\r  {self._step} [{bar:<30}] {done:,}/{total:,}", end="")

    def _finish(self) -> None:
        if self._step:
            took = time.monotonic() - self._step_start
            self.timings[self._step] = round(took, 2)
            if self.enabled:
                self._write(f"\r  {self._step}: {took:6.1f} s{' ' * 30}")
        self._step = ""

    def done(self) -> float:
        self._finish()
        return round(time.monotonic() - self.start, 2)

    def _write(self, text: str, end: str = "\n") -> None:
        self.stream.write(text + end)
        self.stream.flush()


# --------------------------------------------------------------------------
# regions


@dataclass
class Regions:
    rows: list[tuple[str, str]]  # (kode, nama) of every level, parents first
    desa: list[tuple[str, str]] = field(default_factory=list)

    def level(self, tingkat: int) -> list[str]:
        return [k for k, _n in self.rows if k.count(".") + 1 == tingkat]


def read_csv(path: str) -> list[tuple[str, str]]:
    with open(path, encoding="utf-8", newline="") as stream:
        rows = []
        for row in csv.reader(stream):
            if not row or row[0].strip().lower() == "kode":
                continue
            rows.append((row[0].strip(), ",".join(row[1:]).strip()))
    return rows


def synthesise(scale: str) -> list[tuple[str, str]]:
    n_prov, n_kab, n_kec, n_desa = SYNTH_LAYOUT[scale]
    rows = []
    for p in range(n_prov):
        prov = f"{91 - p:02d}" if n_prov == 1 else f"{11 + p:02d}"
        rows.append((prov, f"Provinsi Sintetis {prov}"))
        for k in range(1, n_kab + 1):
            kab = f"{prov}.{k:02d}"
            rows.append((kab, f"Kabupaten Sintetis {kab}"))
            for c in range(1, n_kec + 1):
                kec = f"{kab}.{c:02d}"
                rows.append((kec, f"Kecamatan {kec}"))
                for d in range(1, n_desa + 1):
                    # a few kelurahan (1xxx), mostly desa (2xxx)
                    prefix = 1 if d % 7 == 0 else 2
                    rows.append((f"{kec}.{prefix}{d:03d}", f"Desa {kec}.{d:03d}"))
    return rows


def select_regions(
    rows: list[tuple[str, str]], scale: str, wilayah: str | None, desa_limit: int | None
) -> Regions:
    """The regions of one kabupaten / provinsi (or all), optionally the first N desa."""
    if scale != "nasional":
        root = wilayah or DEFAULT_REGION[scale]
        codes = {k for k, _n in rows}
        want = 2 if scale == "kabupaten" else 1
        if root not in codes or root.count(".") + 1 != want:
            # Not in this file: the first region of the right level that has desa.
            root = next(
                k
                for k, _n in rows
                if k.count(".") + 1 == want
                and any(d.startswith(f"{k}.") and d.count(".") == 3 for d, _m in rows)
            )
        rows = [
            (k, n)
            for k, n in rows
            if k == root or k.startswith(f"{root}.") or root.startswith(f"{k}.")
        ]
    desa = [(k, n) for k, n in rows if k.count(".") == 3]
    if desa_limit is not None:
        desa = desa[:desa_limit]
        keep = {k for k, _n in desa}
        keep |= {k.rsplit(".", i)[0] for k in list(keep) for i in (1, 2, 3)}
        rows = [(k, n) for k, n in rows if k in keep]
    return Regions(rows=sorted(rows, key=lambda r: (r[0].count("."), r[0])), desa=desa)


def import_regions(regions: Regions) -> None:
    from villages.wilayah_import import import_wilayah

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["kode", "nama"])
    writer.writerows(regions.rows)
    buffer.seek(0)
    result = import_wilayah(buffer)
    if result.errors:
        raise ValueError("; ".join(result.errors[:5]))


# --------------------------------------------------------------------------
# low-level writers


def _db_default(model: type[models.Model], f: models.Field):
    value = f.get_default()
    if value is None and not f.null:
        if isinstance(f, models.DateTimeField):
            value = timezone.now()
        elif isinstance(f, models.DateField):
            value = timezone.localdate()
    return f.get_db_prep_save(value, connection)


def _fields(model) -> list[models.Field]:
    return [f for f in model._meta.concrete_fields if not f.generated]


def lit(value) -> str:
    """A constant as an SQL literal (the generator's SQL takes no parameters,
    so ``%`` is the modulo operator and needs no escaping)."""
    from psycopg import sql

    connection.ensure_connection()
    return sql.Literal(value).as_string(connection.connection)


def arr(values: Sequence, typ: str = "text") -> str:
    return f"ARRAY[{', '.join(lit(v) for v in values)}]::{typ}[]"


def insert_select(model, exprs: dict[str, str], from_sql: str) -> int:
    """INSERT INTO model's table (every column) SELECT exprs … FROM from_sql.

    Columns missing from ``exprs`` get the field's default as a literal."""
    cols, select = [], []
    for f in _fields(model):
        if f.primary_key and f.column not in exprs:
            continue  # identity
        cols.append(f'"{f.column}"')
        select.append(exprs[f.column] if f.column in exprs else lit(_db_default(model, f)))
    sql = (
        f'INSERT INTO "{model._meta.db_table}" ({", ".join(cols)}) '
        f"SELECT {', '.join(select)} FROM {from_sql}"
    )
    return execute(sql)


class deferred_indexes:
    """Drop a table's plain (non-constraint) indexes during a bulk insert and
    build them again afterwards: one sort per index instead of one random
    insert per row. Primary keys and unique constraints stay in place."""

    def __init__(self, model):
        self.table = model._meta.db_table

    def __enter__(self):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT i.indexname, i.indexdef FROM pg_indexes i "
                "WHERE i.tablename = %s AND NOT EXISTS ("
                " SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)",
                [self.table],
            )
            self.indexes = cursor.fetchall()
            for name, _definition in self.indexes:
                cursor.execute(f'DROP INDEX "{name}"')
        return self

    def __exit__(self, *exc):
        with connection.cursor() as cursor:
            cursor.execute("SET maintenance_work_mem = '512MB'")
            for _name, definition in self.indexes:
                cursor.execute(definition)
        return False


def copy_rows(model, columns: list[str], rows: Iterable[Sequence], progress=None, total=0) -> int:
    """COPY rows (tuples aligned with ``columns``) into the model's table; other
    columns get their field defaults."""
    fields = _fields(model)
    extra = [f for f in fields if f.column not in columns and not f.primary_key]
    tail = tuple(_db_default(model, f) for f in extra)
    names = ", ".join(f'"{c}"' for c in [*columns, *(f.column for f in extra)])
    n = 0
    with connection.cursor() as wrapper:
        cursor = wrapper.cursor  # the psycopg 3 cursor
        with cursor.copy(f'COPY "{model._meta.db_table}" ({names}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row((*row, *tail))
                n += 1
                if progress and n % 5000 == 0:
                    progress.tick(n, total)
    return n


def reset_sequence(model) -> None:
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
            f'COALESCE((SELECT MAX(id) FROM "{table}"), 0) + 1, false)'
        )


def execute(sql: str, params: Sequence | None = None) -> int:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount


# --------------------------------------------------------------------------
# the generator


@dataclass
class Options:
    scale: str = "kabupaten"
    wilayah_csv: str | None = None
    wilayah: str | None = None
    seed: int = 1
    desa_limit: int | None = None
    anggota: int = 6  # members per poktan
    months: int = MONTHS
    password: str = ""
    reset: bool = False
    summaries: bool = True
    summary_months: int = 12


GENERATED_TABLES = [
    # Deleted by --reset, children before parents; reference data stays.
    "reports_ringkasan",
    "reports_unduhan",
    "kampungkb_auditentry",
    "kampungkb_periodebuka",
    "interventions_buktiiid",
    "interventions_inovasi_kampung",
    "interventions_inovasi_intervensi",
    "interventions_inovasi",
    "interventions_inovasiunggulan",
    "interventions_fotointervensi",
    "interventions_intervensi_instansi",
    "interventions_intervensi",
    "poktan_pertemuan",
    "poktan_laporan",
    "poktan_imporanggota",
    "poktan_anggota",
    "poktan_pengurus",
    "poktan_poktan",
    "villages_klasifikasiperiode",
    "villages_kkbpkkampung",
    "villages_pendudukkampung",
    "villages_profilkampung",
    "villages_anggotapokja",
    "villages_pokja",
    "villages_potensidesa",
    "villages_kampungkb",
    "django_session",
    "axes_accessattempt",
    "axes_accessfailurelog",
    "axes_accesslog",
    "django_admin_log",
    "kampungkb_user_groups",
    "kampungkb_user_user_permissions",
    "kampungkb_user",
]


def existing_tables() -> set[str]:
    return set(connection.introspection.table_names())


def reset_data() -> None:
    tables = [t for t in GENERATED_TABLES if t in existing_tables()]
    execute(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE")


def window(months: int) -> list[Periode]:
    periods = [Periode.current()]
    while len(periods) < months:
        periods.append(periods[-1].prev())
    return periods[::-1]


def generate(opts: Options, progress: Progress | None = None) -> dict:
    """Fill the database; returns {"timings": …, "counts": …, "total_s": …}."""
    if connection.vendor != "postgresql":
        raise RuntimeError("generate_scale membutuhkan PostgreSQL (DATABASE_URL=postgres://…).")
    progress = progress or Progress(enabled=False)
    rng = random.Random(opts.seed)
    from villages.models import KampungKB

    if opts.reset:
        progress.step("hapus data lama")
        reset_data()
    elif KampungKB.objects.exists():
        raise RuntimeError(
            "Basis data sudah berisi Kampung KB; jalankan dengan --reset untuk mengisi ulang."
        )

    progress.step("wilayah")
    rows = read_csv(opts.wilayah_csv) if opts.wilayah_csv else synthesise(opts.scale)
    regions = select_regions(rows, opts.scale, opts.wilayah, opts.desa_limit)
    from kampungkb.reference import seed_reference_data

    seed_reference_data()
    import_regions(regions)
    progress.count("wilayah", len(regions.rows))
    periods = window(opts.months)

    with connection.cursor() as cursor:
        # Bulk load: skip per-row foreign-key triggers (the generator writes
        # consistent ids) and the WAL flush per commit. Needs a superuser;
        # without one the load is just slower.
        cursor.execute("SET synchronous_commit = off")
        try:
            with transaction.atomic():
                cursor.execute("SET session_replication_role = replica")
        except Exception:  # noqa: BLE001 - not a superuser: keep the triggers
            pass
        cursor.execute("SELECT setseed(%s)", [((opts.seed % 1000) / 1000.0) * 2 - 1])
    try:
        with transaction.atomic():
            _generate_all(opts, regions, periods, rng, progress)
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SET session_replication_role = DEFAULT")
    if opts.summaries:
        from reports import summaries_setwise

        progress.step(f"ringkasan ({opts.summary_months} bulan)")
        built = summaries_setwise.rebuild_all(window(opts.summary_months), progress=progress)
        progress.count("ringkasan", built)
    # VACUUM too (outside a transaction, i.e. not in tests): it sets the
    # visibility map, as autovacuum would on a live database, so index-only
    # scans behave as they will in production.
    vacuum = not connection.in_atomic_block
    progress.step("VACUUM ANALYZE" if vacuum else "ANALYZE")
    execute("VACUUM ANALYZE" if vacuum else "ANALYZE")
    total = progress.done()
    return {"timings": progress.timings, "counts": progress.counts, "total_s": total}


def _generate_all(opts, regions, periods, rng, progress) -> None:
    from interventions.models import Instansi
    from kampungkb.models import User
    from villages.models import KampungKB

    first, last = periods[0], periods[-1]

    # --- users --------------------------------------------------------------
    progress.step("pengguna")
    password = make_password(opts.password or settings.DEMO_PASSWORD)
    dinkes = Instansi.objects.filter(nama="Dinas Kesehatan", kabupaten=None).first()
    now = timezone.now()
    users = [
        ("admin.bench", "Admin", "Nasional", "admin", None, None, True),
    ]
    for kode, nama in regions.rows:
        tingkat = kode.count(".") + 1
        short = nama[:100]
        if tingkat == 1:
            users.append((f"pimpinan.{kode}", "Pimpinan", short, "pimpinan", kode, None, False))
        elif tingkat == 2:
            users.append((f"opd.{kode}", "Dinas PPKB", short, "opd_kabupaten", kode, None, False))
            users.append((f"pimpinan.{kode}", "Pimpinan", short, "pimpinan", kode, None, False))
            if dinkes:
                users.append(
                    (f"dinkes.{kode}", "Dinkes", short, "opd_lintas_sektor", kode, dinkes.pk, False)
                )
        elif tingkat == 3:
            users.append((f"pkb.{kode}", "PKB", short, "petugas_kecamatan", kode, None, False))
        else:
            users.append((f"kader.{kode}", "Kader", short, "kader", kode, None, False))
    n = copy_rows(
        User,
        [
            "username",
            "first_name",
            "last_name",
            "role",
            "wilayah_id",
            "instansi_id",
            "is_staff",
            "is_superuser",
            "password",
            "is_active",
            "date_joined",
        ],
        ((u, f, ln, r, w, i, adm, adm, password, True, now) for u, f, ln, r, w, i, adm in users),
    )
    progress.count("pengguna", n)

    # --- Kampung KB --------------------------------------------------------
    progress.step("Kampung KB")
    misi = ["Meningkatkan kesertaan KB", "Menguatkan ketahanan keluarga"]
    rows = []
    for kode, nama in regions.desa:
        jenis = "Kelurahan" if kode.rsplit(".", 1)[1].startswith("1") else "Desa"
        tanggal = dt.date(2016 + rng.randrange(9), rng.randrange(1, 13), rng.randrange(1, 28))
        rows.append(
            (
                kode,
                f"Kampung KB {jenis} {nama}"[:150],
                tanggal,
                "Desa",
                f"Kampung KB {jenis} {nama} dibentuk untuk mendekatkan layanan KB dan "
                "pembangunan keluarga kepada masyarakat.",
                "Keluarga berkualitas, sehat dan sejahtera.",
                misi,
                ["Dukungan kepala desa"],
                ["Anggaran terbatas"],
                ["Kriteria 1"],
                now,
            )
        )
    n = copy_rows(
        KampungKB,
        [
            "desa_id",
            "nama",
            "tanggal_pencanangan",
            "cakupan_wilayah",
            "gambaran_umum",
            "visi",
            "misi",
            "faktor_pendukung",
            "faktor_penghambat",
            "kriteria",
            "updated_at",
        ],
        ((*r[:6], _json(r[6]), _json(r[7]), _json(r[8]), _json(r[9]), r[10]) for r in rows),
        progress,
        len(rows),
    )
    progress.count("kampung", n)
    # One percontohan per kabupaten: the first Kampung KB of each.
    execute(
        "UPDATE villages_kampungkb k SET percontohan_kabupaten = true FROM ("
        " SELECT DISTINCT ON (left(desa_id, 5)) id FROM villages_kampungkb"
        " ORDER BY left(desa_id, 5), desa_id) f WHERE k.id = f.id"
    )
    _generate_villages(periods, progress)
    _generate_poktan(opts, periods, progress)
    _generate_interventions(first, last, progress)
    _classify(progress)
    tables = existing_tables()
    for model in _sequenced_models():
        if model._meta.db_table in tables:
            reset_sequence(model)


def _json(value) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)


def _sequenced_models():
    from django.apps import apps

    for label in ("villages", "poktan", "interventions", "kampungkb", "reports"):
        for model in apps.get_app_config(label).get_models():
            if isinstance(model._meta.pk, models.AutoField):
                yield model
            for m2m in model._meta.local_many_to_many:
                yield m2m.remote_field.through


def _snapshot_periods(periods: list[Periode]) -> list[Periode]:
    """Yearly data: a snapshot at the start of the window and each January after."""
    return [periods[0]] + [p for p in periods[1:] if p.month == 1]


def _generate_villages(periods: list[Periode], progress) -> None:
    from kampungkb.domain import SumberDana
    from villages.choices import Operasional, PenggunaanData
    from villages.models import (
        AnggotaPokja,
        KkbpkKampung,
        PendudukKampung,
        Pokja,
        PotensiDesa,
        ProfilKampung,
    )

    snap = _snapshot_periods(periods)
    snap_sql = "(VALUES " + ", ".join(f"(DATE '{p.first_day}', {i})" for i, p in enumerate(snap))
    snap_sql += ") AS s(periode, n)"

    progress.step("pokja dan potensi")
    n = insert_select(
        Pokja,
        {
            "kampung_id": "k.id",
            "sk_nomor": "'400/' || k.id || '/SK/2023'",
            "sk_tanggal": "DATE '2023-01-16'",
            "sk_penerbit": "'Kepala Desa'",
        },
        "villages_kampungkb k",
    )
    progress.count("pokja", n)
    jabatan = ["Ketua", "Sekretaris", "Bendahara"]
    n = insert_select(
        AnggotaPokja,
        {
            "pokja_id": "p.id",
            "nama": "'Anggota Pokja ' || p.id || '-' || j.n",
            "jabatan": f"({arr(jabatan)})[j.n]",
            "terlatih": "random() < 0.6",
            "urutan": "j.n",
        },
        "villages_pokja p CROSS JOIN generate_series(1, 3) AS j(n)",
    )
    progress.count("anggota_pokja", n)
    n = insert_select(
        PotensiDesa,
        {
            "kampung_id": "k.id",
            "kategori": "(ARRAY['ukm', 'kuliner', 'wisata', 'pertanian'])[1 + (k.id + j.n) % 3]",
            "nama": "'Potensi ' || j.n || ' ' || k.nama",
            "urutan": "j.n",
        },
        "villages_kampungkb k CROSS JOIN generate_series(1, 2) AS j(n)",
    )
    progress.count("potensi", n)

    progress.step("snapshot profil, penduduk, KKBPK")
    # Each village has a latent "maturity" q in [0, 1) (from its id, so stable
    # across snapshots) that raises the odds of every input and process item
    # and the KKBPK figures, and each later snapshot is a little better: every
    # class and every sub-score band occurs, most villages Dasar/Berkembang.
    quality = (
        "CROSS JOIN LATERAL (SELECT least(0.99, (hashint8(k.id) & 65535) / 65536.0 "
        "+ 0.08 * s.n) AS q, random() AS r1, random() AS r2, random() AS r3, "
        "random() AS r4, random() AS r5, random() AS r6, random() AS r7, "
        "random() AS r8 WHERE k.id IS NOT NULL) v"
    )
    sumber = arr(list(SumberDana.values))
    penggunaan = arr(list(PenggunaanData.values))
    operasional = arr(list(Operasional.values))
    n = insert_select(
        ProfilKampung,
        {
            "kampung_id": "k.id",
            "periode": "s.periode",
            "dibuat_pada": "s.periode + interval '5 days'",
            "ada_bkb": "v.r1 < 0.5 + 0.6 * v.q",
            "ada_bkr": "v.r2 < 0.4 + 0.6 * v.q",
            "ada_bkl": "v.r3 < 0.35 + 0.6 * v.q",
            "ada_uppka": "v.r4 < 0.3 + 0.7 * v.q",
            "ada_pik_r": "v.r5 < 0.25 + 0.7 * v.q",
            "ada_sekretariat": "v.r6 < 0.35 + 0.6 * v.q",
            "ada_rumah_dataku": "v.r7 < 0.1 + 0.6 * v.q",
            "sumber_dana": _json_slice(sumber, "floor(v.r8 * (1.2 + 6 * v.q))"),
            "pokja_ada": "v.r1 < 0.4 + 0.6 * v.q",
            "pokja_sk": "v.r1 < 0.3 + 0.6 * v.q",
            "pokja_jumlah": "CASE WHEN v.r1 < 0.4 + 0.6 * v.q "
            "THEN floor(v.r2 * 3 * (1 + 5 * v.q))::int END",
            "pokja_pelatihan": "v.r3 < 0.1 + 0.7 * v.q",
            "pokja_jumlah_terlatih": "CASE WHEN v.r1 < 0.4 + 0.6 * v.q "
            "THEN floor(v.r2 * 3 * (1 + 5 * v.q) * v.r4)::int END",
            "plkb_pendamping": "v.r5 < 0.3 + 0.6 * v.q",
            "regulasi_ada": "v.r6 < 0.2 + 0.6 * v.q",
            "rkm_ada": "v.r7 < 0.2 + 0.6 * v.q",
            "penggunaan_data_ada": "v.r8 < 0.35 + 0.65 * v.q",
            "penggunaan_data": _json_slice(
                penggunaan, "floor((0.3 + 0.7 * v.r3) * (1.2 + 5 * v.q))"
            ),
            "operasional": _json_object_slice(
                operasional, "floor((0.4 + 0.6 * v.r4) * (1.6 + 5 * v.q))"
            ),
        },
        f"villages_kampungkb k CROSS JOIN {snap_sql} {quality}",
    )
    progress.count("snapshot_profil", n)
    # Population: a village of ~1,500–5,000 people, bands shrinking with age.
    exprs = {
        "kampung_id": "k.id",
        "periode": "s.periode",
        "dibuat_pada": "s.periode + interval '5 days'",
    }
    for i in range(16):
        weight = max(16 - i, 2) * 10
        exprs[f"pria_{i}"] = f"({weight} * b.scale)::int + (random() * 20)::int"
        exprs[f"wanita_{i}"] = f"({weight} * b.scale)::int + (random() * 20)::int"
    exprs |= {
        "keluarga": "(450 * b.scale)::int",
        "pus": "(300 * b.scale)::int",
        "remaja": "(250 * b.scale)::int",
        "memiliki_balita": "(120 * b.scale)::int",
        "memiliki_remaja": "(150 * b.scale)::int",
        "memiliki_lansia": "(100 * b.scale)::int",
    }
    n = insert_select(
        PendudukKampung,
        exprs,
        f"villages_kampungkb k CROSS JOIN {snap_sql} "
        "CROSS JOIN LATERAL (SELECT 1.0 + 2.5 * random() + 0 * k.id AS scale) b",
    )
    progress.count("snapshot_penduduk", n)
    n = insert_select(KkbpkKampung, _kkbpk_exprs(), _kkbpk_from())
    progress.count("snapshot_kkbpk", n)


def _json_slice(values: str, length: str) -> str:
    """A JSON list of the first ``length`` of ``values`` (a SQL text[] literal)."""
    return (
        f"(SELECT coalesce(jsonb_agg(x), '[]'::jsonb) FROM unnest(({values})"
        f"[1:least(cardinality({values}), ({length})::int)]) AS x)"
    )


def _json_object_slice(keys: str, length: str) -> str:
    """{key: "Bulanan"} for the first ``length`` keys (the operasional items run)."""
    return (
        f"(SELECT coalesce(jsonb_object_agg(x, 'Bulanan'), '{{}}'::jsonb) FROM unnest(({keys})"
        f"[1:least(cardinality({keys}), ({length})::int)]) AS x)"
    )


def _kkbpk_from() -> str:
    """Per Penduduk snapshot: users, MKJP users and unmet need drawn around the
    village's maturity; the methods and the reasons then add up to the PUS."""
    return (
        "villages_pendudukkampung p JOIN villages_kampungkb k ON k.id = p.kampung_id "
        "CROSS JOIN LATERAL (SELECT least(0.99, (hashint8(k.id) & 65535) / 65536.0) AS q, "
        "random() AS r1, random() AS r2, random() AS r3 WHERE p.id IS NOT NULL) v "
        "CROSS JOIN LATERAL (SELECT round(p.pus * (0.2 + 0.4 * v.q * (0.5 + 0.7 * v.r1)))::int"
        " AS peserta) a "
        "CROSS JOIN LATERAL (SELECT least(a.peserta, round(a.peserta * (0.1 + 0.2 * v.r2)))::int"
        " AS mkjp, least(p.pus - a.peserta,"
        " round(p.pus * (0.03 + 0.13 * (1 - v.q) * (0.5 + 0.7 * v.r3))))::int"
        " AS unmet) b"
    )


def _kkbpk_exprs() -> dict[str, str]:
    non_mkjp = "(a.peserta - b.mkjp)"
    bukan = "(p.pus - a.peserta - b.unmet)"  # non-users not in unmet need
    return {
        "kampung_id": "k.id",
        "periode": "p.periode",
        "dibuat_pada": "p.periode + interval '5 days'",
        "kb_iud": "(b.mkjp * 0.35)::int",
        "kb_mow": "(b.mkjp * 0.15)::int",
        "kb_mop": "(b.mkjp * 0.05)::int",
        "kb_implan": "b.mkjp - (b.mkjp * 0.35)::int - (b.mkjp * 0.15)::int - (b.mkjp * 0.05)::int",
        "kb_kondom": f"({non_mkjp} * 0.1)::int",
        "kb_pil": f"({non_mkjp} * 0.3)::int",
        "kb_suntik": f"{non_mkjp} - ({non_mkjp} * 0.1)::int - ({non_mkjp} * 0.3)::int",
        "non_hamil": f"({bukan} * 0.4)::int",
        "non_anak_segera": f"{bukan} - ({bukan} * 0.4)::int",
        "non_anak_kemudian": "(b.unmet * 0.55)::int",
        "non_tidak_ingin_anak": "b.unmet - (b.unmet * 0.55)::int",
        "pengguna_bpjs": "(p.pus * 0.4)::int",
        "ikut_bkb": "(p.memiliki_balita * (0.05 + 0.7 * v.q * (0.3 + 0.7 * v.r1)))::int",
        "ikut_bkr": "(p.memiliki_remaja * (0.04 + 0.6 * v.q * (0.3 + 0.7 * v.r2)))::int",
        "ikut_bkl": "(p.memiliki_lansia * (0.04 + 0.6 * v.q * (0.3 + 0.7 * v.r3)))::int",
        "ikut_uppka": "(p.keluarga * (0.02 + 0.3 * v.q * (0.3 + 0.7 * v.r1)))::int",
        "ikut_pik_r": "(p.remaja * (0.03 + 0.5 * v.q * (0.3 + 0.7 * v.r2)))::int",
    }


def _classify(progress) -> None:
    """Each village's class per snapshot period, computed by the portal's own
    classification (``villages.selectors.klasifikasi_per_periode``, the path
    ``klasifikasi_refresh`` takes), after the interventions that give the
    lintas-sektor count; written with COPY in chunks."""
    from villages import selectors
    from villages.models import KampungKB, KlasifikasiPeriode

    progress.step("klasifikasi")
    ids = list(KampungKB.objects.order_by("pk").values_list("pk", flat=True))
    now = timezone.now()
    columns = ["kampung_id", "periode", "kelas", "indeks_input", "indeks_proses"]
    columns += ["indeks_output", "skor", "nilai", "dihitung_pada"]

    def rows(chunk: list[int]) -> list[tuple]:
        snapshots = {k: {j: [] for j in selectors.JENIS} for k in chunk}
        for jenis, model in selectors.JENIS.items():
            qs = model.objects.aktif().filter(kampung_id__in=chunk).order_by("periode")
            for snap in qs.iterator(chunk_size=4000):
                snapshots[snap.kampung_id][jenis].append(snap)
        lintas = selectors.lintas_sektor_counts(chunk)
        return [
            (kid, periode, h.kelas, h.indeks["input"], h.indeks["proses"], h.indeks["output"])
            + (json.dumps(h.skor), json.dumps(h.nilai), now)
            for kid in chunk
            for periode, h in selectors.klasifikasi_per_periode(snapshots[kid], lintas.get(kid, 0))
        ]

    n = 0
    for start in range(0, len(ids), 2000):  # read a chunk, then COPY it (one connection)
        n += copy_rows(KlasifikasiPeriode, columns, rows(ids[start : start + 2000]))
        progress.tick(start, len(ids))
    progress.count("klasifikasi", n)
    execute(
        "UPDATE villages_kampungkb k SET kelas = c.kelas FROM ("
        " SELECT DISTINCT ON (kampung_id) kampung_id, kelas FROM villages_klasifikasiperiode"
        " ORDER BY kampung_id, periode DESC) c WHERE c.kampung_id = k.id"
    )


JENIS = ["BKB", "BKR", "BKL", "PIK R", "UPPKA"]


def _generate_poktan(opts, periods: list[Periode], progress) -> None:
    from poktan.models import Anggota, Laporan, Pengurus, Pertemuan, Poktan

    progress.step("poktan")
    n = insert_select(
        Poktan,
        {
            "kampung_id": "k.id",
            "jenis": "j.jenis",
            "nama": "j.jenis || ' ' || w.nama",
            "aktif": "true",
            "potensi_tahun": str(periods[-1].year),
            "sumber_dana": "'Dana Desa'",
            "updated_at": "now()",
        },
        "villages_kampungkb k JOIN villages_wilayah w ON w.kode = k.desa_id "
        f"CROSS JOIN unnest({arr(JENIS)}) AS j(jenis)",
    )
    progress.count("poktan", n)
    n = insert_select(
        Pengurus,
        {"poktan_id": "p.id", "nama": "'Ketua ' || p.nama", "jabatan": "'Ketua'"},
        "poktan_poktan p",
    )
    progress.count("pengurus", n)

    if opts.anggota:
        progress.step("anggota poktan")
        defer = deferred_indexes(Anggota)
        defer.__enter__()
        methods = ["IUD", "MOW", "MOP", "Kondom", "Implan", "Suntik", "PIL"]
        reasons = ["hamil", "anak_segera", "anak_kemudian", "tidak_ingin_anak"]
        n = insert_select(
            Anggota,
            {
                "poktan_id": "p.id",
                "nama_kepala_keluarga": "'Kepala Keluarga ' || p.id || '-' || a.n",
                "nomor_kk": "lpad((p.id * 1000 + a.n)::text, 16, '0')",
                "status_pus": "r.r1 < 0.7",
                "metode_kb": f"CASE WHEN r.r1 < 0.45 THEN ({arr(methods)})"
                "[1 + floor(r.r2 * 7)::int] ELSE '' END",
                "alasan_tidak_kb": "CASE WHEN r.r1 >= 0.45 AND r.r1 < 0.7 THEN "
                f"({arr(reasons)})[1 + floor(r.r2 * 4)::int] ELSE '' END",
                "anak_0_1": "CASE WHEN p.jenis = 'BKB' THEN (r.r2 < 0.3)::int ELSE 0 END",
                "anak_2_3": "CASE WHEN p.jenis = 'BKB' THEN (r.r2 > 0.6)::int ELSE 0 END",
                "jumlah_remaja": "CASE WHEN p.jenis IN ('BKR', 'PIK R') THEN 1 ELSE 0 END",
                "jumlah_lansia": "CASE WHEN p.jenis = 'BKL' THEN 1 ELSE 0 END",
                "aktif": "true",
            },
            f"poktan_poktan p CROSS JOIN generate_series(1, {int(opts.anggota)}) AS a(n) "
            "CROSS JOIN LATERAL (SELECT random() + 0 * a.n AS r1, random() + 0 * p.id AS r2) r",
        )
        defer.__exit__(None, None, None)
        progress.count("anggota", n)

    progress.step(f"laporan ({len(periods)} bulan × poktan)")
    with deferred_indexes(Laporan):
        n = _insert_laporan(Laporan, periods)
    progress.count("laporan", n)
    progress.step("pertemuan (3 bulan terakhir)")
    n = insert_select(
        Pertemuan,
        {
            "laporan_id": "l.id",
            "tanggal": "l.periode + 1 + (l.id % 20)::int",
            "materi": "'Pertemuan rutin ' || l.periode",
            "narasumber": "'PKB'",
            "jumlah_hadir": "coalesce(l.keluarga_hadir, least(l.jumlah_anggota, 10), 10)",
        },
        f"poktan_laporan l WHERE l.periode >= {lit(periods[max(0, len(periods) - 3)].first_day)}"
        " AND l.status <> 'draf' AND l.periode + 1 + (l.id % 20)::int <= current_date",
    )
    progress.count("pertemuan", n)


def _insert_laporan(Laporan, periods: list[Periode]) -> int:
    """One register per poktan × month; states by the month's age."""
    today = timezone.localdate()
    values = ", ".join(
        f"(DATE '{p.first_day}', {len(periods) - 1 - i})" for i, p in enumerate(periods)
    )
    # Thresholds on r.s: [draf, diajukan, dikembalikan) then diverifikasi, by age k.
    state = (
        "CASE WHEN m.k = 0 THEN (CASE WHEN r.s < 0.45 THEN 'draf' WHEN r.s < 0.80 THEN "
        "'diajukan' WHEN r.s < 0.85 THEN 'dikembalikan' ELSE 'diverifikasi' END) "
        "WHEN m.k = 1 THEN (CASE WHEN r.s < 0.05 THEN 'draf' WHEN r.s < 0.25 THEN 'diajukan' "
        "WHEN r.s < 0.30 THEN 'dikembalikan' ELSE 'diverifikasi' END) "
        "ELSE (CASE WHEN r.s < 0.03 THEN 'draf' WHEN r.s < 0.07 THEN 'diajukan' "
        "WHEN r.s < 0.10 THEN 'dikembalikan' ELSE 'diverifikasi' END) END"
    )
    # First submitted: the month's registers come in early next month (most by
    # the 3rd), the current month's during the month; never in the future.
    submitted = (
        f"least(CASE WHEN m.k = 0 THEN m.periode + (r.t * ({lit(today)}::date - m.periode))"
        " * interval '1 day'"
        " ELSE (m.periode + interval '1 month') + (r.t * r.t * 9) * interval '1 day' END"
        " + interval '9 hours', now() - interval '1 hour')"
    )
    inner = (
        f"SELECT p.id AS poktan_id, p.jenis, m.periode, m.k, {state} AS status, "
        f"{submitted} AS diajukan, 8 + floor(r.a * 30)::int AS anggota, r.h, r.x, "
        "ku.user_id AS pkb "
        f"FROM poktan_poktan p JOIN villages_kampungkb kk ON kk.id = p.kampung_id "
        f"CROSS JOIN (VALUES {values}) AS m(periode, k) "
        "CROSS JOIN LATERAL (SELECT random() + 0 * p.id AS s, random() + 0 * m.k AS t, "
        "random() + 0 * p.id AS a, random() + 0 * m.k AS h, random() + 0 * p.id AS x) r "
        "LEFT JOIN (SELECT wilayah_id, min(id) AS user_id FROM kampungkb_user "
        "WHERE role = 'petugas_kecamatan' GROUP BY wilayah_id) ku "
        "ON ku.wilayah_id = left(kk.desa_id, 8)"
    )
    submitted_states = "('diajukan', 'diverifikasi', 'dikembalikan')"
    exprs = {
        "poktan_id": "q.poktan_id",
        "periode": "q.periode",
        "status": "q.status",
        "version": "CASE q.status WHEN 'draf' THEN 1 WHEN 'diajukan' THEN 2 ELSE 3 END",
        "jumlah_anggota": "q.anggota",
        "keluarga_hadir": "CASE WHEN q.jenis IN ('BKB', 'BKR', 'BKL') "
        "THEN floor(q.anggota * (0.5 + 0.5 * q.h))::int END",
        "anak_dipantau_kka": "CASE WHEN q.jenis = 'BKB' THEN floor(q.x * 15)::int END",
        "kegiatan_informasi": "CASE WHEN q.jenis = 'PIK R' THEN 1 + floor(q.h * 4)::int END",
        "kegiatan_konseling": "CASE WHEN q.jenis = 'PIK R' THEN floor(q.x * 6)::int END",
        "remaja_terjangkau": "CASE WHEN q.jenis = 'PIK R' THEN 10 + floor(q.h * 60)::int END",
        "anggota_aktif": "CASE WHEN q.jenis = 'UPPKA' "
        "THEN floor(q.anggota * (0.6 + 0.4 * q.h))::int END",
        "modal": "CASE WHEN q.jenis = 'UPPKA' THEN (5 + floor(q.x * 45)::bigint) * 100000 END",
        "omzet": "CASE WHEN q.jenis = 'UPPKA' THEN (1 + floor(q.h * 20)::bigint) * 250000 END",
        "kesertaan_kb": "'{}'::jsonb",
        "catatan": "CASE WHEN q.status = 'dikembalikan' "
        "THEN 'Jumlah hadir belum sesuai daftar hadir.' ELSE '' END",
        "diajukan_pada": f"CASE WHEN q.status IN {submitted_states} THEN q.diajukan END",
        "pertama_diajukan_pada": f"CASE WHEN q.status IN {submitted_states} THEN q.diajukan END",
        "diverifikasi_pada": "CASE WHEN q.status = 'diverifikasi' "
        "THEN least(q.diajukan + interval '2 days', now()) END",
        "diverifikasi_oleh_id": "CASE WHEN q.status = 'diverifikasi' THEN q.pkb END",
        "created_at": "q.periode + interval '10 hours'",
        "updated_at": "greatest(q.periode + interval '10 hours', "
        "least(q.diajukan + interval '2 days', now()))",
    }
    return insert_select(Laporan, exprs, f"({inner}) q")


SEKSI = [
    "Keagamaan",
    "Pendidikan",
    "Reproduksi",
    "Ekonomi",
    "Perlindungan",
    "Kasih Sayang",
    "Sosial Budaya",
    "Pembinaan Lingkungan",
]


def _generate_interventions(first: Periode, last: Periode, progress) -> None:
    from interventions.models import (
        BuktiIID,
        Inovasi,
        InovasiUnggulan,
        Instansi,
        Intervensi,
        TahunIID,
    )

    progress.step("intervensi")
    instansi = list(Instansi.objects.filter(kabupaten=None).values_list("id", flat=True))
    if not instansi:
        return
    ids = arr(instansi, "bigint")
    days = (min(last.last_day, timezone.localdate()) - first.first_day).days
    # 0–6 per Kampung KB over the window (3 on average), each by one to three agencies.
    n = insert_select(
        Intervensi,
        {
            "kampung_id": "k.id",
            "judul": f"'Kegiatan ' || ({arr(SEKSI)})[1 + (k.id + j.n) % 8] || ' di ' || k.nama",
            "tanggal": f"DATE '{first.first_day}' + floor(random() * {days})::int",
            "tempat": "'Balai Desa'",
            "deskripsi": "'Kegiatan lintas sektor bersama keluarga sasaran di Kampung KB.'",
            "jenis": "'Kegiatan'",
            "seksi": f"({arr(SEKSI)})[1 + (k.id * 7 + j.n) % 8]",
            "sasaran": "'[\"PUS\"]'::jsonb",
            "target_poktan": "'[]'::jsonb",
            "sumber_dana": "'APBD'",
            "anggaran": "(1 + (k.id + j.n) % 20) * 500000",
            "penerima_manfaat": "10 + (k.id + j.n) % 90",
            "status": "'selesai'",
            "instansi_pemilik_id": f"({ids})[1 + (k.id + j.n) % {len(instansi)}]",
            "created_at": "now()",
            "updated_at": "now()",
        },
        "villages_kampungkb k CROSS JOIN generate_series(1, 6) AS j(n) "
        # about one village in twelve has had no cross-sector activity yet
        "WHERE (hashint8(k.id * 8 + j.n) & 1023) < 512 AND (hashint8(k.id) >> 16) % 12 <> 0",
    )
    progress.count("intervensi", n)
    through = Intervensi.instansi.through
    n = execute(
        f'INSERT INTO "{through._meta.db_table}" (intervensi_id, instansi_id) '
        f"SELECT DISTINCT i.id, ({ids})[1 + (i.id * 3 + s.n * 5) % {len(instansi)}] "
        "FROM interventions_intervensi i CROSS JOIN generate_series(0, 2) AS s(n) "
        "WHERE s.n = 0 OR (i.id + s.n) % 3 = 0"
    )
    progress.count("intervensi_instansi", n)

    progress.step("inovasi")
    tahun = TahunIID.objects.order_by("-tahun").first()
    if tahun is None:
        return
    # One innovation for every 25 Kampung KB, placed in its desa and linked to it.
    n = insert_select(
        Inovasi,
        {
            "wilayah_id": "k.desa_id",
            "nama": "'INOVASI ' || k.id",
            "kepanjangan": "'Inovasi Keluarga Berkualitas ' || k.nama",
            "perangkat_daerah_id": f"({ids})[1 + k.id % {len(instansi)}]",
            "tahapan": "(ARRAY['Inisiatif', 'Uji Coba', 'Penerapan'])[1 + k.id % 3]",
            "inisiator": "'OPD'",
            "jenis": "'Non Digital'",
            "bentuk": "'Inovasi Pelayanan Publik'",
            "tahun_iid_id": str(tahun.pk),
            "urusan_utama": "'Pengendalian penduduk dan keluarga berencana'",
            "urusan_lain": "'[]'::jsonb",
            "tujuan_khusus": "'[\"Meningkatkan kesertaan KB\"]'::jsonb",
            "rancang_bangun": "repeat('Rancang bangun inovasi untuk keluarga. ', 20)",
            "tujuan_umum": "'Meningkatkan kualitas keluarga.'",
            "manfaat": "'Keluarga lebih sejahtera.'",
            "hasil": "'Kesertaan KB naik.'",
            "waktu_uji_coba": "DATE '2024-01-15'",
            "waktu_implementasi": "DATE '2024-06-01'",
            "created_at": "now()",
            "updated_at": "now()",
        },
        "villages_kampungkb k WHERE k.id % 25 = 1",
    )
    progress.count("inovasi", n)
    link = Inovasi.kampung.through
    execute(
        f'INSERT INTO "{link._meta.db_table}" (inovasi_id, kampungkb_id) '
        "SELECT i.id, k.id FROM interventions_inovasi i "
        "JOIN villages_kampungkb k ON k.desa_id = i.wilayah_id"
    )
    link_i = Inovasi.intervensi.through
    execute(
        f'INSERT INTO "{link_i._meta.db_table}" (inovasi_id, intervensi_id) '
        "SELECT DISTINCT ON (i.id) i.id, v.id FROM interventions_inovasi i "
        "JOIN villages_kampungkb k ON k.desa_id = i.wilayah_id "
        "JOIN interventions_intervensi v ON v.kampung_id = k.id ORDER BY i.id, v.tanggal DESC"
    )
    # Evidence for about two indicators in three, first parameter's weight.
    n = insert_select(
        BuktiIID,
        {
            "inovasi_id": "i.id",
            "indikator_id": "ind.id",
            "parameter_id": "par.id",
            "bobot": "par.bobot",
            "nomor_surat": "'050/' || i.id || '/' || ind.nomor",
            "tanggal_surat": "DATE '2024-03-01'",
            "tentang": "'Dukungan ' || ind.nama",
            "updated_at": "now()",
        },
        "interventions_inovasi i JOIN interventions_indikatoriid ind "
        "ON ind.tahun_id = i.tahun_iid_id AND (i.id + ind.nomor) % 3 <> 0 "
        "JOIN LATERAL (SELECT id, bobot FROM interventions_parameteriid "
        "WHERE indikator_id = ind.id ORDER BY urutan LIMIT 1) par ON true",
    )
    progress.count("bukti_iid", n)
    execute(
        "UPDATE interventions_inovasi i SET skor_kematangan = b.total FROM ("
        " SELECT inovasi_id, sum(bobot) AS total FROM interventions_buktiiid GROUP BY inovasi_id"
        ") b WHERE b.inovasi_id = i.id"
    )
    n = insert_select(
        InovasiUnggulan,
        {
            "kampung_id": "k.id",
            "nama": "'Dapur Sehat ' || k.id",
            "singkatan": "'DS'",
            "deskripsi": "'Dapur bersama untuk keluarga berisiko stunting.'",
            "inisiator": "'Pokja Kampung KB'",
            "sumber_inisiatif": "'Masyarakat'",
            "urutan": "1",
        },
        "villages_kampungkb k WHERE k.id % 3 = 0",
    )
    progress.count("inovasi_unggulan", n)


def summary_line(result: dict) -> str:
    counts = ", ".join(f"{k} {v:,}".replace(",", ".") for k, v in result["counts"].items())
    return f"selesai dalam {result['total_s']:.1f} s: {counts}"


Callback = Callable[[int, int], None]
