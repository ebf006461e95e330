"""The monthly register page: its forms, how it renders, and the shared POST
(save the draft, submit, the shortcuts of ``views_shortcuts``). Views in
``views_laporan`` and ``views_shortcuts`` call these."""

from __future__ import annotations

import functools

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kampungkb import feedback, reopen
from kampungkb.concurrency import ConflictError, conflict_context
from kampungkb.periods import (
    STATUS_LABELS,
    Periode,
    PeriodeStatus,
    aturan_for,
    due_date,
    lock_date,
    periode_status,
)
from poktan import access, figure_checks, peringatan, services
from poktan.forms import BLANK_MEETING_ROWS, LaporanForm, PertemuanFormSet, ReviewForm
from poktan.forms_foto import foto_context
from poktan.models import Laporan, Poktan, Status


def previous_values(poktan: Poktan, periode: Periode) -> dict:
    prev = Laporan.objects.filter(poktan=poktan, periode=periode.prev().first_day).first()
    return {} if prev is None else {"_obj": prev, **prev.__dict__}


def register_forms(request, poktan, laporan, data=None):
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
        initial["notulen"] = laporan.notulen
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


def render_register(request, poktan, periode, laporan, form, formset, *, status=200, **extra):
    prev = previous_values(poktan, periode)
    status_periode = periode_status(periode, poktan.kampung.desa_id)
    rule = aturan_for(periode)
    editable = (
        access.can_edit(request.user)
        and status_periode.is_open
        and (laporan is None or laporan.is_editable_state)
    )
    reviewable = (
        access.can_review(request.user)
        and laporan is not None
        and laporan.status == Status.DIAJUKAN
    )
    flags = peringatan.for_form(form, poktan.pk, periode)
    context = {
        "poktan": poktan,
        "periode": periode,
        "laporan": laporan,
        "flags": flags,
        "form": form,
        "formset": formset,
        "rows": [(form[n], prev.get(n)) for n in form.figure_names()],
        "prev": prev.get("_obj"),
        "editable": editable,
        "reopen": reopen.offer(
            request, desa_kode=poktan.kampung.desa_id, periode=periode, status=status_periode
        ),
        "locked_for_kader": access.can_edit(request.user)
        and status_periode == PeriodeStatus.TERKUNCI
        and (laporan is None or laporan.is_editable_state),
        "reviewable": reviewable,
        "review_form": extra.pop("review_form", None)
        or ReviewForm(initial={"version": laporan.version if laporan else None}),
        "periode_status": STATUS_LABELS[status_periode],
        "due": due_date(periode, rule),
        "lock": lock_date(periode, rule),
        "kb": services.kesertaan_kb(poktan) if laporan is None else laporan.kesertaan_kb,
        "warnings": figure_checks.soft_warnings(laporan=laporan, previous=prev.get("_obj"))
        if editable and laporan is not None and not form.errors
        else [],
        "prev_month": periode.prev() if periode.prev().in_range else None,
        "next_month": periode.next() if periode < Periode.current() else None,
        **foto_context(laporan, editable=editable),
        **extra,
    }
    return render(request, "poktan/laporan_form.html", context, status=status)


def laporan_of(poktan, periode, *, rows: bool = True):
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


def apply_errors(exc: ValidationError, form, row_forms) -> None:
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


def refuse(request, poktan, periode, reason: str):
    """A refused write says why, on the page of the month as it is stored (the
    figures typed are not the month's and are not shown as if they were)."""
    messages.error(request, reason)
    return redirect("poktan:laporan-edit", pk=poktan.pk, periode=periode)


def writer_for(request, form, history, *, submit: bool):
    """The service for this POST (one transaction either way: save, or save and
    submit) and whether "Ajukan" is held back: a figure far from the poktan's
    history not yet confirmed saves the draft instead (never a refusal)."""
    if not submit:
        return services.laporan_save_draft, False
    found = peringatan.flags(form.values(), history)
    if peringatan.unconfirmed(found, request.POST):
        return services.laporan_save_draft, True
    return functools.partial(peringatan.laporan_submit_confirmed, confirmed=found), False


def save_register(request, pk: int, periode: Periode, *, submit: bool, data=None, note: str = ""):
    """Shared POST of the form: save the draft, and submit it when asked.
    ``data``: the POST as a shortcut changed it; ``note``: what it did."""
    poktan = access.poktan_or_404(request.user, pk, write=True)
    if submit:  # the month's register and its history, one query
        laporan, history = peringatan.month_and_history(poktan, periode)
    else:
        laporan, history = laporan_of(poktan, periode, rows=False), []
    if submit and laporan is not None and laporan.status == Status.DIAJUKAN:
        # A second tap on "Ajukan" over a flaky connection: nothing to do.
        messages.info(request, _("Laporan ini sudah diajukan."))
        return redirect("poktan:laporan-edit", pk=poktan.pk, periode=periode)
    refusal = services.laporan_refusal(poktan=poktan, periode=periode, laporan=laporan)
    if refusal:
        return refuse(request, poktan, periode, refusal)
    data = request.POST if data is None else data
    form, formset = register_forms(request, poktan, laporan, data)
    version_before = laporan.version if laporan else None
    if form.is_valid() and formset.is_valid():
        row_forms = [f for f in formset.forms if f.cleaned_data.get("tanggal")]
        save, held = writer_for(request, form, history, submit=submit)
        try:
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
            form, formset = register_forms(request, poktan, exc.current, data)
            form.is_valid()
            formset.is_valid()
            return render_register(
                request,
                poktan,
                periode,
                exc.current,
                form,
                formset,
                status=409,
                **conflict_context(exc, user=request.user),
            )
        except ValidationError as exc:
            if not hasattr(exc, "error_dict"):
                # Refused meanwhile: locked, or submitted from another phone.
                return refuse(request, poktan, periode, " ".join(exc.messages))
            apply_errors(exc, form, row_forms)
        else:
            if held:
                messages.warning(request, peringatan.HOLD_MESSAGE)
                return redirect("poktan:laporan-edit", pk=poktan.pk, periode=periode)
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
    return render_register(request, poktan, periode, laporan, form, formset, status=200)
