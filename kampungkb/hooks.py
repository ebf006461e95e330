"""The one way the foundation reaches into the apps: optional hook modules.

An app extends a shared page or command by providing a module of a known name
(``<app>/home.py``, ``<app>/kampung_sections.py``, ``<app>/demo.py``,
``<app>/menu.py``, ``<app>/reference.py``); ``app_hooks(name)`` returns those
modules in ``INSTALLED_APPS`` order. Only a missing hook module is skipped: an
``ImportError`` raised inside one (a typo, a missing dependency) propagates.
"""

from __future__ import annotations

import importlib
from functools import cache
from types import ModuleType

from django.apps import apps
from django.core.signals import setting_changed


@cache
def _hooks(name: str) -> tuple[ModuleType, ...]:
    found = []
    for config in apps.get_app_configs():
        module_name = f"{config.name}.{name}"
        try:
            found.append(importlib.import_module(module_name))
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
    return tuple(found)


def app_hooks(name: str) -> list[ModuleType]:
    """Every installed app's ``<app>.<name>`` module, in ``INSTALLED_APPS`` order
    (looked up once per process)."""
    return list(_hooks(name))


def _forget(*, setting, **kwargs):
    if setting == "INSTALLED_APPS":
        _hooks.cache_clear()


setting_changed.connect(_forget)
