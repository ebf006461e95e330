"""Upload checks: files are judged by their content, never by their name.

Photos are opened with Pillow under a pixel limit (image bombs refused),
re-encoded as JPEG without EXIF (GPS, camera) and shrunk for phones.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from django import forms
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

MAKS_UKURAN_FOTO = 8 * 1024 * 1024  # bytes of the upload
MAKS_UKURAN_DOKUMEN = 5 * 1024 * 1024
# 40 megapixels: any phone photo passes; a 1 KB PNG claiming 100 000² does not.
MAKS_PIKSEL = 40_000_000
SISI_TERPANJANG = 1280
FORMAT_FOTO = {"JPEG", "PNG", "WEBP", "GIF", "MPO"}

PESAN_BUKAN_GAMBAR = _("Berkas ini bukan gambar yang dapat dibaca. Unggah foto JPG, PNG atau WEBP.")


@dataclass
class FotoBersih:
    berkas: ContentFile
    lebar: int
    tinggi: int


def _size_mb(n: int) -> str:
    return f"{n // (1024 * 1024)}"


def bersihkan_foto(upload) -> FotoBersih:
    """Validate and re-encode an uploaded photo; ValidationError with a clear message."""
    if upload.size > MAKS_UKURAN_FOTO:
        raise forms.ValidationError(
            _("Foto terlalu besar (maksimal %(mb)s MB).") % {"mb": _size_mb(MAKS_UKURAN_FOTO)}
        )
    upload.seek(0)
    data = upload.read()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            probe = Image.open(io.BytesIO(data))
            fmt = probe.format
            lebar, tinggi = probe.size
            if lebar * tinggi > MAKS_PIKSEL:
                raise forms.ValidationError(
                    _("Ukuran gambar terlalu besar (%(w)s × %(h)s piksel).")
                    % {"w": lebar, "h": tinggi}
                )
            probe.verify()
            image = Image.open(io.BytesIO(data))
            image.load()
    except forms.ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise forms.ValidationError(_("Ukuran gambar terlalu besar.")) from exc
    except Exception as exc:  # Pillow raises many types for broken or foreign files
        raise forms.ValidationError(PESAN_BUKAN_GAMBAR) from exc
    if fmt not in FORMAT_FOTO:
        raise forms.ValidationError(PESAN_BUKAN_GAMBAR)
    image = ImageOps.exif_transpose(image)
    image = image.convert("RGB")
    image.thumbnail((SISI_TERPANJANG, SISI_TERPANJANG))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80, optimize=True)  # no exif= → metadata dropped
    return FotoBersih(ContentFile(out.getvalue(), name="foto.jpg"), image.width, image.height)


# Magic numbers of the document types the IID evidence accepts.
def _jenis_berkas(head: bytes) -> str | None:
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[4:8] == b"ftyp":
        return "mov" if head[8:10] == b"qt" else "mp4"
    return None


def periksa_dokumen(upload, diizinkan: list[str]) -> str:
    """Check an evidence file by content against the allowed types; returns its type."""
    if upload.size > MAKS_UKURAN_DOKUMEN:
        raise forms.ValidationError(
            _("Berkas terlalu besar (maksimal %(mb)s MB).") % {"mb": _size_mb(MAKS_UKURAN_DOKUMEN)}
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    jenis = _jenis_berkas(head)
    aliases = {"jpeg": "jpg", "mov": "mov", "mp4": "mp4"}
    allowed = {aliases.get(e, e) for e in diizinkan}
    if jenis is None or jenis not in allowed:
        raise forms.ValidationError(
            _("Isi berkas tidak sesuai. Jenis yang diterima: %(jenis)s.")
            % {"jenis": ", ".join(e.upper() for e in diizinkan)}
        )
    return jenis
