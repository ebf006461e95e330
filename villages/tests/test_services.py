"""Snapshot, kampung and pokja services against PostgreSQL."""

import pytest
from django.core.exceptions import ValidationError

from kampungkb.audit import history
from kampungkb.concurrency import ConflictError
from kampungkb.periods import Periode
from villages import services
from villages.choices import Kelas
from villages.models import KampungKB, KkbpkKampung, KlasifikasiPeriode
from villages.selectors import snapshot_history
from villages.tests.factories import kkbpk_data, penduduk_data, profil_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def ini():
    return Periode.current()


@pytest.fixture
def terisi(kampung_pondokbatu, opd_labuhanbatu, ini):
    k = kampung_pondokbatu
    for jenis, data in (("profil", profil_data()), ("penduduk", penduduk_data())):
        services.snapshot_save(
            kampung=k, jenis=jenis, periode=ini, data=data, expected_version=0, by=opd_labuhanbatu
        )
    return k


def save_kkbpk(k, periode, data, version, by):
    return services.snapshot_save(
        kampung=k, jenis="kkbpk", periode=periode, data=data, expected_version=version, by=by
    )


def test_each_save_adds_a_version_and_keeps_history(terisi, opd_labuhanbatu, ini):
    v1 = save_kkbpk(terisi, ini, kkbpk_data(), 0, opd_labuhanbatu)
    v2 = save_kkbpk(terisi, ini, kkbpk_data(peserta=45), 1, opd_labuhanbatu)
    rows = KkbpkKampung.objects.filter(kampung=terisi).order_by("version")
    assert [(r.version, r.aktif) for r in rows] == [(1, False), (2, True)]
    assert (v1.pk, v2.version) == (rows[0].pk, 2)
    [entry] = history(v2)
    assert entry.action == "villages.kkbpk.update"
    assert entry.changes["kb_suntik"] == {
        "label": "PUS Menggunakan Suntik",
        "old": "20",
        "new": "27",
        "raw": [20, 27],  # rendered again when read, in the reader's language
    }
    texts = [e.action for e in snapshot_history(terisi, "kkbpk")]
    assert texts == ["villages.kkbpk.update", "villages.kkbpk.create"]


def test_class_and_path_follow_the_kkbpk(terisi, opd_labuhanbatu, ini):
    save_kkbpk(terisi, ini, kkbpk_data(peserta=38), 0, opd_labuhanbatu)
    terisi.refresh_from_db()
    assert terisi.kelas == Kelas.BERKEMBANG
    # CPR 60 %, MKJP 8 of 60 → 13 %, unmet 5 %, participation mean ~26 %
    save_kkbpk(terisi, ini, kkbpk_data(peserta=60, unmet=5), 1, opd_labuhanbatu)
    terisi.refresh_from_db()
    row = KlasifikasiPeriode.objects.get(kampung=terisi, periode=ini.first_day)
    assert row.skor["output_cpr"] == 4 and row.skor["output_unmet"] == 4
    assert terisi.kelas == row.kelas == Kelas.BERKELANJUTAN


def test_stale_version_conflicts_and_lists_the_other_change(terisi, opd_labuhanbatu, ini):
    save_kkbpk(terisi, ini, kkbpk_data(), 0, opd_labuhanbatu)
    save_kkbpk(terisi, ini, kkbpk_data(peserta=40), 1, opd_labuhanbatu)
    with pytest.raises(ConflictError) as exc:
        save_kkbpk(terisi, ini, kkbpk_data(peserta=50), 1, opd_labuhanbatu)
    assert [e.version for e in exc.value.changes] == [2]
    assert KkbpkKampung.objects.filter(kampung=terisi).count() == 2


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"non_hamil": 43}, "kb_iud"),  # Σ users + Σ non-users = 101 ≠ PUS 100
        ({"ikut_bkb": 41}, "ikut_bkb"),  # > keluarga memiliki balita (40)
        ({"ikut_pik_r": 61}, "ikut_pik_r"),  # > jumlah remaja (60)
        ({"pengguna_bpjs": 321}, "pengguna_bpjs"),  # > jiwa (320)
    ],
)
def test_kkbpk_rules_refuse_bad_numbers_at_the_field(terisi, opd_labuhanbatu, ini, change, field):
    with pytest.raises(ValidationError) as exc:
        save_kkbpk(terisi, ini, kkbpk_data() | change, 0, opd_labuhanbatu)
    assert list(exc.value.message_dict) == [field]
    assert not KkbpkKampung.objects.filter(kampung=terisi).exists()


def test_boundaries_are_accepted(terisi, opd_labuhanbatu, ini):
    save_kkbpk(terisi, ini, kkbpk_data(ikut_bkb=40, pengguna_bpjs=320), 0, opd_labuhanbatu)


def test_participation_needs_the_poktan_in_profil(terisi, opd_labuhanbatu, ini):
    services.snapshot_save(
        kampung=terisi,
        jenis="profil",
        periode=ini,
        data=profil_data(ada_bkl=False),
        expected_version=1,
        by=opd_labuhanbatu,
    )
    with pytest.raises(ValidationError) as exc:
        save_kkbpk(terisi, ini, kkbpk_data(), 0, opd_labuhanbatu)
    assert "BKL" in exc.value.message_dict["ikut_bkl"][0]


