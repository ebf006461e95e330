"""The kader's month: each poktan with its register of the month, and the
older registers still waiting for them (the "Laporan bulan ini" page and the
kader's home panel)."""

from __future__ import annotations

from django.utils import timezone

from kampungkb.periods import Periode, due_date
from poktan import kelengkapan
from poktan.models import Laporan, Poktan, Status


def month_checklist(user, periode: Periode):
    """Each poktan in the user's scope with its register of ``periode`` (two queries)."""
    today = timezone.localdate()
    due = due_date(periode)
    poktan = list(
        Poktan.objects.for_user(user).filter(aktif=True).select_related("kampung__desa")[:200]
    )
    laporan = {
        lap.poktan_id: lap
        for lap in Laporan.objects.for_user(user)
        .of(periode)
        .filter(poktan_id__in=[p.pk for p in poktan])
    }
    return [
        kelengkapan.Cell(p, laporan.get(p.pk), kelengkapan.keadaan(laporan.get(p.pk), due, today))
        for p in poktan
    ]


def needs_action(user, periode: Periode):
    """Older registers of the user's poktan still in draf or returned."""
    return (
        Laporan.objects.for_user(user)
        .filter(status__in=[Status.DRAF, Status.DIKEMBALIKAN], periode__lt=periode.first_day)
        .select_related("poktan")
        .order_by("-periode")[:10]
    )
