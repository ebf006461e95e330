"""The demo tells fact from example: what it invented is marked "contoh" on pages and PDFs."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from interventions.models import Inovasi, Intervensi
from kampungkb.periods import Periode
from poktan.models import Poktan
from reports.tests.pdftext import pdf_text
from villages.models import KampungKB

pytestmark = pytest.mark.django_db

BANNER = "Data contoh"


def test_demo_pages_and_pdfs_mark_invented_values(regions, opd_labuhanbatu, client_for):
    call_command("seed_demo", verbosity=0)
    kampung = KampungKB.objects.get(desa_id="12.10.09.2009")
    assert "tanggal_pencanangan" in kampung.contoh and "laporan" in kampung.contoh
    inovasi = Inovasi.objects.get(nama="KANG MAS MESRA")
    assert "bukti_iid" in inovasi.contoh
    client = client_for(opd_labuhanbatu)
    poktan = Poktan.objects.filter(kampung=kampung).first()
    kampung_label, inovasi_label = "tanggal pencanangan", "pilihan parameter indikator IID"
    pages = [
        (reverse("villages:kampung-detail", args=[kampung.desa_id]), kampung_label),
        (reverse("villages:publik-kampung", args=[kampung.desa_id]), kampung_label),
        (reverse("poktan:laporan-edit", args=[poktan.pk, Periode.current()]), "register bulanan"),
        (
            reverse("interventions:intervensi-detail", args=[Intervensi.objects.first().pk]),
            "tanggal, tempat, anggaran dan foto intervensi",
        ),
        (reverse("interventions:inovasi-detail", args=[inovasi.pk]), inovasi_label),
    ]
    for url, label in pages:
        html = client.get(url).content.decode()
        banner = html[html.index(BANNER) :].split("</p>")[0] if BANNER in html else ""
        assert label in banner, url
    kampung_pdf = client.get(reverse("reports:kampung-pdf", args=[kampung.desa_id])).content
    assert BANNER in pdf_text(kampung_pdf) and "tanggal pencanangan" in pdf_text(kampung_pdf)
    inovasi_pdf = client.get(reverse("reports:inovasi-pdf", args=[inovasi.pk])).content
    assert BANNER in pdf_text(inovasi_pdf)


def test_real_data_carries_no_mark(kampung_pondokbatu, opd_labuhanbatu, client_for):
    assert kampung_pondokbatu.contoh == []
    html = client_for(opd_labuhanbatu).get(
        reverse("villages:kampung-detail", args=[kampung_pondokbatu.desa_id])
    )
    assert BANNER not in html.content.decode()
