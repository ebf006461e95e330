"""Photo forms of an intervention: one photo on its page (``FotoForm``), several
at once while recording it (``FotoBanyakForm``). Every file goes through the
shared pipeline (``kampungkb.uploads.clean_photo``)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from interventions.models import MAKS_FOTO, JenisIntervensi, TipeFoto
from kampungkb import uploads
from kampungkb.idempotency import OnceFormMixin

PESAN_KETERANGAN = _("Foto kegiatan wajib diberi keterangan.")
PESAN_TIPE_SEBELUM_SESUDAH = _(
    "Foto intervensi jenis Sebelum - Sesudah bertipe Sebelum atau Sesudah."
)
PESAN_PILIH_LAGI = _(
    "Foto yang tadi dipilih belum tersimpan: browser tidak menyimpan pilihan berkas "
    "setelah formulir ditolak. Pilih fotonya lagi."
)


def tipe_choices(jenis: str) -> list[tuple[str, str]]:
    """Photo types of a post (domain.md: IntervensiGambarType): a before-after
    post takes Sebelum/Sesudah only; an activity takes Kegiatan and, beside it,
    Sebelum/Sesudah (issue 17: the officer shows the change an activity made)."""
    order = [TipeFoto.KEGIATAN, TipeFoto.SEBELUM, TipeFoto.SESUDAH]
    if jenis == JenisIntervensi.SEBELUM_SESUDAH:
        order = [TipeFoto.SEBELUM, TipeFoto.SESUDAH]
    return [(t.value, t.label) for t in order]


class FotoForm(OnceFormMixin, forms.Form):
    berkas = forms.FileField(
        label=_("Foto"),
        help_text=_("JPG, PNG atau WEBP, maksimal 8 MB. Foto diperkecil otomatis."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/*"}),
    )
    keterangan = forms.CharField(label=_("Keterangan foto"), max_length=200, required=False)
    tipe = forms.ChoiceField(label=_("Tipe foto"), choices=TipeFoto.choices)
    publik = forms.BooleanField(
        label=_("Boleh tampil di halaman publik"),
        required=False,
        help_text=_("Jangan centang bila foto memperlihatkan wajah anak atau data pribadi."),
    )

    def __init__(self, *args, jenis: str = JenisIntervensi.KEGIATAN, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tipe"].choices = tipe_choices(jenis)

    def clean_berkas(self):
        self.foto = uploads.clean_photo(self.cleaned_data["berkas"])
        return self.cleaned_data["berkas"]

    def clean(self):
        data = super().clean()
        if data.get("tipe") == TipeFoto.KEGIATAN and not data.get("keterangan"):
            self.add_error("keterangan", PESAN_KETERANGAN)
        return data


class BanyakFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class BanyakFotoField(forms.FileField):
    """Several files from one input; empty is allowed (photos are optional)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", BanyakFileInput(attrs={"accept": "image/*"}))
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(BanyakFotoField, self).clean(f, initial) for f in files]


class FotoBanyakForm(forms.Form):
    """Photos chosen in the create form: from the camera and/or the gallery.

    "Ambil foto" has ``capture`` (some phones then open only the camera, one
    shot); "Pilih dari galeri" takes several. Both share the type, caption and
    public flag. At most ``MAKS_FOTO`` are kept, in the order chosen."""

    prefix = "foto"

    kamera = BanyakFotoField(
        label=_("Ambil foto"),
        widget=BanyakFileInput(attrs={"accept": "image/*", "capture": "environment"}),
        help_text=_("Membuka kamera ponsel."),
    )
    galeri = BanyakFotoField(
        label=_("Pilih dari galeri"),
        help_text=_("Boleh beberapa foto sekaligus. JPG, PNG atau WEBP, maksimal 8 MB per foto."),
    )
    tipe = forms.ChoiceField(label=_("Tipe foto"), choices=TipeFoto.choices, required=False)
    keterangan = forms.CharField(label=_("Keterangan foto"), max_length=200, required=False)
    publik = forms.BooleanField(
        label=_("Boleh tampil di halaman publik"),
        required=False,
        help_text=_("Jangan centang bila foto memperlihatkan wajah anak atau data pribadi."),
    )

    def __init__(self, *args, jenis: str = JenisIntervensi.KEGIATAN, **kwargs):
        super().__init__(*args, **kwargs)
        # The post's jenis is chosen in the same form: every type is offered,
        # and checked against the jenis only when photos come with it.
        self.jenis = jenis
        self.fields["tipe"].choices = tipe_choices(JenisIntervensi.KEGIATAN)
        self.fotos: list[uploads.CleanUpload] = []
        self.dropped = 0

    @property
    def chosen(self) -> int:
        """How many files were sent (before any check)."""
        if not self.is_bound:
            return 0
        return sum(len(self.files.getlist(self.add_prefix(n))) for n in ("kamera", "galeri"))

    def clean(self):
        data = super().clean()
        files = [*(data.get("kamera") or []), *(data.get("galeri") or [])]
        if not files:
            return data
        kept, self.dropped = files[:MAKS_FOTO], max(0, len(files) - MAKS_FOTO)
        errors = []
        for upload in kept:
            try:
                self.fotos.append(uploads.clean_photo(upload))
            except forms.ValidationError as exc:
                name = uploads.original_name(upload) or "?"
                errors.append(f"{name}: {' '.join(exc.messages)}")
        if errors:
            self.fotos = []
            self.add_error("galeri", errors)
        tipe = data.get("tipe") or TipeFoto.KEGIATAN
        if tipe not in dict(tipe_choices(self.jenis)):
            self.add_error("tipe", PESAN_TIPE_SEBELUM_SESUDAH)
        elif tipe == TipeFoto.KEGIATAN and not data.get("keterangan"):
            self.add_error("keterangan", PESAN_KETERANGAN)
        return data

    def note_refused(self) -> None:
        """The page is shown again: the chosen files are gone, say so at the field."""
        if self.chosen:
            self.add_error("galeri", PESAN_PILIH_LAGI)

    def dropped_message(self) -> str:
        return ngettext(
            "%(n)s foto dipilih; hanya %(k)s yang disimpan (paling banyak %(k)s foto per "
            "intervensi). %(d)s foto terakhir tidak disimpan.",
            "%(n)s foto dipilih; hanya %(k)s yang disimpan (paling banyak %(k)s foto per "
            "intervensi). %(d)s foto terakhir tidak disimpan.",
            self.dropped,
        ) % {"n": len(self.fotos) + self.dropped, "k": len(self.fotos), "d": self.dropped}
