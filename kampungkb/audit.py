"""The audit log (design.md §4.4): one helper every service calls.

``record()`` stores who did what to which object, with the changed fields as
``{field: {"label", "old", "new"}}``; ``AuditEntry`` rows render as sentences
("Diubah oleh Siti, 3 April 2026: hadir 12 → 15") through the
``{% audit_history obj %}`` tag.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from kampungkb.models import AuditEntry

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
}


def display_value(value: Any) -> str:
    """A JSON-safe, human-readable rendering of a field value."""
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return str(_("Ya") if value else _("Tidak"))
    if isinstance(value, dt.datetime):
        return formats.date_format(value, "DATETIME_FORMAT")
    if isinstance(value, dt.date):
        return formats.date_format(value, "DATE_FORMAT")
    if isinstance(value, int | float | Decimal):
        return formats.number_format(value, force_grouping=True)
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, list | tuple):
        return ", ".join(display_value(v) for v in value) or "–"
    return str(value)


def snapshot(obj: models.Model, fields: list[str]) -> dict[str, Any]:
    """Raw values of ``fields`` (for choices: the display label)."""
    values = {}
    for name in fields:
        field = obj._meta.get_field(name)
        if getattr(field, "choices", None):
            values[name] = getattr(obj, f"get_{name}_display")()
        elif field.many_to_many:
            values[name] = sorted(str(o) for o in getattr(obj, name).all()) if obj.pk else []
        else:
            values[name] = getattr(obj, name)
    return values


def diff(model: type[models.Model], before: dict, after: dict) -> dict[str, dict]:
    """Changed fields only, with their labels and display values."""
    changes = {}
    for name, new in after.items():
        old = before.get(name)
        if old == new:
            continue
        try:
            label = str(model._meta.get_field(name).verbose_name)
        except Exception:  # a computed value, not a model field
            label = name
        changes[name] = {"label": label, "old": display_value(old), "new": display_value(new)}
    return changes


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
        actor_name=(str(actor) if getattr(actor, "pk", None) else "sistem")[:150],
        action=action,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        object_repr=str(obj)[:255],
        wilayah_kode=wilayah_kode,
        version=getattr(obj, "version", None),
        changes=changes or {},
        note=note,
    )


def history(obj: models.Model):
    return AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
    ).select_related("actor")


def sentence(entry: AuditEntry) -> str:
    """'Diubah oleh Siti, 3 April 2026 14.05: hadir 12 → 15; materi – → Gizi'."""
    verb = VERBS.get(entry.action.rsplit(".", 1)[-1], entry.action)
    when = formats.date_format(entry.created_at, "DATETIME_FORMAT")
    text = _("%(verb)s oleh %(who)s, %(when)s") % {
        "verb": verb,
        "who": entry.actor_name or _("sistem"),
        "when": when,
    }
    parts = [f"{c['label']} {c['old']} → {c['new']}" for c in entry.changes.values()]
    if parts:
        text += ": " + "; ".join(parts)
    if entry.note:
        text += f" — “{entry.note}”"
    return text
