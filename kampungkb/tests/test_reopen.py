"""Reopening a locked month: what each persona is offered is what it may do,
and the offer on the locked register itself (issue 14 §4, issue 17 §5)."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import PERSONAS, PONDOK_BATU, make_user
from kampungkb.domain import JenisPoktan
from kampungkb.models import PeriodeBuka
from kampungkb.periods import Periode

OFFER = "Buka kembali periode ini"
LOCKED = Periode.current().prev().prev()  # due on the 3rd of last month + 10 days: locked


@pytest.fixture
def bkb(kampung_pondokbatu):
    from poktan.models import Poktan

    return Poktan.objects.create(kampung=kampung_pondokbatu, jenis=JenisPoktan.BKB, nama="BKB")


def register_urls(bkb) -> dict[str, str]:
    return {
        "laporan poktan": reverse("poktan:laporan-edit", args=[bkb.pk, str(LOCKED)]),
        "Profil Kependudukan": reverse(
            "villages:snapshot-edit", args=[PONDOK_BATU, "penduduk", str(LOCKED)]
        ),
    }


def _reopen_post(desa=PONDOK_BATU, **extra) -> dict:
    sampai = timezone.localdate() + dt.timedelta(days=7)
    return {"desa": desa, "periode": str(LOCKED), "sampai": sampai.isoformat(), **extra}


def test_each_persona_is_offered_a_reopen_exactly_when_the_post_is_allowed(
    personas, bkb, client_for
):
    """The menu link, the locked register's form and the POST ask one rule
    (``reopen.can_reopen``); the admin role without superuser rights is the
    case where they used to differ."""
    users = {name: getattr(personas, name) for name in PERSONAS}
    users["admin (peran, bukan superuser)"] = make_user("admin.peran", "admin", None)
    menu_link = f'href="{reverse("periode-reopen")}"'
    for name, user in users.items():
        client = client_for(user)
        allowed = client.post(reverse("periode-reopen"), _reopen_post()).status_code == 302
        allowed = allowed and PeriodeBuka.objects.filter(desa_id=PONDOK_BATU).exists()
        PeriodeBuka.objects.all().delete()
        for page, url in register_urls(bkb).items():
            response = client.get(url)
            html = response.content.decode() if response.status_code == 200 else ""
            assert (OFFER in html) == allowed, (name, page, allowed)
            if response.status_code == 200:
                assert (menu_link in html) == allowed, (name, page, "menu")


@pytest.mark.parametrize("page", ["laporan poktan", "Profil Kependudukan"])
def test_reopen_from_the_locked_register_needs_no_code_and_returns_to_it(
    page, bkb, opd_labuhanbatu, client_for
):
    client = client_for(opd_labuhanbatu)
    url = register_urls(bkb)[page]
    html = client.get(url).content.decode()
    form = re.search(r'<form method="post" action="/periode/buka/".*?</form>', html, re.S)[0]
    fields = dict(re.findall(r'name="(\w+)" value="([^"]*)"', form))
    assert fields["desa"] == PONDOK_BATU and fields["periode"] == str(LOCKED)
    assert 'type="date" id="buka-sampai" name="sampai"' in form  # proposed, can be changed
    fields.pop("csrfmiddlewaretoken", None)
    response = client.post(reverse("periode-reopen"), {**fields, "alasan": "Kader sakit"})
    assert response.status_code == 302 and response["Location"] == url
    buka = PeriodeBuka.objects.get()
    assert (buka.desa_id, buka.periode, buka.alasan) == (
        PONDOK_BATU,
        LOCKED.first_day,
        "Kader sakit",
    )
    html = client.get(url).content.decode()
    assert OFFER not in html
    status = {
        "laporan poktan": "periode dibuka kembali",
        "Profil Kependudukan": ": dibuka kembali.",
    }
    assert status[page] in html  # the month's state, not only the success message


def test_a_foreign_return_address_is_ignored(opd_labuhanbatu, kampung_pondokbatu, client_for):
    response = client_for(opd_labuhanbatu).post(
        reverse("periode-reopen"), _reopen_post(next="https://contoh.example/")
    )
    assert response.status_code == 302 and response["Location"] == reverse("periode-reopen")


def test_a_reopen_from_the_register_refused_keeps_the_village_and_month(
    opd_labuhanbatu, kampung_pondokbatu, client_for
):
    response = client_for(opd_labuhanbatu).post(
        reverse("periode-reopen"), _reopen_post(sampai="2001-01-01", next="/kampung/")
    )
    html = response.content.decode()
    assert response.status_code == 200 and "Tanggal ini sudah lewat." in html
    assert f'value="{PONDOK_BATU}"' in html and f'value="{LOCKED}"' in html
    assert not PeriodeBuka.objects.exists()


def test_the_generic_form_code_placeholder_cannot_pass_for_a_typed_code(
    opd_labuhanbatu, client_for
):
    html = client_for(opd_labuhanbatu).get(reverse("periode-reopen")).content.decode()
    field = re.search(r'<input[^>]*name="desa"[^>]*>', html)[0]
    assert 'placeholder="mis. 12.10.09.2009"' in field
    assert "Kode Kemendagri desa/kelurahan" in html  # the help text says what to type
