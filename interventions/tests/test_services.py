import datetime as dt

import pytest

from interventions import services
from interventions.tests import factories as f
from villages.models import KampungKB

pytestmark = pytest.mark.django_db


def _data(kampung):
    return {
        "kampung": kampung,
        "judul": "Kegiatan",
        "tanggal": dt.date(2023, 5, 1),
        "tempat": "Balai desa",
        "deskripsi": "-",
        "seksi": "Reproduksi",
        "sasaran": ["PUS"],
    }


def test_class_recomputed_only_when_lintas_sektor_count_changes(
    kampung_pondokbatu, opd_labuhanbatu
):
    from kampungkb.periods import Periode
    from villages import services as village_services
    from villages.models import KlasifikasiPeriode
    from villages.tests.factories import profil_data

    # A village with a snapshot has a class (without one it is not classified at all).
    village_services.snapshot_save(
        kampung=kampung_pondokbatu, jenis="profil", periode=Periode.current(),
        data=profil_data(), expected_version=0, by=opd_labuhanbatu,
    )  # fmt: skip

    def lintas():
        row = KlasifikasiPeriode.objects.get(kampung=kampung_pondokbatu)
        return row.nilai["proses_lintas_sektor"], row.dihitung_pada

    before = lintas()
    kb = f.resmi("OPD Pengendalian Penduduk dan KB")
    services.intervensi_create(data=_data(kampung_pondokbatu), instansi=[kb], by=opd_labuhanbatu)
    assert lintas() == before  # count still 0: the class was not recomputed
    services.intervensi_create(
        data=_data(kampung_pondokbatu), instansi=[f.resmi("Dinas Kesehatan")], by=opd_labuhanbatu
    )
    assert lintas()[0] == 1
    assert KampungKB.objects.get(pk=kampung_pondokbatu.pk).kelas != ""


def test_lintas_sektor_user_agency_always_named(kampung_pondokbatu, opd_kesehatan):
    obj = services.intervensi_create(
        data=_data(kampung_pondokbatu), instansi=[f.resmi("Dinas Sosial")], by=opd_kesehatan
    )
    assert sorted(i.nama for i in obj.instansi.all()) == ["Dinas Kesehatan", "Dinas Sosial"]
    services.intervensi_update(
        intervensi=obj,
        data=_data(kampung_pondokbatu),
        instansi=[],
        expected_version=obj.version,
        by=opd_kesehatan,
    )
    assert [i.nama for i in obj.instansi.all()] == ["Dinas Kesehatan"]
