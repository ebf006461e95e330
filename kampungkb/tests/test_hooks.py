"""One loader for the apps' hook modules (``kampungkb.hooks.app_hooks``)."""

import sys

import pytest
from django.test import override_settings

from kampungkb.hooks import app_hooks


def names(hook):
    return [m.__name__ for m in app_hooks(hook)]


def test_hooks_come_in_installed_apps_order():
    assert names("home") == ["villages.home", "poktan.home", "interventions.home", "reports.home"]
    assert names("kampung_sections") == [
        "poktan.kampung_sections",
        "interventions.kampung_sections",
    ]
    assert names("demo") == [
        "kampungkb.demo",
        "villages.demo",
        "poktan.demo",
        "interventions.demo",
        "reports.demo",
    ]
    assert names("menu") == ["villages.menu", "poktan.menu", "interventions.menu", "reports.menu"]


def test_an_app_without_the_module_is_skipped():
    assert names("no_such_hook") == []


@pytest.fixture
def broken_hook(tmp_path, monkeypatch):
    """An app whose hook module exists but imports something missing."""
    package = tmp_path / "hookapp_broken"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "apps.py").write_text(
        "from django.apps import AppConfig\n\n"
        "class HookappBrokenConfig(AppConfig):\n"
        "    name = 'hookapp_broken'\n"
    )
    (package / "home.py").write_text("import module_that_does_not_exist  # noqa\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield "hookapp_broken"
    for name in [n for n in sys.modules if n.startswith("hookapp_broken")]:
        del sys.modules[name]


def test_an_import_error_inside_a_hook_still_raises(broken_hook, settings):
    with (
        override_settings(INSTALLED_APPS=[*settings.INSTALLED_APPS, broken_hook]),
        pytest.raises(ModuleNotFoundError) as error,
    ):
        app_hooks("home")
    assert error.value.name == "module_that_does_not_exist"
    # Back to the real apps: the cache was cleared with the setting.
    assert "villages.home" in names("home")


def test_the_menu_keeps_its_order_per_role(kader_pondokbatu, opd_labuhanbatu):
    from django.utils import translation

    from kampungkb.navigation import nav_items

    with translation.override("id"):
        assert [i["label"] for i in nav_items(kader_pondokbatu)] == [
            "Kampung KB",
            "Laporan bulan ini",
            "Intervensi",
            "Inovasi",
            "Laporan dan unduhan",
        ]
        assert [i["label"] for i in nav_items(opd_labuhanbatu)] == [
            "Kampung KB",
            "Kelengkapan laporan",
            "Intervensi",
            "Inovasi",
            "Instansi",
            "Dasbor",
            "Laporan dan unduhan",
        ]


def test_reference_seeds_run_through_the_hooks(db):
    from kampungkb.models import AturanPeriode
    from kampungkb.reference import seed_reference_data

    assert names("reference") == ["kampungkb.reference", "interventions.reference"]
    AturanPeriode.objects.all().delete()
    seed_reference_data()
    assert AturanPeriode.objects.exists()
