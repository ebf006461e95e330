import datetime as dt

import pytest
from django.urls import reverse

from villages.models import KampungKB

pytestmark = pytest.mark.django_db


def test_kader_panel_links_to_own_kampung(kampung_pondokbatu, kader_pondokbatu, client_for):
    html = client_for(kader_pondokbatu).get(reverse("home")).content.decode()
    assert reverse("villages:kampung-detail", args=["12.10.09.2009"]) in html
    assert "/data/kkbpk/" in html


def test_opd_panel_counts_classes_in_scope(
    kampung_pondokbatu, kampung_tapteng, opd_labuhanbatu, client_for
):
    KampungKB.objects.filter(pk=kampung_pondokbatu.pk).update(kelas="Mandiri")
    KampungKB.objects.create(
        desa_id="12.10.09.2010",
        nama="Meranti",
        tanggal_pencanangan=dt.date(2020, 1, 1),
        kelas="Dasar",
    )
    KampungKB.objects.filter(pk=kampung_tapteng.pk).update(kelas="Mandiri")  # other kabupaten
    response = client_for(opd_labuhanbatu).get(reverse("home"))
    [panel] = [
        p for p in response.context["panels"] if p["template"] == "villages/_panel_kelas.html"
    ]
    assert panel["context"]["kelas"] == [
        ("Dasar", 1),
        ("Berkembang", 0),
        ("Mandiri", 1),
        ("Berkelanjutan", 0),
    ]
