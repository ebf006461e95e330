"""On the demo data, the dashboard, the PDFs and the XLSX files show the same numbers."""

import io
from io import BytesIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from conftest import LABUHANBATU, PONDOK_BATU
from kampungkb.periods import Periode
from reports.charts import persen
from reports.tests.pdftext import pdf_text

pytestmark = pytest.mark.django_db


def sheet_rows(response, name):
    return list(
        load_workbook(BytesIO(response.content))[name].iter_rows(min_row=4, values_only=True)
    )


def test_numbers_agree_on_the_demo(client_for):
    from kampungkb.models import User

    call_command("seed_demo", stdout=io.StringIO())
    client = client_for(User.objects.get(username="pimpinan.labuhanbatu"))
    bulan_lalu = {"periode": str(Periode.current().prev())}

    row = client.get(reverse("reports:dasbor", args=[LABUHANBATU]), bulan_lalu).context["row"]
    assert row.laporan_wajib > 0
    text = pdf_text(
        client.get(reverse("reports:rekap-pdf", args=["poktan", LABUHANBATU]), bulan_lalu).content
    )
    # Every Kampung KB owes reports: one per active poktan, one if it has none.
    assert f"Register wajib (poktan aktif) {row.jumlah_poktan}" in text
    assert f"Kampung KB tanpa poktan {row.kampung_tanpa_poktan}" in text
    assert f"Laporan wajib {row.laporan_wajib}" in text
    assert row.laporan_wajib == row.jumlah_poktan + row.kampung_tanpa_poktan
    assert f"Register masuk {row.laporan_masuk} ({persen(row.kelengkapan)})" in text
    assert f"Tepat waktu {row.laporan_tepat_waktu} ({persen(row.tepat_waktu)})" in text
    desa = sheet_rows(
        client.get(reverse("reports:rekap-xlsx", args=["poktan", LABUHANBATU]), bulan_lalu),
        "Per desa",
    )
    assert sum(r[3] for r in desa) == row.laporan_wajib
    assert sum(r[4] for r in desa) == row.laporan_masuk
    dash_xlsx = sheet_rows(
        client.get(reverse("reports:dasbor-xlsx", args=[LABUHANBATU]), bulan_lalu), "Wilayah"
    )
    assert dash_xlsx[0][3:5] == (row.laporan_wajib, row.laporan_masuk)
    assert dash_xlsx[0][9] == float(row.cpr)

    # This month's village figures: dashboard tile vs Profil Kampung KB PDF (whole %, as official).
    desa_row = client.get(reverse("reports:dasbor", args=[PONDOK_BATU])).context["row"]
    kampung_pdf = pdf_text(client.get(reverse("reports:kampung-pdf", args=[PONDOK_BATU])).content)
    assert f"CPR {round(desa_row.cpr)} %" in kampung_pdf
    assert f"PUS {desa_row.pus:,}".replace(",", ".") in kampung_pdf

    # Interventions: the running total equals the full intervention list.
    daftar = sheet_rows(
        client.get(reverse("reports:daftar-xlsx", args=["intervensi"])), "Intervensi"
    )
    current = client.get(reverse("reports:dasbor", args=[LABUHANBATU])).context["row"]
    assert current.intervensi_kumulatif == len(daftar) > 0
