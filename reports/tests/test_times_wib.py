"""Every surface reads a register's submission time in WIB (issue #12.3): the
verification queue, the downloads page, the rekap PDF and its XLSX. The
moment, 23.30 UTC on the period's first day, is 06.30 on the second in WIB."""

import datetime as dt
from io import BytesIO

import pytest
from django.urls import reverse
from django.utils import formats, translation
from openpyxl import load_workbook

from conftest import BILAH_HULU
from kampungkb.domain import JenisPoktan
from kampungkb.periods import Periode
from reports.models import Unduhan
from reports.tests.pdftext import pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(kampung_pondokbatu, kader_pondokbatu):
    """A BKB register of this month submitted at 23.30 UTC on the 1st."""
    from poktan import services
    from poktan.models import Laporan, Poktan

    periode = Periode.current()
    bkb = Poktan.objects.create(kampung=kampung_pondokbatu, jenis=JenisPoktan.BKB, nama="BKB Mawar")
    lap = services.laporan_save_draft(
        poktan=bkb,
        periode=periode,
        values={"jumlah_anggota": 20, "keluarga_hadir": 15, "anak_dipantau_kka": 12},
        pertemuan=[],
        expected_version=None,
        by=kader_pondokbatu,
    )
    services.laporan_submit(laporan=lap, by=kader_pondokbatu)
    moment = dt.datetime.combine(periode.first_day, dt.time(23, 30), tzinfo=dt.UTC)
    Laporan.objects.filter(pk=lap.pk).update(diajukan_pada=moment, pertama_diajukan_pada=moment)
    return periode


def wib(periode, fmt):
    """The expected local reading: the 2nd of the period's month, 06.30."""
    local = dt.datetime.combine(periode.first_day + dt.timedelta(days=1), dt.time(6, 30))
    with translation.override("id"):
        return formats.date_format(local, fmt)


def test_verification_queue_shows_wib(submitted, pkb_bilahhulu, client_for):
    html = client_for(pkb_bilahhulu).get(reverse("poktan:kelengkapan")).content.decode()
    assert wib(submitted, "j M Y H.i") in html
    assert "23.30" not in html


def test_downloads_page_shows_wib(pimpinan, regions, client_for):
    unduhan = Unduhan.objects.create(
        pemilik=pimpinan, jenis="poktan", wilayah_id=BILAH_HULU, periode=dt.date(2026, 11, 1),
        judul="Rekap poktan", status="selesai",
    )  # fmt: skip
    moment = dt.datetime(2026, 11, 30, 23, 30, tzinfo=dt.UTC)
    Unduhan.objects.filter(pk=unduhan.pk).update(created_at=moment)
    html = client_for(pimpinan).get(reverse("reports:unduhan-detail", args=[unduhan.pk]))
    assert "1 Desember 2026 06.30" in html.content.decode()


def test_rekap_pdf_shows_the_submission_time_in_wib(submitted, pimpinan, client_for):
    response = client_for(pimpinan).get(
        reverse("reports:rekap-pdf", args=["poktan", BILAH_HULU]), {"periode": str(submitted)}
    )
    text = pdf_text(response.content)
    assert wib(submitted, "j M Y H.i") in text


def test_rekap_xlsx_submission_cell_is_local_time(submitted, pimpinan, client_for):
    response = client_for(pimpinan).get(
        reverse("reports:rekap-xlsx", args=["poktan", BILAH_HULU]), {"periode": str(submitted)}
    )
    sheet = load_workbook(BytesIO(response.content))["Per poktan"]
    header = [c.value for c in sheet[3]]
    row = [c.value for c in sheet[4]]
    cell = row[header.index("Diajukan pada")]
    second = submitted.first_day + dt.timedelta(days=1)
    assert cell == dt.datetime.combine(second, dt.time(6, 30))


def _xlsx_urls(periode):
    """Every XLSX the portal serves: each recap kind, each list, the dashboard."""
    from reports.documents import LISTS, RECAPS

    q = f"?periode={periode}"
    yield reverse("reports:dasbor-xlsx", args=[BILAH_HULU]) + q
    for kind in RECAPS:
        yield reverse("reports:rekap-xlsx", args=[kind, BILAH_HULU]) + q
    for name in LISTS:
        yield reverse("reports:daftar-xlsx", args=[name])


def test_no_xlsx_holds_a_utc_time(submitted, pimpinan, client_for):
    """Generated over every XLSX endpoint: a datetime cell is the local wall
    clock (06.30 on the 2nd), never the UTC one (23.30 on the 1st)."""
    from reports.tests.factories import intervensi
    from villages.models import KampungKB

    intervensi(KampungKB.objects.get(), tanggal=submitted.first_day)
    client = client_for(pimpinan)
    times = []
    for url in _xlsx_urls(submitted):
        response = client.get(url)
        assert response.status_code == 200, url
        for ws in load_workbook(BytesIO(response.content)).worksheets:
            for row in ws.iter_rows(values_only=True):
                times += [(url, v) for v in row if isinstance(v, dt.datetime) and v.time()]
    assert times, "the register's submission time is in the rekap poktan XLSX"
    utc = dt.datetime.combine(submitted.first_day, dt.time(23, 30))
    assert all(v != utc for _, v in times), times
    second = submitted.first_day + dt.timedelta(days=1)
    assert (reverse("reports:rekap-xlsx", args=["poktan", BILAH_HULU]) + f"?periode={submitted}",
            dt.datetime.combine(second, dt.time(6, 30))) in times  # fmt: skip
