"""Issue 3 "done when", on a 360 × 740 phone.

An OPD officer opens Pondok Batu, sees its class with the sub-scores and the
path to the next class, types bad numbers into this month's KKBPK (refused at
the field, input kept), fixes them and sees the class and the history change;
a kader of another desa gets 404 on the page.
"""

import datetime as dt

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def pondok_batu(transactional_db):
    from conftest import LABUHANBATU, MERANTI, PONDOK_BATU, make_user
    from kampungkb.periods import Periode
    from villages import services
    from villages.demo import seed_wilayah
    from villages.models import KampungKB
    from villages.tests.factories import kkbpk_data, penduduk_data, profil_data

    seed_wilayah()
    opd = make_user("opd.labuhanbatu", "opd_kabupaten", LABUHANBATU, first_name="Rina")
    make_user("kader.meranti", "kader", MERANTI)
    kampung = KampungKB.objects.create(
        desa_id=PONDOK_BATU,
        nama="Kampung KB Desa Pondok Batu",
        tanggal_pencanangan=dt.date(2017, 3, 1),
    )
    for jenis, data in (
        ("profil", profil_data()),
        ("penduduk", penduduk_data()),
        ("kkbpk", kkbpk_data(peserta=38)),
    ):
        services.snapshot_save(
            kampung=kampung,
            jenis=jenis,
            periode=Periode.current(),
            data=data,
            expected_version=0,
            by=opd,
        )
    return kampung


def fits_the_phone(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= 360


def test_opd_lifts_pondok_batu_by_editing_this_months_kkbpk(page, live_server, login, pondok_batu):
    login(page, "opd.labuhanbatu")
    page.goto(f"{live_server.url}/kampung/12.10.09.2009/")
    assert page.locator("h1 .badge").inner_text() == "Berkembang"
    assert page.get_by_text("Jalan ke kelas Berkelanjutan").is_visible()
    assert page.get_by_text("CPR 38 % → butuh > 40 %").is_visible()
    assert page.locator("#klasifikasi tr").count() == 12  # the 12 sub-scores
    assert fits_the_phone(page)

    page.locator("#data a.btn").nth(2).click()  # Perkembangan KKBPK, this month
    page.fill("input[name=kb_suntik]", "50")  # now Σ users + Σ non-users ≠ PUS
    page.locator("main button[type=submit]").click()
    error = page.locator("#id_kb_iud ~ .invalid-feedback, .invalid-feedback").first
    assert "harus sama dengan jumlah PUS" in error.inner_text()
    assert page.input_value("input[name=kb_suntik]") == "50"
    assert fits_the_phone(page)

    # 60 users, 5 unmet of 100 PUS: CPR 60 %, unmet 5 %.
    for name, value in {"kb_suntik": "42", "non_hamil": "35", "non_anak_kemudian": "2",
                        "non_tidak_ingin_anak": "3"}.items():  # fmt: skip
        page.fill(f"input[name={name}]", value)
    page.locator("main button[type=submit]").click()
    assert page.url == f"{live_server.url}/kampung/12.10.09.2009/"
    assert page.locator("h1 .badge").inner_text() == "Berkelanjutan"

    page.locator("#data a.btn").nth(2).click()
    assert page.get_by_text("PUS Menggunakan Suntik 20 → 42").is_visible()


def test_kader_of_another_desa_gets_404(page, live_server, login, pondok_batu):
    login(page, "kader.meranti")
    response = page.goto(f"{live_server.url}/kampung/12.10.09.2009/")
    assert response.status == 404
