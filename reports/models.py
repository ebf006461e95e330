"""Summary rows (design.md §4.7) and queued report files.

``Ringkasan`` holds one row per (wilayah, periode) at every level: desa rows
are computed from the other apps' data, kecamatan/kabupaten/provinsi rows are
sums of their children. Rows store counts, never ratios, so a roll-up is a
plain sum and every percentage is computed from summed counts (a kabupaten's
CPR is Σ peserta ÷ Σ PUS, not a mean of village CPRs).
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kampungkb.periods import Periode
from kampungkb.scoping import ScopedQuerySet


def rasio(pembilang, penyebut) -> Decimal | None:
    """pembilang ÷ penyebut × 100 to one decimal; None when there is no denominator."""
    if not penyebut:
        return None
    return (Decimal(pembilang or 0) * 100 / Decimal(penyebut)).quantize(Decimal("0.1"))


class RingkasanQuerySet(ScopedQuerySet):
    scope_path = "wilayah__kode"

    def of(self, periode: Periode):
        return self.filter(periode=periode.first_day)


class Ringkasan(models.Model):
    wilayah = models.ForeignKey(
        "villages.Wilayah", on_delete=models.CASCADE, related_name="ringkasan"
    )
    tingkat = models.PositiveSmallIntegerField()
    periode = models.DateField()

    # Kampung KB and classification (villages.classification)
    jumlah_kampung = models.PositiveIntegerField(default=0)
    kelas = models.CharField(max_length=20, blank=True)  # desa rows only
    kelas_jumlah = models.JSONField(default=dict)  # {"Dasar": n, …}
    jumlah_berindeks = models.PositiveIntegerField(default=0)
    indeks_input = models.DecimalField(max_digits=4, decimal_places=2, null=True)
    indeks_proses = models.DecimalField(max_digits=4, decimal_places=2, null=True)
    indeks_output = models.DecimalField(max_digits=4, decimal_places=2, null=True)

    # Poktan and their monthly registers (poktan)
    jumlah_poktan = models.PositiveIntegerField(default=0)
    poktan_jenis = models.JSONField(default=dict)  # {jenis: {poktan, anggota, hadir, masuk}}
    laporan_wajib = models.PositiveIntegerField(default=0)
    laporan_masuk = models.PositiveIntegerField(default=0)  # diajukan or diverifikasi
    laporan_tepat_waktu = models.PositiveIntegerField(default=0)
    laporan_diverifikasi = models.PositiveIntegerField(default=0)
    laporan_dikembalikan = models.PositiveIntegerField(default=0)
    desa_lengkap = models.PositiveIntegerField(default=0)  # desa with every register in
    # Kampung KB with no active poktan: each owes one report it cannot send, so
    # it is in laporan_wajib and lowers the reporting rate ("belum ada poktan").
    kampung_tanpa_poktan = models.PositiveIntegerField(default=0)

    # Population and KKBPK (villages snapshots in force at the end of the month)
    jumlah_jiwa = models.PositiveIntegerField(default=0)
    jumlah_keluarga = models.PositiveIntegerField(default=0)
    pus = models.PositiveIntegerField(default=0)
    peserta_kb = models.PositiveIntegerField(default=0)
    peserta_mkjp = models.PositiveIntegerField(default=0)
    unmet = models.PositiveIntegerField(default=0)  # IAT + TIAL
    metode = models.JSONField(default=dict)  # {"IUD": n, …}
    tidak_kb = models.JSONField(default=dict)  # {"hamil": n, …}
    partisipasi = models.JSONField(default=dict)  # {jenis: {"ikut": n, "sasaran": n}}

    # Interventions dated in the month, innovations as they stand (interventions)
    jumlah_intervensi = models.PositiveIntegerField(default=0)
    intervensi_seksi = models.JSONField(default=dict)
    intervensi_instansi = models.JSONField(default=dict)
    # … and all interventions dated up to the end of the month (cumulative).
    intervensi_kumulatif = models.PositiveIntegerField(default=0)
    intervensi_seksi_kumulatif = models.JSONField(default=dict)
    intervensi_instansi_kumulatif = models.JSONField(default=dict)
    lintas_sektor = models.PositiveIntegerField(default=0)  # desa: distinct agencies
    jumlah_inovasi = models.PositiveIntegerField(default=0)
    inovasi_tahapan = models.JSONField(default=dict)

    diperbarui = models.DateTimeField(auto_now=True)

    objects = RingkasanQuerySet.as_manager()

    class Meta:
        verbose_name = _("ringkasan indikator")
        verbose_name_plural = _("ringkasan indikator")
        constraints = [
            models.UniqueConstraint(fields=["wilayah", "periode"], name="ringkasan_unik"),
            models.CheckConstraint(
                condition=models.Q(periode__day=1), name="ringkasan_periode_hari_1"
            ),
        ]
        indexes = [models.Index(fields=["periode", "tingkat", "wilayah"])]

    def __str__(self) -> str:
        return f"{self.wilayah_id} {self.periode:%Y-%m}"

    @property
    def periode_obj(self) -> Periode:
        return Periode.of(self.periode)

    @property
    def cpr(self):
        return rasio(self.peserta_kb, self.pus)

    @property
    def mkjp_persen(self):
        return rasio(self.peserta_mkjp, self.peserta_kb)

    @property
    def unmet_persen(self):
        return rasio(self.unmet, self.pus)

    @property
    def kelengkapan(self):
        return rasio(self.laporan_masuk, self.laporan_wajib)

    @property
    def tepat_waktu(self):
        return rasio(self.laporan_tepat_waktu, self.laporan_wajib)

    @property
    def desa_berpoktan(self) -> int:
        return self.jumlah_kampung - self.kampung_tanpa_poktan

    @property
    def laporan_belum(self) -> int:
        return max(self.laporan_wajib - self.laporan_masuk, 0)


class StatusUnduhan(models.TextChoices):
    ANTRE = "antre", _("Dalam antrean")
    PROSES = "proses", _("Sedang disiapkan")
    SELESAI = "selesai", _("Siap diunduh")
    GAGAL = "gagal", _("Gagal")


class UnduhanQuerySet(ScopedQuerySet):
    scope_path = "wilayah__kode"


class Unduhan(models.Model):
    """A report prepared in the background (django.tasks) for one user."""

    pemilik = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="unduhan"
    )
    jenis = models.CharField(max_length=40)
    wilayah = models.ForeignKey("villages.Wilayah", on_delete=models.CASCADE, related_name="+")
    periode = models.DateField()
    bulan = models.PositiveSmallIntegerField(default=1)
    format = models.CharField(max_length=4, default="pdf")
    judul = models.CharField(max_length=200)
    status = models.CharField(max_length=10, choices=StatusUnduhan.choices, default="antre")
    selesai = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    nama_berkas = models.CharField(max_length=150, blank=True)
    isi = models.BinaryField(null=True, editable=False)
    galat = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = UnduhanQuerySet.as_manager()

    class Meta:
        verbose_name = _("unduhan laporan")
        verbose_name_plural = _("unduhan laporan")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.judul

    @property
    def persen(self) -> int:
        return int(self.selesai * 100 / self.total) if self.total else 0
