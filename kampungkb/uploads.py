"""Every uploaded file goes through here: judged by its content, never by its
name or the type the browser declares, and stored under a name of ours.

Images (photos, scanned SKs, organisation charts) are opened with Pillow under
a pixel limit (image bombs refused) and re-encoded from their pixels alone: EXIF
(GPS, camera), ICC/XMP segments and JPEG comments do not survive, and the
orientation the camera recorded is applied first. PDFs are checked by their
magic number and kept as they are.

``reencode`` is the step that writes the clean bytes; derived images (e.g.
thumbnails) reuse it so they carry no metadata either.
"""

from __future__ import annotations

import io
import re
import unicodedata
import warnings
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath

from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

MB = 1024 * 1024
MAKS_UKURAN_FOTO = 8 * MB  # bytes of the upload
MAKS_UKURAN_DOKUMEN = 5 * MB
# 40 megapixels: any phone photo passes; a 1 KB PNG claiming 100 000² does not.
MAKS_PIKSEL = 40_000_000
SISI_FOTO = 1280  # longest side of a stored photo
SISI_DOKUMEN = 2400  # a scanned SK or a chart stays readable
FORMAT_GAMBAR = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif", "MPO": "jpg"}

PESAN_BUKAN_GAMBAR = _("Berkas ini bukan gambar yang dapat dibaca. Unggah foto JPG, PNG atau WEBP.")
PESAN_GAMBAR_BESAR = _("Ukuran gambar terlalu besar.")


@dataclass
class CleanUpload:
    """A checked upload, ready for a FileField: ``berkas`` has our name and clean bytes."""

    berkas: SimpleUploadedFile
    lebar: int = 0
    tinggi: int = 0
    nama_asli: str = ""  # what the uploader called it: display text only


def original_name(upload) -> str:
    """The uploader's file name, for display only: no folders, no control characters."""
    raw = str(getattr(upload, "name", "") or "")
    name = PureWindowsPath(PurePosixPath(raw).name).name
    name = unicodedata.normalize("NFC", name)
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C")
    return re.sub(r"\s+", " ", name).strip()[:150]


def _too_big(upload, max_bytes: int, message) -> None:
    if upload.size > max_bytes:
        raise forms.ValidationError(message % {"mb": max_bytes // MB})


def open_image(data: bytes) -> Image.Image:
    """Decode an image under the pixel limit; ValidationError with a clear message."""
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
        raise forms.ValidationError(PESAN_GAMBAR_BESAR) from exc
    except Exception as exc:  # Pillow raises many types for broken or foreign files
        raise forms.ValidationError(PESAN_BUKAN_GAMBAR) from exc
    if fmt not in FORMAT_GAMBAR:
        raise forms.ValidationError(PESAN_BUKAN_GAMBAR)
    return image


def reencode(
    image: Image.Image,
    *,
    longest: int,
    png: bool = False,
    box: tuple[int, int] | None = None,
    quality: int = 80,
) -> tuple[bytes, int, int]:
    """The pixels alone, as JPEG (or lossless PNG), at most ``longest`` px a side
    (or within ``box``, e.g. a thumbnail's width)."""
    image = ImageOps.exif_transpose(image)
    if png:
        image = image.convert("RGBA" if "A" in image.getbands() else "RGB")
    else:
        image = image.convert("RGB")
    image.thumbnail(box or (longest, longest))
    # A fresh image: nothing of the upload's info (comment, exif, icc, xmp) is carried.
    clean = Image.new(image.mode, image.size)
    clean.paste(image)
    out = io.BytesIO()
    if png:
        clean.save(out, "PNG", optimize=True)
    else:
        clean.save(out, "JPEG", quality=quality, optimize=True)
    return out.getvalue(), clean.width, clean.height


def clean_photo(upload, *, max_bytes: int = MAKS_UKURAN_FOTO, name: str = "foto") -> CleanUpload:
    """A photo re-encoded as JPEG for phones; ValidationError with a clear message."""
    _too_big(upload, max_bytes, _("Foto terlalu besar (maksimal %(mb)s MB)."))
    upload.seek(0)
    image = open_image(upload.read())
    data, lebar, tinggi = reencode(image, longest=SISI_FOTO)
    berkas = SimpleUploadedFile(f"{name}.jpg", data, content_type="image/jpeg")
    return CleanUpload(berkas, lebar, tinggi, original_name(upload))


def kind_of(head: bytes) -> str | None:
    """The file type by its magic number (the types the portal accepts)."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "webp"
    if head[4:8] == b"ftyp":
        return "mov" if head[8:10] == b"qt" else "mp4"
    return None


def _or_list(kinds: list[str]) -> str:
    names = [k.upper() for k in kinds]
    if len(names) < 2:
        return "".join(names)
    return _("%(a)s atau %(b)s") % {"a": ", ".join(names[:-1]), "b": names[-1]}


def clean_document(
    upload, allowed: list[str], *, max_bytes: int = MAKS_UKURAN_DOKUMEN, name: str = "berkas"
) -> CleanUpload:
    """A document checked by content; an image among them goes through the image pipeline."""
    _too_big(upload, max_bytes, _("Berkas terlalu besar (maksimal %(mb)s MB)."))
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    aliases = {"jpeg": "jpg"}
    accepted = {aliases.get(e.lower(), e.lower()) for e in allowed}
    kind = kind_of(data[:16])
    if kind is None or kind not in accepted:
        raise forms.ValidationError(
            _("Isi berkas tidak sesuai. Jenis yang diterima: %(jenis)s.")
            % {"jenis": _or_list(allowed)}
        )
    lebar = tinggi = 0
    if kind in ("jpg", "png", "webp"):
        png = kind == "png"
        data, lebar, tinggi = reencode(open_image(data), longest=SISI_DOKUMEN, png=png)
        kind = "png" if png else "jpg"
    content_type = {"pdf": "application/pdf", "jpg": "image/jpeg", "png": "image/png"}
    berkas = SimpleUploadedFile(
        f"{name}.{kind}", data, content_type=content_type.get(kind, "application/octet-stream")
    )
    return CleanUpload(berkas, lebar, tinggi, original_name(upload))


def clean_field(upload, clean, *args, **kwargs):
    """For a form's ``clean_<field>``: a new upload is cleaned, anything else passes."""
    if upload and hasattr(upload, "content_type"):
        return clean(upload, *args, **kwargs).berkas
    return upload
