import datetime as dt
import io
from io import BytesIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from conftest import BILAH_HULU, LABUHANBATU, MERANTI, PONDOK_BATU
from kampungkb.domain import JenisPoktan
from kampungkb.periods import Periode
from reports import summaries
from reports.models import StatusUnduhan, Unduhan
from reports.tests import factories as f
from reports.tests.pdftext import pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def registers(kampung_pondokbatu, kader_pondokbatu):
    """Pondok Batu: BKB submitted (hadir 15), UPPKA draft; Meranti: BKR, nothing."""
    from poktan import services
    from poktan.models import Poktan

    periode = Periode.current()
    meranti = f.kampung(MERANTI, "Kampung KB Meranti")
    bkb = Poktan.objects.create(kampung=kampung_pondokbatu, jenis=JenisPoktan.BKB, nama="BKB Mawar")
    uppka = Poktan.objects.create(
        kampung=kampung_pondokbatu, jenis=JenisPoktan.UPPKA, nama="UPPKA Sejahtera"
    )
    Poktan.objects.create(kampung=meranti, jenis=JenisPoktan.BKR, nama="BKR Melati")
    lap = services.laporan_save_draft(
        poktan=bkb,
        periode=periode,
        values={"jumlah_anggota": 20, "keluarga_hadir": 15, "anak_dipantau_kka": 12},
        pertemuan=[],
        expected_version=None,
        by=kader_pondokbatu,
    )
    services.laporan_submit(laporan=lap, by=kader_pondokbatu)
    services.laporan_save_draft(
        poktan=uppka,
        periode=periode,
        values={"jumlah_anggota": 10, "anggota_aktif": 8, "modal": 1250000, "omzet": 300000},
        pertemuan=[],
        expected_version=None,
        by=kader_pondokbatu,
    )
    summaries.refresh_desa(MERANTI, periode)
    return periode


def test_rekap_poktan_pdf_agrees_with_the_dashboard(registers, pimpinan, client_for):
    client = client_for(pimpinan)
    q = {"periode": str(registers)}
    dash = client.get(reverse("reports:dasbor", args=[BILAH_HULU]), q).context["row"]
    assert (dash.laporan_wajib, dash.laporan_masuk) == (3, 1)
    response = client.get(reverse("reports:rekap-pdf", args=["poktan", BILAH_HULU]), q)
    assert response["Content-Disposition"].endswith(
        f'filename="rekap-poktan-bilah-hulu-12-10-09-{registers}.pdf"'
    )
    text = pdf_text(response.content)
    assert "REKAP BULANAN POKTAN" in text
    assert "Register wajib (poktan aktif) 3" in text
    assert "Register masuk 1 (33,3 %)" in text
    assert "BKB Mawar" in text and "Diajukan" in text
    assert "UPPKA Sejahtera" in text and "Draf" in text and "Rp 1.250.000" in text
    assert "BKR Melati" in text and "Belum ada" in text
    # Per type: only the submitted BKB register counts (the UPPKA one is a draft).
    assert "anak dipantau KKA 12" in text
    assert "modal Rp" not in text


def test_rekap_poktan_xlsx_has_the_same_figures(registers, pimpinan, client_for):
    response = client_for(pimpinan).get(
        reverse("reports:rekap-xlsx", args=["poktan", BILAH_HULU]), {"periode": str(registers)}
    )
    wb = load_workbook(BytesIO(response.content))
    desa = {row[0]: row for row in wb["Per desa"].iter_rows(min_row=4, values_only=True)}
    assert desa[PONDOK_BATU][3:7] == (2, 1, 1, 0)  # wajib, masuk, tepat waktu, diverifikasi
    assert desa[MERANTI][3:5] == (1, 0)
    poktan = list(wb["Per poktan"].iter_rows(min_row=4, values_only=True))
    assert [r[2] for r in poktan] == ["BKB Mawar", "UPPKA Sejahtera", "BKR Melati"]
    assert poktan[0][7] == 15  # keluarga hadir, a number not text


def test_rekap_poktan_refuses_a_desa_and_outsiders(registers, pkb_kecamatan_lain, client_for):
    client = client_for(pkb_kecamatan_lain)
    assert (
        client.get(reverse("reports:rekap-pratinjau", args=["poktan", BILAH_HULU])).status_code
        == 404
    )
    assert (
        client.get(reverse("reports:rekap-pratinjau", args=["lain", BILAH_HULU])).status_code == 404
    )


