"""Home-page panel: the kader's own Kampung KB, or the classes in the user's region."""

from __future__ import annotations

from kampungkb.models import Role
from kampungkb.periods import Periode
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
    counts = kelas_counts_for(user)
    if not counts:
        return []
    return [{"template": "villages/_panel_kelas.html", "context": {"kelas": counts}}]


def kelas_counts_for(user) -> list[tuple[str, int]]:
    """The class counts of the user's region from the dashboard's own summary
    row (``reports.dashboard.kelas_counts``), so home page and dashboard agree;
    the latest month that has a row, this month normally."""
    from reports.dashboard import kelas_counts
    from reports.models import Ringkasan
    from reports.summaries import rollup_values, row_values

    rows = Ringkasan.objects.filter(periode__lte=Periode.current().first_day)
    if user.wilayah_id:
        return kelas_counts(rows.filter(wilayah_id=user.wilayah_id).order_by("-periode").first())
    latest = rows.filter(tingkat=1).order_by("-periode").values_list("periode", flat=True)[:1]
    provinces = [row_values(r) for r in rows.filter(tingkat=1, periode__in=latest)]
    if not provinces:
        return []
    return kelas_counts(Ringkasan(**rollup_values(0, provinces)))
