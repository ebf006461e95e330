"""Times are read in the deployment's TIME_ZONE (issue #12.3).

The database holds UTC; a moment at 23.30 UTC is the next morning in WIB, so a
surface that prints UTC shows the wrong day as well as the wrong hour."""

import ast
import datetime as dt
from pathlib import Path

import pytest
from django.utils import translation

from kampungkb import audit
from kampungkb.models import AuditEntry

ROOT = Path(__file__).resolve().parents[2]
APPS = ["kampungkb", "villages", "poktan", "interventions", "reports"]
# 30 November 23.30 UTC = 1 December 06.30 WIB (+7), 07.30 WITA (+8).
MOMENT = dt.datetime(2026, 11, 30, 23, 30, tzinfo=dt.UTC)


def _entry_at(moment, kampung, actor):
    entry = audit.record(actor=actor, action="villages.kampung.update", obj=kampung)
    AuditEntry.objects.filter(pk=entry.pk).update(created_at=moment)
    entry.refresh_from_db()
    return entry


@pytest.mark.django_db
def test_history_sentence_reads_wib_the_next_day(kampung_pondokbatu, opd_labuhanbatu):
    entry = _entry_at(MOMENT, kampung_pondokbatu, opd_labuhanbatu)
    with translation.override("id"):
        assert "1 Desember 2026 06.30" in audit.sentence(entry)
    with translation.override("en"):
        assert "1 December 2026 06:30" in audit.sentence(entry)


@pytest.mark.django_db
def test_history_follows_the_time_zone_setting(settings, kampung_pondokbatu, opd_labuhanbatu):
    settings.TIME_ZONE = "Asia/Makassar"
    entry = _entry_at(MOMENT, kampung_pondokbatu, opd_labuhanbatu)
    with translation.override("id"):
        assert "1 Desember 2026 07.30" in audit.sentence(entry)


@pytest.mark.django_db
def test_a_datetime_value_in_a_change_reads_local(kampung_pondokbatu, opd_labuhanbatu):
    """A changed datetime field (e.g. 'diajukan pada') is shown in WIB too."""
    with translation.override("id"):
        assert audit.display_value(MOMENT) == "1 Desember 2026 06.30"


# Calls that turn a date or datetime into text or a spreadsheet value without
# converting to local time first. Only kampungkb/timefmt.py may make them.
FORMATTING_CALLS = {"date_format", "time_format", "strftime", "localize", "make_naive"}


def _formatting_calls(path: Path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            if name in FORMATTING_CALLS:
                yield f"{path.relative_to(ROOT)}:{node.lineno} {name}()"


def test_every_date_formatting_goes_through_timefmt():
    """Generated over the apps' sources: a new place that formats a date or time
    itself (and may print UTC) fails here until it uses kampungkb.timefmt."""
    found = [
        hit
        for app in APPS
        for path in sorted((ROOT / app).rglob("*.py"))
        if "tests" not in path.parts
        and "migrations" not in path.parts
        and path.name != "timefmt.py"
        for hit in _formatting_calls(path)
    ]
    assert not found, "format dates through kampungkb.timefmt:\n" + "\n".join(found)
