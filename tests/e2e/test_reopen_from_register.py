"""Issue 17 §5 on a 360 × 740 phone: the Dinas PPKB officer opens a poktan
register whose month is locked and reopens it from there, the village and
month already chosen, without typing a code; the register then says so."""

import datetime as dt

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def locked_register(transactional_db):
    from conftest import LABUHANBATU, PONDOK_BATU, make_user
    from kampungkb.domain import JenisPoktan
    from kampungkb.periods import Periode
    from poktan.models import Poktan
    from villages.demo import seed_wilayah
    from villages.models import KampungKB

    seed_wilayah()
    make_user("opd.labuhanbatu", "opd_kabupaten", LABUHANBATU, first_name="Rina")
    kampung = KampungKB.objects.create(
        desa_id=PONDOK_BATU, nama="Kampung KB Pondok Batu", tanggal_pencanangan=dt.date(2017, 3, 1)
    )
    poktan = Poktan.objects.create(kampung=kampung, jenis=JenisPoktan.BKB, nama="BKB Melati")
    return poktan, Periode.current().prev().prev()


def test_opd_reopens_a_locked_month_from_the_register(page, live_server, login, locked_register):
    from django.urls import reverse

    from kampungkb.models import PeriodeBuka

    poktan, locked = locked_register
    login(page, "opd.labuhanbatu")
    url = reverse("poktan:laporan-edit", args=[poktan.pk, str(locked)])
    page.goto(f"{live_server.url}{url}")
    button = page.get_by_role("button", name="Buka kembali periode ini")
    button.scroll_into_view_if_needed()
    box = button.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360  # fits the phone
    assert page.locator("input[name=desa]").count() == 1  # hidden: nothing to type
    page.get_by_label("Alasan").fill("Kader baru kembali dari pelatihan")
    button.click()
    page.wait_for_load_state()
    assert page.url.endswith(url)
    assert page.get_by_text("dibuka kembali.").first.is_visible()  # the success message
    assert page.get_by_text("periode dibuka kembali").is_visible()  # the month's state
    assert page.get_by_role("button", name="Buka kembali periode ini").count() == 0
    assert PeriodeBuka.objects.get().alasan == "Kader baru kembali dari pelatihan"