def test_rekap_intervensi_filters_by_period(kampung_pondokbatu, opd_labuhanbatu, client_for):
    f.intervensi(kampung_pondokbatu, judul="Budikdamber", instansi=["Dinas Kelautan dan Perikanan"])
    f.intervensi(
        kampung_pondokbatu,
        judul="BIAN",
        seksi="Reproduksi",
        instansi=["Dinas Kesehatan"],
        tanggal=dt.date(2026, 9, 5),
    )
    client = client_for(opd_labuhanbatu)
    url = reverse("reports:rekap-pdf", args=["intervensi", LABUHANBATU])
    one = pdf_text(client.get(url, {"periode": "2026-11"}).content)
    assert "Budikdamber" in one and "BIAN" not in one
    assert "Jumlah kegiatan intervensi 1" in one
    three = pdf_text(client.get(url, {"periode": "2026-11", "bulan": "3"}).content)
    assert "BIAN" in three and "Jumlah kegiatan intervensi 2" in three
    assert "September 2026 – November 2026" in three
    wb = load_workbook(
        BytesIO(
            client.get(
                reverse("reports:rekap-xlsx", args=["intervensi", LABUHANBATU]),
                {"periode": "2026-11", "bulan": "3"},
            ).content
        )
    )
    rows = list(wb["Intervensi"].iter_rows(min_row=4, values_only=True))
    assert [r[3] for r in rows] == ["BIAN", "Budikdamber"]
    assert rows[0][0] == dt.datetime(2026, 9, 5)


def test_profil_kampung_pdf(kampung_pondokbatu, kader_pondokbatu, client_for):
    f.kkbpk(kampung_pondokbatu, periode=Periode.current(), pus=100, kb_suntik=40, kb_iud=10)
    response = client_for(kader_pondokbatu).get(reverse("reports:kampung-pdf", args=[PONDOK_BATU]))
    assert response.status_code == 200
    text = pdf_text(response.content)
    assert "PROFIL KAMPUNG KB" in text
    assert "Kampung KB Desa Pondok Batu" in text
    assert "CPR 50 %" in text  # 50 peserta / 100 PUS
    assert "Klasifikasi" in text


@pytest.mark.django_db(transaction=True)  # the worker opens and closes its own connections
def test_kabupaten_recap_is_queued_and_the_worker_delivers_it(
    registers, pimpinan, opd_labuhanbatu, client_for
):
    client = client_for(pimpinan)
    preview = client.get(reverse("reports:rekap-pratinjau", args=["poktan", LABUHANBATU]))
    assert "Siapkan PDF" in preview.content.decode()
    response = client.post(
        reverse("reports:unduhan-create"),
        {"jenis": "poktan", "kode": LABUHANBATU, "periode": str(registers), "format": "pdf"},
    )
    unduhan = Unduhan.objects.get()
    assert response["Location"] == reverse("reports:unduhan-detail", args=[unduhan.pk])
    page = client.get(response["Location"]).content.decode()
    assert "Dalam antrean" in page and 'http-equiv="refresh"' in page
    # The real django-tasks-db worker picks it up.
    call_command("db_worker", "--batch", "--no-startup-delay", stdout=io.StringIO())
    unduhan.refresh_from_db()
    assert unduhan.status == StatusUnduhan.SELESAI
    page = client.get(reverse("reports:unduhan-detail", args=[unduhan.pk])).content.decode()
    assert "http-equiv" not in page and unduhan.nama_berkas in page
    pdf = client.get(reverse("reports:unduhan-berkas", args=[unduhan.pk]))
    assert "Register wajib (poktan aktif) 3" in pdf_text(pdf.content)
    # Someone else's download is not found, even in the same kabupaten.
    other = client_for(opd_labuhanbatu)
    assert other.get(reverse("reports:unduhan-berkas", args=[unduhan.pk])).status_code == 404


@pytest.mark.parametrize("jenis", ["poktan", "intervensi"])
def test_recap_query_count_does_not_grow(
    jenis, regions, opd_labuhanbatu, client_for, django_assert_max_num_queries
):
    from poktan.models import Laporan, Poktan
    from villages.models import Wilayah

    codes = list(
        Wilayah.objects.filter(tingkat=4, kode__startswith="12.10.09.").values_list(
            "kode", flat=True
        )
    )
    periode = Periode(2026, 11)

    def add(kode):
        k = f.kampung(kode)
        f.intervensi(k, instansi=["Dinas Koperasi", "Dinas Kesehatan"])
        p = Poktan.objects.create(kampung=k, jenis=JenisPoktan.BKB, nama=f"BKB {kode}")
        Laporan.objects.create(
            poktan=p, periode=periode.first_day, status="diajukan", jumlah_anggota=5
        )

    client = client_for(opd_labuhanbatu)
    url = reverse("reports:rekap-pratinjau", args=[jenis, BILAH_HULU])
    for kode in codes[:2]:
        add(kode)
    with django_assert_max_num_queries(15) as small:
        assert client.get(url, {"periode": "2026-11"}).status_code == 200
    for kode in codes[2:12]:
        add(kode)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url, {"periode": "2026-11"})
    assert response.status_code == 200
