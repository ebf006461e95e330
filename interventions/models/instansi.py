"""Agencies (the 37 official ones and local OPD) and the Inpres 3/2022 activity catalogue."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

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
