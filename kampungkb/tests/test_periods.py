import datetime as dt

import pytest

from conftest import PONDOK_BATU
from kampungkb import services
from kampungkb.models import AturanPeriode, AuditEntry
from kampungkb.periods import (
    Periode,
    PeriodeStatus,
    due_date,
    is_late,
    is_open,
    lock_date,
    periode_status,
)

NOV = Periode(2026, 11)


def test_parse_and_format():
    assert Periode.parse("2026-11") == NOV
    assert str(NOV) == "2026-11"
    for bad in ["2026-13", "2026-1", "26-11", "", "2026-11-01", "2015-12"]:
        with pytest.raises(ValueError):
            Periode.parse(bad)


def test_the_ends_of_the_programme_range_have_neighbours_but_parse_refuses_them():
    first, last = Periode.parse("2016-01"), Periode.parse("2100-12")
    assert first.prev() == Periode(2015, 12) and not first.prev().in_range
    assert last.next() == Periode(2101, 1) and not last.next().in_range
    for outside in ("2015-12", "2101-01"):
        with pytest.raises(ValueError):
            Periode.parse(outside)


def test_month_arithmetic_crosses_years():
    assert Periode(2026, 12).next() == Periode(2027, 1)
    assert Periode(2027, 1).prev() == Periode(2026, 12)
    assert Periode(2024, 2).last_day == dt.date(2024, 2, 29)


@pytest.mark.django_db
def test_default_rule_due_on_third_of_next_month_and_locks_ten_days_later():
    assert due_date(NOV) == dt.date(2026, 12, 3)
    assert lock_date(NOV) == dt.date(2026, 12, 13)


@pytest.mark.django_db
def test_configured_rule_applies_from_its_start_only():
    AturanPeriode.objects.create(berlaku_mulai=dt.date(2027, 1, 1), hari_batas=5, hari_kunci=3)
    assert due_date(NOV) == dt.date(2026, 12, 3)
    assert due_date(Periode(2027, 1)) == dt.date(2027, 2, 5)
    assert lock_date(Periode(2027, 1)) == dt.date(2027, 2, 8)


@pytest.mark.parametrize(
    ("today", "status"),
    [
        (dt.date(2026, 10, 31), PeriodeStatus.BELUM_DIBUKA),
        (dt.date(2026, 11, 1), PeriodeStatus.TERBUKA),
        (dt.date(2026, 12, 13), PeriodeStatus.TERBUKA),
        (dt.date(2026, 12, 14), PeriodeStatus.TERKUNCI),
    ],
)
@pytest.mark.django_db
def test_status_by_day(today, status):
    assert periode_status(NOV, PONDOK_BATU, today) == status


def test_late_means_after_the_due_date(db):
    assert not is_late(NOV, dt.date(2026, 12, 3))
    assert is_late(NOV, dt.date(2026, 12, 4))
    assert is_late(NOV, None, today=dt.date(2026, 12, 4))
    assert not is_late(NOV, None, today=dt.date(2026, 12, 2))


def test_reopen_opens_one_desa_only_until_the_given_day(opd_labuhanbatu, regions):
    old = Periode(2026, 1)
    services.periode_reopen(
        desa=regions[PONDOK_BATU],
        periode=old,
        sampai=dt.date(2026, 12, 5),
        by=opd_labuhanbatu,
        alasan="Kader sakit",
    )
    assert is_open(old, PONDOK_BATU, today=dt.date(2026, 12, 5))
    assert periode_status(old, PONDOK_BATU, dt.date(2026, 12, 5)) == PeriodeStatus.DIBUKA_KEMBALI
    assert not is_open(old, PONDOK_BATU, today=dt.date(2026, 12, 6))
    assert not is_open(old, "12.10.09.2010", today=dt.date(2026, 12, 5))
    entry = AuditEntry.objects.get(action="kampungkb.periode.reopen")
    assert entry.actor == opd_labuhanbatu and entry.wilayah_kode == PONDOK_BATU
    assert "Kader sakit" in entry.sentence()


def test_reopening_twice_updates_instead_of_duplicating(opd_labuhanbatu, regions):
    from kampungkb.models import PeriodeBuka

    for sampai in (dt.date(2026, 12, 5), dt.date(2026, 12, 20)):
        services.periode_reopen(
            desa=regions[PONDOK_BATU], periode=Periode(2026, 1), sampai=sampai, by=opd_labuhanbatu
        )
    assert PeriodeBuka.objects.get().sampai == dt.date(2026, 12, 20)
    assert AuditEntry.objects.filter(action="kampungkb.periode.reopen").count() == 2
