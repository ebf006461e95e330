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
    kb = f.resmi("OPD Pengendalian Penduduk dan KB")
    services.intervensi_create(data=_data(kampung_pondokbatu), instansi=[kb], by=opd_labuhanbatu)
    assert KampungKB.objects.get(pk=kampung_pondokbatu.pk).kelas == ""  # count still 0
    services.intervensi_create(
        data=_data(kampung_pondokbatu), instansi=[f.resmi("Dinas Kesehatan")], by=opd_labuhanbatu
    )
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
