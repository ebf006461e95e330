"""Permission matrix cases of the reports app (tests/matrix.py)."""

from django.urls import reverse

from conftest import LABUHANBATU, PONDOK_BATU
from tests.matrix import Case, expect, read_in_scope

OUTSIDE_KABUPATEN = ("opd_kabupaten_lain",)
# Below the kabupaten: a kader or PKB asking for the kabupaten is outside its scope.
BELOW_KABUPATEN = ("kader_pondokbatu", "kader_desa_lain", "pkb_bilahhulu", "pkb_kecamatan_lain")
OUTSIDE_PONDOK_BATU = ("kader_desa_lain", "pkb_kecamatan_lain", "opd_kabupaten_lain")


def build(w):
    from reports import summaries
    from reports.tests.factories import kang_mas_mesra

    summaries.refresh_desa(PONDOK_BATU, None)
    w.inovasi = kang_mas_mesra(w.kampung, bukti=1)


CASES = [
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
]
