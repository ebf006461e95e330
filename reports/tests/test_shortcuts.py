"""Fewer clicks (issue 17 item 5): the desa dashboard links to its Kampung KB page,
the Laporan page lists Profil Kampung KB, the innovation's page offers its PDF."""

import pytest
from django.urls import reverse

from conftest import PONDOK_BATU
from reports.tests import factories as f

pytestmark = pytest.mark.django_db


def test_desa_dashboard_links_to_its_kampung_page(client_for, pkb_bilahhulu, kampung_pondokbatu):
    page = client_for(pkb_bilahhulu).get(reverse("reports:dasbor", args=[PONDOK_BATU]))
    html = page.content.decode()
    assert page.status_code == 200
    link = f'href="{reverse("villages:kampung-detail", args=[PONDOK_BATU])}"'
    assert link in html
    assert f"Buka halaman {kampung_pondokbatu.nama}" in html


def test_desa_dashboard_without_kampung_has_no_link(client_for, pkb_bilahhulu, regions):
    html = client_for(pkb_bilahhulu).get(reverse("reports:dasbor", args=[PONDOK_BATU]))
    assert "Buka halaman" not in html.content.decode()


def test_laporan_page_lists_profil_kampung_kb_in_scope(
    client_for, pkb_bilahhulu, pkb_kecamatan_lain, opd_labuhanbatu, kampung_pondokbatu
):
    pdf = reverse("reports:kampung-pdf", args=[PONDOK_BATU])
    pratinjau = reverse("reports:kampung-pratinjau", args=[PONDOK_BATU])
    for user in (pkb_bilahhulu, opd_labuhanbatu):
        html = client_for(user).get(reverse("reports:laporan-index")).content.decode()
        assert "Profil Kampung KB" in html
        assert pdf in html and pratinjau in html
        assert f"Unduh PDF {kampung_pondokbatu.nama}" in html
    html = client_for(pkb_kecamatan_lain).get(reverse("reports:laporan-index")).content.decode()
    assert pdf not in html


def test_laporan_page_kampung_link_opens_the_pdf(client_for, pkb_bilahhulu, kampung_pondokbatu):
    client = client_for(pkb_bilahhulu)
    client.get(reverse("reports:laporan-index"))
    response = client.get(reverse("reports:kampung-pdf", args=[PONDOK_BATU]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"


def test_laporan_page_says_when_the_list_is_cut(client_for, opd_labuhanbatu, regions):
    import datetime as dt

    from villages.models import KampungKB, Wilayah

    desa = Wilayah.objects.filter(kode__startswith="12.10.", tingkat=4).order_by("kode")[:51]
    KampungKB.objects.bulk_create(
        KampungKB(desa=d, nama=f"KKB {d.nama}", tanggal_pencanangan=dt.date(2018, 1, 1))
        for d in desa
    )
    html = client_for(opd_labuhanbatu).get(reverse("reports:laporan-index")).content.decode()
    assert html.count("Unduh PDF KKB ") == 50
    assert "Ditampilkan 50 Kampung KB pertama" in html


def test_innovation_page_offers_its_pdf(
    client_for, opd_labuhanbatu, kampung_pondokbatu, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    inovasi = f.kang_mas_mesra(kampung_pondokbatu, bukti=1)
    client = client_for(opd_labuhanbatu)
    html = client.get(reverse("interventions:inovasi-detail", args=[inovasi.pk])).content.decode()
    pdf = reverse("reports:inovasi-pdf", args=[inovasi.pk])
    assert f'href="{pdf}"' in html
    assert "Unduh PDF Profil Inovasi" in html
    response = client.get(pdf)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
