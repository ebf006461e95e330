"""Regional innovations (inovasi daerah), their IID evidence and the featured ones."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kampungkb.concurrency import VersionedModel
from kampungkb.scoping import ScopedQuerySet

from .instansi import Instansi
from .intervensi import Intervensi
from .katalog_iid import (
    URUSAN_CHOICES,
    BentukInovasi,
    IndikatorIID,
    Inisiator,
    JenisInovasi,
    KlasifikasiInovasi,
    ParameterIID,
    Tahapan,
    TahunIID,
    TematikIID,
)


class InovasiQuerySet(ScopedQuerySet):
    scope_path = "wilayah__kode"


def berkas_inovasi_path(instance, filename: str) -> str:
    return f"privat/inovasi/{instance.pk or 'baru'}/{filename}"


class Inovasi(VersionedModel):
    """A regional innovation profile ("Profil Inovasi Daerah", domain.md §4.2)."""

    wilayah = models.ForeignKey(
        "villages.Wilayah",
        verbose_name=_("wilayah"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Kabupaten, kecamatan atau desa tempat inovasi diterapkan."),
    )
    nama = models.CharField(_("nama inovasi"), max_length=150)
    kepanjangan = models.CharField(_("kepanjangan nama"), max_length=255, blank=True)
    perangkat_daerah = models.ForeignKey(
        Instansi,
        verbose_name=_("perangkat daerah"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="inovasi",
    )
    uptd = models.CharField(_("UPTD"), max_length=150, blank=True)
    tahapan = models.CharField(_("tahapan inovasi"), max_length=12, choices=Tahapan.choices)
    inisiator = models.CharField(_("inisiator inovasi"), max_length=15, choices=Inisiator.choices)
    nama_inisiator = models.CharField(_("nama inisiator"), max_length=150, blank=True)
    jenis = models.CharField(_("jenis inovasi"), max_length=12, choices=JenisInovasi.choices)
    bentuk = models.CharField(_("bentuk inovasi"), max_length=100, choices=BentukInovasi.choices)
    klasifikasi = models.CharField(
        _("klasifikasi"), max_length=30, choices=KlasifikasiInovasi.choices, blank=True
    )
    tahun_iid = models.ForeignKey(
        TahunIID,
        verbose_name=_("tahun penilaian IID"),
        on_delete=models.PROTECT,
        related_name="inovasi",
    )
    tematik = models.ForeignKey(
        TematikIID,
        verbose_name=_("tematik"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    urusan_utama = models.CharField(_("urusan utama"), max_length=80, choices=URUSAN_CHOICES)
    urusan_lain = models.JSONField(_("urusan lain"), default=list, blank=True)
    waktu_uji_coba = models.DateField(_("waktu uji coba"), null=True, blank=True)
    waktu_implementasi = models.DateField(_("waktu implementasi"), null=True, blank=True)
    rancang_bangun = models.TextField(_("rancang bangun dan pokok perubahan"), blank=True)
    tujuan_umum = models.TextField(_("tujuan umum"), blank=True)
    tujuan_khusus = models.JSONField(_("tujuan khusus"), default=list, blank=True)
    manfaat = models.TextField(_("manfaat inovasi"), blank=True)
    hasil = models.TextField(_("hasil inovasi"), blank=True)
    berkas_anggaran = models.FileField(
        _("berkas anggaran (PDF)"), upload_to=berkas_inovasi_path, blank=True, max_length=255
    )
    berkas_profil_bisnis = models.FileField(
        _("berkas profil bisnis (PDF)"), upload_to=berkas_inovasi_path, blank=True, max_length=255
    )
    video = models.URLField(_("tautan video"), blank=True)
    kampung = models.ManyToManyField(
        "villages.KampungKB", verbose_name=_("Kampung KB"), blank=True, related_name="inovasi"
    )
    intervensi = models.ManyToManyField(
        Intervensi, verbose_name=_("intervensi terkait"), blank=True, related_name="inovasi"
    )
    # Σ stored bobot of evidenced indicators; kept by the services (evidence changes).
    skor_kematangan = models.DecimalField(
        _("skor kematangan"), max_digits=6, decimal_places=2, default=0
    )
    # What the demo seed invented (keys of kampungkb.contoh.LABELS), marked "contoh".
    contoh = models.JSONField(_("data contoh"), default=list, blank=True)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = InovasiQuerySet.as_manager()

    class Meta:
        verbose_name = _("inovasi")
        verbose_name_plural = _("inovasi")
        ordering = ["nama", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(waktu_implementasi__isnull=True)
                | models.Q(waktu_uji_coba__isnull=True)
                | models.Q(waktu_implementasi__gte=models.F("waktu_uji_coba")),
                name="inovasi_implementasi_setelah_uji_coba",
            )
        ]

    def __str__(self) -> str:
        return self.nama

    @property
    def audit_wilayah_kode(self) -> str:
        return self.wilayah_id

    @property
    def judul_lengkap(self) -> str:
        return f"{self.nama} ({self.kepanjangan})" if self.kepanjangan else self.nama


class BuktiIIDQuerySet(ScopedQuerySet):
    scope_path = "inovasi__wilayah__kode"


def bukti_path(instance, filename: str) -> str:
    return f"privat/inovasi/{instance.inovasi_id}/bukti/{filename}"


class BuktiIID(VersionedModel):
    """The parameter chosen for one indicator and its evidence ("data pendukung").

    ``bobot`` is copied from the parameter when chosen, so a later change of
    any year's configuration never changes a stored score."""

    inovasi = models.ForeignKey(Inovasi, on_delete=models.CASCADE, related_name="bukti")
    indikator = models.ForeignKey(
        IndikatorIID, on_delete=models.PROTECT, related_name="bukti_inovasi"
    )
    parameter = models.ForeignKey(
        ParameterIID,
        verbose_name=_("parameter"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    bobot = models.DecimalField(_("bobot"), max_digits=5, decimal_places=2, default=0)
    nomor_surat = models.CharField(_("nomor surat"), max_length=100, blank=True)
    tanggal_surat = models.DateField(_("tanggal surat"), null=True, blank=True)
    tentang = models.CharField(_("tentang"), max_length=255, blank=True)
    berkas = models.FileField(_("dokumen"), upload_to=bukti_path, blank=True, max_length=255)
    # The name the uploader gave, for pages and PDFs only (the stored and served
    # names are the portal's: bukti-<id>.pdf).
    nama_berkas = models.CharField(_("nama dokumen"), max_length=150, blank=True)
    tautan = models.URLField(_("tautan"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = BuktiIIDQuerySet.as_manager()

    class Meta:
        verbose_name = _("data pendukung IID")
        verbose_name_plural = _("data pendukung IID")
        ordering = ["inovasi_id", "indikator__nomor"]
        constraints = [
            models.UniqueConstraint(fields=["inovasi", "indikator"], name="bukti_iid_unik")
        ]

    def __str__(self) -> str:
        return f"{self.inovasi} – {self.indikator}"

    @property
    def audit_wilayah_kode(self) -> str:
        return self.inovasi.wilayah_id

    @property
    def ada_bukti(self) -> bool:
        return bool(self.berkas or self.tautan)


# --- Inovasi unggulan of a Kampung KB ------------------------------------------


class InovasiUnggulanQuerySet(ScopedQuerySet):
    scope_path = "kampung__desa__kode"


class InovasiUnggulan(VersionedModel):
    """A flagship local innovation of a Kampung KB. The contact (ketua, telepon)
    is personal data: only logged-in users in scope see it, never public pages."""

    # Masked in history for roles without contact rights (kampungkb.contacts).
    contact_fields = frozenset({"ketua", "telepon"})

    kampung = models.ForeignKey(
        "villages.KampungKB",
        verbose_name=_("Kampung KB"),
        on_delete=models.CASCADE,
        related_name="inovasi_unggulan",
    )
    nama = models.CharField(_("nama inovasi"), max_length=150)
    singkatan = models.CharField(_("singkatan"), max_length=30, blank=True)
    deskripsi = models.TextField(_("deskripsi"), blank=True)
    inisiator = models.CharField(_("inisiator"), max_length=200)
    sumber_inisiatif = models.CharField(
        _("asal inisiatif"), max_length=15, choices=Inisiator.choices, blank=True
    )
    ketua = models.CharField(_("ketua/narahubung"), max_length=150, blank=True)
    telepon = models.CharField(_("telepon"), max_length=20, blank=True)
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)

    objects = InovasiUnggulanQuerySet.as_manager()

    class Meta:
        verbose_name = _("inovasi unggulan")
        verbose_name_plural = _("inovasi unggulan")
        ordering = ["kampung_id", "urutan", "id"]
        constraints = [
            models.UniqueConstraint(fields=["kampung", "nama"], name="inovasi_unggulan_unik")
        ]

    def __str__(self) -> str:
        return f"{self.nama} ({self.singkatan})" if self.singkatan else self.nama

    @property
    def audit_wilayah_kode(self) -> str:
        return self.kampung.desa_id
