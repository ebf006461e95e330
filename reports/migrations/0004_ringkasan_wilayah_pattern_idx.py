"""Summary rows of one month and level under a region prefix (the villages
behind of a kabupaten or province: ``wilayah_id LIKE '11.01.%'``) in one
index range. The model's (periode, tingkat, wilayah) index cannot serve a
LIKE prefix outside the C collation; this one uses varchar_pattern_ops."""

from django.db import migrations

from kampungkb.migration_ops import postgres_index


class Migration(migrations.Migration):
    dependencies = [("reports", "0003_intervensi_kumulatif")]

    operations = postgres_index(
        "reports_ringkasan",
        "ringkasan_periode_tingkat_wilayah_pola",
        '("periode", "tingkat", "wilayah_id" varchar_pattern_ops)',
    )
