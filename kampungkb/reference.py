"""Reference data every installation has (official enumerations stored as rows,
default yearly rules). Seeded by data migrations and, because a transactional
test empties the tables, again before such tests (root conftest).

Apps list their idempotent seeders in REFERENCE_SEEDS as dotted paths."""

import datetime as dt

from django.utils.module_loading import import_string

REFERENCE_SEEDS = [
    "kampungkb.reference.seed_aturan_periode",
    "interventions.instansi_resmi.seed_instansi_resmi",
    "interventions.katalog_inpres.seed_reference",
]


def seed_aturan_periode(apps=None) -> None:
    # SIGA: R/I registers are due on the 3rd of the following month.
    from django.apps import apps as global_apps

    AturanPeriode = (apps or global_apps).get_model("kampungkb", "AturanPeriode")
    AturanPeriode.objects.get_or_create(
        berlaku_mulai=dt.date(2016, 1, 1), defaults={"hari_batas": 3, "hari_kunci": 10}
    )


def seed_reference_data() -> None:
    for path in REFERENCE_SEEDS:
        import_string(path)()
