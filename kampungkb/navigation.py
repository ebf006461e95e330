"""Menu entries per role. Each app lists its pages in ``<app>/menu.py``:
``ENTRIES = [(url name, label, roles or ALL)]``; the menu shows them in
INSTALLED_APPS order. Entries whose URL name does not resolve (an app not
built yet) are skipped."""

from django.urls import NoReverseMatch, reverse

from kampungkb.hooks import app_hooks

ALL = None  # every logged-in role


def entries() -> list[tuple]:
    return [entry for module in app_hooks("menu") for entry in module.ENTRIES]


def nav_items(user) -> list[dict]:
    items = []
    for name, label, roles in entries():
        if roles is not ALL and user.role not in roles and not user.is_superuser:
            continue
        try:
            items.append({"url": reverse(name), "label": label})
        except NoReverseMatch:
            continue
    return items
