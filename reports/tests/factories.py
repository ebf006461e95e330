"""Small builders of source data for report tests (real rows, no mocks)."""

import datetime as dt

from kampungkb.periods import Periode

NOV = Periode(2026, 11)


def kampung(desa_kode: str, nama: str | None = None):
    from villages.models import KampungKB

    return KampungKB.objects.create(
        desa_id=desa_kode,
        nama=nama or f"Kampung KB {desa_kode}",
        tanggal_pencanangan=dt.date(2018, 1, 1),
    )


def intervensi(
    kampung, tanggal=dt.date(2026, 11, 10), seksi="Ekonomi", instansi=(), judul="Kegiatan"
):
    from interventions.models import Instansi, Intervensi

    obj = Intervensi.objects.create(
        kampung=kampung,
        judul=judul,
        tanggal=tanggal,
        tempat="Balai desa",
        deskripsi="-",
        seksi=seksi,
    )
    obj.instansi.set([Instansi.objects.get(nama=n, kabupaten=None) for n in instansi])
    return obj


def kkbpk(kampung, periode=NOV, pus=100, **kb):
    """A Penduduk and a KKBPK snapshot; kb = kb_suntik=30, non_hamil=5 …"""
    from villages.models import KkbpkKampung, PendudukKampung

    PendudukKampung.objects.create(
        kampung=kampung, periode=periode.first_day, pus=pus, keluarga=pus * 2, memiliki_balita=40
    )
    return KkbpkKampung.objects.create(kampung=kampung, periode=periode.first_day, **kb)
