"""The photo form of a register page (``FotoKegiatan``) and what the page
needs to show the photos. Its own small POST: the register form is saved
offline by the service worker and cannot carry a file."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kampungkb import uploads
from kampungkb.concurrency import VersionField
from poktan.models_foto import MAKS_FOTO

PESAN_PILIH = _("Pilih foto dari galeri atau ambil foto dengan kamera.")
PESAN_PILIH_LAGI = _(
    "Browser tidak menyimpan pilihan berkas setelah formulir ditolak. Pilih fotonya lagi."
)


class FotoKegiatanForm(forms.Form):
    version = VersionField()
    berkas = forms.FileField(
        label=_("Pilih foto"),
        required=False,
        help_text=_("JPG, PNG atau WEBP, maksimal 8 MB. Foto diperkecil otomatis."),
        widget=forms.FileInput(attrs={"accept": "image/*"}),
    )
    kamera = forms.FileField(
        label=_("Ambil foto"),
        required=False,
        widget=forms.FileInput(attrs={"accept": "image/*", "capture": "environment"}),
    )
    keterangan = forms.CharField(
        label=_("Keterangan foto"),
        max_length=200,
        required=False,
        help_text=_("Misalnya tanggal dan materi pertemuan."),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "foto_%s")  # the register form on the page has its own ids
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        field = "kamera" if data.get("kamera") else "berkas"
        upload = data.get(field)
        if not upload:
            self.add_error("berkas", PESAN_PILIH)
            return data
        try:
            self.foto = uploads.clean_photo(upload)
        except forms.ValidationError as exc:
            self.add_error(field, [*exc.messages, PESAN_PILIH_LAGI])
        return data


class FotoHapusForm(forms.Form):
    version = VersionField()


def foto_context(laporan, *, editable: bool) -> dict:
    """The photos of ``laporan`` and an empty form at its version (a view
    rendering a refused upload passes its own ``foto_form``, or ``foto_ganti``
    and ``foto_target`` for a refused replace or delete)."""
    fotos = list(laporan.foto.all()) if laporan is not None else []
    return {
        "foto_list": fotos,
        "foto_maks": MAKS_FOTO,
        "foto_editable": editable and laporan is not None,
        "foto_form": FotoKegiatanForm(initial={"version": laporan.version if laporan else None}),
        "foto_target": None,  # the photo whose replace/delete was refused
        "foto_ganti": None,  # and its bound form
    }
