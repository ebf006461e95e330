"""A register saved through the service worker gets its page in the POST's
answer (kampungkb/inline_redirect.py, issue 16: one round trip on a weak
connection); without the worker's header the browser still gets the 303."""

import pytest

from poktan.models import Laporan, Status
from poktan.tests.test_laporan_views import post_data, url

pytestmark = pytest.mark.django_db

WORKER = {"HTTP_X_KKB_IKUTI": "1"}


def test_without_the_header_a_save_redirects_as_before(client_for, kader_pondokbatu, bkb, periode):
    response = client_for(kader_pondokbatu).post(url(bkb, periode), post_data())
    assert response.status_code == 302
    assert response["Location"] == url(bkb, periode)
    assert "X-Kkb-Lokasi" not in response


def test_worker_save_answers_with_the_page_and_its_message(
    client_for, kader_pondokbatu, bkb, periode
):
    client = client_for(kader_pondokbatu)
    response = client.post(url(bkb, periode), post_data(), **WORKER)
    html = response.content.decode()
    assert response.status_code == 200
    assert response["X-Kkb-Lokasi"] == url(bkb, periode)
    assert "Draf tersimpan." in html
    assert "Content-Security-Policy" in response  # the page's own headers
    assert "no-store" in response["Cache-Control"]
    assert Laporan.objects.get().version == 1
    # The message was shown once: the next page does not repeat it.
    assert "Draf tersimpan." not in client.get(url(bkb, periode)).content.decode()


def test_worker_submit_answers_with_the_month_list(client_for, kader_pondokbatu, bkb, periode):
    response = client_for(kader_pondokbatu).post(
        url(bkb, periode, "laporan-submit"), post_data(), **WORKER
    )
    assert response.status_code == 200
    assert response["X-Kkb-Lokasi"] == "/poktan/laporan-bulan-ini/"
    assert "Laporan diajukan ke petugas kecamatan." in response.content.decode()
    assert Laporan.objects.get().status == Status.DIAJUKAN


def test_worker_post_with_errors_or_conflict_is_unchanged(
    client_for, kader_pondokbatu, bkb, periode
):
    client = client_for(kader_pondokbatu)
    bad = client.post(url(bkb, periode), post_data(anak_dipantau_kka="abc"), **WORKER)
    assert bad.status_code == 200 and "X-Kkb-Lokasi" not in bad
    assert "Tulis angka bulat" in bad.content.decode()
    client.post(url(bkb, periode), post_data())
    stale = client.post(url(bkb, periode), post_data(anak_dipantau_kka=3), **WORKER)
    assert stale.status_code == 409 and "X-Kkb-Lokasi" not in stale
