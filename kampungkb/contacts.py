"""Who may read contacts, and phone numbers typed into free text (issue 13 §6, §7).

The rule (README "Keamanan & keandalan"):

- Contacts — the PLKB's phone and NIP, a flagship innovation's narahubung,
  pokja members' and pengurus' phones — reach only roles with contact rights:
  kader, OPD kabupaten and admin (the roles that keep those forms). Petugas
  kecamatan, lintas sektor and pimpinan see them masked, in the history too.
- A phone number typed into free text (a narrative field, a description) is
  kept, with a warning at the field for its author; public pages and
  documents (PDF/XLSX) for roles without contact rights show it masked.

``PHONE`` recognises Indonesian numbers: 08…, +62…, 62…, with spaces, dots
or dashes between the digit groups.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from django.utils.translation import gettext_lazy as _

from kampungkb.models import Role

CONTACT_ROLES = (Role.KADER, Role.OPD_KABUPATEN, Role.ADMIN)
MASK = "•••"

# 08xx / +62 8xx / 62 8xx, 9–13 digits in all, groups split by space, dot or dash.
# Not preceded by a digit, "+", "." or "," (so 1.628.000.000.000 stays a sum).
PHONE = re.compile(r"(?<![\d+.,])(?:\+62|62|0)[\s.-]?8(?:[\s.-]?\d){7,11}(?!\d)")

PHONE_WARNING = _(
    "Teks ini memuat nomor telepon (%(nomor)s). Nomor pribadi tidak tampil di halaman "
    "publik dan dokumen; tulis kontak di kolom kontak bila perlu."
)

# A model names its audit fields that hold a contact in a class attribute
# ``contact_fields`` (e.g. ``ProfilKampung``, ``InovasiUnggulan``).


def can_see_contacts(user) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and (user.is_superuser or user.role in CONTACT_ROLES)
    )


def phones_in(text: str) -> list[str]:
    return PHONE.findall(text or "")


def mask_phones(text: Any) -> Any:
    """'Hubungi 0812-3456-7890' → 'Hubungi 0812•••'. Non-text passes through."""
    if not isinstance(text, str):
        return text
    return PHONE.sub(lambda m: m.group(0)[:4] + MASK, text)


def phone_warning(text: str):
    """The soft warning for a field whose text holds a phone number, or None."""
    found = phones_in(text)
    return PHONE_WARNING % {"nomor": ", ".join(found)} if found else None


def for_viewer(entry, user):
    """An audit entry as ``user`` may read it: contact fields masked for roles
    without contact rights, phone numbers in other values masked too. Returns
    a copy; the stored row is not touched."""
    if can_see_contacts(user):
        return entry
    from django.contrib.contenttypes.models import ContentType

    kind = ContentType.objects.get_for_id(entry.content_type_id)  # cached: no query per row
    hidden = getattr(kind.model_class(), "contact_fields", frozenset())
    changes = {}
    for name, change in (entry.changes or {}).items():
        # Sentences render from ``raw`` when it is there (kampungkb/audit.py):
        # a masked change must drop it, or the real value would show.
        plain = {k: v for k, v in change.items() if k != "raw"}
        if name in hidden:
            changes[name] = {**plain, "old": MASK, "new": MASK}
            continue
        old, new = mask_phones(change.get("old")), mask_phones(change.get("new"))
        raw = change.get("raw")
        raw_masked = [mask_phones(v) if isinstance(v, str) else v for v in raw or []]
        if (old, new) != (change.get("old"), change.get("new")) or raw_masked != (raw or []):
            changes[name] = {**plain, "old": old, "new": new}
        else:
            changes[name] = change
    shown = copy.copy(entry)
    shown.changes = changes
    shown.note = mask_phones(entry.note)
    return shown


class PhoneWarningMixin:
    """Free text (every textarea of the form) holding a phone number gets a
    soft warning at the field, for its author: shown under the field when the
    form is shown (again), never a refusal. Views call ``warn_phones`` after
    saving to repeat it on the next page."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, message in self.phone_warnings().items():
            field = self.fields[name]
            field.help_text = f"{field.help_text} {message}".strip() if field.help_text else message

    def _text_of(self, name) -> str:
        if self.is_bound:
            key = self.add_prefix(name)
            data = self.data
            values = data.getlist(key) if hasattr(data, "getlist") else [data.get(key)]
            return " ".join(str(v) for v in values if v)
        value = self.initial.get(name, self.fields[name].initial)
        return " ".join(value) if isinstance(value, list | tuple) else str(value or "")

    def phone_warnings(self) -> dict[str, str]:
        from django import forms

        found = {}
        for name, field in self.fields.items():
            if isinstance(field.widget, forms.Textarea):
                message = phone_warning(self._text_of(name))
                if message:
                    found[name] = message
        return found


def warn_phones(request, form) -> None:
    from django.contrib import messages

    for name, message in form.phone_warnings().items():
        messages.warning(request, f"{form.fields[name].label}: {message}")
