"""Completeness of monthly registers (domain.md §2.4 "Kelengkapan laporan").

A register counts as reported when it is diajukan or diverifikasi, and as on
time when it was first submitted on or before the due date (3rd of the next
month). Reads only: a fixed number of queries whatever the number of desa.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from django.db.models import Count, FilteredRelation, Q
from django.db.models.functions import Substr
from django.utils.translation import gettext_lazy as _

from kampungkb.domain import JenisPoktan
from kampungkb.periods import Periode, due_date
from poktan.models import Laporan, Poktan, Status
from villages.models import KODE_LENGTH, Wilayah, tingkat_of


class Keadaan(StrEnum):
    BELUM_MULAI = "belum_mulai"
    DRAF = "draf"
    DIAJUKAN = "diajukan"
    TERLAMBAT = "terlambat"
    DIKEMBALIKAN = "dikembalikan"
    DIVERIFIKASI = "diverifikasi"
    # A Kampung KB without an active poktan: one report owed, none possible.
    TANPA_POKTAN = "tanpa_poktan"


KEADAAN_LABELS = {
    Keadaan.BELUM_MULAI: _("belum mulai"),
    Keadaan.DRAF: _("draf"),
    Keadaan.DIAJUKAN: _("diajukan"),
    Keadaan.TERLAMBAT: _("terlambat"),
    Keadaan.DIKEMBALIKAN: _("dikembalikan"),
    Keadaan.DIVERIFIKASI: _("diverifikasi"),
    Keadaan.TANPA_POKTAN: _("belum ada poktan"),
}
KEADAAN_CSS = {
    Keadaan.BELUM_MULAI: "text-bg-light border",
    Keadaan.DRAF: "text-bg-secondary",
    Keadaan.DIAJUKAN: "text-bg-primary",
    Keadaan.TERLAMBAT: "text-bg-danger",
    Keadaan.DIKEMBALIKAN: "text-bg-warning",
    Keadaan.DIVERIFIKASI: "text-bg-success",
    Keadaan.TANPA_POKTAN: "text-bg-dark",
}


def keadaan(laporan: Laporan | None, due: dt.date, today: dt.date) -> Keadaan:
    """State of one poktan's register for the grid."""
    status = laporan.status if laporan else None
    if status in (Status.DIAJUKAN, Status.DIVERIFIKASI, Status.DIKEMBALIKAN):
        return Keadaan(status)
    if today > due:
        return Keadaan.TERLAMBAT
    return Keadaan.DRAF if status == Status.DRAF else Keadaan.BELUM_MULAI


def is_reported(laporan: Laporan | None) -> bool:
    return laporan is not None and laporan.status in (Status.DIAJUKAN, Status.DIVERIFIKASI)


def is_on_time(laporan: Laporan | None, due: dt.date) -> bool:
    from django.utils import timezone

    return (
        is_reported(laporan)
        and laporan.pertama_diajukan_pada is not None
        and timezone.localdate(laporan.pertama_diajukan_pada) <= due
    )


def rate(part: int, total: int) -> float | None:
    return round(part * 100 / total, 1) if total else None


@dataclass
class Cell:
    poktan: Poktan
    laporan: Laporan | None
    keadaan: Keadaan

    @property
    def label(self):
        return KEADAAN_LABELS[self.keadaan]

    @property
    def css(self):
        return KEADAAN_CSS[self.keadaan]


@dataclass
class DesaRow:
    desa: Wilayah
    cells: dict[str, list[Cell]] = field(default_factory=dict)
    total: int = 0
    reported: int = 0
    on_time: int = 0
    tanpa_poktan: bool = False

    @property
    def name(self) -> str:
        return self.desa.label

    @property
    def tanpa_label(self):
        return KEADAAN_LABELS[Keadaan.TANPA_POKTAN]

    @property
    def columns(self) -> list[list[Cell]]:
        return [self.cells.get(j.value, []) for j in JenisPoktan]

    @property
    def reporting_rate(self):
        return rate(self.reported, self.total)

    @property
    def on_time_rate(self):
        return rate(self.on_time, self.total)


def desa_grid(user, kode: str, periode: Periode, today: dt.date) -> list[DesaRow]:
    """Desa × poktan grid of one kecamatan (or one desa): two queries."""
    due = due_date(periode)
    poktan = (
        Poktan.objects.for_user(user)
        .in_wilayah(kode)
        .filter(aktif=True)
        .select_related("kampung__desa")
        .order_by("kampung__desa_id", "jenis", "nama")
    )
    laporan = {
        lap.poktan_id: lap
        for lap in Laporan.objects.for_user(user)
        .in_wilayah(kode)
        .of(periode)
        .only("id", "poktan_id", "status", "pertama_diajukan_pada", "periode", "version")
    }
    rows: dict[str, DesaRow] = {}
    for p in poktan:
        row = rows.setdefault(p.kampung.desa_id, DesaRow(desa=p.kampung.desa))
        lap = laporan.get(p.pk)
        row.cells.setdefault(p.jenis, []).append(Cell(p, lap, keadaan(lap, due, today)))
        row.total += 1
        row.reported += is_reported(lap)
        row.on_time += is_on_time(lap, due)
    for kampung in kampung_tanpa_poktan(user, kode).select_related("desa"):
        # One report owed and none in: the village lowers the rate, not vanishes.
        rows[kampung.desa_id] = DesaRow(desa=kampung.desa, total=1, tanpa_poktan=True)
    return [rows[k] for k in sorted(rows)]


