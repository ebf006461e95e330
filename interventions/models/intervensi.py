"""Interventions (what an agency did in a Kampung KB) and their photos."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kampungkb.concurrency import VersionedModel
from kampungkb.domain import Sasaran, Seksi, SumberDana
from kampungkb.scoping import ScopedQuerySet

from .instansi import InpresKegiatan, Instansi

# --- Intervensi (domain.md §1.2 new_intervensi) ------------------------------


class JenisIntervensi(models.TextChoices):
    """JenisPostSeeder: 1 Sebelum - Sesudah, 2 Kegiatan."""

    SEBELUM_SESUDAH = "Sebelum - Sesudah", _("Sebelum - Sesudah")
    KEGIATAN = "Kegiatan", _("Kegiatan")


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
        indexes = [
            models.Index(fields=["kampung", "-tanggal"]),
            # The list's default order: a page of the national/provincial list
            # reads 25 rows instead of sorting every intervention (issue 7).
            models.Index(fields=["-tanggal", "-id"], name="intervensi_tanggal_id_idx"),
        ]
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

    def sasaran_labels(self) -> list[str]:
        """The stored codes as the reader's language shows them."""
        labels = dict(Sasaran.choices)
        return [str(labels.get(s, s)) for s in self.sasaran]


class TipeFoto(models.TextChoices):
    """IntervensiGambarTypeSeeder: Kegiatan (jenis 2); Sebelum, Sesudah (jenis 1)."""

    KEGIATAN = "Kegiatan", _("Kegiatan")
    SEBELUM = "Sebelum", _("Sebelum")
    SESUDAH = "Sesudah", _("Sesudah")


MAKS_FOTO = 5


def foto_path(instance: FotoIntervensi, filename: str) -> str:
    # Under MEDIA_ROOT, which no URL serves: the scoped view reads it.
    return f"privat/intervensi/{instance.intervensi_id}/{filename}"


class FotoIntervensiQuerySet(ScopedQuerySet):
    scope_path = "intervensi__kampung__desa__kode"


class FotoIntervensi(models.Model):
    intervensi = models.ForeignKey(
        Intervensi, verbose_name=_("intervensi"), on_delete=models.CASCADE, related_name="foto"
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"))
    berkas = models.FileField(_("berkas"), upload_to=foto_path, max_length=255)
    keterangan = models.CharField(_("keterangan foto"), max_length=200, blank=True)
    tipe = models.CharField(
        _("tipe foto"), max_length=10, choices=TipeFoto.choices, default=TipeFoto.KEGIATAN
    )
    publik = models.BooleanField(
        _("boleh tampil di halaman publik"),
        default=False,
        help_text=_("Jangan centang bila foto memperlihatkan wajah anak atau data pribadi."),
    )
    lebar = models.PositiveIntegerField(default=0)
    tinggi = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = FotoIntervensiQuerySet.as_manager()

    class Meta:
        verbose_name = _("foto intervensi")
        verbose_name_plural = _("foto intervensi")
        ordering = ["intervensi_id", "urutan"]
        constraints = [
            # At most MAKS_FOTO photos: the slot number is 1..5 and unique.
            models.UniqueConstraint(fields=["intervensi", "urutan"], name="foto_urutan_unik"),
            models.CheckConstraint(
                condition=models.Q(urutan__gte=1, urutan__lte=MAKS_FOTO), name="foto_maks_5"
            ),
        ]

    def __str__(self) -> str:
        return self.keterangan or f"{self.intervensi} #{self.urutan}"

    @property
    def audit_wilayah_kode(self) -> str:
        return self.intervensi.kampung.desa_id


# --- Inovasi daerah (domain.md §4.2) ----------------------------------------
