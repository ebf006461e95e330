"""The audit log (design.md §4.4): one helper every service calls.

``record()`` stores who did what to which object, with the changed fields as
``{field: {"label", "old", "new", "raw"}}``; ``AuditEntry`` rows render as
sentences ("Diubah oleh Siti, 3 April 2026: hadir 12 → 15") through the
``{% audit_history obj %}`` tag.

Sentences are rendered when read, in the reader's language and time zone:
labels come from the model field (or the stored Indonesian source string,
translated now), values from ``raw`` (codes, ISO dates, numbers). ``old``/``new``
keep a display text for entries without ``raw`` — older entries, and changes a
service writes by hand (counts, lists, masked values).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import dates, formats, translation
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kampungkb import timefmt
from kampungkb.models import AuditEntry
from kampungkb.periods import Periode

# Last part of the action code → verb of the sentence.
VERBS = {
    "create": _("Dibuat"),
    "update": _("Diubah"),
    "delete": _("Dihapus"),
    "submit": _("Diajukan"),
    "verify": _("Diverifikasi"),
    "return": _("Dikembalikan"),
    "reopen": _("Dibuka kembali"),
    "import": _("Diimpor"),
    "upload": _("Diunggah"),
    # A figure far from the poktan's history, confirmed by the kader (poktan/peringatan.py).
    "confirm": _("Angka jauh dari biasanya dinyatakan benar"),
}
MONTH = re.compile(r"\d{4}-\d{2}")
SYSTEM = "sistem"  # actor_name of entries without a user (older entries stored it)


def display_value(value: Any) -> str:
    """A JSON-safe, human-readable rendering of a field value."""
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return str(_("Ya") if value else _("Tidak"))
    if isinstance(value, dt.date):
        return timefmt.format_value(value)
    if isinstance(value, int | float | Decimal):
        return formats.number_format(value, force_grouping=True)
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, list | tuple):
        return ", ".join(display_value(v) for v in value) or "–"
    return str(value)


def raw_value(value: Any) -> Any:
    """The JSON-safe value behind a display text, rendered again when read."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, list | tuple):
        return [raw_value(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def snapshot(obj: models.Model, fields: list[str]) -> dict[str, Any]:
    """Raw values of ``fields`` (for choices: the stored code)."""
    values = {}
    for name in fields:
        field = obj._meta.get_field(name)
        if field.many_to_many:
            values[name] = sorted(str(o) for o in getattr(obj, name).all()) if obj.pk else []
        else:
            values[name] = getattr(obj, name)
    return values


def _field(model, name: str):
    """The model field ``name`` of a change, None for a computed value or a
    related list (e.g. a Kampung KB's 'potensi'), which keep their own label."""
    try:
        field = model._meta.get_field(name) if model is not None else None
    except FieldDoesNotExist:
        return None
    return field if hasattr(field, "verbose_name") else None


def diff(model: type[models.Model], before: dict, after: dict) -> dict[str, dict]:
    """Changed fields only, with their labels, display texts and raw values."""
    changes = {}
    for name, new in after.items():
        old = before.get(name)
        if old == new:
            continue
        field = _field(model, name)
        with translation.override(None):  # store the source text, translated when read
            label = str(field.verbose_name) if field is not None else name
        changes[name] = {
            "label": label,
            "old": display_value(_choice_label(field, old)),
            "new": display_value(_choice_label(field, new)),
            "raw": [raw_value(old), raw_value(new)],
        }
    return changes


def _choice_label(field, value):
    if field is not None and field.choices and not isinstance(value, list | tuple):
        return dict(field.flatchoices).get(value, value)
    return value


def _stored(model, changes: dict) -> dict:
    """Changes as stored: lazy labels as their source text, and ``raw`` kept
    only while it still says what ``old``/``new`` say. A service that masks a
    value after ``diff`` (a KK number, a phone: ``old="•"``) thereby drops
    the raw value too, so it never reaches the log."""
    stored = {}
    for name, change in changes.items():
        change = dict(change)
        if isinstance(change.get("label"), Promise):
            with translation.override(None):
                change["label"] = str(change["label"])
        raw = change.get("raw")
        field = _field(model, name)
        if raw is not None and [_render(field, v) for v in raw] != [change["old"], change["new"]]:
            del change["raw"]
        stored[name] = change
    return stored


def record(
    *,
    actor,
    action: str,
    obj: models.Model,
    changes: dict | None = None,
    note: str = "",
    wilayah_kode: str | None = None,
) -> AuditEntry:
    """Write one audit entry. ``obj`` may define ``audit_wilayah_kode``."""
    if wilayah_kode is None:
        wilayah_kode = getattr(obj, "audit_wilayah_kode", "") or ""
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        actor_name=(str(actor) if getattr(actor, "pk", None) else SYSTEM)[:150],
        action=action,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        object_repr=str(obj)[:255],
        wilayah_kode=wilayah_kode,
        version=getattr(obj, "version", None),
        changes=_stored(type(obj), changes or {}),
        note=note,
    )


def history(obj: models.Model):
    return AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
    ).select_related("actor")


