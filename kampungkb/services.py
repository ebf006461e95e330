"""State changes of the shared mechanisms."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

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
