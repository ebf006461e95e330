"""Reference data every installation has (official enumerations stored as rows,
default yearly rules). Seeded by data migrations and, because a transactional
test empties the tables, again before such tests (root conftest).

Apps provide ``<app>/reference.py: seed_reference()`` (idempotent); they run in
INSTALLED_APPS order (``kampungkb.hooks.app_hooks``), this app's own first."""

import datetime as dt

from kampungkb.hooks import app_hooks


def seed_aturan_periode(apps=None) -> None:
    # SIGA: R/I registers are due on the 3rd of the following month.
    from django.apps import apps as global_apps

    AturanPeriode = (apps or global_apps).get_model("kampungkb", "AturanPeriode")
    AturanPeriode.objects.get_or_create(
        berlaku_mulai=dt.date(2016, 1, 1), defaults={"hari_batas": 3, "hari_kunci": 10}
    )


def seed_reference() -> None:
    seed_aturan_periode()


def seed_reference_data() -> None:
    for module in app_hooks("reference"):
        if hasattr(module, "seed_reference"):
            module.seed_reference()
