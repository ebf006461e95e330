"""The one render path of every document: the HTML preview, the PDF, the
XLSX — asked for in a browser or prepared by the background job
(``reports.tasks.prepare_unduhan``) — all start from ``Document.context``.

The preview and the PDF render the same body template with the same context
(the preview inside ``reports/pratinjau.html``, the PDF inside
``base_print.html``, see ``reports.pdf``); the XLSX writes the document's
sheets from that context. Same context, same numbers.
"""

from __future__ import annotations

import uuid

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse

from kampungkb import timefmt
from kampungkb.periods import Periode
from reports import pdf, xlsx
from reports.access import kabupaten_of, periode_choices
from reports.documents.base import Ask, Document

CONTENT_TYPES = {"pdf": "application/pdf", "xlsx": xlsx.XLSX_TYPE}
BULAN_CHOICES = [1, 3, 6, 12]


def tempat_tanggal(kabupaten: str) -> str:
    """'Labuhanbatu, 28 November 2026' for the signature block."""
    tempat = kabupaten.removeprefix("Kabupaten ").removeprefix("Kota ")
    return f"{tempat}, {timefmt.today_text('j F Y')}"


def context_of(document: Document, ask: Ask) -> dict:
    """The document's context; a printed one (preview, PDF) also gets the
    header (kabupaten, title, time) and the signature's place and date."""
    context = document.context(ask)
    if ask.fmt == "xlsx":
        return context
    kabupaten = kabupaten_of(document.wilayah_of(ask.subject))
    judul = document.title(context) if document.title else str(document.judul)
    context = pdf.print_context(context, kabupaten=kabupaten, judul=judul)
    context["tempat_tanggal"] = tempat_tanggal(kabupaten)
    return context


def render_file(document: Document, ask: Ask, request=None) -> tuple[bytes, str]:
    """The PDF or XLSX bytes and the file name."""
    context = context_of(document, ask)
    if ask.fmt == "xlsx":
        content = xlsx.workbook_bytes(document.sheets(context))
    else:
        content = pdf.render_pdf(document.template, context, request)
    return content, document.file_name(ask)


def attachment(content: bytes, filename: str, fmt: str) -> HttpResponse:
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def respond(request, document: Document, ask: Ask) -> HttpResponse:
    """A browser's answer: the preview page, or the file as an attachment."""
    if ask.fmt != "html":
        return attachment(*render_file(document, ask, request), ask.fmt)
    context = context_of(document, ask)
    context.update({"body_template": document.template, **preview_extra(document, ask)})
    return render(request, "reports/pratinjau.html", context)


def preview_extra(document: Document, ask: Ask) -> dict:
    """The preview's own parts: links to the files (with the same query), and
    for a document of a month the period chooser and the background queue."""
    suffix = f"?{ask.query}" if document.periodic and ask.query else ""
    extra = {
        f"unduh_{fmt}": reverse(name, args=ask.args) + suffix
        for fmt, name in document.url_names.items()
    }
    if document.periodic:
        wilayah = document.wilayah_of(ask.subject)
        extra |= {
            "periode_choices": periode_choices(ask.periode),
            # Many villages: prepared in the background ("Siapkan PDF").
            "antre": wilayah.tingkat <= document.queued_up_to,
            "form_token": uuid.uuid4(),  # a double tap on "Siapkan PDF" queues one job
            "jenis": document.jenis,
            "wilayah": wilayah,
            "bulan": ask.bulan,
            "bulan_choices": BULAN_CHOICES,
        }
    return extra


def render_unduhan(unduhan, progress) -> tuple[bytes, str]:
    """A queued download, rendered for its owner (scope applied again now:
    the owner may have moved since they asked)."""
    from reports.documents import queued

    document = queued(unduhan.jenis)
    ask = Ask(
        user=unduhan.pemilik,
        subject=unduhan.wilayah,
        fmt=unduhan.format,
        periode=Periode.of(unduhan.periode),
        bulan=unduhan.bulan,
        progress=progress,
    )
    return render_file(document, ask)
