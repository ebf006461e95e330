"""Pages of interventions and their photos, and of agencies (instansi).

Every view: login → object through its scope (outside → 404) → write right
(``access``; read-only → 403) → form → service → redirect with a message.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from interventions import access, selectors, services
from interventions.filters import IntervensiFilter
from interventions.forms import (
    InstansiLokalForm,
    IntervensiEditForm,
)
from interventions.forms_foto import FotoForm
from interventions.models import (
    FotoIntervensi,
    Instansi,
    Intervensi,
)
from interventions.pages import PER_PAGE, add_errors, query_prefix
from kampungkb import feedback, thumbnails
from kampungkb.concurrency import ConflictError, conflict_context
from kampungkb.contacts import warn_phones
from kampungkb.files import serve_file
from kampungkb.idempotency import ALREADY_SUBMITTED, submit_once
from kampungkb.replica import replica_read
from kampungkb.scoping import get_for_user_or_404

# --- Intervensi ----------------------------------------------------------------


@login_required
@replica_read
def intervensi_list(request):
    filterset = IntervensiFilter(
        request.GET, queryset=selectors.intervensi_list_qs(request.user), request=request
    )
    page = Paginator(filterset.qs, PER_PAGE).get_page(request.GET.get("hal"))
    for obj in page:
        obj.can_edit = access.can_edit_intervensi(request.user, obj)
    return render(
        request,
        "interventions/intervensi_list.html",
        {
            "filter": filterset,
            "page": page,
            "query_prefix": query_prefix(request),
            "can_create": access.can_create_intervensi(request.user),
        },
    )


def _intervensi(request, pk) -> Intervensi:
    qs = Intervensi.objects.select_related(
        "kampung__desa", "instansi_pemilik", "inpres_kegiatan__program__sasaran", "dibuat_oleh"
    )
    return get_for_user_or_404(qs, request.user, pk=pk)


def _detail(request, obj, foto_form=None, status=200):
    can_edit = access.can_edit_intervensi(request.user, obj)
    if can_edit and foto_form is None:
        foto_form = FotoForm(jenis=obj.jenis)
    foto = list(obj.foto.all())
    return render(
        request,
        "interventions/intervensi_detail.html",
        {
            "obj": obj,
            "instansi": list(obj.instansi.all()),
            "foto_list": foto,
            "can_edit": can_edit,
            "foto_form": foto_form if can_edit and len(foto) < 5 else None,
        },
        status=status,
    )


@login_required
@replica_read
def intervensi_detail(request, pk):
    return _detail(request, _intervensi(request, pk))


@login_required
@require_http_methods(["GET", "POST"])
def intervensi_edit(request, pk):
    obj = _intervensi(request, pk)
    access.require(access.can_edit_intervensi(request.user, obj))
    form = IntervensiEditForm(
        request.POST or None, instance=obj, initial={"version": obj.version}, user=request.user
    )
    context = {"form": form, "obj": obj}
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            saved = services.intervensi_update(
                intervensi=obj,
                data=data,
                instansi=data["instansi"],
                expected_version=data["version"],
                by=request.user,
            )
        except ConflictError as exc:
            context.update(conflict_context(exc, user=request.user, form=form))
        else:
            feedback.saved(
                request,
                stored=saved.version != data["version"],
                text=_("Perubahan intervensi tersimpan."),
            )
            warn_phones(request, form)
            return redirect("interventions:intervensi-detail", pk=obj.pk)
    return render(request, "interventions/intervensi_form.html", context)


@login_required
@require_POST
def foto_add(request, pk):
    obj = _intervensi(request, pk)
    access.require(access.can_edit_intervensi(request.user, obj))
    form = FotoForm(request.POST, request.FILES, jenis=obj.jenis)
    if form.is_valid():

        def add() -> str:
            services.foto_add(
                intervensi=obj,
                foto=form.foto,
                keterangan=form.cleaned_data["keterangan"],
                tipe=form.cleaned_data["tipe"],
                publik=form.cleaned_data["publik"],
                by=request.user,
            )
            return reverse("interventions:intervensi-detail", args=[obj.pk])

        try:  # a double submit adds the photo once
            url, created = submit_once(form.cleaned_data.get("form_token"), add)
        except ValidationError as exc:
            # No free slot (the page's form is hidden then): a refusal said
            # on the page as it is, not a field error nobody sees.
            messages.error(request, " ".join(exc.messages))
            return redirect("interventions:intervensi-detail", pk=obj.pk)
        else:
            messages.success(request, _("Foto ditambahkan.") if created else ALREADY_SUBMITTED)
            return redirect(url)
    return _detail(request, obj, foto_form=form, status=400)


@login_required
@require_POST
def foto_delete(request, pk):
    foto = get_for_user_or_404(
        FotoIntervensi.objects.select_related("intervensi__kampung"), request.user, pk=pk
    )
    access.require(access.can_edit_intervensi(request.user, foto.intervensi))
    services.foto_delete(foto=foto, by=request.user)
    messages.success(request, _("Foto dihapus."))
    return redirect("interventions:intervensi-detail", pk=foto.intervensi_id)


@login_required
def foto_view(request, pk):
    foto = get_for_user_or_404(FotoIntervensi, request.user, pk=pk)
    return serve_file(thumbnails.sized(foto.berkas, request), f"foto-intervensi-{foto.pk}")


def foto_publik(request, pk):
    """Only photos explicitly marked public; anyone may see them (public pages)."""
    foto = get_object_or_404(FotoIntervensi, pk=pk, publik=True)
    return serve_file(
        thumbnails.sized(foto.berkas, request), f"foto-intervensi-{foto.pk}", public=True
    )


# --- Instansi ---------------------------------------------------------------------


@login_required
@replica_read
def instansi_list(request):
    rows = Instansi.objects.for_user(request.user).select_related("kabupaten", "induk")
    return render(
        request,
        "interventions/instansi_list.html",
        {
            "resmi": [i for i in rows if i.kabupaten_id is None],
            "lokal": [i for i in rows if i.kabupaten_id is not None],
            "can_add": _kabupaten_of(request.user) is not None,
        },
    )


def _kabupaten_of(user):
    """The kabupaten a manager adds local OPD names to (None: may not add)."""
    if not access.is_pengelola(user) or not user.wilayah_id or user.wilayah_id.count(".") != 1:
        return None
    return user.wilayah


@login_required
@require_http_methods(["GET", "POST"])
def instansi_create(request):
    kabupaten = _kabupaten_of(request.user)
    access.require(kabupaten is not None)
    form = InstansiLokalForm(request.POST or None, kabupaten=kabupaten)
    if request.method == "POST" and form.is_valid():
        try:
            services.instansi_lokal_create(
                kabupaten=kabupaten,
                nama=form.cleaned_data["nama"],
                induk=form.cleaned_data["induk"],
                by=request.user,
            )
        except ValidationError as exc:  # the name was taken by a concurrent request
            add_errors(form, exc)
        else:
            messages.success(request, _("OPD lokal ditambahkan."))
            return redirect("interventions:instansi-list")
    return render(
        request, "interventions/instansi_form.html", {"form": form, "kabupaten": kabupaten}
    )
