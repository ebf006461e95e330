import datetime as dt
import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kampungkb.periods import Periode


class PeriodeField(forms.CharField):
    """A month as 'YYYY-MM' (the browser's month input)."""

    widget = forms.TextInput(attrs={"type": "month", "placeholder": "2026-11"})
    default_error_messages = {"invalid": _("Tulis periode sebagai tahun-bulan, mis. 2026-11.")}

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            return Periode.parse(value.strip())
        except ValueError as exc:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from exc

    def prepare_value(self, value):
        return str(value) if isinstance(value, Periode) else value


# "Rp", "Rp." or "IDR" before the amount; ",-" or ",00" after it (how rupiah are
# written on receipts and in kader notebooks).
RUPIAH_PREFIX = re.compile(r"^(?:rp\.?|idr)\s*", re.IGNORECASE)
RUPIAH_SUFFIX = re.compile(r"(?:[.,]-|[.,]00)$")
# 10500000, or grouped by threes with dots (Indonesian) or commas (English).
RUPIAH = re.compile(r"^\d+$|^\d{1,3}(?:\.\d{3})+$|^\d{1,3}(?:,\d{3})+$")
BIGINT_MAX = 9_223_372_036_854_775_807


class UangField(forms.IntegerField):
    """A rupiah amount as a kader writes it: `10.500.000`, `10500000`,
    `Rp 10.500.000`, `Rp 10.500.000,-` and `10,500,000` all mean ten and a half
    million. The input shows plain digits (what the form reads back unchanged);
    the pages show `Rp 10.500.000` with the `rupiah` filter."""

    widget = forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"})
    default_error_messages = {
        "invalid": _("Tulis jumlah rupiah tanpa sen, mis. 10500000 atau 10.500.000."),
        "min_value": _("Tidak boleh negatif."),
        "max_value": _("Jumlah terlalu besar."),
    }

    def __init__(self, *, min_value=0, max_value=BIGINT_MAX, **kwargs):
        kwargs.pop("localize", None)  # digits in, digits out: never localized
        super().__init__(min_value=min_value, max_value=max_value, **kwargs)
        self.widget.attrs.setdefault("class", "uang-input")

    def to_python(self, value):
        if isinstance(value, str):
            text = "".join(value.split())  # spaces, also the non-breaking ones
            text = RUPIAH_SUFFIX.sub("", RUPIAH_PREFIX.sub("", text))
            if not text:
                return None
            if not RUPIAH.match(text):
                raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
            value = text.replace(".", "").replace(",", "")
        return super().to_python(value)

    def widget_attrs(self, widget):
        # No min/max attributes: the browser would refuse "10.500.000" itself.
        attrs = super().widget_attrs(widget)
        attrs.pop("min", None)
        attrs.pop("max", None)
        attrs.pop("step", None)
        return attrs


class PeriodeReopenForm(forms.Form):
    desa = forms.CharField(
        label=_("Kode desa"),
        max_length=13,
        # A placeholder that cannot pass for a typed code ("mis. …"), and the
        # same words as help text for screen readers and once typing starts.
        widget=forms.TextInput(
            attrs={"placeholder": _("mis. 12.10.09.2009"), "inputmode": "decimal"}
        ),
        help_text=_("Kode Kemendagri desa/kelurahan, mis. 12.10.09.2009 (lihat menu Wilayah)."),
    )
    periode = PeriodeField(label=_("Periode"))
    sampai = forms.DateField(
        label=_("Dibuka sampai"), widget=forms.DateInput(attrs={"type": "date"})
    )
    alasan = forms.CharField(label=_("Alasan"), max_length=255, required=False)

    def clean_periode(self):
        periode = self.cleaned_data["periode"]
        if periode and periode.first_day > timezone.localdate():
            raise forms.ValidationError(_("Periode ini belum dimulai."))
        return periode

    def clean_sampai(self):
        sampai = self.cleaned_data["sampai"]
        today = timezone.localdate()
        if sampai < today:
            raise forms.ValidationError(_("Tanggal ini sudah lewat."))
        if sampai > today + dt.timedelta(days=60):
            raise forms.ValidationError(_("Paling lama 60 hari dari hari ini."))
        return sampai


# A select with more options than this becomes a text input of the code: a
# national admin would otherwise get 83,762 villages in one page (megabytes on
# a phone, and seconds to render).
CHOICE_LIMIT = 200


def at_most_limit(queryset) -> list | None:
    """The rows of ``queryset`` if there are at most CHOICE_LIMIT, else None
    (one query of at most CHOICE_LIMIT + 1 rows decides and fetches)."""
    rows = list(queryset[: CHOICE_LIMIT + 1])
    return rows if len(rows) <= CHOICE_LIMIT else None


def code_input(placeholder: str) -> forms.TextInput:
    return forms.TextInput(attrs={"placeholder": placeholder, "inputmode": "decimal"})


def options_or_code_input(field, placeholder: str) -> list | None:
    """Fill a model choice field's options from its queryset's rows, or turn
    it into a code input past CHOICE_LIMIT. Returns the rows (None for a code
    input), read in one query."""
    rows = at_most_limit(field.queryset)
    if rows is None:
        field.widget = code_input(placeholder)
        return None
    options = [(field.prepare_value(o), field.label_from_instance(o)) for o in rows]
    blank = getattr(field, "empty_label", None)
    field.choices = ([("", blank)] if blank is not None else []) + options
    return rows
