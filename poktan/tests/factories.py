"""Data at a chosen size for grid and query-count tests."""

import datetime as dt

from django.utils import timezone

from kampungkb.domain import JenisPoktan
from kampungkb.periods import Periode, due_date
from poktan.models import Anggota, Laporan, Poktan, Status

STATES = [None, Status.DRAF, Status.DIAJUKAN, Status.DIKEMBALIKAN, Status.DIVERIFIKASI]


def kampung_for(desa_kode: str):
    from villages.models import KampungKB

    kampung, _ = KampungKB.objects.get_or_create(
        desa_id=desa_kode,
        defaults={"nama": f"Kampung KB {desa_kode}", "tanggal_pencanangan": dt.date(2018, 1, 1)},
    )
    return kampung


def make_poktan_world(n_desa: int, periode: Periode, *, members: int = 3) -> list[Poktan]:
    """n_desa desa of Bilah Hulu, each with the five poktan in rotating states."""
    due = due_date(periode)
    on_time = timezone.make_aware(dt.datetime.combine(due, dt.time(9)))
    created = []
    for d in range(n_desa):
        kampung = kampung_for(f"12.10.09.{2001 + d}")
        for j, jenis in enumerate(JenisPoktan):
            poktan = Poktan.objects.create(kampung=kampung, jenis=jenis, nama=f"{jenis.label} {d}")
            created.append(poktan)
            Anggota.objects.bulk_create(
                Anggota(
                    poktan=poktan,
                    nama_kepala_keluarga=f"K{i}",
                    nomor_kk=f"{poktan.pk:08d}{i:08d}",
                    metode_kb="PIL" if i % 2 else "",
                )
                for i in range(members)
            )
            status = STATES[(d + j) % len(STATES)]
            if status is None:
                continue
            Laporan.objects.create(
                poktan=poktan,
                periode=periode.first_day,
                status=status,
                jumlah_anggota=members,
                keluarga_hadir=1,
                pertama_diajukan_pada=None if status == Status.DRAF else on_time,
                diajukan_pada=None if status == Status.DRAF else on_time,
            )
    return created
