"""Home-page panels: the kader's "Laporan bulan ini", the reviewers' kelengkapan."""

from __future__ import annotations

from django.utils import timezone

from kampungkb.models import Role
from kampungkb.periods import Periode
from poktan import kelengkapan


def panels(request) -> list[dict]:
    user = request.user
    periode = Periode.current()
    if user.role == Role.KADER:
        from poktan.checklist import month_checklist, needs_action

        return [
            {
                "template": "poktan/_panel_kader.html",
                "context": {
                    "periode": periode,
                    "cells": month_checklist(user, periode),
                    "needs_action": needs_action(user, periode),
                },
            }
        ]
    if user.role in (Role.PETUGAS_KECAMATAN, Role.OPD_KABUPATEN) and user.wilayah_id:
        # Before the due date the month just ended is the one to chase.
        periode = periode.prev()
        today = timezone.localdate()
        if user.role == Role.PETUGAS_KECAMATAN:
            rows = kelengkapan.desa_grid(user, user.wilayah_id, periode, today)
        else:
            rows = kelengkapan.rollup(user, user.wilayah_id, periode, today)
        return [
            {
                "template": "poktan/_panel_kecamatan.html",
                "context": {
                    "periode": periode,
                    "rows": rows,
                    "queue": list(kelengkapan.verification_queue(user, user.wilayah_id, 10)),
                },
            }
        ]
    return []
