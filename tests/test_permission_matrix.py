"""Every URL × persona → status (design.md §4.1); a URL without a case fails."""


import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from conftest import PERSONAS
from tests.matrix import all_cases, build_world

CASES = all_cases()
# Django's admin checks its own permissions (is_staff) and is tested upstream.
EXCLUDED_NAMESPACES = {"admin"}


def url_names(resolver=None, namespace=None):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace or namespace
            if ns in EXCLUDED_NAMESPACES:
                continue
            full = f"{namespace}:{pattern.namespace}" if namespace and pattern.namespace else ns
            yield from url_names(pattern, full)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}:{pattern.name}" if namespace else pattern.name


def test_every_url_has_a_case():
    covered = {case.url_name for case in CASES}
    missing = sorted(set(url_names()) - covered)
    assert not missing, f"URL tanpa kasus di matriks izin: {missing}"


def test_every_case_lists_every_persona():
    for case in CASES:
        assert set(case.expected) == set(PERSONAS), case.id


@pytest.fixture
def world(personas, kampung_pondokbatu, kampung_tapteng):
    w = build_world(personas, kampung_pondokbatu, kampung_tapteng)
    return w


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_matrix(case, world, client_for):
    for persona in PERSONAS:
        user = getattr(world.personas, persona)
        client = client_for(user)
        url = case.url(world)
        data = case.data(world) if callable(case.data) else case.data
        response = getattr(client, case.method.lower())(url, data)
        expected = case.expected[persona]
        assert response.status_code == expected, (
            f"{case.id} as {persona}: {response.status_code}, expected {expected}"
        )
        if persona == "anonim" and expected == 302 and not case.public:
            assert response["Location"].startswith("/akun/masuk/"), response["Location"]
