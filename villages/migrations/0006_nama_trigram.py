"""The Kampung KB list's search (``?q=``) over Kampung KB and desa names:
trigram indexes so a national search reads the matches, not both tables."""

from django.db import migrations

from kampungkb.migration_ops import trigram_index


class Migration(migrations.Migration):
    dependencies = [("villages", "0005_db_checks")]

    operations = [
        *trigram_index("villages_kampungkb", "nama", "kampungkb_nama_trgm"),
        *trigram_index("villages_wilayah", "nama", "wilayah_nama_trgm"),
    ]
