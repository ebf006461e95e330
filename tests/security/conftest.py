"""A small world for the security tests: one Kampung KB with everything a
form can change, plus objects of another kabupaten (Tapanuli Tengah) that
must never leak."""

from __future__ import annotations

import types

import pytest

KK_PONDOKBATU = "1210091234567890"
KK_TAPTENG = "1201200000000077"
TELEPON_POKJA = "081377788899"
TELEPON_UNGGULAN = "082182472274"
TELEPON_PLKB = "081200000123"
NIP_PLKB = "198001012005011001"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


@pytest.fixture
def sec(personas, kampung_pondokbatu, kampung_tapteng, media):
    from interventions.tests import factories as f
    from kampungkb.domain import JenisPoktan
    from kampungkb.periods import Periode
    from poktan.models import Anggota, Laporan, Poktan, Status
    from villages.models import (
        AnggotaPokja,
        KkbpkKampung,
        PendudukKampung,
        Pokja,
        ProfilKampung,
    )
    from villages.tests.factories import kkbpk_data, penduduk_data, profil_data

    p = personas
    w = types.SimpleNamespace(personas=p, kampung=kampung_pondokbatu, kampung_lain=kampung_tapteng)
    w.periode = Periode.current()
    w.periode_lalu = w.periode.prev()
    # Rows written directly (the services are exercised by the tests themselves):
    # a live Profil, Penduduk and KKBPK of this month, and a pokja with a member.
    for kampung in (w.kampung, w.kampung_lain):
        for model, data in (
            (PendudukKampung, penduduk_data()),
            (ProfilKampung, profil_data(plkb_kontak=TELEPON_PLKB, plkb_nip=NIP_PLKB)),
            (KkbpkKampung, kkbpk_data()),
        ):
            model.objects.create(
                kampung=kampung, periode=w.periode.first_day, dibuat_oleh=p.admin_portal, **data
            )
        pokja = Pokja.objects.create(
            kampung=kampung, sk_nomor="141/12/2017", sk_penerbit="Kepala Desa"
        )
        AnggotaPokja.objects.create(
            pokja=pokja,
            nama="Bu Ketua Pokja",
            jabatan="Ketua",
            terlatih=True,
            telepon=TELEPON_POKJA,
        )
    w.poktan = Poktan.objects.create(kampung=w.kampung, jenis=JenisPoktan.BKB, nama="BKB Uji")
    w.anggota = Anggota.objects.create(
        poktan=w.poktan, nama_kepala_keluarga="Budi", nomor_kk=KK_PONDOKBATU, metode_kb="Suntik"
    )
    w.poktan_lain = Poktan.objects.create(
        kampung=w.kampung_lain, jenis=JenisPoktan.BKB, nama="BKB Sarudik"
    )
    w.anggota_lain = Anggota.objects.create(
        poktan=w.poktan_lain, nama_kepala_keluarga="Rahmat", nomor_kk=KK_TAPTENG
    )
    w.laporan_lalu = Laporan.objects.create(
        poktan=w.poktan,
        periode=w.periode_lalu.first_day,
        status=Status.DIAJUKAN,
        jumlah_anggota=1,
        keluarga_hadir=1,
        anak_dipantau_kka=1,
    )
    dinkes = f.resmi("Dinas Kesehatan")
    w.intervensi = f.intervensi(w.kampung, dinkes, pemilik=dinkes, by=p.kader_pondokbatu)
    w.intervensi_lain = f.intervensi(w.kampung_lain, dinkes, judul="Intervensi Sarudik")
    w.foto = f.foto(w.intervensi, 1)
    w.foto_lain = f.foto(w.intervensi_lain, 1)
    w.inovasi = f.inovasi(
        w.kampung.desa_id, berkas_anggaran=f.stored_file("privat/uji/anggaran.pdf", b"%PDF-1.4\n")
    )
    w.inovasi.kampung.add(w.kampung)
    w.bukti = f.bukti(w.inovasi, 1)
    w.inovasi_lain = f.inovasi(
        w.kampung_lain.desa_id,
        nama="Inovasi Sarudik",
        berkas_anggaran=f.stored_file("privat/uji/anggaran-lain.pdf", b"%PDF-1.4\n"),
    )
    f.bukti(w.inovasi_lain, 1)
    w.unggulan = f.unggulan(w.kampung, ketua="Pak Narahubung", telepon=TELEPON_UNGGULAN)
    w.unggulan_lain = f.unggulan(w.kampung_lain, ketua="Pak Sarudik", telepon="081299911122")
    return w
