import pytest
from django.db import connection
from django.urls import reverse

from conftest import BILAH_HULU, LABUHANBATU, MERANTI, PONDOK_BATU
from reports import summaries
from reports.tests import factories as f

pytestmark = pytest.mark.django_db


def desa_codes(n):
    from villages.models import Wilayah

    return list(
        Wilayah.objects.filter(tingkat=4, kode__startswith="12.10.").values_list("kode", flat=True)[
            :n
        ]
    )


def build_world(n):
    for kode in desa_codes(n):
        k = f.kampung(kode)
        f.intervensi(k, instansi=["Dinas Koperasi"])
        f.kkbpk(k, pus=10, kb_suntik=5)
    summaries.rebuild(summaries.affected_periods(f.NOV))


@pytest.mark.parametrize("kode", [LABUHANBATU, BILAH_HULU, PONDOK_BATU])
def test_dashboard_query_count_does_not_grow(
    kode, opd_labuhanbatu, client_for, django_assert_max_num_queries
):
    client = client_for(opd_labuhanbatu)
    url = reverse("reports:dasbor", args=[kode]) + "?periode=2026-11"
    build_world(3)
    with django_assert_max_num_queries(12) as small:
        assert client.get(url).status_code == 200
    build_world_more = desa_codes(40)[3:]
    for k in build_world_more:
        f.kampung(k)
    summaries.rebuild([f.NOV])
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert response.status_code == 200


def test_kabupaten_dashboard_names_the_villages_behind(opd_labuhanbatu, client_for):
    f.kampung(PONDOK_BATU)
    f.kampung(MERANTI)
    summaries.refresh_desa(PONDOK_BATU, f.NOV)
    summaries.refresh_desa(MERANTI, f.NOV)
    from reports.models import Ringkasan

    # Meranti owes 2 registers and sent none (set directly: the poktan app's
    # own flow is tested in test_register_updates_dashboard).
    Ringkasan.objects.filter(wilayah_id=MERANTI).update(laporan_wajib=2)
    # Pondok Batu sent its one register (without any poktan it would owe one
    # report and be behind too: test_every_kampung_counts).
    Ringkasan.objects.filter(wilayah_id=PONDOK_BATU).update(
        laporan_wajib=1, laporan_masuk=1, jumlah_poktan=1, kampung_tanpa_poktan=0
    )
    response = client_for(opd_labuhanbatu).get(
        reverse("reports:dasbor", args=[LABUHANBATU]), {"periode": "2026-11"}
    )
    behind = [r.wilayah_id for r in response.context["behind"]]
    assert behind == [MERANTI]
    assert "Desa yang laporannya belum lengkap" in response.content.decode()


def test_dashboard_home_redirects_to_own_region(pkb_bilahhulu, client_for):
    response = client_for(pkb_bilahhulu).get(reverse("reports:dasbor-home"))
    assert response["Location"] == reverse("reports:dasbor", args=[BILAH_HULU])


def test_drill_down_links_keep_the_period(opd_labuhanbatu, client_for):
    f.kampung(PONDOK_BATU)
    summaries.refresh_desa(PONDOK_BATU, f.NOV)
    html = (
        client_for(opd_labuhanbatu)
        .get(reverse("reports:dasbor", args=[LABUHANBATU]), {"periode": "2026-11"})
        .content.decode()
    )
    assert f'href="/dasbor/{BILAH_HULU}/?periode=2026-11"' in html
    assert "<svg" in html and "Tabel data" in html
    assert "<script" not in html.split("</main>")[0]
    assert 'style="' not in html


def test_dashboard_xlsx_matches_the_page(opd_labuhanbatu, client_for):
    from io import BytesIO

    from openpyxl import load_workbook

    k = f.kampung(PONDOK_BATU)
    f.kkbpk(k, pus=10, kb_suntik=5)
    f.kampung(MERANTI)
    summaries.refresh_desa(PONDOK_BATU, f.NOV)
    summaries.refresh_desa(MERANTI, f.NOV)
    client = client_for(opd_labuhanbatu)
    page = client.get(reverse("reports:dasbor", args=[BILAH_HULU]), {"periode": "2026-11"})
    assert reverse("reports:dasbor-xlsx", args=[BILAH_HULU]) + "?periode=2026-11" in (
        page.content.decode()
    )
    response = client.get(reverse("reports:dasbor-xlsx", args=[BILAH_HULU]), {"periode": "2026-11"})
    rows = list(
        load_workbook(BytesIO(response.content))["Wilayah"].iter_rows(min_row=4, values_only=True)
    )
    assert [r[0] for r in rows] == [BILAH_HULU, PONDOK_BATU, MERANTI]
    assert rows[0][7:10] == (10, 5, 50.0)  # PUS, peserta, CPR — as the page's tile
    assert "50,0 %" in [t["value"] for t in page.context["tiles"]]


