"""Rebuild every summary row from the source data (design.md §4.7)."""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from kampungkb.periods import Periode
from reports import summaries


class Command(BaseCommand):
    help = (
        "Hitung ulang semua baris ringkasan dasbor (default: 12 bulan terakhir). "
        "Jalankan tiap tanggal 1 (cron) dengan --bulan 1 agar setiap desa langsung "
        "tercatat wajib melapor bulan itu."
    )

    def add_arguments(self, parser):
        parser.add_argument("--bulan", type=int, default=summaries.TREND_MONTHS)
        parser.add_argument("--sampai", help="periode terakhir, YYYY-MM (default: bulan ini)")
        parser.add_argument("--kabupaten", help="hanya satu kabupaten, kode Kemendagri (12.10)")

    def handle(self, *args, bulan, sampai, kabupaten, **options):
        try:
            last = Periode.parse(sampai) if sampai else Periode.current()
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        periods = [last]
        for _i in range(max(bulan, 1) - 1):
            periods.insert(0, periods[0].prev())
        if kabupaten is None and connection.vendor == "postgresql":
            # The whole country: the set-wise rebuild (same rows, a handful of
            # grouped queries per month instead of a dozen per desa).
            from reports import summaries_setwise

            built = summaries_setwise.rebuild_all(periods)
        else:
            built = summaries.rebuild(periods, kabupaten=kabupaten)
        self.stdout.write(f"ringkasan: {built} baris desa × periode dihitung ulang")
