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
    """The panel reads the dashboard's summary row of the user's region: the
    classes stored per month, and the Kampung KB with none yet."""
    from kampungkb.periods import Periode
    from reports import summaries
    from villages.models import KlasifikasiPeriode

    periode = Periode.current()
    meranti = KampungKB.objects.create(
        desa_id="12.10.09.2010", nama="Meranti", tanggal_pencanangan=dt.date(2020, 1, 1)
    )
    lingga = KampungKB.objects.create(
        desa_id="12.10.09.2001", nama="Lingga Tiga", tanggal_pencanangan=dt.date(2020, 1, 1)
    )
    for kampung, kelas in (
        (kampung_pondokbatu, "Mandiri"),
        (meranti, "Dasar"),
        (kampung_tapteng, "Mandiri"),
    ):
        KlasifikasiPeriode.objects.create(
            kampung=kampung,
            periode=periode.first_day,
            kelas=kelas,
            indeks_input=2,
            indeks_proses=2,
            indeks_output=2,
        )
    for kampung in (kampung_pondokbatu, meranti, lingga, kampung_tapteng):
        summaries.refresh_desa(kampung.desa_id, periode)
    response = client_for(opd_labuhanbatu).get(reverse("home"))
    [panel] = [
        p for p in response.context["panels"] if p["template"] == "villages/_panel_kelas.html"
    ]
    assert panel["context"]["kelas"] == [
        ("Dasar", 1),
        ("Berkembang", 0),
        ("Mandiri", 1),  # Tapanuli Tengah's is another kabupaten
        ("Berkelanjutan", 0),
        ("belum diklasifikasi", 1),  # Lingga Tiga: no snapshot, no class
    ]
    html = response.content.decode()
    assert "belum diklasifikasi" in html and "?kelas=belum" in html
