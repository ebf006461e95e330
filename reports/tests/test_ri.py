"""Cetak R/I (issue 15 item 3): the one-page register PDF of a poktan × month
in the paper form's rows, and the kecamatan XLSX in the same rows."""

import datetime as dt
import io
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from kampungkb.domain import JenisPoktan
from kampungkb.periods import Periode
from poktan import services
from poktan.models import Anggota, Laporan, Pengurus, Pertemuan, Poktan
from reports import ri
from reports.tests.pdftext import pdf_pages, pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def periode():
    return Periode.current().prev()


def _members(poktan, specs):
    return [
        Anggota.objects.create(
            poktan=poktan, nama_kepala_keluarga=f"Keluarga {i}", nomor_kk=f"12100900{i:08d}", **spec
        )
        for i, spec in enumerate(specs, start=len(Anggota.objects.all()) + 1)
    ]


@pytest.fixture
def bkb_register(kampung_pondokbatu, kader_pondokbatu, periode):
    poktan = Poktan.objects.create(
        kampung=kampung_pondokbatu, jenis=JenisPoktan.BKB, nama="BKB Melati"
    )
    Pengurus.objects.create(poktan=poktan, jabatan="Ketua", nama="Sri Lubis")
    came = _members(
        poktan,
        [
            {
                "status_pus": True,
                "metode_kb": "Suntik",
                "tahapan_ks": "KS I",
                "anak_1_2": 1,
                "kemandirian_kb": "Swasta",
            },
            {
                "status_pus": True,
                "metode_kb": "IUD",
                "tahapan_ks": "Pra-S",
                "anak_0_1": 1,
                "kemandirian_kb": "Pemerintah",
            },
            {"status_pus": True, "tahapan_ks": "KS II", "anak_3_4": 2},
        ],
    )
    _members(poktan, [{"status_pus": True, "metode_kb": "Implan"}])  # did not come
    Laporan.objects.create(poktan=poktan, periode=periode.first_day)
    laporan = services.laporan_save_draft(
        poktan=poktan,
        periode=periode,
        values={"anak_dipantau_kka": 3, "notulen": "Sepakat membawa KKA."},
        pertemuan=[
            {
                "tanggal": periode.first_day,
                "materi": "Gizi balita",
                "narasumber": "Bidan desa",
                "jumlah_hadir": 3,
                "ada_diskusi": True,
            },
            {
                "tanggal": periode.first_day + dt.timedelta(days=14),
                "materi": "Pola asuh",
                "narasumber": "",
                "jumlah_hadir": 2,
                "ada_diskusi": False,
            },
        ],
        expected_version=Laporan.objects.get(poktan=poktan).version,
        by=kader_pondokbatu,
        hadir=[a.pk for a in came],
    )
    return laporan


def test_the_ri_pdf_is_one_page_with_the_rows_in_form_order(
    client_for, pkb_bilahhulu, bkb_register, periode
):
    url = reverse("reports:ri-pdf", args=[bkb_register.poktan_id]) + f"?periode={periode}"
    response = client_for(pkb_bilahhulu).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert pdf_pages(response.content) == 1
    text = pdf_text(response.content)
    assert "R/I/BKB/20" in text and "BKB Melati" in text and periode.label in text
    expected = [
        ("1", "Jumlah keluarga anggota", "4"),
        ("2", "Keluarga anggota yang hadir", "3"),
        ("3", "Anak balita (0–6 th) keluarga anggota", "4"),
        ("4", "Anak dipantau dengan KKA", "3"),
        ("5", "Pasangan usia subur (PUS)", "3"),  # of the 3 families who came
        ("6", "Peserta KB", "2"),
        ("7", "Peserta KB IUD", "1"),
        ("10", "Peserta KB Kondom", "0"),
        ("11", "Peserta KB Implan", "0"),  # the Implan user did not come
        ("12", "Peserta KB Suntik", "1"),
        ("14", "Pra-S (Pra Sejahtera)", "1"),
        ("15", "KS I", "1"),
        ("16", "KS II", "1"),
        ("18", "KS III+", "0"),
        ("19", "Pemerintah", "1"),
        ("20", "Swasta", "1"),
        ("21", "Jumlah pertemuan", "2"),
        ("22", "Jumlah hadir dalam pertemuan", "5"),
        ("23", "Pertemuan dengan diskusi", "1"),
    ]
    positions = []
    for nomor, label, nilai in expected:
        match = re.search(rf"^ ?{nomor} {re.escape(label)} {nilai}$", text, re.M)
        assert match, (nomor, label, nilai)
        positions.append(match.start())
    assert positions == sorted(positions)
    assert "Gizi balita" in text and "Bidan desa" in text and "Sepakat membawa KKA." in text
    assert "(Sri Lubis)" in text


