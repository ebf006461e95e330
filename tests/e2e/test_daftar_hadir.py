"""The kader's register with fewer taps, on a 360 px phone (issue 17 item 3):
the count follows her ticks, "Tambah pertemuan" adds a row keeping what she
typed, the error summary takes her to the field, and Enter saves the draft."""

import pytest

from tests.e2e.test_poktan_workflow import bkb  # noqa: F401  (the fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def register(bkb):  # noqa: F811
    from poktan.tests.conftest import add_members

    add_members(bkb, 3)
    return bkb


def test_ticks_counted_rows_added_errors_linked(page, live_server, login, register):
    login(page, "kader.pondokbatu")
    page.get_by_role("link", name="BKB Pondok Batu").click()
    count = page.locator("#jumlah-dicentang")
    assert count.inner_text() == "Dicentang: 0 dari 3 keluarga"

    boxes = page.locator("#daftar-hadir input[type=checkbox]")
    boxes.nth(0).check()
    boxes.nth(2).check()
    assert count.inner_text() == "Dicentang: 2 dari 3 keluarga"
    assert page.input_value("#id_keluarga_hadir") == "2"

    # "Tambah pertemuan" without saving: a third row, everything typed kept.
    page.fill("input[name=anak_dipantau_kka]", "abc")
    page.fill("input[name=pertemuan-0-materi]", "Gizi seimbang")
    page.get_by_role("button", name="Tambah pertemuan").click()
    page.wait_for_load_state()
    assert page.locator("input[name=pertemuan-2-tanggal]").count() == 1
    assert page.input_value("input[name=pertemuan-0-materi]") == "Gizi seimbang"
    assert page.input_value("input[name=anak_dipantau_kka]") == "abc"
    assert boxes.nth(0).is_checked() and boxes.nth(2).is_checked()
    assert count.inner_text() == "Dicentang: 2 dari 3 keluarga"

    # The summary at the top links to the field in error.
    summary = page.locator("#ringkasan-galat")
    assert summary.is_visible()
    summary.get_by_role("link").first.click()
    assert page.evaluate("() => location.hash") == "#id_anak_dipantau_kka"
    assert page.locator("#id_anak_dipantau_kka").is_visible()

    # Enter in a field saves the draft (the default button is "Simpan draf").
    page.fill("input[name=anak_dipantau_kka]", "4")
    page.fill("input[name=pertemuan-0-materi]", "")
    page.locator("input[name=anak_dipantau_kka]").press("Enter")
    page.wait_for_load_state()
    assert page.get_by_text("Draf tersimpan.").is_visible()
    assert page.locator("#jumlah-dicentang").inner_text() == "Dicentang: 2 dari 3 keluarga"
