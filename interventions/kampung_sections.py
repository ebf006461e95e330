"""Sections the villages app renders on the Kampung KB page
(``/kampung/<kode desa>/``): the interventions feed and the flagship
innovations. The caller has already resolved ``kampung`` through the user's
scope, so the contact of a flagship innovation (personal data) may show."""

from __future__ import annotations

from interventions import access
from interventions.models import InovasiUnggulan, Intervensi
from interventions.selectors import lintas_sektor_of
from kampungkb.contacts import can_see_contacts

FEED_SIZE = 10


def sections(request, kampung) -> list[dict]:
    user = request.user
    feed = list(
        Intervensi.objects.for_user(user)
        .filter(kampung=kampung)
        .prefetch_related("instansi")[:FEED_SIZE]
    )
    unggulan = list(InovasiUnggulan.objects.for_user(user).filter(kampung=kampung))
    return [
        {
            "template": "interventions/_kampung_intervensi.html",
            "context": {
                "kampung": kampung,
                "feed": feed,
                "lintas_sektor": lintas_sektor_of(kampung),
                "can_create": access.can_create_intervensi(user),
            },
        },
        {
            "template": "interventions/_kampung_unggulan.html",
            "context": {
                "kampung": kampung,
                "unggulan": unggulan,
                "show_contact": can_see_contacts(user),  # contact rights (kampungkb/contacts.py)
                "can_manage": access.can_manage_unggulan(user),
            },
        },
    ]


def public_sections(kampung) -> list[dict]:
    """For the public page (``/publik/kampung/<kode>/``): the interventions feed
    with only photos marked public, and the flagship innovations without any
    contact (no personal data on public pages)."""
    from django.db.models import Prefetch

    from interventions.models import FotoIntervensi

    feed = list(
        Intervensi.objects.filter(kampung=kampung).prefetch_related(
            "instansi", Prefetch("foto", FotoIntervensi.objects.filter(publik=True), "foto_publik")
        )[:FEED_SIZE]
    )
    unggulan = list(
        InovasiUnggulan.objects.filter(kampung=kampung).only(
            "nama", "singkatan", "deskripsi", "inisiator", "kampung_id", "urutan"
        )
    )
    return [
        {
            "template": "interventions/_publik_intervensi.html",
            "context": {"kampung": kampung, "feed": feed},
        },
        {
            "template": "interventions/_kampung_unggulan.html",
            "context": {"kampung": kampung, "unggulan": unggulan, "show_contact": False},
        },
    ]
