"""Template helpers: Indonesian number formats, audit history, masking."""

from decimal import Decimal

from django import template
from django.utils import formats

from kampungkb import audit

register = template.Library()


@register.filter
def angka(value, decimals=0):
    """1250000 → '1.250.000' (grouping in every language's own style)."""
    if value is None or value == "":
        return "–"
    return formats.number_format(Decimal(str(value)), int(decimals), force_grouping=True)


@register.filter
def rupiah(value):
    if value is None or value == "":
        return "–"
    return f"Rp {angka(value)}"


@register.filter
def persen(value, decimals=1):
    if value is None:
        return "–"
    return f"{angka(value, decimals)} %"


@register.filter
def can_reopen(user) -> bool:
    """The menu's "Buka kembali periode" follows the rule the POST enforces."""
    from kampungkb.reopen import can_reopen as rule

    return rule(user)


@register.filter
def mask_digits(value, keep=4):
    """'1207050101010001' → '············0001' for roles that need not see it."""
    value = str(value or "")
    keep = int(keep)
    return "•" * max(len(value) - keep, 0) + value[-keep:] if value else ""


@register.inclusion_tag("includes/_history.html", takes_context=True)
def audit_history(context, obj, limit=20):
    from kampungkb.contacts import for_viewer

    request = context.get("request")
    user = getattr(request, "user", None)
    entries = list(audit.history(obj)[: int(limit)])
    # Contacts in the history follow the viewer's rights (issue 13 §6).
    return {"sentences": [(e, audit.sentence(for_viewer(e, user))) for e in entries]}


@register.filter
def kontak(value, user):
    """Free text as ``user`` may read it: phone numbers masked for roles without
    contact rights (kampungkb/contacts.py, issue 13 §7)."""
    from django.utils.safestring import SafeData, mark_safe

    from kampungkb.contacts import can_see_contacts, mask_phones

    if can_see_contacts(user):
        return value
    masked = mask_phones(value)
    # Masking swaps digits for dots: rendered rich text stays as safe as it was.
    return mark_safe(masked) if isinstance(value, SafeData) else masked  # noqa: S308


@register.simple_tag
def contoh_labels(obj, only="") -> list[str]:
    """What ``obj`` holds as demo example data (kampungkb.contoh), for includes/_contoh.html;
    ``only``: comma-separated keys, the ones this page shows."""
    from kampungkb import contoh

    return contoh.labels(obj, only=[k for k in only.split(",") if k])
