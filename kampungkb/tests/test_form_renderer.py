"""The Python ``<select>`` writes exactly the HTML Django's templates write."""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates

from kampungkb.form_renderer import PortalFormRenderer

CHOICES = [
    ("", "— pilih —"),
    ("Sumatera", [("12.10", "Labuhanbatu"), ("12.04", 'Tapanuli "Tengah" <&>')]),
    (3, "Tiga"),
    (None, "Tidak ada"),
]


@pytest.mark.parametrize(
    ("widget", "value"),
    [
        (forms.Select(choices=CHOICES), "12.10"),
        (forms.Select(choices=CHOICES), 3),
        (forms.Select(choices=CHOICES, attrs={"disabled": True, "hidden": False}), None),
        (forms.Select(choices=CHOICES, attrs={"class": 'form-select "x"', "data-n": 5}), ""),
        (forms.SelectMultiple(choices=CHOICES), ["12.04", "3"]),
        (forms.NullBooleanSelect(), True),
        (forms.Select(choices=[]), None),
    ],
)
def test_select_html_equals_djangos(widget, value):
    def render(renderer):
        return widget.render("wilayah", value, attrs={"id": "id_wilayah"}, renderer=renderer)

    ours = render(PortalFormRenderer())
    assert ours == render(DjangoTemplates())
    assert "<select" in ours


def test_a_select_with_its_own_option_template_goes_through_django():
    class Custom(forms.Select):
        option_template_name = "django/forms/widgets/input_option.html"

    widget = Custom(choices=[("a", "A")])
    html = widget.render("x", "a", renderer=PortalFormRenderer())
    assert html == widget.render("x", "a", renderer=DjangoTemplates())
