"""Skor kematangan inovasi (domain.md §4.6) and what evidence is missing.

skor kematangan = Σ bobot of the parameters chosen for the indicators of the
innovation's IID year that have evidence (document or link) — max 111 with
the 2023 table. The bobot is the one stored with the evidence when the
parameter was chosen, so editing any year's configuration later never
changes a stored score.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from interventions.models import BuktiIID, IndikatorIID, Inovasi, PredikatIID


@dataclass
class BarisIndikator:
    indikator: IndikatorIID
    bukti: BuktiIID | None
    bobot_maks: Decimal
    kurang: str  # "" when complete, else what is missing

    @property
    def skor(self) -> Decimal:
        return self.bukti.bobot if self.bukti and not self.kurang else Decimal(0)


@dataclass
class Kematangan:
    baris: list[BarisIndikator]
    skor: Decimal
    skor_maks: Decimal

    @property
    def kurang(self) -> list[BarisIndikator]:
        return [b for b in self.baris if b.kurang]

    @property
    def persen(self) -> Decimal:
        return self.skor / self.skor_maks * 100 if self.skor_maks else Decimal(0)


BELUM_PARAMETER = _("Parameter belum dipilih")
BELUM_BUKTI = _("Dokumen atau tautan bukti belum ada")


def kekurangan(bukti: BuktiIID | None) -> str:
    if bukti is None or bukti.parameter_id is None:
        return str(BELUM_PARAMETER)
    if not bukti.ada_bukti:
        return str(BELUM_BUKTI)
    return ""


def kematangan(inovasi: Inovasi) -> Kematangan:
    """Per-indicator rows, score and maximum for the innovation's IID year (2 queries)."""
    indikator = list(
        IndikatorIID.objects.filter(tahun_id=inovasi.tahun_iid_id).prefetch_related("parameter")
    )
    bukti = {
        b.indikator_id: b
        for b in BuktiIID.objects.filter(inovasi=inovasi).select_related("parameter")
    }
    baris = []
    for ind in indikator:
        b = bukti.get(ind.pk)
        maks = max((p.bobot for p in ind.parameter.all()), default=Decimal(0))
        baris.append(BarisIndikator(ind, b, maks, kekurangan(b)))
    return Kematangan(
        baris=baris,
        skor=sum((r.skor for r in baris), Decimal(0)),
        skor_maks=sum((r.bobot_maks for r in baris), Decimal(0)),
    )


def skor_tersimpan(inovasi: Inovasi) -> Decimal:
    """Σ stored bobot of the evidenced indicators of the innovation's year (1 query)."""
    total = Decimal(0)
    for b in BuktiIID.objects.filter(
        inovasi=inovasi, indikator__tahun_id=inovasi.tahun_iid_id, parameter__isnull=False
    ):
        if b.ada_bukti:
            total += b.bobot
    return total


def predikat(tahun_id: int, nilai: Decimal) -> str:
    """The configured predicate band of an index value 0–100 for that year."""
    nilai = Decimal(nilai).quantize(Decimal("0.01"))
    band = (
        PredikatIID.objects.filter(tahun_id=tahun_id, batas_bawah__lte=nilai, batas_atas__gte=nilai)
        .order_by("-batas_bawah")
        .first()
    )
    return band.nama if band else ""