def test_a_month_without_register_prints_the_blank_form(client_for, kader_pondokbatu, bkb_register):
    url = reverse("reports:ri-pdf", args=[bkb_register.poktan_id]) + f"?periode={Periode.current()}"
    text = pdf_text(client_for(kader_pondokbatu).get(url).content)
    assert "belum ada laporan bulan ini" in text
    assert re.search(r"^ ?1 Jumlah keluarga anggota –$", text, re.M)


def test_uppka_with_ten_meetings_still_fits_one_page(
    client_for, opd_labuhanbatu, kampung_pondokbatu, periode
):
    poktan = Poktan.objects.create(
        kampung=kampung_pondokbatu, jenis=JenisPoktan.UPPKA, nama="UPPKS Maju"
    )
    _members(
        poktan,
        [
            {"jabatan": "Ketua", "modal_diperoleh": 1_500_000, "metode_kb": "PIL"},
            {"jabatan": "Anggota", "modal_diperoleh": 2_000_000},
        ],
    )
    laporan = Laporan.objects.create(
        poktan=poktan,
        periode=periode.first_day,
        jumlah_anggota=2,
        anggota_aktif=2,
        modal=10_500_000,
        omzet=3_250_000,
        kesertaan_kb=services.kesertaan_kb(poktan),
        notulen="Catatan panjang. " * 60,
    )
    Pertemuan.objects.bulk_create(
        Pertemuan(
            laporan=laporan,
            tanggal=periode.first_day + dt.timedelta(days=i),
            materi=f"Pemasaran produk tahap {i}",
            narasumber="Dinas Koperasi",
            jumlah_hadir=2,
        )
        for i in range(10)
    )
    url = reverse("reports:ri-pdf", args=[poktan.pk]) + f"?periode={periode}"
    response = client_for(opd_labuhanbatu).get(url)
    assert pdf_pages(response.content) == 1
    text = pdf_text(response.content)
    assert "R/I/UPPKA/20" in text
    assert re.search(r"Jumlah modal diperoleh anggota \(Rp\) Rp 3\.500\.000$", text, re.M)
    assert re.search(r"Modal kelompok \(Rp\) Rp 10\.500\.000$", text, re.M)
    # UPPKS counts KB over its members (no attendance column): the PIL user.
    assert re.search(r"Status PUS dan kesertaan KB keluarga anggota", text)
    assert re.search(r"Peserta KB PIL 1$", text, re.M)


def test_the_kecamatan_xlsx_has_the_same_rows_with_one_column_per_poktan(
    client_for, pkb_bilahhulu, bkb_register, periode
):
    other = Poktan.objects.create(
        kampung=bkb_register.poktan.kampung, jenis=JenisPoktan.BKB, nama="BKB Anggrek"
    )
    url = reverse("reports:ri-xlsx", args=["12.10.09"]) + f"?periode={periode}"
    response = client_for(pkb_bilahhulu).get(url)
    assert response.status_code == 200
    ws = load_workbook(io.BytesIO(response.content))["BKB"]
    header = [c.value for c in ws[3]]
    assert header[:2] == ["No.", "Isian"]
    melati = header.index("Pondok Batu – BKB Melati")
    anggrek = header.index("Pondok Batu – BKB Anggrek")
    body = [[c.value for c in row] for row in ws.iter_rows(min_row=4)]
    assert body[0][melati] == "Diajukan" or body[0][melati] == "Draf"
    assert body[0][anggrek] == "belum ada laporan"
    numbered = [row for row in body if row[0]]
    # The same rows as the PDF, in the same order, with the same figures.
    context = ri.ri_context(bkb_register.poktan, periode, bkb_register)
    pdf_rows = [(r.nomor, str(r.label), v) for _j, rows in context["bagian"] for r, v in rows]
    assert [(row[0], row[1], row[melati]) for row in numbered] == pdf_rows
    assert all(row[anggrek] is None for row in numbered)
    assert other.pk  # listed although it has no register this month


def test_the_kecamatan_xlsx_is_not_for_a_kader_of_one_desa(
    client_for, kader_pondokbatu, bkb_register
):
    url = reverse("reports:ri-xlsx", args=["12.10.09"])
    assert client_for(kader_pondokbatu).get(url).status_code == 404


def test_links_on_the_register_and_completeness_pages(
    client_for, pkb_bilahhulu, bkb_register, periode
):
    client = client_for(pkb_bilahhulu)
    page = client.get(reverse("poktan:laporan-edit", args=[bkb_register.poktan_id, periode]))
    assert (
        reverse("reports:ri-pdf", args=[bkb_register.poktan_id]) + f"?periode={periode}"
        in page.content.decode()
    )
    grid = client.get(reverse("poktan:kelengkapan") + f"?periode={periode}&wilayah=12.10.09")
    assert (
        reverse("reports:ri-xlsx", args=["12.10.09"]) + f"?periode={periode}"
        in grid.content.decode()
    )
