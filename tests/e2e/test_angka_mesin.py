"""Numbers for machines are plain digits (issue 12 item 1), on a 360 px phone.

A 1,600 px wide photo is shown at a sensible size: with Indonesian digit
groups it got ``width="1.280"`` and was drawn about 1 px wide. An UPPKA
register pre-fills its money as plain digits, takes "Rp 10.500.000" as a kader
types it, shows it whole and saves it unchanged.
"""

import datetime as dt
import io

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def kampung(transactional_db, settings, tmp_path):
    from conftest import LABUHANBATU, PONDOK_BATU, make_user
    from interventions.models import Instansi
    from villages.demo import seed_wilayah
    from villages.models import KampungKB

    settings.MEDIA_ROOT = tmp_path / "media"
    seed_wilayah()
    dinkes = Instansi.objects.get(nama="Dinas Kesehatan", kabupaten=None)
    make_user("dinkes.labuhanbatu", "opd_lintas_sektor", LABUHANBATU, instansi=dinkes)
    make_user("kader.pondokbatu", "kader", PONDOK_BATU, first_name="Siti")
    return KampungKB.objects.create(
        desa_id=PONDOK_BATU,
        nama="Kampung KB Desa Pondok Batu",
        tanggal_pencanangan=dt.date(2017, 3, 1),
    )


def _jpeg_1600() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (1600, 1200), (60, 120, 170)).save(out, "JPEG")
    return out.getvalue()


def _img_box_width(page, selector: str) -> float:
    # The photos load lazily: bring it into view, then wait until it has loaded
    # (polled from here: wait_for_function would need 'unsafe-eval', which the CSP forbids).
    page.locator(selector).first.scroll_into_view_if_needed()
    for _ in range(50):
        if page.evaluate(f"document.querySelector({selector!r}).complete"):
            break
        page.wait_for_timeout(100)
    return page.evaluate(f"document.querySelector({selector!r}).getBoundingClientRect().width")


def test_wide_photo_is_shown_at_a_sensible_size(page, live_server, login, kampung):
    from interventions.models import Instansi, Intervensi

    dinkes = Instansi.objects.get(nama="Dinas Kesehatan", kabupaten=None)
    obj = Intervensi.objects.create(
        kampung=kampung, judul="Pelaksanaan BIAN", tanggal=dt.date(2026, 8, 10),
        tempat="Posyandu Dusun I", deskripsi="-", seksi="Reproduksi", sasaran=["Balita"],
        instansi_pemilik=dinkes,
    )  # fmt: skip
    obj.instansi.set([dinkes])

    login(page, "dinkes.labuhanbatu")
    page.goto(f"{live_server.url}/intervensi/{obj.pk}/")
    page.set_input_files(
        "input[name=berkas]",
        files=[{"name": "bian.jpg", "mimeType": "image/jpeg", "buffer": _jpeg_1600()}],
    )
    page.fill("input[name=keterangan]", "Imunisasi balita di posyandu")
    page.check("input[name=publik]")
    page.get_by_role("button", name="Unggah").click()
    page.wait_for_load_state()
    assert page.get_by_text("Foto ditambahkan.").is_visible()
    # Stored 1280 px wide: more than 999, so digit groups would show in the
    # attribute (the page itself shows a small copy, the full photo when opened).
    assert page.get_attribute("figure img", "width") == "1280"
    width = _img_box_width(page, "figure img")
    assert 200 < width <= 360, width

    # The public Kampung KB page shows the public photo just as well.
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/publik/kampung/{kampung.desa_id}/")
    width = _img_box_width(page, "img[src*='/publik/intervensi/foto/']")
    assert 200 < width <= 360, width


def test_uppka_money_typed_as_written_fits_and_saves(page, live_server, login, kampung):
    from kampungkb.domain import JenisPoktan
    from kampungkb.periods import Periode
    from poktan.models import Laporan, Poktan, Status

    periode = Periode.current()
    uppka = Poktan.objects.create(kampung=kampung, jenis=JenisPoktan.UPPKA, nama="UPPKA Maju")
    laporan = Laporan.objects.create(
        poktan=uppka, periode=periode.first_day, status=Status.DRAF,
        jumlah_anggota=12, anggota_aktif=10, modal=10_500_000, omzet=2_750_000,
    )  # fmt: skip

    login(page, "kader.pondokbatu")
    page.goto(f"{live_server.url}/poktan/{uppka.pk}/laporan/{periode}/")
    assert page.input_value("input[name=modal]") == "10500000"
    # Saved unchanged: the page's own values are accepted (nothing to store).
    page.get_by_role("button", name="Simpan draf").click()
    page.wait_for_load_state()
    # The worker may show the kept copy (locked) first, then the fresh page
    # with the message: wait for it rather than read the first frame.
    expect(page.get_by_text("Tidak ada perubahan")).to_be_visible()
    assert not page.get_by_text("Tulis angka bulat").count()

    page.fill("input[name=omzet]", "Rp 12.750.000")
    shown = page.evaluate(
        "(() => { const i = document.querySelector('input[name=omzet]');"
        " return [i.scrollWidth, i.clientWidth]; })()"
    )
    assert shown[0] <= shown[1], f"'Rp 12.750.000' cut off: {shown}"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.get_by_role("button", name="Simpan draf").click()
    page.wait_for_load_state()
    assert page.get_by_text("Draf tersimpan.").is_visible()
    laporan.refresh_from_db()
    assert (laporan.modal, laporan.omzet) == (10_500_000, 12_750_000)
