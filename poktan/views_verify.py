"""Verify several submitted registers at once from the verification queue.

Each ticked register carries the version the reviewer saw (``laporan`` =
"<id>:<version>"); each goes through ``services.laporan_verify`` on its own, so
each is version-checked and audited as if verified from its own page. One that
changed since (stale) or is no longer submitted is named with the reason and
the others still go through.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from kampungkb.concurrency import ConflictError
from kampungkb.scoping import require_role
from poktan import access, services
from poktan.models import Laporan

MAX_SELECTED = 100


def parse_selection(values: list[str]) -> dict[int, int] | None:
    """{laporan id: version seen} from "<id>:<version>" values; None if any is malformed."""
    selected: dict[int, int] = {}
    for value in values:
        pk, sep, version = value.partition(":")
        if not (sep and pk.isdigit() and version.isdigit()):
            return None
        selected[int(pk)] = int(version)
    return selected


def _back(request):
    """Back to the queue, on the month and region the reviewer was looking at
    (or to the home page, whose panel has the same queue)."""
    if request.POST.get("kembali") == "beranda":
        return redirect("home")
    params = {k: request.POST[k] for k in ("periode", "wilayah") if request.POST.get(k)}
    url = reverse("poktan:kelengkapan")
    return redirect(f"{url}?{urlencode(params)}#menunggu" if params else f"{url}#menunggu")


def selected_in_scope(user, selected: dict[int, int]) -> list[Laporan]:
    """The ticked registers, through the user's scope; 404 if any is outside it."""
    laporan_list = list(
        Laporan.objects.for_user(user)
        .filter(pk__in=selected)
        .select_related("poktan__kampung__desa")
        .order_by("poktan__nama", "periode")
    )
    if len(laporan_list) != len(selected):
        raise Http404  # outside the reviewer's scope, or no such register
    return laporan_list


def verify_selected(user, laporan_list: list[Laporan], selected: dict[int, int]):
    """Verify each register through the service; (how many verified, refusals by name)."""
    verified, refused = 0, []
    for laporan in laporan_list:
        name = f"{laporan.poktan.nama} ({laporan.periode_obj.label})"
        try:
            services.laporan_verify(laporan=laporan, by=user, expected_version=selected[laporan.pk])
        except ConflictError:
            refused.append(
                _("%(nama)s: diubah orang lain sejak halaman ini dibuka; periksa lagi.")
                % {"nama": name}
            )
        except ValidationError as exc:
            refused.append(f"{name}: {' '.join(exc.messages)}")
        else:
            verified += 1
    return verified, refused


@login_required
@require_POST
def laporan_verify_many(request):
    selected = parse_selection(request.POST.getlist("laporan")[: MAX_SELECTED + 1])
    laporan_list = selected_in_scope(request.user, selected or {})
    require_role(request.user, *access.REVIEWER_ROLES)
    if selected is None:
        messages.error(request, _("Pilihan laporan tidak dapat dibaca. Muat ulang halaman."))
        return _back(request)
    if not selected:
        messages.error(request, _("Centang dulu laporan yang akan diverifikasi."))
        return _back(request)
    if len(selected) > MAX_SELECTED:
        messages.error(
            request,
            _("Paling banyak %(n)s laporan sekali verifikasi.") % {"n": MAX_SELECTED},
        )
        return _back(request)
    verified, refused = verify_selected(request.user, laporan_list, selected)
    if verified:
        messages.success(
            request,
            ngettext("%(n)s laporan diverifikasi.", "%(n)s laporan diverifikasi.", verified)
            % {"n": verified},
        )
    if refused:
        messages.error(
            request,
            ngettext(
                "%(n)s laporan tidak diverifikasi: %(daftar)s",
                "%(n)s laporan tidak diverifikasi: %(daftar)s",
                len(refused),
            )
            % {"n": len(refused), "daftar": " · ".join(refused)},
        )
    return _back(request)
