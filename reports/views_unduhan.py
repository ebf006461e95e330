"""Reports prepared in the background: queue, watch progress, download.

An Unduhan belongs to the user who asked for it; anyone else gets 404."""

import uuid

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kampungkb.idempotency import submit_once
from reports import outputs, tasks
from reports.access import wilayah_for
from reports.models import StatusUnduhan, Unduhan
from reports.xlsx import XLSX_TYPE


@login_required
@require_POST
def unduhan_create(request):
    jenis, fmt = request.POST.get("jenis"), request.POST.get("format", "pdf")
    spec = outputs.RECAPS.get(jenis)
    if spec is None or fmt not in ("pdf", "xlsx"):
        raise Http404
    wilayah = wilayah_for(request.user, request.POST.get("kode", ""))
    if wilayah.tingkat not in spec.tingkat:
        raise Http404
    params = outputs.params_from(request, request.POST)
    periode = params["periode"]

    def create() -> str:
        unduhan = Unduhan.objects.create(
            pemilik=request.user,
            jenis=jenis,
            wilayah=wilayah,
            periode=periode.first_day,
            bulan=params["bulan"],
            format=fmt,
            judul=f"{spec.judul} {wilayah.label} {periode.label}",
        )
        tasks.prepare_unduhan.enqueue(unduhan.pk)
        return reverse("reports:unduhan-detail", args=[unduhan.pk])

    # A double tap on "Siapkan PDF" queues one job and shows it twice.
    url, _created = submit_once(_token(request.POST.get("form_token")), create)
    return redirect(url)


def _token(value) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def _own(request, pk) -> Unduhan:
    return get_object_or_404(Unduhan.objects.select_related("wilayah"), pk=pk, pemilik=request.user)


@login_required
def unduhan_detail(request, pk):
    unduhan = _own(request, pk)
    selesai = unduhan.status in (StatusUnduhan.SELESAI, StatusUnduhan.GAGAL)
    return render(request, "reports/unduhan_detail.html", {"unduhan": unduhan, "selesai": selesai})


@login_required
def unduhan_berkas(request, pk):
    unduhan = _own(request, pk)
    if unduhan.status != StatusUnduhan.SELESAI:
        raise Http404(_("Berkas belum siap."))
    content_type = XLSX_TYPE if unduhan.format == "xlsx" else "application/pdf"
    response = HttpResponse(bytes(unduhan.isi), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{unduhan.nama_berkas}"'
    return response
