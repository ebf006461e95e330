"""No lost updates: version check on PostgreSQL, with real concurrent connections."""

import threading

import pytest
from django.db import close_old_connections, connection

from kampungkb import audit
from kampungkb.concurrency import ConflictError, save_versioned
from villages.models import KampungKB


def test_save_bumps_version(kampung_pondokbatu):
    kampung_pondokbatu.nama = "Kampung KB Pondok Batu Sejahtera"
    save_versioned(kampung_pondokbatu, expected_version=1, fields=["nama"])
    fresh = KampungKB.objects.get(pk=kampung_pondokbatu.pk)
    assert (fresh.nama, fresh.version, kampung_pondokbatu.version) == (
        "Kampung KB Pondok Batu Sejahtera",
        2,
        2,
    )


def test_stale_save_is_refused_and_reports_what_changed(kampung_pondokbatu, opd_labuhanbatu):
    first = KampungKB.objects.get(pk=kampung_pondokbatu.pk)
    second = KampungKB.objects.get(pk=kampung_pondokbatu.pk)
    first.nama = "Nama dari tab pertama"
    save_versioned(first, expected_version=1, fields=["nama"])
    audit.record(
        actor=opd_labuhanbatu,
        action="villages.kampung.update",
        obj=first,
        changes={"nama": {"label": "nama", "old": "lama", "new": first.nama}},
    )
    second.nama = "Nama dari tab kedua"
    with pytest.raises(ConflictError) as exc:
        save_versioned(second, expected_version=1, fields=["nama"])
    assert exc.value.current.nama == "Nama dari tab pertama"
    assert [e.changes["nama"]["new"] for e in exc.value.changes] == ["Nama dari tab pertama"]
    # The losing save wrote nothing.
    assert KampungKB.objects.get(pk=kampung_pondokbatu.pk).nama == "Nama dari tab pertama"


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_saves_one_wins_one_conflicts(regions_tx):
    import datetime as dt

    kampung = KampungKB.objects.create(
        desa_id="12.10.09.2009", nama="Awal", tanggal_pencanangan=dt.date(2017, 1, 1)
    )
    barrier = threading.Barrier(2)
    outcomes = []

    def save(name):
        try:
            obj = KampungKB.objects.get(pk=kampung.pk)
            obj.nama = name
            barrier.wait(timeout=10)
            save_versioned(obj, expected_version=1, fields=["nama"])
            outcomes.append(("ok", name))
        except ConflictError:
            outcomes.append(("conflict", name))
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=save, args=(n,)) for n in ("A", "B")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=20)
    assert sorted(kind for kind, _ in outcomes) == ["conflict", "ok"]
    winner = next(name for kind, name in outcomes if kind == "ok")
    stored = KampungKB.objects.get(pk=kampung.pk)
    assert (stored.nama, stored.version) == (winner, 2)


@pytest.fixture
def regions_tx(transactional_db):
    from villages.demo import seed_wilayah

    seed_wilayah()
