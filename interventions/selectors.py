"""Read-side queries other apps use (villages, reports, the PDF)."""

from __future__ import annotations

from django.db.models import Count, Q
from django.db.models.functions import Coalesce

from interventions import richtext
from interventions.instansi_resmi import INSTANSI_KB
from interventions.models import Intervensi


def lintas_sektor_of(kampung) -> int:
    """``lintas_sektor_count`` of one Kampung KB, counted once per object: the
    Kampung KB page and its sections share the figure within a request."""
    if not hasattr(kampung, "_lintas_sektor"):
        kampung._lintas_sektor = lintas_sektor_count([kampung.pk])[kampung.pk]
    return kampung._lintas_sektor


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


def intervensi_list_qs(user):
    return (
        Intervensi.objects.for_user(user)
        .select_related("kampung__desa", "instansi_pemilik", "inpres_kegiatan")
        .prefetch_related("instansi")
    )


def inovasi_list_qs(user):
    from interventions.models import Inovasi

    return Inovasi.objects.for_user(user).select_related(
        "wilayah", "perangkat_daerah", "tahun_iid", "tematik"
    )


PROFILE_RELATED = ["wilayah", "perangkat_daerah__induk", "tahun_iid", "tematik"]


def inovasi_profile(inovasi, user=None) -> dict:
    """Everything the innovation page and its PDF show, in a fixed number of
    queries; sections follow the official profile (seed document order).

    ``user`` narrows the linked Kampung KB and interventions to the user's
    scope (None: all, for a PDF rendered by a task that checked scope)."""
    from interventions import iid
    from interventions.models import Inovasi

    if "tahun_iid" not in inovasi._state.fields_cache:
        inovasi = Inovasi.objects.select_related(*PROFILE_RELATED).get(pk=inovasi.pk)
    kampung = inovasi.kampung.select_related("desa")
    intervensi = (
        inovasi.intervensi.select_related("kampung")
        .prefetch_related("instansi")
        .order_by("tanggal", "id")
    )
    if user is not None:
        kampung = kampung.for_user(user)
        intervensi = intervensi.for_user(user)
    kematangan = iid.kematangan(inovasi)
    return {
        "inovasi": inovasi,
        "wilayah_lineage": inovasi.wilayah.lineage(),
        "rancang_bangun_html": richtext.render(inovasi.rancang_bangun),
        "rancang_bangun_kata": len(inovasi.rancang_bangun.split()),
        "kampung_list": list(kampung),
        "intervensi_list": list(intervensi),
        "kematangan": kematangan,
    }
