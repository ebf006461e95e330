"""The register's first load on a weak connection (issue 16 item 6): the
page waits for its HTML and its stylesheet only. The scripts (offline entry,
the attendance count) are enhancements loaded after the load event by
static/js/muat.js, in order, so a village phone shows the form one script
round trip and ~5 KB sooner; bench/weak_network.py measures it."""

import re

import pytest
from django.contrib.staticfiles import finders
from django.templatetags.static import static

from poktan.tests.conftest import add_members
from poktan.tests.test_laporan_views import url

pytestmark = pytest.mark.django_db

SCRIPT = re.compile(r"<script\b[^>]*>", re.S)


def scripts(html: str) -> list[str]:
    return SCRIPT.findall(html)


def test_register_page_has_one_async_loader_and_the_scripts_come_after_load(
    client_for, kader_pondokbatu, bkb, periode
):
    add_members(bkb, 2)  # the attendance list, so hadir.js is wanted
    html = client_for(kader_pondokbatu).get(url(bkb, periode)).content.decode()
    tags = scripts(html)
    # One element only, async: nothing in the page delays her form.
    assert len(tags) == 1
    loader = tags[0]
    assert f'src="{static("js/muat.js")}"' in loader and " async" in loader
    assert "defer" not in loader
    wanted = re.search(r'data-skrip="([^"]*)"', loader).group(1).split()
    # In order: luring.js uses LuringDB from luring-db.js.
    assert wanted == [static("js/luring-db.js"), static("js/luring.js"), static("poktan/hadir.js")]
    assert finders.find("js/muat.js")


def test_read_only_register_loads_no_attendance_script(client_for, pkb_bilahhulu, bkb, periode):
    add_members(bkb, 2)
    html = client_for(pkb_bilahhulu).get(url(bkb, periode)).content.decode()
    assert static("poktan/hadir.js") not in html
    assert static("js/luring.js") in scripts(html)[0]


def test_login_page_loads_no_script(client):
    # Nothing to enhance before she is known: no request beyond the stylesheet.
    assert scripts(client.get("/akun/masuk/").content.decode()) == []
