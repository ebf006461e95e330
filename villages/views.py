"""Kampung KB pages: list, profile page, edit forms, public page, files."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from kampungkb import feedback, reopen, thumbnails
from kampungkb.audit import history, sentence
from kampungkb.concurrency import ConflictError, conflict_context
from kampungkb.contacts import for_viewer, warn_phones
from kampungkb.files import serve_file
from kampungkb.hooks import app_hooks
from kampungkb.models import Role
from kampungkb.periods import STATUS_LABELS, Periode, periode_status, refusal
from kampungkb.replica import replica_read
from kampungkb.scoping import get_for_user_or_404, require_role
from villages import services
from villages.choices import KELUARGA, POKTAN_PENYEBUT, POKTAN_SLUG, RENTANG_USIA
from villages.filters import KampungFilter
from villages.forms import (
    SNAPSHOT_FORMS,
    AnggotaFormSet,
    KampungCreateForm,
    KampungForm,
    PokjaForm,
    data_fields,
)
from villages.models import AnggotaPokja, KampungKB, Pokja, Wilayah
from villages.profile import PAGE_QUERYSET, lineage_of, profile_context
from villages.selectors import (
    JENIS,
    current_snapshots,
    snapshot_at,
    snapshot_exact,
    snapshot_history,
)

EDITORS = (Role.OPD_KABUPATEN, Role.ADMIN)
JENIS_LABEL = {
    "profil": gettext_lazy("Profil Kampung KB"),
    "penduduk": gettext_lazy("Profil Kependudukan"),
    "kkbpk": gettext_lazy("Perkembangan KKBPK"),
}
# Apps add sections to the Kampung KB page through ``<app>/kampung_sections.py:
# sections(request, kampung) -> [{"template": ..., "context": {...}}]``, in
# INSTALLED_APPS order (``kampungkb.hooks.app_hooks``).


# ------------------------------------------------------------------ access


def kampung_for(request, kode: str, queryset=None) -> KampungKB:
    """The Kampung KB of desa ``kode`` inside the user's scope, else 404."""
    queryset = queryset if queryset is not None else KampungKB.objects.select_related("desa")
    return get_for_user_or_404(queryset, request.user, desa_id=kode)


def can_edit(user, kampung: KampungKB) -> bool:
    """OPD kabupaten and admin edit everything in scope; a kader only their own desa."""
    if user.is_superuser or user.role in EDITORS:
        return True
    return user.role == Role.KADER and user.wilayah_id == kampung.desa_id


def require_edit(user, kampung: KampungKB) -> None:
    if not can_edit(user, kampung):
        raise PermissionDenied


def kampung_sections(request, kampung, public: bool = False) -> list[str]:
    """Each app's sections rendered with their own context (plus ``request``).

    The public page asks ``public_sections(kampung)`` instead, which must carry
    no personal data."""
    sections = []
    for module in app_hooks("kampung_sections"):
        if public:
            items = module.public_sections(kampung) if hasattr(module, "public_sections") else []
        else:
            items = module.sections(request, kampung)
        sections.extend(
            render_to_string(s["template"], s["context"], request=request) for s in items
        )
    return sections


# -------------------------------------------------------------------- pages


@login_required
@replica_read
def kampung_list(request):
    queryset = KampungKB.objects.for_user(request.user).select_related("desa__induk")
    filterset = KampungFilter(request.GET or None, queryset=queryset, user=request.user)
    page = Paginator(filterset.qs.order_by("desa_id"), 25).get_page(request.GET.get("hal"))
    query = request.GET.copy()
    query.pop("hal", None)
    return render(
        request,
        "villages/kampung_list.html",
        {
            "filter": filterset,
            "page": page,
            "query_prefix": f"{query.urlencode()}&" if query else "",
            "can_create": request.user.is_superuser or request.user.role in EDITORS,
        },
    )


@login_required
@replica_read
def kampung_detail(request, kode):
    kampung = kampung_for(
        request,
        kode,
        PAGE_QUERYSET.prefetch_related(
            Prefetch("pokja__anggota", AnggotaPokja.objects.order_by("urutan", "id"))
        ),
    )
    context = profile_context(kampung)
    context |= {
        "pokja": getattr(kampung, "pokja", None),
        "can_edit": can_edit(request.user, kampung),
        "periode": Periode.current(),
        "sections": kampung_sections(request, kampung),
        "lineage": lineage_of(kampung),
    }
    context["data_rows"] = [(jenis, JENIS_LABEL[jenis], context["snaps"][jenis]) for jenis in JENIS]
    return render(request, "villages/kampung_detail.html", context)


@replica_read
def publik_kampung(request, kode):
    """The public profile: no login, no personal data (no pokja names or contacts)."""
    kampung = get_object_or_404(PAGE_QUERYSET, desa_id=kode)
    context = profile_context(kampung)
    context["lineage"] = lineage_of(kampung)
    context["sections"] = kampung_sections(request, kampung, public=True)
    return render(request, "villages/publik_kampung.html", context)


# -------------------------------------------------------------------- edits


