"""The poktan section of the Kampung KB page (rendered by the villages app)."""

from __future__ import annotations

from kampungkb.periods import Periode
from poktan.models import Laporan, Poktan, Status


def sections(request, kampung) -> list[dict]:
    """[{"template", "context"}]: the kampung's poktan with this month's register state."""
    poktan = list(Poktan.objects.for_user(request.user).filter(kampung=kampung, aktif=True))
    periode = Periode.current()
    status = (
        dict(
            Laporan.objects.filter(poktan__in=poktan, periode=periode.first_day).values_list(
                "poktan_id", "status"
            )
        )
        if poktan
        else {}
    )
    return [
        {
            "template": "poktan/_kampung_poktan.html",
            "context": {
                "kampung": kampung,
                "periode": periode,
                "items": [
                    (p, status.get(p.pk), Status(status[p.pk]).label if p.pk in status else None)
                    for p in poktan
                ],
            },
        }
    ]


def public_sections(kampung) -> list[dict]:
    """For the public Kampung KB page: which poktan exist, nothing about members."""
    poktan = list(
        Poktan.objects.filter(kampung=kampung, aktif=True).only("id", "nama", "jenis", "kampung_id")
    )
    return [{"template": "poktan/_kampung_poktan_publik.html", "context": {"poktan": poktan}}]
