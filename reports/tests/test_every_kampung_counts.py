"""Every Kampung KB counts (issue 12.5): a Kampung KB without poktan shows on
the completeness grid, the recaps and the dashboards as "belum ada poktan" and
lowers the reporting rate; a Kampung KB without classification is counted as
"belum diklasifikasi" alike on the home page and the dashboard; a recap's
"hadir" total is the sum of its column."""

import datetime as dt
import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import BILAH_HULU, LABUHANBATU, MERANTI, PONDOK_BATU
from kampungkb.domain import JenisPoktan
from kampungkb.periods import Periode, due_date
from poktan import kelengkapan
from reports import summaries
from reports.models import Ringkasan

pytestmark = pytest.mark.django_db

LINGGA_TIGA = "12.10.09.2001"  # a Kampung KB with no poktan and no classification


@pytest.fixture
def world(regions, kader_pondokbatu, admin_portal):
    """Pondok Batu: two poktan, BKB submitted on time (hadir 15), UPPKA submitted
    (8 active members, no attendance); Meranti: one BKR, nothing sent; Lingga
    Tiga: a Kampung KB created through the service, with no poktan and no data."""
    from poktan import services as poktan_services
    from poktan.models import Poktan
    from villages import services as village_services
    from villages.models import KampungKB, Wilayah

    periode = Periode.current().prev()
    kampung = {}
    for kode, nama in ((PONDOK_BATU, "Pondok Batu"), (MERANTI, "Meranti"), (LINGGA_TIGA, "LT")):
        kampung[kode] = village_services.kampung_create(
            desa=Wilayah.objects.get(kode=kode),
            nama=f"Kampung KB {nama}",
            tanggal_pencanangan=dt.date(2019, 1, 1),
            by=admin_portal,
        )
    bkb = Poktan.objects.create(kampung=kampung[PONDOK_BATU], jenis=JenisPoktan.BKB, nama="BKB A")
    uppka = Poktan.objects.create(
        kampung=kampung[PONDOK_BATU], jenis=JenisPoktan.UPPKA, nama="UPPKA B"
    )
    Poktan.objects.create(kampung=kampung[MERANTI], jenis=JenisPoktan.BKR, nama="BKR C")
    values = {
        bkb: {"jumlah_anggota": 20, "keluarga_hadir": 15, "anak_dipantau_kka": 12},
        uppka: {"jumlah_anggota": 10, "anggota_aktif": 8, "modal": 1250000, "omzet": 300000},
    }
    on_time = timezone.make_aware(dt.datetime.combine(due_date(periode), dt.time(9)))
    for poktan, figures in values.items():
        lap = poktan_services.laporan_save_draft(
            poktan=poktan,
            periode=periode,
            values=figures,
            pertemuan=[],
            expected_version=None,
            by=kader_pondokbatu,
        )
        poktan_services.laporan_submit(laporan=lap, by=kader_pondokbatu)
        type(lap).objects.filter(pk=lap.pk).update(
            pertama_diajukan_pada=on_time, diajukan_pada=on_time
        )
    for kode in kampung:
        summaries.refresh_desa(kode, periode)
    assert KampungKB.objects.count() == 3
    return periode


# ------------------------------------------------------------ completeness grid


def test_grid_shows_a_kampung_without_poktan_and_counts_it(world, pkb_bilahhulu):
    rows = kelengkapan.desa_grid(pkb_bilahhulu, BILAH_HULU, world, timezone.localdate())
    by_kode = {r.desa.kode: r for r in rows}
    assert set(by_kode) == {PONDOK_BATU, MERANTI, LINGGA_TIGA}
    lingga = by_kode[LINGGA_TIGA]
    assert lingga.tanpa_poktan
    assert (lingga.reported, lingga.reporting_rate) == (0, 0.0)


def test_grid_page_says_belum_ada_poktan(world, pkb_bilahhulu, client_for):
    html = (
        client_for(pkb_bilahhulu)
        .get(reverse("poktan:kelengkapan"), {"periode": str(world)})
        .content.decode()
    )
    assert "Kel. Lingga Tiga" in html or "Desa Lingga Tiga" in html
    assert "belum ada poktan" in html


def test_rollup_counts_a_kampung_without_poktan_in_the_rate(world, opd_labuhanbatu):
    [row] = kelengkapan.rollup(opd_labuhanbatu, LABUHANBATU, world, timezone.localdate())
    # 3 poktan registers owed + 1 Kampung KB with no poktan; 2 in.
    assert (row.poktan, row.total, row.reported) == (3, 4, 2)
    assert row.reporting_rate == 50.0
    assert {str(label): n for label, _css, n in row.legend_counts}["belum ada poktan"] == 1


# ------------------------------------------------------------------ summaries


def test_summary_rows_count_a_kampung_without_poktan(world):
    desa = Ringkasan.objects.get(wilayah_id=LINGGA_TIGA, periode=world.first_day)
    assert (desa.jumlah_poktan, desa.kampung_tanpa_poktan) == (0, 1)
    assert (desa.laporan_wajib, desa.laporan_masuk, desa.kelengkapan) == (1, 0, 0)
    kec = Ringkasan.objects.get(wilayah_id=BILAH_HULU, periode=world.first_day)
    assert (kec.jumlah_kampung, kec.kampung_tanpa_poktan) == (3, 1)
    assert (kec.laporan_wajib, kec.laporan_masuk) == (4, 2)
    assert float(kec.kelengkapan) == 50.0


