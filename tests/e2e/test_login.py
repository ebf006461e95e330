"""A kader logs in on a 360 × 740 phone screen and reaches her home page."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def kader(transactional_db):
    from conftest import PONDOK_BATU, make_user
    from villages.demo import seed_wilayah

    seed_wilayah()
    return make_user("kader.pondokbatu", "kader", PONDOK_BATU, first_name="Siti")


def test_kader_logs_in_on_a_phone_and_reaches_home(page, live_server, login, kader):
    page.goto(f"{live_server.url}/")
    # Anonymous visitors are sent to the login page.
    assert "/akun/masuk/" in page.url

    page.fill("input[name=username]", "kader.pondokbatu")
    page.fill("input[name=password]", "salah-sandi")
    page.click("button[type=submit]")
    assert page.locator(".alert, .invalid-feedback, .errorlist").first.is_visible()
    # The username typed is kept after the failed attempt.
    assert page.input_value("input[name=username]") == "kader.pondokbatu"

    login(page, "kader.pondokbatu")
    assert page.url == f"{live_server.url}/"
    assert page.locator("h1").inner_text().startswith("Laporan bulan ini")
    assert page.get_by_text("Desa Pondok Batu").first.is_visible()
    # Nothing overflows the phone's width.
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360
