"""Skor kematangan inovasi (domain.md §4.6), its predikat, and what evidence is missing.

skor kematangan = Σ bobot of the parameters chosen for the indicators of the
innovation's IID year that have evidence (document or link) — max 111 with
the 2023 table. The bobot is the one stored with the evidence when the
parameter was chosen, so editing any year's configuration later never
changes a stored score.

Predikat (proyeksi): the skor kematangan as an index 0–100 of the year's
maximum (Σ of each indicator's highest bobot, 111 in 2023), rounded to 2
decimals half away from zero as PostgreSQL's ``round(numeric, 2)``, placed in
the year's configured bands (2023: Sangat Inovatif 60,01–100; Inovatif
35,00–60,00; Kurang Inovatif 0,01–34,99; Tidak Dapat Dinilai 0). It is a
projection for one innovation: the regional IID also needs the SPD
indicators, which a Kampung KB portal does not hold.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Case, DecimalField, F, Max, Q, QuerySet, Value, When
from django.db.models.functions import Round
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
    predikat: PredikatIID | None = None  # the band the index falls in (projection)

    @property
    def kurang(self) -> list[BarisIndikator]:
        return [b for b in self.baris if b.kurang]

    @property
    def persen(self) -> Decimal:
        return nilai_indeks(self.skor, self.skor_maks)


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
    skor = sum((r.skor for r in baris), Decimal(0))
    skor_maks = sum((r.bobot_maks for r in baris), Decimal(0))
    return Kematangan(
        baris=baris,
        skor=skor,
        skor_maks=skor_maks,
        predikat=pita(inovasi.tahun_iid_id, nilai_indeks(skor, skor_maks)),
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


def nilai_indeks(skor: Decimal, skor_maks: Decimal) -> Decimal:
    """skor ÷ skor maksimum × 100, rounded to 2 decimals half away from zero (0 if no max)."""
    if not skor_maks:
        return Decimal("0.00")
    return (Decimal(skor) * 100 / Decimal(skor_maks)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )


def pita(tahun_id: int | None, nilai: Decimal) -> PredikatIID | None:
    """The configured predicate band of an index value 0–100 for that year (1 query)."""
    nilai = Decimal(nilai).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return (
        PredikatIID.objects.filter(tahun_id=tahun_id, batas_bawah__lte=nilai, batas_atas__gte=nilai)
        .order_by("-batas_bawah")
        .first()
    )


def predikat(tahun_id: int, nilai: Decimal) -> str:
    band = pita(tahun_id, nilai)
    return band.nama if band else ""


def skor_maks_per_tahun() -> dict[int, Decimal]:
    """Each IID year's maximum skor kematangan: Σ over its indicators of the highest bobot."""
    maks: dict[int, Decimal] = {}
    rows = IndikatorIID.objects.values("tahun_id", "pk").annotate(m=Max("parameter__bobot"))
    for row in rows:
        maks[row["tahun_id"]] = maks.get(row["tahun_id"], Decimal(0)) + (row["m"] or 0)
    return maks


def with_nilai_indeks(qs: QuerySet[Inovasi], maks: dict[int, Decimal]) -> QuerySet[Inovasi]:
    """Annotate ``nilai_indeks`` (0–100, 2 decimals) computed in SQL as ``nilai_indeks`` does."""
    per_tahun = [When(tahun_iid_id=t, then=Value(m)) for t, m in maks.items() if m]
    if not per_tahun:
        return qs.annotate(nilai_indeks=Value(Decimal(0), output_field=DecimalField()))
    maks_expr = Case(*per_tahun, default=None, output_field=DecimalField())
    return qs.annotate(
        nilai_indeks=Round(F("skor_kematangan") * 100 / maks_expr, 2, output_field=DecimalField())
    )


def filter_predikat(qs: QuerySet[Inovasi], nama: str) -> QuerySet[Inovasi]:
    """Innovations whose projected predikat is ``nama`` in their own IID year's bands."""
    maks = skor_maks_per_tahun()
    cond = Q(pk__in=[])
    for band in PredikatIID.objects.filter(nama=nama):
        cond |= Q(
            tahun_iid_id=band.tahun_id,
            nilai_indeks__gte=band.batas_bawah,
            nilai_indeks__lte=band.batas_atas,
        )
    return with_nilai_indeks(qs, maks).filter(cond)


def predikat_map(inovasi_list: list[Inovasi]) -> dict[int, PredikatIID | None]:
    """Projected band of each listed innovation (2 queries, whatever the list's length)."""
    maks = skor_maks_per_tahun()
    bands = list(PredikatIID.objects.order_by("-batas_bawah"))
    result = {}
    for obj in inovasi_list:
        nilai = nilai_indeks(obj.skor_kematangan, maks.get(obj.tahun_iid_id, Decimal(0)))
        result[obj.pk] = next(
            (
                b
                for b in bands
                if b.tahun_id == obj.tahun_iid_id and b.batas_bawah <= nilai <= b.batas_atas
            ),
            None,
        )
    return result
