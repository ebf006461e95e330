"""Enumerations of the Kampung KB profile (domain.md §1.2, §1.6, §3).

Values are the official app's seeder strings, verbatim (odd spellings marked
(sic) in domain.md); they are stored as-is and shown as-is.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kampungkb.domain import JenisPoktan


class Kelas(models.TextChoices):
    """Classification classes in their official order (domain.md §3)."""

    DASAR = "Dasar", "Dasar"
    BERKEMBANG = "Berkembang", "Berkembang"
    MANDIRI = "Mandiri", "Mandiri"
    BERKELANJUTAN = "Berkelanjutan", "Berkelanjutan"


KELAS_URUTAN = {k: i for i, k in enumerate(Kelas)}


class CakupanWilayah(models.TextChoices):
    RW = "RW", "RW"
    DUSUN = "Dusun", "Dusun"
    DESA = "Desa", "Desa"


class Kriteria(models.TextChoices):
    """KriteriaSeeder: stored name, shown description (sic kept)."""

    K1 = "Kriteria 1", _("Peserta KB lebih rendah dari rata rata desa")
    K2 = (
        "Kriteria 2",
        _("Jumlah penduduk miskin tinggi (prasejahtera dan KS 1 lebih tinggi dari rata rata desa"),
    )
    K3 = "Kriteria 3", _("Termasuk wilayah terpencil, perbatasan, dsb")
    LAINNYA = "Lainnya", _("Lainnya")


class KategoriPotensi(models.TextChoices):
    UKM = "ukm", _("UKM")
    KULINER = "kuliner", _("Kuliner")
    HOME_INDUSTRY = "home_industry", _("Home industry")
    WISATA = "wisata", _("Wisata")
    OLAHRAGA = "olahraga", _("Olahraga")
    PENDIDIKAN = "pendidikan", _("Pendidikan")
    KESEHATAN = "kesehatan", _("Kesehatan")
    SOSIAL = "sosial", _("Sosial dan kemasyarakatan")
    EKONOMI = "ekonomi", _("Ekonomi")
    PRESTASI = "prestasi", _("Prestasi")
    LAINNYA = "lainnya", _("Lainnya")


class Operasional(models.TextChoices):
    RAPAT_PERENCANAAN = "Rapat perencanaan kegiatan", _("Rapat perencanaan kegiatan")
    RAPAT_KOORDINASI = (
        "Rapat koordinasi dengan dinas/instansi terkait pendukung kegiatan",
        _("Rapat koordinasi dengan dinas/instansi terkait pendukung kegiatan"),
    )
    SOSIALISASI = "Sosialisasi Kegiatan", _("Sosialisasi Kegiatan")
    MONEV = "Monitoring dan Evaluasi Kegiatan", _("Monitoring dan Evaluasi Kegiatan")
    LAPORAN = "Penyusunan Laporan", _("Penyusunan Laporan")


class Frekuensi(models.TextChoices):
    """In the official display order (FrekuensiOrderSeeder)."""

    MINGGUAN = "Mingguan", _("Mingguan")
    BULANAN = "Bulanan", _("Bulanan")
    TRIWULAN = "Triwulan", _("Triwulan")
    SEMESTERAN = "Semesteran", _("Semesteran")
    TAHUNAN = "Tahunan", _("Tahunan")
    LAINNYA = "Lainnya", _("Lainnya")


class PlkbPengarah(models.TextChoices):
    KADER = "Kader", _("Kader")
    RT_RW = "Ketua RT/RW", _("Ketua RT/RW")
    PERANGKAT_DESA = "Perangkat Desa/Kelurahan", _("Perangkat Desa/Kelurahan")
    PKK = "PKK", _("PKK")
    TOGA_TOMA = "Toga/ Toma", _("Toga/ Toma")
    OPDKB = "OPDKB Kab/kota", _("OPDKB Kab/kota")
    BKKBN_PROV = "Perwakilan BKKBN Prov", _("Perwakilan BKKBN Prov")
    PLKB_NON_PNS = "PLKB Non PNS", _("PLKB Non PNS")
    LAINNYA = "Lainnya", _("Lainnya")


class Regulasi(models.TextChoices):
    GUBERNUR = (
        "Surat Keputusan/Instruksi/Surat Edaran dari Gubernur",
        "Surat Keputusan/Instruksi/Surat Edaran dari Gubernur",
    )
    BUPATI = (
        "Surat Keputusan/Instruksi/Surat Edaran dari Bupati/Walikota",
        "Surat Keputusan/Instruksi/Surat Edaran dari Bupati/Walikota",
    )
    KECAMATAN = "SK Kecamatan tentang Kampung KB", "SK Kecamatan tentang Kampung KB"
    DESA = "SK Kepala Desa/Lurah tentang Kampung KB", "SK Kepala Desa/Lurah tentang Kampung KB"


class PenggunaanData(models.TextChoices):
    PK = "PK dan Pemutahiran Data", "PK dan Pemutahiran Data"  # (sic)
    RUTIN = "Data Rutin BKKBN", "Data Rutin BKKBN"
    POTENSI = "Potensi Desa", "Potensi Desa"
    SEKTORAL = "Data Sektoral", "Data Sektoral"
    LAINNYA = "Lainnya", "Lainnya"


class JabatanPokja(models.TextChoices):
    """Susunan Pokja Kampung KB (Mobile Modul Kampung KB, domain.md §1.6)."""

    PELINDUNG = "Pelindung/Penanggung Jawab", _("Pelindung/Penanggung Jawab")
    PENASEHAT = "Penasehat", _("Penasehat")
    KETUA = "Ketua", _("Ketua")
    SEKRETARIS = "Sekretaris", _("Sekretaris")
    BENDAHARA = "Bendahara", _("Bendahara")
    SEKSI_KEAGAMAAN = "Seksi Keagamaan", _("Seksi Keagamaan")
    SEKSI_PENDIDIKAN = "Seksi Sosialisasi/Pendidikan", _("Seksi Sosialisasi/Pendidikan")
    SEKSI_REPRODUKSI = "Seksi Reproduksi", _("Seksi Reproduksi")
    SEKSI_EKONOMI = "Seksi Ekonomi", _("Seksi Ekonomi")
    SEKSI_PERLINDUNGAN = "Seksi Perlindungan", _("Seksi Perlindungan")
    SEKSI_KASIH_SAYANG = "Seksi Kasih Sayang", _("Seksi Kasih Sayang")
    SEKSI_SOSIAL_BUDAYA = "Seksi Sosial Budaya", _("Seksi Sosial Budaya")
    SEKSI_LINGKUNGAN = "Seksi Pembinaan Lingkungan", _("Seksi Pembinaan Lingkungan")


# RangeSeeder: 16 five-year bands, the last open-ended.
RENTANG_USIA = [f"{a} - {a + 4} Tahun" for a in range(0, 75, 5)] + ["75+ Tahun"]

# KeluargaSeeder (alias → name).
KELUARGA = {
    "pus": _("Pasangan Usia Subur"),
    "keluarga": _("Jumlah Keluarga"),
    "remaja": _("Jumlah Remaja"),
    "memiliki_balita": _("Keluarga yang Memiliki Balita"),
    "memiliki_remaja": _("Keluarga yang Memiliki Remaja"),
    "memiliki_lansia": _("Keluarga yang Memiliki Lansia"),
}

# PROGRAM_KELUARGA_MAP: the denominator of each poktan's participation.
POKTAN_PENYEBUT = {
    JenisPoktan.BKB: "memiliki_balita",
    JenisPoktan.BKR: "memiliki_remaja",
    JenisPoktan.BKL: "memiliki_lansia",
    JenisPoktan.UPPKA: "keluarga",
    JenisPoktan.PIK_R: "remaja",
}

# Field-name suffix of each poktan in the snapshots.
POKTAN_SLUG = {
    JenisPoktan.BKB: "bkb",
    JenisPoktan.BKR: "bkr",
    JenisPoktan.BKL: "bkl",
    JenisPoktan.UPPKA: "uppka",
    JenisPoktan.PIK_R: "pik_r",
}
