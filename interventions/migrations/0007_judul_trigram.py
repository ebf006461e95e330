"""The intervention list's search (``?q=``, title contains): a trigram index,
so a national search does not read every intervention."""

from django.db import migrations

from kampungkb.migration_ops import trigram_index


class Migration(migrations.Migration):
    dependencies = [("interventions", "0006_intervensi_tanggal_id_idx")]

    operations = [*trigram_index("interventions_intervensi", "judul", "intervensi_judul_trgm")]