def test_dashboard_lists_the_kampung_without_poktan_as_behind(world, pimpinan, client_for):
    response = client_for(pimpinan).get(
        reverse("reports:dasbor", args=[LABUHANBATU]), {"periode": str(world)}
    )
    behind = [r.wilayah_id for r in response.context["behind"]]
    assert LINGGA_TIGA in behind
    html = response.content.decode()
    assert "belum ada poktan" in html
    assert "50,0 %" in html


# -------------------------------------------------------------------- recaps


class Tables(HTMLParser):
    """Every <table> of a page as rows of cell texts (th and td alike)."""

    def __init__(self):
        super().__init__()
        self.tables, self._cell = [], None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th") and self.tables:
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def tables_of(html: str) -> list[list[list[str]]]:
    parser = Tables()
    parser.feed(html)
    return parser.tables


def number(text: str) -> int:
    return int(text.replace(".", "")) if re.fullmatch(r"[\d.]+", text) else 0


def rekap_html(client, kode, periode):
    url = reverse("reports:rekap-pratinjau", args=["poktan", kode])
    return client.get(url, {"periode": str(periode)}).content.decode()


def test_rekap_lists_the_kampung_without_poktan_and_counts_it(world, pkb_bilahhulu, client_for):
    html = rekap_html(client_for(pkb_bilahhulu), BILAH_HULU, world)
    tables = tables_of(html)
    ringkasan = {row[0]: row[1] for row in tables[0] if len(row) == 2}
    assert ringkasan["Kampung KB"] == "3"
    assert ringkasan["Desa dengan poktan aktif"] == "2"
    assert ringkasan["Kampung KB tanpa poktan"] == "1"
    assert ringkasan["Register masuk"] == "2 (50,0 %)"
    per_desa = next(t for t in tables if t[0][:2] == ["Desa", "Wajib"])
    lingga = next(r for r in per_desa if "Lingga Tiga" in r[0])
    assert "belum ada poktan" in lingga[0]
    assert lingga[-1] == "0,0 %"


def test_rekap_hadir_total_is_the_sum_of_its_columns(world, pkb_bilahhulu, client_for):
    html = rekap_html(client_for(pkb_bilahhulu), BILAH_HULU, world)
    tables = tables_of(html)
    ringkasan = {row[0]: row[1] for row in tables[0] if len(row) == 2}
    anggota, hadir = (
        number(x.strip())
        for x in ringkasan[
            next(k for k in ringkasan if k.startswith("Keluarga anggota / hadir"))
        ].split("/")
    )
    assert (anggota, hadir) == (30, 15)  # UPPKA's 8 active members are not attendance
    per_desa_sum = 0
    for table in tables[1:]:
        header = table[0]
        if "Hadir" not in header:
            continue
        col = header.index("Hadir")
        body = [r for r in table[1:] if r and not r[0].startswith("Jumlah")]
        column_sum = sum(number(r[col]) for r in body if len(r) > col)
        for r in table[1:]:
            if r and r[0].startswith("Jumlah"):  # a table's own total is its column's sum
                assert number(r[2]) == column_sum, table  # [label, anggota, hadir, …]
        if header[0] == "Jenis":
            assert column_sum == hadir, table
        else:
            per_desa_sum += column_sum
    assert per_desa_sum == hadir


def test_rekap_kabupaten_counts_every_kampung(world, pimpinan, client_for):
    html = rekap_html(client_for(pimpinan), LABUHANBATU, world)
    ringkasan = {row[0]: row[1] for row in tables_of(html)[0] if len(row) == 2}
    assert ringkasan["Kampung KB"] == "3"
    assert ringkasan["Register masuk"] == "2 (50,0 %)"


# ------------------------------------------------------------- class counts


def test_home_and_dashboard_class_counts_agree(world, pkb_bilahhulu, client_for):
    """Lingga Tiga has no snapshot: no class. Home page and dashboard say so alike."""
    from reports.tests import factories as f
    from villages.models import KampungKB
    from villages.services import klasifikasi_refresh

    pondok = KampungKB.objects.get(desa_id=PONDOK_BATU)
    f.kkbpk(pondok, Periode.current(), pus=100, kb_suntik=60)
    klasifikasi_refresh(pondok)
    for kode in (PONDOK_BATU, MERANTI, LINGGA_TIGA):
        summaries.refresh_desa(kode, Periode.current())
    assert KampungKB.objects.get(desa_id=LINGGA_TIGA).kelas == ""
    client = client_for(pkb_bilahhulu)
    home = client.get(reverse("home"))
    [panel] = [p for p in home.context["panels"] if p["template"] == "villages/_panel_kelas.html"]
    home_counts = {str(k): n for k, n in panel["context"]["kelas"]}
    dash = client.get(reverse("reports:dasbor", args=[BILAH_HULU]))
    row = dash.context["row"]
    from reports.dashboard import kelas_counts

    assert home_counts == {str(k): n for k, n in kelas_counts(row)}
    assert home_counts["belum diklasifikasi"] == 2
    assert sum(home_counts.values()) == 3
    assert "belum diklasifikasi" in home.content.decode()
    assert "belum diklasifikasi" in dash.content.decode()


def test_kampung_page_and_pdf_say_belum_diklasifikasi(world, pkb_bilahhulu, client_for):
    from reports.tests.pdftext import pdf_text

    client = client_for(pkb_bilahhulu)
    page = client.get(reverse("villages:kampung-detail", args=[LINGGA_TIGA])).content.decode()
    assert "belum diklasifikasi" in page and "badge-dasar" not in page
    text = pdf_text(client.get(reverse("reports:kampung-pdf", args=[LINGGA_TIGA])).content)
    assert "Klasifikasi belum diklasifikasi" in text
