"""Home-page panels: a lintas-sektor agency's own interventions; innovations
and their maturity score for the kabupaten."""

from __future__ import annotations

from interventions import access
from interventions.models import Inovasi, Intervensi
from kampungkb.models import Role

SIZE = 5


def panels(request) -> list[dict]:
    user = request.user
    result = []
    if user.role == Role.OPD_LINTAS_SEKTOR and user.instansi_id:
        own = (
            Intervensi.objects.for_user(user)
            .filter(instansi_pemilik_id=user.instansi_id)
            .select_related("kampung__desa")[:SIZE]
        )
        result.append(
            {
                "template": "interventions/_panel_intervensi.html",
                "context": {"intervensi": list(own), "can_create": True},
            }
        )
    if user.role in (Role.OPD_KABUPATEN, Role.PIMPINAN, Role.ADMIN) or user.is_superuser:
        inovasi = Inovasi.objects.for_user(user).select_related("tahun_iid")
        result.append(
            {
                "template": "interventions/_panel_inovasi.html",
                "context": {
                    "inovasi": list(inovasi.order_by("-skor_kematangan", "nama")[:SIZE]),
                    "can_manage": access.can_manage_inovasi(user),
                },
            }
        )
    return result
