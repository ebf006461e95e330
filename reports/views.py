"""Dashboards: kabupaten → kecamatan → desa, read from summary rows only."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from kampungkb.periods import Periode
from kampungkb.scoping import kode_in_scope
from reports import dashboard
from reports.access import periode_from, wilayah_for
from villages.models import Wilayah


def periode_choices(selected: Periode, n: int = 24) -> list[Periode]:
    current = Periode.current()
    choices = [current]
    while len(choices) < n:
        choices.append(choices[-1].prev())
    if selected not in choices:
        choices.append(selected)
    return choices


@login_required
def dasbor_home(request):
    if request.user.wilayah_id:
        return redirect("reports:dasbor", kode=request.user.wilayah_id)
    provinsi = Wilayah.objects.for_user(request.user).children_of(None)
    return render(request, "reports/dasbor_nasional.html", {"provinsi": provinsi})


@login_required
def dasbor(request, kode):
    wilayah = wilayah_for(request.user, kode)
    periode = periode_from(request)
    context = dashboard.dashboard_context(wilayah, periode)
    scope = None if request.user.has_national_scope else request.user.wilayah_id
    context["lineage"] = [(w, kode_in_scope(w.kode, scope)) for w in wilayah.lineage()]
    context["periode_choices"] = periode_choices(periode)
    return render(request, "reports/dasbor.html", context)
