"""Dashboards (kabupaten → kecamatan → desa, read from summary rows only),
the reports index, and every document (``reports.documents``): look up the
kind, find its subject in the reader's scope, render it."""

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import redirect, render

from kampungkb.periods import Periode, periode_from_request
from kampungkb.replica import replica_read
from kampungkb.scoping import kode_in_scope
from reports import dashboard, documents, tasks
from reports.access import periode_choices, wilayah_for
from reports.documents.render import respond
from villages.models import Tingkat, Wilayah


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
    periode = periode_from_request(request)
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
def laporan_index(request):
    """Every report the user may download for their region, and their queued files."""
    from interventions.models import Inovasi
    from reports.models import Unduhan

    periode = periode_from_request(request)
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
def document(request, group: str, jenis: str, fmt: str, key=None):
    """Any document (``reports.documents``) as preview, PDF or XLSX. The URL
    conf names the group and the format, and the kind when the path does not;
    ``key`` is the subject's key in the path (an innovation's pk, a region's
    code)."""
    doc = documents.lookup(group, jenis, fmt)
    params = documents.params_from(request, request.GET)
    ask = documents.Ask(
        user=request.user,
        subject=doc.find(request.user, key),
        fmt=fmt,
        periode=params["periode"],
        bulan=params["bulan"],
        args=tuple(request.resolver_match.captured_kwargs.values()),  # for its own links
        query=request.GET.urlencode(),
        request=request,
    )
    return respond(request, doc, ask)
