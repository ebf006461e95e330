"""Offline register entry on a phone (issue 16): the kader's register survives
a lost connection, reaches the server exactly once when it returns, a refusal
brings her back to the form with both values, logout empties the phone, and
without JavaScript nothing changed.

Chromium runs service workers on http://localhost; Playwright's
``set_offline`` cuts the page and its worker off the network."""

import datetime as dt

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Reads the phone's stored drafts without the page's helper (the login page
# has no script); an absent database counts as empty.
DRAFTS_JS = """() => new Promise((resolve) => {
  const req = indexedDB.open('kkb-luring', 1);
  req.onupgradeneeded = () => { req.result.createObjectStore('draf', {keyPath: 'kunci'});
                                req.result.createObjectStore('meta'); };
  req.onsuccess = () => { const all = req.result.transaction('draf').objectStore('draf').getAll();
                          all.onsuccess = () => { req.result.close(); resolve(all.result); }; };
})"""

KEPT_JS = """() => caches.open('kkb-halaman-' +
  document.querySelector('meta[name=kkb-pengguna]').content)
  .then(c => c.match(location.pathname)).then(Boolean)"""


@pytest.fixture
def bkb(transactional_db):
    from conftest import BILAH_HULU, PONDOK_BATU, make_user
    from kampungkb.demo import seed_wilayah
    from kampungkb.domain import JenisPoktan
    from poktan.models import Poktan
    from villages.models import KampungKB

    seed_wilayah()
    make_user("kader.pondokbatu", "kader", PONDOK_BATU, first_name="Siti")
    make_user("kader2.pondokbatu", "kader", PONDOK_BATU, first_name="Ani")
    make_user("pkb.bilahhulu", "petugas_kecamatan", BILAH_HULU)
    kampung = KampungKB.objects.create(
        desa_id=PONDOK_BATU, nama="Kampung KB Pondok Batu", tanggal_pencanangan=dt.date(2017, 3, 1)
    )
    return Poktan.objects.create(kampung=kampung, jenis=JenisPoktan.BKB, nama="BKB Pondok Batu")


def register_url(live_server, poktan):
    from kampungkb.periods import Periode

    return f"{live_server.url}/poktan/{poktan.pk}/laporan/{Periode.current()}/"


def open_kept(page, url):
    """Open the register and wait until the worker controls the page and keeps it."""
    page.goto(url)
    page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")
    page.reload()  # now through the worker, which keeps this copy
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    page.wait_for_function(KEPT_JS)


def test_saved_offline_kept_over_reload_and_sent_once(page, live_server, login, bkb):
    from kampungkb.models import AuditEntry
    from poktan.models import Laporan

    login(page, "kader.pondokbatu")
    url = register_url(live_server, bkb)
    open_kept(page, url)

    page.context.set_offline(True)
    page.fill("input[name=anak_dipantau_kka]", "12")
    page.get_by_role("button", name="Simpan draf").click()
    badge = page.locator("#status-luring")
    badge.wait_for(state="visible")
    assert "Belum terkirim — akan dikirim otomatis" in badge.inner_text()
    assert page.input_value("input[name=anak_dipantau_kka]") == "12"

    # Reloaded without a network: the kept page, her value and the notice.
    page.reload()
    badge.wait_for(state="visible")
    assert page.input_value("input[name=anak_dipantau_kka]") == "12"
    assert not Laporan.objects.exists()

    page.context.set_offline(False)
    expect(badge).to_contain_text("Terkirim ke server")
    laporan = Laporan.objects.get()
    assert laporan.anak_dipantau_kka == 12
    # Sent again (another page load asks the worker to send): nothing is applied twice.
    page.reload()
    page.wait_for_load_state("networkidle")
    assert page.evaluate(DRAFTS_JS) == []
    assert AuditEntry.objects.filter(object_id=str(laporan.pk)).count() == 1
    assert page.input_value("input[name=anak_dipantau_kka]") == "12"
