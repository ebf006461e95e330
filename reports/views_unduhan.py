"""Reports prepared in the background: queue, watch progress, download.

An Unduhan belongs to the user who asked for it; anyone else gets 404."""

import uuid

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kampungkb.idempotency import submit_once
from reports import documents, tasks
from reports.documents.render import attachment
from reports.models import StatusUnduhan, Unduhan


@login_required
@require_POST
def unduhan_create(request):
    jenis, fmt = request.POST.get("jenis"), request.POST.get("format", "pdf")
    doc = documents.queued(jenis)
    if doc is None or fmt not in ("pdf", "xlsx") or fmt not in doc.formats:
        raise Http404
    wilayah = doc.find(request.user, request.POST.get("kode", ""))
    params = documents.params_from(request, request.POST)
    periode = params["periode"]

    def create() -> str:
        unduhan = Unduhan.objects.create(
            pemilik=request.user,
            jenis=jenis,
            wilayah=wilayah,
            periode=periode.first_day,
            bulan=params["bulan"],
            format=fmt,
            judul=f"{doc.judul} {wilayah.label} {periode.label}",
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
    fmt = "xlsx" if unduhan.format == "xlsx" else "pdf"
    return attachment(bytes(unduhan.isi), unduhan.nama_berkas, fmt)
