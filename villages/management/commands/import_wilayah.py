import time
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from kampungkb.imports import Limits, read_csv
from villages.imports import import_wilayah_rows

# All of Indonesia is about 92 000 codes of some 40 bytes each.
LIMITS = Limits(max_bytes=32 * 1024 * 1024, max_rows=250_000, max_cols=10, max_line=1000)


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
            # Same bounds and encodings (UTF-8, BOM, Windows-1252) as every import;
            # the size is checked before the file is read.
            with file.open("rb") as stream:
                data = stream.read(LIMITS.max_bytes + 1)
            rows = read_csv(data, LIMITS, delimiter=",")
        except ValidationError as exc:
            raise CommandError(f"Berkas {file}: {' '.join(exc.messages)}") from exc
        result = import_wilayah_rows(rows)
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
