import pytest

from kampungkb.domain import JenisPoktan
from kampungkb.periods import Periode


@pytest.fixture
def bkb(kampung_pondokbatu):
    from poktan.models import Poktan

    return Poktan.objects.create(
        kampung=kampung_pondokbatu, jenis=JenisPoktan.BKB, nama="BKB Pondok Batu"
    )


@pytest.fixture
def uppka(kampung_pondokbatu):
    from poktan.models import Poktan

    return Poktan.objects.create(
        kampung=kampung_pondokbatu, jenis=JenisPoktan.UPPKA, nama="UPPKA Pondok Batu"
    )


@pytest.fixture
def bkb_tapteng(kampung_tapteng):
    from poktan.models import Poktan

    return Poktan.objects.create(kampung=kampung_tapteng, jenis=JenisPoktan.BKB, nama="BKB Sarudik")


@pytest.fixture
def periode():
    return Periode.current()


def add_members(poktan, n, *, start=0, **extra):
    from poktan.models import Anggota

    return Anggota.objects.bulk_create(
        Anggota(
            poktan=poktan,
            nama_kepala_keluarga=f"Keluarga {i}",
            nomor_kk=f"12100900{i:08d}",
            **extra,
        )
        for i in range(start, start + n)
    )


BKB_VALUES = {"jumlah_anggota": 20, "keluarga_hadir": 15, "anak_dipantau_kka": 12}
