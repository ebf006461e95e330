"""Permission matrix cases of the reports app (tests/matrix.py)."""

from django.urls import reverse

from conftest import BILAH_HULU, LABUHANBATU, PONDOK_BATU
from kampungkb.periods import Periode
from tests.matrix import Case, expect, read_in_scope

OUTSIDE_KABUPATEN = ("opd_kabupaten_lain",)
# Below the kabupaten: a kader or PKB asking for the kabupaten is outside its scope.
BELOW_KABUPATEN = ("kader_pondokbatu", "kader_desa_lain", "pkb_bilahhulu", "pkb_kecamatan_lain")
OUTSIDE_PONDOK_BATU = ("kader_desa_lain", "pkb_kecamatan_lain", "opd_kabupaten_lain")


BELOW_KECAMATAN = ("kader_pondokbatu", "kader_desa_lain")
OUTSIDE_BILAH_HULU = ("pkb_kecamatan_lain", "opd_kabupaten_lain")
OWNER_ONLY = expect(404, pimpinan=200, anonim=302)


def build(w):
    from kampungkb.domain import JenisPoktan
    from poktan.models import Poktan
    from reports import summaries
    from reports.models import Unduhan
    from reports.tests.factories import kang_mas_mesra

    summaries.refresh_desa(PONDOK_BATU, None)
    w.poktan_ri = Poktan.objects.create(kampung=w.kampung, jenis=JenisPoktan.BKB, nama="BKB R/I")
    w.inovasi = kang_mas_mesra(w.kampung, bukti=1)
    w.unduhan = Unduhan.objects.create(
        pemilik=w.personas.pimpinan,
        jenis="intervensi",
        wilayah_id=PONDOK_BATU,
        periode=Periode.current().first_day,
        judul="Rekap",
        status="selesai",
        isi=b"%PDF-1.7",
        nama_berkas="rekap.pdf",
    )


CASES = [
    # Cetak R/I: the register of a poktan × month (PDF), a kecamatan's month (XLSX).
    Case(
        "reports:ri-pdf",
        lambda w: (
            reverse("reports:ri-pdf", args=[w.poktan_ri.pk]) + f"?periode={Periode.current()}"
        ),
        read_in_scope(OUTSIDE_PONDOK_BATU),
    ),
    Case(
        "reports:ri-xlsx",
        lambda w: reverse("reports:ri-xlsx", args=[BILAH_HULU]) + f"?periode={Periode.current()}",
        read_in_scope(BELOW_KECAMATAN + OUTSIDE_BILAH_HULU),
    ),
    Case(
        "reports:ri-xlsx",
        lambda w: reverse("reports:ri-xlsx", args=[LABUHANBATU]),
        expect(404, anonim=302),
        label="kabupaten",
    ),
    Case(
        "reports:dasbor-home",
        url=lambda w: reverse("reports:dasbor-home"),
        expected=expect(302, admin_portal=200),
    ),
    Case(
        "reports:dasbor",
        label="kabupaten",
        url=lambda w: reverse("reports:dasbor", args=[LABUHANBATU]),
        expected=read_in_scope(OUTSIDE_KABUPATEN + BELOW_KABUPATEN),
    ),
    Case(
        "reports:dasbor",
        label="desa",
        url=lambda w: reverse("reports:dasbor", args=[PONDOK_BATU]),
        expected=read_in_scope(OUTSIDE_PONDOK_BATU),
    ),
    Case(
        "reports:inovasi-pdf",
        url=lambda w: reverse("reports:inovasi-pdf", args=[w.inovasi.pk]),
        expected=read_in_scope(OUTSIDE_PONDOK_BATU),
    ),
    Case(
        "reports:inovasi-pratinjau",
        url=lambda w: reverse("reports:inovasi-pratinjau", args=[w.inovasi.pk]),
        expected=read_in_scope(OUTSIDE_PONDOK_BATU),
    ),
    Case(
        "reports:kampung-pratinjau",
        url=lambda w: reverse("reports:kampung-pratinjau", args=[PONDOK_BATU]),
        expected=read_in_scope(OUTSIDE_PONDOK_BATU),
    ),
    Case(
        "reports:kampung-pdf",
        url=lambda w: reverse("reports:kampung-pdf", args=[PONDOK_BATU]),
        expected=read_in_scope(OUTSIDE_PONDOK_BATU),
    ),
    Case(
        "reports:rekap-pratinjau",
        label="poktan kecamatan",
        url=lambda w: reverse("reports:rekap-pratinjau", args=["poktan", BILAH_HULU]),
        expected=read_in_scope(OUTSIDE_BILAH_HULU + BELOW_KECAMATAN),
    ),
    Case(
        "reports:rekap-pdf",
        label="intervensi desa",
        url=lambda w: reverse("reports:rekap-pdf", args=["intervensi", PONDOK_BATU]),
        expected=read_in_scope(OUTSIDE_PONDOK_BATU),
    ),
    Case(
        "reports:rekap-xlsx",
        label="poktan kabupaten",
        url=lambda w: reverse("reports:rekap-xlsx", args=["poktan", LABUHANBATU]),
        expected=read_in_scope(OUTSIDE_KABUPATEN + BELOW_KABUPATEN),
    ),
    Case(
        "reports:unduhan-create",
        method="POST",
        url=lambda w: reverse("reports:unduhan-create"),
        data={"jenis": "intervensi", "kode": PONDOK_BATU, "format": "xlsx"},
        expected=expect(302, **dict.fromkeys(OUTSIDE_PONDOK_BATU, 404)),
    ),
    Case(
        "reports:unduhan-detail",
        url=lambda w: reverse("reports:unduhan-detail", args=[w.unduhan.pk]),
        expected=OWNER_ONLY,
    ),
    Case(
        "reports:unduhan-berkas",
        url=lambda w: reverse("reports:unduhan-berkas", args=[w.unduhan.pk]),
        expected=OWNER_ONLY,
    ),
    Case(
        "reports:dasbor-xlsx",
        url=lambda w: reverse("reports:dasbor-xlsx", args=[BILAH_HULU]),
        expected=read_in_scope(OUTSIDE_BILAH_HULU + BELOW_KECAMATAN),
    ),
    Case(
        "reports:laporan-index",
        url=lambda w: reverse("reports:laporan-index"),
        expected=read_in_scope(()),
    ),
    Case(
        "reports:daftar-xlsx",
        url=lambda w: reverse("reports:daftar-xlsx", args=["intervensi"]),
        expected=read_in_scope(()),
    ),
]
