"""The installable app around the register (issue 16): worker, manifest,
icons, favicon, offline page, compressed HTML, logout that empties the phone,
and the server side of an offline draft's replay (CSRF, applied once)."""

import gzip
import json
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.test import Client
from django.urls import reverse
from PIL import Image

from kampungkb.models import AuditEntry
from kampungkb.periods import Periode
from poktan.models import Laporan
from poktan.tests.test_laporan_views import post_data, url

pytestmark = pytest.mark.django_db


def test_worker_is_served_at_the_root_so_it_covers_the_kader_pages(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert "no-cache" in response["Cache-Control"]
    body = response.content.decode()
    # No inline script anywhere: the worker loads its helper from static/.
    assert f"importScripts('{static('js/luring-db.js')}')" in body
    assert finders.find("js/luring-db.js") and finders.find("js/luring.js")
    # Re-checked on every navigation: unchanged, it costs a 304.
    again = client.get("/sw.js", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304 and not again.content


def test_manifest_names_the_app_and_its_icons_exist_in_their_sizes():
    manifest = json.loads(Path(finders.find("pwa/manifest.json")).read_text())
    assert manifest["start_url"] == "/" and manifest["display"] == "standalone"
    assert manifest["name"] == "Portal Kampung KB"
    for icon in manifest["icons"]:
        width, height = (int(n) for n in icon["sizes"].split("x"))
        with Image.open(finders.find(f"pwa/{icon['src']}")) as image:
            assert image.size == (width, height)


def test_favicon_answers_at_the_root(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"


@pytest.mark.parametrize("language", ["id", "en"])
def test_offline_page_says_what_she_can_still_do_in_her_language(client, language):
    client.cookies["django_language"] = language
    text = client.get(reverse("luring")).content.decode()
    expected = {"id": "Tidak ada sinyal", "en": "No signal"}[language]
    assert expected in text
    assert "<script" not in text


def test_kader_pages_say_whose_they_are_other_roles_do_not(
    client_for, kader_pondokbatu, pkb_bilahhulu
):
    page = client_for(kader_pondokbatu).get("/").content.decode()
    assert f'<meta name="kkb-pengguna" content="{kader_pondokbatu.pk}">' in page
    assert 'rel="manifest"' in page and 'rel="icon"' in page
    # (The inline loader of a first visit names the meta tag in its code.)
    assert '<meta name="kkb-pengguna"' not in client_for(pkb_bilahhulu).get("/").content.decode()


def test_html_is_sent_compressed(client_for, kader_pondokbatu, bkb):
    client = client_for(kader_pondokbatu)
    periode = Periode.current()
    response = client.get(url(bkb, periode), HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert response["Content-Encoding"] == "gzip"
    html = gzip.decompress(response.content)
    assert b"data-luring" in html
    assert len(response.content) * 3 < len(html)


def test_logout_tells_the_browser_to_empty_the_phone(client_for, kader_pondokbatu):
    response = client_for(kader_pondokbatu).post(reverse("akun:logout"))
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache", "storage"'


def test_a_replayed_draft_is_applied_once(client_for, kader_pondokbatu, bkb):
    """The worker sent a draft, the answer was lost, it sends it again: the
    second send changes nothing and writes no second audit entry."""
    periode = Periode.current()
    client = client_for(kader_pondokbatu)
    client.post(url(bkb, periode), post_data())
    laporan = Laporan.objects.get()
    draft = post_data(version=laporan.version, keluarga_hadir=11)
    first = client.post(url(bkb, periode), draft)
    second = client.post(url(bkb, periode), draft)
    assert first.status_code == second.status_code == 302
    laporan.refresh_from_db()
    assert (laporan.keluarga_hadir, laporan.version) == (11, 2)
    assert AuditEntry.objects.filter(object_id=str(laporan.pk)).count() == 2
    # "Ajukan" replayed: submitted once, the repeat only says so.
    submit = url(bkb, periode, "laporan-submit")
    client.post(submit, post_data(version=2, keluarga_hadir=11))
    again = client.post(submit, post_data(version=2, keluarga_hadir=11), follow=True)
    assert "Laporan ini sudah diajukan." in again.content.decode()
    assert AuditEntry.objects.filter(object_id=str(laporan.pk)).count() == 3


TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def test_a_draft_kept_over_a_new_login_gets_403_and_a_fresh_token_from_the_form(
    kader_pondokbatu, bkb
):
    """What the worker relies on: the token stored with the draft is refused
    after the login rotated it, and the form page hands out one that works."""
    periode = Periode.current()
    client = Client(enforce_csrf_checks=True)
    client.force_login(kader_pondokbatu)
    old = TOKEN.search(client.get(url(bkb, periode)).content.decode()).group(1)
    client.logout()
    client.force_login(kader_pondokbatu)  # rotates the CSRF secret
    data = post_data(keluarga_hadir=4)
    assert client.post(url(bkb, periode), {**data, "csrfmiddlewaretoken": old}).status_code == 403
    fresh = TOKEN.search(client.get(url(bkb, periode)).content.decode()).group(1)
    response = client.post(url(bkb, periode), {**data, "csrfmiddlewaretoken": fresh})
    assert response.status_code == 302
    assert Laporan.objects.get().keluarga_hadir == 4
