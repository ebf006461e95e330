"""Photos of a register's meetings (issue 15 item 2: "foto kegiatan").

A photo belongs to the register (``Laporan``), not to one ``Pertemuan`` row:
the register's save replaces its meeting rows whenever one of them changes
(and the offline form replays the whole register), so a photo hung on a row
would vanish with an edited date or materi. At most ``MAKS_FOTO`` a month;
its ``keterangan`` may name the meeting. Loaded by ``poktan.models``."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kampungkb.scoping import ScopedQuerySet

MAKS_FOTO = 3


def foto_path(instance: FotoKegiatan, filename: str) -> str:
    # Under MEDIA_ROOT, which no URL serves: the scoped view reads it.
    return f"privat/poktan/laporan/{instance.laporan_id}/{filename}"


class FotoKegiatanQuerySet(ScopedQuerySet):
    scope_path = "laporan__poktan__kampung__desa__kode"


class FotoKegiatan(models.Model):
    laporan = models.ForeignKey(
        "poktan.Laporan", on_delete=models.CASCADE, related_name="foto", verbose_name=_("laporan")
    )
    berkas = models.FileField(_("foto"), upload_to=foto_path, max_length=255)
    lebar = models.PositiveIntegerField(default=0, editable=False)
    tinggi = models.PositiveIntegerField(default=0, editable=False)
    keterangan = models.CharField(_("keterangan foto"), max_length=200, blank=True)
    diunggah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = FotoKegiatanQuerySet.as_manager()

    class Meta:
        verbose_name = _("foto kegiatan")
        verbose_name_plural = _("foto kegiatan")
        ordering = ["laporan_id", "id"]

    def __str__(self) -> str:
        return self.keterangan or f"foto {self.pk}"

    @property
    def audit_wilayah_kode(self) -> str:
        return self.laporan.poktan.kampung.desa_id
