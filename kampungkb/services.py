"""State changes of the shared mechanisms."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext_noop

from kampungkb import audit
from kampungkb.models import PeriodeBuka, User
from kampungkb.periods import Periode


@transaction.atomic
def periode_reopen(
    *, desa, periode: Periode, sampai: dt.date, by: User, alasan: str = ""
) -> PeriodeBuka:
    """Reopen one desa × period until ``sampai`` (design.md §4.2), audited."""
    buka, created = PeriodeBuka.objects.update_or_create(
        desa=desa,
        periode=periode.first_day,
        defaults={"sampai": sampai, "alasan": alasan, "dibuka_oleh": by},
    )
    audit.record(
        actor=by,
        action="kampungkb.periode.reopen",
        obj=buka,
        wilayah_kode=desa.kode,
        changes={
            "periode": {
                "label": "periode",
                "old": "–",
                "new": periode.label,
                "raw": [None, str(periode)],
            },
            "sampai": {
                "label": "dibuka sampai",
                "old": "–",
                "new": audit.display_value(sampai),
                "raw": [None, audit.raw_value(sampai)],
            },
        },
        note=alasan,
    )
    return buka


@transaction.atomic
def user_telepon_save(*, user: User, telepon: str, by: User) -> bool:
    """A user's own mobile number (already normalised); False when unchanged.
    The audit entry says it changed, never the number (the log is read widely)."""
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.telepon == telepon:
        return False
    user.telepon = telepon
    user.save(update_fields=["telepon"])
    audit.record(
        actor=by,
        action="kampungkb.user.update",
        obj=user,
        changes={"telepon": {"label": gettext_noop("nomor HP"), "old": "•", "new": "•"}},
        wilayah_kode=user.wilayah_id or "",
    )
    return True
