"""The worker shows a kept register at once on a weak connection (issue 16),
but locked: a register the PKB verified while the kader's copy sat on her
phone must never be editable on her screen, not even for a moment.

A watcher installed before any page script records, at every change of the
document, whether the register form has a field or button she could use;
it also records that the kept (locked) copy was shown, so the test cannot
pass without going through it."""

import pytest
from playwright.sync_api import expect

from tests.e2e import test_offline_register as offline

bkb = offline.bkb  # the same kader, PKB and BKB group
open_kept, register_url = offline.open_kept, offline.register_url

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WATCH = """(() => {
  const check = () => {
    if (document.querySelector('main[data-sidik]')) console.log('kkb-watch: locked copy');
    const usable = document.querySelectorAll(
      'form[data-luring] input:not([type=hidden]):not([disabled]),'
      + ' form[data-luring] button:not([disabled]),'
      + ' form[data-luring] select:not([disabled])');
    if (usable.length) console.log('kkb-watch: editable');
  };
  new MutationObserver(check).observe(document, {childList: true, subtree: true,
    attributes: true, attributeFilter: ['disabled', 'data-sidik']});
  document.addEventListener('DOMContentLoaded', check);
})();"""


def _draft(bkb, value, by, version=None):
    from kampungkb.periods import Periode
    from poktan import services

    return services.laporan_save_draft(
        poktan=bkb, periode=Periode.current(), values={"anak_dipantau_kka": value},
        pertemuan=[], expected_version=version, by=by,
    )  # fmt: skip


def _watch(page):
    seen = []
    page.on("console", lambda m: m.text.startswith("kkb-watch") and seen.append(m.text))
    page.add_init_script(WATCH)
    return seen


def test_register_verified_meanwhile_is_never_editable(page, live_server, login, bkb):
    from django.contrib.auth import get_user_model

    from kampungkb.periods import Periode
    from poktan import services

    users = get_user_model().objects
    kader, pkb = users.get(username="kader.pondokbatu"), users.get(username="pkb.bilahhulu")
    draft = _draft(bkb, 5, kader)
    login(page, "kader.pondokbatu")
    url = register_url(live_server, bkb)
    open_kept(page, url)
    expect(page.locator("input[name=anak_dipantau_kka]")).to_be_editable()

    # From another phone: she submits, the PKB verifies.
    laporan = services.laporan_save_and_submit(
        poktan=bkb, periode=Periode.current(),
        values={"anak_dipantau_kka": 6, "jumlah_anggota": 20, "keluarga_hadir": 15},
        pertemuan=[], expected_version=draft.version, by=kader,
    )  # fmt: skip
    services.laporan_verify(laporan=laporan, by=pkb)

    seen = _watch(page)
    page.goto(url)
    # The fresh page replaces the kept one: verified, nothing to fill in.
    expect(page.locator(".badge", has_text="Diverifikasi")).to_be_visible()
    expect(page.locator("form[data-luring]")).to_have_count(0)
    page.wait_for_timeout(500)
    assert "kkb-watch: locked copy" in seen
    assert "kkb-watch: editable" not in seen


def test_unchanged_register_opens_kept_then_unlocks_and_saves_once(page, live_server, login, bkb):
    from poktan.models import Laporan

    login(page, "kader.pondokbatu")
    url = register_url(live_server, bkb)
    open_kept(page, url)
    seen = _watch(page)
    page.goto(url)
    assert "kkb-watch: locked copy" in seen  # shown from the phone first
    field = page.locator("input[name=anak_dipantau_kka]")
    expect(field).to_be_editable()  # the server confirmed the copy
    expect(page.locator("#memeriksa")).to_be_hidden()

    # Saving through the worker: one round trip, then the kept page with the message.
    field.fill("9")
    with page.expect_navigation():
        page.get_by_role("button", name="Simpan draf").click()
    expect(page.get_by_text("Draf tersimpan.")).to_be_visible()
    assert page.url == url
    assert Laporan.objects.get().anak_dipantau_kka == 9
    assert page.input_value("input[name=anak_dipantau_kka]") == "9"
    # A reload does not post again (the browser got a redirect to a GET).
    page.reload()
    expect(page.locator("input[name=anak_dipantau_kka]")).to_be_editable()
    assert Laporan.objects.get().version == 1
