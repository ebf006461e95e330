"""The generation as a whole: options, the order of the tables, the session
settings of a bulk load, the summaries and statistics at the end."""

from __future__ import annotations

import random
from dataclasses import dataclass

from django.db import connection, models, transaction

from bench.generate import (
    tables_interventions,
    tables_klasifikasi,
    tables_poktan,
    tables_users,
    tables_villages,
)
from bench.generate.progress import Progress
from bench.generate.regions import import_regions, read_csv, select_regions, synthesise
from bench.generate.sql import execute, reset_sequence
from kampungkb.periods import Periode

MONTHS = 24


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
    _start(opts, progress)
    progress.step("wilayah")
    rows = read_csv(opts.wilayah_csv) if opts.wilayah_csv else synthesise(opts.scale)
    regions = select_regions(rows, opts.scale, opts.wilayah, opts.desa_limit)
    from kampungkb.reference import seed_reference_data

    seed_reference_data()
    import_regions(regions)
    progress.count("wilayah", len(regions.rows))
    periods = window(opts.months)
    _bulk_session(opts.seed)
    try:
        with transaction.atomic():
            generate_tables(opts, regions, periods, rng, progress)
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


def _start(opts: Options, progress: Progress) -> None:
    """Empty the generated tables (--reset), or refuse a database with data."""
    from villages.models import KampungKB

    if opts.reset:
        progress.step("hapus data lama")
        reset_data()
    elif KampungKB.objects.exists():
        raise RuntimeError(
            "Basis data sudah berisi Kampung KB; jalankan dengan --reset untuk mengisi ulang."
        )


def _bulk_session(seed: int) -> None:
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
        cursor.execute("SELECT setseed(%s)", [((seed % 1000) / 1000.0) * 2 - 1])


def generate_tables(opts: Options, regions, periods: list[Periode], rng, progress) -> None:
    """Every table, parents first; the order fixes the data a seed gives."""
    tables_users.users(opts, regions, progress)
    tables_villages.kampung(regions, rng, progress)
    tables_villages.pokja(progress)
    tables_villages.anggota_pokja(progress)
    tables_villages.potensi(progress)
    tables_villages.profil(periods, progress)
    tables_villages.penduduk(periods, progress)
    tables_villages.kkbpk(progress)
    tables_poktan.poktan(periods, progress)
    tables_poktan.pengurus(progress)
    if opts.anggota:
        tables_poktan.anggota(opts.anggota, progress)
    tables_poktan.laporan(periods, progress)
    tables_poktan.pertemuan(periods, progress)
    tables_interventions.run(periods[0], periods[-1], progress)
    tables_klasifikasi.klasifikasi(progress)
    tables = existing_tables()
    for model in sequenced_models():
        if model._meta.db_table in tables:
            reset_sequence(model)


def sequenced_models():
    from django.apps import apps

    for label in ("villages", "poktan", "interventions", "kampungkb", "reports"):
        for model in apps.get_app_config(label).get_models():
            if isinstance(model._meta.pk, models.AutoField):
                yield model
            for m2m in model._meta.local_many_to_many:
                yield m2m.remote_field.through


def summary_line(result: dict) -> str:
    counts = ", ".join(f"{k} {v:,}".replace(",", ".") for k, v in result["counts"].items())
    return f"selesai dalam {result['total_s']:.1f} s: {counts}"


def rebuild_summaries(months: int, progress: Progress) -> int:
    """Only the dashboard summaries of the last ``months`` months, set-wise,
    from the data already there (``generate_scale --hanya-ringkasan``)."""
    from reports import summaries_setwise

    progress.step(f"ringkasan ({months} bulan)")
    return summaries_setwise.rebuild_all(window(months), progress)
