from decimal import Decimal

import pytest
from django.db import connection

from conftest import BILAH_HULU, LABUHANBATU, MERANTI, PONDOK_BATU
from reports import summaries
from reports.models import Ringkasan
from reports.tests import factories as f

pytestmark = pytest.mark.django_db


def row(kode, periode=f.NOV):
    return Ringkasan.objects.get(wilayah_id=kode, periode=periode.first_day)


def test_refresh_builds_desa_row_and_rolls_up(regions):
    pb = f.kampung(PONDOK_BATU)
    mr = f.kampung(MERANTI)
    f.intervensi(pb, seksi="Ekonomi", instansi=["Dinas Kelautan dan Perikanan", "Dinas Koperasi"])
    f.intervensi(pb, seksi="Reproduksi", instansi=["Dinas Kesehatan"])
    f.intervensi(mr, seksi="Ekonomi", instansi=["Dinas Koperasi"])
    f.kkbpk(pb, pus=100, kb_suntik=40, kb_iud=10, kb_implan=10, non_anak_kemudian=5, non_hamil=35)
    f.kkbpk(mr, pus=50, kb_pil=20, non_tidak_ingin_anak=30)
    summaries.refresh_desa(PONDOK_BATU, f.NOV)
    summaries.refresh_desa(MERANTI, f.NOV)

    desa = row(PONDOK_BATU)
    assert desa.jumlah_intervensi == 2
    assert desa.intervensi_seksi == {"Ekonomi": 1, "Reproduksi": 1}
    assert desa.lintas_sektor == 3
    assert (desa.pus, desa.peserta_kb, desa.peserta_mkjp, desa.unmet) == (100, 60, 20, 5)
    assert desa.cpr == Decimal("60.0")
    assert desa.metode["Suntik"] == 40

    for kode in (BILAH_HULU, LABUHANBATU, "12"):
        up = row(kode)
        assert up.jumlah_kampung == 2
        assert up.intervensi_instansi["Dinas Koperasi"] == 2
        # Ratios of a roll-up come from summed counts: (60 + 20) / (100 + 50).
        assert up.cpr == Decimal("53.3")
        assert up.unmet_persen == Decimal("23.3")  # (5 + 30) / 150
        assert up.metode == {
            "IUD": 10,
            "MOW": 0,
            "MOP": 0,
            "Kondom": 0,
            "Implan": 10,
            "Suntik": 40,
            "PIL": 20,
        }


def test_interventions_count_in_their_own_month_only(regions):
    import datetime as dt

    pb = f.kampung(PONDOK_BATU)
    f.intervensi(pb, tanggal=dt.date(2026, 10, 31))
    summaries.refresh_desa(PONDOK_BATU, f.NOV)
    assert row(PONDOK_BATU).jumlah_intervensi == 0
    # … but it stays in the running total, by seksi, up to the end of November.
    assert row(PONDOK_BATU).intervensi_kumulatif == 1
    assert row(LABUHANBATU).intervensi_seksi_kumulatif == {"Ekonomi": 1}
    summaries.refresh_desa(PONDOK_BATU, f.NOV.prev())
    assert row(PONDOK_BATU, f.NOV.prev()).jumlah_intervensi == 1


def test_snapshot_of_an_earlier_month_stays_in_force(regions):
    pb = f.kampung(PONDOK_BATU)
    f.kkbpk(pb, periode=f.NOV.prev().prev(), pus=80, kb_suntik=40)
    summaries.refresh_desa(PONDOK_BATU, f.NOV)
    assert row(PONDOK_BATU).cpr == Decimal("50.0")


def test_removed_kampung_leaves_the_roll_up(regions):
    pb = f.kampung(PONDOK_BATU)
    f.kampung(MERANTI)
    summaries.refresh_desa(PONDOK_BATU, f.NOV)
    summaries.refresh_desa(MERANTI, f.NOV)
    assert row(BILAH_HULU).jumlah_kampung == 2
    pb.delete()
    summaries.refresh_desa(PONDOK_BATU, f.NOV)
    assert not Ringkasan.objects.filter(wilayah_id=PONDOK_BATU).exists()
    assert row(BILAH_HULU).jumlah_kampung == 1


def test_rebuild_command_builds_every_period(regions):
    from django.core.management import call_command

    f.kampung(PONDOK_BATU)
    f.kampung(MERANTI)
    call_command("rebuild_summaries", "--bulan", "3", "--sampai", "2026-11", stdout=None)
    assert Ringkasan.objects.filter(tingkat=4).count() == 6
    assert row(LABUHANBATU, f.NOV.prev().prev()).jumlah_kampung == 2


def test_refresh_without_periode_covers_the_trend(regions):
    f.kampung(PONDOK_BATU)
    summaries.refresh_desa(PONDOK_BATU)
    assert Ringkasan.objects.filter(wilayah_id=PONDOK_BATU).count() == summaries.TREND_MONTHS


def test_rebuild_one_kabupaten_leaves_the_others(regions, kampung_tapteng):
    from django.core.management import call_command

    f.kampung(PONDOK_BATU)
    call_command(
        "rebuild_summaries",
        "--bulan",
        "1",
        "--sampai",
        "2026-11",
        "--kabupaten",
        "12.10",
        stdout=None,
    )
    assert row(LABUHANBATU).jumlah_kampung == 1
    assert not Ringkasan.objects.filter(wilayah_id="12.01").exists()


def test_a_change_in_an_earlier_month_reaches_the_later_months(regions):
    from kampungkb.periods import Periode

    pb = f.kampung(PONDOK_BATU)
    now = Periode.current()
    earlier = now.prev().prev()
    summaries.refresh_desa(PONDOK_BATU)  # the trend rows exist, without KKBPK data
    f.kkbpk(pb, periode=earlier, pus=80, kb_suntik=40)
    summaries.refresh_desa(PONDOK_BATU, earlier)  # what the villages service calls
    # The snapshot is in force in the following months too.
    assert row(PONDOK_BATU, now).cpr == Decimal("50.0")
    assert row(LABUHANBATU, now.prev()).pus == 80
    assert row(PONDOK_BATU, earlier.prev()).pus == 0


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the set-wise rebuild uses COPY")
def test_the_set_wise_rebuild_writes_the_rows_of_the_per_desa_rebuild_on_the_demo():
    """``rebuild_summaries`` for the whole country takes the set-wise path on
    PostgreSQL; on the demo (hand-made, unlike the generator's data) both
    paths must write identical rows."""
    import io

    from django.core.management import call_command

    from reports import summaries_setwise
    from tests.test_generate_scale import summary_rows

    call_command("seed_demo", stdout=io.StringIO())
    periods = summaries.affected_periods()
    summaries.rebuild(periods)
    per_desa = summary_rows(periods)
    summaries_setwise.rebuild_all(periods)
    assert summary_rows(periods) == per_desa
    assert len({k for k, _p in per_desa}) > 5  # desa, kecamatan, kabupaten, provinsi rows
