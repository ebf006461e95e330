"""Foto kegiatan of a register on a 360 × 740 phone (issue 15 item 2): a file
that is not a photo is refused at the field with the caption kept, a photo is
shown as a small copy, and the kader deletes it again."""

import pytest

from tests.e2e.test_intervensi_bian import _jpeg
from tests.e2e.test_poktan_workflow import bkb  # noqa: F401  (the fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_kader_adds_and_deletes_a_meeting_photo(
    page,
    live_server,
    login,
    bkb,  # noqa: F811
    settings,
    tmp_path,
):
    from kampungkb.periods import Periode
    from poktan.models import FotoKegiatan, Laporan

    settings.MEDIA_ROOT = tmp_path
    periode = Periode.current()
    Laporan.objects.create(poktan=bkb, periode=periode.first_day, jumlah_anggota=4)
    login(page, "kader.pondokbatu")
    page.goto(f"{live_server.url}/poktan/{bkb.pk}/laporan/{periode}/")
    page.locator("input[name=berkas]:not([disabled])").wait_for()
    assert page.locator("input[name=kamera]").get_attribute("capture") == "environment"

    page.set_input_files(
        "input[name=berkas]",
        files=[{"name": "foto.jpg", "mimeType": "image/jpeg", "buffer": b"%PDF-1.4 bukan"}],
    )
    page.fill("#foto-tambah input[name=keterangan]", "Penyuluhan gizi")
    page.get_by_role("button", name="Unggah foto").click()
    page.wait_for_load_state()
    assert page.get_by_text("bukan gambar yang dapat dibaca").first.is_visible()
    assert page.input_value("#foto-tambah input[name=keterangan]") == "Penyuluhan gizi"
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360
    assert not FotoKegiatan.objects.exists()

    page.locator("input[name=berkas]:not([disabled])").wait_for()
    page.set_input_files(
        "input[name=berkas]",
        files=[{"name": "foto.jpg", "mimeType": "image/jpeg", "buffer": _jpeg()}],
    )
    page.get_by_role("button", name="Unggah foto").click()
    page.wait_for_load_state()
    # The kader's register page comes from the kept copy first; the worker
    # checks with the server and shows the fresh page (photo and message).
    page.get_by_text("Foto kegiatan tersimpan.").wait_for()
    image = page.locator("#foto-kegiatan figure img")
    image.scroll_into_view_if_needed()
    image.evaluate("img => img.decode()")
    assert 0 < image.evaluate("img => img.naturalWidth") <= 640  # a small copy, not 1280
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360

    page.locator("#foto-kegiatan button:not([disabled])").first.wait_for()
    page.get_by_role("button", name="Hapus").click()
    page.wait_for_load_state()
    page.get_by_text("Foto kegiatan dihapus.").wait_for()
    assert not FotoKegiatan.objects.exists()
