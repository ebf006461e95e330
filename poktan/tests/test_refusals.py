"""A refusal says so (issue 12 item 4): a write the register refuses answers
with the reason and shows the month's STORED figures, never the posted ones."""

import pytest
from django.urls import reverse

from poktan.models import Laporan, Status
from poktan.tests.test_laporan_views import post_data

pytestmark = pytest.mark.django_db

STORED = {"jumlah_anggota": 21, "keluarga_hadir": 13, "anak_dipantau_kka": 11}
POSTED = {"jumlah_anggota": 97, "keluarga_hadir": 96, "anak_dipantau_kka": 95}


def url(poktan, periode, name="laporan-edit"):
    return reverse(f"poktan:{name}", args=[poktan.pk, periode])


def register(poktan, periode, status):
    return Laporan.objects.create(poktan=poktan, periode=periode.first_day, status=status, **STORED)


def assert_refused_with_stored_values(response, reason: str, laporan):
    html = response.content.decode()
    assert response.status_code == 200
    assert reason in html, "the refusal gives its reason"
    for value in POSTED.values():
        assert f">{value}<" not in html and f'value="{value}"' not in html, (
            f"posted {value} shown as if stored"
        )
    for name, value in STORED.items():
        assert f">{value}<" in html, f"stored {name}={value} not shown"
    laporan.refresh_from_db()
    assert {n: getattr(laporan, n) for n in STORED} == STORED


@pytest.mark.parametrize(
    "status,reason",
    [
        (Status.DIVERIFIKASI, "sudah diverifikasi dan tidak dapat diubah lagi"),
        (Status.DIAJUKAN, "sudah diajukan dan tidak dapat diubah lagi"),
    ],
)
def test_saving_over_a_submitted_or_verified_register_says_why(
    client_for, kader_pondokbatu, bkb, periode, status, reason
):
    laporan = register(bkb, periode, status)
    response = client_for(kader_pondokbatu).post(
        url(bkb, periode), post_data(version=laporan.version, **POSTED), follow=True
    )
    assert_refused_with_stored_values(response, reason, laporan)


def test_saving_in_a_locked_month_says_why(client_for, kader_pondokbatu, bkb, periode):
    locked = periode.prev().prev()  # past its lock date whatever today is
    laporan = register(bkb, locked, Status.DRAF)
    response = client_for(kader_pondokbatu).post(
        url(bkb, locked), post_data(version=laporan.version, **POSTED), follow=True
    )
    assert_refused_with_stored_values(response, "sudah terkunci", laporan)


def test_submitting_in_a_locked_month_says_why(client_for, kader_pondokbatu, bkb, periode):
    locked = periode.prev().prev()
    laporan = register(bkb, locked, Status.DRAF)
    response = client_for(kader_pondokbatu).post(
        url(bkb, locked, "laporan-submit"),
        post_data(version=laporan.version, **POSTED),
        follow=True,
    )
    assert_refused_with_stored_values(response, "sudah terkunci", laporan)
    laporan.refresh_from_db()
    assert laporan.status == Status.DRAF


def test_refusal_is_translated(client_for, kader_pondokbatu, bkb, periode):
    laporan = register(bkb, periode, Status.DIVERIFIKASI)
    client = client_for(kader_pondokbatu)
    client.cookies["django_language"] = "en"
    response = client.post(
        url(bkb, periode), post_data(version=laporan.version, **POSTED), follow=True
    )
    assert_refused_with_stored_values(response, "verified and can no longer be changed", laporan)


def test_refusal_says_why_even_when_the_typed_figures_are_wrong(
    client_for, kader_pondokbatu, bkb, periode
):
    # Before: the form's own errors were checked first and, the page being
    # read-only, nothing at all was said.
    laporan = register(bkb, periode, Status.DIVERIFIKASI)
    data = post_data(version=laporan.version, **POSTED)
    data["anak_dipantau_kka"] = "abc"
    response = client_for(kader_pondokbatu).post(url(bkb, periode), data, follow=True)
    html = response.content.decode()
    assert "sudah diverifikasi dan tidak dapat diubah lagi" in html
    assert 'value="abc"' not in html and ">abc<" not in html


def test_submitting_a_verified_register_says_it_is_verified(
    client_for, kader_pondokbatu, bkb, periode
):
    laporan = register(bkb, periode, Status.DIVERIFIKASI)
    response = client_for(kader_pondokbatu).post(
        url(bkb, periode, "laporan-submit"),
        post_data(version=laporan.version, **POSTED),
        follow=True,
    )
    assert_refused_with_stored_values(
        response, "sudah diverifikasi dan tidak dapat diubah lagi", laporan
    )
    laporan.refresh_from_db()
    assert laporan.status == Status.DIVERIFIKASI
