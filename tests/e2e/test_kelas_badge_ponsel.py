"""Phone dashboards show every class badge whole (issue 17 item 5): at 360 px
no badge runs past the screen or is cut off by a scrolling table."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Each badge's box against the viewport and every ancestor that clips (overflow
# other than visible); a badge whose own text overflows it counts too.
CLIPPED_BADGES = """() => {
  const vw = document.documentElement.clientWidth;
  const out = [];
  let seen = 0;
  for (const b of document.querySelectorAll('.badge')) {
    const r = b.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;  // not displayed at this width
    seen += 1;
    let why = '';
    if (r.left < -0.5 || r.right > vw + 0.5) why = 'viewport';
    for (let a = b.parentElement; a && a !== document.body; a = a.parentElement) {
      const cs = getComputedStyle(a);
      if (cs.overflowX === 'visible' && cs.overflowY === 'visible') continue;
      const ar = a.getBoundingClientRect();
      if (r.left < ar.left - 0.5 || r.right > ar.right + 0.5) why = 'clipped by ' + a.className;
    }
    if (b.scrollWidth > b.clientWidth + 1) why = 'text overflows';
    if (why) out.push(b.textContent.trim() + ': ' + why);
  }
  return {seen, out};
}"""


@pytest.fixture
def world(transactional_db):
    import datetime as dt
    from decimal import Decimal

    from conftest import make_user
    from kampungkb.periods import Periode
    from reports import summaries
    from villages.demo import seed_wilayah
    from villages.models import KampungKB, KlasifikasiPeriode, Wilayah

    seed_wilayah()
    make_user("pkb.bilahhulu", "petugas_kecamatan", "12.10.09")
    make_user("opd.labuhanbatu", "opd_kabupaten", "12.10")
    periode = Periode.current()
    desa = list(Wilayah.objects.filter(induk_id="12.10.09").order_by("nama"))[:5]
    kelas = ["Berkelanjutan", "Berkembang", "Mandiri", "Dasar", None]  # None: not classified
    for d, k in zip(desa, kelas, strict=True):
        kampung = KampungKB.objects.create(
            desa=d, nama=f"Kampung KB {d.nama}", tanggal_pencanangan=dt.date(2018, 1, 1)
        )
        if k:
            KlasifikasiPeriode.objects.create(
                kampung=kampung,
                periode=periode.first_day,
                kelas=k,
                indeks_input=Decimal("0.5"),
                indeks_proses=Decimal("0.5"),
                indeks_output=Decimal("0.5"),
            )
        summaries.refresh_desa(d.kode, periode)


def _check(page, url):
    page.goto(url)
    page.wait_for_load_state()
    result = page.evaluate(CLIPPED_BADGES)
    assert result["out"] == [], f"{url}: {result['out']}"
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360
    return result["seen"]


def test_class_badges_whole_on_phone_dashboards(page, live_server, login, world):
    login(page, "pkb.bilahhulu")
    seen = _check(page, f"{live_server.url}/dasbor/12.10.09/")
    # Every village's class (and "belum diklasifikasi") is shown, under its name.
    for kelas in ("Berkelanjutan", "Berkembang", "Mandiri", "Dasar", "belum diklasifikasi"):
        badge = page.locator("table .badge", has_text=kelas).first
        assert badge.is_visible(), kelas
    assert seen >= 5
    _check(page, f"{live_server.url}/")

    page.context.clear_cookies()
    login(page, "opd.labuhanbatu")
    # The kabupaten: villages without poktan carry a "belum ada poktan" badge.
    _check(page, f"{live_server.url}/dasbor/12.10/")
    assert page.locator("table .badge", has_text="belum ada poktan").first.is_visible()
    _check(page, f"{live_server.url}/dasbor/12.10.09/")
    _check(page, f"{live_server.url}/")
