"""Home-page panel: the kader's own Kampung KB, or the classes in the user's region."""

from __future__ import annotations

from django.db.models import Count

from kampungkb.models import Role
from kampungkb.periods import Periode
from villages.choices import Kelas
from villages.models import KampungKB


def panels(request) -> list[dict]:
    user = request.user
    kampung = KampungKB.objects.for_user(user)
    if user.role == Role.KADER:
        own = kampung.filter(desa_id=user.wilayah_id).first()
        if own is None:
            return []
        return [
            {
                "template": "villages/_panel_kampung.html",
                "context": {"kampung": own, "periode": Periode.current()},
            }
        ]
    # COUNT(*), not COUNT(id): kampungkb_desa_kelas_idx then answers it alone.
    counts = dict(kampung.values_list("kelas").annotate(n=Count("*")).order_by())
    if not counts:
        return []
    return [
        {
            "template": "villages/_panel_kelas.html",
            "context": {"kelas": [(k, counts.get(k, 0)) for k in Kelas.values]},
        }
    ]
