import datetime as dt
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from reports.tests import factories as f

pytestmark = pytest.mark.django_db


def rows(response):
    ws = load_workbook(BytesIO(response.content)).active
    return list(ws.iter_rows(min_row=4, values_only=True))


def test_intervensi_xlsx_uses_the_page_filters_and_scope(
    kampung_pondokbatu, kampung_tapteng, opd_labuhanbatu, client_for
):
    f.intervensi(kampung_pondokbatu, judul="Budikdamber", seksi="Ekonomi")
    f.intervensi(kampung_pondokbatu, judul="BIAN", seksi="Reproduksi", tanggal=dt.date(2026, 9, 1))
    f.intervensi(kampung_tapteng, judul="Di Tapanuli Tengah", seksi="Ekonomi")
    client = client_for(opd_labuhanbatu)
    url = reverse("reports:daftar-xlsx", args=["intervensi"])
    assert sorted(r[3] for r in rows(client.get(url))) == ["BIAN", "Budikdamber"]
    filtered = rows(client.get(url, {"seksi": "Ekonomi"}))
    assert [r[3] for r in filtered] == ["Budikdamber"]
    assert filtered[0][0] == dt.datetime(2026, 11, 10)


def test_kampung_and_inovasi_xlsx(kampung_pondokbatu, kampung_tapteng, pimpinan, client_for):
    f.kang_mas_mesra(kampung_pondokbatu, bukti=2)
    client = client_for(pimpinan)
    kampung = rows(client.get(reverse("reports:daftar-xlsx", args=["kampung"])))
    assert [r[0] for r in kampung] == ["12.10.09.2009"]
    inovasi = rows(client.get(reverse("reports:daftar-xlsx", args=["inovasi"])))
    assert inovasi[0][0] == "KANG MAS MESRA" and inovasi[0][12] == 2023
    assert client.get(reverse("reports:daftar-xlsx", args=["lain"])).status_code == 404


@pytest.mark.parametrize(
    ("page", "daftar"),
    [
        ("interventions:intervensi-list", "intervensi"),
        ("interventions:inovasi-list", "inovasi"),
        ("villages:kampung-list", "kampung"),
    ],
)
def test_list_pages_link_to_their_xlsx_with_the_same_filters(
    kampung_pondokbatu, opd_labuhanbatu, client_for, page, daftar
):
    html = client_for(opd_labuhanbatu).get(reverse(page), {"tahun": "2026"}).content.decode()
    link = reverse("reports:daftar-xlsx", args=[daftar]) + "?tahun=2026"
    assert f'href="{link}"' in html
