"""Small builders for interventions tests and the permission matrix."""

from __future__ import annotations

import datetime as dt
import io

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image

from interventions.models import (
    BuktiIID,
    FotoIntervensi,
    IndikatorIID,
    Inovasi,
    InovasiUnggulan,
    Instansi,
    Intervensi,
    TahunIID,
)


def resmi(nama: str) -> Instansi:
    return Instansi.objects.get(nama=nama, kabupaten=None)


def jpeg_bytes(size=(64, 48), color=(20, 120, 80)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, "JPEG")
    return out.getvalue()


def stored_file(name: str, content: bytes) -> str:
    """A file at a fixed storage path (written once), for rows that need one."""
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(content))
    return name


def intervensi(kampung, *instansi, pemilik=None, by=None, judul="BIAN", **extra) -> Intervensi:
    fields = {
        "judul": judul,
        "tanggal": dt.date(2023, 8, 10),
        "tempat": "Posyandu Dusun I",
        "deskripsi": "Imunisasi anak.",
        "seksi": "Reproduksi",
        "sasaran": ["Balita"],
        **extra,
    }
    obj = Intervensi.objects.create(
        kampung=kampung, instansi_pemilik=pemilik, dibuat_oleh=by, **fields
    )
    obj.instansi.set(instansi)
    return obj


def foto(obj: Intervensi, urutan=1, publik=False) -> FotoIntervensi:
    name = stored_file(f"privat/uji/foto-{urutan}.jpg", jpeg_bytes())
    return FotoIntervensi.objects.create(
        intervensi=obj, urutan=urutan, berkas=name, keterangan="Foto", publik=publik
    )


def inovasi(wilayah_id: str, nama="KANG MAS MESRA", **extra) -> Inovasi:
    fields = {
        "tahapan": "Penerapan",
        "inisiator": "OPD",
        "jenis": "Non Digital",
        "bentuk": "Inovasi Pelayanan Publik",
        "urusan_utama": "Pengendalian penduduk dan keluarga berencana",
        "tahun_iid": TahunIID.objects.get(tahun=2023),
        **extra,
    }
    return Inovasi.objects.create(wilayah_id=wilayah_id, nama=nama, **fields)


def bukti(obj: Inovasi, nomor: int, urutan_parameter=1, berkas=True, tautan="") -> BuktiIID:
    indikator = IndikatorIID.objects.get(tahun=obj.tahun_iid, nomor=nomor)
    parameter = indikator.parameter.get(urutan=urutan_parameter)
    name = stored_file("privat/uji/bukti.pdf", b"%PDF-1.4\n%uji\n") if berkas else ""
    return BuktiIID.objects.create(
        inovasi=obj,
        indikator=indikator,
        parameter=parameter,
        bobot=parameter.bobot,
        berkas=name,
        tautan=tautan,
    )


def unggulan(kampung, nama="Dapur Dhuafa", **extra) -> InovasiUnggulan:
    fields = {"inisiator": "Yayasan Masjid Nurul Iman Aek Nabara", "telepon": "082182472274"}
    return InovasiUnggulan.objects.create(kampung=kampung, nama=nama, **{**fields, **extra})
