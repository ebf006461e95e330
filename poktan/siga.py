"""SIGA form fields of the poktan registers (domain.md §2.2, §2.3; issue 15 item 2).

The K/0 potensi card and the R/I register carry a few fields the portal's
own figures do not need but the PKB transcribes into SIGA: the tahapan KS
and kemandirian KB of each member family, the UPPKS member's jabatan and
modal diperoleh, the BKB group's sertifikasi and total balita, the kader's
pekerjaan / status PUS / kesertaan KB, "ada diskusi" of a penyuluhan, the
notulen of the month.

All of them are optional, for every month: registers saved before they
existed stay valid, and a blank value reads "belum diisi" (unknown), never
zero or "tidak". The R/I print counts what is filled and shows the rest as
"belum diisi" so the PKB sees what to ask the kader.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from kampungkb.domain import JenisPoktan, Kontrasepsi


class TahapanKS(models.TextChoices):
    """Tahapan keluarga sejahtera (legacy SIGA/PK enumeration, domain.md §2.3)."""

    PRA_S = "Pra-S", "Pra-S (Pra Sejahtera)"
    KS_I = "KS I", "KS I"
    KS_II = "KS II", "KS II"
    KS_III = "KS III", "KS III"
    KS_III_PLUS = "KS III+", "KS III+"


class KemandirianKB(models.TextChoices):
    """Where a KB user gets the service (Register UPPKS "Kemandirian KB";
    Pembinaan PUS "Pemerintah/Swasta", domain.md §2.2)."""

    PEMERINTAH = "Pemerintah", _("Pemerintah")
    SWASTA = "Swasta", _("Swasta")


# Registers with a HADIR/TIDAK column per family (R/I/BKB, R/I/BKR, R/I/BKL):
# there the KB participation of the month is counted over the families who
# attended, as the register lists Status PUS and Kesertaan KB beside the tick.
JENIS_HADIR = (JenisPoktan.BKB, JenisPoktan.BKR, JenisPoktan.BKL)


def keluarga_aggregates() -> dict[str, Any]:
    """Counts of member families by tahapan KS and kemandirian KB (for one
    ``aggregate`` together with the KB counts)."""
    return {
        # Aliases by position: the values hold spaces and "+".
        **{f"ks_{i}": Count("id", filter=Q(tahapan_ks=t.value)) for i, t in enumerate(TahapanKS)},
        **{
            f"mandiri_{i}": Count("id", filter=Q(kemandirian_kb=k.value))
            for i, k in enumerate(KemandirianKB)
        },
        "modal_diperoleh": Sum("modal_diperoleh"),
    }


def keluarga_counts(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "tahapan_ks": {t.value: row[f"ks_{i}"] for i, t in enumerate(TahapanKS)},
        "kemandirian": {k.value: row[f"mandiri_{i}"] for i, k in enumerate(KemandirianKB)},
        # UPPKS "Jumlah Modal Diperoleh": None when no member has it filled in.
        "modal_diperoleh": row["modal_diperoleh"],
    }


def kesertaan_hadir(anggota_qs, hadir: list[int]) -> dict[str, Any]:
    """PUS and KB users among the families who attended (one query)."""
    row = anggota_qs.filter(pk__in=hadir).aggregate(
        keluarga=Count("id"),
        pus=Count("id", filter=Q(status_pus=True)),
        peserta=Count("id", filter=~Q(metode_kb="")),
        **{f"m_{m.value}": Count("id", filter=Q(metode_kb=m.value)) for m in Kontrasepsi},
    )
    return {
        "keluarga": row["keluarga"],
        "pus": row["pus"],
        "peserta": row["peserta"],
        "metode": {m.value: row[f"m_{m.value}"] for m in Kontrasepsi},
    }
