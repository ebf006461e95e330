"""The completeness grid of the PKB and the kabupaten (``poktan/kelengkapan.py``)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from kampungkb.periods import (
    Periode,
    due_date,
    periode_from_request,
)
from kampungkb.replica import replica_read
from kampungkb.scoping import kode_in_scope
from poktan import access, pengingat, peringatan
from poktan.kelengkapan import (
    KEADAAN_CSS,
    KEADAAN_LABELS,
    Keadaan,
    desa_grid,
    rollup,
    verification_queue,
)
from villages.models import Tingkat, Wilayah


def _kelengkapan_params(request):
    periode = periode_from_request(request)
    kode = request.GET.get("wilayah") or request.user.wilayah_id
    if kode and not kode_in_scope(kode, request.user.wilayah_id):
        kode = request.user.wilayah_id
    return periode, kode


@login_required
@replica_read
def kelengkapan(request):
    periode, kode = _kelengkapan_params(request)
    wilayah = Wilayah.objects.filter(kode=kode).first() if kode else None
    if kode and wilayah is None:
        kode = request.user.wilayah_id
        wilayah = request.user.wilayah
    today = timezone.localdate()
    is_grid = wilayah is not None and wilayah.tingkat >= Tingkat.KECAMATAN
    context = {
        "periode": periode,
        "wilayah": wilayah,
        "is_grid": is_grid,
        "due": due_date(periode),
        "prev_month": periode.prev() if periode.prev().in_range else None,
        "next_month": periode.next() if periode < Periode.current() else None,
        "legend": [(KEADAAN_LABELS[k], KEADAAN_CSS[k]) for k in Keadaan],
        "queue": peringatan.for_queue(list(verification_queue(request.user, kode, limit=20))),
        "can_review": access.can_review(request.user),
    }
    if is_grid:
        context["rows"] = desa_grid(request.user, kode, periode, today)
    else:
        context["rollup"] = rollup(request.user, kode, periode, today)
    pengingat.add_to_context(request, context)
    return render(request, "poktan/kelengkapan.html", context)
