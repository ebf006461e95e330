"""One definition of each figure a desa row counts, shared by the per-desa
refresh (``reports.sources``), the set-wise rebuild
(``reports.summaries_setwise``) and the recap documents
(``reports.documents.rekap_poktan``) — so the dashboard, the rebuild and the
PDF cannot drift apart.

- **laporan masuk**: a register submitted, verified or not (``MASUK``);
- **laporan terverifikasi** / **dikembalikan**: by status;
- **tepat waktu**: first submitted (``pertama_diajukan_pada``, else
  ``diajukan_pada``) on or before the due date, in local time (WIB);
- **laporan wajib**: one per active poktan, and one for a Kampung KB without
  any (it owes a report it cannot send);
- **desa lengkap**: every report owed is in.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import timezone

from kampungkb.domain import Kontrasepsi, NonKontrasepsi
from poktan.models import Status
from villages.choices import POKTAN_PENYEBUT, POKTAN_SLUG

MASUK = (Status.DIAJUKAN, Status.DIVERIFIKASI)
TERVERIFIKASI = Status.DIVERIFIKASI
DIKEMBALIKAN = Status.DIKEMBALIKAN


def is_masuk(status: str) -> bool:
    return status in MASUK


def submitted_at(pertama_diajukan_pada, diajukan_pada) -> dt.datetime | None:
    """When a register was first submitted (a resubmission keeps the first time)."""
    return pertama_diajukan_pada or diajukan_pada


def tepat_waktu(submitted: dt.datetime | None, due: dt.date) -> bool:
    return submitted is not None and timezone.localtime(submitted).date() <= due


def tepat_waktu_sql(laporan: str, due: str) -> str:
    """``tepat_waktu`` in SQL, for table alias ``laporan`` and a due-date
    column ``due``; one parameter: the time zone (settings.TIME_ZONE)."""
    submitted = f"coalesce({laporan}.pertama_diajukan_pada, {laporan}.diajukan_pada)"
    return f"({submitted} AT TIME ZONE %s)::date <= {due}"


def _jenis_row() -> dict:
    return {"poktan": 0, "anggota": 0, "hadir": 0, "masuk": 0}


@dataclass
class PoktanTally:
    """The poktan figures of one desa × month, fed poktan counts and
    registers (one at a time, or grouped by type and status)."""

    jenis: dict = field(default_factory=lambda: defaultdict(_jenis_row))
    masuk: int = 0
    tepat: int = 0
    verif: int = 0
    kembali: int = 0

    def poktan(self, jenis: str, n: int) -> None:
        self.jenis[jenis]["poktan"] = n

    def laporan(self, jenis: str, status: str, *, n=1, anggota=0, hadir=0, tepat=0) -> None:
        """``n`` registers of one type and status; ``anggota``, ``hadir`` and
        ``tepat`` (how many on time) are their sums."""
        if not is_masuk(status):
            self.kembali += n if status == DIKEMBALIKAN else 0
            return
        data = self.jenis[jenis]
        data["masuk"] += n
        data["anggota"] += anggota
        data["hadir"] += hadir
        self.masuk += n
        self.verif += n if status == TERVERIFIKASI else 0
        self.tepat += tepat

    def values(self) -> dict:
        return poktan_values(self.jenis, self.masuk, self.tepat, self.verif, self.kembali)


def poktan_values(jenis: dict, masuk: int, tepat: int, verif: int, kembali: int) -> dict:
    """The poktan figures of a desa row.

    A Kampung KB without an active poktan owes one report it cannot send: it
    counts in ``laporan_wajib`` (and never as complete), so it lowers the
    reporting rate instead of vanishing from it."""
    poktan = sum(d["poktan"] for d in jenis.values())
    tanpa = int(poktan == 0)
    wajib = poktan + tanpa
    return {
        "jumlah_poktan": poktan,
        "poktan_jenis": dict(jenis),
        "laporan_wajib": wajib,
        "laporan_masuk": masuk,
        "laporan_tepat_waktu": tepat,
        "laporan_diverifikasi": verif,
        "laporan_dikembalikan": kembali,
        "desa_lengkap": int(masuk >= wajib),
        "kampung_tanpa_poktan": tanpa,
    }


def snapshot_values(kelas, penduduk, kkbpk) -> dict:
    """Classification, population and KKBPK figures of the snapshots in
    force (model instances, or rows with the same attribute names)."""
    values: dict = {"kelas": "", "kelas_jumlah": {}}
    if kelas is not None:
        values |= {
            "kelas": kelas.kelas,
            "kelas_jumlah": {kelas.kelas: 1},
            "indeks_input": kelas.indeks_input,
            "indeks_proses": kelas.indeks_proses,
            "indeks_output": kelas.indeks_output,
        }
    if penduduk is not None:
        values |= {
            "jumlah_jiwa": penduduk.jumlah_jiwa,
            "jumlah_keluarga": penduduk.keluarga,
            "pus": penduduk.pus,
        }
    if kkbpk is not None:
        values |= {
            "peserta_kb": kkbpk.peserta_kb,
            "peserta_mkjp": kkbpk.peserta_mkjp,
            "unmet": kkbpk.unmet,
            "metode": {k.value: getattr(kkbpk, f"kb_{k.value.lower()}") for k in Kontrasepsi},
            "tidak_kb": {n.value: getattr(kkbpk, f"non_{n.value}") for n in NonKontrasepsi},
            "partisipasi": {
                str(jenis): {
                    "ikut": getattr(kkbpk, f"ikut_{slug}"),
                    "sasaran": getattr(penduduk, POKTAN_PENYEBUT[jenis]) if penduduk else 0,
                }
                for jenis, slug in POKTAN_SLUG.items()
            },
        }
    return values