@login_required
@require_http_methods(["GET", "POST"])
def kampung_create(request):
    require_role(request.user, *EDITORS)
    form = KampungCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        desa = Wilayah.objects.for_user(request.user).desa(form.cleaned_data["desa"])
        if desa is None:
            form.add_error("desa", _("Desa dengan kode ini tidak ada di wilayah Anda."))
        else:
            try:
                kampung = services.kampung_create(
                    desa=desa,
                    nama=form.cleaned_data["nama"],
                    tanggal_pencanangan=form.cleaned_data["tanggal_pencanangan"],
                    by=request.user,
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Kampung KB %(n)s dibuat.") % {"n": kampung.nama})
                return redirect("villages:kampung-edit", kode=desa.kode)
    return render(request, "villages/kampung_create.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def kampung_edit(request, kode):
    kampung = kampung_for(request, kode)
    require_edit(request.user, kampung)
    percontohan = request.user.is_superuser or request.user.role in EDITORS
    form = KampungForm(
        request.POST or None,
        request.FILES or None,
        instance=kampung,
        can_set_percontohan=percontohan,
    )
    context = {"kampung": kampung, "form": form}
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k not in ("version", "potensi")}
        data |= {k: "" for k in ("foto_sampul", "struktur_organisasi") if data.get(k) is False}
        try:
            saved = services.kampung_update(
                kampung=kampung,
                data=data,
                expected_version=form.cleaned_data["version"],
                potensi=form.cleaned_data["potensi"],
                by=request.user,
            )
        except ConflictError as exc:
            context |= conflict_context(exc, user=request.user, form=form)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            feedback.saved(
                request,
                stored=saved.version != form.cleaned_data["version"],
                text=_("Profil Kampung KB disimpan."),
            )
            warn_phones(request, form)
            return redirect("villages:kampung-detail", kode=kode)
    return render(request, "villages/kampung_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def pokja_edit(request, kode):
    kampung = kampung_for(request, kode)
    require_edit(request.user, kampung)
    pokja = Pokja.objects.filter(kampung=kampung).first()
    initial = {"version": pokja.version if pokja else 0}
    if pokja:
        initial |= {
            f: getattr(pokja, f) for f in ("sk_nomor", "sk_tanggal", "sk_penerbit", "catatan")
        }
    anggota = [
        {"nama": a.nama, "jabatan": a.jabatan, "terlatih": a.terlatih, "telepon": a.telepon}
        for a in (pokja.anggota.all() if pokja else [])
    ]
    form = PokjaForm(request.POST or None, request.FILES or None, initial=initial)
    formset = AnggotaFormSet(request.POST or None, initial=anggota, prefix="anggota")
    context = {"kampung": kampung, "pokja": pokja, "form": form, "formset": formset}
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        members = [
            {k: f.cleaned_data[k] for k in ("nama", "jabatan", "terlatih", "telepon")}
            for f in formset
            if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        if not data["sk_berkas"]:
            data.pop("sk_berkas")  # keep the stored file
        try:
            saved = services.pokja_save(
                kampung=kampung,
                data=data,
                anggota=members,
                expected_version=form.cleaned_data["version"],
                by=request.user,
            )
        except ConflictError as exc:
            context |= conflict_context(exc, user=request.user, form=form)
        else:
            feedback.saved(
                request,
                stored=saved.version != form.cleaned_data["version"],
                text=_("Pokja disimpan."),
            )
            return redirect("villages:kampung-detail", kode=kode)
    return render(request, "villages/pokja_form.html", context)


def _period_refusal(periode: Periode, kampung) -> str | None:
    """Why the month cannot be written now (locked or not begun), or None."""
    return refusal(periode, periode_status(periode, kampung.desa_id))


def _refuse(request, reason: str, kode, jenis, periode):
    """A refused write says why, on the month as stored: the figures typed are
    not the month's and are not shown as if they were."""
    messages.error(request, reason)
    return redirect("villages:snapshot-edit", kode=kode, jenis=jenis, periode=periode)


@login_required
@require_http_methods(["GET", "POST"])
def snapshot_edit(request, kode, jenis, periode):
    if jenis not in JENIS:
        raise Http404
    try:
        periode = Periode.parse(periode)
    except ValueError as exc:
        raise Http404 from exc
    kampung = kampung_for(request, kode)
    require_edit(request.user, kampung)
    model, form_class = JENIS[jenis], SNAPSHOT_FORMS[jenis]
    status = periode_status(periode, kampung.desa_id)
    if request.method == "POST" and (refusal := _period_refusal(periode, kampung)):
        return _refuse(request, refusal, kode, jenis, periode)
    current = snapshot_exact(model, kampung, periode.first_day)
    # A month not filled yet starts from the latest earlier values.
    start = current or snapshot_at(model, kampung, periode.first_day)
    form = form_class(
        request.POST or None,
        request.FILES or None,
        instance=start,
        version=current.version if current else 0,
    )
    context = {
        "kampung": kampung,
        "jenis": jenis,
        "judul": JENIS_LABEL[jenis],
        "periode": periode,
        "status": STATUS_LABELS[status],
        "can_save": status.is_open,
        "reopen": reopen.offer(request, desa_kode=kampung.desa_id, periode=periode, status=status),
        "form": form,
        "current": current,
        "dari_periode": start.periode if start and not current else None,
        "sentences": [
            (e, sentence(for_viewer(e, request.user))) for e in snapshot_history(kampung, jenis)
        ],
        "bulan": [
            b
            for b in (periode.prev().prev(), periode.prev(), periode, periode.next())
            if b <= Periode.current()
        ],
    }
    if jenis == "kkbpk":
        denominators_as_help(form, kampung, periode)
    if jenis == "penduduk":
        context["keluarga_fields"] = [form[alias] for alias in KELUARGA]
        context["band_fields"] = [
            (form[f"pria_{i}"], form[f"wanita_{i}"]) for i in range(len(RENTANG_USIA))
        ]
    if request.method == "POST" and form.is_valid():
        data = {f: form.cleaned_data[f] for f in data_fields(model) if f in form.cleaned_data}
        if jenis == "profil":
            data["operasional"] = form.cleaned_data["operasional"]
            if data.get("rkm_berkas") is False:
                data["rkm_berkas"] = ""  # "clear" ticked
            elif not data.get("rkm_berkas"):
                data.pop("rkm_berkas", None)  # keep the stored file
        try:
            saved = services.snapshot_save(
                kampung=kampung,
                jenis=jenis,
                periode=periode,
                data=data,
                expected_version=form.cleaned_data["version"],
                by=request.user,
            )
        except ConflictError as exc:
            context |= conflict_context(exc, user=request.user, form=form)
        except ValidationError as exc:
            if refusal := _period_refusal(periode, kampung):  # locked meanwhile
                return _refuse(request, refusal, kode, jenis, periode)
            form.add_error(None, exc)
        else:
            feedback.saved(
                request,
                stored=saved.version != form.cleaned_data["version"],
                text=_("%(j)s %(p)s disimpan.") % {"j": JENIS_LABEL[jenis], "p": periode.label},
            )
            return redirect("villages:kampung-detail", kode=kode)
    return render(request, f"villages/snapshot_{jenis}.html", context)


def denominators_as_help(form, kampung, periode) -> None:
    """Show each poktan's eligible families and the PUS next to the inputs."""
    penduduk = snapshot_at(JENIS["penduduk"], kampung, periode.first_day)
    if penduduk is None:
        return
    for poktan, slug in POKTAN_SLUG.items():
        alias = POKTAN_PENYEBUT[poktan]
        form.fields[f"ikut_{slug}"].help_text = _("Sasaran: %(nama)s %(n)s") % {
            "nama": KELUARGA[alias],
            "n": number_format(getattr(penduduk, alias), force_grouping=True),
        }
    form.fields["kb_iud"].help_text = _("PUS di Profil Kependudukan: %(n)s") % {
        "n": number_format(penduduk.pus, force_grouping=True)
    }


@login_required
@replica_read
def kampung_riwayat(request, kode):
    """Change history of the profile, pokja and each snapshot kind, for every reader."""
    kampung = kampung_for(request, kode, PAGE_QUERYSET)
    user = request.user

    def said(entries):  # contacts masked for roles without contact rights
        return [(e, sentence(for_viewer(e, user))) for e in entries]

    blocks = [(_("Profil dan potensi"), said(history(kampung)[:20]))]
    pokja = getattr(kampung, "pokja", None)
    if pokja is not None:
        blocks.append((_("Pokja"), said(history(pokja)[:20])))
    blocks += [(JENIS_LABEL[jenis], said(snapshot_history(kampung, jenis))) for jenis in JENIS]
    return render(
        request,
        "villages/kampung_riwayat.html",
        {"kampung": kampung, "blocks": blocks, "lineage": lineage_of(kampung)},
    )


# -------------------------------------------------------------------- files

BERKAS = {
    "sampul": ("kampung", "foto_sampul"),
    "struktur": ("kampung", "struktur_organisasi"),
    "sk": ("pokja", "sk_berkas"),
    "rkm": ("profil", "rkm_berkas"),
}


@login_required
def kampung_berkas(request, kode, nama):
    """Uploaded files are served only after the scope check (MEDIA_URL is not public)."""
    if nama not in BERKAS:
        raise Http404
    kampung = kampung_for(request, kode)
    owner, field = BERKAS[nama]
    obj = {
        "kampung": lambda: kampung,
        "pokja": lambda: Pokja.objects.filter(kampung=kampung).first(),
        "profil": lambda: current_snapshots(kampung)["profil"],
    }[owner]()
    berkas = getattr(obj, field, None) if obj else None
    return serve_file(berkas, f"{nama}-{kampung.desa_id.replace('.', '-')}")


def publik_foto(request, kode):
    """The cover photo is public (the structure chart and files may name people)."""
    kampung = get_object_or_404(KampungKB, desa_id=kode)
    return serve_file(
        thumbnails.sized(kampung.foto_sampul, request),
        f"sampul-{kampung.desa_id.replace('.', '-')}",
        public=True,
    )
