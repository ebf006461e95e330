"""Regions (Kemendagri codes) and Kampung KB profiles."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from kampungkb.concurrency import VersionedModel
from kampungkb.scoping import ScopedQuerySet


class Tingkat(models.IntegerChoices):
    PROVINSI = 1, _("Provinsi")
    KABUPATEN = 2, _("Kabupaten/Kota")
    KECAMATAN = 3, _("Kecamatan")
    DESA = 4, _("Desa/Kelurahan")


# Length of a dotted Kemendagri code at each level: 12 / 12.10 / 12.10.09 / 12.10.09.2009
KODE_LENGTH = {1: 2, 2: 5, 3: 8, 4: 13}


def tingkat_of(kode: str) -> int:
    return kode.count(".") + 1


def induk_of(kode: str) -> str | None:
    return kode.rsplit(".", 1)[0] if "." in kode else None


class WilayahQuerySet(ScopedQuerySet):
    scope_path = "kode"

    def for_user(self, user):
        """A user sees their own region, everything beneath it and the regions
        above it (for breadcrumbs), but nothing beside it."""
        scoped = super().for_user(user)
        if getattr(user, "is_authenticated", False) and user.wilayah_id:
            ancestors = []
            kode = user.wilayah_id
            while (kode := induk_of(kode)) is not None:
                ancestors.append(kode)
            return scoped | self.filter(kode__in=ancestors)
        return scoped

    def children_of(self, kode: str | None):
        if kode is None:
            return self.filter(tingkat=Tingkat.PROVINSI)
        return self.filter(induk_id=kode)


class Wilayah(models.Model):
    """An administrative region keyed by its dotted Kemendagri code (design.md §4.9).

    Never keyed by name: three villages are called Pondok Batu."""

    kode = models.CharField(_("kode Kemendagri"), max_length=13, primary_key=True)
    nama = models.CharField(_("nama"), max_length=120)
    tingkat = models.PositiveSmallIntegerField(_("tingkat"), choices=Tingkat.choices)
    induk = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="anak"
    )

    objects = WilayahQuerySet.as_manager()

    class Meta:
        verbose_name = _("wilayah")
        verbose_name_plural = _("wilayah")
        ordering = ["kode"]
        indexes = [
            models.Index(fields=["tingkat", "kode"]),
            models.Index(fields=["nama"]),
        ]

    def __str__(self) -> str:
        return self.nama

    @property
    def is_kelurahan(self) -> bool:
        # In the desa part DDDD, a leading 1 marks a kelurahan and 2 a desa.
        return self.tingkat == Tingkat.DESA and self.kode.rsplit(".", 1)[-1].startswith("1")

    @property
    def label(self) -> str:
        """'Kec. Bilah Hulu', 'Desa Pondok Batu'; kabupaten names already say it."""
        prefix = {
            Tingkat.KECAMATAN: "Kec.",
            Tingkat.DESA: "Kel." if self.is_kelurahan else "Desa",
        }.get(self.tingkat)
        return f"{prefix} {self.nama}" if prefix else self.nama

    def ancestor_codes(self) -> list[str]:
        codes, kode = [], self.kode
        while (kode := induk_of(kode)) is not None:
            codes.insert(0, kode)
        return codes

    def lineage(self) -> list[Wilayah]:
        """Ancestors and self, provinsi first, in one query."""
        codes = [*self.ancestor_codes(), self.kode]
        found = {w.kode: w for w in Wilayah.objects.filter(kode__in=codes)}
        return [found[c] for c in codes if c in found]


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

    objects = KampungKBQuerySet.as_manager()

    class Meta:
        verbose_name = _("Kampung KB")
        verbose_name_plural = _("Kampung KB")
        ordering = ["desa_id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(tanggal_pencanangan__gte=dt.date(2016, 1, 1)),
                name="kampung_pencanangan_min_2016",
            )
        ]

    def __str__(self) -> str:
        return self.nama

    @property
    def audit_wilayah_kode(self) -> str:
        return self.desa_id

    def clean(self) -> None:
        if self.desa_id and tingkat_of(self.desa_id) != Tingkat.DESA:
            raise ValidationError({"desa": _("Kampung KB harus berada di desa/kelurahan.")})
