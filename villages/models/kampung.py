"""The Kampung KB profile, its village potentials and its Pokja with members."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models.functions import Left
from django.utils.translation import gettext_lazy as _

from kampungkb.concurrency import VersionedModel
from kampungkb.scoping import ScopedQuerySet, scoped_queryset
from villages.choices import (
    CakupanWilayah,
    JabatanPokja,
    KategoriPotensi,
    Kelas,
    Kriteria,
)

from .wilayah import Tingkat, Wilayah, tingkat_of


def berkas_kampung_path(instance, filename: str) -> str:
    """Uploaded files under the desa code; served only through scoped views."""
    kampung = getattr(instance, "kampung", instance)
    return f"kampung/{kampung.desa_id}/{filename}"


class KampungKBQuerySet(ScopedQuerySet):
    scope_path = "desa__kode"


class KampungKB(VersionedModel):
    """One Kampung KB per desa (the official app's unique active desa_id)."""

    desa = models.OneToOneField(
        Wilayah,
        verbose_name=_("desa/kelurahan"),
        on_delete=models.PROTECT,
        related_name="kampung_kb",
        limit_choices_to={"tingkat": Tingkat.DESA},
    )
    nama = models.CharField(_("nama Kampung KB"), max_length=150)
    tanggal_pencanangan = models.DateField(
        _("tanggal pencanangan"),
        validators=[
            MinValueValidator(dt.date(2016, 1, 1), _("Tidak boleh sebelum 1 Januari 2016."))
        ],
    )
    updated_at = models.DateTimeField(auto_now=True)

    cakupan_wilayah = models.CharField(
        _("cakupan wilayah"), max_length=10, choices=CakupanWilayah.choices, blank=True
    )
    gambaran_umum = models.TextField(_("gambaran umum"), blank=True)
    visi = models.TextField(_("visi"), blank=True)
    # Ordered lists of sentences, kept in the order the village wrote them.
    misi = models.JSONField(_("misi"), default=list, blank=True)
    faktor_pendukung = models.JSONField(_("faktor pendukung"), default=list, blank=True)
    faktor_penghambat = models.JSONField(_("faktor penghambat"), default=list, blank=True)
    kriteria = models.JSONField(_("kriteria pembentukan"), default=list, blank=True)
    kriteria_lainnya = models.CharField(_("kriteria lainnya"), max_length=255, blank=True)
    foto_sampul = models.ImageField(
        _("foto sampul"), upload_to=berkas_kampung_path, blank=True, max_length=255
    )
    struktur_organisasi = models.ImageField(
        _("bagan struktur badan pengurus"),
        upload_to=berkas_kampung_path,
        blank=True,
        max_length=255,
    )
    latitude = models.DecimalField(
        _("lintang"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("bujur"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    # "Kampung KB percontohan": one model village per kabupaten and per province.
    # The region codes are generated from the desa code so a partial unique
    # index can enforce "at most one" in the database.
    percontohan_kabupaten = models.BooleanField(_("percontohan kabupaten"), default=False)
    percontohan_provinsi = models.BooleanField(_("percontohan provinsi"), default=False)
    kabupaten_kode = models.GeneratedField(
        expression=Left("desa", 5), output_field=models.CharField(max_length=5), db_persist=True
    )
    provinsi_kode = models.GeneratedField(
        expression=Left("desa", 2), output_field=models.CharField(max_length=2), db_persist=True
    )
    # The class of the current snapshots, written by services (lists filter on it).
    kelas = models.CharField(_("klasifikasi"), max_length=16, choices=Kelas.choices, blank=True)
    # What the demo seed invented for this village (keys of kampungkb.contoh.LABELS);
    # pages and PDFs mark them "contoh". Empty for every real Kampung KB.
    contoh = models.JSONField(_("data contoh"), default=list, blank=True)

    objects = KampungKBQuerySet.as_manager()

    class Meta:
        verbose_name = _("Kampung KB")
        verbose_name_plural = _("Kampung KB")
        ordering = ["desa_id"]
        indexes = [
            # The home page's class count of a region reads this index alone
            # (an index-only scan instead of the wide table: 40 → 16 ms nationally).
            models.Index(fields=["desa_id"], include=["kelas"], name="kampungkb_desa_kelas_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(tanggal_pencanangan__gte=dt.date(2016, 1, 1)),
                name="kampung_pencanangan_min_2016",
            ),
            models.UniqueConstraint(
                fields=["kabupaten_kode"],
                condition=models.Q(percontohan_kabupaten=True),
                name="kampung_percontohan_satu_per_kabupaten",
                violation_error_message=_("Kabupaten ini sudah punya Kampung KB percontohan."),
            ),
            models.UniqueConstraint(
                fields=["provinsi_kode"],
                condition=models.Q(percontohan_provinsi=True),
                name="kampung_percontohan_satu_per_provinsi",
                violation_error_message=_("Provinsi ini sudah punya Kampung KB percontohan."),
            ),
            models.CheckConstraint(
                condition=models.Q(latitude__gte=-90, latitude__lte=90)
                | models.Q(latitude__isnull=True),
                name="kampung_latitude_sah",
            ),
            models.CheckConstraint(
                condition=models.Q(longitude__gte=-180, longitude__lte=180)
                | models.Q(longitude__isnull=True),
                name="kampung_longitude_sah",
            ),
        ]

    def __str__(self) -> str:
        return self.nama

    @property
    def audit_wilayah_kode(self) -> str:
        return self.desa_id

    def kriteria_labels(self) -> list[str]:
        """The official descriptions of the ticked kriteria pembentukan."""
        labels = dict(Kriteria.choices)
        texts = [str(labels.get(k, k)) for k in self.kriteria if k != Kriteria.LAINNYA]
        if Kriteria.LAINNYA in self.kriteria and self.kriteria_lainnya:
            texts.append(self.kriteria_lainnya)
        return texts

    def clean(self) -> None:
        if self.desa_id and tingkat_of(self.desa_id) != Tingkat.DESA:
            raise ValidationError({"desa": _("Kampung KB harus berada di desa/kelurahan.")})


# --------------------------------------------------------------------------
# Kampung KB profile (issue 3). KampungKB above keeps its identity fields; the
# profile, pokja, snapshots and classification live below.


class PotensiDesa(models.Model):
    """One potential of the village (a product, a place, an achievement), by category."""

    kampung = models.ForeignKey(KampungKB, on_delete=models.CASCADE, related_name="potensi")
    kategori = models.CharField(_("kategori"), max_length=20, choices=KategoriPotensi.choices)
    nama = models.CharField(_("potensi"), max_length=200)
    urutan = models.PositiveSmallIntegerField(default=0)

    objects = scoped_queryset("kampung__desa__kode").as_manager()

    class Meta:
        verbose_name = _("potensi desa")
        verbose_name_plural = _("potensi desa")
        ordering = ["kampung", "urutan", "id"]

    def __str__(self) -> str:
        return self.nama


class Pokja(VersionedModel):
    """Kelompok Kerja Kampung KB and its SK (usually issued by the Kepala Desa)."""

    kampung = models.OneToOneField(KampungKB, on_delete=models.CASCADE, related_name="pokja")
    sk_nomor = models.CharField(_("nomor SK"), max_length=100, blank=True)
    sk_tanggal = models.DateField(_("tanggal SK"), null=True, blank=True)
    sk_penerbit = models.CharField(
        _("penerbit SK"), max_length=150, blank=True, help_text=_("Mis. Kepala Desa Pondok Batu")
    )
    sk_berkas = models.FileField(
        _("berkas SK"), upload_to=berkas_kampung_path, blank=True, max_length=255
    )
    catatan = models.TextField(_("catatan"), blank=True)

    objects = scoped_queryset("kampung__desa__kode").as_manager()

    class Meta:
        verbose_name = _("Pokja Kampung KB")
        verbose_name_plural = _("Pokja Kampung KB")

    def __str__(self) -> str:
        return str(_("Pokja %(k)s") % {"k": self.kampung})

    @property
    def audit_wilayah_kode(self) -> str:
        return self.kampung.desa_id


class AnggotaPokja(models.Model):
    """A named member; contacts are shown only to logged-in users in scope."""

    pokja = models.ForeignKey(Pokja, on_delete=models.CASCADE, related_name="anggota")
    nama = models.CharField(_("nama"), max_length=150)
    jabatan = models.CharField(_("jabatan"), max_length=40, choices=JabatanPokja.choices)
    terlatih = models.BooleanField(_("sudah dilatih/disosialisasi"), default=False)
    telepon = models.CharField(_("telepon"), max_length=20, blank=True)
    urutan = models.PositiveSmallIntegerField(default=0)

    objects = scoped_queryset("pokja__kampung__desa__kode").as_manager()

    class Meta:
        verbose_name = _("anggota Pokja")
        verbose_name_plural = _("anggota Pokja")
        ordering = ["pokja", "urutan", "id"]

    def __str__(self) -> str:
        return f"{self.nama} ({self.jabatan})"
