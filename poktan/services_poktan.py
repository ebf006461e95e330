"""State changes of a poktan itself (design.md §4.2): its data, annual
potensi, pengurus and SK file, and its member families (anggota).

The register (laporan) workflow is in ``poktan.services``. Every service is
keyword-only, atomic and writes an audit entry; a rule a form cannot know (a
nomor KK already in the poktan) is raised as ``ValidationError`` keyed by field.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from kampungkb import audit
from kampungkb.concurrency import ConflictError, create_unique, save_versioned
from kampungkb.models import User
from poktan.models import PENGURUS_FIELDS, Anggota, Pengurus, Poktan
from reports import summaries

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
