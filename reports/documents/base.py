"""What a document is: one report kind of the portal (issue 14 item 2).

A ``Document`` names everything the portal needs to offer, build, name and
render one kind of report — its subject (what it is about, looked up inside
the reader's scope), the region levels it is offered at, the body template
of its HTML preview and PDF, the context both render from, the XLSX sheets,
the file name. ``reports.documents.render`` is the one path that turns an
``Ask`` (who wants which document of what, in which format) into a preview
page, a PDF, an XLSX or a background file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.http import Http404
from django.utils.text import slugify

from kampungkb.periods import Periode, periode_from_request

ALL_LEVELS = (1, 2, 3, 4)  # provinsi, kabupaten, kecamatan, desa


@dataclass
class Ask:
    """One request for a document: by ``user``, about ``subject`` (the
    object ``Document.subject`` found, None for a list), in ``fmt``
    ("html", "pdf" or "xlsx"). ``args`` are the URL arguments (the preview
    links back to its files with them); ``request`` is there when a browser
    asked (a list reads its filters from it), None in a background job."""

    user: object
    subject: object
    fmt: str
    periode: Periode = field(default_factory=Periode.current)
    bulan: int = 1
    args: tuple = ()
    query: str = ""
    request: object = None
    progress: Callable[[int, int], None] | None = None


@dataclass(frozen=True)
class Document:
    """One report kind. ``group`` and ``jenis`` place it in the URL conf
    (``/laporan/<jenis>/<kode>/`` for a ``rekap``); ``name`` is unique and
    starts the file name."""

    name: str
    group: str  # "profil", "rekap", "daftar", "dasbor"
    jenis: str
    judul: str  # lazy: translated when rendered
    subject: Callable[[object, object], object]  # (user, key) -> object in scope, else 404
    context: Callable[[Ask], dict]
    formats: tuple[str, ...]  # of "html", "pdf", "xlsx"
    tingkat: tuple[int, ...] = ALL_LEVELS  # the region levels it is offered at
    template: str = ""  # body template of the preview and the PDF
    sheets: Callable[[dict], list] | None = None  # XLSX sheets from the same context
    filename: Callable[[Ask], str] | None = None  # default: ``region_filename``
    wilayah_of: Callable[[object], object] = lambda subject: subject  # for header, level
    periodic: bool = False  # of a month (?periode=, ?bulan=): period chooser on the preview
    queued_up_to: int = 0  # levels at or above this are prepared in the background
    url_names: dict = field(default_factory=dict)  # fmt -> URL name, for the preview's links
    title: Callable[[dict], str] | None = None  # header title from the context (default: judul)

    def file_name(self, ask: Ask) -> str:
        if self.filename is not None:
            return self.filename(ask)
        return region_filename(self.name, self.wilayah_of(ask.subject), ask.periode, ask.fmt)

    def find(self, user, key):
        """The subject inside ``user``'s scope, at a level the document is
        offered at; 404 otherwise (as for any object outside scope)."""
        subject = self.subject(user, key)
        if subject is not None and self.wilayah_of(subject).tingkat not in self.tingkat:
            raise Http404
        return subject


REGISTRY: dict[str, Document] = {}


def register(document: Document) -> Document:
    if document.name in REGISTRY:
        raise ValueError(f"document {document.name!r} registered twice")
    REGISTRY[document.name] = document
    return document


def of(group: str) -> dict[str, Document]:
    """The documents of one group by ``jenis`` (e.g. the recaps by URL slug)."""
    return {d.jenis: d for d in REGISTRY.values() if d.group == group}


def lookup(group: str, jenis: str, fmt: str) -> Document:
    document = of(group).get(jenis)
    if document is None or fmt not in document.formats:
        raise Http404
    return document


def params_from(request, data) -> dict:
    """periode=YYYY-MM (default this month, a bad value said in a message) and
    bulan=1..12 (months back), from request.GET or request.POST."""
    periode = periode_from_request(request, data=data)
    try:
        bulan = min(max(int(data.get("bulan", 1)), 1), 12)
    except ValueError:
        bulan = 1
    return {"periode": periode, "bulan": bulan}


def region_filename(slug: str, wilayah, periode: Periode, fmt: str = "pdf") -> str:
    """'rekap-poktan-bilah-hulu-12-10-09-2026-11.pdf': names repeat, codes do not."""
    return f"{slug}-{slugify(wilayah.nama)}-{wilayah.kode.replace('.', '-')}-{periode}.{fmt}"
