from django.db import migrations


def seed(apps, schema_editor):
    from interventions.instansi_resmi import INSTANSI_RESMI

    Instansi = apps.get_model("interventions", "Instansi")
    for urutan, nama in enumerate(INSTANSI_RESMI, start=1):
        Instansi.objects.update_or_create(
            nama=nama, kabupaten=None, defaults={"urutan": urutan}
        )


class Migration(migrations.Migration):
    dependencies = [("interventions", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
