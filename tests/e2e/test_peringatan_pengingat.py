"""Issue 17 §1–2 in the browser at 360 px: the kader meets a warning against
her group's history, confirms the figure and submits; the petugas sees the
flagged figure in his queue, a WhatsApp link per late register and the
group text with its copy button."""

import datetime as dt

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def pikr(transactional_db):
    from conftest import BILAH_HULU, PONDOK_BATU, make_user
    from kampungkb.domain import JenisPoktan
    from kampungkb.periods import Periode
    from poktan.models import Laporan, Poktan, Status
    from villages.demo import seed_wilayah
    from villages.models import KampungKB

    seed_wilayah()
    make_user("kader.pondokbatu", "kader", PONDOK_BATU, first_name="Siti", telepon="+6281234567890")
    make_user("pkb.bilahhulu", "petugas_kecamatan", BILAH_HULU, first_name="Rudi")
    kampung = KampungKB.objects.create(
        desa_id=PONDOK_BATU,
        nama="Kampung KB Desa Pondok Batu",
        tanggal_pencanangan=dt.date(2017, 3, 1),
    )
    poktan = Poktan.objects.create(
        kampung=kampung, jenis=JenisPoktan.PIK_R, nama="PIK-R Pondok Batu"
    )
    Poktan.objects.create(kampung=kampung, jenis=JenisPoktan.BKL, nama="BKL Pondok Batu")
    month = Periode.current()
    for value in (15, 17, 16, 18, 17, 17):
        month = month.prev()
        Laporan.objects.create(
            poktan=poktan,
            periode=month.first_day,
            status=Status.DIVERIFIKASI,
            jumlah_anggota=60,
            kegiatan_informasi=2,
            kegiatan_konseling=1,
            remaja_terjangkau=value,
        )
    return poktan


def test_far_figure_confirmed_then_seen_by_the_petugas(page, live_server, login, pikr):
    from kampungkb.periods import Periode
    from poktan.models import Laporan, Status

    periode = Periode.current()
    login(page, "kader.pondokbatu")
    page.goto(f"{live_server.url}/poktan/{pikr.pk}/laporan/{periode}/")
    page.fill("input[name=jumlah_anggota]", "60")
    page.fill("input[name=kegiatan_informasi]", "2")
    page.fill("input[name=kegiatan_konseling]", "1")
    page.fill("input[name=remaja_terjangkau]", "48")
    page.get_by_role("button", name="Ajukan").click()
    page.wait_for_load_state()

    # Not refused: the draft is kept, the warning sits at the figure.
    assert page.get_by_text("Ada angka yang jauh dari biasanya").is_visible()
    warning = page.locator("#id_remaja_terjangkau_riwayat")
    assert "median 6 bulan terakhir 17 (15–18)" in warning.inner_text()
    assert page.input_value("input[name=remaja_terjangkau]") == "48"
    assert Laporan.objects.get(poktan=pikr, periode=periode.first_day).status == Status.DRAF
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    page.get_by_label("Angka ini benar").check()
    page.get_by_role("button", name="Ajukan").click()
    page.wait_for_load_state()
    assert Laporan.objects.get(poktan=pikr, periode=periode.first_day).status == Status.DIAJUKAN

    page.context.clear_cookies()
    login(page, "pkb.bilahhulu")
    page.goto(f"{live_server.url}/poktan/kelengkapan/")
    assert page.get_by_text("remaja terjangkau 48: jauh dari biasanya (median 17)").is_visible()
    # The BKL register not started yet: a WhatsApp link to Siti, through the portal.
    link = page.get_by_role("link", name="WhatsApp Siti")
    assert link.is_visible()
    assert "wa.me" not in (link.get_attribute("href") or "")
    text = page.input_value("#teks-grup")
    assert "BKL Pondok Batu" in text and "PIK-R" not in text
    assert page.get_by_role("button", name="Salin teks").is_visible()  # shown by salin.js
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
