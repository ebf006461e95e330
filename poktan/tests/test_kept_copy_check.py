"""The worker's check of a kept register costs a bare 304 when the copy is
still the page (kampungkb/kept_copy.py, issue 16 §6: repeat load ≤ 5 KB).
A copy that is no longer the page, a page with a one-time message, or a
request without the worker's fingerprint gets the whole page."""

import pytest

from kampungkb.kept_copy import fingerprint
from poktan.models import Laporan, Status
from poktan.tests.test_laporan_views import post_data, url

pytestmark = pytest.mark.django_db


def etag_of(response) -> str:
    return f'"kkb-{fingerprint(response.content.decode())}"'


def test_a_current_copy_gets_304_without_the_page(client_for, kader_pondokbatu, bkb, periode):
    client = client_for(kader_pondokbatu)
    kept = client.get(url(bkb, periode))
    assert kept.status_code == 200 and "ETag" not in kept  # not asked: as before
    again = client.get(url(bkb, periode), HTTP_IF_NONE_MATCH=etag_of(kept))
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == etag_of(kept)
    assert "no-store" in again["Cache-Control"]  # still nobody else's to keep


def test_the_fingerprint_ignores_the_rotating_csrf_token_and_messages():
    page = (
        '<head>A</head><main><div id="pesan"><p>Draf tersimpan.</p></div><!--/pesan-->'
        '<input name="csrfmiddlewaretoken" value="abc"><input name="x" value="1"></main>'
    )
    same = page.replace("abc", "xyz").replace("<p>Draf tersimpan.</p>", "")
    assert fingerprint(page) == fingerprint(same.replace("<head>A", "<head>B"))
    assert fingerprint(page) != fingerprint(page.replace('value="1"', 'value="2"'))


def test_a_copy_the_pkb_has_since_verified_gets_the_new_page(
    client_for, kader_pondokbatu, bkb, periode
):
    client = client_for(kader_pondokbatu)
    client.post(url(bkb, periode), post_data())
    kept = client.get(url(bkb, periode))
    Laporan.objects.update(status=Status.DIVERIFIKASI)
    fresh = client.get(url(bkb, periode), HTTP_IF_NONE_MATCH=etag_of(kept))
    assert fresh.status_code == 200 and fresh["ETag"] != etag_of(kept)
    assert fresh["ETag"] == etag_of(fresh)


def test_a_page_with_a_message_is_sent_whole_so_the_message_is_seen(
    client_for, kader_pondokbatu, bkb, periode
):
    client = client_for(kader_pondokbatu)
    client.post(url(bkb, periode), post_data())
    kept = client.get(url(bkb, periode))
    # Saved unchanged: nothing stored, the page is the same, but a message waits.
    client.post(url(bkb, periode), post_data(version=1))
    response = client.get(url(bkb, periode), HTTP_IF_NONE_MATCH=etag_of(kept))
    assert response.status_code == 200
    assert "Tidak ada perubahan" in response.content.decode()
    assert response["ETag"] == etag_of(kept)  # only the message made it whole


def test_an_ordinary_etag_or_a_post_is_left_alone(client_for, kader_pondokbatu, bkb, periode):
    client = client_for(kader_pondokbatu)
    response = client.get(url(bkb, periode), HTTP_IF_NONE_MATCH='"abc"')
    assert response.status_code == 200 and "ETag" not in response
    posted = client.post(url(bkb, periode), post_data(), HTTP_IF_NONE_MATCH='"kkb-0"')
    assert posted.status_code == 302


def test_a_304_still_carries_the_cookies_the_render_set(client_for, kader_pondokbatu, bkb, periode):
    client = client_for(kader_pondokbatu)
    kept = client.get(url(bkb, periode))
    del client.cookies["csrftoken"]  # e.g. cleared: the render sets a new one
    again = client.get(url(bkb, periode), HTTP_IF_NONE_MATCH=etag_of(kept))
    assert again.status_code == 304
    assert again.cookies["csrftoken"].value  # the kept form's token works again
