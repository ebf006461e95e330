from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from interventions import iid, services
from interventions.models import (
    IndikatorIID,
    ParameterIID,
    PredikatIID,
    TahunIID,
)
from interventions.tests import factories as f
from kampungkb.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_2023_table_has_20_indicators_summing_to_111():
    tahun = TahunIID.objects.get(tahun=2023)
    indikator = IndikatorIID.objects.filter(tahun=tahun).prefetch_related("parameter")
    assert indikator.count() == 20
    assert sum(max(p.bobot for p in i.parameter.all()) for i in indikator) == 111
    assert ParameterIID.objects.get(indikator__nomor=16, urutan=3).bobot == 9


@pytest.mark.parametrize(
    "nilai, expected",
    [
        ("60.01", "Sangat Inovatif"),
        ("100", "Sangat Inovatif"),
        ("60.00", "Inovatif"),
        ("35", "Inovatif"),
        ("34.99", "Kurang Inovatif"),
        ("0", "Tidak Dapat Dinilai"),
    ],
)
def test_predicate_bands_are_data(nilai, expected):
    tahun = TahunIID.objects.get(tahun=2023)
    assert iid.predikat(tahun.pk, Decimal(nilai)) == expected


def test_predicate_band_change_is_picked_up():
    tahun = TahunIID.objects.get(tahun=2023)
    PredikatIID.objects.filter(tahun=tahun, nama="Inovatif").update(batas_bawah=Decimal("40"))
    assert iid.predikat(tahun.pk, Decimal("37")) == ""


def test_score_counts_only_evidenced_parameters(regions):
    inovasi = f.inovasi("12.10.09.2009")
    f.bukti(inovasi, 1, urutan_parameter=3)  # Perkada/Perda 9, with document
    f.bukti(inovasi, 16, urutan_parameter=2, berkas=False, tautan="https://contoh.go.id/mou")
    f.bukti(inovasi, 18, urutan_parameter=3, berkas=False)  # claimed, no evidence
    result = iid.kematangan(inovasi)
    assert result.skor == Decimal(9 + 6)
    assert result.skor_maks == 111
    kurang = {b.indikator.nomor: b.kurang for b in result.kurang}
    assert kurang[18] == "Dokumen atau tautan bukti belum ada"
    assert kurang[2] == "Parameter belum dipilih"
    assert len(kurang) == 18
    assert iid.skor_tersimpan(inovasi) == Decimal(15)


def test_bukti_save_copies_bobot_and_updates_score(regions, opd_labuhanbatu):
    inovasi = f.inovasi("12.10.09.2009")
    indikator = IndikatorIID.objects.get(tahun__tahun=2023, nomor=3)
    parameter = indikator.parameter.get(urutan=3)
    bukti = services.bukti_save(
        inovasi=inovasi,
        indikator=indikator,
        data={"parameter": parameter, "tautan": "https://contoh.go.id/apbd.pdf"},
        expected_version=None,
        by=opd_labuhanbatu,
    )
    assert bukti.bobot == 6
    inovasi.refresh_from_db()
    assert inovasi.skor_kematangan == 6
    entry = AuditEntry.objects.get(action="interventions.bukti.update")
    assert entry.wilayah_kode == "12.10.09.2009"


def test_bukti_save_refuses_parameter_of_other_indicator(regions, opd_labuhanbatu):
    inovasi = f.inovasi("12.10.09.2009")
    indikator = IndikatorIID.objects.get(tahun__tahun=2023, nomor=3)
    other = ParameterIID.objects.get(indikator__tahun__tahun=2023, indikator__nomor=4, urutan=1)
    with pytest.raises(ValidationError):
        services.bukti_save(
            inovasi=inovasi,
            indikator=indikator,
            data={"parameter": other},
            expected_version=None,
            by=opd_labuhanbatu,
        )


def test_changing_configuration_does_not_change_stored_scores(regions, opd_labuhanbatu):
    """A 2024 table and even a later edit of the 2023 bobot leave 2023 scores alone."""
    inovasi = f.inovasi("12.10.09.2009")
    indikator = IndikatorIID.objects.get(tahun__tahun=2023, nomor=1)
    services.bukti_save(
        inovasi=inovasi,
        indikator=indikator,
        data={"parameter": indikator.parameter.get(urutan=2), "tautan": "https://x.go.id/sk"},
        expected_version=None,
        by=opd_labuhanbatu,
    )
    t2024 = TahunIID.objects.create(tahun=2024)
    i2024 = IndikatorIID.objects.create(tahun=t2024, nomor=1, nama="Regulasi", bukti="SK")
    ParameterIID.objects.create(indikator=i2024, urutan=2, nama="SK Kepala Daerah", bobot=10)
    ParameterIID.objects.filter(indikator=indikator).update(bobot=50)

    inovasi.refresh_from_db()
    assert inovasi.skor_kematangan == 6
    assert iid.kematangan(inovasi).skor == 6
    assert iid.skor_tersimpan(inovasi) == 6


def test_reference_seed_restores_catalogue_and_iid_after_a_flush():
    from interventions.katalog_inpres import seed_reference
    from interventions.models import InpresKegiatan, InpresSasaran

    TahunIID.objects.all().delete()
    InpresSasaran.objects.all().delete()
    seed_reference()
    seed_reference()  # idempotent
    assert ParameterIID.objects.filter(indikator__tahun__tahun=2023).count() == 60
    assert InpresSasaran.objects.count() == 4
    assert InpresKegiatan.objects.count() == 59
    assert InpresKegiatan.objects.get(nama="Dapur Sehat Atasi Stunting (DASHAT)").program.nama == (
        "Pendampingan dan pelayanan pada keluarga dengan resiko kejadian stunting"
    )
