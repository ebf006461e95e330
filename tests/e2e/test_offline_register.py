"""Offline register entry on a phone (issue 16): the kader's register survives
a lost connection, reaches the server exactly once when it returns, a refusal
brings her back to the form with both values, logout empties the phone, and
without JavaScript nothing changed.

Chromium runs service workers on http://localhost; Playwright's
``set_offline`` cuts the page and its worker off the network."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from tests.e2e.wait import until

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
    from kampungkb.domain import JenisPoktan
    from poktan.models import Poktan
    from villages.demo import seed_wilayah
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
    until(page, KEPT_JS)


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


def test_refused_replay_brings_her_to_the_form_with_both_values(page, live_server, login, bkb):
    from django.contrib.auth import get_user_model

    from kampungkb.periods import Periode
    from poktan import services
    from poktan.models import Laporan

    kader2 = get_user_model().objects.get(username="kader2.pondokbatu")

    def save(value, by, version=None):
        return services.laporan_save_draft(
            poktan=bkb, periode=Periode.current(), values={"anak_dipantau_kka": value},
            pertemuan=[], expected_version=version, by=by,
        )  # fmt: skip

    save(5, kader2)
    login(page, "kader.pondokbatu")
    open_kept(page, register_url(live_server, bkb))
    page.context.set_offline(True)
    page.fill("input[name=anak_dipantau_kka]", "12")
    page.get_by_role("button", name="Simpan draf").click()
    page.locator("#status-luring").wait_for(state="visible")

    # Meanwhile her colleague saves another figure on the server.
    save(7, kader2, version=1)
    page.context.set_offline(False)

    # The worker's send is refused (409); the page posts it once more so the
    # server shows its conflict message, her value in the field, theirs listed.
    expect(page.get_by_text("sudah diubah orang lain")).to_be_visible()
    assert page.input_value("input[name=anak_dipantau_kka]") == "12"
    assert "5 → 7" in page.inner_text("main")
    assert Laporan.objects.get().anak_dipantau_kka == 7
    until(page, f"() => ({DRAFTS_JS})().then(d => d.length === 0)")


def test_shared_phone_pages_per_user_and_logout_empties(page, live_server, login, bkb):
    login(page, "kader.pondokbatu")
    url = register_url(live_server, bkb)
    open_kept(page, url)

    # Her session ends without logout; a colleague logs in on the same phone.
    page.context.clear_cookies()
    login(page, "kader2.pondokbatu")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    page.context.set_offline(True)
    page.goto(url)
    # Not the first kader's kept copy: the offline page.
    expect(page.get_by_role("heading", name="Tidak ada sinyal")).to_be_visible()
    page.context.set_offline(False)

    # The colleague keeps the page and has a draft on the phone; she logs out.
    open_kept(page, url)
    page.evaluate(
        """() => LuringDB.simpan({kunci: '0 /x/', pengguna:
           document.querySelector('meta[name=kkb-pengguna]').content, halaman: '/x/',
           aksi: '/x/', isian: [], disimpan: new Date().toISOString(), keadaan: 'ditolak'})"""
    )
    page.goto(f"{live_server.url}/")
    expect(page.locator("#draf-luring")).to_be_visible()
    page.locator("details.nav-menu summary").click()
    page.get_by_role("button", name="Keluar").click()
    page.wait_for_url("**/akun/masuk/**")
    assert page.evaluate(DRAFTS_JS) == []
    assert not page.evaluate(
        "() => caches.keys().then(k => k.filter(n => n.startsWith('kkb-halaman-')))"
    )


def test_without_javascript_the_form_posts_as_before(browser, live_server, bkb):
    from poktan.models import Laporan

    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(f"{live_server.url}/akun/masuk/")
    page.fill("input[name=username]", "kader.pondokbatu")
    from django.conf import settings

    page.fill("input[name=password]", settings.DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.goto(register_url(live_server, bkb))
    page.fill("input[name=anak_dipantau_kka]", "9")
    page.get_by_role("button", name="Simpan draf").click()
    expect(page.get_by_text("Draf tersimpan.")).to_be_visible()
    assert page.locator("#status-luring").is_hidden()
    assert Laporan.objects.get().anak_dipantau_kka == 9
    context.close()
