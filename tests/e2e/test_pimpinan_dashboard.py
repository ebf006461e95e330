"""The pimpinan opens the kabupaten dashboard on a phone, drills down to
Pondok Batu and downloads the Profil Inovasi Daerah of KANG MAS MESRA."""

import re

import pytest

from reports.tests.pdftext import pdf_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world(transactional_db):
    import datetime as dt

    from conftest import PONDOK_BATU, make_user
    from kampungkb.periods import Periode
    from reports import summaries
    from reports.tests.factories import kang_mas_mesra
    from villages.demo import seed_wilayah
    from villages.models import KampungKB

    seed_wilayah()
    make_user("pimpinan.labuhanbatu", "pimpinan", "12.10", first_name="Bupati")
    kampung = KampungKB.objects.create(
        desa_id=PONDOK_BATU,
        nama="Kampung KB Desa Pondok Batu",
        tanggal_pencanangan=dt.date(2017, 3, 1),
    )
    kang_mas_mesra(kampung, bukti=3)
    summaries.refresh_desa(PONDOK_BATU, Periode.current())


def assert_fits_phone(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_pimpinan_drills_down_and_downloads_the_innovation_pdf(
    page, live_server, login, world, tmp_path
):
    login(page, "pimpinan.labuhanbatu")
    page.get_by_role("link", name="Buka dasbor").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Dasbor Kabupaten Labuhanbatu").is_visible()
    assert page.get_by_text("Klasifikasi Kampung KB").first.is_visible()
    assert_fits_phone(page)

    page.get_by_role("link", name="Kec. Bilah Hulu").first.click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Dasbor Kec. Bilah Hulu").is_visible()
    assert_fits_phone(page)

    page.get_by_role("link", name="Desa Pondok Batu").first.click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Dasbor Desa Pondok Batu").is_visible()
    assert_fits_phone(page)

    with page.expect_download() as info:
        page.get_by_role("link", name="Unduh PDF KANG MAS MESRA").click()
    download = info.value
    assert re.fullmatch(
        r"profil-inovasi-kang-mas-mesra-\d{4}-\d{2}\.pdf", download.suggested_filename
    )
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    text = pdf_text(path.read_bytes())
    assert "PROFIL INOVASI DAERAH" in text
    assert "KANG MAS MESRA (Kampung Keluarga Berkualitas Masyarakat Sejahtera)" in text
    assert "Kabupaten Labuhanbatu" in text
