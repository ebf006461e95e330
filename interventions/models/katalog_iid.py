"""The innovation index (IID) catalogue and the innovation choices."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

# --- Inovasi daerah (domain.md §4.2) ----------------------------------------


class Tahapan(models.TextChoices):
    INISIATIF = "Inisiatif", "Inisiatif"
    UJI_COBA = "Uji Coba", "Uji Coba"
    PENERAPAN = "Penerapan", "Penerapan"


class Inisiator(models.TextChoices):
    """PP 38/2017."""

    KEPALA_DAERAH = "Kepala Daerah", "Kepala Daerah"
    ANGGOTA_DPRD = "Anggota DPRD", "Anggota DPRD"
    OPD = "OPD", "OPD"
    ASN = "ASN", "ASN"
    MASYARAKAT = "Masyarakat", "Masyarakat"


class JenisInovasi(models.TextChoices):
    DIGITAL = "Digital", "Digital"
    NON_DIGITAL = "Non Digital", "Non Digital"


class BentukInovasi(models.TextChoices):
    LAINNYA = (
        "Inovasi Daerah lainnya sesuai Urusan Pemerintahan yang menjadi kewenangan Daerah",
        "Inovasi Daerah lainnya sesuai Urusan Pemerintahan yang menjadi kewenangan Daerah",
    )
    PELAYANAN_PUBLIK = "Inovasi Pelayanan Publik", "Inovasi Pelayanan Publik"
    TATA_KELOLA = (
        "Inovasi Tata Kelola Pemerintahan Daerah",
        "Inovasi Tata Kelola Pemerintahan Daerah",
    )


class KlasifikasiInovasi(models.TextChoices):
    """2025 form (third-party source, domain.md §4.2); optional."""

    PERANGKAT_DAERAH = "Inovasi Perangkat Daerah", "Inovasi Perangkat Daerah"
    DESA = "Inovasi Desa", "Inovasi Desa"
    MASYARAKAT = "Inovasi Masyarakat", "Inovasi Masyarakat"


# The 38 urusan pemerintahan of the IID form (domain.md §4.5), in order.
URUSAN = [
    "Pendidikan",
    "Kesehatan",
    "Pekerjaan umum dan penataan ruang",
    "Perumahan rakyat dan kawasan permukiman",
    "Ketenteraman, ketertiban umum, dan perlindungan masyarakat",
    "Sosial",
    "Tenaga kerja",
    "Pemberdayaan perempuan dan perlindungan anak",
    "Pangan",
    "Pertanahan",
    "Lingkungan hidup",
    "Administrasi kependudukan dan pencatatan sipil",
    "Pemberdayaan masyarakat dan desa",
    "Pengendalian penduduk dan keluarga berencana",
    "Perhubungan",
    "Komunikasi dan informatika",
    "Koperasi, UKM",
    "Penanaman modal",
    "Kepemudaan dan olahraga",
    "Statistik",
    "Persandian",
    "Kebudayaan",
    "Perpustakaan",
    "Kearsipan",
    "Kelautan dan perikanan",
    "Pariwisata",
    "Pertanian",
    "Kehutanan",
    "ESDM",
    "Perdagangan",
    "Perindustrian",
    "Transmigrasi",
    "Perencanaan",
    "Keuangan",
    "Kepegawaian",
    "Pendidikan dan pelatihan",
    "Penelitian dan pengembangan",
    "Fungsi lain sesuai ketentuan peraturan perundang-undangan",
]
URUSAN_CHOICES = [(u, u) for u in URUSAN]


class TahunIID(models.Model):
    """One year's IID configuration (indicators, parameters, bands, tematik)."""

    tahun = models.PositiveSmallIntegerField(_("tahun"), unique=True)
    keterangan = models.CharField(_("keterangan"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("konfigurasi IID tahunan")
        verbose_name_plural = _("konfigurasi IID tahunan")
        ordering = ["-tahun"]

    def __str__(self) -> str:
        return f"IID {self.tahun}"


class TematikIID(models.Model):
    tahun = models.ForeignKey(TahunIID, on_delete=models.CASCADE, related_name="tematik")
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    nama = models.CharField(_("tematik"), max_length=150)

    class Meta:
        verbose_name = _("tematik IID")
        verbose_name_plural = _("tematik IID")
        ordering = ["tahun__tahun", "urutan"]
        constraints = [models.UniqueConstraint(fields=["tahun", "nama"], name="tematik_unik")]

    def __str__(self) -> str:
        return self.nama


class IndikatorIID(models.Model):
    tahun = models.ForeignKey(TahunIID, on_delete=models.CASCADE, related_name="indikator")
    nomor = models.PositiveSmallIntegerField(_("nomor"))
    nama = models.CharField(_("indikator"), max_length=150)
    bukti = models.TextField(_("data pendukung yang diminta"))
    jenis_berkas = models.CharField(
        _("jenis berkas yang diterima"),
        max_length=60,
        default="pdf",
        help_text=_("Ekstensi dipisah koma, mis. pdf,jpg,png."),
    )

    class Meta:
        verbose_name = _("indikator IID")
        verbose_name_plural = _("indikator IID")
        ordering = ["tahun__tahun", "nomor"]
        constraints = [
            models.UniqueConstraint(fields=["tahun", "nomor"], name="indikator_iid_unik")
        ]

    def __str__(self) -> str:
        return f"{self.nomor}. {self.nama}"

    @property
    def ekstensi(self) -> list[str]:
        return [e.strip().lower() for e in self.jenis_berkas.split(",") if e.strip()]


class ParameterIID(models.Model):
    indikator = models.ForeignKey(IndikatorIID, on_delete=models.CASCADE, related_name="parameter")
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    nama = models.CharField(_("parameter"), max_length=200)
    bobot = models.DecimalField(_("bobot"), max_digits=5, decimal_places=2)

    class Meta:
        verbose_name = _("parameter IID")
        verbose_name_plural = _("parameter IID")
        ordering = ["indikator_id", "urutan"]
        constraints = [
            models.CheckConstraint(condition=models.Q(bobot__gte=0), name="parameter_bobot_min_0")
        ]

    def __str__(self) -> str:
        return f"{self.nama} ({self.bobot.normalize():f})"


class PredikatIID(models.Model):
    """Predicate band of the index, per year (2023: Sangat Inovatif 60,01–100 …)."""

    tahun = models.ForeignKey(TahunIID, on_delete=models.CASCADE, related_name="predikat")
    nama = models.CharField(_("predikat"), max_length=60)
    batas_bawah = models.DecimalField(_("batas bawah"), max_digits=5, decimal_places=2)
    batas_atas = models.DecimalField(_("batas atas"), max_digits=5, decimal_places=2)

    class Meta:
        verbose_name = _("predikat IID")
        verbose_name_plural = _("predikat IID")
        ordering = ["tahun__tahun", "-batas_bawah"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(batas_atas__gte=models.F("batas_bawah")),
                name="predikat_batas_urut",
            )
        ]

    def __str__(self) -> str:
        return self.nama
