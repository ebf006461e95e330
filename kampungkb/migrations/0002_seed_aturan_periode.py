import datetime as dt

from django.db import migrations


def seed(apps, schema_editor):
    # SIGA: R/I registers are due on the 3rd of the following month.
    AturanPeriode = apps.get_model("kampungkb", "AturanPeriode")
    AturanPeriode.objects.get_or_create(
        berlaku_mulai=dt.date(2016, 1, 1), defaults={"hari_batas": 3, "hari_kunci": 10}
    )


class Migration(migrations.Migration):
    dependencies = [("kampungkb", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
