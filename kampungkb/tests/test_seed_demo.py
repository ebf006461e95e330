"""manage.py seed_demo: the demo world, and running it twice changes nothing."""

import io

import pytest
from django.apps import apps
from django.core.management import call_command

from kampungkb.models import User


def row_counts():
    return {
        m._meta.label: m.objects.count()
        for m in apps.get_models()
        if m._meta.app_label in {"kampungkb", "villages", "poktan", "interventions", "reports"}
    }


@pytest.mark.django_db
def test_seed_demo_is_idempotent_and_prints_logins(settings):
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    first = row_counts()
    call_command("seed_demo", stdout=io.StringIO())
    assert row_counts() == first
    text = out.getvalue()
    for username in (
        "kader.pondokbatu",
        "pkb.bilahhulu",
        "opd.labuhanbatu",
        "dinkes.labuhanbatu",
        "pimpinan.labuhanbatu",
        "admin",
    ):
        assert username in text
        assert User.objects.get(username=username).check_password(settings.DEMO_PASSWORD)
    assert settings.DEMO_PASSWORD in text


@pytest.mark.django_db
def test_demo_users_have_their_roles_and_scopes():
    call_command("seed_demo", stdout=io.StringIO())
    users = {u.username: u for u in User.objects.select_related("wilayah", "instansi")}
    assert users["kader.pondokbatu"].wilayah.nama == "Pondok Batu"
    assert users["kader.pondokbatu"].wilayah_id == "12.10.09.2009"
    assert users["pkb.bilahhulu"].wilayah_id == "12.10.09"
    assert users["dinkes.labuhanbatu"].instansi.nama == "Dinas Kesehatan"
    assert users["admin"].is_superuser and users["admin"].wilayah is None
    for user in users.values():
        user.full_clean()  # every demo account satisfies the role/scope rules


@pytest.mark.django_db
def test_demo_carries_all_labuhanbatu_codes():
    from villages.models import Wilayah

    call_command("seed_demo", stdout=io.StringIO())
    assert Wilayah.objects.filter(kode__startswith="12.10.", tingkat=3).count() == 9
    assert Wilayah.objects.filter(kode__startswith="12.10.09.", tingkat=4).count() == 24
