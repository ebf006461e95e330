"""The photos of a register (foto kegiatan): add, replace, delete, and the
scoped file view (``?w=320|640`` serves a small copy). The forms live on the
register page (``poktan/_foto_kegiatan.html``); a refused upload renders that
page again with the message at the field, the register itself untouched."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from kampungkb import thumbnails
from kampungkb.concurrency import ConflictError
from kampungkb.files import serve_file
from kampungkb.periods import Periode
from kampungkb.scoping import get_for_user_or_404
from poktan import access, services, services_foto
from poktan.forms_foto import FotoHapusForm, FotoKegiatanForm
from poktan.models_foto import FotoKegiatan
from poktan.register_page import laporan_of, refuse, register_forms, render_register


def _back(poktan, periode):
    url = reverse("poktan:laporan-edit", args=[poktan.pk, periode])
    return redirect(f"{url}#foto-kegiatan")


def _writable(request, pk: int, periode: Periode):
    """(poktan, register, refusal): the kader's register of the month, and why
    it cannot take a photo now (none saved yet, locked, submitted), or None."""
    poktan = access.poktan_or_404(request.user, pk, write=True)
    laporan = laporan_of(poktan, periode)
    if laporan is None:
        return poktan, None, _("Simpan draf laporan bulan ini dulu, lalu tambahkan foto kegiatan.")
    return (
        poktan,
        laporan,
        services.laporan_refusal(poktan=poktan, periode=periode, laporan=laporan),
    )


def _foto(request, pk: int, periode: Periode, foto_pk: int) -> FotoKegiatan:
    return get_for_user_or_404(
        FotoKegiatan.objects.select_related("laporan"),
        request.user,
        pk=foto_pk,
        laporan__poktan_id=pk,
        laporan__periode=periode.first_day,
    )


def _write(request, pk: int, periode: Periode, write, *, target=None, form_class=FotoKegiatanForm):
    """The shared POST: refusals, the form, the service ``write(form)``, the answer."""
    poktan, laporan, refusal = _writable(request, pk, periode)
    if refusal:
        return refuse(request, poktan, periode, refusal)
    form = form_class(request.POST, request.FILES)
    if form.is_valid():
        try:
            text = write(form, laporan)
        except ConflictError:
            messages.error(
                request,
                _(
                    "Laporan ini sudah diubah orang lain sejak Anda membukanya; foto belum "
                    "disimpan. Periksa laporannya, lalu coba lagi."
                ),
            )
            return _back(poktan, periode)
        except ValidationError as exc:
            if not hasattr(exc, "error_dict"):
                return refuse(request, poktan, periode, " ".join(exc.messages))
            for field, errors in exc.message_dict.items():
                form.add_error(field, errors)
        else:
            messages.success(request, text)
            return _back(poktan, periode)
    register, formset = register_forms(request, poktan, laporan)
    shown = {"foto_form": form} if target is None else {"foto_ganti": form, "foto_target": target}
    return render_register(request, poktan, periode, laporan, register, formset, **shown)


@login_required
@require_POST
def laporan_foto_add(request, pk: int, periode: Periode):
    def write(form, laporan):
        services_foto.foto_add(
            laporan=laporan,
            upload=form.foto,
            keterangan=form.cleaned_data["keterangan"],
            expected_version=form.cleaned_data["version"],
            by=request.user,
        )
        return _("Foto kegiatan tersimpan.")

    return _write(request, pk, periode, write)


@login_required
@require_POST
def laporan_foto_replace(request, pk: int, periode: Periode, foto_pk: int):
    foto = _foto(request, pk, periode, foto_pk)

    def write(form, _laporan):
        services_foto.foto_replace(
            foto=foto,
            upload=form.foto,
            keterangan=form.cleaned_data["keterangan"],
            expected_version=form.cleaned_data["version"],
            by=request.user,
        )
        return _("Foto kegiatan diganti.")

    return _write(request, pk, periode, write, target=foto.pk)


@login_required
@require_POST
def laporan_foto_delete(request, pk: int, periode: Periode, foto_pk: int):
    foto = _foto(request, pk, periode, foto_pk)

    def write(form, _laporan):
        services_foto.foto_delete(
            foto=foto, expected_version=form.cleaned_data["version"], by=request.user
        )
        return _("Foto kegiatan dihapus.")

    return _write(request, pk, periode, write, target=foto.pk, form_class=FotoHapusForm)


@login_required
@require_GET
def laporan_foto(request, pk: int, periode: Periode, foto_pk: int):
    """The photo (or its ``?w=`` copy), served only after the scope check."""
    foto = _foto(request, pk, periode, foto_pk)
    return serve_file(thumbnails.sized(foto.berkas, request), f"foto-kegiatan-{foto.pk}")
