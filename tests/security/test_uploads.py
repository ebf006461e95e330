"""Uploads (issue 8 §3): wrong type by content, oversized, image bombs (huge
dimensions) and zero bytes are each refused at the file field with a clear
message; nothing is written, not a row and not a file.

Every upload field of every form is listed; the baseline of the rest of the
form is what the page rendered, so only the file decides."""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse

from interventions.tests.factories import jpeg_bytes
from tests.security.forms import baseline, context_forms, form_fields, row_counts

pytestmark = pytest.mark.django_db

HTML_AS_PDF = b"<html><body><script>alert(document.cookie)</script></body></html>"


def png_claiming(width: int, height: int) -> bytes:
    """A valid, tiny PNG whose header claims ``width`` × ``height`` pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit greyscale
    idat = zlib.compress(b"\x00" * 64)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def oversized(limit: int, head: bytes) -> bytes:
    return head + b"\x00" * (limit + 1 - len(head))


MB = 1024 * 1024


@dataclass
class UploadCase:
    id: str
    persona: str
    page: Any
    field: str
    content_type: str
    bad: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    post: Any = None
    extra: dict = field(default_factory=dict)


def image_bad(limit: int) -> dict[str, tuple[str, bytes]]:
    return {
        "pdf-named-jpg": ("foto.jpg", b"%PDF-1.4\n%%EOF\n"),
        "html-named-png": ("foto.png", HTML_AS_PDF),
        "oversized": ("besar.jpg", oversized(limit, jpeg_bytes())),
        "bomb": ("bom.png", png_claiming(30_000, 30_000)),
        "empty": ("kosong.jpg", b""),
    }


def document_bad(limit: int, name: str = "sk.pdf") -> dict[str, tuple[str, bytes]]:
    return {
        "html-named-pdf": (name, HTML_AS_PDF),
        "html-named-html": ("sk.html", HTML_AS_PDF),
        "oversized": (name, oversized(limit, b"%PDF-1.4\n")),
        "empty": (name, b""),
    }


def url(name, *args):
    return lambda w: reverse(name, args=[a(w) for a in args])


def kode(w):
    return w.kampung.desa_id


def _laporan_ini(w, name):
    """This month's draft register (the photo form shows once it is saved)."""
    from poktan.models import Laporan

    Laporan.objects.get_or_create(poktan=w.poktan, periode=w.periode.first_day)
    return reverse(f"poktan:{name}", args=[w.poktan.pk, w.periode])


CASES = [
    UploadCase(
        "kampung foto_sampul",
        "opd_labuhanbatu",
        url("villages:kampung-edit", kode),
        "foto_sampul",
        "image/jpeg",
        image_bad(2 * MB),
    ),
    UploadCase(
        "kampung struktur_organisasi",
        "opd_labuhanbatu",
        url("villages:kampung-edit", kode),
        "struktur_organisasi",
        "image/png",
        image_bad(2 * MB),
    ),
    UploadCase(
        "pokja sk_berkas",
        "kader_pondokbatu",
        url("villages:pokja-edit", kode),
        "sk_berkas",
        "application/pdf",
        document_bad(5 * MB),
    ),
    UploadCase(
        "profil rkm_berkas",
        "kader_pondokbatu",
        url("villages:snapshot-edit", kode, lambda w: "profil", lambda w: str(w.periode)),
        "rkm_berkas",
        "application/pdf",
        document_bad(5 * MB),
    ),
    UploadCase(
        "poktan sk_berkas",
        "opd_labuhanbatu",
        url("poktan:poktan-edit", lambda w: w.poktan.pk),
        "sk_berkas",
        "application/pdf",
        document_bad(5 * MB),
    ),
    UploadCase(
        "intervensi foto",
        "opd_labuhanbatu",
        url("interventions:intervensi-detail", lambda w: w.intervensi.pk),
        "berkas",
        "image/jpeg",
        image_bad(8 * MB),
        post=url("interventions:foto-add", lambda w: w.intervensi.pk),
        extra={"keterangan": ["Posyandu"], "tipe": ["Kegiatan"]},
    ),
    UploadCase(
        "foto kegiatan laporan",
        "kader_pondokbatu",
        lambda w: _laporan_ini(w, "laporan-edit"),
        "berkas",
        "image/jpeg",
        image_bad(8 * MB),
        post=lambda w: _laporan_ini(w, "laporan-foto-add"),
        extra={"keterangan": ["Penyuluhan gizi"]},
    ),
    UploadCase(
        "inovasi berkas_anggaran",
        "opd_labuhanbatu",
        url("interventions:inovasi-edit", lambda w: w.inovasi.pk),
        "berkas_anggaran",
        "application/pdf",
        document_bad(5 * MB),
    ),
    UploadCase(
        "bukti berkas",
        "opd_labuhanbatu",
        url("interventions:bukti-edit", lambda w: w.inovasi.pk, lambda w: 1),
        "berkas",
        "application/pdf",
        document_bad(5 * MB),
    ),
    UploadCase(
        "anggota impor",
        "kader_pondokbatu",
        url("poktan:anggota-import", lambda w: w.poktan.pk),
        "berkas",
        "text/csv",
        {
            "png-named-xlsx": ("anggota.xlsx", png_claiming(10, 10)),
            "html-named-csv": ("anggota.csv", HTML_AS_PDF),
            "oversized": ("anggota.csv", oversized(2 * MB, b"Nama kepala keluarga,Nomor KK\n")),
            "empty": ("anggota.csv", b""),
            "exe": ("anggota.exe", b"MZ\x90\x00"),
        },
    ),
]


def _files_under(root) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_uploads_are_refused_at_the_field(case, sec, client_for, media):
    client = client_for(getattr(sec.personas, case.persona))
    page_url = case.page(sec)
    post_url = (case.post or case.page)(sec)
    page = client.get(page_url)
    assert page.status_code == 200
    data = baseline(form_fields(page.content.decode(), post_url, page_url)) | case.extra
    files_before = _files_under(media)
    for kind, (name, content) in case.bad.items():
        upload = SimpleUploadedFile(name, content, content_type=case.content_type)
        with transaction.atomic():
            before = row_counts()
            response = client.post(post_url, {**data, case.field: upload})
            assert response.status_code in (200, 400), (
                f"{case.id}: {kind} upload answered {response.status_code} (accepted?)"
            )
            errors = [
                str(e)
                for f in context_forms(response)
                if hasattr(f, "fields")
                for e in f.errors.get(case.field, [])
            ]
            assert errors, f"{case.id}: {kind} refused without a message at the field"
            assert row_counts() == before, f"{case.id}: {kind} wrote rows"
            transaction.set_rollback(True)
        assert _files_under(media) == files_before, f"{case.id}: {kind} left a file behind"
