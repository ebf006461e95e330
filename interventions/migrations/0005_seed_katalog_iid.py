from django.db import migrations


def seed(apps, schema_editor):
    from interventions.iid_2023 import seed_iid_2023
    from interventions.katalog_inpres import seed_katalog

    m = apps.get_model
    seed_katalog(
        m("interventions", "InpresSasaran"),
        m("interventions", "InpresProgram"),
        m("interventions", "InpresKegiatan"),
    )
    seed_iid_2023(
        m("interventions", "TahunIID"),
        m("interventions", "IndikatorIID"),
        m("interventions", "ParameterIID"),
        m("interventions", "PredikatIID"),
        m("interventions", "TematikIID"),
    )


class Migration(migrations.Migration):
    dependencies = [("interventions", "0004_foto_inovasi_iid")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
