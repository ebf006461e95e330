"""Forms check the shape of input; the services decide."""

from __future__ import annotations

import re

from django import forms
from django.core import validators
from django.db import models
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from interventions.models import (
    URUSAN_CHOICES,
    BuktiIID,
    Inovasi,
    InovasiUnggulan,
    InpresKegiatan,
    Instansi,
    Intervensi,
    ParameterIID,
    StatusIntervensi,
    TahunIID,
    TematikIID,
)
from kampungkb import uploads
from kampungkb.concurrency import VersionField, VersionFormMixin
from kampungkb.contacts import PhoneWarningMixin
from kampungkb.domain import JenisPoktan, Sasaran
from kampungkb.forms import UangField, options_or_code_input
from kampungkb.idempotency import OnceFormMixin
from kampungkb.models import Role
from villages.fields import KampungChoiceField, KampungCodesField
from villages.models import KampungKB, Tingkat, Wilayah

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MIN_KATA_RANCANG_BANGUN = 300


PILIH = _("— pilih —")


def indonesian_blank_choices(form: forms.BaseForm) -> None:
    """Blank choices read "— pilih —" (Django's default label is English)."""
    for field in form.fields.values():
        if isinstance(field, forms.ModelChoiceField) and not isinstance(
            field, forms.ModelMultipleChoiceField
        ):
            if field.empty_label is not None:
                field.empty_label = PILIH
        elif isinstance(field, forms.ChoiceField) and not isinstance(
            field, forms.MultipleChoiceField | forms.ModelChoiceField
        ):
            choices = list(field.choices)
            if choices and choices[0][0] == "" and not isinstance(choices[0][1], list | tuple):
                field.choices = [("", PILIH), *choices[1:]]


def inpres_choices() -> list:
    """Kegiatan grouped by program (one query)."""
    groups: dict[str, list] = {}
    for k in InpresKegiatan.objects.select_related("program__sasaran"):
        label = f"{k.program.sasaran.nomor}. {k.program.nama}"
        groups.setdefault(label, []).append((k.pk, k.nama))
    return [("", PILIH), *groups.items()]


def own_instansi(user) -> int | None:
    """The agency of a lintas-sektor officer (None for every other role)."""
    if user.role == Role.OPD_LINTAS_SEKTOR:
        return getattr(user, "instansi_id", None)
    return None


def own_first(queryset, user):
    """The officer's own agency first, then the usual order."""
    own = own_instansi(user)
    if not own:
        return queryset
    first = models.Case(models.When(pk=own, then=0), default=1)
    return queryset.order_by(first, *Instansi._meta.ordering)


