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


def html_pages(w, persona: str) -> list[tuple[str, str]]:
    """(case id, url) of every HTML page the persona opens with 200, in matrix
    order, without duplicates (PDFs, XLSX and files are not pages to audit)."""
    user = getattr(w.personas, persona)
    client = Client()
    if getattr(user, "is_authenticated", False):
        client.force_login(user)
    pages, seen = [], set()
    for case in all_cases():
        if case.method != "GET" or case.expected[persona] != 200:
            continue
        url = case.url(w)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code == 200 and "html" in response.get("Content-Type", ""):
            pages.append((case.id, url))
    return pages


def viewport(persona: str) -> dict:
    return PHONE if persona in PHONE_PERSONAS else DESKTOP


def open_as(browser, live_server, w, persona: str, language: str, **context_args):
    """A browser context logged in as the persona, in the language, at its viewport."""
    context = browser.new_context(viewport=viewport(persona), **context_args)
    cookies = [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}]
    user = getattr(w.personas, persona)
    if getattr(user, "is_authenticated", False):
        client = Client()
        client.force_login(user)
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
        cookies.append({"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url})
    context.add_cookies(cookies)
    return context
