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


def kang_mas_mesra(kampung, *, bukti: int = 3):
    """KANG MAS MESRA (seed document) with ``bukti`` evidenced indicators."""
    from interventions.models import BuktiIID, IndikatorIID, Inovasi, Instansi, TahunIID

    tahun = TahunIID.objects.get(tahun=2023)
    inovasi = Inovasi.objects.create(
        wilayah_id=kampung.desa_id,
        nama="KANG MAS MESRA",
        kepanjangan="Kampung Keluarga Berkualitas Masyarakat Sejahtera",
        perangkat_daerah=Instansi.objects.get(
            nama="OPD Pengendalian Penduduk dan KB", kabupaten=None
        ),
        tahapan="Penerapan",
        inisiator="OPD",
        jenis="Non Digital",
        bentuk="Inovasi Pelayanan Publik",
        tahun_iid=tahun,
        urusan_utama="Pengendalian penduduk dan keluarga berencana",
        waktu_uji_coba=dt.date(2022, 4, 1),
        waktu_implementasi=dt.date(2022, 4, 1),
        rancang_bangun=(
            "Dengan disahkannya Undang-Undang Nomor 52 tahun 2009.\n\n"
            "Seperti banyak desa-desa di Indonesia."
        ),
        tujuan_umum="Meningkatkan kualitas hidup masyarakat di tingkat kampung",
        tujuan_khusus=["Meningkatkan jumlah peserta KB aktif modern", "Menurunkan angka KDRT"],
        manfaat="Kampung KB menjadi miniatur atau gambaran dari sebuah desa",
        hasil="Kampung KB sebagai wahana pemberdayaan masyarakat",
    )
    inovasi.kampung.add(kampung)
    for ind in IndikatorIID.objects.filter(tahun=tahun).order_by("nomor")[:bukti]:
        param = ind.parameter.order_by("-bobot").first()
        BuktiIID.objects.create(
            inovasi=inovasi,
            indikator=ind,
            parameter=param,
            bobot=param.bobot,
            nomor_surat=f"400/{ind.nomor}/PPKB/2023",
            tanggal_surat=dt.date(2023, 3, ind.nomor),
            tentang=f"Bukti {ind.nama}",
            tautan=f"https://labuhanbatukab.go.id/bukti/{ind.nomor}",
        )
    return inovasi


def foto(intervensi, tipe, urutan, media_root, color="red"):
    from django.core.files.base import ContentFile
    from PIL import Image

    from interventions.models import FotoIntervensi

    buffer = __import__("io").BytesIO()
    Image.new("RGB", (80, 60), color).save(buffer, "JPEG")
    obj = FotoIntervensi(intervensi=intervensi, urutan=urutan, tipe=tipe, keterangan=f"Foto {tipe}")
    obj.berkas.save(f"{tipe}.jpg", ContentFile(buffer.getvalue()), save=True)
    return obj
