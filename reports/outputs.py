"""The recap reports by kind: how to build, name and render each, for the
views and for the background task (``tasks.prepare_unduhan``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from kampungkb.periods import Periode, periode_from_request
from reports import rekap


@dataclass(frozen=True)
class Recap:
    slug: str
    judul: str
    template: str
    tingkat: tuple[int, ...]  # region levels the recap exists for
    context: Callable
    sheets: Callable


def _poktan(wilayah, params, user, progress=None):
    return rekap.rekap_poktan_context(wilayah, params["periode"], user, progress)


def _intervensi(wilayah, params, user, progress=None):
    return rekap.rekap_intervensi_context(wilayah, params["periode"], params["bulan"], user)


RECAPS = {
    "poktan": Recap(
        "rekap-poktan",
        _("Rekap Bulanan Poktan"),
        "reports/pdf/_rekap_poktan.html",
        (1, 2, 3),
        _poktan,
        rekap.rekap_poktan_sheets,
    ),
    "intervensi": Recap(
        "rekap-intervensi",
        _("Rekap Intervensi Lintas Sektor"),
        "reports/pdf/_rekap_intervensi.html",
        (1, 2, 3, 4),
        _intervensi,
        rekap.rekap_intervensi_sheets,
    ),
}


def params_from(request, data) -> dict:
    """periode=YYYY-MM (default this month, a bad value said in a message) and
    bulan=1..12 (months back), from request.GET or request.POST."""
    periode = periode_from_request(request, data=data)
    try:
        bulan = min(max(int(data.get("bulan", 1)), 1), 12)
    except ValueError:
        bulan = 1
    return {"periode": periode, "bulan": bulan}


def filename(slug: str, wilayah, periode: Periode, fmt: str = "pdf") -> str:
    """'rekap-poktan-bilah-hulu-12-10-09-2026-11.pdf': names repeat, codes do not."""
    return f"{slug}-{slugify(wilayah.nama)}-{wilayah.kode.replace('.', '-')}-{periode}.{fmt}"


def recap_urls(jenis: str, kode: str, query: str) -> dict:
    suffix = f"?{query}" if query else ""
    return {
        fmt: reverse(f"reports:rekap-{fmt}", args=[jenis, kode]) + suffix for fmt in ("pdf", "xlsx")
    }


def render_unduhan(unduhan, progress) -> tuple[bytes, str]:
    """Render a queued recap for its owner (scope re-applied at render time)."""
    from reports import pdf, xlsx
    from reports.access import kabupaten_of
    from reports.views_pdf import tempat_tanggal

    spec = RECAPS[unduhan.jenis]
    periode = Periode.of(unduhan.periode)
    params = {"periode": periode, "bulan": unduhan.bulan}
    context = spec.context(unduhan.wilayah, params, unduhan.pemilik, progress)
    name = filename(spec.slug, unduhan.wilayah, periode, unduhan.format)
    if unduhan.format == "xlsx":
        return xlsx.workbook_bytes(spec.sheets(context)), name
    kabupaten = kabupaten_of(unduhan.wilayah)
    context = pdf.print_context(context, kabupaten=kabupaten, judul=str(spec.judul))
    context["tempat_tanggal"] = tempat_tanggal(kabupaten)
    return pdf.render_pdf(spec.template, context), name
