"""The complete Inpres 3/2022 catalogue (59 kegiatan with indikator and
penanggung jawab). The 33 shortened rows of the earlier catalogue are renamed
in place first, so every intervention that names one keeps its link."""

from django.db import migrations


def forwards(apps, schema_editor):
    from interventions.katalog_inpres import rename_shortened, seed_katalog

    models = [
        apps.get_model("interventions", name)
        for name in ("InpresSasaran", "InpresProgram", "InpresKegiatan")
    ]
    rename_shortened(*models)
    seed_katalog(*models)


class Migration(migrations.Migration):
    dependencies = [("interventions", "0008_bukti_nama_berkas")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
