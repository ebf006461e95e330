"""Cetak R/I (issue 15 item 3): thin views over ``reports.ri``."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.utils.text import slugify
from django.utils.translation import gettext as _

from kampungkb.replica import replica_read
from kampungkb.scoping import get_for_user_or_404
from reports import outputs, ri
from reports.access import kabupaten_of, periode_from, wilayah_for
from reports.views_pdf import respond
from reports.xlsx import xlsx_response
from villages.models import Tingkat

# A kecamatan of the largest kabupaten holds a few hundred poktan.
MAKS_POKTAN = 600


@login_required
@replica_read
def ri_pdf(request, pk: int):
    """The one-page R/I of a poktan × month (?periode=YYYY-MM), blank if none."""
    from poktan.models import Laporan, Poktan

    poktan = get_for_user_or_404(
        Poktan.objects.select_related("kampung__desa").prefetch_related("pengurus"),
        request.user,
        pk=pk,
    )
    periode = periode_from(request)
    laporan = (
        Laporan.objects.filter(poktan=poktan, periode=periode.first_day)
        .prefetch_related("pertemuan")
        .first()
    )
    context = ri.ri_context(poktan, periode, laporan)
    return respond(
        request,
        "reports/pdf/_ri.html",
        context,
        judul=str(context["judul_formulir"]),
        kabupaten=kabupaten_of(poktan.kampung.desa),
        filename=outputs.filename(
            slugify(f"r-i-{poktan.jenis}-{poktan.pk}"), poktan.kampung.desa, periode
        ),
        as_pdf=True,
    )


@login_required
@replica_read
def ri_xlsx(request, kode: str):
    """The R/I rows of every active poktan of a kecamatan (or desa) for a month."""
    from poktan.models import Laporan, Poktan

    wilayah = wilayah_for(request.user, kode)
    if wilayah.tingkat < Tingkat.KECAMATAN:
        raise Http404
    periode = periode_from(request)
    poktan = list(
        Poktan.objects.for_user(request.user)
        .in_wilayah(kode)
        .filter(aktif=True)
        .select_related("kampung__desa")
        .order_by("kampung__desa__nama", "jenis", "nama", "pk")[:MAKS_POKTAN]
    )
    laporan = {
        lap.poktan_id: lap
        for lap in Laporan.objects.of(periode)
        .filter(poktan__in=[p.pk for p in poktan])
        .prefetch_related("pertemuan")
    }
    sheets = ri.ri_sheets(poktan, laporan, periode, wilayah)
    if not sheets:
        raise Http404(_("Tidak ada poktan aktif di wilayah ini."))
    return xlsx_response(sheets, outputs.filename("r-i", wilayah, periode, "xlsx"))
