"""Official enumerations shared by several apps (domain.md §1.2, §2.3).

Exact strings of the official Kampung KB app's seeders; values are stored,
labels shown. App-specific enumerations live in their own app.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class JenisPoktan(models.TextChoices):
    BKB = "BKB", "BKB"
    BKR = "BKR", "BKR"
    BKL = "BKL", "BKL"
    PIK_R = "PIK R", "PIK-R"
    UPPKA = "UPPKA", "UPPKA/UPPKS"


# Full names (ProgramSeeder deskripsi).
JENIS_POKTAN_NAMA = {
    JenisPoktan.BKB: "Bina Keluarga Balita (BKB)",
    JenisPoktan.BKR: "Bina Keluarga Remaja (BKR)",
    JenisPoktan.BKL: "Bina Keluarga Lansia (BKL)",
    JenisPoktan.PIK_R: "Pusat Informasi dan Konseling Remaja (PIK R)",
    JenisPoktan.UPPKA: "Usaha Peningkatan Pendapatan Keluarga Akseptor (UPPKA)",
}


class Kontrasepsi(models.TextChoices):
    """The 7 modern methods (KontrasepsiSeeder); no MAL/tradisional category."""

    IUD = "IUD", "IUD"
    MOW = "MOW", "MOW"
    MOP = "MOP", "MOP"
    KONDOM = "Kondom", "Kondom"
    IMPLAN = "Implan", "Implan"
    SUNTIK = "Suntik", "Suntik"
    PIL = "PIL", "PIL"


# Metode Kontrasepsi Jangka Panjang (classification SQL).
MKJP = frozenset({Kontrasepsi.IUD, Kontrasepsi.MOW, Kontrasepsi.MOP, Kontrasepsi.IMPLAN})


class NonKontrasepsi(models.TextChoices):
    """Why a PUS does not use KB (NonKontrasepsiSeeder)."""

    HAMIL = "hamil", _("Karena Hamil")
    ANAK_SEGERA = "anak_segera", _("Karena Ingin Anak Segera")
    ANAK_KEMUDIAN = "anak_kemudian", _("Ingin Anak Kemudian/Ingin Anak Tunda (IAT)")
    TIDAK_INGIN_ANAK = "tidak_ingin_anak", _("Tidak Ingin Anak Lagi")


# Unmet need = (IAT + TIAL) / PUS × 100 (official app).
UNMET_NEED = frozenset({NonKontrasepsi.ANAK_KEMUDIAN, NonKontrasepsi.TIDAK_INGIN_ANAK})


class SumberDana(models.TextChoices):
    APBN = "APBN", "APBN"
    APBD = "APBD", "APBD"
    DANA_DESA = "Dana Desa", "Dana Desa"
    HIBAH = "Donasi/ Hibah Masyarakat", "Donasi/ Hibah Masyarakat"
    CSR = "Perusahaan (CSR)", "Perusahaan (CSR)"
    SWADAYA = "Swadaya Masyarakat", "Swadaya Masyarakat"


class Seksi(models.TextChoices):
    """The 8 fungsi keluarga + Lainnya (KategoriSeeder)."""

    KEAGAMAAN = "Keagamaan", "Keagamaan"
    PENDIDIKAN = "Pendidikan", "Pendidikan"
    REPRODUKSI = "Reproduksi", "Reproduksi"
    EKONOMI = "Ekonomi", "Ekonomi"
    PERLINDUNGAN = "Perlindungan", "Perlindungan"
    KASIH_SAYANG = "Kasih Sayang", "Kasih Sayang"
    SOSIAL_BUDAYA = "Sosial Budaya", "Sosial Budaya"
    PEMBINAAN_LINGKUNGAN = "Pembinaan Lingkungan", "Pembinaan Lingkungan"
    LAINNYA = "Lainnya", _("Lainnya")


class Sasaran(models.TextChoices):
    SELURUH_PENDUDUK = "Seluruh Penduduk", _("Seluruh Penduduk")
    PUS = "PUS", _("PUS")
    REMAJA = "Remaja", _("Remaja")
    LANSIA = "Lansia", _("Lansia")
    BALITA = "Balita", _("Balita")
    KELUARGA_BALITA = "Keluarga yang memiliki Balita", _("Keluarga yang memiliki Balita")
    KELUARGA_REMAJA = "Keluarga yang memiliki Remaja", _("Keluarga yang memiliki Remaja")
    KELUARGA_LANSIA = "Keluarga yang memiliki Lansia", _("Keluarga yang memiliki Lansia")
    LAINNYA = "Lainnya", _("Lainnya")
