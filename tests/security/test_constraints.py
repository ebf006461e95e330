"""Integrity (issue 8 §4), on PostgreSQL: database constraints back the rules
the forms enforce, so impossible rows written straight through the ORM are
refused by PostgreSQL itself."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, transaction


def _laporan(w, **extra):
    from poktan.models import Laporan

    return Laporan(poktan=w.poktan, **{"periode": w.periode.first_day, **extra})


def _anggota(w, **extra):
    from poktan.models import Anggota

    return Anggota(
        poktan=w.poktan, nama_kepala_keluarga="X", **{"nomor_kk": "1210090000000999", **extra}
    )


def _snapshot(model_name, w, **extra):
    from django.apps import apps

    model = apps.get_model("villages", model_name)
    return model(kampung=w.kampung, **{"periode": w.periode.first_day, **extra})


IMPOSSIBLE = {
    # poktan
    "laporan: negative figure": lambda w: _laporan(w, keluarga_hadir=-1),
    "laporan: hadir > anggota": lambda w: _laporan(w, jumlah_anggota=5, keluarga_hadir=6),
    "laporan: aktif > anggota": lambda w: _laporan(w, jumlah_anggota=5, anggota_aktif=6),
    "laporan: mid-month period": lambda w: _laporan(w, periode=dt.date(2025, 3, 15)),
    "laporan: second of a month": lambda w: _laporan(w, periode=w.periode_lalu.first_day),
    "anggota: KK of 15 digits": lambda w: _anggota(w, nomor_kk="121009000000001"),
    "anggota: KK with letters": lambda w: _anggota(w, nomor_kk="12100900000000AB"),
    "anggota: KK twice in a poktan": lambda w: _anggota(w, nomor_kk=w.anggota.nomor_kk),
    "anggota: KB user with a reason": lambda w: _anggota(
        w, metode_kb="Suntik", alasan_tidak_kb="Hamil"
    ),
    "pertemuan: negative attendance": lambda w: __import__(
        "poktan.models", fromlist=["Pertemuan"]
    ).Pertemuan(
        laporan=w.laporan_lalu, tanggal=w.periode_lalu.first_day, materi="x", jumlah_hadir=-1
    ),
    "poktan: negative capital": lambda w: __import__("poktan.models", fromlist=["Poktan"]).Poktan(
        kampung=w.kampung, jenis="BKB", nama="x", modal=-1
    ),
    # villages
    "kampung: second in one desa": lambda w: __import__(
        "villages.models", fromlist=["KampungKB"]
    ).KampungKB(desa_id=w.kampung.desa_id, nama="x", tanggal_pencanangan=dt.date(2020, 1, 1)),
    "kampung: launched before 2016": lambda w: __import__(
        "villages.models", fromlist=["KampungKB"]
    ).KampungKB(desa_id="12.10.09.2010", nama="x", tanggal_pencanangan=dt.date(2015, 12, 31)),
    "kampung: latitude 91": lambda w: __import__(
        "villages.models", fromlist=["KampungKB"]
    ).KampungKB(
        desa_id="12.10.09.2010", nama="x", tanggal_pencanangan=dt.date(2020, 1, 1), latitude=91
    ),
    "penduduk: two live rows of a month": lambda w: _snapshot("PendudukKampung", w, version=9),
    "kkbpk: mid-month period": lambda w: _snapshot(
        "KkbpkKampung", w, version=9, aktif=False, periode=dt.date(2025, 1, 2)
    ),
    "profil: trained > members": lambda w: _snapshot(
        "ProfilKampung", w, version=9, aktif=False, pokja_jumlah=3, pokja_jumlah_terlatih=4
    ),
    # interventions
    "intervensi: before 2016": lambda w: __import__(
        "interventions.models", fromlist=["Intervensi"]
    ).Intervensi(
        kampung=w.kampung,
        judul="x",
        tanggal=dt.date(2015, 1, 1),
        tempat="x",
        deskripsi="x",
        seksi="Reproduksi",
    ),
    "foto: sixth photo": lambda w: __import__(
        "interventions.models", fromlist=["FotoIntervensi"]
    ).FotoIntervensi(intervensi=w.intervensi, urutan=6, berkas="x.jpg"),
    "foto: slot taken": lambda w: __import__(
        "interventions.models", fromlist=["FotoIntervensi"]
    ).FotoIntervensi(intervensi=w.intervensi, urutan=1, berkas="x.jpg"),
    "inovasi: implemented before trial": lambda w: __import__(
        "interventions.models", fromlist=["Inovasi"]
    ).Inovasi(
        wilayah_id="12.10",
        nama="x",
        tahapan="Inisiatif",
        inisiator="OPD",
        jenis="Digital",
        bentuk="Inovasi Pelayanan Publik",
        tahun_iid=w.inovasi.tahun_iid,
        urusan_utama=w.inovasi.urusan_utama,
        waktu_uji_coba=dt.date(2024, 5, 1),
        waktu_implementasi=dt.date(2024, 4, 1),
    ),
    "bukti: twice for one indicator": lambda w: __import__(
        "interventions.models", fromlist=["BuktiIID"]
    ).BuktiIID(inovasi=w.inovasi, indikator=w.bukti.indikator),
    "unggulan: same name twice": lambda w: __import__(
        "interventions.models", fromlist=["InovasiUnggulan"]
    ).InovasiUnggulan(kampung=w.kampung, nama=w.unggulan.nama, inisiator="x"),
}


@pytest.mark.django_db
def test_database_refuses_impossible_rows(sec):
    """bulk_create skips model validation and save(): only PostgreSQL stands guard."""
    stored = []
    for name in sorted(IMPOSSIBLE):
        row = IMPOSSIBLE[name](sec)
        try:
            with transaction.atomic():
                type(row).objects.bulk_create([row])
        except IntegrityError:
            continue
        stored.append(name)
    assert not stored, f"PostgreSQL stored impossible rows: {stored}"


@pytest.mark.django_db
def test_database_refuses_impossible_updates(sec):
    from poktan.models import Anggota, Laporan

    for qs, values in (
        (Laporan.objects.filter(pk=sec.laporan_lalu.pk), {"keluarga_hadir": 99}),
        (Laporan.objects.filter(pk=sec.laporan_lalu.pk), {"jumlah_anggota": -3}),
        (Anggota.objects.filter(pk=sec.anggota.pk), {"nomor_kk": "0"}),
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            qs.update(**values)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name",
    [
        "profil: PLKB NIP not 18 digits",
        "poktan: potensi year before 2016",
    ],
)
def test_form_rules_are_backed_by_database_constraints(name, sec):
    from poktan.models import Poktan
    from villages.models import ProfilKampung

    row = {
        "profil: PLKB NIP not 18 digits": lambda: ProfilKampung(
            kampung=sec.kampung, periode=dt.date(2024, 1, 1), plkb_pendamping=True, plkb_nip="12ab"
        ),
        "poktan: potensi year before 2016": lambda: Poktan(
            kampung=sec.kampung, jenis="BKB", nama="x", potensi_tahun=1900
        ),
    }[name]()
    try:
        with transaction.atomic():
            type(row).objects.bulk_create([row])
    except IntegrityError:
        return
    raise AssertionError(f"{name}: stored")
