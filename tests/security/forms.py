"""Helpers: read the fields of a rendered form, count rows, find form errors."""

from __future__ import annotations

from html.parser import HTMLParser

from django.apps import apps
from django.db import connection
from django.forms import BaseForm, BaseFormSet

APPS = ("kampungkb", "villages", "poktan", "interventions", "reports")
SKIP_TYPES = {"submit", "button", "image", "reset"}


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self.form = None
        self.select = None
        self.option = None
        self.textarea = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.form = {
                "action": a.get("action") or "",
                "method": (a.get("method") or "get").lower(),
                "fields": [],
            }
            self.forms.append(self.form)
            return
        if self.form is None:
            return
        if tag == "input":
            kind = (a.get("type") or "text").lower()
            if not a.get("name") or kind in SKIP_TYPES:
                return
            self.form["fields"].append(
                {
                    "name": a["name"],
                    "type": kind,
                    "value": a.get("value") or ("on" if kind in ("checkbox", "radio") else ""),
                    "checked": "checked" in a,
                }
            )
        elif tag == "select" and a.get("name"):
            self.select = {
                "name": a["name"],
                "type": "select",
                "multiple": "multiple" in a,
                "options": [],
                "selected": [],
            }
            self.form["fields"].append(self.select)
        elif tag == "option" and self.select is not None:
            self.option = {"value": a.get("value"), "text": ""}
            self.select["options"].append(self.option)
            if "selected" in a:
                self.select["selected"].append(self.option)
        elif tag == "textarea" and a.get("name"):
            self.textarea = {"name": a["name"], "type": "textarea", "value": ""}
            self.form["fields"].append(self.textarea)

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea["value"] += data
        if self.option is not None:
            self.option["text"] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "select":
            self.select = None
        elif tag == "option":
            self.option = None
        elif tag == "textarea":
            self.textarea = None


def form_fields(html: str, action: str, page: str = "") -> list[dict]:
    """Fields of the POST form that submits to ``action`` (a submit button may
    redirect its page's form there with ``formaction``) or to its own page."""
    parser = _FormParser()
    parser.feed(html)
    candidates = [f for f in parser.forms if f["method"] == "post"]
    for wanted in (action, page):
        for form in candidates:
            if wanted and form["action"] == wanted:
                return form["fields"]
    for form in candidates:
        if form["action"] == "" and form["fields"]:
            return form["fields"]
    raise AssertionError(f"no POST form to {action} in page: {[f['action'] for f in candidates]}")


def baseline(fields: list[dict]) -> dict[str, list[str]]:
    """What a browser would send for the form as rendered (files left out)."""
    data: dict[str, list[str]] = {}
    for field in fields:
        kind = field["type"]
        if kind == "file":
            continue
        if kind in ("checkbox", "radio"):
            if field["checked"]:
                data.setdefault(field["name"], []).append(field["value"])
            continue
        if kind == "select":
            options = field["selected"] or ([] if field["multiple"] else field["options"][:1])
            values = [o["value"] if o["value"] is not None else o["text"] for o in options]
            if values:
                data.setdefault(field["name"], []).extend(values)
            continue
        data.setdefault(field["name"], []).append(field["value"])
    return data


def mutable_names(fields: list[dict]) -> list[str]:
    return sorted({f["name"] for f in fields if f["type"] != "file"} - {"csrfmiddlewaretoken"})


def row_counts() -> dict[str, int]:
    """Rows of every table of the portal's apps, in one query."""
    models = [m for label in APPS for m in apps.get_app_config(label).get_models()]
    tables = [connection.ops.quote_name(m._meta.db_table) for m in models]
    sql = "SELECT " + ", ".join(f"(SELECT count(*) FROM {t})" for t in tables)
    with connection.cursor() as cursor:
        cursor.execute(sql)
        values = cursor.fetchone()
    return {m._meta.label: n for m, n in zip(models, values, strict=True)}


def context_forms(response) -> list:
    ctx = response.context
    if ctx is None:
        return []
    found = []
    for key in ctx.keys():  # noqa: SIM118 (a ContextList iterates over contexts)
        value = ctx[key]
        if isinstance(value, BaseForm | BaseFormSet):
            found.append(value)
    return found


def has_errors(form) -> bool:
    if isinstance(form, BaseFormSet):
        return form.is_bound and form.total_error_count() > 0
    return form.is_bound and bool(form.errors)
