"""Cross-sector agencies, interventions and innovations."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kampungkb.concurrency import VersionedModel
from kampungkb.domain import Seksi, SumberDana
from kampungkb.scoping import ScopedQuerySet


class InstansiQuerySet(ScopedQuerySet):
    scope_path = "kabupaten__kode"

    def for_user(self, user):
        # The 37 official agencies are national (no kabupaten) and visible to all.
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return super().for_user(user) | self.filter(kabupaten__isnull=True)


class Instansi(models.Model):
    """An agency taking part in Kampung KB: one of the 37 official ones
    (``kabupaten`` empty) or a local OPD name of one kabupaten."""

    nama = models.CharField(_("nama instansi"), max_length=150)
    kabupaten = models.ForeignKey(
        "villages.Wilayah",
        verbose_name=_("kabupaten"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    induk = models.ForeignKey(
        "self",
        verbose_name=_("padanan resmi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="lokal",
        help_text=_("Instansi resmi yang dipadankan dengan nama OPD lokal ini."),
    )

    objects = InstansiQuerySet.as_manager()

    class Meta:
        verbose_name = _("instansi")
        verbose_name_plural = _("instansi")
        ordering = ["kabupaten_id", "urutan", "nama"]
        constraints = [
            models.UniqueConstraint(
                fields=["kabupaten", "nama"], name="instansi_unik_per_kabupaten"
            ),
            models.UniqueConstraint(
                fields=["nama"],
                condition=models.Q(kabupaten__isnull=True),
                name="instansi_resmi_unik",
            ),
        ]

    def __str__(self) -> str:
        return self.nama


# --- Inpres 3/2022 activity catalogue (domain.md §1.5) ---------------------


class InpresSasaran(models.Model):
    nomor = models.PositiveSmallIntegerField(_("nomor"), unique=True)
    nama = models.CharField(_("sasaran"), max_length=255)

    class Meta:
        verbose_name = _("sasaran Inpres 3/2022")
        verbose_name_plural = _("sasaran Inpres 3/2022")
        ordering = ["nomor"]

    def __str__(self) -> str:
        return f"{self.nomor}. {self.nama}"


class InpresProgram(models.Model):
    sasaran = models.ForeignKey(
        InpresSasaran, verbose_name=_("sasaran"), on_delete=models.CASCADE, related_name="program"
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    nama = models.CharField(_("program"), max_length=255)

    class Meta:
        verbose_name = _("program Inpres 3/2022")
        verbose_name_plural = _("program Inpres 3/2022")
        ordering = ["sasaran__nomor", "urutan"]
        constraints = [
            models.UniqueConstraint(fields=["sasaran", "nama"], name="inpres_program_unik")
        ]

    def __str__(self) -> str:
        return self.nama


class InpresKegiatan(models.Model):
    program = models.ForeignKey(
        InpresProgram, verbose_name=_("program"), on_delete=models.CASCADE, related_name="kegiatan"
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    nama = models.CharField(_("kegiatan"), max_length=255)
    indikator = models.TextField(_("indikator"), blank=True)
    penanggung_jawab = models.CharField(_("penanggung jawab"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("kegiatan Inpres 3/2022")
        verbose_name_plural = _("kegiatan Inpres 3/2022")
        ordering = ["program__sasaran__nomor", "program__urutan", "urutan"]
        constraints = [
            models.UniqueConstraint(fields=["program", "nama"], name="inpres_kegiatan_unik")
        ]

    def __str__(self) -> str:
        return self.nama


# --- Intervensi (domain.md §1.2 new_intervensi) ------------------------------


class JenisIntervensi(models.TextChoices):
    """JenisPostSeeder: 1 Sebelum - Sesudah, 2 Kegiatan."""

    SEBELUM_SESUDAH = "Sebelum - Sesudah", "Sebelum - Sesudah"
    KEGIATAN = "Kegiatan", "Kegiatan"


class StatusIntervensi(models.TextChoices):
    RENCANA = "rencana", _("Rencana")
    BERJALAN = "berjalan", _("Berjalan")
    SELESAI = "selesai", _("Selesai")


class IntervensiQuerySet(ScopedQuerySet):
    scope_path = "kampung__desa__kode"


class Intervensi(VersionedModel):
    """One activity an agency carried out in a Kampung KB (the village news feed)."""

    kampung = models.ForeignKey(
        "villages.KampungKB",
        verbose_name=_("Kampung KB"),
        on_delete=models.PROTECT,
        related_name="intervensi",
    )
    judul = models.CharField(_("judul"), max_length=200)
    tanggal = models.DateField(_("tanggal"))
    tempat = models.CharField(_("tempat"), max_length=200)
    deskripsi = models.TextField(_("deskripsi"))
    jenis = models.CharField(
        _("jenis"), max_length=20, choices=JenisIntervensi.choices, default=JenisIntervensi.KEGIATAN
    )
    seksi = models.CharField(_("seksi"), max_length=30, choices=Seksi.choices)
    sasaran = models.JSONField(_("sasaran"), default=list, blank=True)
    sasaran_lainnya = models.CharField(_("sasaran lainnya"), max_length=200, blank=True)
    instansi = models.ManyToManyField(
        Instansi, verbose_name=_("instansi"), related_name="intervensi", blank=True
    )
    instansi_lainnya = models.CharField(_("instansi lainnya"), max_length=200, blank=True)
    inpres_kegiatan = models.ForeignKey(
        InpresKegiatan,
        verbose_name=_("kegiatan Inpres 3/2022"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="intervensi",
    )
    target_poktan = models.JSONField(_("poktan sasaran"), default=list, blank=True)
    sumber_dana = models.CharField(
        _("sumber dana"), max_length=40, choices=SumberDana.choices, blank=True
    )
    anggaran = models.PositiveBigIntegerField(_("anggaran (Rp)"), null=True, blank=True)
    penerima_manfaat = models.PositiveIntegerField(
        _("jumlah penerima manfaat"), null=True, blank=True
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=StatusIntervensi.choices,
        default=StatusIntervensi.SELESAI,
    )
    instansi_pemilik = models.ForeignKey(
        Instansi,
        verbose_name=_("instansi pencatat"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="intervensi_dicatat",
        help_text=_("Instansi yang mencatat; hanya instansi ini yang boleh mengubah."),
    )
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dicatat oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    objects = IntervensiQuerySet.as_manager()

    class Meta:
        verbose_name = _("intervensi")
        verbose_name_plural = _("intervensi")
        ordering = ["-tanggal", "-id"]
        indexes = [models.Index(fields=["kampung", "-tanggal"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(tanggal__gte=dt.date(2016, 1, 1)),
                name="intervensi_tanggal_min_2016",
            ),
        ]

    def __str__(self) -> str:
        return self.judul

    @property
    def audit_wilayah_kode(self) -> str:
        return self.kampung.desa_id
