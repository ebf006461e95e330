"""Every report of the portal as a document (``base.Document``): one module
per kind registers it, ``render`` is the one path that renders any of them.
See docs/developing.md, "Adding a report"."""

from reports.documents import (  # noqa: F401  (each module registers its document)
    daftar,
    dasbor,
    profil_inovasi,
    profil_kampung,
    rekap_intervensi,
    rekap_poktan,
    ri,
)
from reports.documents.base import REGISTRY, Ask, Document, lookup, of, params_from

# The recaps by URL slug (and ``Unduhan.jenis``), the XLSX lists by URL slug.
RECAPS = of("rekap")
LISTS = of("daftar")


def queued(jenis: str) -> Document | None:
    """The document a background download (``Unduhan.jenis``) renders."""
    return next((d for d in REGISTRY.values() if d.queued_up_to and d.jenis == jenis), None)


__all__ = [
    "LISTS",
    "RECAPS",
    "REGISTRY",
    "Ask",
    "Document",
    "lookup",
    "of",
    "params_from",
    "queued",
]
