"""Report previews and downloads: the same body template and context
render the HTML preview (inside base.html) and the PDF (inside base_print.html)."""

import uuid

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from kampungkb import timefmt
from kampungkb.periods import Periode
from kampungkb.replica import replica_read
from kampungkb.scoping import get_for_user_or_404
from reports import outputs, pdf, rekap
from reports.access import kabupaten_of, wilayah_for
from reports.profil_inovasi import inovasi_context, nama_berkas
from reports.views import periode_choices
from reports.xlsx import xlsx_response


def tempat_tanggal(kabupaten: str) -> str:
    """'Labuhanbatu, 28 November 2026' for the signature block."""
    tempat = kabupaten.removeprefix("Kabupaten ").removeprefix("Kota ")
    return f"{tempat}, {timefmt.today_text('j F Y')}"


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
@replica_read
def inovasi_pratinjau(request, pk):
    return _inovasi(request, pk, as_pdf=False)


@login_required
@replica_read
def inovasi_pdf(request, pk):
    return _inovasi(request, pk, as_pdf=True)


# --------------------------------------------------------------- Profil Kampung KB


def _kampung(request, kode, as_pdf):
    from villages.views import PAGE_QUERYSET

    kampung = get_for_user_or_404(PAGE_QUERYSET, request.user, desa_id=kode)
    return respond(
        request,
        "reports/pdf/_kampung.html",
        rekap.kampung_context(kampung, request.user),
        judul=_("Profil Kampung KB"),
        kabupaten=kabupaten_of(kampung.desa),
        filename=outputs.filename("profil-kampung-kb", kampung.desa, Periode.current()),
        as_pdf=as_pdf,
        extra={"unduh_pdf": reverse("reports:kampung-pdf", args=[kode])},
    )


@login_required
@replica_read
def kampung_pratinjau(request, kode):
    return _kampung(request, kode, as_pdf=False)


@login_required
@replica_read
def kampung_pdf(request, kode):
    return _kampung(request, kode, as_pdf=True)


# ------------------------------------------------------------ Recaps (PDF and XLSX)


def _recap(request, jenis, kode, fmt):
    spec = outputs.RECAPS.get(jenis)
    if spec is None:
        raise Http404
    wilayah = wilayah_for(request.user, kode)
    if wilayah.tingkat not in spec.tingkat:
        raise Http404
    params = outputs.params_from(request, request.GET)
    context = spec.context(wilayah, params, request.user)
    filename = outputs.filename(spec.slug, wilayah, params["periode"], fmt)
    if fmt == "xlsx":
        return xlsx_response(spec.sheets(context), filename)
    urls = outputs.recap_urls(jenis, kode, request.GET.urlencode())
    extra = {
        "unduh_pdf": urls["pdf"],
        "unduh_xlsx": urls["xlsx"],
        "periode_choices": periode_choices(params["periode"]),
        "antre": wilayah.tingkat <= 2,  # many villages: prepared in the background
        "form_token": uuid.uuid4(),  # a double tap on "Siapkan PDF" queues one job
        "jenis": jenis,
        "wilayah": wilayah,
        "bulan": params["bulan"],
        "bulan_choices": [1, 3, 6, 12],
    }
    return respond(
        request,
        spec.template,
        context,
        judul=str(spec.judul),
        kabupaten=kabupaten_of(wilayah),
        filename=filename,
        as_pdf=fmt == "pdf",
        extra=extra,
    )


@login_required
@replica_read
def rekap_pratinjau(request, jenis, kode):
    return _recap(request, jenis, kode, "html")


@login_required
@replica_read
def rekap_pdf(request, jenis, kode):
    return _recap(request, jenis, kode, "pdf")


@login_required
@replica_read
def rekap_xlsx(request, jenis, kode):
    return _recap(request, jenis, kode, "xlsx")