# ------------------------------------------------------------ reading entries


def sentence(entry: AuditEntry) -> str:
    """'Diubah oleh Siti, 3 April 2026 14.05: hadir 12 → 15; materi – → Gizi'."""
    verb = VERBS.get(entry.action.rsplit(".", 1)[-1], entry.action)
    system = entry.actor_id is None and entry.actor_name in ("", SYSTEM)
    text = _("%(verb)s oleh %(who)s, %(when)s") % {
        "verb": verb,
        "who": _("sistem") if system else entry.actor_name,
        "when": timefmt.format_value(entry.created_at),
    }
    # The manager's cache: no query per entry on a page of history.
    model = ContentType.objects.get_for_id(entry.content_type_id).model_class()
    parts = [change_text(model, name, change) for name, change in entry.changes.items()]
    if parts:
        text += ": " + "; ".join(parts)
    if entry.note:
        text += f" — “{entry.note}”"
    return text


def change_text(model, name: str, change: dict) -> str:
    """One change of an entry, 'status Draf → Diajukan', in the reader's
    language: the field's label, and its values rendered from ``raw`` when
    stored (else the stored text, translated where it is a known label)."""
    field = _field(model, name)
    label = field.verbose_name if field is not None else gettext(change.get("label") or name)
    if "raw" in change:
        old, new = (_render(field, v) for v in change["raw"])
    else:
        old, new = (_legacy(field, change.get(k, "–")) for k in ("old", "new"))
    return f"{label} {old} → {new}"


def _render(field, value) -> str:
    if value is None or value == "" or value == []:
        return "–"
    if isinstance(field, models.DateTimeField) and isinstance(value, str):
        value = parse_datetime(value) or value
    elif isinstance(field, models.DateField) and isinstance(value, str):
        if MONTH.fullmatch(value):  # a reporting period, '2026-11' → 'November 2026'
            return Periode(int(value[:4]), int(value[5:])).label
        value = parse_date(value) or value
    elif isinstance(field, models.DecimalField) and isinstance(value, str):
        value = Decimal(value)
    return display_value(_choice_label(field, value))


def _legacy(field, text: str) -> str:
    """An entry written before ``raw`` existed holds Indonesian display text:
    map it back to a value where the field tells how, so it reads in English
    (and a datetime, stored in UTC, reads local)."""
    if field is None or not isinstance(text, str) or text in ("–", ""):
        return text
    if field.choices:
        with translation.override("id"):
            codes = {str(label): code for code, label in field.flatchoices}
        if text in codes:
            return display_value(_choice_label(field, codes[text]))
    elif isinstance(field, models.BooleanField) and text in ("Ya", "Tidak"):
        return display_value(text == "Ya")
    elif isinstance(field, models.DateField):
        if (value := _indonesian_date(text, isinstance(field, models.DateTimeField))) is not None:
            return display_value(value)
    elif isinstance(field, models.IntegerField | models.DecimalField | models.FloatField):
        try:
            return display_value(Decimal(text.replace(".", "").replace(",", ".")))
        except InvalidOperation:
            pass
    return text


def _indonesian_date(text: str, with_time: bool):
    """'3 April 2026' (or '… 14.05', written in UTC) → a date (aware datetime)."""
    with translation.override("id"):
        months = {str(name): number for number, name in dates.MONTHS.items()}
    parts = text.split()
    try:
        if len(parts) == 2:  # a reporting period, 'November 2026'
            return Periode(int(parts[1]), months[parts[0]]).label
        day, month, year = int(parts[0]), months[parts[1]], int(parts[2])
        if not with_time:
            return dt.date(year, month, day)
        hour, minute = (int(x) for x in parts[3].split("."))
        return dt.datetime(year, month, day, hour, minute, tzinfo=dt.UTC)
    except (IndexError, KeyError, ValueError):
        return None
