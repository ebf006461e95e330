import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import PONDOK_BATU
from kampungkb.models import AuditEntry, PeriodeBuka

HEADINGS = {
    "kader_pondokbatu": "Laporan bulan ini",
    "pkb_bilahhulu": "Beranda petugas kecamatan",
    "opd_labuhanbatu": "Beranda OPD kabupaten",
    "opd_kesehatan": "Beranda OPD lintas sektor",
    "pimpinan": "Beranda pimpinan",
    "admin_portal": "Beranda admin",
}


@pytest.mark.parametrize(("persona", "heading"), HEADINGS.items())
def test_home_page_per_role(db, request, client_for, persona, heading):
    user = request.getfixturevalue(persona)
    response = client_for(user).get("/")
    assert response.status_code == 200
    assert heading in response.text


def test_home_shows_the_users_region_breadcrumb(client_for, kader_pondokbatu):
    html = client_for(kader_pondokbatu).get("/").text
    for crumb in ("Sumatera Utara", "Kabupaten Labuhanbatu", "Kec. Bilah Hulu", "Desa Pondok Batu"):
        assert crumb in html


def test_lintas_sektor_home_names_the_agency(client_for, opd_kesehatan):
    assert "Dinas Kesehatan" in client_for(opd_kesehatan).get("/").text


def test_login_with_wrong_password_keeps_username_and_explains(client, kader_pondokbatu):
    response = client.post(
        reverse("akun:login"), {"username": "kader.pondokbatu", "password": "salah"}
    )
    assert response.status_code == 200
    assert "kader.pondokbatu" in response.text
    assert "benar" in response.text  # Django's Indonesian "masukkan nama pengguna … yang benar"


def test_login_then_logout(client, kader_pondokbatu, settings):
    response = client.post(
        reverse("akun:login"),
        {"username": "kader.pondokbatu", "password": settings.DEMO_PASSWORD},
    )
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.get("/").status_code == 200
    client.post(reverse("akun:logout"))
    assert client.get("/").status_code == 302


def test_password_change_with_mismatch_shows_field_error(client_for, kader_pondokbatu, settings):
    response = client_for(kader_pondokbatu).post(
        reverse("akun:password-change"),
        {
            "old_password": settings.DEMO_PASSWORD,
            "new_password1": "Kampung-Berkualitas-77",
            "new_password2": "Kampung-Berkualitas-78",
        },
    )
    assert response.status_code == 200
    assert "tidak cocok" in response.text


def test_language_switch_to_english_translates_the_page(client_for, kader_pondokbatu):
    client = client_for(kader_pondokbatu)
    client.post(reverse("set-language"), {"language": "en", "next": "/"})
    html = client.get("/").text
    assert "This month&#x27;s reports" in html or "This month's reports" in html
    assert '<html lang="en">' in html
    client.post(reverse("set-language"), {"language": "id", "next": "/"})
    assert "Laporan bulan ini" in client.get("/").text


def test_content_security_policy_allows_only_our_origin(client_for, kader_pondokbatu):
    response = client_for(kader_pondokbatu).get("/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "http" not in csp  # no third-party origin anywhere


def test_404_page_is_in_portal_style(client_for, kader_pondokbatu):
    response = client_for(kader_pondokbatu).get("/wilayah/12.01/")
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.text
    assert "navbar-kkb" in response.text


def test_403_page_is_in_portal_style(client_for, pimpinan):
    response = client_for(pimpinan).get(reverse("periode-reopen"))
    assert response.status_code == 403
    assert "Akses ditolak" in response.text


def test_500_page_renders_without_database_or_context():
    from django.urls import get_resolver

    error_500 = get_resolver().resolve_error_handler(500)  # kampungkb.urls.handler500
    response = error_500(None)
    assert response.status_code == 500
    assert "Terjadi kesalahan di server" in response.content.decode()


def test_wilayah_browser_lists_children_in_scope(client_for, pkb_bilahhulu):
    html = client_for(pkb_bilahhulu).get("/wilayah/12.10.09/").text
    assert "Desa Pondok Batu" in html and "Desa Meranti" in html
    assert "Bilah Barat" not in html


def test_periode_reopen_by_opd_creates_and_audits(client_for, opd_labuhanbatu):
    sampai = timezone.localdate() + dt.timedelta(days=5)
    response = client_for(opd_labuhanbatu).post(
        reverse("periode-reopen"),
        {"desa": PONDOK_BATU, "periode": "2026-02", "sampai": sampai.isoformat(), "alasan": "x"},
        follow=True,
    )
    assert "dibuka kembali" in response.text
    assert PeriodeBuka.objects.filter(desa_id=PONDOK_BATU, periode=dt.date(2026, 2, 1)).exists()
    assert AuditEntry.objects.filter(action="kampungkb.periode.reopen").count() == 1


@pytest.mark.parametrize(
    ("data", "field_message"),
    [
        ({"desa": "12.01.20.1005", "periode": "2026-02"}, "tidak ada di wilayah Anda"),
        ({"desa": PONDOK_BATU, "periode": "Februari"}, "tahun-bulan"),
        ({"desa": PONDOK_BATU, "periode": "2099-01"}, "belum dimulai"),
    ],
)
def test_periode_reopen_bad_input_keeps_input_and_writes_nothing(
    client_for, opd_labuhanbatu, data, field_message
):
    sampai = (timezone.localdate() + dt.timedelta(days=5)).isoformat()
    response = client_for(opd_labuhanbatu).post(
        reverse("periode-reopen"), {**data, "sampai": sampai, "alasan": "catatan saya"}
    )
    assert response.status_code == 200
    assert field_message in response.text
    assert 'value="catatan saya"' in response.text
    assert not PeriodeBuka.objects.exists()


def test_indonesian_is_the_default_even_for_english_browsers(client_for, kader_pondokbatu):
    response = client_for(kader_pondokbatu).get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="id">' in response.text
    assert "Laporan bulan ini" in response.text
