"""The permission matrix: every URL × every persona → expected status.

Each app lists its cases in ``<app>/tests/matrix.py`` as ``CASES`` and may add
its objects to the shared world with ``build(world)``. ``test_permission_matrix``
collects them all and fails when a URL of the URL conf has no case.

Statuses: 200 page, 302 redirect (for ``anonim`` it must go to the login page),
403 in scope but not allowed, 404 outside scope or absent, 405 wrong method.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from conftest import PERSONAS

APPS = ["kampungkb", "villages", "poktan", "interventions", "reports"]


def expect(default: int, **overrides: int) -> dict[str, int]:
    """expect(200, anonim=302, kader_desa_lain=404): every persona gets a status."""
    unknown = set(overrides) - set(PERSONAS)
    if unknown:
        raise ValueError(f"unknown personas {unknown}")
    return {p: overrides.get(p, default) for p in PERSONAS}


# Common shapes: a page any logged-in user in scope may read.
def read_in_scope(outsiders: tuple[str, ...], **overrides: int) -> dict[str, int]:
    return expect(200, anonim=302, **dict.fromkeys(outsiders, 404), **overrides)


@dataclass
class Case:
    url_name: str
    url: Callable[[Any], str]
    expected: dict[str, int]
    method: str = "GET"
    data: Callable[[Any], dict] | dict = field(default_factory=dict)
    label: str = ""
    # Public endpoints (login page, language switch) may redirect anonymous
    # users elsewhere than the login page.
    public: bool = False

    @property
    def id(self) -> str:
        return f"{self.method} {self.url_name}{' ' + self.label if self.label else ''}"


def app_modules():
    for app in APPS:
        try:
            yield importlib.import_module(f"{app}.tests.matrix")
        except ModuleNotFoundError as exc:
            if exc.name != f"{app}.tests.matrix":
                raise


def build_world(personas, kampung, kampung_lain):
    """The matrix's world: the personas, Pondok Batu and an outside village,
    and what each app's ``build(world)`` adds."""
    import types

    w = types.SimpleNamespace(personas=personas, kampung=kampung, kampung_lain=kampung_lain)
    for module in app_modules():
        if hasattr(module, "build"):
            module.build(w)
    return w


def all_cases() -> list[Case]:
    return [case for module in app_modules() for case in getattr(module, "CASES", [])]
