"""A register's figure against the same poktan's own recent months (issue 17 §1).

Pure functions, no database: ``periksa(value, history)`` says whether a figure
is far from what this poktan usually reports.

The rule (robust to one odd month in the history):

- history: the figure in the poktan's last ``WINDOW`` (6) submitted or
  verified registers before this month; empty months are left out;
- fewer than ``MIN_HISTORY`` (3) values: no warning (not enough to know
  what is usual);
- centre = the median of the history; spread = the median absolute deviation
  (MAD) × 1.4826 (≈ one standard deviation for normal data), but never less
  than ``floor = max(FLOOR_ABS, FLOOR_REL × median)`` — so a history that never
  moves (12, 12, 12 …) still lets a small change (12 → 13) through;
- warning when both hold: |value − median| > ``K`` × spread, and the value is
  at least ``RATIO`` times the median or at most the median divided by
  ``RATIO`` (a value against a median of 0 counts as far when it passes the
  first test).

Examples: remaja terjangkau 15, 17, 16, 18, 17, 17 then 48 → warning (median
17, spread 2, 31 > 7, 48/17 = 2.8); keluarga hadir usually about 12 then
120 → warning; a noisy history 5, 20, 8, 30, 12, 25 then 28 → none.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from statistics import median

WINDOW = 6
MIN_HISTORY = 3
K = 3.5
RATIO = 1.5
MAD_SCALE = 1.4826
FLOOR_ABS = 2
FLOOR_REL = 0.1


@dataclass(frozen=True)
class Sebaran:
    """What is usual for one figure: the history's median and range."""

    median: float
    low: float
    high: float
    n: int
    spread: float

    @property
    def median_shown(self) -> int | float:
        return int(self.median) if float(self.median).is_integer() else round(self.median, 1)

    @property
    def decimals(self) -> int:
        """Decimals to show the median with (a median of an even count may be x.5)."""
        return 0 if float(self.median).is_integer() else 1


def sebaran(history: Iterable[float | int | None]) -> Sebaran | None:
    """Median, range and robust spread of the history; None with too little of it."""
    values = [v for v in history if v is not None][:WINDOW]
    if len(values) < MIN_HISTORY:
        return None
    centre = median(values)
    mad = median(abs(v - centre) for v in values)
    floor = max(FLOOR_ABS, FLOOR_REL * abs(centre))
    return Sebaran(
        median=centre,
        low=min(values),
        high=max(values),
        n=len(values),
        spread=max(mad * MAD_SCALE, floor),
    )


def is_far(value: float | int, usual: Sebaran) -> bool:
    """The rule above, for a history already summarised."""
    if abs(value - usual.median) <= K * usual.spread:
        return False
    if usual.median <= 0:
        return True
    return value >= usual.median * RATIO or value <= usual.median / RATIO


def periksa(value: float | int | None, history: Iterable[float | int | None]) -> Sebaran | None:
    """The usual values when ``value`` is far from them (a warning), else None.

    ``history``: the figure in the poktan's previous submitted months, newest
    first; only the first ``WINDOW`` count."""
    if value is None:
        return None
    usual = sebaran(history)
    if usual is None or not is_far(value, usual):
        return None
    return usual
