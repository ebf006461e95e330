"""Reopening a locked month for one desa (design.md §4.2): who may, and the
offer on a register page refused because its month is locked.

Every place that shows a way to reopen (the menu, the locked register, the
Kampung KB snapshot) and the POST that does it ask ``can_reopen``: what a
user is offered is exactly what they are allowed.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from kampungkb.models import Role
from kampungkb.periods import Periode, PeriodeStatus

REOPEN_ROLES = (Role.OPD_KABUPATEN, Role.ADMIN)
# The offer on a locked register proposes two weeks (the form allows up to 60 days).
OFFER_DAYS = 14


def can_reopen(user) -> bool:
    """Dinas PPKB kabupaten and the admin reopen months (within their scope:
    the desa is looked up in ``Wilayah.objects.for_user``)."""
    return bool(
        getattr(user, "is_authenticated", False)
        and (user.is_superuser or user.role in REOPEN_ROLES)
    )


def require_reopen(user) -> None:
    if not can_reopen(user):
        raise PermissionDenied


def offer(request, *, desa_kode: str, periode: Periode, status: PeriodeStatus) -> dict | None:
    """The "Buka kembali periode ini" form of a register page
    (``includes/_periode_reopen.html``): the village and month already chosen,
    back to this page afterwards. None when the month is not locked or the
    user may not reopen."""
    if status != PeriodeStatus.TERKUNCI or not can_reopen(request.user):
        return None
    return {
        "desa": desa_kode,
        "periode": periode,
        "sampai": timezone.localdate() + dt.timedelta(days=OFFER_DAYS),
        "next": request.get_full_path(),
    }


def next_url(request) -> str | None:
    """Where the register's reopen form came from, if it is a page of ours."""
    url = request.POST.get("next") or ""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return None