def test_kkbpk_needs_penduduk(kampung_pondokbatu, opd_labuhanbatu, ini):
    with pytest.raises(ValidationError, match="Profil Kependudukan"):
        save_kkbpk(kampung_pondokbatu, ini, kkbpk_data(), 0, opd_labuhanbatu)


def test_future_and_locked_periods_are_refused(terisi, opd_labuhanbatu, ini):
    with pytest.raises(ValidationError, match="belum dimulai"):
        save_kkbpk(terisi, ini.next(), kkbpk_data(), 0, opd_labuhanbatu)
    lama = Periode(ini.year - 1, ini.month)
    with pytest.raises(ValidationError, match="sudah terkunci"):
        services.snapshot_save(
            kampung=terisi,
            jenis="penduduk",
            periode=lama,
            data=penduduk_data(),
            expected_version=0,
            by=opd_labuhanbatu,
        )


def test_later_months_inherit_an_earlier_snapshot(terisi, opd_labuhanbatu, ini):
    lalu = ini.prev()
    services.snapshot_save(
        kampung=terisi,
        jenis="profil",
        periode=lalu,
        data=profil_data(),
        expected_version=0,
        by=opd_labuhanbatu,
        check_open=False,
    )
    kelas = dict(KlasifikasiPeriode.objects.filter(kampung=terisi).values_list("periode", "kelas"))
    assert set(kelas) == {lalu.first_day, ini.first_day}


def test_percontohan_at_most_one_per_kabupaten(regions, opd_labuhanbatu):
    import datetime as dt

    from villages.models import Wilayah

    a = services.kampung_create(
        desa=Wilayah.objects.get(kode="12.10.09.2009"),
        nama="A",
        tanggal_pencanangan=dt.date(2017, 3, 1),
        by=opd_labuhanbatu,
        percontohan_kabupaten=True,
    )
    b = services.kampung_create(
        desa=Wilayah.objects.get(kode="12.10.09.2010"),
        nama="B",
        tanggal_pencanangan=dt.date(2018, 3, 1),
        by=opd_labuhanbatu,
    )
    with pytest.raises(ValidationError) as exc:
        services.kampung_update(
            kampung=b,
            data={"percontohan_kabupaten": True},
            expected_version=b.version,
            by=opd_labuhanbatu,
        )
    assert "percontohan_kabupaten" in exc.value.message_dict
    assert KampungKB.objects.filter(percontohan_kabupaten=True).get() == a
    # Provinces are independent of kabupaten.
    services.kampung_update(
        kampung=b, data={"percontohan_provinsi": True}, expected_version=1, by=opd_labuhanbatu
    )


def test_kampung_update_audits_and_conflicts(kampung_pondokbatu, opd_labuhanbatu):
    k = kampung_pondokbatu
    services.kampung_update(
        kampung=k,
        data={"visi": "Menjadi pelopor", "misi": ["Satu", "Dua"]},
        expected_version=1,
        by=opd_labuhanbatu,
        potensi=[("wisata", "Wisata water boom")],
    )
    [entry] = history(k)
    assert entry.changes["misi"]["new"] == "Satu, Dua"
    assert entry.changes["potensi"]["new"] == "Wisata: Wisata water boom"
    with pytest.raises(ConflictError):
        services.kampung_update(
            kampung=KampungKB.objects.get(pk=k.pk),
            data={"visi": "Lain"},
            expected_version=1,
            by=opd_labuhanbatu,
        )


def test_pokja_save_replaces_members(kampung_pondokbatu, opd_labuhanbatu):
    k = kampung_pondokbatu
    pokja = services.pokja_save(
        kampung=k,
        data={"sk_nomor": "141/12/2017", "sk_penerbit": "Kepala Desa Pondok Batu"},
        anggota=[{"nama": "Siti", "jabatan": "Ketua", "terlatih": True, "telepon": "0812"}],
        expected_version=0,
        by=opd_labuhanbatu,
    )
    assert pokja.version == 1 and pokja.anggota.count() == 1
    pokja = services.pokja_save(
        kampung=k,
        data={"sk_nomor": "141/13/2018"},
        anggota=[],
        expected_version=1,
        by=opd_labuhanbatu,
    )
    assert pokja.anggota.count() == 0
    entry = history(pokja).first()
    assert "0812" not in str(entry.changes)
    with pytest.raises(ConflictError):
        services.pokja_save(kampung=k, data={}, anggota=[], expected_version=1, by=opd_labuhanbatu)


def test_lintas_sektor_from_interventions_excludes_kb_agencies(terisi, opd_labuhanbatu, ini):
    import datetime as dt

    from interventions.models import Instansi, Intervensi

    names = [
        "Dinas Kesehatan",
        "Dinas Sosial",
        "OPD Pengendalian Penduduk dan KB",
        "Perwakilan BKKBN",
    ]
    intervensi = Intervensi.objects.create(
        kampung=terisi,
        judul="BIAN",
        tanggal=dt.date(2023, 5, 1),
        tempat="Posyandu",
        deskripsi="Imunisasi",
        seksi="Reproduksi",
    )
    intervensi.instansi.set(Instansi.objects.filter(nama__in=names, kabupaten=None))
    services.klasifikasi_refresh(terisi)
    row = KlasifikasiPeriode.objects.get(kampung=terisi, periode=ini.first_day)
    assert row.nilai["proses_lintas_sektor"] == 2  # Dinkes and Dinsos, not the KB agencies
    assert row.skor["proses_lintas_sektor"] == 2
