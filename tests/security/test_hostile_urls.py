"""Hostile input in URLs (issue 13 §4): every URL of the URL conf, with a
hostile value put into each of its path segments and appended to every query
parameter a view reads, answers a page, a redirect, 400 or 404, never a 500.

Generated: the URLs come from the permission matrix (which fails when a URL
of the URL conf has no case), the path segments from resolving each URL, the
query parameters from the views' source (``request.GET.get("x")``) and from
every GET form (filters) the pages render. A new URL, converter or filter is
attacked without editing this file. (The clean request of each URL also
checks issue 13 §8: what a logged-in user gets carries Cache-Control
private, no-store.) Each value is sent as a different persona
among those the matrix lets in, so several roles take part.
"""

from __future__ import annotations

import inspect
import re
from urllib.parse import quote, urlencode

import pytest
from django.test import Client
from django.urls import resolve, reverse

from conftest import PERSONAS
from tests.matrix import all_cases, app_modules, build_world
from tests.security.forms import _FormParser

pytestmark = pytest.mark.django_db

NUL = "\x00"
# Path and query values: NUL (PostgreSQL refuses it in text), years and pages
# out of range, negative and non-numeric numbers, markup, a lone percent sign.
PATH_VALUES = [NUL, "12.10" + NUL, "-1", "99999999999999999999", "%", "<b>x</b>"]
# Query values: each request sends one of these to every parameter at once;
# MIXED spreads the rest over the parameters (shifted from URL to URL).
QUERY_VALUES = ["a" + NUL + "b", "-1", "99999999999999999999"]
MIXED = ["0", "2026-13", "99999-01", "<script>x</script>", "١٢", "1e5", ""]
# Every query parameter is also sent twice, as ?x=1&x=<hostile>.
GET_KEY = re.compile(r"""(?:GET|params|data|query)\.(?:get|getlist)\(\s*["'](\w+)["']""")


def _source_params() -> set[str]:
    """Names the portal's modules read from a query string."""
    names: set[str] = set()
    for module in app_modules():
        app = module.__name__.split(".")[0]
        for sub in (
            "views",
            "views_unduhan",
            "views_anggota",
            "views_poktan",
            "documents.base",
            "documents.daftar",
            "filters",
            "dashboard",
        ):
            try:
                mod = __import__(f"{app}.{sub}", fromlist=["x"])
            except ModuleNotFoundError:
                continue
            names |= set(GET_KEY.findall(inspect.getsource(mod)))
    return names


def _form_params(html: str) -> set[str]:
    parser = _FormParser()
    parser.feed(html)
    return {
        field["name"]
        for form in parser.forms
        if form["method"] == "get"
        and not any(f["name"] == "csrfmiddlewaretoken" for f in form["fields"])
        for field in form["fields"]
    }


