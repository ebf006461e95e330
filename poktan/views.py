"""Poktan pages: the poktan, its monthly register and review, the kader's
month list and the completeness grid. Members live in ``views_anggota``."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from kampungkb import audit, feedback
from kampungkb.concurrency import CONFLICT_MESSAGE, ConflictError
from kampungkb.forms import PeriodeField
from kampungkb.periods import (
    STATUS_LABELS,
    Periode,
    aturan_for,
    due_date,
    lock_date,
    periode_status,
)
from kampungkb.replica import replica_read
from kampungkb.scoping import get_for_user_or_404, kode_in_scope, require_role
from poktan import access, completeness, services
from poktan.forms import BLANK_MEETING_ROWS, LaporanForm, PertemuanFormSet, ReviewForm
from poktan.models import Laporan, Poktan
from villages.models import Tingkat, Wilayah


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


# --- the monthly register -------------------------------------------------


def _previous_values(poktan: Poktan, periode: Periode) -> dict:
    prev = Laporan.objects.filter(poktan=poktan, periode=periode.prev().first_day).first()
    return {} if prev is None else {"_obj": prev, **prev.__dict__}


def _forms(request, poktan, laporan, data=None):
    anggota = []
    if laporan is None or laporan.is_editable_state:
        # Editable: the member list decides the count (a submitted register keeps its own).
        anggota = list(
            poktan.anggota.filter(aktif=True)
            .order_by("nama_kepala_keluarga", "id")
            .values_list("pk", "nama_kepala_keluarga")
        )
    initial = {"version": laporan.version} if laporan else {}
    rows = []
    if laporan:
        initial.update({n: getattr(laporan, n) for n in laporan.figure_fields()})
    if data is not None:
        # A bound form shows what was posted; the derived "keluarga hadir"
        # counts the ticks posted.
        if anggota:
            initial["hadir"] = data.getlist("hadir")
    elif laporan:
        if anggota:
            initial["hadir"] = [a.pk for a in laporan.anggota_hadir.all()]
        rows = [
            {f: getattr(p, f) for f in services.PERTEMUAN_FIELDS} for p in laporan.pertemuan.all()
        ]
    form = LaporanForm(data, poktan=poktan, anggota=anggota, initial=initial)
    formset = PertemuanFormSet(data, prefix="pertemuan", initial=rows + [{}] * BLANK_MEETING_ROWS)
    return form, formset


def _render_laporan(request, poktan, periode, laporan, form, formset, *, status=200, **extra):
    prev = _previous_values(poktan, periode)
    status_periode = periode_status(periode, poktan.kampung.desa_id)
    rule = aturan_for(periode)
    editable = (
        access.can_edit(request.user)
        and status_periode in ("terbuka", "dibuka_kembali")
        and (laporan is None or laporan.is_editable_state)
    )
    reviewable = (
        access.can_review(request.user) and laporan is not None and laporan.status == "diajukan"
    )
    context = {
        "poktan": poktan,
        "periode": periode,
        "laporan": laporan,
        "form": form,
        "formset": formset,
        "rows": [(form[n], prev.get(n)) for n in form.figure_names()],
        "prev": prev.get("_obj"),
        "editable": editable,
        "periode_locked": status_periode == "terkunci",
        "can_reopen": request.user.is_superuser or request.user.role == "opd_kabupaten",
        "locked_for_kader": access.can_edit(request.user)
        and status_periode == "terkunci"
        and (laporan is None or laporan.is_editable_state),
        "reviewable": reviewable,
        "review_form": extra.pop("review_form", None)
        or ReviewForm(initial={"version": laporan.version if laporan else None}),
        "periode_status": STATUS_LABELS[status_periode],
        "due": due_date(periode, rule),
        "lock": lock_date(periode, rule),
        "kb": services.kesertaan_kb(poktan) if laporan is None else laporan.kesertaan_kb,
        "warnings": services.soft_warnings(laporan=laporan, previous=prev.get("_obj"))
        if editable and laporan is not None and not form.errors
        else [],
        "prev_month": periode.prev() if periode.prev().in_range else None,
        "next_month": periode.next() if periode < Periode.current() else None,
        **extra,
    }
    return render(request, "poktan/laporan_form.html", context, status=status)


def _laporan_of(poktan, periode, *, rows: bool = True):
    """The register of the month; ``rows`` also loads its meetings and
    attendance (a POST does not need them: the bound form carries its own,
    and the service reads the stored ones under its lock)."""
    laporan = Laporan.objects.filter(poktan=poktan, periode=periode.first_day)
    if rows:
        laporan = laporan.prefetch_related("pertemuan", "anggota_hadir")
    laporan = laporan.first()
    if laporan is not None:
        laporan.poktan = poktan
    return laporan


def _apply_errors(exc: ValidationError, form, row_forms) -> None:
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc.messages)
        return
    for key, errors in exc.message_dict.items():
        if key.startswith("pertemuan."):
            _p, index, name = key.split(".")
            row_forms[int(index)].add_error(name, errors)
        elif key in form.fields:
            form.add_error(key, errors)
        else:
            form.add_error(None, errors)


def _conflict_context(exc: ConflictError) -> dict:
    return {
        "conflict": exc,
        "conflict_message": CONFLICT_MESSAGE,
        "conflict_sentences": [audit.sentence(e) for e in exc.changes],
    }


def _refuse(request, poktan, periode, reason: str):
    """A refused write says why, on the page of the month as it is stored (the
    figures typed are not the month's and are not shown as if they were)."""
    messages.error(request, reason)
    return redirect("poktan:laporan-edit", pk=poktan.pk, periode=periode)


def _save(request, pk: int, periode: Periode, *, submit: bool, data=None, note: str = ""):
    """Shared POST of the form: save the draft, and submit it when asked.
    ``data``: the POST as a shortcut changed it; ``note``: what it did."""
    poktan = access.poktan_or_404(request.user, pk, write=True)
    laporan = _laporan_of(poktan, periode, rows=False)
    if submit and laporan is not None and laporan.status == "diajukan":
        # A second tap on "Ajukan" over a flaky connection: nothing to do.
        messages.info(request, _("Laporan ini sudah diajukan."))
        return redirect("poktan:laporan-edit", pk=poktan.pk, periode=periode)
    refusal = services.laporan_refusal(poktan=poktan, periode=periode, laporan=laporan)
    if refusal:
        return _refuse(request, poktan, periode, refusal)
    data = request.POST if data is None else data
    form, formset = _forms(request, poktan, laporan, data)
    version_before = laporan.version if laporan else None
    if form.is_valid() and formset.is_valid():
        row_forms = [f for f in formset.forms if f.cleaned_data.get("tanggal")]
        try:
            # One transaction either way (the service's): save, or save and submit.
            save = services.laporan_save_and_submit if submit else services.laporan_save_draft
            laporan = save(
                poktan=poktan,
                periode=periode,
                values=form.values(),
                pertemuan=[f.cleaned_data for f in row_forms],
                expected_version=form.cleaned_data.get("version"),
                by=request.user,
                hadir=form.hadir(),
            )
        except ConflictError as exc:
            data = data.copy()
            data["version"] = exc.current.version
            form, formset = _forms(request, poktan, exc.current, data)
            form.is_valid()
            formset.is_valid()
            return _render_laporan(
                request,
                poktan,
                periode,
                exc.current,
                form,
                formset,
                status=409,
                **_conflict_context(exc),
            )
        except ValidationError as exc:
            if not hasattr(exc, "error_dict"):
                # Refused meanwhile: locked, or submitted from another phone.
                return _refuse(request, poktan, periode, " ".join(exc.messages))
            _apply_errors(exc, form, row_forms)
        else:
            if submit:
                messages.success(request, _("Laporan diajukan ke petugas kecamatan."))
                return redirect("poktan:laporan-bulan-ini")
            if note:
                messages.info(request, note)
            # Values equal to the stored ones: the service wrote nothing.
            feedback.saved(
                request, stored=laporan.version != version_before, text=_("Draf tersimpan.")
            )
            return redirect("poktan:laporan-edit", pk=poktan.pk, periode=periode)
    return _render_laporan(request, poktan, periode, laporan, form, formset, status=200)


@login_required
@require_http_methods(["GET", "POST"])
def laporan_edit(request, pk: int, periode: Periode):
    if request.method == "POST":
        return _save(request, pk, periode, submit=False)
    poktan = access.poktan_or_404(request.user, pk)
    laporan = _laporan_of(poktan, periode)
    form, formset = _forms(request, poktan, laporan)
    return _render_laporan(request, poktan, periode, laporan, form, formset)


@login_required
@require_POST
def laporan_submit(request, pk: int, periode: Periode):
    return _save(request, pk, periode, submit=True)


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
            messages.error(request, CONFLICT_MESSAGE)
            form, formset = _forms(request, poktan, exc.current)
            return _render_laporan(
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
                **_conflict_context(exc),
            )
        except ValidationError as exc:
            if not hasattr(exc, "error_dict"):
                # Wrong state (already verified or returned by someone else).
                for message in exc.messages:
                    messages.error(request, message)
                return redirect("poktan:laporan-edit", pk=poktan.pk, periode=periode)
            _apply_errors(exc, review_form, [])
        else:
            text = _("Laporan diverifikasi.") if verify else _("Laporan dikembalikan ke kader.")
            messages.success(request, text)
            return redirect("poktan:kelengkapan")
    form, formset = _forms(request, poktan, laporan)
    return _render_laporan(
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


def month_checklist(user, periode: Periode):
    """Each poktan in the user's scope with its register of ``periode`` (two queries)."""
    today = timezone.localdate()
    due = due_date(periode)
    poktan = list(
        Poktan.objects.for_user(user).filter(aktif=True).select_related("kampung__desa")[:200]
    )
    laporan = {
        lap.poktan_id: lap
        for lap in Laporan.objects.for_user(user)
        .of(periode)
        .filter(poktan_id__in=[p.pk for p in poktan])
    }
    return [
        completeness.Cell(p, laporan.get(p.pk), completeness.keadaan(laporan.get(p.pk), due, today))
        for p in poktan
    ]


def needs_action(user, periode: Periode):
    """Older registers of the user's poktan still in draf or returned."""
    return (
        Laporan.objects.for_user(user)
        .filter(status__in=["draf", "dikembalikan"], periode__lt=periode.first_day)
        .select_related("poktan")
        .order_by("-periode")[:10]
    )


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


def _kelengkapan_params(request):
    field = PeriodeField(required=False)
    try:
        periode = field.clean(request.GET.get("periode")) or Periode.current()
    except ValidationError:
        periode = Periode.current()
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
        "legend": [
            (completeness.KEADAAN_LABELS[k], completeness.KEADAAN_CSS[k])
            for k in completeness.Keadaan
        ],
        "queue": completeness.verification_queue(request.user, kode, limit=20),
        "can_review": access.can_review(request.user),
    }
    if is_grid:
        context["rows"] = completeness.desa_grid(request.user, kode, periode, today)
    else:
        context["rollup"] = completeness.rollup(request.user, kode, periode, today)
    return render(request, "poktan/kelengkapan.html", context)


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
