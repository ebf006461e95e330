"""Pages of innovations (inovasi daerah), their IID evidence and files, and
the featured innovations (inovasi unggulan) of a Kampung KB.

Every view: login → object through its scope (outside → 404) → write right
(``access``; read-only → 403) → form → service → redirect with a message.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from interventions import access, iid, selectors, services
from interventions.filters import InovasiFilter
from interventions.forms import (
    BuktiForm,
    InovasiCreateForm,
    InovasiEditForm,
    UnggulanEditForm,
    UnggulanForm,
    word_count,
)
from interventions.models import (
    BuktiIID,
    IndikatorIID,
    Inovasi,
    InovasiUnggulan,
)
from interventions.pages import PER_PAGE, add_errors, query_prefix
from kampungkb import feedback
from kampungkb.concurrency import ConflictError, conflict_context
from kampungkb.contacts import warn_phones
from kampungkb.files import serve_file
from kampungkb.idempotency import ALREADY_SUBMITTED, submit_once
from kampungkb.replica import replica_read
from kampungkb.scoping import get_for_user_or_404
from villages.models import KampungKB

# --- Inovasi -------------------------------------------------------------------


@login_required
@replica_read
def inovasi_list(request):
    filterset = InovasiFilter(
        request.GET, queryset=selectors.inovasi_list_qs(request.user), request=request
    )
    page = Paginator(filterset.qs, PER_PAGE).get_page(request.GET.get("hal"))
    page.object_list = list(page.object_list)
    predikat = iid.predikat_map(page.object_list)
    for obj in page.object_list:
        obj.predikat = predikat[obj.pk]
    return render(
        request,
        "interventions/inovasi_list.html",
        {
            "filter": filterset,
            "page": page,
            "query_prefix": query_prefix(request),
            "can_manage": access.can_manage_inovasi(request.user),
        },
    )


def _inovasi(request, pk) -> Inovasi:
    return get_for_user_or_404(Inovasi, request.user, pk=pk)


@login_required
@replica_read
def inovasi_detail(request, pk):
    inovasi = get_for_user_or_404(
        Inovasi.objects.select_related(*selectors.PROFILE_RELATED), request.user, pk=pk
    )
    context = selectors.inovasi_profile(inovasi, user=request.user)
    context["can_manage"] = access.can_manage_inovasi(request.user)
    return render(request, "interventions/inovasi_detail.html", context)


def _inovasi_form_page(request, form, obj=None, extra=None):
    context = {
        "form": form,
        "obj": obj,
        "kata": form.rancang_bangun_kata,
        "kata_min": 300,
        **(extra or {}),
    }
    return render(request, "interventions/inovasi_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def inovasi_create(request):
    access.require(access.can_manage_inovasi(request.user))
    form = InovasiCreateForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():

        def create() -> str:
            obj = services.inovasi_create(
                data=form.cleaned_data, files=form.uploaded_files(), by=request.user
            )
            _warn_words(request, obj)
            warn_phones(request, form)
            return reverse("interventions:inovasi-bukti", args=[obj.pk])

        url, created = submit_once(form.cleaned_data.get("form_token"), create)
        if created:
            messages.success(request, _("Profil inovasi tersimpan. Lengkapi data pendukung IID."))
        else:
            messages.info(request, ALREADY_SUBMITTED)
        return redirect(url)
    return _inovasi_form_page(request, form)


def _warn_words(request, obj):
    n = word_count(obj.rancang_bangun)
    if n < 300:
        messages.warning(
            request,
            _("Rancang bangun baru %(n)s kata; IID meminta minimal 300 kata.") % {"n": n},
        )


@login_required
@require_http_methods(["GET", "POST"])
def inovasi_edit(request, pk):
    obj = _inovasi(request, pk)
    access.require(access.can_manage_inovasi(request.user))
    form = InovasiEditForm(
        request.POST or None,
        request.FILES or None,
        instance=obj,
        initial={"version": obj.version},
        user=request.user,
    )
    extra = {}
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.inovasi_update(
                inovasi=obj,
                data=form.cleaned_data,
                files=form.uploaded_files(),
                expected_version=form.cleaned_data["version"],
                by=request.user,
            )
        except ConflictError as exc:
            extra = conflict_context(exc, user=request.user, form=form)
        else:
            _warn_words(request, obj)
            feedback.saved(
                request,
                stored=saved.version != form.cleaned_data["version"],
                text=_("Profil inovasi tersimpan."),
            )
            warn_phones(request, form)
            return redirect("interventions:inovasi-detail", pk=obj.pk)
    return _inovasi_form_page(request, form, obj, extra)


@login_required
def inovasi_bukti(request, pk):
    obj = _inovasi(request, pk)
    return render(
        request,
        "interventions/inovasi_bukti.html",
        {
            "inovasi": obj,
            "kematangan": iid.kematangan(obj),
            "can_manage": access.can_manage_inovasi(request.user),
        },
    )


def _indikator(obj: Inovasi, nomor: int) -> IndikatorIID:
    return get_object_or_404(
        IndikatorIID.objects.prefetch_related("parameter"), tahun_id=obj.tahun_iid_id, nomor=nomor
    )


@login_required
@require_http_methods(["GET", "POST"])
def bukti_edit(request, pk, nomor):
    obj = _inovasi(request, pk)
    access.require(access.can_manage_inovasi(request.user))
    indikator = _indikator(obj, nomor)
    bukti = BuktiIID.objects.filter(inovasi=obj, indikator=indikator).first()
    form = BuktiForm(
        request.POST or None,
        request.FILES or None,
        instance=bukti,
        initial={"version": bukti.version if bukti else None},
        indikator=indikator,
    )
    context = {"form": form, "inovasi": obj, "indikator": indikator, "bukti": bukti}
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            saved = services.bukti_save(
                inovasi=obj,
                indikator=indikator,
                data={k: data[k] for k in services.BUKTI_FIELDS},
                berkas=form.upload.berkas if form.upload else None,
                nama_berkas=form.upload.nama_asli if form.upload else "",
                hapus_berkas=data["hapus_berkas"],
                expected_version=data.get("version") if bukti else None,
                by=request.user,
            )
        except ConflictError as exc:
            context.update(conflict_context(exc, user=request.user, form=form))
        except ValidationError as exc:
            form.add_error("parameter", exc)
        else:
            feedback.saved(
                request,
                stored=bukti is None or saved.version != bukti.version,
                text=_("Data pendukung indikator %(n)s tersimpan.") % {"n": nomor},
            )
            return redirect("interventions:inovasi-bukti", pk=obj.pk)
    return render(request, "interventions/bukti_form.html", context)


@login_required
def bukti_berkas(request, pk, nomor):
    obj = _inovasi(request, pk)
    bukti = get_object_or_404(
        BuktiIID, inovasi=obj, indikator__nomor=nomor, indikator__tahun_id=obj.tahun_iid_id
    )
    return serve_file(bukti.berkas, f"bukti-{bukti.pk}", attachment=True)


BERKAS_INOVASI = {"anggaran": "berkas_anggaran", "profil-bisnis": "berkas_profil_bisnis"}


@login_required
def inovasi_berkas(request, pk, jenis):
    obj = _inovasi(request, pk)
    if jenis not in BERKAS_INOVASI:
        raise Http404
    return serve_file(
        getattr(obj, BERKAS_INOVASI[jenis]), f"{jenis}-inovasi-{obj.pk}", attachment=True
    )


# --- Inovasi unggulan ---------------------------------------------------------------


def _kampung_url(kampung) -> str:
    # The Kampung KB page belongs to the villages app; fall back while it is absent.
    try:
        return reverse("villages:kampung-detail", kwargs={"kode": kampung.desa_id})
    except NoReverseMatch:
        return reverse("interventions:intervensi-list") + f"?kampung={kampung.desa_id}"


@login_required
@require_http_methods(["GET", "POST"])
def unggulan_create(request, kampung_id):
    kampung = get_for_user_or_404(
        KampungKB.objects.select_related("desa"), request.user, pk=kampung_id
    )
    access.require(access.can_manage_unggulan(request.user))
    form = UnggulanForm(request.POST or None, kampung=kampung)
    if request.method == "POST" and form.is_valid():
        try:
            services.unggulan_create(kampung=kampung, data=form.cleaned_data, by=request.user)
        except ValidationError as exc:  # the name was taken by a concurrent request
            add_errors(form, exc)
        else:
            messages.success(request, _("Inovasi unggulan tersimpan."))
            warn_phones(request, form)
            return redirect(_kampung_url(kampung))
    return render(request, "interventions/unggulan_form.html", {"form": form, "kampung": kampung})


@login_required
@require_http_methods(["GET", "POST"])
def unggulan_edit(request, pk):
    obj = get_for_user_or_404(
        InovasiUnggulan.objects.select_related("kampung__desa"), request.user, pk=pk
    )
    access.require(access.can_manage_unggulan(request.user))
    form = UnggulanEditForm(request.POST or None, instance=obj, initial={"version": obj.version})
    context = {"form": form, "kampung": obj.kampung, "obj": obj}
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.unggulan_update(
                unggulan=obj,
                data=form.cleaned_data,
                expected_version=form.cleaned_data["version"],
                by=request.user,
            )
        except ConflictError as exc:
            context.update(conflict_context(exc, user=request.user, form=form))
        else:
            feedback.saved(
                request,
                stored=saved.version != form.cleaned_data["version"],
                text=_("Inovasi unggulan tersimpan."),
            )
            warn_phones(request, form)
            return redirect(_kampung_url(obj.kampung))
    return render(request, "interventions/unggulan_form.html", context)
