"""A user's mobile number (issue 17 §2): checked, stored in one form, and
turned into a WhatsApp link. Who may *read* it is ``kampungkb/contacts.py``.

Accepted: Indonesian mobile numbers written ``08…``, ``+62 8…`` or ``62 8…``,
with spaces, dots, dashes or brackets between the digit groups; 10 to 13
digits counted from the leading 0. Stored as ``+628…`` (E.164), so every
number has one spelling and a WhatsApp link is ``https://wa.me/628…``.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

HP_MESSAGE = _(
    "Nomor HP tidak dikenali. Tulis nomor seluler Indonesia, mis. 0812 3456 7890 "
    "atau +62 812 3456 7890."
)
HP_HELP = _("Nomor HP/WhatsApp, mis. 0812 3456 7890. Dipakai petugas untuk mengirim pengingat.")

_SEPARATORS = re.compile(r"[\s.\-()/]")
# After the prefix: the 8 of a mobile number and 8–11 more digits (0812 3456 789 … 0812 3456 78901).
_MOBILE = re.compile(r"(?:\+62|62|0)(8\d{8,11})")


def normalize_hp(text: str | None) -> str:
    """'0812-3456-7890' → '+6281234567890'; '' stays ''. Raises ``ValidationError``."""
    compact = _SEPARATORS.sub("", text or "")
    if not compact:
        return ""
    match = _MOBILE.fullmatch(compact)
    if match is None:
        raise ValidationError(HP_MESSAGE, code="telepon")
    return "+62" + match.group(1)


def validate_hp(value: str) -> None:
    """Model validator: a stored number is in the normalised form."""
    if value and normalize_hp(value) != value:
        raise ValidationError(HP_MESSAGE, code="telepon")


def local(value: str) -> str:
    """'+6281234567890' → '081234567890', the way a form shows it back."""
    return "0" + value[3:] if value.startswith("+628") else value


def shown(value: str) -> str:
    """'+6281234567890' → '0812-3456-7890', the way people write it."""
    if not value.startswith("+628"):
        return value
    local = "0" + value[3:]
    return "-".join([local[:4], local[4:8], local[8:]]).rstrip("-")


def wa_link(value: str, text: str) -> str:
    """https://wa.me/6281234567890?text=… — the chat opens with ``text`` typed,
    for the person to send (the server itself sends nothing)."""
    return f"https://wa.me/{value.lstrip('+')}?text={quote(text, safe='')}"


class TeleponField(forms.CharField):
    """An optional mobile number: normalised, a clear message when it is not one."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 25)
        kwargs.setdefault("help_text", HP_HELP)
        super().__init__(**kwargs)
        self.widget.attrs.update(inputmode="tel", autocomplete="tel")

    def to_python(self, value):
        return normalize_hp(super().to_python(value))
