"""Member (keluarga anggota) pages: list, add/edit, XLSX/CSV import."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from kampungkb import feedback
from kampungkb.concurrency import ConflictError, conflict_context
from kampungkb.replica import replica_read
from kampungkb.scoping import get_for_user_or_404, require_role
from poktan import access, imports, services_poktan
from poktan.forms import AnggotaForm, ImporForm
from poktan.models import Anggota, ImporAnggota

# An uploaded file waits this long for confirmation before it is discarded.
IMPOR_TTL = dt.timedelta(hours=24)


@login_required
@replica_read
def anggota_list(request, pk: int):
    poktan = access.poktan_or_404(request.user, pk)
    qs = poktan.anggota.order_by("-aktif", "nama_kepala_keluarga", "id")
    page = Paginator(qs, 50).get_page(request.GET.get("hal"))
    return render(
        request,
        "poktan/anggota_list.html",
        {
            "poktan": poktan,
            "page": page,
            "kk_full": access.can_see_kk(request.user),
            "can_edit": access.can_edit(request.user),
            "type_fields": AnggotaForm.TYPE_FIELDS[poktan.jenis],
        },
    )


def _anggota_form_page(request, poktan, anggota):
    initial = {"version": anggota.version} if anggota else {}
    form = AnggotaForm(request.POST or None, instance=anggota, poktan=poktan, initial=initial)
    context = {"poktan": poktan, "anggota": anggota, "form": form}
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            saved = services_poktan.anggota_save(
                poktan=poktan,
                anggota=anggota,
                data=data,
                expected_version=form.cleaned_data.get("version"),
                by=request.user,
            )
        except ConflictError as exc:
            context |= conflict_context(exc, user=request.user, form=form)
        except ValidationError as exc:
            for key, errors in exc.message_dict.items():
                form.add_error(key if key in form.fields else None, errors)
        else:
            stored = anggota is None or saved.version != form.cleaned_data.get("version")
            feedback.saved(request, stored=stored, text=_("Data anggota tersimpan."))
            return redirect("poktan:anggota-list", pk=poktan.pk)
    return render(request, "poktan/anggota_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def anggota_create(request, pk: int):
    poktan = access.poktan_or_404(request.user, pk, write=True)
    return _anggota_form_page(request, poktan, None)


@login_required
@require_http_methods(["GET", "POST"])
def anggota_edit(request, pk: int, anggota_pk: int):
    poktan = access.poktan_or_404(request.user, pk)
    anggota = get_for_user_or_404(Anggota, request.user, pk=anggota_pk, poktan=poktan)
    require_role(request.user, *access.EDITOR_ROLES)
    return _anggota_form_page(request, poktan, anggota)


@login_required
def anggota_template(request, pk: int):
    poktan = access.poktan_or_404(request.user, pk)
    response = HttpResponse(
        imports.template_xlsx(poktan),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    name = f"templat-anggota-{poktan.get_jenis_display().replace('/', '-')}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _preview(request, poktan, upload: ImporAnggota, status=200):
    rows, file_errors = imports.parse(poktan, bytes(upload.isi), upload.nama_berkas)
    valid = [r for r in rows if r.ok]
    return render(
        request,
        "poktan/anggota_import_preview.html",
        {
            "poktan": poktan,
            "upload": upload,
            "rows": rows,
            "file_errors": file_errors,
            "valid_count": len(valid),
            "invalid_count": len(rows) - len(valid),
            "kk_full": access.can_see_kk(request.user),
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def anggota_import(request, pk: int):
    poktan = access.poktan_or_404(request.user, pk, write=True)
    form = ImporForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        berkas = form.cleaned_data["berkas"]
        isi = berkas.read()
        _rows, file_errors = imports.parse(poktan, isi, berkas.name)
        if file_errors:  # an unreadable file is refused at the field, not kept
            form.add_error("berkas", file_errors)
            return render(request, "poktan/anggota_import.html", {"poktan": poktan, "form": form})
        # Abandoned uploads of this user are cleared when a new one arrives.
        ImporAnggota.objects.filter(created_at__lt=timezone.now() - IMPOR_TTL).delete()
        upload = ImporAnggota.objects.create(
            poktan=poktan,
            diunggah_oleh=request.user,
            nama_berkas=berkas.name.replace("\x00", "")[:255],
            isi=isi,
        )
        return _preview(request, poktan, upload)
    return render(request, "poktan/anggota_import.html", {"poktan": poktan, "form": form})


@login_required
@require_POST
def anggota_import_confirm(request, pk: int, token):
    poktan = access.poktan_or_404(request.user, pk, write=True)
    upload = ImporAnggota.objects.filter(
        pk=token,
        poktan=poktan,
        diunggah_oleh=request.user,
        created_at__gte=timezone.now() - IMPOR_TTL,
    ).first()
    if upload is None:
        raise Http404
    rows, file_errors = imports.parse(poktan, bytes(upload.isi), upload.nama_berkas)
    only_valid = request.POST.get("mode") == "valid"
    if file_errors or (not only_valid and any(not r.ok for r in rows)):
        messages.error(request, _("Berkas masih berisi kesalahan; belum ada yang diimpor."))
        return _preview(request, poktan, upload, status=200)
    count = services_poktan.anggota_import(
        poktan=poktan,
        rows=[r.data for r in rows if r.ok],
        by=request.user,
        filename=upload.nama_berkas,
    )
    upload.delete()
    messages.success(request, _("%(n)s anggota diimpor.") % {"n": count})
    return redirect("poktan:anggota-list", pk=poktan.pk)
