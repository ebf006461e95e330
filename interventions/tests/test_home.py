from django.urls import reverse

from interventions.tests import factories as f


def test_lintas_sektor_home_lists_own_agency_entries(client_for, opd_kesehatan, kampung_pondokbatu):
    dinkes, dinsos = f.resmi("Dinas Kesehatan"), f.resmi("Dinas Sosial")
    f.intervensi(kampung_pondokbatu, dinkes, pemilik=dinkes, judul="BIAN Dusun II")
    f.intervensi(kampung_pondokbatu, dinsos, pemilik=dinsos, judul="Lansia tangguh")
    html = client_for(opd_kesehatan).get(reverse("home")).content.decode()
    assert "Intervensi instansi Anda" in html
    assert "BIAN Dusun II" in html and "Lansia tangguh" not in html


def test_opd_home_lists_innovations(client_for, opd_labuhanbatu, regions):
    f.inovasi("12.10.09.2009")
    html = client_for(opd_labuhanbatu).get(reverse("home")).content.decode()
    assert "KANG MAS MESRA" in html
