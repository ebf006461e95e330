"""Query counts of the list and the Kampung KB page do not grow with the data."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kampungkb.periods import Periode
from villages import services
from villages.models import KampungKB, Wilayah
from villages.selectors import JENIS, snapshot_exact
from villages.tests.factories import kkbpk_data, penduduk_data, profil_data

pytestmark = pytest.mark.django_db
PONDOK_BATU = "12.10.09.2009"
LIST_MAX = 12
DETAIL_MAX = 15  # design.md §6; the poktan and interventions sections are included


def fill(kampung, by, months: int):
    periode = Periode.current()
    for _ in range(months - 1):
        periode = periode.prev()
    for _ in range(months):
        for jenis, data in (
            ("profil", profil_data()),
            ("penduduk", penduduk_data()),
            ("kkbpk", kkbpk_data()),
        ):
            current = snapshot_exact(JENIS[jenis], kampung, periode.first_day)
            services.snapshot_save(
                kampung=kampung,
                jenis=jenis,
                periode=periode,
                data=data,
                expected_version=current.version if current else 0,
                by=by,
                check_open=False,
            )
        periode = periode.next()


def make_kampung(n: int):
    desa = Wilayah.objects.filter(tingkat=4, kode__startswith="12.10.").filter(
        kampung_kb__isnull=True
    )
    for w in desa.order_by("kode")[:n]:
        KampungKB.objects.create(
            desa=w, nama=f"Kampung KB {w.nama}", tanggal_pencanangan=dt.date(2018, 1, 1)
        )


def count(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url, params or {}).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    "params", [{}, {"kelas": "Dasar", "poktan": "bkb", "kecamatan": "12.10.09", "q": "a"}]
)
def test_list_queries_constant(
    kampung_pondokbatu, opd_labuhanbatu, client_for, django_assert_max_num_queries, params
):
    client = client_for(opd_labuhanbatu)
    url = reverse("villages:kampung-list")
    make_kampung(2)
    client.get(url, params)  # warm per-process caches (content types)
    small = count(client, url, params)
    make_kampung(40)
    with django_assert_max_num_queries(LIST_MAX):
        large = count(client, url, params)
    assert large == small


def test_detail_queries_constant(
    kampung_pondokbatu, opd_labuhanbatu, client_for, django_assert_max_num_queries
):
    client = client_for(opd_labuhanbatu)
    url = reverse("villages:kampung-detail", args=[PONDOK_BATU])
    fill(kampung_pondokbatu, opd_labuhanbatu, 1)
    services.pokja_save(
        kampung=kampung_pondokbatu,
        data={},
        anggota=[{"nama": "A", "jabatan": "Ketua", "terlatih": False, "telepon": ""}],
        expected_version=0,
        by=opd_labuhanbatu,
    )
    client.get(url)  # warm per-process caches (content types)
    small = count(client, url)
    fill(kampung_pondokbatu, opd_labuhanbatu, 12)
    services.pokja_save(
        kampung=kampung_pondokbatu,
        data={},
        anggota=[
            {"nama": f"A{i}", "jabatan": "Ketua", "terlatih": True, "telepon": ""}
            for i in range(20)
        ],
        expected_version=1,
        by=opd_labuhanbatu,
    )
    services.kampung_update(
        kampung=kampung_pondokbatu,
        data={"misi": ["a", "b"]},
        expected_version=kampung_pondokbatu.version,
        by=opd_labuhanbatu,
        potensi=[("kuliner", f"Kue {i}") for i in range(25)],
    )
    with django_assert_max_num_queries(DETAIL_MAX):
        large = count(client, url)
    assert large == small


def test_public_and_snapshot_pages_constant(kampung_pondokbatu, opd_labuhanbatu, client_for):
    client = client_for(opd_labuhanbatu)
    urls = [
        reverse("villages:publik-kampung", args=[PONDOK_BATU]),
        reverse("villages:snapshot-edit", args=[PONDOK_BATU, "kkbpk", str(Periode.current())]),
        reverse("villages:kampung-riwayat", args=[PONDOK_BATU]),
    ]
    fill(kampung_pondokbatu, opd_labuhanbatu, 1)
    for u in urls:
        client.get(u)  # warm per-process caches (content types)
    small = [count(client, u) for u in urls]
    fill(kampung_pondokbatu, opd_labuhanbatu, 6)
    assert [count(client, u) for u in urls] == small
    assert max(small) <= DETAIL_MAX


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram indexes are PostgreSQL's")
def test_searches_can_use_their_trigram_indexes(kampung_pondokbatu):
    """The indexes match the SQL Django writes for ``__icontains`` (an
    expression mismatch would leave them unused and national searches scanning
    the tables): each search's own ``__icontains`` can be answered by its index."""
    from interventions.models import Intervensi

    searches = {
        "kampungkb_nama_trgm": KampungKB.objects.filter(nama__icontains="batu"),
        "wilayah_nama_trgm": Wilayah.objects.filter(nama__icontains="batu"),
        "intervensi_judul_trgm": Intervensi.objects.filter(judul__icontains="posyandu"),
    }
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a tiny test table would be scanned
        cursor.execute("SET LOCAL enable_indexscan = off")  # …or read through its primary key
        plans = {index: qs.only("pk").explain() for index, qs in searches.items()}
    for index, plan in plans.items():
        assert f"Bitmap Index Scan on {index}" in plan, plan