def test_desa_dashboard_links_the_innovation_pdf(kampung_pondokbatu, pimpinan, client_for):
    inovasi = f.kang_mas_mesra(kampung_pondokbatu, bukti=0)
    summaries.refresh_desa(PONDOK_BATU, f.NOV)
    html = (
        client_for(pimpinan)
        .get(reverse("reports:dasbor", args=[PONDOK_BATU]), {"periode": "2026-11"})
        .content.decode()
    )
    assert reverse("reports:inovasi-pdf", args=[inovasi.pk]) in html
    assert reverse("reports:kampung-pratinjau", args=[PONDOK_BATU]) in html


@pytest.mark.django_db(transaction=True)  # the worker opens its own connections
def test_a_month_nobody_wrote_in_is_built_in_the_background(opd_labuhanbatu, client_for):
    import io

    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    f.kampung(PONDOK_BATU)  # no refresh: as on the 1st of a month
    client = client_for(opd_labuhanbatu)
    url = reverse("reports:dasbor", args=[LABUHANBATU])
    first = client.get(url, {"periode": "2026-11"})
    assert first.context["row"] is None
    assert "sedang disiapkan" in first.content.decode()
    client.get(url, {"periode": "2026-11"})
    assert DBTaskResult.objects.count() == 1  # queued once, not once per visit
    call_command("db_worker", "--batch", "--no-startup-delay", stdout=io.StringIO())
    row = client.get(url, {"periode": "2026-11"}).context["row"]
    assert row is not None and row.jumlah_kampung == 1


def test_province_scale_list_of_villages_behind_is_capped_worst_first(
    opd_labuhanbatu, client_for, monkeypatch
):
    """A province has thousands of villages behind: the page shows the least
    complete ones first, says how many there are, and the XLSX has them all."""
    from io import BytesIO

    from openpyxl import load_workbook

    from kampungkb.periods import Periode
    from reports import dashboard
    from reports.models import Ringkasan
    from villages.models import Tingkat, Wilayah

    periode = Periode.current()
    Wilayah.objects.create(
        kode="12.10.98", nama="Kec Uji", tingkat=Tingkat.KECAMATAN, induk_id="12.10"
    )
    for i, masuk in enumerate([4, 0, 2, 1]):
        desa = Wilayah.objects.create(
            kode=f"12.10.98.{2001 + i}",
            nama=f"Desa Uji {i}",
            tingkat=Tingkat.DESA,
            induk_id="12.10.98",
        )
        Ringkasan.objects.create(
            wilayah=desa, tingkat=4, periode=periode.first_day, laporan_wajib=5, laporan_masuk=masuk
        )
    Ringkasan.objects.create(
        wilayah_id="12.10", tingkat=2, periode=periode.first_day, laporan_wajib=20, laporan_masuk=7
    )
    monkeypatch.setattr(dashboard, "BEHIND_LIMIT", 2)
    client = client_for(opd_labuhanbatu)
    response = client.get(reverse("reports:dasbor", args=["12.10"]), {"periode": str(periode)})
    assert [r.wilayah.nama for r in response.context["behind"]] == ["Desa Uji 1", "Desa Uji 3"]
    assert response.context["behind_total"] == 4
    assert "4 desa belum mengirim" in response.content.decode()
    xlsx = client.get(reverse("reports:dasbor-xlsx", args=["12.10"]), {"periode": str(periode)})
    text = " ".join(
        str(v)
        for ws in load_workbook(BytesIO(xlsx.content))
        for row in ws.iter_rows(values_only=True)
        for v in row
    )
    assert all(f"Desa Uji {i}" in text for i in range(4))


def test_received_column_is_not_log_in_in_english():
    from django.utils import translation

    with translation.override("en"):
        assert translation.pgettext("laporan", "Masuk") == "Received"
        assert translation.gettext("Masuk") == "Log in"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL index")
def test_villages_behind_are_ranked_from_one_index_range(regions):
    """The prefix filter of the ranking (``wilayah_id LIKE '12.10.%'``) is an
    index condition of ringkasan_periode_tingkat_wilayah_pola, not a filter
    over a whole month of rows (here 1,500 rows of another kabupaten)."""
    from django.db.models import F

    from kampungkb.periods import Periode
    from reports.models import Ringkasan
    from villages.models import Tingkat, Wilayah

    periode = Periode.current()
    Wilayah.objects.create(kode="12.77", nama="Kab. Uji", tingkat=Tingkat.KABUPATEN, induk_id="12")
    Wilayah.objects.create(
        kode="12.77.01", nama="Kec. Uji", tingkat=Tingkat.KECAMATAN, induk_id="12.77"
    )
    desa = Wilayah.objects.bulk_create(
        Wilayah(kode=f"12.77.01.{2000 + i}", nama=f"Desa {i}", tingkat=4, induk_id="12.77.01")
        for i in range(1500)
    )
    Ringkasan.objects.bulk_create(
        Ringkasan(wilayah=w, tingkat=4, periode=periode.first_day, laporan_wajib=5) for w in desa
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE reports_ringkasan")
    rows = Ringkasan.objects.of(periode).filter(
        tingkat=4, wilayah__kode__startswith="12.10.", laporan_masuk__lt=F("laporan_wajib")
    )
    plan = rows.values_list("pk").explain()
    assert "ringkasan_periode_tingkat_wilayah_pola" in plan, plan
    assert "~>=~ '12.10.'" in plan, plan  # the prefix is an index range