class IntervensiForm(PhoneWarningMixin, OnceFormMixin, forms.ModelForm):
    sasaran = forms.MultipleChoiceField(
        label=_("Sasaran"),
        choices=Sasaran.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    target_poktan = forms.MultipleChoiceField(
        label=_("Poktan sasaran"),
        choices=JenisPoktan.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    inpres_kegiatan = forms.TypedChoiceField(
        label=_("Kegiatan Inpres 3/2022 (bila ada)"), coerce=int, required=False, empty_value=None
    )

    class Meta:
        model = Intervensi
        field_classes = {"kampung": KampungChoiceField, "anggaran": UangField}
        fields = [
            "kampung",
            "judul",
            "tanggal",
            "tempat",
            "jenis",
            "seksi",
            "deskripsi",
            "sasaran",
            "sasaran_lainnya",
            "instansi",
            "instansi_lainnya",
            "inpres_kegiatan",
            "target_poktan",
            "status",
            "sumber_dana",
            "anggaran",
            "penerima_manfaat",
        ]
        widgets = {
            "tanggal": DATE,
            "instansi": forms.CheckboxSelectMultiple,
            "deskripsi": forms.Textarea(attrs={"rows": 5}),
            "penerima_manfaat": forms.NumberInput(attrs={"inputmode": "numeric", "min": 0}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["kampung"].queryset = KampungKB.objects.for_user(user).select_related("desa")
        self.fields["kampung"].label_from_instance = lambda k: f"{k.nama} ({k.desa.label})"
        self.fields["kampung"].empty_label = PILIH
        rows = options_or_code_input(self.fields["kampung"], _("kode desa, mis. 12.10.09.2009"))
        new = not self.is_bound and not self.instance.pk and "kampung" not in self.initial
        if new and rows is not None and len(rows) == 1:
            self.initial["kampung"] = rows[0].pk  # a kader's one Kampung KB, chosen for them
        self.fields["instansi"].queryset = own_first(Instansi.objects.for_user(user), user)
        self.fields["instansi"].required = False
        if own_instansi(user) and not self.is_bound and not self.instance.pk:
            # A lintas-sektor officer records for their own agency: ticked for them.
            self.initial["instansi"] = [user.instansi_id]
        self.fields["inpres_kegiatan"].choices = inpres_choices()
        if self.instance.pk:
            self.initial.setdefault("inpres_kegiatan", self.instance.inpres_kegiatan_id)
        indonesian_blank_choices(self)
        if getattr(user, "instansi_id", None) and user.role == Role.OPD_LINTAS_SEKTOR:
            self.fields["instansi"].help_text = _("%(i)s selalu tercatat sebagai pelaksana.") % {
                "i": user.instansi
            }

    def clean_inpres_kegiatan(self):
        pk = self.cleaned_data.get("inpres_kegiatan")
        if pk is None:
            return None
        kegiatan = InpresKegiatan.objects.filter(pk=pk).first()
        if kegiatan is None:
            raise forms.ValidationError(_("Pilih kegiatan dari daftar."))
        return kegiatan

    def clean(self):
        data = super().clean()
        sasaran = data.get("sasaran") or []
        if not sasaran and not data.get("sasaran_lainnya"):
            self.add_error("sasaran", _("Pilih minimal satu sasaran atau isi sasaran lainnya."))
        if Sasaran.LAINNYA in sasaran and not data.get("sasaran_lainnya"):
            self.add_error("sasaran_lainnya", _("Sebutkan sasaran lainnya."))
        if any(i.nama == "Lainnya" for i in data.get("instansi") or []) and not data.get(
            "instansi_lainnya"
        ):
            self.add_error("instansi_lainnya", _("Sebutkan instansi lainnya."))
        own = self.user.role == Role.OPD_LINTAS_SEKTOR and self.user.instansi_id
        if not own and not data.get("instansi") and not data.get("instansi_lainnya"):
            self.add_error("instansi", _("Pilih minimal satu instansi atau isi instansi lainnya."))
        tanggal, status = data.get("tanggal"), data.get("status")
        if tanggal and tanggal > timezone.localdate() and status != StatusIntervensi.RENCANA:
            self.add_error(
                "tanggal", _("Tanggal di masa depan hanya untuk intervensi berstatus Rencana.")
            )
        return data


class IntervensiEditForm(VersionFormMixin, IntervensiForm):
    pass


# --- Inovasi -----------------------------------------------------------------


class DaftarBarisField(forms.CharField):
    """A textarea whose lines become an ordered list ("a. …" prefixes dropped)."""

    widget = forms.Textarea(attrs={"rows": 6})

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(value)
        return value

    def to_python(self, value):
        text = super().to_python(value) or ""
        validators.ProhibitNullCharactersValidator()(text)  # the list is stored as JSON
        items = []
        for line in text.splitlines():
            line = re.sub(r"^\s*([a-zA-Z0-9]{1,2}[.)]\s+)", "", line).strip()
            if line:
                items.append(line)
        return items


def word_count(text: str) -> int:
    return len(re.findall(r"\w+", text or ""))


class InovasiForm(PhoneWarningMixin, forms.ModelForm):
    urusan_lain = forms.MultipleChoiceField(
        label=_("Urusan lain"),
        choices=URUSAN_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    tujuan_khusus = DaftarBarisField(
        label=_("Tujuan khusus"), required=False, help_text=_("Satu tujuan per baris.")
    )

    class Meta:
        model = Inovasi
        fields = [
            "nama",
            "kepanjangan",
            "wilayah",
            "perangkat_daerah",
            "uptd",
            "tahapan",
            "inisiator",
            "nama_inisiator",
            "jenis",
            "bentuk",
            "klasifikasi",
            "tahun_iid",
            "tematik",
            "urusan_utama",
            "urusan_lain",
            "waktu_uji_coba",
            "waktu_implementasi",
            "rancang_bangun",
            "tujuan_umum",
            "tujuan_khusus",
            "manfaat",
            "hasil",
            "berkas_anggaran",
            "berkas_profil_bisnis",
            "video",
            "kampung",
            "intervensi",
        ]
        widgets = {
            "waktu_uji_coba": DATE,
            "waktu_implementasi": DATE,
            "rancang_bangun": forms.Textarea(attrs={"rows": 14}),
            "tujuan_umum": forms.Textarea(attrs={"rows": 3}),
            "manfaat": forms.Textarea(attrs={"rows": 5}),
            "hasil": forms.Textarea(attrs={"rows": 5}),
            "kampung": forms.CheckboxSelectMultiple,
            "intervensi": forms.SelectMultiple(attrs={"size": 8}),
        }
        help_texts = {
            "rancang_bangun": _(
                "Proses/tahapan prosedur teknis; IID meminta minimal 300 kata. "
                "Pisahkan paragraf dengan baris kosong; **tebal**, *miring*, daftar dengan "
                "“- ” atau “1. ”, judul kecil dengan “### ”."
            ),
            "kepanjangan": _("Kepanjangan akronim, mis. Kampung Keluarga Berkualitas …"),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wilayah"].queryset = Wilayah.objects.for_user(user).filter(
            tingkat__gte=Tingkat.KABUPATEN
        )
        if user.wilayah_id:
            self.fields["wilayah"].queryset = self.fields["wilayah"].queryset.in_wilayah(
                user.wilayah_id
            )
        self.fields["wilayah"].label_from_instance = lambda w: f"{w.kode} {w.label}"
        self.fields["perangkat_daerah"].queryset = Instansi.objects.for_user(user)
        self.fields["tahun_iid"].queryset = TahunIID.objects.all()
        self.fields["tematik"].queryset = TematikIID.objects.select_related("tahun")
        self.fields["tematik"].label_from_instance = lambda t: f"{t.tahun.tahun} – {t.nama}"
        self.fields["wilayah"].empty_label = PILIH
        options_or_code_input(self.fields["wilayah"], _("kode wilayah, mis. 12.10"))
        kampung = KampungKB.objects.for_user(user)
        self.fields["kampung"].queryset = kampung
        if options_or_code_input(self.fields["kampung"], "") is None:
            # Hundreds of villages in scope: codes typed, not a checkbox each.
            model_field = self._meta.model._meta.get_field("kampung")
            self.fields["kampung"] = KampungCodesField(
                kampung,
                required=False,
                label=capfirst(model_field.verbose_name),
                help_text=_("Kode desa, dipisah koma, mis. 12.10.09.2009, 12.10.09.2010."),
            )
        # Interventions of this innovation's Kampung KB only: a kabupaten-wide list
        # would grow without bound. A new profile links them after its first save.
        kampung_ids = [getattr(k, "pk", k) for k in self.initial.get("kampung") or []]
        self.fields["intervensi"].queryset = (
            Intervensi.objects.for_user(user)
            .filter(kampung_id__in=kampung_ids)
            .select_related("kampung")
        )
        self.fields["intervensi"].required = False
        self.fields["intervensi"].help_text = _(
            "Intervensi di Kampung KB terkait (pilih Kampung KB lalu simpan untuk menampilkannya)."
        )
        self.fields["intervensi"].label_from_instance = lambda i: f"{i.tanggal:%Y-%m-%d} {i.judul}"
        # Rendered from one list: no extra COUNT query for the field.
        self.fields["intervensi"].choices = [c for c in self.fields["intervensi"].choices]  # noqa: C416
        self.fields["kampung"].required = False
        for name in ("berkas_anggaran", "berkas_profil_bisnis"):
            self.fields[name].widget.attrs["accept"] = "application/pdf"
        indonesian_blank_choices(self)

    def _pdf(self, name):
        # Stored under a name of our choosing: the extension matches the content.
        return uploads.clean_field(
            self.cleaned_data.get(name),
            uploads.clean_document,
            ["pdf"],
            name=name.removeprefix("berkas_").replace("_", "-"),
        )

    def uploaded_files(self) -> dict:
        """The new files of this post, cleaned and named by the portal."""
        names = ("berkas_anggaran", "berkas_profil_bisnis")
        found = {n: self.cleaned_data.get(n) for n in names}
        return {n: f for n, f in found.items() if f and hasattr(f, "content_type")}

    def clean_berkas_anggaran(self):
        return self._pdf("berkas_anggaran")

    def clean_berkas_profil_bisnis(self):
        return self._pdf("berkas_profil_bisnis")

    def clean(self):
        data = super().clean()
        tematik, tahun = data.get("tematik"), data.get("tahun_iid")
        if tematik and tahun and tematik.tahun_id != tahun.pk:
            self.add_error("tematik", _("Tematik ini bukan untuk tahun penilaian yang dipilih."))
        uji, impl = data.get("waktu_uji_coba"), data.get("waktu_implementasi")
        if uji and impl and impl < uji:
            self.add_error("waktu_implementasi", _("Tidak boleh sebelum waktu uji coba."))
        if data.get("urusan_utama") in (data.get("urusan_lain") or []):
            data["urusan_lain"] = [u for u in data["urusan_lain"] if u != data["urusan_utama"]]
        return data

    @property
    def rancang_bangun_kata(self) -> int:
        value = self.data.get("rancang_bangun") if self.is_bound else self.instance.rancang_bangun
        return word_count(value or "")


class InovasiCreateForm(OnceFormMixin, InovasiForm):
    """The create form carries a one-time token: a double submit makes one innovation."""


class InovasiEditForm(VersionFormMixin, InovasiForm):
    pass


class BuktiForm(VersionFormMixin, forms.ModelForm):
    version = VersionField(required=False)
    hapus_berkas = forms.BooleanField(label=_("Hapus dokumen"), required=False)

    class Meta:
        model = BuktiIID
        fields = ["parameter", "nomor_surat", "tanggal_surat", "tentang", "berkas", "tautan"]
        widgets = {
            "tanggal_surat": DATE,
            "parameter": forms.RadioSelect,
            "berkas": forms.FileInput,
        }

    def __init__(self, *args, indikator, **kwargs):
        super().__init__(*args, **kwargs)
        self.indikator = indikator
        self.fields["parameter"].queryset = ParameterIID.objects.filter(indikator=indikator)
        self.fields["parameter"].empty_label = None
        self.fields["parameter"].required = False
        self.fields["berkas"].help_text = _("Jenis: %(j)s; maksimal 5 MB.") % {
            "j": ", ".join(e.upper() for e in indikator.ekstensi)
        }

    def clean_berkas(self):
        upload = self.cleaned_data.get("berkas")
        self.upload = None  # a new file, cleaned; its original name is kept for display
        if upload and hasattr(upload, "content_type"):
            self.upload = uploads.clean_document(
                upload, self.indikator.ekstensi, name=f"bukti-{self.indikator.nomor}"
            )
            return self.upload.berkas
        return upload

    def clean_tanggal_surat(self):
        tanggal = self.cleaned_data.get("tanggal_surat")
        if tanggal and tanggal > timezone.localdate():
            raise forms.ValidationError(_("Tanggal surat tidak boleh di masa depan."))
        return tanggal


class UnggulanForm(PhoneWarningMixin, forms.ModelForm):
    def __init__(self, *args, kampung=None, **kwargs):
        super().__init__(*args, **kwargs)
        indonesian_blank_choices(self)
        self.kampung = kampung if kampung is not None else getattr(self.instance, "kampung", None)

    class Meta:
        model = InovasiUnggulan
        fields = [
            "nama",
            "singkatan",
            "deskripsi",
            "inisiator",
            "sumber_inisiatif",
            "ketua",
            "telepon",
            "urutan",
        ]
        widgets = {
            "deskripsi": forms.Textarea(attrs={"rows": 3}),
            "telepon": forms.TextInput(attrs={"inputmode": "tel"}),
        }

    def clean_nama(self):
        # "kampung" is not a form field, so the model form skips the unique check.
        nama = self.cleaned_data.get("nama")
        same = InovasiUnggulan.objects.filter(kampung=self.kampung, nama=nama)
        if same.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("Kampung KB ini sudah punya inovasi dengan nama ini."))
        return nama

    def clean_telepon(self):
        telepon = re.sub(r"[\s-]", "", self.cleaned_data.get("telepon") or "")
        if telepon and not re.fullmatch(r"\+?\d{8,15}", telepon):
            raise forms.ValidationError(_("Nomor telepon 8–15 angka, mis. 081234567890."))
        return telepon


class UnggulanEditForm(VersionFormMixin, UnggulanForm):
    pass


class InstansiLokalForm(forms.ModelForm):
    """A local OPD name of the user's kabupaten, matched to an official agency."""

    class Meta:
        model = Instansi
        fields = ["nama", "induk"]
        labels = {"nama": _("Nama OPD lokal"), "induk": _("Padanan instansi resmi")}

    def __init__(self, *args, kabupaten, **kwargs):
        super().__init__(*args, **kwargs)
        self.kabupaten = kabupaten
        self.fields["induk"].queryset = Instansi.objects.filter(kabupaten__isnull=True)
        self.fields["induk"].required = True
        indonesian_blank_choices(self)

    def clean_nama(self):
        nama = " ".join(self.cleaned_data["nama"].split())
        taken = Instansi.objects.filter(nama__iexact=nama).filter(
            models.Q(kabupaten=self.kabupaten) | models.Q(kabupaten__isnull=True)
        )
        if taken.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("Nama ini sudah ada di daftar instansi."))
        return nama
