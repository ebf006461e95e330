"""Village choices stay usable at national scale: a select up to 200 options,
a code input beyond, and links may name a village by its desa code."""

import datetime as dt

import pytest
from django.urls import reverse

from conftest import PONDOK_BATU
from interventions.tests import factories as f
from kampungkb.forms import CHOICE_LIMIT
from villages.models import KampungKB, Tingkat, Wilayah


def many_villages(n: int) -> None:
    Wilayah.objects.create(
        kode="12.10.99", nama="Kec. Uji", tingkat=Tingkat.KECAMATAN, induk_id="12.10"
    )
    desa = [
        Wilayah(
            kode=f"12.10.99.{2000 + i}", nama=f"Desa {i}", tingkat=Tingkat.DESA, induk_id="12.10.99"
        )
        for i in range(n)
    ]
    Wilayah.objects.bulk_create(desa)
    KampungKB.objects.bulk_create(
        [
            KampungKB(desa=w, nama=f"KKB {w.nama}", tanggal_pencanangan=dt.date(2020, 1, 1))
            for w in desa
        ]
    )


@pytest.mark.django_db
def test_few_villages_are_a_select_many_are_a_code_input(
    kampung_pondokbatu, admin_portal, client_for
):
    client = client_for(admin_portal)
    url = reverse("interventions:intervensi-list")
    assert '<select name="kampung"' in client.get(url).content.decode()
    many_villages(CHOICE_LIMIT)
    html = client.get(url).content.decode()
    assert '<select name="kampung"' not in html
    assert 'name="kampung"' in html and "12.10.09.2009" in html  # the placeholder shows the form
    assert html.count("<option") < 100  # no 200 village options on the page


@pytest.mark.django_db
def test_filter_by_desa_code_and_by_id(
    kampung_pondokbatu, kampung_tapteng, admin_portal, client_for
):
    f.intervensi(kampung_pondokbatu, judul="BIAN Pondok Batu")
    f.intervensi(kampung_tapteng, judul="Kegiatan Sarudik")
    client = client_for(admin_portal)
    url = reverse("interventions:intervensi-list")
    for value in (PONDOK_BATU, str(kampung_pondokbatu.pk)):
        html = client.get(url, {"kampung": value}).content.decode()
        assert "BIAN Pondok Batu" in html and "Kegiatan Sarudik" not in html


@pytest.mark.django_db
def test_a_village_outside_scope_is_not_a_valid_choice(
    kampung_tapteng, opd_labuhanbatu, client_for
):
    f.intervensi(kampung_tapteng, judul="Kegiatan Sarudik")
    response = client_for(opd_labuhanbatu).get(
        reverse("interventions:intervensi-list"), {"kampung": kampung_tapteng.desa_id}
    )
    assert "Kegiatan Sarudik" not in response.content.decode()


@pytest.mark.django_db
def test_kampung_list_kecamatan_filter_becomes_a_code_input(
    kampung_pondokbatu, admin_portal, client_for
):
    provinsi = [
        Wilayah(kode=f"{40 + i}", nama=f"Prov {i}", tingkat=Tingkat.PROVINSI) for i in range(3)
    ]
    Wilayah.objects.bulk_create(provinsi)
    kab = [
        Wilayah(
            kode=f"{p.kode}.{k:02d}", nama=f"Kab {k}", tingkat=Tingkat.KABUPATEN, induk_id=p.kode
        )
        for p in provinsi
        for k in range(1, 11)
    ]
    Wilayah.objects.bulk_create(kab)
    Wilayah.objects.bulk_create(
        [
            Wilayah(
                kode=f"{k.kode}.{c:02d}",
                nama=f"Kec {c}",
                tingkat=Tingkat.KECAMATAN,
                induk_id=k.kode,
            )
            for k in kab
            for c in range(1, 8)
        ]
    )
    client = client_for(admin_portal)
    html = client.get(reverse("villages:kampung-list")).content.decode()
    assert '<select name="kecamatan"' not in html and 'name="kecamatan"' in html
    response = client.get(reverse("villages:kampung-list"), {"kecamatan": "12.10.09"})
    assert [k.nama for k in response.context["page"]] == ["Kampung KB Desa Pondok Batu"]
