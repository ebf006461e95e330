"""Warnings at a register's figures from the poktan's own history (issue 17 §1).

The rule is ``poktan/riwayat.py``; this module reads the history (one query
per page) and holds the submit that records the kader's "Angka ini benar".

A far figure never refuses anything: "Ajukan" with an unconfirmed warning
saves the draft and shows the warnings at the fields; ticking "Angka ini
benar" (or correcting the figure) and pressing "Ajukan" again submits, and
the confirmed figures are recorded in the register's history
(``poktan.laporan.confirm``: each figure "median → value").
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from kampungkb import audit
from kampungkb.periods import Periode
from poktan import riwayat
from poktan.models import FIGURE_FIELDS, Laporan, Status

SUBMITTED = (Status.DIAJUKAN, Status.DIVERIFIKASI)
# Only recent months count: the last six submitted within a year before the month.
MONTHS_BACK = 12
CONFIRM_FIELD = "benar"  # the checkbox "Angka ini benar", value = the figure's name

HOLD_MESSAGE = _(
    "Ada angka yang jauh dari biasanya untuk poktan ini. Draf tersimpan, belum diajukan: "
    "periksa angka yang ditandai, perbaiki bila salah atau centang “Angka ini benar”, "
    "lalu tekan Ajukan lagi."
)


@dataclass(frozen=True)
class Peringatan:
    """One figure far from the poktan's usual values."""

    field: str
    value: Any
    usual: riwayat.Sebaran

    @property
    def label(self):
        return Laporan._meta.get_field(self.field).verbose_name


def _start(periode: Periode) -> Periode:
    start = periode
    for _i in range(MONTHS_BACK):
        start = start.prev()
    return start


def history_rows(poktan_id: int, periode: Periode) -> list[dict[str, Any]]:
    """The figures of the poktan's last submitted months before ``periode``, newest first."""
    return list(
        Laporan.objects.filter(
            poktan_id=poktan_id,
            status__in=SUBMITTED,
            periode__lt=periode.first_day,
            periode__gte=_start(periode).first_day,
        )
        .order_by("-periode")
        .values(*FIGURE_FIELDS)[: riwayat.WINDOW]
    )


def month_and_history(poktan, periode: Periode) -> tuple[Laporan | None, list[dict[str, Any]]]:
    """The month's register and the history rows before it, in one query: the
    read "Ajukan" does anyway, widened (no query more than before warnings)."""
    rows = list(
        Laporan.objects.filter(
            poktan=poktan,
            periode__lte=periode.first_day,
            periode__gte=_start(periode).first_day,
        ).order_by("-periode")
    )
    current = rows[0] if rows and rows[0].periode == periode.first_day else None
    if current is not None:
        current.poktan = poktan
    history = [
        {name: getattr(r, name) for name in FIGURE_FIELDS}
        for r in rows
        if r.periode < periode.first_day and r.status in SUBMITTED
    ]
    return current, history[: riwayat.WINDOW]


def flags(values: dict[str, Any], rows: list[dict[str, Any]]) -> dict[str, Peringatan]:
    """Each figure of ``values`` far from its history in ``rows`` (newest first)."""
    found = {}
    for name, value in values.items():
        if name not in FIGURE_FIELDS:
            continue
        usual = riwayat.periksa(value, [row[name] for row in rows])
        if usual is not None:
            found[name] = Peringatan(name, value, usual)
    return found


def form_values(form) -> dict[str, Any]:
    """The figures a register form shows (posted, or stored), as numbers; a
    value that does not read as a number is left out (its error says why)."""
    values = {}
    for name in form.figure_names():
        try:
            values[name] = form.fields[name].clean(form[name].value())
        except ValidationError:
            continue
    return values


def for_form(form, poktan_id: int, periode: Periode) -> dict[str, Peringatan]:
    """Warnings at the fields of a register page (one query); each bound field
    of a flagged figure gets ``.peringatan`` for the template."""
    found = flags(form_values(form), history_rows(poktan_id, periode))
    for name, flag in found.items():
        form[name].peringatan = flag
    return found


def for_queue(registers: list[Laporan]) -> list[Laporan]:
    """The verification queue with each register's flagged figures in
    ``.peringatan`` — one query for the whole queue."""
    if not registers:
        return registers
    periods = [lap.periode for lap in registers]
    rows = (
        Laporan.objects.filter(
            poktan_id__in={lap.poktan_id for lap in registers},
            status__in=SUBMITTED,
            periode__lt=max(periods),
            periode__gte=_start(Periode.of(min(periods))).first_day,
        )
        .order_by("-periode")
        .values("poktan_id", "periode", *FIGURE_FIELDS)
    )
    by_poktan = defaultdict(list)
    for row in rows:
        by_poktan[row["poktan_id"]].append(row)
    for lap in registers:
        start = _start(lap.periode_obj).first_day
        history = [r for r in by_poktan[lap.poktan_id] if start <= r["periode"] < lap.periode][
            : riwayat.WINDOW
        ]
        values = {name: getattr(lap, name) for name in lap.figure_fields()}
        lap.peringatan = list(flags(values, history).values())
    return registers


def unconfirmed(found: dict[str, Peringatan], post) -> list[str]:
    ticked = set(post.getlist(CONFIRM_FIELD))
    return [name for name in found if name not in ticked]


@transaction.atomic
def laporan_submit_confirmed(*, confirmed: dict[str, Peringatan], **kwargs) -> Laporan:
    """``services.laporan_save_and_submit`` — save the figures and submit, one
    transaction — plus, in it, the far figures the kader confirmed. Its two
    steps are called here rather than the service itself, whose own atomic
    block would be a savepoint inside this one (two queries more per submit)."""
    from poktan import services

    laporan = services._save_draft(**kwargs, submitting=True)
    laporan = services._submit(laporan, kwargs["by"], expected_version=None)
    if confirmed:
        changes = audit.diff(
            Laporan,
            {name: flag.usual.median_shown for name, flag in confirmed.items()},
            {name: flag.value for name, flag in confirmed.items()},
        )
        audit.record(
            actor=kwargs["by"], action="poktan.laporan.confirm", obj=laporan, changes=changes
        )
    return laporan
