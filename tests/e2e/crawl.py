"""The pages each persona reaches, opened in Chromium as that persona.

The page list is derived from the permission matrix (``tests.matrix``): every
GET case a persona answers 200 with an HTML page, on the matrix's own world, so
a new page is covered as soon as it has its matrix case. The browser is logged
in by a session cookie (``force_login``), not through the login form, to keep
the crawl short.
"""

from __future__ import annotations

import types

from django.conf import settings
from django.test import Client

from tests.matrix import all_cases, app_modules

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
# Who uses a phone (design.md: the kader and the PKB work in the field); the
# visitor without an account reads the public pages on a phone too.
PHONE_PERSONAS = {"kader_pondokbatu", "pkb_bilahhulu", "anonim"}
# One persona per role: the outsiders of another village or kabupaten see the
# same templates on other data.
PERSONAS_BY_ROLE = [
    "kader_pondokbatu",
    "pkb_bilahhulu",
    "opd_labuhanbatu",
    "opd_kesehatan",
    "pimpinan",
    "admin_portal",
    "anonim",
]


def build_world(personas, kampung, kampung_lain):
    w = types.SimpleNamespace(personas=personas, kampung=kampung, kampung_lain=kampung_lain)
    for module in app_modules():
        if hasattr(module, "build"):
            module.build(w)
    return w


def page_urls(w, persona: str) -> list[tuple[str, str]]:
    """(case id, url) of every GET case the persona answers 200, in matrix
    order, without duplicates. Files among them (PDF, XLSX) are skipped by
    ``visit``: only HTML pages are audited."""
    pages, seen = [], set()
    for case in all_cases():
        if case.method != "GET" or case.expected[persona] != 200:
            continue
        url = case.url(w)
        if url not in seen:
            seen.add(url)
            pages.append((case.id, url))
    return pages


def visit(page, url: str) -> bool:
    """Opens the URL; False when it answers a file instead of an HTML page."""
    from playwright.sync_api import Error

    try:
        response = page.goto(url)
    except Error as exc:
        if "Download is starting" in str(exc) or "ERR_ABORTED" in str(exc):
            return False
        raise
    assert response.status == 200, (url, response.status)
    return "html" in (response.headers.get("content-type") or "")


def viewport(persona: str) -> dict:
    return PHONE if persona in PHONE_PERSONAS else DESKTOP


def open_as(browser, live_server, w, persona: str, language: str, **context_args):
    """A browser context logged in as the persona, in the language, at its viewport."""
    context = browser.new_context(
        viewport=viewport(persona), accept_downloads=False, **context_args
    )
    cookies = [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}]
    user = getattr(w.personas, persona)
    if getattr(user, "is_authenticated", False):
        client = Client()
        client.force_login(user)
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
        cookies.append(
            {"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}
        )
    context.add_cookies(cookies)
    return context
