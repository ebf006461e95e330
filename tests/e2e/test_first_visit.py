"""A phone's first visit in Chromium (issue 16 §6, kampungkb/first_visit.py,
kampungkb/kept_copy.py): the page comes styled in one response under the
strict CSP, the service worker keeps the stylesheet the page carried (nothing
downloaded twice), the next page links it from the phone, and the check of
the kept register is a bare 304 that unlocks it."""

import pytest
from playwright.sync_api import expect

from kampungkb import first_visit
from tests.e2e import test_offline_register as offline
from tests.e2e.wait import until

bkb = offline.bkb  # the same kader, PKB and BKB group

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STYLED = """() => getComputedStyle(document.querySelector('.navbar-kkb')).backgroundColor"""
KEPT_CSS = """(href) => caches.keys().then(keys => Promise.all(keys.map(k => caches.open(k)
  .then(c => c.match(href)).then(r => r ? r.text() : null))))
  .then(found => found.find(Boolean) || null)"""


def _csp_complaints(page):
    complaints = []
    page.on("console", lambda m: "Content Security Policy" in m.text and complaints.append(m.text))
    return complaints


def _not_modified_answers(monkeypatch):
    """The 304s the server sent for kept copies (the live server shares this process)."""
    from kampungkb import kept_copy

    sent = []
    real = kept_copy.HttpResponseNotModified

    def counted(*args, **kwargs):
        sent.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(kept_copy, "HttpResponseNotModified", counted)
    return sent


def _kept_cookie(page):
    cookies = page.context.cookies()
    return next((c["value"] for c in cookies if c["name"] == first_visit.COOKIE), None)


def test_first_visit_is_styled_kept_by_the_worker_and_checked_with_a_304(
    page, live_server, login, bkb, monkeypatch
):
    complaints = _csp_complaints(page)
    sent_304 = _not_modified_answers(monkeypatch)
    login(page, "kader.pondokbatu")
    # Her register on a phone that keeps nothing of ours: one response, styled.
    page.context.clear_cookies(name=first_visit.COOKIE)
    url = offline.register_url(live_server, bkb)
    page.goto(url)
    assert page.locator("head > style").count() == 1
    assert page.locator("link[rel=stylesheet]").count() == 0
    assert page.evaluate(STYLED) not in ("rgba(0, 0, 0, 0)", "transparent")

    # After load the worker keeps the text the page carried, and the cookie says so.
    page.wait_for_function(f"() => document.cookie.includes('{first_visit.COOKIE}=')")
    assert _kept_cookie(page) == first_visit.version()
    href = page.locator("script[data-gaya]").get_attribute("data-gaya")
    assert until(page, KEPT_CSS, href) == first_visit.text(first_visit.STYLESHEET)
    until(page, offline.KEPT_JS)  # and the register itself, as hers
    until(page, "() => LuringDB.pengguna()")

    # Next time: the page links the stylesheet, served by the worker from the
    # phone; the kept register is checked with a 304 and unlocked.
    from_worker = []
    page.on(
        "response", lambda r: r.url.endswith(".css") and from_worker.append(r.from_service_worker)
    )
    page.goto(url)
    assert page.locator("head > style").count() == 0
    assert page.locator("link[rel=stylesheet]").count() == 1
    expect(page.locator("input[name=anak_dipantau_kka]")).to_be_editable()
    assert page.evaluate("() => performance.getEntriesByName('kkb-terbuka').length") == 1
    assert from_worker == [True]
    assert page.evaluate(STYLED) not in ("rgba(0, 0, 0, 0)", "transparent")
    assert sent_304 == [1]
    assert complaints == []


def test_login_page_on_a_new_phone_is_styled_and_keeps_the_files_in_the_browser(
    page, live_server, bkb
):
    complaints = _csp_complaints(page)
    page.goto(f"{live_server.url}/akun/masuk/")
    assert page.locator("head > style").count() == 1
    assert page.evaluate(STYLED) not in ("rgba(0, 0, 0, 0)", "transparent")
    # No worker for a visitor: the browser fetches the two files after load.
    page.wait_for_function(f"() => document.cookie.includes('{first_visit.COOKIE}=')")
    page.reload()
    assert page.locator("head > style").count() == 0
    assert page.evaluate(STYLED) not in ("rgba(0, 0, 0, 0)", "transparent")
    assert complaints == []
