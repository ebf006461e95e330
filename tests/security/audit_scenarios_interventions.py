"""Audit scenarios of the interventions services (used by
``test_audit_completeness``): each calls one service as a user would."""

from __future__ import annotations

import datetime as dt


def _is():
    from interventions import services

    return services


def intervensi_create(w):
    _is().intervensi_create(
        data={
            "kampung": w.kampung,
            "judul": "Posyandu remaja",
            "tanggal": dt.date(2025, 6, 1),
            "tempat": "Balai desa",
            "deskripsi": "Penyuluhan",
            "seksi": "Reproduksi",
            "sasaran": ["Remaja"],
        },
        instansi=[],
        by=w.personas.kader_pondokbatu,
    )


def intervensi_create_with_foto(w):
    from django.core.files.base import ContentFile

    from interventions.tests.factories import jpeg_bytes
    from kampungkb.uploads import CleanUpload

    _is().intervensi_create_with_foto(
        data={
            "kampung": w.kampung,
            "judul": "Senam lansia",
            "tanggal": dt.date(2025, 6, 2),
            "tempat": "Balai desa",
            "deskripsi": "Senam pagi",
            "seksi": "Reproduksi",
            "sasaran": ["Lansia"],
        },
        instansi=[],
        fotos=[CleanUpload(ContentFile(jpeg_bytes(), name="foto.jpg"), 64, 48)],
        tipe="Kegiatan",
        keterangan="Senam",
        publik=False,
        by=w.personas.kader_pondokbatu,
    )


def intervensi_update(w):
    _is().intervensi_update(
        intervensi=w.intervensi,
        data={"judul": "BIAN lanjutan"},
        instansi=list(w.intervensi.instansi.all()),
        expected_version=w.intervensi.version,
        by=w.personas.opd_labuhanbatu,
    )


def foto_add(w):
    from django.core.files.base import ContentFile

    from interventions.tests.factories import jpeg_bytes
    from kampungkb.uploads import CleanUpload

    _is().foto_add(
        intervensi=w.intervensi,
        foto=CleanUpload(ContentFile(jpeg_bytes(), name="foto.jpg"), 64, 48),
        keterangan="Kegiatan",
        tipe="Kegiatan",
        publik=False,
        by=w.personas.opd_labuhanbatu,
    )


def foto_delete(w):
    _is().foto_delete(foto=w.foto, by=w.personas.opd_labuhanbatu)


def inovasi_create(w):
    from interventions.models import TahunIID

    _is().inovasi_create(
        data={
            "wilayah_id": "12.10",
            "nama": "HSP",
            "tahapan": "Penerapan",
            "inisiator": "OPD",
            "jenis": "Non Digital",
            "bentuk": "Inovasi Pelayanan Publik",
            "tahun_iid": TahunIID.objects.get(tahun=2023),
            "urusan_utama": "Pengendalian penduduk dan keluarga berencana",
        }
        | {
            "wilayah": __import__("villages.models", fromlist=["W"]).Wilayah.objects.get(
                kode="12.10"
            )
        },
        files={},
        by=w.personas.opd_labuhanbatu,
    )


def inovasi_update(w):
    _is().inovasi_update(
        inovasi=w.inovasi,
        data={"nama": "KANG MAS MESRA 2"},
        files={},
        expected_version=w.inovasi.version,
        by=w.personas.opd_labuhanbatu,
    )


def bukti_save(w):
    _is().bukti_save(
        inovasi=w.inovasi,
        indikator=w.bukti.indikator,
        data={"nomor_surat": "400/1/PPKB/2024"},
        expected_version=w.bukti.version,
        by=w.personas.opd_labuhanbatu,
    )


def unggulan_create(w):
    _is().unggulan_create(
        kampung=w.kampung,
        data={"nama": "PB. Mandala", "inisiator": "Pemuda"},
        by=w.personas.kader_pondokbatu,
    )


def unggulan_update(w):
    _is().unggulan_update(
        unggulan=w.unggulan,
        data={"deskripsi": "Dapur umum untuk dhuafa"},
        expected_version=w.unggulan.version,
        by=w.personas.kader_pondokbatu,
    )


def instansi_lokal_create(w):
    from interventions.tests.factories import resmi
    from villages.models import Wilayah

    _is().instansi_lokal_create(
        kabupaten=Wilayah.objects.get(kode="12.10"),
        nama="Dinas Kesehatan Kabupaten Labuhanbatu",
        induk=resmi("Dinas Kesehatan"),
        by=w.personas.opd_labuhanbatu,
    )
