"""Regions by Kemendagri code (provinsi, kabupaten/kota, kecamatan, desa/kelurahan)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

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


def ancestor_codes_of(kode: str) -> list[str]:
    """'12.10.09.2009' → ['12', '12.10', '12.10.09'] (provinsi first)."""
    parts = kode.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]


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

    def desa(self, kode: str) -> Wilayah | None:
        """The desa/kelurahan with this code in the queryset, or None."""
        return self.filter(kode=kode.strip(), tingkat=Tingkat.DESA).first()

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
    def is_desa(self) -> bool:
        """A desa or kelurahan (the level a Kampung KB sits on)."""
        return self.tingkat == Tingkat.DESA

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
        return ancestor_codes_of(self.kode)

    def lineage(self) -> list[Wilayah]:
        """Ancestors and self, provinsi first, in one query."""
        return Wilayah.lineage_of(self.kode)

    @staticmethod
    def lineage_of(kode: str) -> list[Wilayah]:
        """The regions from the provinsi down to ``kode``, in one query (the
        codes of the ancestors are read off the code itself)."""
        codes = [*ancestor_codes_of(kode), kode]
        found = {w.kode: w for w in Wilayah.objects.filter(kode__in=codes)}
        return [found[c] for c in codes if c in found]
