"""Reporting periods (design.md §4.2).

A period is a calendar month. It opens on its first day, is due on the
``hari_batas``-th of the next month (3 by SIGA rule: R/I registers are
"dilaporkan paling lambat tanggal 3 bulan berikutnya"), and locks
``hari_kunci`` days after the due date. The kabupaten can reopen one desa ×
period (``PeriodeBuka``). Past months can be back-filled while open.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kampungkb import timefmt

_PERIODE_RE = re.compile(r"^(\d{4})-(\d{2})$")


class PeriodeStatus(StrEnum):
    BELUM_DIBUKA = "belum_dibuka"
    TERBUKA = "terbuka"
    DIBUKA_KEMBALI = "dibuka_kembali"
    TERKUNCI = "terkunci"

    @property
    def is_open(self) -> bool:
        """A register of the month can be written (open, or reopened for the desa)."""
        return self in (PeriodeStatus.TERBUKA, PeriodeStatus.DIBUKA_KEMBALI)


BAD_PERIODE = _(
    "Periode “%(v)s” tidak dikenali: tulis tahun-bulan, mis. 2026-11. Ditampilkan %(p)s."
)

STATUS_LABELS = {
    PeriodeStatus.BELUM_DIBUKA: _("belum dibuka"),
    PeriodeStatus.TERBUKA: _("terbuka"),
    PeriodeStatus.DIBUKA_KEMBALI: _("dibuka kembali"),
    PeriodeStatus.TERKUNCI: _("terkunci"),
}


@dataclass(frozen=True, order=True)
class Periode:
    """A calendar month. Any month can be represented (so ``prev()`` of the
    first programme month works); ``parse`` accepts only the months a user may
    ask for, PERIODE_MIN … PERIODE_MAX."""

    year: int
    month: int

    def __post_init__(self):
        if not 1 <= self.month <= 12 or not 1 <= self.year <= 9998:
            raise ValueError(f"periode tidak sah: {self.year}-{self.month}")

    @classmethod
    def parse(cls, value: str) -> Periode:
        """'2026-11' → Periode(2026, 11); ValueError on anything else, including
        months before the programme began (January 2016) or after 2100."""
        match = _PERIODE_RE.match(value or "")
        if not match:
            raise ValueError(f"periode tidak sah: {value!r}")
        periode = cls(int(match[1]), int(match[2]))
        if not PERIODE_MIN <= periode <= PERIODE_MAX:
            raise ValueError(f"periode di luar jangkauan: {value!r}")
        return periode

    @property
    def in_range(self) -> bool:
        return PERIODE_MIN <= self <= PERIODE_MAX

    @classmethod
    def of(cls, day: dt.date) -> Periode:
        return cls(day.year, day.month)

    @classmethod
    def current(cls) -> Periode:
        return cls.of(timezone.localdate())

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    @property
    def last_day(self) -> dt.date:
        return self.next().first_day - dt.timedelta(days=1)

    def next(self) -> Periode:
        return Periode(self.year + self.month // 12, self.month % 12 + 1)

    def prev(self) -> Periode:
        return Periode(self.year - (self.month == 1), (self.month - 2) % 12 + 1)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def label(self) -> str:
        """'November 2026' in the active language."""
        return timefmt.format_value(self.first_day, "F Y")


# Kampung KB was launched on 14 January 2016; nothing is reported before it.
PERIODE_MIN = Periode(2016, 1)
PERIODE_MAX = Periode(2100, 12)


def aturan_for(periode: Periode) -> tuple[int, int]:
    """(hari_batas, hari_kunci) of the rule in force for ``periode``.

    Read once per ``Periode`` object: a view parses its month once per request
    and hands the same object to the service, which asks again under its lock
    (one query instead of two on the kader's register POST)."""
    from kampungkb.models import AturanPeriode

    cached = periode.__dict__.get("_aturan")
    if cached is not None:
        return cached
    rule = (
        AturanPeriode.objects.filter(berlaku_mulai__lte=periode.first_day)
        .order_by("-berlaku_mulai")
        .values_list("hari_batas", "hari_kunci")
        .first()
    )
    rule = rule or (settings.PERIODE_DEFAULT_HARI_BATAS, settings.PERIODE_DEFAULT_HARI_KUNCI)
    object.__setattr__(periode, "_aturan", rule)
    return rule


def due_date(periode: Periode, rule: tuple[int, int] | None = None) -> dt.date:
    hari_batas, _kunci = rule or aturan_for(periode)
    return periode.next().first_day.replace(day=hari_batas)


def lock_date(periode: Periode, rule: tuple[int, int] | None = None) -> dt.date:
    """Last day on which the period is still open without a reopen."""
    rule = rule or aturan_for(periode)
    return due_date(periode, rule) + dt.timedelta(days=rule[1])


def periode_status(periode: Periode, desa_kode: str, today: dt.date | None = None) -> PeriodeStatus:
    from kampungkb.models import PeriodeBuka

    today = today or timezone.localdate()
    if today < periode.first_day:
        return PeriodeStatus.BELUM_DIBUKA
    if today <= lock_date(periode):
        return PeriodeStatus.TERBUKA
    reopened = PeriodeBuka.objects.filter(
        desa_id=desa_kode, periode=periode.first_day, sampai__gte=today
    ).exists()
    return PeriodeStatus.DIBUKA_KEMBALI if reopened else PeriodeStatus.TERKUNCI


def is_open(periode: Periode, desa_kode: str, today: dt.date | None = None) -> bool:
    return periode_status(periode, desa_kode, today).is_open


def refusal(periode: Periode, status: PeriodeStatus) -> str | None:
    """Why a month with this status cannot be written, or None: the one
    message of every register (poktan registers, Kampung KB snapshots)."""
    if status.is_open:
        return None
    if status == PeriodeStatus.BELUM_DIBUKA:
        return _("Periode %(p)s belum dimulai.") % {"p": periode.label}
    return _("Periode %(p)s sudah terkunci. Minta Dinas PPKB kabupaten membukanya kembali.") % {
        "p": periode.label
    }


def check_open(periode: Periode, desa_kode: str) -> None:
    """Services call this under their lock: ValidationError(refusal) if closed."""
    reason = refusal(periode, periode_status(periode, desa_kode))
    if reason:
        raise ValidationError(reason)


def periode_from_request(request, default: Periode | None = None, *, data=None) -> Periode:
    """The month a page asks for with ``?periode=YYYY-MM`` (or in ``data``,
    e.g. ``request.POST``); ``default`` (this month) when absent. A value
    that is not a month of the programme is not replaced silently: the page
    says so in a message and shows the default."""
    data = request.GET if data is None else data
    value = (data.get("periode") or "").strip()
    fallback = default or Periode.current()
    if not value:
        return fallback
    try:
        return Periode.parse(value)
    except ValueError:
        messages.warning(request, BAD_PERIODE % {"v": value[:20], "p": fallback.label})
        return fallback


def is_late(periode: Periode, submitted_on: dt.date | None, today: dt.date | None = None) -> bool:
    """Submitted after the due date, or not submitted and the due date passed."""
    due = due_date(periode)
    if submitted_on is not None:
        return submitted_on > due
    return (today or timezone.localdate()) > due
