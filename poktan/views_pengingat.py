"""Reminder links of the completeness page (issue 17 §2; ``poktan/pengingat.py``)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from kampungkb import telepon
from kampungkb.models import Role, User
from kampungkb.periods import Periode, due_date
from kampungkb.scoping import require_role
from poktan import access, kelengkapan, pengingat
from poktan.models import Laporan


@login_required
@require_GET
def pengingat_wa(request, pk: int, periode: Periode, kader: int):
    """Open WhatsApp with the reminder for one register typed, to one of the
    desa's kader: a redirect, so the page never shows the number."""
    poktan = access.poktan_or_404(request.user, pk)
    require_role(request.user, *pengingat.REMINDER_ROLES)
    user = User.objects.filter(
        pk=kader, role=Role.KADER, is_active=True, wilayah_id=poktan.kampung.desa_id
    ).first()
    if user is None or not user.telepon:
        raise Http404
    laporan = Laporan.objects.filter(poktan=poktan, periode=periode.first_day).first()
    keadaan = kelengkapan.keadaan(laporan, due_date(periode), timezone.localdate())
    if keadaan not in pengingat.STATE_TEXT:  # submitted meanwhile: nothing to remind
        messages.info(request, _("Laporan ini sudah diajukan; tidak perlu pengingat."))
        return redirect("poktan:laporan-edit", pk=poktan.pk, periode=periode)
    url = request.build_absolute_uri(reverse("poktan:laporan-edit", args=[poktan.pk, periode]))
    text = pengingat.pesan_kader(
        kader=user, poktan=poktan, periode=periode, keadaan=keadaan, url=url
    )
    return redirect(telepon.wa_link(user.telepon, text))
