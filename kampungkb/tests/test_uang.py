"""Money fields accept what a kader types (issue 12 item 1): `10.500.000`,
`10500000` and `Rp 10.500.000` all mean ten and a half million, in every form
that holds a rupiah amount."""

import importlib
import inspect

import pytest
from django import forms
from django.apps import apps
from django.utils import translation

from kampungkb.domain import JenisPoktan
from kampungkb.forms import UangField

APPS = ["kampungkb", "villages", "poktan", "interventions", "reports"]


@pytest.mark.parametrize(
    "typed",
    [
        "10500000",
        "10.500.000",
        "Rp 10.500.000",
        "Rp10.500.000",
        "rp. 10.500.000,-",
        "Rp 10.500.000,00",
        "10,500,000",
        " 10 500 000 ",
        "IDR 10500000",
    ],
)
def test_every_way_of_writing_ten_and_a_half_million(typed):
    field = UangField(required=False)
    assert field.clean(typed) == 10_500_000


@pytest.mark.parametrize("typed", ["10.5", "10.50.000", "1,5", "sepuluh juta", "10.500.000,50"])
def test_ambiguous_or_not_an_amount_is_refused_in_indonesian(typed):
    field = UangField(required=False)
    # The language a request left active must not decide (the middleware
    # activates without resetting).
    with translation.override("id"), pytest.raises(forms.ValidationError) as exc:
        field.clean(typed)
    assert "Tulis jumlah rupiah" in str(exc.value)


def test_negative_amount_is_refused_and_empty_is_none():
    field = UangField(required=False)
    assert field.clean("") is None and field.clean("Rp ") is None
    with pytest.raises(forms.ValidationError):
        field.clean("-5000")


def test_input_shows_plain_digits_that_clean_back_to_the_same_amount():
    form = type("F", (forms.Form,), {"modal": UangField(required=False)})(
        initial={"modal": 10_500_000}
    )
    html = str(form["modal"])
    assert 'value="10500000"' in html and 'inputmode="numeric"' in html
    assert "pattern=" not in html and "min=" not in html  # the browser would refuse "10.500.000"


def money_model_fields():
    """Every rupiah column: its (Indonesian) name says "(Rp)"."""
    with translation.override("id"):
        return {
            (model, f.name)
            for model in apps.get_models()
            if model._meta.app_label in APPS
            for f in model._meta.concrete_fields
            if "(Rp)" in str(f.verbose_name)
        }


def model_forms():
    for app in APPS:
        try:
            module = importlib.import_module(f"{app}.forms")
        except ModuleNotFoundError:
            continue
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, forms.ModelForm) and getattr(cls, "_meta", None) and cls._meta.model:
                yield cls


def test_every_money_field_of_every_form_is_an_uang_field():
    money = money_model_fields()
    assert len(money) >= 4, money  # Poktan.modal, Laporan.modal/omzet, Intervensi.anggaran
    covered = set()
    for form_class in model_forms():
        model = form_class._meta.model
        for name, field in form_class.base_fields.items():
            if (model, name) in money:
                assert isinstance(field, UangField), f"{form_class.__name__}.{name}"
                covered.add((model, name))
    # The register form builds its fields per poktan type.
    from poktan.forms import LaporanForm
    from poktan.models import Laporan, Poktan

    for jenis in JenisPoktan:
        form = LaporanForm(poktan=Poktan(jenis=jenis), anggota=[])
        for name, field in form.fields.items():
            if (Laporan, name) in money:
                assert isinstance(field, UangField), f"LaporanForm {jenis}.{name}"
                covered.add((Laporan, name))
    assert covered == money, f"money columns no form offers: {money - covered}"
