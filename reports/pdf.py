"""PDF pipeline: WeasyPrint, A4, the shipped DejaVu font, no network.

A report is a body template (``reports/pdf/_<name>.html``) rendered with one
context. The HTML preview wraps it in ``base.html``; the PDF wraps it in
``base_print.html`` (header with the kabupaten name, footer "Halaman X dari
Y" and the generation date). Same body, same context, same numbers.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from kampungkb.contacts import mask_phones

# A base URL no request ever leaves for: the fetcher answers it from disk.
BASE_URL = "http://portal.invalid/"


def collected(name: str) -> Path | None:
    """``name`` in STATIC_ROOT: in production ``{% static %}`` gives the
    hashed names of the manifest storage, which only collectstatic wrote."""
    if not settings.STATIC_ROOT:
        return None
    root = Path(settings.STATIC_ROOT).resolve()
    path = (root / name).resolve()
    return path if path.is_relative_to(root) and path.is_file() else None


class LocalFetcher(URLFetcher):
    """Serves /static/ from the static finders and file:// only inside
    MEDIA_ROOT; refuses everything else, so a PDF never fetches over the network."""

    def fetch(self, url, headers=None):
        path = self.local_path(url)
        if path is None:
            raise ValueError(f"sumber di luar portal ditolak: {url}")
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), headers={"Content-Type": mime})

    @staticmethod
    def local_path(url: str) -> Path | None:
        parts = urlsplit(url)
        if url.startswith(BASE_URL) and parts.path.startswith(settings.STATIC_URL):
            name = unquote(parts.path.removeprefix(settings.STATIC_URL))
            found = finders.find(name)
            return Path(found) if found else collected(name)
        if parts.scheme == "file":
            path = Path(unquote(parts.path)).resolve()
            media = Path(settings.MEDIA_ROOT).resolve()
            if path.is_relative_to(media) and path.is_file():
                return path
        return None


def print_context(context: dict, *, kabupaten: str, judul: str) -> dict:
    return {
        **context,
        "kop_kabupaten": kabupaten,
        "judul_dokumen": judul,
        "dibuat_pada": timezone.localtime(),
    }


def render_document(body_template: str, context: dict, request=None):
    """The body template inside base_print.html, laid out in pages (a
    WeasyPrint Document: tests read where every box landed)."""
    html = render_to_string(
        "base_print.html", {**context, "body_template": body_template}, request=request
    )
    # Documents travel beyond the portal: phone numbers typed into free text
    # are masked for every reader (kampungkb/contacts.py, issue 13 §7).
    html = mask_phones(html)
    return HTML(string=html, base_url=BASE_URL, url_fetcher=LocalFetcher()).render()


def render_pdf(body_template: str, context: dict, request=None) -> bytes:
    """The body template inside base_print.html, as PDF bytes."""
    return render_document(body_template, context, request).write_pdf()


def pdf_response(pdf: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
