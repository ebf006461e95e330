"""Forms check the shape of input; services decide the rules."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kampungkb import uploads
from kampungkb.concurrency import VersionFormMixin
from kampungkb.domain import JenisPoktan
from kampungkb.forms import UangField
from kampungkb.idempotency import OnceFormMixin
from poktan.models import (
    COMMON_FIELDS,
    JENIS_FIELDS,
    PENGURUS_FIELDS,
    Anggota,
    Laporan,
    Pengurus,
    Poktan,
)

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


class YaTidakSelect(forms.NullBooleanSelect):
    """A yes/no the older records never stated: empty is "belum diisi", not "tidak"."""

    def __init__(self, attrs=None, ya=None, tidak=None):
        super().__init__(attrs)
        self.choices = [
            ("", _("Belum diisi")),
            ("true", ya or _("Ya")),
            ("false", tidak or _("Tidak")),
        ]

    def format_value(self, value):
        # Unknown selects nothing: the browser shows (and sends) the first, empty option.
        chosen = {True: "true", False: "false", "true": "true", "false": "false"}.get(value)
        return [chosen] if chosen else []


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

        self.fields["notulen"] = forms.CharField(
            label=Laporan._meta.get_field("notulen").verbose_name,
            required=False,
            max_length=5000,
            widget=forms.Textarea(attrs={"rows": 4}),
            help_text=_("Ringkasan materi, diskusi dan kesepakatan pertemuan bulan ini."),
        )

    def figure_names(self) -> list[str]:
        return [n for n in self.fields if n not in ("version", "hadir", "notulen")]

    def hadir(self) -> list[int] | None:
        return self.cleaned_data.get("hadir") if "hadir" in self.fields else None

    def values(self) -> dict:
        values = {n: self.cleaned_data.get(n) for n in self.figure_names()}
        values["notulen"] = self.cleaned_data.get("notulen") or ""
        return values


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
    ada_diskusi = forms.NullBooleanField(
        label=_("Ada diskusi"), required=False, widget=YaTidakSelect(attrs={"class": "form-select"})
    )

    def clean(self):
        data = super().clean()
        filled = [n for n in ("tanggal", "materi", "jumlah_hadir") if data.get(n) not in (None, "")]
        if filled or data.get("narasumber") or data.get("ada_diskusi") is not None:
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
            "jabatan",
            "modal_diperoleh",
            "tahapan_ks",
            "kemandirian_kb",
            "aktif",
        ]
        field_classes = {"modal_diperoleh": UangField}
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
        JenisPoktan.UPPKA: ["jabatan", "jenis_usaha", "modal_diperoleh"],
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
        no_method = not data.get("metode_kb") and "metode_kb" not in self.errors
        if data.get("kemandirian_kb") and no_method:
            self.add_error(
                "kemandirian_kb", _("Kemandirian KB hanya untuk peserta KB; pilih metode KB dulu.")
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
            "sertifikasi_kelompok",
            "total_balita",
        ]
        widgets = {
            "sk_tanggal": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "potensi_tahun": forms.TextInput(attrs={"inputmode": "numeric"}),
            "bkb_kit": forms.TextInput(attrs={"inputmode": "numeric"}),
            "jumlah_kka": forms.TextInput(attrs={"inputmode": "numeric"}),
            "total_balita": forms.TextInput(attrs={"inputmode": "numeric"}),
        }

    def __init__(self, *args, kampung_qs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].required = False
        self.fields["kampung"].queryset = kampung_qs
        if self.instance.pk:
            # A poktan does not move to another village.
            del self.fields["kampung"]
        for name in ("potensi_tahun", "bkb_kit", "jumlah_kka", "total_balita"):
            self.fields[name].error_messages.update(ANGKA_MESSAGES)
        self.fields["sertifikasi_kelompok"].widget = YaTidakSelect(
            ya=_("Sudah bersertifikat"), tidak=_("Belum bersertifikat")
        )
        self.fields["sertifikasi_kelompok"].help_text = _("Kartu K/0/BKB.")
        self.fields["total_balita"].help_text = _("Kartu K/0/BKB: balita di wilayah kelompok.")
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


class PengurusForm(forms.ModelForm):
    class Meta:
        model = Pengurus
        fields = PENGURUS_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status_pus"].widget = YaTidakSelect()
        self.fields["metode_kb"].help_text = _("Kosongkan jika bukan peserta KB.")


PengurusFormSet = forms.inlineformset_factory(
    Poktan,
    Pengurus,
    form=PengurusForm,
    extra=1,
    max_num=15,
    can_delete=True,
)
