"""Poktan pages: the list, a poktan's page, add, edit the annual potensi data and
pengurus, SK file."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kampungkb import feedback
from kampungkb.concurrency import ConflictError, conflict_context
from kampungkb.files import serve_file
from kampungkb.idempotency import ALREADY_SUBMITTED, submit_once
from kampungkb.periods import Periode
from kampungkb.replica import replica_read
from kampungkb.scoping import require_role
from poktan import access, services_poktan
from poktan.forms import PengurusFormSet, PoktanForm
from poktan.models import Poktan
from villages.models import KampungKB


def _poktan_form_page(request, poktan):
    kampung_qs = KampungKB.objects.for_user(request.user).select_related("desa")
    initial = {"version": poktan.version} if poktan else {}
    if poktan is None and kampung_qs.count() == 1:
        initial["kampung"] = kampung_qs.first()
    data = request.POST if request.method == "POST" else None
    form = PoktanForm(
        data, request.FILES or None, instance=poktan, kampung_qs=kampung_qs, initial=initial
    )
    formset = PengurusFormSet(data, instance=poktan, prefix="pengurus")
    context = {"poktan": poktan, "form": form, "formset": formset}
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        rows = [
            f.cleaned_data
            for f in formset.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE") and f.cleaned_data.get("nama")
        ]

        result = {}

        def save() -> str:
            saved = result["poktan"] = services_poktan.poktan_save(
                poktan=poktan,
                kampung=form.cleaned_data.get("kampung") or (poktan and poktan.kampung),
                data=form.cleaned_data,
                pengurus=rows,
                expected_version=form.cleaned_data.get("version"),
                by=request.user,
            )
            return reverse("poktan:poktan-detail", args=[saved.pk])

        # Only a new poktan needs the one-time token; edits are guarded by version.
        token = form.cleaned_data.get("form_token") if poktan is None else None
        try:
            url, created = submit_once(token, save)
        except ConflictError as exc:
            context |= conflict_context(exc, user=request.user, form=form)
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            if created:
                # An edit that changed nothing returns the poktan with its version unchanged.
                stored = poktan is None or result["poktan"].version != poktan.version
                feedback.saved(request, stored=stored, text=_("Data poktan tersimpan."))
            else:
                messages.info(request, ALREADY_SUBMITTED)
            return redirect(url)
    return render(request, "poktan/poktan_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def poktan_create(request):
    require_role(request.user, *access.POKTAN_EDITOR_ROLES)
    return _poktan_form_page(request, None)


@login_required
@require_http_methods(["GET", "POST"])
def poktan_edit(request, pk: int):
    poktan = access.poktan_or_404(request.user, pk)
    require_role(request.user, *access.POKTAN_EDITOR_ROLES)
    return _poktan_form_page(request, poktan)


@login_required
def poktan_sk(request, pk: int):
    """The SK pengukuhan file, served only after the scope check."""
    poktan = access.poktan_or_404(request.user, pk)
    return serve_file(poktan.sk_berkas, f"sk-poktan-{poktan.pk}", attachment=True)


@login_required
@replica_read
def poktan_detail(request, pk: int):
    poktan = access.poktan_or_404(request.user, pk)
    current = Periode.current()
    months = [current]
    for _i in range(11):
        months.append(months[-1].prev())
    laporan = {
        lap.periode: lap
        for lap in poktan.laporan.filter(periode__gte=months[-1].first_day).only(
            "id", "periode", "status", "poktan_id"
        )
    }
    return render(
        request,
        "poktan/poktan_detail.html",
        {
            "poktan": poktan,
            "pengurus": list(poktan.pengurus.all()),
            "jumlah_anggota": poktan.anggota.filter(aktif=True).count(),
            "months": [(m, laporan.get(m.first_day)) for m in months],
            "can_edit": access.can_edit(request.user),
            "can_edit_poktan": access.can_edit_poktan(request.user),
            "tahun_ini": current.year,
            "potensi_lama": (poktan.potensi_tahun or 0) < current.year,
        },
    )


@login_required
@replica_read
def poktan_list(request):
    qs = Poktan.objects.for_user(request.user).select_related("kampung__desa")
    page = Paginator(qs, 50).get_page(request.GET.get("hal"))
    return render(
        request,
        "poktan/poktan_list.html",
        {"page": page, "can_edit_poktan": access.can_edit_poktan(request.user)},
    )
