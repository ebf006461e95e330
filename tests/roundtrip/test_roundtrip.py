"""Every field round-trips (issue 12 §2): what a user types is what is stored
and what every page shows again, and a form that stored nothing never says it
saved.

Generated from the rendered forms: for each editable field of each create and
edit form (formset rows included) a valid changed value is posted — alone,
every other field as rendered, for an edit form; all fields at once for a
create form — then read back from the database and from the page. A URL whose
view reads a POST needs a case in ``cases.py`` (or a reason to have none), and
a field a case does not round-trip needs a reason there.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from fnmatch import fnmatch

import pytest
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import models
from django.db.models.fields.files import FieldFile

from kampungkb.models import AuditEntry
from tests.matrix import all_cases
from tests.roundtrip.cases import (
    ALWAYS_EXCLUDED,
    CASES,
    FILE_REASON,
    NOT_ROUND_TRIPPED,
    RoundTrip,
)
from tests.roundtrip.forms import Field, Form, form_posting_to, post_forms
from tests.security.forms import context_forms
from tests.security.test_hostile_input import views_reading_post

pytestmark = pytest.mark.django_db

NO_CHANGES = "Tidak ada perubahan"
ROW = re.compile(r"^(?P<prefix>[\w]+)-(?P<index>\d+)-(?P<name>\w+)$")


def test_every_form_has_a_round_trip_case():
    posted = {c.url_name for c in all_cases() if c.method == "POST"} | views_reading_post()
    covered = {c.url_name for c in CASES} | set(NOT_ROUND_TRIPPED)
    missing = sorted(posted - covered)
    assert not missing, f"formulir tanpa uji round-trip (tests/roundtrip/cases.py): {missing}"


# ------------------------------------------------------------ changed values


def _pattern_get(table: dict, name: str):
    for pattern, value in table.items():
        if fnmatch(name, pattern):
            return value
    return None


def _number(text: str) -> str:
    try:
        value = Decimal(text.replace(",", "."))
    except InvalidOperation:
        return "3"
    if value == value.to_integral_value():
        return str(int(value) + 1)
    step = Decimal(1).scaleb(value.as_tuple().exponent)
    return str(value + step)


def changed_value(case: RoundTrip, w, f: Field, data, create=False) -> list[str] | str | bool:
    """A valid value different from the rendered one, by widget type (a create
    form may keep a choice that has no alternative)."""
    override = _pattern_get(case.values, f.name)
    if override is not None:
        return override(w, f, data)
    attrs = f.attrs
    if f.kind == "checkbox":
        return not f.chosen
    if f.kind in ("checkboxes",) or f.multiple:
        free = [o for o in f.options if o not in f.chosen and "Lainnya" not in o]
        if free:
            return sorted([*f.chosen, free[0]])
        if create and not f.options:
            return None  # nothing offered yet (e.g. filled after the first save)
        assert f.chosen, f"{case.id}: {f.name} has no option to choose"
        return sorted(f.chosen[1:])
    if f.kind in ("select", "radio"):
        others = [o for o in f.options if o and o not in f.chosen and "Lainnya" not in o]
        if create and not others and any(f.chosen):
            return f.chosen[0]
        assert others, f"{case.id}: {f.name} has no other option to choose"
        return others[0]
    kind = (attrs.get("type") or "text").lower()
    if kind == "date":
        if f.value:
            return (dt.date.fromisoformat(f.value) - dt.timedelta(days=1)).isoformat()
        return "2021-03-04"
    if kind == "url":
        return "https://example.org/uji"
    if kind == "number" or attrs.get("inputmode") in ("numeric", "decimal"):
        return _number(f.value) if f.value else "3"
    if attrs.get("inputmode") == "tel":
        return "081234567" + ("891" if f.value.endswith("890") else "890")
    if f.kind == "textarea":
        return f"{f.value.rstrip()} uji".strip()
    maxlength = int(attrs.get("maxlength") or 200)
    return f"{f.value[: maxlength - 4]} uji".strip() if f.value else "Uji"


def as_post(value) -> list[str]:
    if value is True:
        return ["on"]
    if value is False:
        return []
    return value if isinstance(value, list) else [value]


# ------------------------------------------------------------ reading back


def stored_value(case: RoundTrip, obj, name: str, rows_before: dict):
    if name in case.read:
        return case.read[name](obj)
    if m := ROW.match(name):
        rows = case.rows[m["prefix"]](obj)
        index = int(m["index"])
        assert index < len(rows), f"{case.id}: row {name} was not stored ({len(rows)} rows)"
        return getattr(rows[index], m["name"])
    value = getattr(obj, name)
    if isinstance(value, models.Manager):
        return sorted(str(pk) for pk in value.values_list("pk", flat=True))
    return value


def same(stored, typed) -> bool:
    """Does the stored value mean what was typed?"""
    if isinstance(typed, bool):
        return bool(stored) is typed
    if isinstance(typed, list):
        if isinstance(stored, dict):
            stored = list(stored)
        return sorted(str(getattr(s, "pk", s)) for s in stored or []) == sorted(typed)
    if stored is None:
        return typed.strip() == ""
    if isinstance(stored, bool):  # a yes/no select
        return typed == ("true" if stored else "false")
    if isinstance(stored, models.Model):
        return str(stored.pk) == typed
    if isinstance(stored, FieldFile):
        return stored.name == typed
    if isinstance(stored, dt.date):
        if re.fullmatch(r"\d{4}-\d{2}", typed):  # a month
            return f"{stored:%Y-%m}" == typed
        return stored.isoformat() == typed
    if isinstance(stored, list):  # one item per line
        lines = [line.strip() for line in typed.splitlines() if line.strip()]
        return [str(s) for s in stored] == lines
    if isinstance(stored, int | Decimal) and not isinstance(stored, bool):
        try:
            return Decimal(str(stored)) == Decimal(typed)
        except InvalidOperation:
            return False
    return str(stored) == typed.strip()


def shows(page_value, typed) -> bool:
    """Does the form on the page show what was typed? (3 and 3.000000 are one number.)"""
    if isinstance(typed, bool | list):
        return page_value == (sorted(typed) if isinstance(typed, list) else typed)
    page_value, typed = page_value.replace("\r\n", "\n").strip(), typed.strip()
    if page_value == typed:
        return True
    try:
        return Decimal(page_value) == Decimal(typed)
    except InvalidOperation:
        return False


# ------------------------------------------------------------ the round trip


def excluded(case: RoundTrip, f: Field) -> str | None:
    reason = _pattern_get(case.exclude, f.name) or _pattern_get(ALWAYS_EXCLUDED, f.name)
    if reason is None and f.kind == "file":
        reason = FILE_REASON
    return reason


def editable(case: RoundTrip, form: Form) -> list[Field]:
    fields = []
    for f in form.fields.values():
        if f.disabled or excluded(case, f):
            continue  # a disabled field is not sent by the browser
        assert f.kind != "hidden", f"{case.id}: hidden {f.name} needs a case or a reason"
        fields.append(f)
    return fields


def _form(client, case, w, html: str | None = None) -> tuple[Form, str]:
    """The form as the page renders it now (``html``: that page, already fetched)."""
    page_url = case.page(w)
    if html is None:
        response = client.get(page_url)
        assert response.status_code == 200, (case.id, response.status_code)
        html = response.content.decode()
    post_url = (case.post or case.page)(w)
    return form_posting_to(html, post_url, page_url), post_url


def _errors(response) -> list[str]:
    found = []
    for form in context_forms(response):
        errors = form.errors if hasattr(form, "non_form_errors") else form.errors
        if errors:
            found.append(f"{type(form).__name__}: {errors}")
        if hasattr(form, "non_form_errors") and form.non_form_errors():
            found.append(str(form.non_form_errors()))
    return found


def _post(client, case, url, data, what):
    """POST; the messages the next page shows (read from the message cookie,
    which saves rendering that page)."""
    response = client.post(url, data)
    assert response.status_code == 302, (
        f"{case.id} {what}: not saved ({response.status_code}) {_errors(response)}"
    )
    cookie = response.cookies.get("messages")
    if cookie is None or not cookie.value:
        return []
    stored = CookieStorage(response.wsgi_request)._decode(cookie.value) or []
    return [(m.level_tag, str(m.message)) for m in stored]


def _check_saved(case, messages, what):
    levels = [level for level, _text in messages]
    assert "success" in levels, f"{case.id} {what}: stored, yet no success message: {messages}"
    assert not any(NO_CHANGES in text for _l, text in messages), (case.id, what, messages)


def _check_page(client, case, w, obj, name, typed, what, label=None) -> str:
    """The page shows the stored value again (as a field, or as text: ``label``
    for a choice); returns the page."""
    urls = case.show(w, obj) if case.show else case.page(w)
    urls = [urls] if isinstance(urls, str) else urls
    pages = [client.get(u).content.decode() for u in urls]
    html = "".join(pages)
    forms = [f for page in pages for f in post_forms(page) if name in f.fields]
    if forms:
        assert shows(forms[0].fields[name].shown(), typed), (
            f"{case.id} {what}: the page shows {forms[0].fields[name].shown()!r}, typed {typed!r}"
        )
    else:
        from django.utils.html import escape

        text = label or typed
        assert escape(text) in html, f"{case.id} {what}: {text!r} not shown on {urls}"
    return pages[0]


def round_trip_each(client, case, w):
    """Edit form: one field changed alone per POST."""
    form, _url = _form(client, case, w)
    fields = editable(case, form)
    assert fields, case.id
    deletes = [f for f in fields if f.name.endswith("-DELETE")]
    initial = {
        m["prefix"]: int(form.fields[f"{m['prefix']}-INITIAL_FORMS"].value)
        for f in fields
        if (m := ROW.match(f.name))
    }
    # Rows offered blank (extra forms, or initial forms with nothing in them).
    by_row = {}
    for f in fields:
        if m := ROW.match(f.name):
            by_row.setdefault((m["prefix"], int(m["index"])), []).append(f)
    blank_rows = {
        key: [f.name for f in row]
        for key, row in by_row.items()
        if key[1] >= initial[key[0]]
        or not any(f.value or f.chosen for f in row if not f.name.endswith("-DELETE"))
    }
    in_blank = {name for names in blank_rows.values() for name in names}
    singles = [f for f in fields if f not in deletes and f.name not in in_blank]
    html = None
    for f in singles:
        form, url = _form(client, case, w, html)
        data = form.baseline()
        typed = changed_value(case, w, form.fields[f.name], data)
        data[f.name] = as_post(typed)
        if more := _pattern_get(case.extra, f.name):
            data |= more(w, form.fields[f.name], data)
        what = f"{f.name}={typed!r}"
        audit_before = AuditEntry.objects.count()
        _check_saved(case, _post(client, case, url, data, what), what)
        assert AuditEntry.objects.count() > audit_before, f"{case.id} {what}: no history entry"
        stored = stored_value(case, case.obj(w), f.name, {})
        assert same(stored, typed), f"{case.id}: typed {what}, stored {stored!r}"
        html = _check_page(client, case, w, case.obj(w), f.name, typed, what)
        html = html if case.show is None else None
    # A blank row of each formset: filled in whole, it becomes a new row.
    first_blank = {}
    for prefix, index in sorted(blank_rows):
        first_blank.setdefault(prefix, index)
    for prefix, index in first_blank.items():  # the next blank rows are the same form
        _round_trip_row(client, case, w, prefix, blank_rows[(prefix, index)])
    for f in deletes[:1]:  # deleting the first row (the others delete alike)
        _round_trip_delete(client, case, w, f.name)
    _nothing_changed(client, case, w)


def _round_trip_row(client, case, w, prefix, names):
    form, url = _form(client, case, w)
    data = form.baseline()
    typed = {}
    for name in names:
        if name.endswith("-DELETE"):
            continue
        typed[name] = changed_value(case, w, form.fields[name], data)
        data[name] = as_post(typed[name])
    what = f"new {prefix} row {typed}"
    _check_saved(case, _post(client, case, url, data, what), what)
    obj = case.obj(w)
    for name, value in typed.items():
        stored = stored_value(case, obj, name, {})
        assert same(stored, value), f"{case.id} {what}: {name} stored {stored!r}"
        _check_page(client, case, w, obj, name, value, what)


def _round_trip_delete(client, case, w, name):
    prefix = ROW.match(name)["prefix"]
    before = len(case.rows[prefix](case.obj(w)))
    form, url = _form(client, case, w)
    data = form.baseline() | {name: ["on"]}
    _check_saved(case, _post(client, case, url, data, name), name)
    assert len(case.rows[prefix](case.obj(w))) == before - 1, f"{case.id}: {name} kept the row"


def _nothing_changed(client, case, w):
    """Posting the form as rendered stores nothing and says so."""
    form, url = _form(client, case, w)
    audit_before = AuditEntry.objects.count()
    messages = _post(client, case, url, form.baseline(), "unchanged")
    assert AuditEntry.objects.count() == audit_before, f"{case.id}: unchanged form wrote history"
    assert not any(level == "success" for level, _t in messages), (
        f"{case.id}: nothing changed, yet it says saved: {messages}"
    )
    assert any(NO_CHANGES in text for _l, text in messages), (case.id, messages)


def round_trip_all(client, case, w):
    """Create form (or a one-time action): every field filled in one POST."""
    form, url = _form(client, case, w)
    data = form.baseline()
    typed = {}
    for f in editable(case, form):
        if f.name.endswith("-DELETE"):
            continue
        value = changed_value(case, w, f, data, create=True)
        if value is None:
            continue
        typed[f.name] = value
        data[f.name] = as_post(value)
    _check_saved(case, _post(client, case, url, data, "create"), "create")
    obj = case.obj(w)
    assert obj is not None, f"{case.id}: nothing stored"
    for name, value in typed.items():
        stored = stored_value(case, obj, name, {})
        assert same(stored, value), f"{case.id}: typed {name}={value!r}, stored {stored!r}"
        if case.show:
            field = form.fields[name]
            label = field.labels.get(value) if field.kind == "select" else None
            _check_page(client, case, w, obj, name, value, f"{name}={value!r}", label)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_every_field_round_trips(case, sec, client_for):
    if case.setup:
        case.setup(sec)
    client = client_for(getattr(sec.personas, case.persona))
    if case.create:
        round_trip_all(client, case, sec)
    else:
        round_trip_each(client, case, sec)
