"""Report previews and downloads: the same body template and context
render the HTML preview (inside base.html) and the PDF (inside base_print.html)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from kampungkb.periods import Periode
from kampungkb.scoping import get_for_user_or_404
from reports import pdf
from reports.access import kabupaten_of
from reports.profil_inovasi import inovasi_context, nama_berkas


def tempat_tanggal(kabupaten: str) -> str:
    """'Labuhanbatu, 28 November 2026' for the signature block."""
    tempat = kabupaten.removeprefix("Kabupaten ").removeprefix("Kota ")
    return f"{tempat}, {formats.date_format(timezone.localdate(), 'j F Y')}"


def respond(request, body_template, context, *, judul, kabupaten, filename, as_pdf, extra=None):
    context = pdf.print_context(context, kabupaten=kabupaten, judul=judul)
    context["tempat_tanggal"] = tempat_tanggal(kabupaten)
    if as_pdf:
        return pdf.pdf_response(pdf.render_pdf(body_template, context, request), filename)
    context.update({"body_template": body_template, **(extra or {})})
    return render(request, "reports/pratinjau.html", context)


def _inovasi(request, pk, as_pdf):
    from interventions.models import Inovasi

    inovasi = get_for_user_or_404(Inovasi.objects.select_related("wilayah"), request.user, pk=pk)
    return respond(
        request,
        "reports/pdf/_inovasi.html",
        inovasi_context(inovasi, request.user, cetak=as_pdf),
        judul=_("Profil Inovasi Daerah"),
        kabupaten=kabupaten_of(inovasi.wilayah),
        filename=nama_berkas(inovasi, Periode.current()),
        as_pdf=as_pdf,
        extra={"unduh_pdf": reverse("reports:inovasi-pdf", args=[pk])},
    )


@login_required
def inovasi_pratinjau(request, pk):
    return _inovasi(request, pk, as_pdf=False)


@login_required
def inovasi_pdf(request, pk):
    return _inovasi(request, pk, as_pdf=True)
