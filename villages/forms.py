"""Forms check the shape of input; services decide (cross-snapshot rules)."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.core import validators
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kampungkb import uploads
from kampungkb.concurrency import VersionField
from kampungkb.contacts import PhoneWarningMixin
from kampungkb.domain import SumberDana
from villages.choices import (
    Frekuensi,
    JabatanPokja,
    KategoriPotensi,
    Kriteria,
    Operasional,
    PenggunaanData,
    PlkbPengarah,
    Regulasi,
)
from villages.models import KampungKB, KkbpkKampung, PendudukKampung, ProfilKampung
from villages.services import KAMPUNG_FIELDS

MAX_GAMBAR = 2 * 1024 * 1024
MAX_BERKAS = 5 * 1024 * 1024


class LinesField(forms.CharField):
    """An ordered list typed one item per line."""

    widget = forms.Textarea(attrs={"rows": 4})

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        text = super().to_python(value) or ""
        validators.ProhibitNullCharactersValidator()(text)  # the list is stored as JSON
        return [line.strip() for line in text.splitlines() if line.strip()]


class PotensiField(forms.CharField):
    """'Kategori: potensi' per line → [(kategori, nama)]."""

    widget = forms.Textarea(attrs={"rows": 5, "placeholder": "Kuliner: Keripik pisang"})

    def prepare_value(self, value):
        if isinstance(value, list):
            labels = dict(KategoriPotensi.choices)
            return "\n".join(f"{labels.get(k, k)}: {n}" for k, n in value)
        return value

    def to_python(self, value):
        text = super().to_python(value) or ""
        validators.ProhibitNullCharactersValidator()(text)
        by_label = {str(label).lower(): key for key, label in KategoriPotensi.choices}
        items, errors = [], []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            kategori, sep, nama = line.partition(":")
            key = by_label.get(kategori.strip().lower())
            if not sep or key is None or not nama.strip():
                errors.append(
                    _("Baris %(n)s: tulis “Kategori: potensi”; kategori salah satu dari %(k)s.")
                    % {
                        "n": number,
                        "k": ", ".join(str(label) for _k, label in KategoriPotensi.choices),
                    }
                )
                continue
            items.append((key, nama.strip()[:200]))
        if errors:
            raise forms.ValidationError(errors)
        return items


# Scanned SKs and plans may be photographed; images among them are re-encoded.
DOC_TYPES = ["pdf", "jpg", "png"]


class KampungForm(PhoneWarningMixin, forms.ModelForm):
    version = VersionField()
    misi = LinesField(label=_("Misi"), required=False, help_text=_("Satu misi per baris."))
    faktor_pendukung = LinesField(
        label=_("Faktor pendukung"), required=False, help_text=_("Satu faktor per baris.")
    )
    faktor_penghambat = LinesField(
        label=_("Faktor penghambat"), required=False, help_text=_("Satu faktor per baris.")
    )
    potensi = PotensiField(
        label=_("Potensi desa"),
        required=False,
        help_text=_("Satu potensi per baris, diawali kategorinya, mis. “Kuliner: Keripik pisang”."),
    )
    kriteria = forms.MultipleChoiceField(
        label=_("Kriteria pembentukan"),
        choices=Kriteria.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = KampungKB
        # The fields the service saves and audits (one list for both).
        fields = KAMPUNG_FIELDS
        widgets = {
            "tanggal_pencanangan": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "gambaran_umum": forms.Textarea(attrs={"rows": 6}),
            "visi": forms.Textarea(attrs={"rows": 2}),
            "foto_sampul": forms.ClearableFileInput(attrs={"accept": "image/*"}),
            "struktur_organisasi": forms.ClearableFileInput(attrs={"accept": "image/*"}),
        }

    def __init__(self, *args, can_set_percontohan: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not can_set_percontohan:
            del self.fields["percontohan_kabupaten"], self.fields["percontohan_provinsi"]
        if self.instance.pk and not self.is_bound:
            self.initial["potensi"] = [(p.kategori, p.nama) for p in self.instance.potensi.all()]
            self.initial["version"] = self.instance.version

    def clean_tanggal_pencanangan(self):
        tanggal = self.cleaned_data["tanggal_pencanangan"]
        if tanggal and tanggal < dt.date(2016, 1, 1):
            raise forms.ValidationError(_("Tidak boleh sebelum 1 Januari 2016."))
        if tanggal and tanggal > timezone.localdate():
            raise forms.ValidationError(_("Tanggal pencanangan tidak boleh di masa depan."))
        return tanggal

    def clean_foto_sampul(self):
        return uploads.clean_field(
            self.cleaned_data.get("foto_sampul"),
            uploads.clean_photo,
            max_bytes=MAX_GAMBAR,
            name="sampul",
        )

    def clean_struktur_organisasi(self):
        # A chart: kept sharp (PNG stays PNG, larger sides) but stripped like a photo.
        return uploads.clean_field(
            self.cleaned_data.get("struktur_organisasi"),
            uploads.clean_document,
            ["jpg", "png", "webp"],
            max_bytes=MAX_GAMBAR,
            name="struktur",
        )

    def clean(self):
        data = super().clean()
        for name, low, high in (("latitude", -90, 90), ("longitude", -180, 180)):
            value = data.get(name)
            if value is not None and not low <= value <= high:
                self.add_error(name, _("Harus antara %(a)s dan %(b)s.") % {"a": low, "b": high})
        if "Lainnya" in (data.get("kriteria") or []) and not data.get("kriteria_lainnya"):
            self.add_error("kriteria_lainnya", _("Sebutkan kriteria lainnya."))
        return data


class KampungCreateForm(forms.Form):
    desa = forms.CharField(
        label=_("Kode desa"),
        max_length=13,
        widget=forms.TextInput(attrs={"placeholder": "12.10.09.2009", "inputmode": "decimal"}),
    )
    nama = forms.CharField(label=_("Nama Kampung KB"), max_length=150)
    tanggal_pencanangan = forms.DateField(
        label=_("Tanggal pencanangan"), widget=forms.DateInput(attrs={"type": "date"})
    )

    clean_tanggal_pencanangan = KampungForm.clean_tanggal_pencanangan


class PokjaForm(forms.Form):
    version = VersionField()
    sk_nomor = forms.CharField(label=_("Nomor SK"), max_length=100, required=False)
    sk_tanggal = forms.DateField(
        label=_("Tanggal SK"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    sk_penerbit = forms.CharField(
        label=_("Penerbit SK"),
        max_length=150,
        required=False,
        help_text=_("Biasanya Kepala Desa/Lurah."),
    )
    sk_berkas = forms.FileField(label=_("Berkas SK (PDF/JPG/PNG)"), required=False)
    catatan = forms.CharField(
        label=_("Catatan"), required=False, widget=forms.Textarea({"rows": 2})
    )

    def clean_sk_tanggal(self):
        tanggal = self.cleaned_data["sk_tanggal"]
        if tanggal and tanggal > timezone.localdate():
            raise forms.ValidationError(_("Tanggal SK tidak boleh di masa depan."))
        return tanggal

    def clean_sk_berkas(self):
        return uploads.clean_field(
            self.cleaned_data.get("sk_berkas"),
            uploads.clean_document,
            DOC_TYPES,
            max_bytes=MAX_BERKAS,
            name="sk-pokja",
        )


class AnggotaForm(forms.Form):
    nama = forms.CharField(label=_("Nama"), max_length=150)
    # A blank first choice: a blank row as the browser sends it stays blank
    # (with a preselected jabatan it would count as filled and ask for a name).
    jabatan = forms.ChoiceField(label=_("Jabatan"), choices=[("", "—"), *JabatanPokja.choices])
    terlatih = forms.BooleanField(label=_("Sudah dilatih"), required=False)
    telepon = forms.RegexField(
        label=_("Telepon"),
        regex=r"^\+?[0-9 -]{6,20}$",
        required=False,
        error_messages={"invalid": _("Tulis nomor telepon dengan angka saja, mis. 0812 3456 789.")},
        widget=forms.TextInput(attrs={"inputmode": "tel"}),
    )


AnggotaFormSet = forms.formset_factory(AnggotaForm, extra=2, can_delete=True, max_num=60)


# ------------------------------------------------------------------ snapshots

SNAPSHOT_META = {"id", "kampung", "periode", "version", "aktif", "dibuat_pada", "dibuat_oleh"}


def data_fields(model, skip=()) -> list[str]:
    """The data columns of a snapshot model, in declaration order."""
    return [f.name for f in model._meta.concrete_fields if f.name not in SNAPSHOT_META | set(skip)]


class SnapshotForm(forms.ModelForm):
    version = VersionField()

    def __init__(self, *args, version: int = 0, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["version"] = version
        for field in self.fields.values():
            if isinstance(field, forms.IntegerField) and not isinstance(field, VersionField):
                field.widget.attrs.update({"inputmode": "numeric", "min": 0})
                field.error_messages["invalid"] = _(
                    "Tulis angka bulat tanpa titik atau koma, mis. 12."
                )


class PendudukForm(SnapshotForm):
    class Meta:
        model = PendudukKampung
        fields = data_fields(PendudukKampung)


class KkbpkForm(SnapshotForm):
    class Meta:
        model = KkbpkKampung
        fields = data_fields(KkbpkKampung)


class ProfilForm(SnapshotForm):
    sumber_dana = forms.MultipleChoiceField(
        label=_("Sumber Dana"),
        choices=SumberDana.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    regulasi = forms.MultipleChoiceField(
        label=_("Regulasi yang dimiliki"),
        choices=Regulasi.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    penggunaan_data = forms.MultipleChoiceField(
        label=_("Sumber data yang digunakan"),
        choices=PenggunaanData.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    plkb_pengarah = forms.ChoiceField(
        label=_("Diarahkan Oleh (jika tidak ada PLKB/PKB)"),
        choices=[("", "—"), *PlkbPengarah.choices],
        required=False,
    )

    class Meta:
        model = ProfilKampung
        fields = data_fields(ProfilKampung, skip={"operasional"})
        widgets = {"pokja_pelatihan_desc": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = self.instance.operasional or {}
        choices = [("", _("Tidak ada")), *Frekuensi.choices]
        for i, item in enumerate(Operasional.values):
            self.fields[f"operasional_{i}"] = forms.ChoiceField(
                label=Operasional(item).label,
                choices=choices,
                required=False,
                initial=current.get(item, ""),
            )
        self.fields["plkb_nip"].widget.attrs["inputmode"] = "numeric"

    def operasional_fields(self):
        return [self[f"operasional_{i}"] for i in range(len(Operasional.values))]

    def clean_rkm_berkas(self):
        return uploads.clean_field(
            self.cleaned_data.get("rkm_berkas"),
            uploads.clean_document,
            DOC_TYPES,
            max_bytes=MAX_BERKAS,
            name="rkm",
        )

    def clean(self):
        data = super().clean()
        required = _("Wajib diisi jika %(x)s “Ada”.")
        if data.get("pokja_ada") and data.get("pokja_jumlah") is None:
            self.add_error("pokja_jumlah", required % {"x": _("Pokja")})
        if data.get("pokja_pelatihan"):
            if not data.get("pokja_pelatihan_desc"):
                self.add_error("pokja_pelatihan_desc", required % {"x": _("pelatihan")})
            if data.get("pokja_jumlah_terlatih") in (None, ""):
                self.add_error("pokja_jumlah_terlatih", required % {"x": _("pelatihan")})
        terlatih, jumlah = data.get("pokja_jumlah_terlatih"), data.get("pokja_jumlah")
        if terlatih is not None and jumlah is not None and terlatih > jumlah:
            self.add_error(
                "pokja_jumlah_terlatih",
                _("Tidak boleh lebih dari jumlah anggota Pokja (%(n)s).") % {"n": jumlah},
            )
        if data.get("plkb_pendamping"):
            nip = data.get("plkb_nip") or ""
            if not (nip.isascii() and nip.isdigit() and len(nip) == 18):
                self.add_error("plkb_nip", _("NIP terdiri dari 18 angka."))
        elif not data.get("plkb_pengarah"):
            self.add_error("plkb_pengarah", _("Pilih siapa yang mengarahkan kegiatan."))
        if data.get("plkb_pengarah") == "Lainnya" and not data.get("plkb_pengarah_lainnya"):
            self.add_error("plkb_pengarah_lainnya", _("Sebutkan pengarah lainnya."))
        for name in ("plkb_nama", "plkb_kontak"):
            if not data.get(name):
                self.add_error(name, _("Wajib diisi."))
        if data.get("regulasi_ada") and not data.get("regulasi"):
            self.add_error("regulasi", _("Pilih minimal satu regulasi."))
        if data.get("penggunaan_data_ada") and not data.get("penggunaan_data"):
            self.add_error("penggunaan_data", _("Pilih minimal satu sumber data."))
        operasional = {}
        for i, item in enumerate(Operasional.values):
            if frekuensi := data.get(f"operasional_{i}"):
                operasional[item] = frekuensi
        if "Lainnya" in operasional.values() and not data.get("frekuensi_lainnya"):
            self.add_error("frekuensi_lainnya", _("Sebutkan frekuensi lainnya."))
        data["operasional"] = operasional
        if not data.get("regulasi_ada"):
            data["regulasi"] = []
        if not data.get("penggunaan_data_ada"):
            data["penggunaan_data"] = []
        return data


SNAPSHOT_FORMS = {"profil": ProfilForm, "penduduk": PendudukForm, "kkbpk": KkbpkForm}