def kampung_tanpa_poktan(user, kode: str | None):
    """The Kampung KB in scope (under ``kode``) that have no active poktan."""
    from villages.models import KampungKB

    qs = KampungKB.objects.for_user(user).exclude(poktan__aktif=True)
    return qs.in_wilayah(kode) if kode else qs


@dataclass
class RollupRow:
    wilayah: Wilayah | None
    kode: str
    total: int  # reports owed: one per active poktan, one per Kampung KB without
    counts: dict[str, int]
    reported: int
    on_time: int
    poktan: int = 0

    @property
    def reporting_rate(self):
        return rate(self.reported, self.total)

    @property
    def on_time_rate(self):
        return rate(self.on_time, self.total)

    @property
    def name(self) -> str:
        return self.wilayah.label if self.wilayah else self.kode

    @property
    def legend_counts(self) -> list[tuple]:
        return [(KEADAAN_LABELS[k], KEADAAN_CSS[k], self.counts[k]) for k in Keadaan]


def rollup(user, kode: str | None, periode: Periode, today: dt.date) -> list[RollupRow]:
    """Counts per child region (kecamatan of a kabupaten, …), aggregated in the database."""
    due = due_date(periode)
    child_level = (tingkat_of(kode) + 1) if kode else 1
    length = KODE_LENGTH[child_level]
    qs = Poktan.objects.for_user(user).filter(aktif=True)
    if kode:
        qs = qs.in_wilayah(kode)
    by_status = {s.value: Count("id", filter=Q(lap__status=s.value)) for s in Status}
    rows = (
        qs.annotate(
            child=Substr("kampung__desa_id", 1, length),
            lap=FilteredRelation("laporan", condition=Q(laporan__periode=periode.first_day)),
        )
        .values("child")
        .annotate(
            total=Count("id"),
            **by_status,
            tepat=Count(
                "id",
                filter=Q(
                    lap__status__in=[Status.DIAJUKAN, Status.DIVERIFIKASI],
                    lap__pertama_diajukan_pada__date__lte=due,
                ),
            ),
        )
        .order_by("child")
    )
    rows = {r["child"]: r for r in rows}
    tanpa = dict(
        kampung_tanpa_poktan(user, kode)
        .annotate(child=Substr("desa_id", 1, length))
        .values("child")
        .annotate(n=Count("id"))
        .values_list("child", "n")
        .order_by()
    )
    empty = dict.fromkeys(["total", "tepat", *[s.value for s in Status]], 0)
    for child in tanpa:
        rows.setdefault(child, {"child": child, **empty})
    rows = [rows[k] for k in sorted(rows)]
    names = Wilayah.objects.in_bulk([r["child"] for r in rows])
    late = today > due
    result = []
    for r in rows:
        not_started = r["total"] - sum(r[s.value] for s in Status)
        counts = {
            Keadaan.BELUM_MULAI: 0 if late else not_started,
            Keadaan.DRAF: 0 if late else r[Status.DRAF],
            Keadaan.DIAJUKAN: r[Status.DIAJUKAN],
            Keadaan.TERLAMBAT: not_started + r[Status.DRAF] if late else 0,
            Keadaan.DIKEMBALIKAN: r[Status.DIKEMBALIKAN],
            Keadaan.DIVERIFIKASI: r[Status.DIVERIFIKASI],
            Keadaan.TANPA_POKTAN: tanpa.get(r["child"], 0),
        }
        result.append(
            RollupRow(
                wilayah=names.get(r["child"]),
                kode=r["child"],
                total=r["total"] + tanpa.get(r["child"], 0),
                poktan=r["total"],
                counts=counts,
                reported=r[Status.DIAJUKAN] + r[Status.DIVERIFIKASI],
                on_time=r["tepat"],
            )
        )
    return result


def verification_queue(user, kode: str | None, limit: int = 50):
    qs = Laporan.objects.for_user(user).filter(status=Status.DIAJUKAN)
    if kode:
        qs = qs.in_wilayah(kode)
    return qs.select_related("poktan__kampung__desa").order_by("diajukan_pada", "id")[:limit]
