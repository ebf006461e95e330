"""What the interventions views share: the page size of their lists, the
query string a pager keeps, and a service's refusal shown on its form."""

from __future__ import annotations

from django.core.exceptions import ValidationError

PER_PAGE = 25


def query_prefix(request) -> str:
    """The list's filters as a query prefix for the pager links (without ``hal``)."""
    params = request.GET.copy()
    params.pop("hal", None)
    return f"{params.urlencode()}&" if params else ""


def add_errors(form, exc: ValidationError) -> None:
    """A service's ``ValidationError`` shown at the form's fields (or on top)."""
    for key, errors in exc.message_dict.items():
        form.add_error(key if key in form.fields else None, errors)
