"""Every page's inline code is allowed by the CSP by its exact hash, and only
a phone's first visit carries any (kampungkb/first_visit.py, issue 16 §6).

Generated from the permission matrix: every GET page, as the first persona
it answers 200, once as a new phone (no cookie) and once as a phone that
keeps our files. The test fails when
- an inline ``<style>`` or ``<script>`` is not allowed by a ``sha256`` source
  of the page's own CSP header (a browser would drop it: an unstyled page),
  or the CSP allows ``'unsafe-inline'``;
- a new phone's page links the stylesheet instead of carrying it (a round
  trip more on a village link);
- a phone that keeps the files gets any inline code (the repeat load would
  carry the stylesheet again).
"""

from __future__ import annotations

import re
from base64 import b64encode
from hashlib import sha256

import pytest

from conftest import PERSONAS
from kampungkb import first_visit
from tests.matrix import all_cases, build_world

# Pages that link the stylesheet even on a first visit, and why.
LINKED_ON_PURPOSE = {
    "GET luring": "the offline page: the worker fetches it at install and shows it"
    " without a network, beside the stylesheet it keeps",
}
INLINE = re.compile(r"<(style|script)\b([^>]*)>(.*?)</\1>", re.S)


@pytest.fixture
def world(personas, kampung_pondokbatu, kampung_tapteng):
    w = build_world(personas, kampung_pondokbatu, kampung_tapteng)
    return w


def _pages(w):
    for case in all_cases():
        if case.method != "GET":
            continue
        persona = next((p for p in PERSONAS if case.expected[p] == 200), None)
        if persona is not None:
            yield case.id, case.url(w), persona


def _inline(html: str) -> list[tuple[str, str]]:
    """(element, text) of each inline style or script (a src= script is not)."""
    return [
        (tag, text)
        for tag, attributes, text in INLINE.findall(html)
        if not (tag == "script" and "src=" in attributes)
    ]


def _allowed(csp: str, directive: str) -> set[str]:
    for part in csp.split(";"):
        words = part.split()
        if words and words[0] == directive:
            return set(words[1:])
    return set()


def _hash(text: str) -> str:
    return f"'sha256-{b64encode(sha256(text.encode()).digest()).decode()}'"


def test_every_pages_inline_code_is_allowed_by_hash_and_only_on_a_first_visit(world, client_for):
    problems, first_visits = [], 0
    for label, url, persona in _pages(world):
        for keeps in (False, True):
            client = client_for(getattr(world.personas, persona))
            if not keeps:
                client.cookies.pop(first_visit.COOKIE)  # a new phone
            response = client.get(url)
            if "text/html" not in response.get("Content-Type", "") or response.status_code != 200:
                continue
            html, csp = response.content.decode(), response["Content-Security-Policy"]
            where = f"{label} as {persona} ({'keeps files' if keeps else 'new phone'})"
            if "'unsafe-inline'" in csp:
                problems.append(f"{where}: CSP allows 'unsafe-inline'")
            inline = _inline(html)
            for tag, text in inline:
                if _hash(text) not in _allowed(csp, f"{tag}-src"):
                    problems.append(f"{where}: inline <{tag}> not allowed by the CSP")
            if keeps and inline:
                problems.append(f"{where}: inline code for a phone that keeps the files")
            if not keeps and "<main" in html and label not in LINKED_ON_PURPOSE:
                first_visits += 1
                if ("style", first_visit.text(first_visit.STYLESHEET)) not in inline:
                    problems.append(f"{where}: the stylesheet is linked, not carried")
    assert first_visits > 50, first_visits  # the pages were really rendered
    assert not problems, "\n".join(problems)
