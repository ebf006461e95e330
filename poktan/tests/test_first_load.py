"""The register's first load on a weak connection (issue 16 item 6).

A phone that has not kept our files gets the stylesheet and the script
loader inside the HTML (kampungkb/first_visit.py): the page waits for its
HTML only. A phone whose cookie says it keeps this version links the files
(cached) and the page stays small. The scripts (offline entry, the
attendance count) are enhancements loaded after the load event by
static/js/muat.js, in order. bench/weak_network.py measures it."""

import re

import pytest
from django.contrib.staticfiles import finders
from django.templatetags.static import static

from conftest import keeps_files
from kampungkb import first_visit
from poktan.tests.conftest import add_members
from poktan.tests.test_laporan_views import url

pytestmark = pytest.mark.django_db

SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S)
STYLE = re.compile(r"<style\b[^>]*>(.*?)</style>", re.S)
LINKED_CSS = f'<link rel="stylesheet" href="{static("css/bundle.css")}">'


def scripts(html: str) -> list[tuple[str, str]]:
    """(attributes, inline text) of each script element."""
    return SCRIPT.findall(html)


def wanted(attributes: str) -> list[str]:
    return re.search(r'data-skrip="([^"]*)"', attributes).group(1).split()


def new_phone(client):
    """The test clients keep the files by default (conftest.keeps_files)."""
    client.cookies.pop(first_visit.COOKIE)
    return client


def test_first_visit_carries_the_stylesheet_and_the_loader_inline(
    client_for, kader_pondokbatu, bkb, periode
):
    add_members(bkb, 2)  # the attendance list, so hadir.js is wanted
    html = new_phone(client_for(kader_pondokbatu)).get(url(bkb, periode)).content.decode()
    # The stylesheet's very text, not a link: no second round trip.
    assert STYLE.findall(html) == [first_visit.text("css/bundle.css")]
    assert LINKED_CSS not in html
    [(attributes, text)] = scripts(html)
    assert text == first_visit.text("js/muat.js") and "src=" not in attributes
    # After load it keeps the two files and says so (cookie kkb_aset).
    assert f'data-gaya="{static("css/bundle.css")}"' in attributes
    assert f'data-muat="{static("js/muat.js")}"' in attributes
    assert f'data-versi="{first_visit.version()}"' in attributes
    # In order: luring.js uses LuringDB from luring-db.js.
    assert wanted(attributes) == [
        static("js/luring-db.js"), static("js/luring.js"), static("poktan/hadir.js")
    ]  # fmt: skip


def test_a_phone_that_keeps_the_files_links_them_and_one_async_loader(
    client_for, kader_pondokbatu, bkb, periode
):
    add_members(bkb, 2)
    html = keeps_files(client_for(kader_pondokbatu)).get(url(bkb, periode)).content.decode()
    assert LINKED_CSS in html and not STYLE.findall(html)
    # One element only, async: nothing in the page delays her form.
    [(attributes, text)] = scripts(html)
    assert f'src="{static("js/muat.js")}"' in attributes and " async" in attributes
    assert text == "" and "defer" not in attributes
    assert wanted(attributes) == [
        static("js/luring-db.js"), static("js/luring.js"), static("poktan/hadir.js")
    ]  # fmt: skip
    assert finders.find("js/muat.js")


def test_a_cookie_of_an_older_version_gets_the_new_files_inline(client_for, kader_pondokbatu):
    client = client_for(kader_pondokbatu)
    client.cookies[first_visit.COOKIE] = "0123456789ab"  # before a deploy
    html = client.get("/").content.decode()
    assert STYLE.findall(html) == [first_visit.text("css/bundle.css")]


def test_read_only_register_loads_no_attendance_script(client_for, pkb_bilahhulu, bkb, periode):
    add_members(bkb, 2)
    html = keeps_files(client_for(pkb_bilahhulu)).get(url(bkb, periode)).content.decode()
    assert static("poktan/hadir.js") not in html
    assert static("js/luring.js") in wanted(scripts(html)[0][0])


def test_login_page_loads_no_script_once_the_phone_keeps_the_files(client):
    # Nothing to enhance before she is known: no request beyond the stylesheet.
    assert scripts(keeps_files(client).get("/akun/masuk/").content.decode()) == []


def test_login_page_on_a_new_phone_only_keeps_the_files(client):
    html = new_phone(client).get("/akun/masuk/").content.decode()
    [(attributes, text)] = scripts(html)
    assert text == first_visit.text("js/muat.js") and wanted(attributes) == []


def test_the_files_are_served_exactly_as_inlined():
    # collectstatic's manifest rewrites url(…) and source maps: none may be
    # there, or the kept file would differ from the text the page carried.
    css = first_visit.text("css/bundle.css")
    assert not re.search(r"url\((?!\"?data:)", css) and "sourceMappingURL" not in css
    for name in ("css/bundle.css", "js/muat.js"):
        with open(finders.find(name), encoding="utf-8") as served:
            assert served.read() == first_visit.text(name)


def test_logout_forgets_that_the_phone_keeps_the_files(client_for, kader_pondokbatu):
    client = keeps_files(client_for(kader_pondokbatu))
    response = client.post("/akun/keluar/")
    # Clear-Site-Data empties the cache, so the next page must inline again.
    assert response.cookies[first_visit.COOKIE]["max-age"] == 0
    assert STYLE.findall(client.get("/akun/masuk/").content.decode())
