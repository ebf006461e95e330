"""Home panel for OPD kabupaten and pimpinan: this month at a glance."""

from __future__ import annotations

from django.db.models import F

from kampungkb.models import Role
from kampungkb.periods import Periode
from reports import dashboard
from reports.models import Ringkasan

PANEL_ROLES = {Role.OPD_KABUPATEN, Role.PIMPINAN, Role.OPD_LINTAS_SEKTOR}


def panels(request) -> list[dict]:
    user = request.user
    if user.role not in PANEL_ROLES or not user.wilayah_id:
        return []
    periode = Periode.current()
    row = Ringkasan.objects.of(periode).filter(wilayah_id=user.wilayah_id).first()
    behind = 0
    if row is not None:
        # Same rule as the dashboard's list: registers owed but not all in.
        behind = (
            Ringkasan.objects.of(periode)
            .filter(
                tingkat=4,
                wilayah__kode__startswith=f"{user.wilayah_id}.",
                laporan_masuk__lt=F("laporan_wajib"),
            )
            .count()
        )
    return [
        {
            "template": "reports/_panel_dasbor.html",
            "context": {
                "periode": periode,
                "row": row,
                "tiles": dashboard.tiles(row)[:6],
                "behind": behind,
                "kode": user.wilayah_id,
            },
        }
    ]
