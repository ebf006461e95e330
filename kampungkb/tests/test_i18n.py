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
