"""State changes of poktan registers (design.md §4.2–4.5).

Every service is keyword-only, atomic, writes an audit entry and refreshes the
desa × period summary. Rules a form cannot know (the member count, the month,
the period lock, the workflow state) are decided here and raised as
``ValidationError`` keyed by form field ("pertemuan.0.tanggal" for a meeting row).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from kampungkb import audit
from kampungkb.concurrency import ConflictError, create_unique, save_versioned
from kampungkb.domain import JenisPoktan, Kontrasepsi, NonKontrasepsi
from kampungkb.models import User
from kampungkb.periods import Periode, check_open
from poktan import siga
from poktan.models import (
    COMMON_FIELDS,
    JENIS_FIELDS,
    Anggota,
    Laporan,
    Pengurus,
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


def validate_figures(
    *,
    poktan: Poktan,
    periode: Periode,
    values: dict[str, Any],
    pertemuan: list[dict[str, Any]],
    today: dt.date,
) -> dict[str, list[str]]:
    """Domain checks of a register: attendance ≤ members, no negatives,
    meeting dates inside the month and not in the future."""
    errors: dict[str, list[str]] = {}
    anggota = values.get("jumlah_anggota")
    for name, value in values.items():
        if value is not None and value < 0:
            errors.setdefault(name, []).append(_("Tidak boleh negatif."))
    if anggota is not None and anggota >= 0:
        for name in ("keluarga_hadir", "anggota_aktif"):
            value = values.get(name)
            if value is not None and value > anggota:
                errors.setdefault(name, []).append(
                    _("Tidak boleh lebih dari jumlah keluarga anggota (%(n)s).") % {"n": anggota}
                )
    for i, row in enumerate(pertemuan):
        tanggal = row.get("tanggal")
        if tanggal and not (periode.first_day <= tanggal <= periode.last_day):
            errors.setdefault(f"pertemuan.{i}.tanggal", []).append(
                _("Tanggal harus di bulan %(p)s.") % {"p": periode.label}
            )
        elif tanggal and tanggal > today:
            errors.setdefault(f"pertemuan.{i}.tanggal", []).append(
                _("Tanggal tidak boleh di masa depan.")
            )
        hadir = row.get("jumlah_hadir")
        if hadir is not None and hadir < 0:
            errors.setdefault(f"pertemuan.{i}.jumlah_hadir", []).append(_("Tidak boleh negatif."))
        elif (
            hadir is not None
            and anggota is not None
            and hadir > anggota
            and poktan.jenis != JenisPoktan.PIK_R
        ):
            errors.setdefault(f"pertemuan.{i}.jumlah_hadir", []).append(
                _("Tidak boleh lebih dari jumlah keluarga anggota (%(n)s).") % {"n": anggota}
            )
    return errors


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
    _check_open(poktan, periode)
    laporan = _locked_of(poktan, periode)
    if laporan is None:
        # Lock the poktan so two first saves of one month queue up instead of
        # racing, then look again: the other save may have created it meanwhile.
        Poktan.objects.select_for_update().filter(pk=poktan.pk).first()
        laporan = _locked_of(poktan, periode)
    if laporan is not None:
        _check_editable(laporan)
    fields = COMMON_FIELDS + JENIS_FIELDS[poktan.jenis]
    notulen = values.get("notulen")  # absent: the caller does not write it
    values = {name: values.get(name) for name in fields}
    kb = kesertaan_kb(poktan)
    if kb:
        # The member list is the source of the member count where one exists.
        values["jumlah_anggota"] = kb["anggota"]
    if hadir is not None:
        hadir = sorted(set(hadir))
        known = set(
            Anggota.objects.filter(poktan=poktan, aktif=True, pk__in=hadir).values_list(
                "pk", flat=True
            )
        )
        if known != set(hadir):
            raise ValidationError({"hadir": [_("Pilih hanya anggota aktif poktan ini.")]})
        if "keluarga_hadir" in values:
            values["keluarga_hadir"] = len(hadir)
        if kb and poktan.jenis in siga.JENIS_HADIR:
            kb["hadir"] = siga.kesertaan_hadir(Anggota.objects.filter(poktan=poktan), hadir)
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
        if not submitting:
            summaries.ensure_desa(poktan.kampung.desa_id, periode)
        return laporan

    before = audit.snapshot(laporan, fields)
    old_rows = list(laporan.pertemuan.all())
    changes = audit.diff(Laporan, before, values)
    if _pertemuan_text(old_rows) != _pertemuan_text(rows):
        changes["pertemuan"] = _pertemuan_change(old_rows, rows)
    old_hadir = sorted(laporan.anggota_hadir.values_list("pk", flat=True))
    if hadir is not None and old_hadir != hadir:
        changes["anggota_hadir"] = _hadir_change(old_hadir, hadir)
    if not changes:
        return laporan
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
    if not submitting:
        summaries.ensure_desa(poktan.kampung.desa_id, periode)
    return laporan


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


# --- members -----------------------------------------------------------------

ANGGOTA_AUDIT_FIELDS = [
    "nama_kepala_keluarga",
    "nomor_kk",
    "status_pus",
    "metode_kb",
    "alasan_tidak_kb",
    "aktif",
]


@transaction.atomic
def anggota_save(
    *,
    poktan: Poktan,
    anggota: Anggota | None,
    data: dict[str, Any],
    expected_version: int | None,
    by: User,
) -> Anggota:
    """Add or change a member family; nomor KK unique within the poktan.

    Nothing changed: nothing is written and the version stays."""
    kk = data.get("nomor_kk")
    clash = Anggota.objects.filter(poktan=poktan, nomor_kk=kk)
    if anggota is not None:
        clash = clash.exclude(pk=anggota.pk)
    if clash.exists():
        raise ValidationError({"nomor_kk": [_("Nomor KK ini sudah terdaftar di poktan ini.")]})
    if anggota is None:
        anggota = create_unique(
            lambda: Anggota.objects.create(poktan=poktan, **data),
            field="nomor_kk",
            message=_("Nomor KK ini sudah terdaftar di poktan ini."),
        )
        changes = audit.diff(Anggota, {}, audit.snapshot(anggota, ANGGOTA_AUDIT_FIELDS))
        changes.pop("nomor_kk", None)  # the audit log is read widely: no KK numbers in it
        audit.record(actor=by, action="poktan.anggota.create", obj=anggota, changes=changes)
        return anggota
    # Fresh from the database: a bound ModelForm has already changed the caller's instance.
    anggota = Anggota.objects.select_for_update().get(pk=anggota.pk)
    before = audit.snapshot(anggota, list(data))  # every field posted, the counts too
    for name, value in data.items():
        setattr(anggota, name, value)
    changes = audit.diff(Anggota, before, audit.snapshot(anggota, list(data)))
    if not changes:
        if anggota.version != (expected_version or 0):  # stale, as a changed save would be
            raise ConflictError(anggota, expected_version or 0)
        return anggota
    save_versioned(anggota, expected_version=expected_version or 0, fields=list(data))
    if "nomor_kk" in changes:
        changes["nomor_kk"].update(old="•", new="•")
    audit.record(actor=by, action="poktan.anggota.update", obj=anggota, changes=changes)
    return anggota


@transaction.atomic
def anggota_import(*, poktan: Poktan, rows: list[dict[str, Any]], by: User, filename: str) -> int:
    """Create the given member rows (already checked) in one transaction."""
    Poktan.objects.select_for_update().filter(pk=poktan.pk).first()
    existing = set(Anggota.objects.filter(poktan=poktan).values_list("nomor_kk", flat=True))
    fresh = [r for r in rows if r["nomor_kk"] not in existing]
    Anggota.objects.bulk_create(Anggota(poktan=poktan, **r) for r in fresh)
    audit.record(
        actor=by,
        action="poktan.anggota.import",
        obj=poktan,
        changes={
            "anggota": {
                "label": gettext_noop("anggota"),
                "old": str(len(existing)),
                "new": str(len(existing) + len(fresh)),
            }
        },
        note=filename,
    )
    return len(fresh)


# --- poktan and its annual potensi ------------------------------------------

POKTAN_FIELDS = [
    "jenis",
    "nama",
    "aktif",
    "potensi_tahun",
    "sk_nomor",
    "sk_tanggal",
    "sumber_dana",
    "keterpaduan",
    "bkb_kit",
    "jumlah_kka",
    "jenis_usaha",
    "modal",
    "sertifikasi_kelompok",
    "total_balita",
]
PENGURUS_FIELDS = [
    "jabatan",
    "nama",
    "pendidikan",
    "pekerjaan",
    "pernah_pelatihan",
    "status_pus",
    "metode_kb",
    "kontak",
]
# An empty pengurus value as stored (text fields: "", yes/no: unknown or no).
PENGURUS_EMPTY = {"pernah_pelatihan": False, "status_pus": None}


def _get(row, name):
    return row.get(name) if isinstance(row, dict) else getattr(row, name)


def _pengurus_text(rows) -> str:
    return "; ".join(f"{_get(r, 'jabatan')}: {_get(r, 'nama')}" for r in rows) or "–"


def _pengurus_key(rows) -> list[tuple]:
    # Every field of a row, so that changing only a kontak or pendidikan is a change.
    return [tuple(_get(r, f) for f in PENGURUS_FIELDS) for r in rows]


def _store_sk(poktan: Poktan, berkas) -> bool:
    """Store a newly uploaded SK file under a random name; False clears it."""
    import uuid
    from pathlib import Path

    from django.core.files.uploadedfile import UploadedFile

    if berkas is False:
        changed = bool(poktan.sk_berkas)
        poktan.sk_berkas = None
        return changed
    if isinstance(berkas, UploadedFile):
        suffix = Path(berkas.name).suffix.lower()
        poktan.sk_berkas.save(f"{uuid.uuid4().hex}{suffix}", berkas, save=False)
        return True
    return False


@transaction.atomic
def poktan_save(
    *,
    poktan: Poktan | None,
    kampung,
    data: dict[str, Any],
    pengurus: list[dict[str, Any]],
    expected_version: int | None,
    by: User,
) -> Poktan:
    """Create or update a poktan, its potensi data and its ketua/kader list."""
    values = {name: data[name] for name in POKTAN_FIELDS if name in data}
    rows = [
        {f: PENGURUS_EMPTY.get(f, "") if r.get(f) is None else r.get(f) for f in PENGURUS_FIELDS}
        for r in pengurus
    ]
    if poktan is None:
        poktan = Poktan(kampung=kampung, **values)
        _store_sk(poktan, data.get("sk_berkas"))
        poktan.save()
        Pengurus.objects.bulk_create(Pengurus(poktan=poktan, **r) for r in rows)
        changes = audit.diff(Poktan, {}, audit.snapshot(poktan, list(values)))
        audit.record(actor=by, action="poktan.poktan.create", obj=poktan, changes=changes)
        return poktan
    # Fresh from the database: a bound ModelForm has already changed the caller's instance.
    poktan = Poktan.objects.select_for_update().select_related("kampung").get(pk=poktan.pk)
    before = audit.snapshot(poktan, list(values))
    old_pengurus = list(poktan.pengurus.all())
    for name, value in values.items():
        setattr(poktan, name, value)
    file_changed = _store_sk(poktan, data.get("sk_berkas"))
    changes = audit.diff(Poktan, before, audit.snapshot(poktan, list(values)))
    if file_changed:
        changes["sk_berkas"] = {
            "label": gettext_noop("berkas SK pengukuhan"),
            "old": "…",
            "new": "…",
        }
    if _pengurus_key(old_pengurus) != _pengurus_key(rows):
        old_text, new_text = _pengurus_text(old_pengurus), _pengurus_text(rows)
        if old_text == new_text:  # contact, education or training changed: not shown here
            new_text += " (" + _("rincian diubah") + ")"
        changes["pengurus"] = {"label": gettext_noop("pengurus"), "old": old_text, "new": new_text}
        poktan.pengurus.all().delete()
        Pengurus.objects.bulk_create(Pengurus(poktan=poktan, **r) for r in rows)
    if not changes:
        return poktan
    poktan.updated_at = timezone.now()
    save_versioned(
        poktan,
        expected_version=expected_version or 0,
        fields=[*values, "sk_berkas", "updated_at"],
    )
    audit.record(actor=by, action="poktan.poktan.update", obj=poktan, changes=changes)
    summaries.refresh_desa(poktan.kampung.desa_id)
    return poktan


def soft_warnings(*, laporan: Laporan, previous: Laporan | None) -> list[str]:
    """Checks that warn before submit but do not block (design.md §4.6)."""
    warnings = []
    if not laporan.pertemuan.all():
        warnings.append(_("Belum ada pertemuan dicatat bulan ini."))
    hadir, lalu = laporan.keluarga_hadir, previous.keluarga_hadir if previous else None
    if hadir is not None and lalu and hadir < lalu / 2:
        warnings.append(
            _("Keluarga hadir turun lebih dari separuh dibanding bulan lalu (%(a)s → %(b)s).")
            % {"a": lalu, "b": hadir}
        )
    balita = (laporan.kesertaan_kb or {}).get("anak_balita")
    kka = laporan.anak_dipantau_kka
    if kka is not None and balita is not None and kka > balita:
        warnings.append(
            _(
                "Anak dipantau dengan KKA (%(a)s) lebih banyak dari anak 0–6 th "
                "di daftar anggota (%(b)s)."
            )
            % {"a": kka, "b": balita}
        )
    return warnings
