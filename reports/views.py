"""Dashboards: kabupaten → kecamatan → desa, read from summary rows only."""

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import redirect, render

from kampungkb.periods import Periode
from kampungkb.replica import replica_read
from kampungkb.scoping import kode_in_scope
from reports import dashboard, outputs, tasks
from reports.access import periode_from, wilayah_for
from reports.xlsx import xlsx_response
from villages.models import Tingkat, Wilayah


def periode_choices(selected: Periode, n: int = 24) -> list[Periode]:
    current = Periode.current()
    choices = [current]
    while len(choices) < n:
        choices.append(choices[-1].prev())
    if selected not in choices:
        choices.append(selected)
    return choices


@login_required
@replica_read
def dasbor_home(request):
    if request.user.wilayah_id:
        return redirect("reports:dasbor", kode=request.user.wilayah_id)
    provinsi = Wilayah.objects.for_user(request.user).children_of(None)
    return render(request, "reports/dasbor_nasional.html", {"provinsi": provinsi})


@login_required
@replica_read
def dasbor(request, kode):
    wilayah = wilayah_for(request.user, kode)
    periode = periode_from(request)
    context = dashboard.dashboard_context(wilayah, periode)
    scope = None if request.user.has_national_scope else request.user.wilayah_id
    context["lineage"] = [(w, kode_in_scope(w.kode, scope)) for w in wilayah.lineage()]
    context["periode_choices"] = periode_choices(periode)
    if context["row"] is None and periode <= Periode.current():
        context["disiapkan"] = tasks.ensure_periode(periode, wilayah.kode)
    if wilayah.tingkat == Tingkat.DESA:
        context["inovasi_list"] = inovasi_desa(request.user, wilayah)
        context["kampung"] = kampung_desa(request.user, wilayah)
    return render(request, "reports/dasbor.html", context)


def kampung_desa(user, desa):
    """The desa's Kampung KB, for the link to its page (one query); None without one."""
    from villages.models import KampungKB

    return KampungKB.objects.for_user(user).filter(desa=desa).only("pk", "nama", "desa").first()


def inovasi_desa(user, desa) -> list:
    """Innovations placed in or linked to this desa, for their PDF links (one query)."""
    from interventions.models import Inovasi

    return list(
        Inovasi.objects.for_user(user)
        .filter(Q(wilayah=desa) | Q(kampung__desa=desa))
        .distinct()
        .order_by("nama")
    )


@login_required
@replica_read
def dasbor_xlsx(request, kode):
    """The dashboard's region table and villages behind, same period as the page."""
    wilayah = wilayah_for(request.user, kode)
    periode = periode_from(request)
    context = dashboard.dashboard_context(wilayah, periode, all_behind=True)
    filename = outputs.filename("dasbor", wilayah, periode, "xlsx")
    return xlsx_response(dashboard.sheets(context), filename)


@login_required
@replica_read
def laporan_index(request):
    """Every report the user may download for their region, and their queued files."""
    from interventions.models import Inovasi
    from reports.models import Unduhan

    periode = periode_from(request)
    wilayah = request.user.wilayah
    context = {
        "wilayah": wilayah,
        "periode": periode,
        "periode_choices": periode_choices(periode),
        "kampung_list": kampung_profil_list(request.user, wilayah),
        "inovasi_list": Inovasi.objects.for_user(request.user)
        .select_related("wilayah")
        .order_by("nama")[:50],
        "unduhan_list": Unduhan.objects.filter(pemilik=request.user).defer("isi")[:10],
    }
    return render(request, "reports/laporan_index.html", context)


KAMPUNG_PROFIL_LIMIT = 50


def kampung_profil_list(user, wilayah):
    """The Kampung KB whose Profil Kampung KB the user may download (one query).

    A desa user has the one link in the region block above."""
    from villages.models import KampungKB

    if wilayah is not None and wilayah.tingkat >= Tingkat.DESA:
        return []
    return list(
        KampungKB.objects.for_user(user)
        .select_related("desa__induk")
        .order_by("desa__induk__nama", "desa__nama")[: KAMPUNG_PROFIL_LIMIT + 1]
    )


@login_required
@replica_read
def daftar_xlsx(request, daftar):
    """A list page as XLSX, filtered exactly as the page (reports.lists)."""
    from django.http import Http404

    from reports.lists import LISTS

    if daftar not in LISTS:
        raise Http404
    sheet = LISTS[daftar](request)
    filename = f"daftar-{daftar}-{Periode.current()}.xlsx"
    return xlsx_response([sheet], filename)
