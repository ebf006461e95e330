"""Profil Kampung KB: one Kampung KB as its page shows it, previewed and
printed (PDF), with its pokja, poktan and latest interventions."""

from __future__ import annotations

from django.db.models import Count, Window
from django.utils.translation import gettext_lazy

from kampungkb.periods import Periode
from kampungkb.scoping import get_for_user_or_404
from reports.documents.base import Document, region_filename, register


def kampung_context(kampung, user) -> dict:
    from interventions.models import InovasiUnggulan, Intervensi
    from poktan.models import Poktan
    from villages.models import AnggotaPokja, ProfilKampung
    from villages.profile import lineage_of, profile_context

    context = profile_context(kampung)
    # ``kampung`` comes with its pokja and region chain (villages.profile.PAGE_QUERYSET).
    context["pokja"] = getattr(kampung, "pokja", None)
    context["anggota_pokja"] = list(
        AnggotaPokja.objects.filter(pokja__kampung=kampung).order_by("urutan", "id")
    )
    context["poktan_list"] = list(
        Poktan.objects.for_user(user).filter(kampung=kampung, aktif=True).order_by("jenis", "nama")
    )
    # The newest 30, each row carrying the total (a window count) instead of a second query.
    intervensi = list(
        Intervensi.objects.for_user(user)
        .filter(kampung=kampung)
        .annotate(total=Window(Count("pk")))
        .prefetch_related("instansi")
        .order_by("-tanggal", "-id")[:30]
    )
    context["intervensi_list"] = intervensi
    context["intervensi_total"] = intervensi[0].total if intervensi else 0
    context["unggulan"] = list(InovasiUnggulan.objects.filter(kampung=kampung))
    context["lineage"] = lineage_of(kampung)
    # The SK is printed once, on its own line (selectors.sk_pokja), not in the table.
    context["sk_label"] = ProfilKampung._meta.get_field("pokja_sk").verbose_name
    return context


def find(user, kode):
    from villages.profile import PAGE_QUERYSET

    return get_for_user_or_404(PAGE_QUERYSET, user, desa_id=kode)


PROFIL_KAMPUNG = register(
    Document(
        name="profil-kampung-kb",
        group="profil",
        jenis="kampung",
        judul=gettext_lazy("Profil Kampung KB"),
        subject=find,
        context=lambda ask: kampung_context(ask.subject, ask.user),
        formats=("html", "pdf"),
        tingkat=(4,),
        template="reports/pdf/_kampung.html",
        # Of today, whatever ?periode= says: the profile as it stands.
        filename=lambda ask: region_filename(
            "profil-kampung-kb", ask.subject.desa, Periode.current(), "pdf"
        ),
        wilayah_of=lambda kampung: kampung.desa,
        url_names={"pdf": "reports:kampung-pdf"},
    )
)
