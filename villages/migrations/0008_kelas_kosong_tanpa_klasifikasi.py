"""A Kampung KB with no classification row has no class ("belum
diklasifikasi"); klasifikasi_refresh used to store "Dasar" for it."""

from django.db import migrations


def clear(apps, schema_editor):
    KampungKB = apps.get_model("villages", "KampungKB")
    KampungKB.objects.exclude(kelas="").exclude(
        pk__in=apps.get_model("villages", "KlasifikasiPeriode").objects.values("kampung_id")
    ).update(kelas="")


class Migration(migrations.Migration):
    dependencies = [("villages", "0007_kelas_index")]

    operations = [migrations.RunPython(clear, migrations.RunPython.noop)]
