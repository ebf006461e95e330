"""State changes of poktan registers (design.md §4.2–4.5).

Every service is keyword-only, atomic, writes an audit entry and refreshes the
desa × period summary. Rules a form cannot know (the member count, the month,
the period lock, the workflow state) are decided here and raised as
``ValidationError`` keyed by form field ("pertemuan.0.tanggal" for a meeting row).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from kampungkb import audit
from kampungkb.concurrency import ConflictError, save_versioned
from kampungkb.domain import Kontrasepsi, NonKontrasepsi
from kampungkb.models import User
from kampungkb.periods import Periode, check_open
from poktan import siga
from poktan.figure_checks import validate_figures
from poktan.models import (
    COMMON_FIELDS,
    JENIS_FIELDS,
    Anggota,
    Laporan,
    Pertemuan,
    Poktan,
    Status,
)
from reports import summaries

PERTEMUAN_FIELDS = ["tanggal", "materi", "narasumber", "jumlah_hadir", "ada_diskusi"]


def kesertaan_kb(poktan: Poktan) -> dict[str, Any]:
    """KB participation of the active members, by method and by reason (one query).

    Empty when the poktan has no member list: the figure is then unknown, not zero."""
    aggregates = {
        "anggota": Count("id"),
        "pus": Count("id", filter=Q(status_pus=True)),
        "peserta": Count("id", filter=~Q(metode_kb="")),
        "anak_balita": Sum("anak_0_1")
        + Sum("anak_1_2")
        + Sum("anak_2_3")
        + Sum("anak_3_4")
        + Sum("anak_4_5")
        + Sum("anak_5_6"),
        **{f"m_{m.value}": Count("id", filter=Q(metode_kb=m.value)) for m in Kontrasepsi},
        **{f"t_{r.value}": Count("id", filter=Q(alasan_tidak_kb=r.value)) for r in NonKontrasepsi},
        **siga.keluarga_aggregates(),
    }
    row = Anggota.objects.filter(poktan=poktan, aktif=True).aggregate(**aggregates)
    if not row["anggota"]:
        return {}
    return {
        "anggota": row["anggota"],
        "pus": row["pus"],
        "peserta": row["peserta"],
        "anak_balita": row["anak_balita"] or 0,
        "metode": {m.value: row[f"m_{m.value}"] for m in Kontrasepsi},
        "tidak_kb": {r.value: row[f"t_{r.value}"] for r in NonKontrasepsi},
        **siga.keluarga_counts(row),
    }


def _check_open(poktan: Poktan, periode: Periode) -> None:
    check_open(periode, poktan.kampung.desa_id)


def _check_editable(laporan: Laporan) -> None:
    if not laporan.is_editable_state:
        raise ValidationError(
            _("Laporan ini sudah %(s)s dan tidak dapat diubah lagi.")
            % {"s": laporan.get_status_display().lower()}
        )


def laporan_refusal(*, poktan: Poktan, periode: Periode, laporan: Laporan | None) -> str | None:
    """Why the register of this month cannot be written now (its month is
    locked or not begun, or it is submitted or verified), or None. Views ask
    first, so a refused write says so whatever was typed; the write itself
    checks again under its lock."""
    try:
        _check_open(poktan, periode)
        if laporan is not None:
            _check_editable(laporan)
    except ValidationError as exc:
        return " ".join(exc.messages)
    return None


def _pertemuan_text(rows) -> list[str]:
    def get(row, name):
        return row.get(name) if isinstance(row, dict) else getattr(row, name)

    # Every field of a meeting, so that changing only the narasumber is a change too.
    diskusi = {True: ", diskusi: ya", False: ", diskusi: tidak", None: ""}
    return [
        f"{get(r, 'tanggal'):%d/%m} {get(r, 'materi')} ({get(r, 'jumlah_hadir')})"
        + (f", {get(r, 'narasumber')}" if get(r, "narasumber") else "")
        + diskusi[get(r, "ada_diskusi")]
        for r in rows
        if get(r, "tanggal")
    ]


def _clean_rows(pertemuan: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            name: row.get(name) if name != "narasumber" else row.get(name) or ""
            for name in PERTEMUAN_FIELDS
        }
        for row in pertemuan
        if row.get("tanggal")
    ]


@transaction.atomic
def laporan_save_draft(
    *,
    poktan: Poktan,
    periode: Periode,
    values: dict[str, Any],
    pertemuan: list[dict[str, Any]],
    expected_version: int | None,
    by: User,
    hadir: list[int] | None = None,
) -> Laporan:
    """Create or update the (poktan, periode) register as a draft (``_save_draft``)."""
    return _save_draft(
        poktan=poktan,
        periode=periode,
        values=values,
        pertemuan=pertemuan,
        expected_version=expected_version,
        by=by,
        hadir=hadir,
    )


@transaction.atomic
def laporan_save_and_submit(
    *,
    poktan: Poktan,
    periode: Periode,
    values: dict[str, Any],
    pertemuan: list[dict[str, Any]],
    expected_version: int | None,
    by: User,
    hadir: list[int] | None = None,
) -> Laporan:
    """Save the figures and submit the register in one transaction: both
    happen or neither (the "Ajukan" button of the form)."""
    laporan = _save_draft(
        poktan=poktan,
        periode=periode,
        values=values,
        pertemuan=pertemuan,
        expected_version=expected_version,
        by=by,
        hadir=hadir,
        submitting=True,
    )
    return _submit(laporan, by, expected_version=None)


def _save_draft(
    *,
    poktan: Poktan,
    periode: Periode,
    values: dict[str, Any],
    pertemuan: list[dict[str, Any]],
    expected_version: int | None,
    by: User,
    hadir: list[int] | None = None,
    submitting: bool = False,
) -> Laporan:
    """Create or update the (poktan, periode) register as a draft.

    ``hadir``: ids of the member families present this month, when the poktan
    keeps a member list; their number is then the "keluarga hadir" figure.

    Saving values identical to the stored ones changes nothing (a double tap
    is harmless). Changed values on top of a version the user did not load
    raise ``ConflictError``.

    The summary rows are not recomputed: a register's figures reach the
    dashboards only once it is diajukan or diverifikasi
    (``reports.sources.poktan_data``) and saving a draft never changes its
    status, so they stay exact. Only a month's first activity creates the
    desa's row (``summaries.ensure_desa``; skipped when ``submitting``: the
    submit refreshes the row). This keeps the kader's most frequent write
    cheap (design §6)."""
    laporan = _editable_laporan(poktan, periode)
    fields, values, notulen = _register_values(poktan, values)
    if hadir is not None:
        hadir = _checked_hadir(poktan, hadir)
        if "keluarga_hadir" in values:
            values["keluarga_hadir"] = len(hadir)
    kb = _siga_counts(poktan, values, hadir)
    rows = _clean_rows(pertemuan)
    errors = validate_figures(
        poktan=poktan, periode=periode, values=values, pertemuan=rows, today=timezone.localdate()
    )
    if errors:
        raise ValidationError(errors)
    if notulen is not None:
        values["notulen"] = notulen.strip()
        fields = [*fields, "notulen"]
    if laporan is None:
        laporan = _create_draft(
            poktan=poktan, periode=periode, values=values, kb=kb, rows=rows, hadir=hadir, by=by
        )
    elif not _update_draft(
        laporan,
        fields=fields,
        values=values,
        kb=kb,
        rows=rows,
        hadir=hadir,
        expected_version=expected_version,
        by=by,
    ):
        return laporan
    if not submitting:
        summaries.ensure_desa(poktan.kampung.desa_id, periode)
    return laporan


def _editable_laporan(poktan: Poktan, periode: Periode) -> Laporan | None:
    """The month's register, locked for this save (None: none yet); refused when
    the period is closed or the register is no longer a draft."""
    _check_open(poktan, periode)
    laporan = _locked_of(poktan, periode)
    if laporan is None:
        # Lock the poktan so two first saves of one month queue up instead of
        # racing, then look again: the other save may have created it meanwhile.
        Poktan.objects.select_for_update().filter(pk=poktan.pk).first()
        laporan = _locked_of(poktan, periode)
    if laporan is not None:
        _check_editable(laporan)
    return laporan


def _register_values(poktan: Poktan, posted: dict[str, Any]) -> tuple[list[str], dict, Any]:
    """The fields of this poktan's jenis, their posted values, and the notulen
    (None when absent: the caller does not write it)."""
    fields = COMMON_FIELDS + JENIS_FIELDS[poktan.jenis]
    return fields, {name: posted.get(name) for name in fields}, posted.get("notulen")


def _checked_hadir(poktan: Poktan, hadir: list[int]) -> list[int]:
    """The attendance as sorted ids; only active members of this poktan."""
    hadir = sorted(set(hadir))
    known = set(
        Anggota.objects.filter(poktan=poktan, aktif=True, pk__in=hadir).values_list("pk", flat=True)
    )
    if known != set(hadir):
        raise ValidationError({"hadir": [_("Pilih hanya anggota aktif poktan ini.")]})
    return hadir


def _siga_counts(poktan: Poktan, values: dict[str, Any], hadir: list[int] | None) -> dict:
    """The SIGA counts of the member list ({} without one). The member list is
    the source of the member count where one exists; with an attendance, the
    KB participation of the families present too."""
    kb = kesertaan_kb(poktan)
    if kb:
        values["jumlah_anggota"] = kb["anggota"]
        if hadir is not None and poktan.jenis in siga.JENIS_HADIR:
            kb["hadir"] = siga.kesertaan_hadir(Anggota.objects.filter(poktan=poktan), hadir)
    return kb


def _create_draft(*, poktan, periode, values, kb, rows, hadir, by) -> Laporan:
    laporan = Laporan.objects.create(
        poktan=poktan, periode=periode.first_day, kesertaan_kb=kb, **values
    )
    Pertemuan.objects.bulk_create(Pertemuan(laporan=laporan, **row) for row in rows)
    changes = audit.diff(Laporan, {}, {k: v for k, v in values.items() if v not in (None, "")})
    if rows:
        changes["pertemuan"] = _pertemuan_change([], rows)
    if hadir:
        laporan.anggota_hadir.set(hadir)
        changes["anggota_hadir"] = _hadir_change([], hadir)
    audit.record(actor=by, action="poktan.laporan.create", obj=laporan, changes=changes)
    return laporan


def _update_draft(laporan, *, fields, values, kb, rows, hadir, expected_version, by) -> bool:
    """Write what changed (False: nothing did, nothing is written)."""
    before = audit.snapshot(laporan, fields)
    old_rows = list(laporan.pertemuan.all())
    changes = audit.diff(Laporan, before, values)
    if _pertemuan_text(old_rows) != _pertemuan_text(rows):
        changes["pertemuan"] = _pertemuan_change(old_rows, rows)
    old_hadir = sorted(laporan.anggota_hadir.values_list("pk", flat=True))
    if hadir is not None and old_hadir != hadir:
        changes["anggota_hadir"] = _hadir_change(old_hadir, hadir)
    if not changes:
        return False
    if expected_version != laporan.version:
        raise ConflictError(laporan, expected_version or 0)
    for name, value in values.items():
        setattr(laporan, name, value)
    laporan.kesertaan_kb = kb
    laporan.updated_at = timezone.now()
    save_versioned(
        laporan, expected_version=expected_version, fields=[*fields, "kesertaan_kb", "updated_at"]
    )
    if "anggota_hadir" in changes:
        laporan.anggota_hadir.set(hadir)
    if "pertemuan" in changes:
        laporan.pertemuan.all().delete()
        Pertemuan.objects.bulk_create(Pertemuan(laporan=laporan, **row) for row in rows)
    audit.record(actor=by, action="poktan.laporan.update", obj=laporan, changes=changes)
    return True


def _locked_of(poktan: Poktan, periode: Periode) -> Laporan | None:
    laporan = (
        Laporan.objects.select_for_update().filter(poktan=poktan, periode=periode.first_day).first()
    )
    if laporan is not None:
        laporan.poktan = poktan  # the audit entry reads its desa from here
    return laporan


def _hadir_change(old: list[int], new: list[int]) -> dict[str, str]:
    gone, came = set(old) - set(new), set(new) - set(old)
    names = dict(
        Anggota.objects.filter(pk__in=gone | came).values_list("pk", "nama_kepala_keluarga")
    )
    detail = [*(f"+{names[i]}" for i in sorted(came)), *(f"−{names[i]}" for i in sorted(gone))]
    return {
        "label": gettext_noop("keluarga anggota yang hadir"),
        "old": str(len(old)),
        "new": f"{len(new)} ({', '.join(detail)})" if detail else str(len(new)),
    }


def _pertemuan_change(old, new) -> dict[str, str]:
    return {
        "label": gettext_noop("pertemuan"),
        "old": "; ".join(_pertemuan_text(old)) or "–",
        "new": "; ".join(_pertemuan_text(new)) or "–",
    }


def _locked(laporan: Laporan) -> Laporan:
    return Laporan.objects.select_for_update().select_related("poktan__kampung").get(pk=laporan.pk)


def _transition(laporan: Laporan, expected_version: int | None, fields: list[str]) -> None:
    version = laporan.version if expected_version is None else expected_version
    save_versioned(laporan, expected_version=version, fields=[*fields, "status", "updated_at"])


def _refresh_status(laporan: Laporan) -> None:
    """A register changed state: only the poktan figures of its desa row move."""
    kampung = laporan.poktan.kampung
    summaries.refresh_desa(kampung.desa_id, laporan.periode_obj, parts=("poktan",), kampung=kampung)


@transaction.atomic
def laporan_submit(*, laporan: Laporan, by: User, expected_version: int | None = None) -> Laporan:
    """draf/dikembalikan → diajukan. Every figure of the type must be filled."""
    laporan = _locked(laporan)
    _check_editable(laporan)
    _check_open(laporan.poktan, laporan.periode_obj)
    return _submit(laporan, by, expected_version)


def _submit(laporan: Laporan, by: User, expected_version: int | None) -> Laporan:
    """The submit itself, on a register locked and found open by the caller."""
    _check_editable(laporan)
    missing = {
        name: [_("Wajib diisi sebelum diajukan.")]
        for name in laporan.figure_fields()
        if getattr(laporan, name) is None
    }
    if missing:
        raise ValidationError(missing)
    now = timezone.now()
    before = audit.snapshot(laporan, ["status"])
    laporan.status = Status.DIAJUKAN
    laporan.diajukan_pada = now
    laporan.pertama_diajukan_pada = laporan.pertama_diajukan_pada or now
    _transition(laporan, expected_version, ["diajukan_pada", "pertama_diajukan_pada"])
    audit.record(
        actor=by,
        action="poktan.laporan.submit",
        obj=laporan,
        changes=audit.diff(Laporan, before, audit.snapshot(laporan, ["status"])),
    )
    _refresh_status(laporan)
    return laporan


def _check_submitted(laporan: Laporan) -> None:
    if laporan.status != Status.DIAJUKAN:
        raise ValidationError(
            _("Hanya laporan yang diajukan yang dapat diperiksa; laporan ini %(s)s.")
            % {"s": laporan.get_status_display().lower()}
        )


@transaction.atomic
def laporan_verify(
    *, laporan: Laporan, by: User, note: str = "", expected_version: int | None = None
) -> Laporan:
    """diajukan → diverifikasi; the register becomes read-only."""
    laporan = _locked(laporan)
    _check_submitted(laporan)
    before = audit.snapshot(laporan, ["status"])
    laporan.status = Status.DIVERIFIKASI
    laporan.diverifikasi_pada = timezone.now()
    laporan.diverifikasi_oleh = by
    _transition(laporan, expected_version, ["diverifikasi_pada", "diverifikasi_oleh"])
    audit.record(
        actor=by,
        action="poktan.laporan.verify",
        obj=laporan,
        changes=audit.diff(Laporan, before, audit.snapshot(laporan, ["status"])),
        note=note,
    )
    _refresh_status(laporan)
    return laporan


@transaction.atomic
def laporan_return(
    *, laporan: Laporan, by: User, note: str, expected_version: int | None = None
) -> Laporan:
    """diajukan → dikembalikan, with a note telling the kader what to fix."""
    note = (note or "").strip()
    if not note:
        raise ValidationError({"catatan": [_("Tulis apa yang perlu diperbaiki kader.")]})
    laporan = _locked(laporan)
    _check_submitted(laporan)
    before = audit.snapshot(laporan, ["status"])
    laporan.status = Status.DIKEMBALIKAN
    laporan.catatan = note
    _transition(laporan, expected_version, ["catatan"])
    audit.record(
        actor=by,
        action="poktan.laporan.return",
        obj=laporan,
        changes=audit.diff(Laporan, before, audit.snapshot(laporan, ["status"])),
        note=note,
    )
    _refresh_status(laporan)
    return laporan
