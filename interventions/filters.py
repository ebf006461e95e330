"""List filters; their choices are narrowed to what the user may see."""

from __future__ import annotations

import django_filters
from django import forms
from django.db import connection
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from interventions import iid
from interventions.models import (
    URUSAN_CHOICES,
    BentukInovasi,
    Inisiator,
    Inovasi,
    Instansi,
    Intervensi,
    JenisInovasi,
    PredikatIID,
    StatusIntervensi,
    Tahapan,
    TahunIID,
)
from kampungkb.domain import Sasaran, Seksi
from kampungkb.forms import PeriodeField, options_or_code_input
from kampungkb.periods import PERIODE_MAX, PERIODE_MIN, Periode
from villages.fields import KampungChoiceField
from villages.models import KampungKB


def json_list_contains(field: str, value: str) -> Q:
    """Rows whose JSON list ``field`` holds ``value`` (PostgreSQL jsonb @>; SQLite text)."""
    if connection.vendor == "postgresql":
        return Q(**{f"{field}__contains": [value]})
    import json

    return Q(**{f"{field}__icontains": json.dumps(value)})


def _instansi(request):
    return Instansi.objects.for_user(request.user) if request else Instansi.objects.none()


def _kampung(request):
    return KampungKB.objects.for_user(request.user) if request else KampungKB.objects.none()


class PeriodeFilter(django_filters.Filter):
    field_class = PeriodeField


class YearFilter(django_filters.NumberFilter):
    """A whole year within the programme's span: out-of-range years (-1,
    99999999999999999999) get a message at the filter, not a database error."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", PERIODE_MIN.year)
        kwargs.setdefault("max_value", PERIODE_MAX.year)
        super().__init__(*args, **kwargs)


class KampungFilter(django_filters.ModelChoiceFilter):
    field_class = KampungChoiceField


class IntervensiFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Cari judul"), method="filter_q")
    kampung = KampungFilter(label=_("Kampung KB"), queryset=_kampung)
    instansi = django_filters.ModelChoiceFilter(label=_("Instansi"), queryset=_instansi)
    seksi = django_filters.ChoiceFilter(label=_("Seksi"), choices=Seksi.choices)
    sasaran = django_filters.ChoiceFilter(
        label=_("Sasaran"), choices=Sasaran.choices, method="filter_sasaran"
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=StatusIntervensi.choices)
    periode = PeriodeFilter(label=_("Periode (bulan)"), method="filter_periode")
    tahun = YearFilter(label=_("Tahun"), field_name="tanggal", lookup_expr="year")

    class Meta:
        model = Intervensi
        fields = ["q", "kampung", "instansi", "seksi", "sasaran", "status", "periode", "tahun"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.form.fields["periode"].widget.attrs.update({"placeholder": "2023-05"})
        options_or_code_input(self.form.fields["kampung"], _("kode desa, mis. 12.10.09.2009"))

    def filter_q(self, qs, name, value):
        return qs.filter(judul__icontains=value) if value else qs

    def filter_sasaran(self, qs, name, value):
        return qs.filter(json_list_contains("sasaran", value)) if value else qs

    def filter_periode(self, qs, name, value: Periode | None):
        if not value:
            return qs
        return qs.filter(tanggal__year=value.year, tanggal__month=value.month)

    @property
    def qs(self):
        # A filter the user mistyped shows its message and no rows, not everything.
        return super().qs.none() if self.is_bound and self.errors else super().qs


class InovasiFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Cari nama"), method="filter_q")
    tahapan = django_filters.ChoiceFilter(label=_("Tahapan"), choices=Tahapan.choices)
    inisiator = django_filters.ChoiceFilter(label=_("Inisiator"), choices=Inisiator.choices)
    jenis = django_filters.ChoiceFilter(label=_("Jenis"), choices=JenisInovasi.choices)
    bentuk = django_filters.ChoiceFilter(label=_("Bentuk"), choices=BentukInovasi.choices)
    urusan = django_filters.ChoiceFilter(
        label=_("Urusan"), choices=URUSAN_CHOICES, method="filter_urusan"
    )
    tahun = django_filters.ModelChoiceFilter(
        label=_("Tahun IID"), field_name="tahun_iid", queryset=TahunIID.objects.all()
    )
    predikat = django_filters.ChoiceFilter(
        label=_("Predikat (proyeksi)"), choices=[], method="filter_predikat"
    )

    class Meta:
        model = Inovasi
        fields = ["q", "tahapan", "inisiator", "jenis", "bentuk", "urusan", "tahun", "predikat"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # the configured bands (yearly data), highest first
        names = PredikatIID.objects.order_by("-batas_bawah").values_list("nama", flat=True)
        self.filters["predikat"].extra["choices"] = [(n, n) for n in dict.fromkeys(names)]

    def filter_predikat(self, qs, name, value):
        return iid.filter_predikat(qs, value) if value else qs

    def filter_q(self, qs, name, value):
        if not value:
            return qs
        return qs.filter(Q(nama__icontains=value) | Q(kepanjangan__icontains=value))

    def filter_urusan(self, qs, name, value):
        if not value:
            return qs
        return qs.filter(Q(urusan_utama=value) | json_list_contains("urusan_lain", value))
