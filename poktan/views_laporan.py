"""The monthly register: edit, save, submit, verify, return; the kader's
month list (helpers in ``register_page``)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from kampungkb.concurrency import ConflictError, conflict_context
from kampungkb.periods import (
    Periode,
    due_date,
)
from kampungkb.replica import replica_read
from kampungkb.scoping import get_for_user_or_404, require_role
from poktan import access, services
from poktan.checklist import month_checklist, needs_action
from poktan.forms import ReviewForm
from poktan.models import Laporan
from poktan.register_page import (
    apply_errors,
    laporan_of,
    register_forms,
    render_register,
    save_register,
)


@login_required
@require_http_methods(["GET", "POST"])
def laporan_edit(request, pk: int, periode: Periode):
    if request.method == "POST":
        return save_register(request, pk, periode, submit=False)
    poktan = access.poktan_or_404(request.user, pk)
    laporan = laporan_of(poktan, periode)
    form, formset = register_forms(request, poktan, laporan)
    return render_register(request, poktan, periode, laporan, form, formset)


@login_required
@require_POST
def laporan_submit(request, pk: int, periode: Periode):
    return save_register(request, pk, periode, submit=True)


def _review(request, pk: int, periode: Periode, *, verify: bool):
    poktan = access.poktan_or_404(request.user, pk)
    require_role(request.user, *access.REVIEWER_ROLES)
    laporan = get_for_user_or_404(Laporan, request.user, poktan=poktan, periode=periode.first_day)
    review_form = ReviewForm(request.POST)
    if review_form.is_valid():
        service = services.laporan_verify if verify else services.laporan_return
        try:
            service(
                laporan=laporan,
                by=request.user,
                note=review_form.cleaned_data["catatan"],
                expected_version=review_form.cleaned_data.get("version"),
            )
        except ConflictError as exc:
            form, formset = register_forms(request, poktan, exc.current)
            return render_register(
                request,
                poktan,
                periode,
                exc.current,
                form,
                formset,
                status=409,
                review_form=ReviewForm(
                    initial={"version": exc.current.version, **review_form.cleaned_data}
                ),
                **conflict_context(exc, user=request.user),
            )
        except ValidationError as exc:
            if not hasattr(exc, "error_dict"):
                # Wrong state (already verified or returned by someone else).
                for message in exc.messages:
                    messages.error(request, message)
                return redirect("poktan:laporan-edit", pk=poktan.pk, periode=periode)
            apply_errors(exc, review_form, [])
        else:
            text = _("Laporan diverifikasi.") if verify else _("Laporan dikembalikan ke kader.")
            messages.success(request, text)
            return redirect("poktan:kelengkapan")
    form, formset = register_forms(request, poktan, laporan)
    return render_register(
        request, poktan, periode, laporan, form, formset, review_form=review_form
    )


@login_required
@require_POST
def laporan_verify(request, pk: int, periode: Periode):
    return _review(request, pk, periode, verify=True)


@login_required
@require_POST
def laporan_return(request, pk: int, periode: Periode):
    return _review(request, pk, periode, verify=False)


# --- lists -------------------------------------------------------------------


@login_required
@replica_read
def laporan_bulan_ini(request):
    periode = Periode.current()
    return render(
        request,
        "poktan/laporan_bulan_ini.html",
        {
            "periode": periode,
            "cells": month_checklist(request.user, periode),
            "needs_action": needs_action(request.user, periode),
            "due": due_date(periode),
        },
    )
