"""Two people save the same month's KKBPK at once: one wins, one gets the conflict."""

import datetime as dt
import threading

import pytest
from django.db import IntegrityError, close_old_connections, connection

from kampungkb.concurrency import ConflictError
from kampungkb.periods import Periode
from villages import services
from villages.models import KampungKB, KkbpkKampung
from villages.tests.factories import kkbpk_data, penduduk_data, profil_data


@pytest.fixture
def kampung_tx(transactional_db):
    from villages.demo import seed_wilayah

    seed_wilayah()
    kampung = KampungKB.objects.create(
        desa_id="12.10.09.2009", nama="Pondok Batu", tanggal_pencanangan=dt.date(2017, 1, 1)
    )
    for jenis, data in (("profil", profil_data()), ("penduduk", penduduk_data())):
        services.snapshot_save(
            kampung=kampung,
            jenis=jenis,
            periode=Periode.current(),
            data=data,
            expected_version=0,
            by=None,
        )
    return kampung


@pytest.mark.django_db(transaction=True)
def test_concurrent_snapshot_saves_one_wins_one_conflicts(kampung_tx):
    barrier = threading.Barrier(2)
    outcomes = []

    def save(peserta):
        try:
            barrier.wait(timeout=10)
            services.snapshot_save(
                kampung=kampung_tx,
                jenis="kkbpk",
                periode=Periode.current(),
                data=kkbpk_data(peserta=peserta),
                expected_version=0,
                by=None,
            )
            outcomes.append(("ok", peserta))
        except ConflictError:
            outcomes.append(("conflict", peserta))
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=save, args=(p,)) for p in (40, 45)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert sorted(kind for kind, _ in outcomes) == ["conflict", "ok"]
    [row] = KkbpkKampung.objects.filter(kampung=kampung_tx)
    winner = next(p for kind, p in outcomes if kind == "ok")
    assert (row.version, row.peserta_kb) == (1, winner)


@pytest.mark.django_db
def test_database_refuses_a_second_percontohan_in_a_kabupaten(kampung_pondokbatu):
    KampungKB.objects.filter(pk=kampung_pondokbatu.pk).update(percontohan_kabupaten=True)
    other = KampungKB.objects.create(
        desa_id="12.10.09.2010", nama="Meranti", tanggal_pencanangan=dt.date(2020, 1, 1)
    )
    with pytest.raises(IntegrityError):
        KampungKB.objects.filter(pk=other.pk).update(percontohan_kabupaten=True)


@pytest.mark.django_db
def test_database_refuses_two_live_rows_for_one_month(kampung_pondokbatu):
    periode = Periode.current().first_day
    KkbpkKampung.objects.create(kampung=kampung_pondokbatu, periode=periode, version=1)
    with pytest.raises(IntegrityError):
        KkbpkKampung.objects.create(kampung=kampung_pondokbatu, periode=periode, version=2)
