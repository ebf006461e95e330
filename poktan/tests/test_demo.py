import pytest

from poktan import demo
from poktan.models import Anggota, Laporan, Poktan, Status

pytestmark = pytest.mark.django_db


def test_demo_seed_is_idempotent_and_covers_every_state(regions):
    first = demo.seed()
    counts = (Poktan.objects.count(), Anggota.objects.count(), Laporan.objects.count())
    second = demo.seed()
    assert (Poktan.objects.count(), Anggota.objects.count(), Laporan.objects.count()) == counts
    assert "poktan baru 5" in first
    assert second == "poktan baru 0, anggota baru 0, laporan baru 0"
    assert sorted(Poktan.objects.values_list("jenis", flat=True)) == sorted(
        ["BKB", "BKR", "BKL", "UPPKA", "PIK R"]
    )
    states = set(Laporan.objects.values_list("status", flat=True))
    assert states == {s.value for s in Status}
    assert Laporan.objects.dates("periode", "month").count() >= 11
