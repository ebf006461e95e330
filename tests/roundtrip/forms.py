"""Read a rendered POST form the way a browser sees it: its controls grouped
into fields, what it would send as rendered, and the value each field shows."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

BUTTONS = {"submit", "button", "image", "reset"}


@dataclass
class Field:
    name: str
    kind: str  # text, textarea, select, radio, checkbox, checkboxes, hidden, file
    attrs: dict = field(default_factory=dict)
    value: str = ""  # text-like fields
    options: list[str] = field(default_factory=list)  # select / radio / checkboxes values
    labels: dict[str, str] = field(default_factory=dict)  # option value → shown text
    chosen: list[str] = field(default_factory=list)  # selected / checked values
    multiple: bool = False
    disabled: bool = False

    def shown(self):
        """The value as the page shows it, comparable with ``Field.posted``."""
        if self.kind == "checkbox":
            return bool(self.chosen)
        if self.kind in ("checkboxes",) or self.multiple:
            return sorted(self.chosen)
        if self.kind in ("select", "radio"):
            return self.chosen[0] if self.chosen else ""
        return self.value

    def send(self) -> list[str]:
        """What a browser sends for this field as rendered."""
        if self.disabled or self.kind == "file":
            return []
        if self.kind in ("checkbox", "checkboxes", "radio") or self.multiple:
            return list(self.chosen)
        if self.kind == "select":
            return self.chosen[:1] or self.options[:1]
        return [self.value]


@dataclass
class Form:
    action: str
    fields: dict[str, Field] = field(default_factory=dict)
    formactions: list[str] = field(default_factory=list)

    def baseline(self) -> dict[str, list[str]]:
        data = {"csrfmiddlewaretoken": []}
        for f in self.fields.values():
            if values := f.send():
                data[f.name] = values
        data.pop("csrfmiddlewaretoken")
        return data


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self.form: Form | None = None
        self.select: Field | None = None
        self.option: str | None = None
        self.option_text = ""
        self.textarea: Field | None = None
        self.label_for: str | None = None

    def _field(self, name, kind, attrs) -> Field:
        existing = self.form.fields.get(name)
        if existing is None:
            existing = self.form.fields[name] = Field(name, kind, attrs)
        return existing

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and (a.get("method") or "get").lower() == "post":
            self.form = Form(action=a.get("action") or "")
            self.forms.append(self.form)
            return
        if self.form is None:
            return
        name = a.get("name")
        if tag == "button" or (tag == "input" and (a.get("type") or "").lower() in BUTTONS):
            if a.get("formaction"):
                self.form.formactions.append(a["formaction"])
            return
        if tag == "input" and name:
            kind = (a.get("type") or "text").lower()
            if kind in ("checkbox", "radio"):
                f = self._field(name, kind, a)
                # A yes/no box (Django's CheckboxInput) has no value; a box with
                # one is an option of a multiple choice, even when it is alone.
                if kind == "checkbox" and (f.options or "value" in a):
                    f.kind = "checkboxes"
                value = a.get("value", "on")
                f.options.append(value)
                f.labels[value] = a.get("id", "")
                if "checked" in a:
                    f.chosen.append(value)
                f.disabled = f.disabled or "disabled" in a
            else:
                f = self._field(name, kind if kind in ("hidden", "file") else "text", a)
                f.value = a.get("value", "")
                f.disabled = "disabled" in a
        elif tag == "select" and name:
            self.select = self._field(name, "select", a)
            self.select.multiple = "multiple" in a
            self.select.disabled = "disabled" in a
        elif tag == "option" and self.select is not None:
            self.option, self.option_text = a.get("value"), ""
            if "selected" in a:
                self.select.chosen.append(a.get("value") or "")
        elif tag == "textarea" and name:
            self.textarea = self._field(name, "textarea", a)
            self.textarea.disabled = "disabled" in a

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea.value += data
        if self.option is not None or self.select is not None:
            self.option_text += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "select":
            self.select = None
        elif tag == "option" and self.select is not None:
            value = self.option if self.option is not None else self.option_text.strip()
            self.select.options.append(value)
            self.select.labels[value] = self.option_text.strip()
            self.option = None
        elif tag == "textarea" and self.textarea is not None:
            # The HTML parser keeps the newline browsers drop after <textarea>.
            self.textarea.value = self.textarea.value.removeprefix("\n").replace("\r\n", "\n")
            self.textarea = None


def post_forms(html: str) -> list[Form]:
    parser = _Parser()
    parser.feed(html)
    return parser.forms


def form_posting_to(html: str, action: str, page: str) -> Form:
    """The POST form that submits to ``action`` (directly, by a button's
    ``formaction``, or as its own page's form)."""
    forms = post_forms(html)
    for form in forms:
        if form.action == action or action in form.formactions:
            return form
    if action == page:
        for form in forms:
            if form.action == "" and any(f.kind != "hidden" for f in form.fields.values()):
                return form
    raise AssertionError(f"no POST form to {action}: {[f.action for f in forms]}")
