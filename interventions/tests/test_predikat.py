"""IID predikat (proyeksi) of one innovation: page, list filter, PDF (domain.md §4.4)."""

from decimal import Decimal

import pytest
from django.urls import reverse

from interventions import iid
from interventions.models import Inovasi, TahunIID
from interventions.tests import factories as f
from reports.tests.pdftext import pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def tahun():
    return TahunIID.objects.get(tahun=2023)


def test_2023_maximum_is_111(tahun):
    assert iid.skor_maks_per_tahun()[tahun.pk] == 111


@pytest.mark.parametrize(
    ("skor", "nilai", "predikat"),
    [
        ("0", "0.00", "Tidak Dapat Dinilai"),
        ("1", "0.90", "Kurang Inovatif"),
        ("38.84", "34.99", "Kurang Inovatif"),
        ("38.845", "35.00", "Inovatif"),  # 34.995… rounds half up to 35.00
        ("38.85", "35.00", "Inovatif"),
        ("66.6", "60.00", "Inovatif"),
        ("66.62", "60.02", "Sangat Inovatif"),
        ("111", "100.00", "Sangat Inovatif"),
    ],
)
def test_band_boundaries(tahun, skor, nilai, predikat):
    value = iid.nilai_indeks(Decimal(skor), Decimal(111))
    assert value == Decimal(nilai)
    assert iid.predikat(tahun.pk, value) == predikat


def _with_score(skor: str, nama: str) -> Inovasi:
    obj = f.inovasi("12.10", nama=nama)
    Inovasi.objects.filter(pk=obj.pk).update(skor_kematangan=Decimal(skor))
    return obj


def test_list_filter_uses_each_innovations_band(client_for, opd_labuhanbatu):
    _with_score("0", "Nol")
    _with_score("20", "Dua puluh")  # 18.02 → Kurang Inovatif
    _with_score("38.85", "Pas 35")  # 35.00 → Inovatif
    _with_score("66.62", "Lewat 60")  # 60.02 → Sangat Inovatif
    client = client_for(opd_labuhanbatu)
    url = reverse("interventions:inovasi-list")

    def names(predikat):
        page = client.get(url, {"predikat": predikat}).context["page"]
        return sorted(o.nama for o in page)

    assert names("Tidak Dapat Dinilai") == ["Nol"]
    assert names("Kurang Inovatif") == ["Dua puluh"]
    assert names("Inovatif") == ["Pas 35"]
    assert names("Sangat Inovatif") == ["Lewat 60"]
    html = client.get(url).content.decode()
    assert "Predikat (proyeksi)" in html and "Sangat Inovatif" in html


def test_page_and_pdf_show_the_band(client_for, opd_labuhanbatu):
    obj = f.inovasi("12.10")
    for nomor in range(1, 6):
        f.bukti(obj, nomor=nomor, urutan_parameter=3)
    km = iid.kematangan(obj)
    assert km.skor > 0
    expected = iid.predikat(obj.tahun_iid_id, km.persen)
    assert km.predikat.nama == expected
    client = client_for(opd_labuhanbatu)
    html = client.get(reverse("interventions:inovasi-detail", args=[obj.pk])).content.decode()
    assert f'<strong class="predikat">{expected}</strong>' in html
    pdf = client.get(reverse("reports:inovasi-pdf", args=[obj.pk])).content
    text = pdf_text(pdf)
    assert "Predikat (proyeksi)" in text and expected in text
