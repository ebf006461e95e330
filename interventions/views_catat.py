"""Recording an intervention, with its photos in the same form (issue 17 item 6).

The photos (camera and/or gallery, at most ``MAKS_FOTO``) go through the shared
upload pipeline with the intervention's fields; a refused form keeps what was
typed, and says at the photo field that the files must be chosen again (a
browser never refills a file input)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from interventions import access, services
from interventions.forms import IntervensiForm
from interventions.forms_foto import FotoBanyakForm
from interventions.models import MAKS_FOTO, TipeFoto
from kampungkb.contacts import warn_phones
from kampungkb.idempotency import ALREADY_SUBMITTED, submit_once
from villages.models import KampungKB


def _initial(request) -> dict:
    initial = {"tanggal": None}
    if kode := request.GET.get("kampung"):
        # Links name the village by its desa code ("Catat" on the Kampung KB page).
        initial["kampung"] = (
            KampungKB.objects.for_user(request.user)
            .filter(desa_id=kode)
            .values_list("pk", flat=True)
            .first()
        )
    return initial


def _saved_messages(request, form, foto_form, created: bool) -> None:
    if not created:
        messages.info(request, ALREADY_SUBMITTED)
        return
    if foto_form.fotos:
        messages.success(
            request,
            _("Intervensi dan %(n)s foto tersimpan.") % {"n": len(foto_form.fotos)},
        )
    else:
        messages.success(request, _("Intervensi tersimpan. Tambahkan foto bila ada."))
    if foto_form.dropped:
        messages.warning(request, foto_form.dropped_message())
    warn_phones(request, form)


@login_required
@require_http_methods(["GET", "POST"])
def intervensi_create(request):
    access.require(access.can_create_intervensi(request.user))
    data = request.POST or None
    form = IntervensiForm(data, initial=_initial(request), user=request.user)
    foto_form = FotoBanyakForm(data, request.FILES or None, jenis=request.POST.get("jenis", ""))
    if request.method == "POST":
        form_ok, foto_ok = form.is_valid(), foto_form.is_valid()
        if form_ok and foto_ok:
            cleaned, foto = form.cleaned_data, foto_form.cleaned_data

            def create() -> str:
                obj = services.intervensi_create_with_foto(
                    data=cleaned,
                    instansi=cleaned["instansi"],
                    fotos=foto_form.fotos,
                    tipe=foto.get("tipe") or TipeFoto.KEGIATAN,
                    keterangan=foto.get("keterangan", ""),
                    publik=foto.get("publik", False),
                    by=request.user,
                )
                return reverse("interventions:intervensi-detail", args=[obj.pk])

            url, created = submit_once(cleaned.get("form_token"), create)
            _saved_messages(request, form, foto_form, created)
            return redirect(url)
        foto_form.note_refused()
    return render(
        request,
        "interventions/intervensi_form.html",
        {"form": form, "foto_form": foto_form, "maks_foto": MAKS_FOTO},
    )