@pytest.fixture
def world(personas, kampung_pondokbatu, kampung_tapteng, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    w = build_world(personas, kampung_pondokbatu, kampung_tapteng)
    return w


def _clients(world) -> dict[str, Client]:
    clients = {}
    for name in PERSONAS:
        client = Client(raise_request_exception=False)
        user = getattr(world.personas, name)
        if getattr(user, "is_authenticated", False):
            client.force_login(user)
        clients[name] = client
    return clients


def _get_cases():
    seen = set()
    for case in all_cases():
        if case.method != "GET" or case.url_name in seen:
            continue
        seen.add(case.url_name)
        yield case


def _admitted(case) -> list[str]:
    """Personas the matrix lets read the page (anonim only on public pages)."""
    ok = [p for p in PERSONAS if case.expected[p] == 200]
    return ok or ["admin_portal"]


def _path_variants(path: str) -> list[tuple[str, str]]:
    """The URL with each resolved path argument replaced by each hostile value."""
    match = resolve(path)
    variants = []
    for name, value in {**match.kwargs, **dict(enumerate(match.args))}.items():
        text = str(value)
        if f"/{text}/" not in path and not path.endswith(f"/{text}"):
            continue
        for hostile in PATH_VALUES:
            variants.append((str(name), path.replace(f"/{text}", "/" + quote(hostile, safe=""), 1)))
    return variants


def _check(client, url, persona, problems):
    response = client.get(url)
    if response.status_code >= 500:
        problems.append(f"{persona} GET {url!r}: {response.status_code}")
    elif (
        response.status_code == 200
        and "text/html" in response.get("Content-Type", "")
        and "<script>x</script>" in response.content.decode(errors="replace")
    ):
        problems.append(f"{persona} GET {url!r}: markup echoed unescaped")
    return response


def test_every_path_segment_of_every_url(world):
    clients = _clients(world)
    problems: list[str] = []
    attacked = 0
    for case in _get_cases():
        admitted = _admitted(case)
        url = case.url(world)
        path, _sep, query = url.partition("?")
        for i, (_name, variant) in enumerate(_path_variants(path)):
            persona = admitted[i % len(admitted)]
            _check(clients[persona], variant + (f"?{query}" if query else ""), persona, problems)
            attacked += 1
    assert attacked > 100, attacked
    assert not problems, "\n".join(problems)


def test_every_query_parameter_of_every_url(world):
    clients = _clients(world)
    params = _source_params()
    problems: list[str] = []
    pages = []
    for case in _get_cases():
        admitted = _admitted(case)
        url = case.url(world)
        response = clients[admitted[0]].get(url)
        html = "text/html" in response.get("Content-Type", "")
        if response.status_code == 200 and admitted[0] != "anonim":
            # Issue 13 §8: what a logged-in user receives is never cached.
            cache = response.get("Cache-Control", "")
            if "private" not in cache or "no-store" not in cache:
                problems.append(f"{admitted[0]} GET {url}: Cache-Control {cache!r}")
        if response.status_code == 200 and html:
            params |= _form_params(response.content.decode())
        pages.append((url, admitted, html))
    for expected in ("tahun", "periode", "bulan", "hal", "q", "kelas", "status"):
        assert expected in params, (expected, sorted(params))
    names = sorted(params)
    for n, (url, admitted, html) in enumerate(pages):
        sep = "&" if "?" in url else "?"
        # Documents (PDF, XLSX) are slow to render: one request with every value mixed.
        values = QUERY_VALUES if html else QUERY_VALUES[:1]
        mixed = MIXED if html else MIXED + QUERY_VALUES[1:]
        queries = [[(p, v) for p in names for v in ("1", hostile)] for hostile in values]
        queries.append([(p, mixed[(i + n) % len(mixed)]) for i, p in enumerate(names)])
        for i, query in enumerate(queries):
            persona = admitted[(i + n) % len(admitted)]
            response = _check(clients[persona], f"{url}{sep}{urlencode(query)}", persona, problems)
            if i == 0 and response.status_code != 400:
                problems.append(
                    f"{persona} GET {url} with NUL in the query: {response.status_code}"
                )
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("tahun", ["-1", "0", "99999999999999999999", "10000", "1e5"])
def test_out_of_range_year_filters(tahun, world):
    """Year filters on the lists: a page (the filter says what is wrong), not a 500."""
    from django.urls import reverse

    clients = _clients(world)
    for name in ("interventions:intervensi-list", "interventions:inovasi-list"):
        for persona in ("opd_labuhanbatu", "kader_pondokbatu", "pimpinan"):
            response = clients[persona].get(reverse(name) + f"?tahun={tahun}")
            assert response.status_code == 200, (name, persona, tahun, response.status_code)


# --- hand-picked URLs: impossible months, odd filters, the first and last month


EDGE_URLS = [
    lambda w: reverse("villages:snapshot-edit", args=[w.kampung.desa_id, "kkbpk", "2016-01"]),
    lambda w: reverse("villages:snapshot-edit", args=[w.kampung.desa_id, "profil", "2100-12"]),
    lambda w: reverse("poktan:laporan-edit", args=[w.poktan.pk, "2016-01"]),
    lambda w: reverse("poktan:laporan-edit", args=[w.poktan.pk, "2100-12"]),
    lambda w: reverse("reports:dasbor", args=[w.kampung.desa_id]) + "?periode=2016-01",
    lambda w: reverse("poktan:kelengkapan") + "?periode=2016-01&wilayah=12.10.09",
]
HOSTILE_URLS = [
    lambda w: reverse("villages:snapshot-edit", args=[w.kampung.desa_id, "kkbpk", "2026-13"]),
    lambda w: reverse("villages:snapshot-edit", args=[w.kampung.desa_id, "x<y", "2026-01"]),
    lambda w: reverse("poktan:laporan-edit", args=[w.poktan.pk, "2026-01"]) + "?x=<script>",
    lambda w: reverse("reports:dasbor", args=["12.10"]) + "?periode=%00&bulan=-1",
    lambda w: reverse("reports:dasbor-xlsx", args=["12.10"]) + "?periode=9999-99",
    lambda w: reverse("poktan:kelengkapan") + "?periode=%3Cscript%3E&wilayah=%3Cscript%3E",
    lambda w: reverse("poktan:kelengkapan") + "?wilayah=12.01",
    lambda w: reverse("villages:kampung-list") + "?hal=-1&kelas=%3Cscript%3E&q=%00",
    lambda w: reverse("villages:kampung-list") + "?hal=99999999999999999999",
    lambda w: (
        reverse("interventions:intervensi-list")
        + "?tanggal_min=0000-00-00&kampung=abc&hal=x&seksi=%3Cscript%3E"
    ),
    lambda w: reverse("interventions:inovasi-list") + "?tahun=99999999999999999999&q=%00",
    lambda w: reverse("audit-list") + "?hal=-5",
    lambda w: reverse("wilayah-detail", args=["12.10%00"]),
]


def _get_ok(client, url):
    response = client.get(url)
    # A NUL in the query string is refused before any view (400, issue 13 §4).
    allowed = (200, 302, 404, 400) if "%00" in url.partition("?")[2] else (200, 302, 404)
    assert response.status_code in allowed, (url, response.status_code)
    html = response.content.decode(errors="replace")
    assert "<script>" not in html, url


def test_hostile_url_parameters(sec, client_for):
    """Impossible months, odd filters, NUL and markup in query strings: a page
    or a 404, never a 500, and nothing echoed unescaped."""
    client = client_for(sec.personas.opd_labuhanbatu)
    for url in HOSTILE_URLS:
        _get_ok(client, url(sec))


@pytest.mark.parametrize("url", EDGE_URLS)
def test_first_and_last_month_pages(url, sec, client_for):
    """The first and last month a user may ask for are ordinary pages."""
    _get_ok(client_for(sec.personas.opd_labuhanbatu), url(sec))
