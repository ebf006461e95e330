"""Views of the shared parts: home per role, region browser, audit list,
period reopen, error pages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kampungkb import reopen, services
from kampungkb.contacts import for_viewer
from kampungkb.forms import PeriodeReopenForm
from kampungkb.hooks import app_hooks
from kampungkb.models import AuditEntry, PeriodeBuka, Role
from kampungkb.replica import replica_read
from kampungkb.scoping import get_for_user_or_404
from villages.models import Wilayah

HOME_TEMPLATES = {
    Role.KADER: "kampungkb/home_kader.html",
    Role.PETUGAS_KECAMATAN: "kampungkb/home_kecamatan.html",
    Role.OPD_KABUPATEN: "kampungkb/home_kabupaten.html",
    Role.OPD_LINTAS_SEKTOR: "kampungkb/home_lintas_sektor.html",
    Role.PIMPINAN: "kampungkb/home_pimpinan.html",
    Role.ADMIN: "kampungkb/home_admin.html",
}


# Apps add what a role sees first on its home page ("Laporan bulan ini", the
# completeness grid, the dashboard) through ``<app>/home.py: panels(request)``,
# which returns a list of {"template": ..., "context": {...}}.
def home_panels(request) -> list[dict]:
    return [panel for module in app_hooks("home") for panel in module.panels(request)]


@login_required
@replica_read
def home(request):
    template = HOME_TEMPLATES.get(request.user.role, "kampungkb/home_admin.html")
    return render(
        request, template, {"wilayah": request.user.wilayah, "panels": home_panels(request)}
    )


@login_required
@replica_read
def wilayah_browse(request, kode=None):
    wilayah = None
    if kode is not None:
        wilayah = get_for_user_or_404(Wilayah, request.user, kode=kode)
    elif request.user.wilayah_id:
        return redirect("wilayah-detail", kode=request.user.wilayah_id)
    children = Wilayah.objects.for_user(request.user).children_of(kode)
    paginator = Paginator(children, 100)
    page = paginator.get_page(request.GET.get("hal"))
    return render(
        request,
        "kampungkb/wilayah_browse.html",
        {
            "wilayah": wilayah,
            "lineage": wilayah.lineage() if wilayah else [],
            "page": page,
            "is_desa": wilayah is not None and wilayah.is_desa,
        },
    )


@login_required
@replica_read
def audit_list(request):
    entries = AuditEntry.objects.for_user(request.user).select_related("actor")
    page = Paginator(entries, 50).get_page(request.GET.get("hal"))
    # Contacts in the history follow the viewer's rights (issue 13 §6).
    page.object_list = [for_viewer(e, request.user) for e in page.object_list]
    return render(request, "kampungkb/audit_list.html", {"page": page})


@login_required
@require_http_methods(["GET", "POST"])
def periode_reopen_view(request):
    reopen.require_reopen(request.user)
    form = PeriodeReopenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        desa = Wilayah.objects.for_user(request.user).desa(form.cleaned_data["desa"])
        if desa is None:
            form.add_error("desa", _("Desa dengan kode ini tidak ada di wilayah Anda."))
        else:
            services.periode_reopen(
                desa=desa,
                periode=form.cleaned_data["periode"],
                sampai=form.cleaned_data["sampai"],
                alasan=form.cleaned_data["alasan"],
                by=request.user,
            )
            messages.success(
                request,
                _("Periode %(p)s %(d)s dibuka kembali.")
                % {"p": form.cleaned_data["periode"].label, "d": desa.label},
            )
            return redirect(reopen.next_url(request) or "periode-reopen")
    reopened = PeriodeBuka.objects.for_user(request.user).select_related("desa", "dibuka_oleh")
    return render(
        request,
        "kampungkb/periode_reopen.html",
        {"form": form, "reopened": reopened.order_by("-periode")[:50]},
    )


def error_403(request, exception=None):
    return render(request, "403.html", status=403)


def error_404(request, exception=None):
    return render(request, "404.html", status=404)


def error_500(request):
    # No context processors: the database may be what failed.
    from django.http import HttpResponseServerError
    from django.template import loader

    return HttpResponseServerError(loader.get_template("500.html").render())
