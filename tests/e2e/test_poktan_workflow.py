"""The monthly register round trip on a 360 × 740 phone (issue 4, item 9).

The kader fills this month's BKB register, makes an error and sees it at the
field with her input kept, fixes it and submits; the petugas kecamatan
returns it with a note; the kader reads the note, corrects and resubmits;
the petugas verifies.
"""

import datetime as dt

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def bkb(transactional_db):
    from conftest import BILAH_HULU, PONDOK_BATU, make_user
    from kampungkb.domain import JenisPoktan
    from poktan.models import Poktan
    from villages.demo import seed_wilayah
    from villages.models import KampungKB

    seed_wilayah()
    make_user("kader.pondokbatu", "kader", PONDOK_BATU, first_name="Siti")
    make_user("pkb.bilahhulu", "petugas_kecamatan", BILAH_HULU, first_name="Rudi")
    kampung = KampungKB.objects.create(
        desa_id=PONDOK_BATU,
        nama="Kampung KB Desa Pondok Batu",
        tanggal_pencanangan=dt.date(2017, 3, 1),
    )
    return Poktan.objects.create(kampung=kampung, jenis=JenisPoktan.BKB, nama="BKB Pondok Batu")


def switch_user(page, login, username):
    page.context.clear_cookies()
    login(page, username)


def assert_fits_the_phone(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_register_submit_return_resubmit_verify(page, live_server, login, bkb):
    from poktan.models import Laporan

    laporan = kader_fixes_an_error_and_submits(page, login)
    petugas_returns_with_a_note(page, live_server, login, laporan)
    kader_reads_the_note_and_resubmits(page, login, laporan)
    petugas_verifies(page, live_server, login, laporan)

    switch_user(page, login, "kader.pondokbatu")
    page.get_by_role("link", name="BKB Pondok Batu").click()
    # Her phone kept the editable copy: the worker may show it first, locked
    # until the server answers (never editable: test_kept_copy_locked.py),
    # then the fresh, read-only page replaces it.
    expect(page.locator("input[name=keluarga_hadir]")).to_have_count(0)
    expect(page.get_by_text("Diverifikasi oleh Rudi")).to_be_visible()
    assert Laporan.objects.count() == 1


def kader_fixes_an_error_and_submits(page, login):
    from django.utils import timezone

    from poktan.models import Laporan, Status

    today = timezone.localdate()

    # The kader opens this month's BKB register from her home page.
    login(page, "kader.pondokbatu")
    page.get_by_role("link", name="BKB Pondok Batu").click()
    assert page.get_by_role("heading", name="Laporan bulanan").is_visible()
    assert_fits_the_phone(page)

    # She types more families present than the group has: the message is at the field.
    page.fill("input[name=jumlah_anggota]", "20")
    page.fill("input[name=keluarga_hadir]", "25")
    page.fill("input[name=anak_dipantau_kka]", "12")
    page.fill("input[name=pertemuan-0-tanggal]", today.isoformat())
    page.fill("input[name=pertemuan-0-materi]", "Gizi seimbang balita")
    page.fill("input[name=pertemuan-0-jumlah_hadir]", "18")
    page.get_by_role("button", name="Ajukan").click()
    page.wait_for_load_state()
    error = page.locator("#id_keluarga_hadir_error")
    assert error.is_visible()
    assert "Tidak boleh lebih dari jumlah keluarga anggota (20)." in error.inner_text()
    # Everything she typed is still there.
    assert page.input_value("input[name=keluarga_hadir]") == "25"
    assert page.input_value("input[name=anak_dipantau_kka]") == "12"
    assert page.input_value("input[name=pertemuan-0-materi]") == "Gizi seimbang balita"
    assert not Laporan.objects.exists()
    assert_fits_the_phone(page)

    # She fixes it and submits.
    page.fill("input[name=keluarga_hadir]", "15")
    page.get_by_role("button", name="Ajukan").click()
    page.wait_for_load_state()
    assert page.get_by_text("Laporan diajukan ke petugas kecamatan.").is_visible()
    laporan = Laporan.objects.get()
    assert laporan.status == Status.DIAJUKAN
    return laporan


def petugas_returns_with_a_note(page, live_server, login, laporan):
    from poktan.models import Status

    # The petugas kecamatan finds it in the queue and returns it with a note.
    switch_user(page, login, "pkb.bilahhulu")
    page.goto(f"{live_server.url}/poktan/kelengkapan/")
    page.locator("a", has_text="BKB Pondok Batu").last.click()
    page.fill(
        "textarea[name=catatan]", "Anak dipantau KKA lebih dari yang hadir di daftar, cek lagi."
    )
    page.get_by_role("button", name="Kembalikan ke kader").click()
    page.wait_for_load_state()
    assert page.get_by_text("Laporan dikembalikan ke kader.").is_visible()
    laporan.refresh_from_db()
    assert laporan.status == Status.DIKEMBALIKAN


def kader_reads_the_note_and_resubmits(page, login, laporan):
    from poktan.models import Status

    # The kader sees the state on her home page and the note on the register.
    switch_user(page, login, "kader.pondokbatu")
    row = page.get_by_role("link", name="BKB Pondok Batu")
    assert "dikembalikan" in row.inner_text()
    row.click()
    note = page.locator("#catatan-pengembalian")
    assert "cek lagi" in note.inner_text()
    assert page.input_value("input[name=anak_dipantau_kka]") == "12"
    page.fill("input[name=anak_dipantau_kka]", "10")
    page.get_by_role("button", name="Ajukan").click()
    page.wait_for_load_state()
    laporan.refresh_from_db()
    assert laporan.status == Status.DIAJUKAN
    assert laporan.anak_dipantau_kka == 10


def petugas_verifies(page, live_server, login, laporan):
    from poktan.models import Status

    # The petugas verifies; the register is then read-only for the kader.
    switch_user(page, login, "pkb.bilahhulu")
    page.goto(f"{live_server.url}/poktan/kelengkapan/")
    page.locator("a", has_text="BKB Pondok Batu").last.click()
    page.get_by_role("button", name="Verifikasi").click()
    page.wait_for_load_state()
    assert page.get_by_text("Laporan diverifikasi.").is_visible()
    laporan.refresh_from_db()
    assert laporan.status == Status.DIVERIFIKASI
