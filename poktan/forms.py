"""Forms check the shape of input; services decide the rules."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kampungkb import uploads
from kampungkb.concurrency import VersionFormMixin
from kampungkb.domain import JenisPoktan
from kampungkb.forms import UangField
from kampungkb.idempotency import OnceFormMixin
from poktan.models import COMMON_FIELDS, JENIS_FIELDS, Anggota, Laporan, Pengurus, Poktan

NUMERIC_ATTRS = {"inputmode": "numeric", "pattern": "[0-9]*", "class": "form-control-lg"}
ANGKA_MESSAGES = {
    "invalid": _("Tulis angka bulat, tanpa titik atau koma."),
    "min_value": _("Tidak boleh negatif."),
}


# Rupiah amounts of the register: typed as a kader writes them (UangField).
UANG_FIELDS = {"modal", "omzet"}

# The largest value the database columns hold (integer / bigint).
MAKS_INTEGER = 2_147_483_647
MAKS_BIGINT = 9_223_372_036_854_775_807


def angka_field(label, *, required: bool = False, max_value=MAKS_INTEGER) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=required,
        min_value=0,
        max_value=max_value,
        widget=forms.TextInput(attrs=NUMERIC_ATTRS),
        error_messages=ANGKA_MESSAGES,
    )


class LaporanForm(VersionFormMixin, forms.Form):
    """One poktan × one month: the figures of its type (fields built per jenis)."""

    def __init__(self, *args, poktan: Poktan, anggota: list[tuple[int, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].required = False
        for name in COMMON_FIELDS + JENIS_FIELDS[poktan.jenis]:
            label = Laporan._meta.get_field(name).verbose_name
            if name in UANG_FIELDS:
                self.fields[name] = UangField(label=label, required=False)
            else:
                self.fields[name] = angka_field(label)
        if anggota:
            # Derived from the member list; shown, not typed.
            self.fields["jumlah_anggota"].disabled = True
            self.fields["jumlah_anggota"].help_text = _("Dihitung dari daftar anggota.")
            self.initial["jumlah_anggota"] = len(anggota)
            self.fields["hadir"] = forms.TypedMultipleChoiceField(
                label=_("Keluarga anggota yang hadir bulan ini"),
                choices=anggota,
                coerce=int,
                required=False,
                widget=forms.CheckboxSelectMultiple,
                error_messages={"invalid_choice": _("Pilih hanya anggota aktif poktan ini.")},
            )
            if "keluarga_hadir" in self.fields:
                self.fields["keluarga_hadir"].disabled = True
                self.fields["keluarga_hadir"].help_text = _("Dihitung dari daftar hadir di bawah.")
                self.initial["keluarga_hadir"] = len(self.initial.get("hadir") or [])

    def figure_names(self) -> list[str]:
        return [n for n in self.fields if n not in ("version", "hadir")]

    def hadir(self) -> list[int] | None:
        return self.cleaned_data.get("hadir") if "hadir" in self.fields else None

    def values(self) -> dict:
        return {n: self.cleaned_data.get(n) for n in self.figure_names()}


class PertemuanForm(forms.Form):
    tanggal = forms.DateField(
        label=_("Tanggal"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Tulis tanggal sebagai tahun-bulan-hari, mis. 2026-11-05.")},
    )
    materi = forms.CharField(label=_("Materi"), max_length=200, required=False)
    narasumber = forms.CharField(label=_("Narasumber"), max_length=150, required=False)
    jumlah_hadir = angka_field(_("Jumlah hadir"))

    def clean(self):
        data = super().clean()
        filled = [n for n in ("tanggal", "materi", "jumlah_hadir") if data.get(n) not in (None, "")]
        if filled or data.get("narasumber"):
            for name, message in (
                ("tanggal", _("Isi tanggal pertemuan.")),
                ("materi", _("Isi materi pertemuan.")),
                ("jumlah_hadir", _("Isi jumlah yang hadir.")),
            ):
                if data.get(name) in (None, "") and name not in self.errors:
                    self.add_error(name, message)
        return data


PertemuanFormSet = forms.formset_factory(PertemuanForm, extra=0, max_num=10, absolute_max=10)

# Blank meeting rows offered below the recorded ones (no JavaScript to add rows).
BLANK_MEETING_ROWS = 2


class ReviewForm(VersionFormMixin, forms.Form):
    catatan = forms.CharField(
        label=_("Catatan untuk kader"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].required = False


class AnggotaForm(VersionFormMixin, forms.ModelForm):
    class Meta:
        model = Anggota
        fields = [
            "nama_kepala_keluarga",
            "nomor_kk",
            "status_pus",
            "metode_kb",
            "alasan_tidak_kb",
            "anak_0_1",
            "anak_1_2",
            "anak_2_3",
            "anak_3_4",
            "anak_4_5",
            "anak_5_6",
            "pakai_kka",
            "jumlah_remaja",
            "jumlah_lansia",
            "jenis_usaha",
            "aktif",
        ]
        widgets = {"nomor_kk": forms.TextInput(attrs={"inputmode": "numeric", "maxlength": 16})}

    TYPE_FIELDS = {
        JenisPoktan.BKB: [
            "anak_0_1",
            "anak_1_2",
            "anak_2_3",
            "anak_3_4",
            "anak_4_5",
            "anak_5_6",
            "pakai_kka",
        ],
        JenisPoktan.BKR: ["jumlah_remaja"],
        JenisPoktan.BKL: ["jumlah_lansia"],
        JenisPoktan.PIK_R: ["jumlah_remaja"],
        JenisPoktan.UPPKA: ["jenis_usaha"],
    }
    ALL_TYPE_FIELDS = {f for names in TYPE_FIELDS.values() for f in names}

    def __init__(self, *args, poktan: Poktan, **kwargs):
        super().__init__(*args, **kwargs)
        self.poktan = poktan
        self.fields["version"].required = False
        keep = set(self.TYPE_FIELDS[poktan.jenis])
        for name in self.ALL_TYPE_FIELDS - keep:
            del self.fields[name]
        for name in self.fields:
            if isinstance(self.fields[name], forms.IntegerField) and name != "version":
                self.fields[name].required = False
                self.fields[name].widget.attrs.update(inputmode="numeric")
                self.fields[name].error_messages.update(ANGKA_MESSAGES)

    def clean_nomor_kk(self):
        return (self.cleaned_data.get("nomor_kk") or "").replace(" ", "")

    def clean(self):
        data = super().clean()
        for name, field in self.fields.items():
            empty = data.get(name) is None and name not in self.errors
            if isinstance(field, forms.IntegerField) and name != "version" and empty:
                data[name] = 0  # an empty count is none
        if data.get("metode_kb") and data.get("alasan_tidak_kb"):
            self.add_error(
                "alasan_tidak_kb", _("Peserta KB tidak punya alasan tidak ber-KB; kosongkan.")
            )
        return data


class ImporForm(forms.Form):
    berkas = forms.FileField(
        label=_("Berkas anggota (XLSX atau CSV)"),
        help_text=_("Paling besar 2 MB. Gunakan templat agar kolomnya sesuai."),
    )

    MAX_BYTES = 2 * 1024 * 1024

    def clean_berkas(self):
        berkas = self.cleaned_data["berkas"]
        name = berkas.name.lower()
        if not name.endswith((".xlsx", ".csv")):
            raise forms.ValidationError(_("Hanya berkas .xlsx atau .csv yang dapat diimpor."))
        if berkas.size > self.MAX_BYTES:
            raise forms.ValidationError(_("Berkas terlalu besar (paling besar 2 MB)."))
        return berkas


class PoktanForm(OnceFormMixin, VersionFormMixin, forms.ModelForm):
    """The poktan and its annual K/0 potensi data."""

    SK_MAX_BYTES = 5 * 1024 * 1024

    class Meta:
        model = Poktan
        field_classes = {"modal": UangField}
        fields = [
            "kampung",
            "jenis",
            "nama",
            "aktif",
            "potensi_tahun",
            "sk_nomor",
            "sk_tanggal",
            "sk_berkas",
            "sumber_dana",
            "keterpaduan",
            "bkb_kit",
            "jumlah_kka",
            "jenis_usaha",
            "modal",
        ]
        widgets = {
            "sk_tanggal": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "potensi_tahun": forms.TextInput(attrs={"inputmode": "numeric"}),
            "bkb_kit": forms.TextInput(attrs={"inputmode": "numeric"}),
            "jumlah_kka": forms.TextInput(attrs={"inputmode": "numeric"}),
        }

    def __init__(self, *args, kampung_qs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].required = False
        self.fields["kampung"].queryset = kampung_qs
        if self.instance.pk:
            # A poktan does not move to another village.
            del self.fields["kampung"]
        for name in ("potensi_tahun", "bkb_kit", "jumlah_kka"):
            self.fields[name].error_messages.update(ANGKA_MESSAGES)
        self.fields["sk_berkas"].help_text = _("PDF, JPG atau PNG, paling besar 5 MB.")

    def clean_potensi_tahun(self):
        from django.utils import timezone

        tahun = self.cleaned_data.get("potensi_tahun")
        if tahun is not None and not 2016 <= tahun <= timezone.localdate().year:
            raise forms.ValidationError(_("Tahun harus antara 2016 dan tahun ini."))
        return tahun

    def clean_sk_tanggal(self):
        from django.utils import timezone

        tanggal = self.cleaned_data.get("sk_tanggal")
        if tanggal and tanggal > timezone.localdate():
            raise forms.ValidationError(_("Tanggal tidak boleh di masa depan."))
        return tanggal

    def clean_sk_berkas(self):
        # By content, not by name; a photographed SK is re-encoded without metadata.
        return uploads.clean_field(
            self.cleaned_data.get("sk_berkas"),
            uploads.clean_document,
            ["pdf", "jpg", "png"],
            max_bytes=self.SK_MAX_BYTES,
            name="sk-poktan",
        )


PengurusFormSet = forms.inlineformset_factory(
    Poktan,
    Pengurus,
    fields=["jabatan", "nama", "pendidikan", "pernah_pelatihan", "kontak"],
    extra=1,
    max_num=15,
    can_delete=True,
)
