"""Read-side queries other apps use (villages, reports, the PDF)."""

from __future__ import annotations

from django.db.models import Count, Q
from django.db.models.functions import Coalesce

from interventions.instansi_resmi import INSTANSI_KB
from interventions.models import Intervensi


def lintas_sektor_count(kampung_ids: list[int]) -> dict[int, int]:
    """Distinct agencies over each Kampung KB's interventions, in one query.

    The KB agencies themselves (``INSTANSI_KB``, and local OPD names matched to
    them) are not "lintas sektor" — the official code intended to exclude them
    but filtered the wrong column (domain.md §3.1). A local OPD name counts as
    the official agency it is matched to, so "Dinas Perikanan" and "Dinas
    Kelautan dan Perikanan" in one village count once. Every requested id is
    in the result (0 when none)."""
    ids = list(kampung_ids)
    result = dict.fromkeys(ids, 0)
    if not ids:
        return result
    through = Intervensi.instansi.through
    rows = (
        through.objects.filter(intervensi__kampung_id__in=ids)
        .exclude(Q(instansi__nama__in=INSTANSI_KB) | Q(instansi__induk__nama__in=INSTANSI_KB))
        .values("intervensi__kampung_id")
        .annotate(n=Count(Coalesce("instansi__induk_id", "instansi_id"), distinct=True))
        .order_by()
    )
    for row in rows:
        result[row["intervensi__kampung_id"]] = row["n"]
    return result
