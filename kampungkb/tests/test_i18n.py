"""The English translation is complete: every marked string has an English text.

Extracts the strings afresh (makemessages, in a copy of the source tree) and
checks the merged catalogue has nothing untranslated or fuzzy, so a string
added without its translation fails here."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [
    "manage.py",
    "kampungkb",
    "villages",
    "poktan",
    "interventions",
    "reports",
    "templates",
    "locale",
    "static",  # the settings hash the inline stylesheet and loader (CSP)
]


def test_english_catalogue_covers_every_marked_string(tmp_path):
    for name in SOURCES:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(src, tmp_path / name)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "en", "--no-location"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
    )
    po = tmp_path / "locale" / "en" / "LC_MESSAGES" / "django.po"
    untranslated = subprocess.run(
        ["msgattrib", "--untranslated", "--no-obsolete", str(po)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    fuzzy = subprocess.run(
        ["msgattrib", "--only-fuzzy", "--no-obsolete", str(po)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    missing = [line for line in untranslated.splitlines() if line.startswith("msgid ")][1:]
    assert not missing, f"{len(missing)} teks belum diterjemahkan, mis.: {missing[:10]}"
    assert "msgid" not in fuzzy.split("\n\n", 1)[-1], "ada terjemahan fuzzy"


def test_compiled_catalogue_is_committed_and_current():
    po = ROOT / "locale" / "en" / "LC_MESSAGES" / "django.po"
    mo = po.with_suffix(".mo")
    assert mo.exists(), "jalankan 'make messages' dan commit django.mo"
    # Compile the .po afresh and compare with the committed .mo.
    fresh = subprocess.run(["msgfmt", "-o", "-", str(po)], capture_output=True, check=True).stdout
    assert fresh == mo.read_bytes(), "django.mo tidak sesuai django.po: jalankan 'make messages'"


# ----------------------------------------------------- strings built in Python
# makemessages only sees marked strings. A label written as a plain or f-string
# in a model or form (e.g. "Jumlah keluarga ikut BKB") reaches English pages in
# Indonesian without anything above noticing: these checks are generated over
# every model field, choice and form field of the apps.

APPS = ["kampungkb", "villages", "poktan", "interventions", "reports"]


def _official_labels() -> set[str]:
    """Enumerations kept in Indonesian in every language (docs/developing.md,
    'Official names'): names of programmes, methods, classes, budget lines,
    legal instruments and IID categories as BKKBN/Kemendagri write them."""
    from interventions import models as im
    from kampungkb import domain
    from poktan.models import Keterpaduan
    from poktan.siga import TahapanKS
    from villages import choices as vc

    enums = [
        domain.JenisPoktan,
        domain.Kontrasepsi,
        domain.Seksi,
        domain.SumberDana,
        vc.Kelas,
        vc.CakupanWilayah,
        vc.Regulasi,
        vc.PenggunaanData,
        Keterpaduan,
        TahapanKS,
        im.Tahapan,
        im.Inisiator,
        im.JenisInovasi,
        im.BentukInovasi,
        im.KlasifikasiInovasi,
    ]
    labels = {label for enum in enums for _, label in enum.choices if isinstance(label, str)}
    return labels | set(im.URUSAN)


def _has_english(label) -> bool:
    """A lazy translation whose English text exists (different from the source,
    or present in the catalogue when both languages write it the same)."""
    from django.utils import translation
    from django.utils.functional import Promise

    if not isinstance(label, Promise):
        return False
    with translation.override(None):
        source = str(label)
    with translation.override("en"):
        english = str(label)
    catalogue = translation.trans_real.translation("en")._catalog
    return english != source or source in catalogue


def _untranslated_choices(where: str, choices, official: set[str]) -> list[str]:
    from django.db.models.fields import BLANK_CHOICE_DASH, BLANK_CHOICE_LABEL

    blank = {str(BLANK_CHOICE_DASH[0][1]), str(BLANK_CHOICE_LABEL), "", "—", "–"}  # Django's own
    return [
        f"{where} = {label!s}"
        for _, label in choices
        if not isinstance(label, list | tuple)  # option groups: not used here
        and str(label) not in blank
        and not (isinstance(label, str) and label in official)
        and not _has_english(label)
    ]


def test_every_model_label_and_choice_has_english():
    """verbose_name given to a field (not derived from its name) and every
    choice label, across the apps' models."""
    from django.apps import apps
    from django.contrib.auth.models import AbstractUser

    official = _official_labels()
    inherited = {f.name for f in AbstractUser._meta.get_fields()}  # Django's own catalogue
    missing = []
    for model in apps.get_models():
        if model._meta.app_label not in APPS:
            continue
        for field in model._meta.get_fields():
            if field.auto_created or not hasattr(field, "verbose_name"):
                continue
            if model._meta.model_name == "user" and field.name in inherited:
                continue
            where = f"{model.__name__}.{field.name}"
            label = field.verbose_name
            derived = label == field.name.replace("_", " ")  # internal: never shown
            if not derived and not _has_english(label):
                missing.append(f"{where}: {label!s}")
            if field.choices:
                missing += _untranslated_choices(where, field.flatchoices, official)
    assert not missing, f"{len(missing)} label tanpa bahasa Inggris:\n" + "\n".join(missing)


def _form_classes():
    import importlib
    import inspect

    from django import forms

    for app in APPS:
        for module_name in ("forms", "filters"):
            try:
                module = importlib.import_module(f"{app}.{module_name}")
            except ModuleNotFoundError:
                continue
            for _, cls in inspect.getmembers(module, inspect.isclass):
                is_form = issubclass(cls, forms.BaseForm) or hasattr(cls, "base_filters")
                if is_form and cls.__module__ == module.__name__:
                    yield cls


def test_every_form_label_and_choice_has_english():
    """Every field of every form and filter the apps define (from model fields
    or written in the form): label and fixed choices in English."""
    from django import forms

    official = _official_labels()
    missing = []
    classes = list(_form_classes())
    assert len(classes) > 20  # the discovery works
    for cls in classes:
        fields = getattr(cls, "base_fields", None)
        if fields is None:  # django-filter: the form its filters build
            fields = {name: f.field for name, f in cls.base_filters.items()}
        for name, field in fields.items():
            where = f"{cls.__name__}.{name}"
            if field.label is not None and not _has_english(field.label):
                missing.append(f"{where}: {field.label!s}")
            if isinstance(field, forms.ChoiceField) and not isinstance(
                field, forms.ModelChoiceField
            ):
                missing += _untranslated_choices(where, field.choices, official)
    assert not missing, f"{len(missing)} label tanpa bahasa Inggris:\n" + "\n".join(missing)
