"""Dates and times as a person reads them: in the deployment's ``TIME_ZONE``.

The database holds UTC. Django templates convert an aware datetime before the
``date``/``time`` filters see it, but Python code does not: ``date_format`` and
``strftime`` print whatever offset the value carries (a register submitted at
08.24 WIB read "01.24"), and openpyxl cannot hold an aware datetime at all.
Every datetime a person reads outside a template filter goes through here;
``kampungkb/tests/test_timefmt.py`` fails on a formatting call elsewhere.
"""

from __future__ import annotations

import datetime as dt

from django.utils import formats, timezone


def local(value: dt.datetime) -> dt.datetime:
    """An aware datetime in the current time zone (settings.TIME_ZONE unless a
    request activated another); a naive one is taken as already local."""
    if timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def local_naive(value):
    """For XLSX cells: aware datetimes become local wall-clock time without
    an offset (what a spreadsheet shows); anything else passes through."""
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        return timezone.make_naive(value)
    return value


def format_value(value, fmt: str | None = None) -> str:
    """A date or datetime in the active language's format (``DATE_FORMAT`` /
    ``DATETIME_FORMAT`` unless ``fmt`` says otherwise), datetimes local."""
    if isinstance(value, dt.datetime):
        return formats.date_format(local(value), fmt or "DATETIME_FORMAT")
    return formats.date_format(value, fmt or "DATE_FORMAT")


def today_text(fmt: str = "DATE_FORMAT") -> str:
    """Today's local date, e.g. for a signature block ('28 November 2026')."""
    return formats.date_format(timezone.localdate(), fmt)
