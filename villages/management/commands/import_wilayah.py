import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from villages.wilayah_import import import_wilayah


class Command(BaseCommand):
    help = "Impor kode wilayah Kemendagri dari berkas CSV 'kode,nama' (aman diulang)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="berkas CSV kode,nama")
        parser.add_argument(
            "--max-errors", type=int, default=50, help="jumlah baris galat yang ditampilkan"
        )

    def handle(self, *args, file: Path, max_errors: int, **options):
        if not file.is_file():
            raise CommandError(f"Berkas {file} tidak ditemukan.")
        started = time.monotonic()
        try:
            with file.open(encoding="utf-8-sig", newline="") as stream:
                result = import_wilayah(stream)
        except UnicodeDecodeError as exc:
            raise CommandError(f"Berkas {file} bukan teks UTF-8.") from exc
        for line in result.errors[:max_errors]:
            self.stderr.write(line)
        if len(result.errors) > max_errors:
            self.stderr.write(f"… dan {len(result.errors) - max_errors} baris galat lainnya")
        summary = (
            f"dibuat {result.created}, diperbarui {result.updated}, "
            f"tidak berubah {result.unchanged}, ditolak {result.rejected} "
            f"({time.monotonic() - started:.1f} detik)"
        )
        if result.imported == 0:
            raise CommandError(f"Tidak ada wilayah yang diimpor: {summary}")
        if result.created == 0 and result.updated == 0:
            self.stdout.write(f"Tidak ada perubahan: {summary}")
        else:
            self.stdout.write(self.style.SUCCESS(f"Impor wilayah selesai: {summary}"))
