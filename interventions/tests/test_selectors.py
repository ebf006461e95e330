import datetime as dt

import pytest

from interventions.models import Instansi, Intervensi
from interventions.selectors import lintas_sektor_count


def _intervensi(kampung, *instansi, judul="Kegiatan"):
    obj = Intervensi.objects.create(
        kampung=kampung,
        judul=judul,
        tanggal=dt.date(2023, 5, 1),
        tempat="Balai desa",
        deskripsi="Uraian",
        seksi="Reproduksi",
    )
    obj.instansi.set(instansi)
    return obj


def resmi(nama):
    return Instansi.objects.get(nama=nama, kabupaten=None)


@pytest.mark.django_db
def test_lintas_sektor_count_distinct_and_excludes_kb(
    kampung_pondokbatu, kampung_tapteng, django_assert_num_queries
):
    dinkes, dinsos = resmi("Dinas Kesehatan"), resmi("Dinas Sosial")
    opd_kb, bkkbn = resmi("OPD Pengendalian Penduduk dan KB"), resmi("Perwakilan BKKBN")
    dkp = resmi("Dinas Kelautan dan Perikanan")
    perikanan_lokal = Instansi.objects.create(
        nama="Dinas Perikanan", kabupaten_id="12.10", induk=dkp
    )
    ppkb_lokal = Instansi.objects.create(
        nama="Dinas PPKB Kabupaten Labuhanbatu", kabupaten_id="12.10", induk=opd_kb
    )
    _intervensi(kampung_pondokbatu, dinkes, opd_kb)
    _intervensi(kampung_pondokbatu, dinkes, dinsos, bkkbn)
    _intervensi(kampung_pondokbatu, dkp, perikanan_lokal, ppkb_lokal)
    _intervensi(kampung_tapteng, opd_kb, bkkbn)

    with django_assert_num_queries(1):
        counts = lintas_sektor_count([kampung_pondokbatu.pk, kampung_tapteng.pk, 999999])

    # Dinkes + Dinsos + DKP (local "Dinas Perikanan" counts as DKP); KB agencies excluded.
    assert counts == {kampung_pondokbatu.pk: 3, kampung_tapteng.pk: 0, 999999: 0}


@pytest.mark.django_db
def test_lintas_sektor_count_empty_list_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert lintas_sektor_count([]) == {}
