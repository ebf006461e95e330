"""Every page each persona reaches is usable by everyone (issue 17 items 3–4).

- Tap targets: on every page the kader and the PKB reach, at 360 px, every
  visible link, button, menu summary and checkbox/radio label is at least
  40 × 40 px (a thumb, not a stylus).
- axe-core (``axe-playwright-python``, which bundles it) over every page of
  every persona (one per role), at that persona's viewport (kader, PKB and
  the public visitor on a 360 px phone; OPD, lintas sektor, pimpinan and
  admin on a desktop): no serious or critical WCAG 2 A/AA violation.

Languages: each persona's pages alternate Indonesian / English (the next
persona starts with the other one), so every page is audited in at least one
language, every persona in both, and a page several personas reach in both.

The page list comes from the permission matrix (``tests/e2e/crawl.py``).
"""

from __future__ import annotations

import pytest

from tests.e2e.crawl import PERSONAS_BY_ROLE, build_world, open_as, page_urls, visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MIN_TAP = 40
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# Every visible tap target too small for a thumb, measured in the page (a
# function, not a string: the CSP forbids eval).
SMALL_TARGETS = """(min) => {
  const small = [];
  const targets = document.querySelectorAll(
    'a[href], button, summary, input[type=submit], label'
  );
  for (const el of targets) {
    if (el.tagName === 'LABEL') {
      const box = el.control;
      if (!box || !['checkbox', 'radio'].includes(box.type)) continue;
    }
    if (!el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;  // nothing to tap
    if (r.height < min || r.width < min) {
      const text = (el.innerText || el.value || el.getAttribute('aria-label') || '').trim();
      const size = `${Math.round(r.width)}×${Math.round(r.height)}`;
      small.push(`${el.tagName.toLowerCase()} "${text.slice(0, 40)}" ${size}`);
    }
  }
  return small;
}"""


@pytest.fixture
def world(transactional_db, personas, kampung_pondokbatu, kampung_tapteng, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return build_world(personas, kampung_pondokbatu, kampung_tapteng)


def _language(index: int, persona: str) -> str:
    return ("id", "en")[(index + PERSONAS_BY_ROLE.index(persona)) % 2]


def _crawl(browser, live_server, w, persona, check, **context_args):
    """Opens each page of the persona (in its language) and calls
    ``check(page, label)`` on each HTML one; returns how many were checked."""
    pages = {}
    checked = 0
    try:
        for index, (label, url) in enumerate(page_urls(w, persona)):
            language = _language(index, persona)
            if language not in pages:
                context = open_as(browser, live_server, w, persona, language, **context_args)
                pages[language] = context.new_page()
            page = pages[language]
            if visit(page, f"{live_server.url}{url}"):
                check(page, f"{label} [{language}] {url}")
                checked += 1
    finally:
        for page in pages.values():
            page.context.close()
    return checked


# The kader and the PKB work on phones: their pages are also measured for tap
# targets, in the same visit as the audit (one crawl per persona).
PHONE_PERSONAS = ("kader_pondokbatu", "pkb_bilahhulu")


@pytest.mark.parametrize("persona", PERSONAS_BY_ROLE)
def test_every_page_is_accessible_and_thumb_sized(persona, browser, live_server, world):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    found, small = [], []
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}

    def check(page, label):
        results = axe.run(page, options=options)
        for v in results.response["violations"]:
            if v["impact"] in ("serious", "critical"):
                nodes = "; ".join(n["target"][0] for n in v["nodes"][:3] if n["target"])
                found.append(f"{label}: {v['id']} ({len(v['nodes'])}) {nodes}")
        if persona in PHONE_PERSONAS:
            small.extend(f"{label}: {t}" for t in page.evaluate(SMALL_TARGETS, MIN_TAP))

    seen = _crawl(browser, live_server, world, persona, check)
    assert seen > (5 if persona in PHONE_PERSONAS else 2)
    assert not found, f"{len(found)} pelanggaran WCAG serius/kritis:\n" + "\n".join(found)
    assert not small, f"{len(small)} sasaran sentuh < {MIN_TAP} px:\n" + "\n".join(small)
