"""The error summary at the top of a refused form (issue 17 item 3).

``{% error_summary %}`` sits once in ``base.html``: it finds every bound form
and formset of the page's context that was validated with errors and lists
each error with a link to its field, so a kader on a phone does not have to
scroll 2,000 px to find the first red field. Field-less errors (a rule over
several fields) are listed without a link; they are shown in the form too.
"""

from __future__ import annotations

from django import forms, template
from django.forms.formsets import BaseFormSet

register = template.Library()


def field_target(bound: forms.BoundField) -> str:
    """The id of the element the link jumps to: the input itself, or the first
    box of a checkbox/radio list or of a split widget."""
    widget = bound.field.widget
    if isinstance(widget, (forms.RadioSelect, forms.MultiWidget)):
        return f"{bound.auto_id}_0"
    return bound.id_for_label or bound.auto_id


def form_errors(form: forms.BaseForm) -> list[dict]:
    """[{"label", "message", "target"}] of a validated form, in field order."""
    if not form.is_bound or form._errors is None:
        return []
    items = [{"label": "", "message": m, "target": ""} for m in form.non_field_errors()]
    for name in form.fields:
        if name not in form._errors:
            continue
        bound = form[name]
        target = "" if bound.is_hidden else field_target(bound)
        for message in form._errors[name]:
            items.append({"label": bound.label, "message": message, "target": target})
    return items


def formset_errors(formset: BaseFormSet) -> list[dict]:
    if not formset.is_bound or formset._errors is None:
        return []
    items = [{"label": "", "message": m, "target": ""} for m in formset.non_form_errors()]
    for form in formset.forms:
        items.extend(form_errors(form))
    return items


def page_errors(values) -> list[dict]:
    items, seen = [], set()
    for value in values:
        if id(value) in seen:
            continue
        seen.add(id(value))
        if isinstance(value, forms.BaseForm):
            items.extend(form_errors(value))
        elif isinstance(value, BaseFormSet):
            items.extend(formset_errors(value))
    return items


@register.inclusion_tag("includes/_error_summary.html", takes_context=True)
def error_summary(context):
    return {"errors": page_errors(context.flatten().values())}
