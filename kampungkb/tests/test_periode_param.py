"""``?periode=`` is read by one function (periods.periode_from_request): a bad
value is said on the page, which shows the current month instead."""

import pytest
from django.urls import reverse

from conftest import LABUHANBATU
from kampungkb.periods import Periode


@pytest.mark.parametrize(
    "url",
    [
        reverse("reports:dasbor", kwargs={"kode": LABUHANBATU}),
        reverse("reports:laporan-index"),
        reverse("poktan:kelengkapan"),
    ],
)
@pytest.mark.parametrize("bad", ["2026-13", "bulan lalu", "2015-12"])
def test_a_bad_periode_is_said_and_the_current_month_shown(
    url, bad, opd_labuhanbatu, kampung_pondokbatu, client_for
):
    response = client_for(opd_labuhanbatu).get(url, {"periode": bad})
    html = response.content.decode()
    assert response.status_code == 200
    assert f"Periode “{bad}” tidak dikenali" in html
    assert Periode.current().label in html


def test_a_good_periode_says_nothing(opd_labuhanbatu, kampung_pondokbatu, client_for):
    url = reverse("poktan:kelengkapan")
    html = client_for(opd_labuhanbatu).get(url, {"periode": "2025-03"}).content.decode()
    assert "tidak dikenali" not in html and "Maret 2025" in html
