"""Cetak R/I (issue 15 item 3): the SIGA R/I form of one poktan × month as a
one-page PDF, and a kecamatan's (or desa's) month as an XLSX in the same rows
(``reports.ri`` defines the rows once)."""

from __future__ import annotations

from django.http import Http404
from django.utils.text import slugify
from django.utils.translation import gettext_lazy

from kampungkb.scoping import get_for_user_or_404
from reports import ri
from reports.access import wilayah_for
from reports.documents.base import Document, region_filename, register
from villages.models import Tingkat

# A kecamatan of the largest kabupaten holds a few hundred poktan.
MAKS_POKTAN = 600


def find_poktan(user, pk):
    from poktan.models import Poktan

    queryset = Poktan.objects.select_related("kampung__desa").prefetch_related("pengurus")
    return get_for_user_or_404(queryset, user, pk=pk)


def poktan_context(ask) -> dict:
    """The one-page R/I of a poktan × month (?periode=YYYY-MM), blank if none."""
    from poktan.models import Laporan

    laporan = (
        Laporan.objects.filter(poktan=ask.subject, periode=ask.periode.first_day)
        .prefetch_related("pertemuan")
        .first()
    )
    return ri.ri_context(ask.subject, ask.periode, laporan)


def wilayah_context(ask) -> dict:
    """Every active poktan of the region in scope with its register of the month."""
    from poktan.models import Laporan, Poktan

    poktan = list(
        Poktan.objects.for_user(ask.user)
        .in_wilayah(ask.subject.kode)
        .filter(aktif=True)
        .select_related("kampung__desa")
        .order_by("kampung__desa__nama", "jenis", "nama", "pk")[:MAKS_POKTAN]
    )
    if not poktan:
        raise Http404(gettext_lazy("Tidak ada poktan aktif di wilayah ini."))
    laporan = {
        lap.poktan_id: lap
        for lap in Laporan.objects.of(ask.periode)
        .filter(poktan__in=[p.pk for p in poktan])
        .prefetch_related("pertemuan")
    }
    return {"poktan": poktan, "laporan": laporan, "periode": ask.periode, "wilayah": ask.subject}


RI_POKTAN = register(
    Document(
        name="r-i",
        group="ri",
        jenis="poktan",
        judul=gettext_lazy("Cetak R/I"),
        title=lambda context: str(context["judul_formulir"]),
        subject=find_poktan,
        context=poktan_context,
        formats=("pdf",),
        template="reports/pdf/_ri.html",
        filename=lambda ask: region_filename(
            slugify(f"r-i-{ask.subject.jenis}-{ask.subject.pk}"),
            ask.subject.kampung.desa,
            ask.periode,
        ),
        wilayah_of=lambda poktan: poktan.kampung.desa,
        periodic=True,
    )
)

RI_WILAYAH = register(
    Document(
        name="r-i-wilayah",
        group="ri",
        jenis="wilayah",
        judul=gettext_lazy("Cetak R/I"),
        subject=wilayah_for,
        context=wilayah_context,
        formats=("xlsx",),
        tingkat=(Tingkat.KECAMATAN, Tingkat.DESA),
        sheets=lambda c: ri.ri_sheets(c["poktan"], c["laporan"], c["periode"], c["wilayah"]),
        filename=lambda ask: region_filename("r-i", ask.subject, ask.periode, "xlsx"),
        periodic=True,
    )
)
