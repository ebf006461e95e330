"""Precomputed indicators (design.md §4.7): the summary rows dashboards read.

Every service that changes data a dashboard shows calls ``refresh_desa`` for
the desa × period it touched, inside its own transaction. The reports app
owns the tables and the arithmetic; other apps only call these functions.
"""

from __future__ import annotations

from kampungkb.periods import Periode


def refresh_desa(desa_kode: str, periode: Periode | None = None) -> None:
    """Recompute the summary row of one desa × period and its roll-ups.

    ``periode`` None means "every period this change can affect" (e.g. a
    Kampung KB profile edit). Implemented by the Reports issue (#6)."""
    return None
