"""State changes of Kampung KB profiles, pokja and snapshots (design.md §4).

Each service is atomic, writes an audit entry with old → new, recomputes the
class when its inputs change and asks the reports app to refresh the desa's
summary rows.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import CharField
from django.db.models.functions import Cast
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from kampungkb import audit, periods
from kampungkb.concurrency import UNIQUE_VIOLATION, ConflictError, save_versioned
from kampungkb.models import AuditEntry, User
from kampungkb.periods import Periode
from reports.summaries import refresh_desa
from villages import selectors
from villages.choices import KELUARGA, POKTAN_PENYEBUT, POKTAN_SLUG, Operasional
from villages.models import (
    AnggotaPokja,
    KampungKB,
    KkbpkKampung,
    KlasifikasiPeriode,
    PendudukKampung,
    Pokja,
    PotensiDesa,
    ProfilKampung,
    Snapshot,
    Tingkat,
    Wilayah,
)

KAMPUNG_FIELDS = [
    "nama",
    "tanggal_pencanangan",
    "cakupan_wilayah",
    "gambaran_umum",
    "visi",
    "misi",
    "faktor_pendukung",
    "faktor_penghambat",
    "kriteria",
    "kriteria_lainnya",
    "foto_sampul",
    "struktur_organisasi",
    "latitude",
    "longitude",
    "percontohan_kabupaten",
    "percontohan_provinsi",
]
POKJA_FIELDS = ["sk_nomor", "sk_tanggal", "sk_penerbit", "sk_berkas", "catatan"]


class SnapshotConflict(ConflictError):
    """Someone saved this kampung × jenis × periode since the user opened it."""

    def __init__(self, model: type[Snapshot], kampung: KampungKB, periode, current, since: int):
        super().__init__(current, since)
        self.model, self.kampung, self.periode = model, kampung, periode

    @property
    def changes(self):
        ids = (
            self.model.objects.filter(
                kampung=self.kampung, periode=self.periode, version__gt=self.since_version
            )
            .annotate(s=Cast("pk", CharField()))
            .values("s")
        )
        return AuditEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(self.model), object_id__in=ids
        )


def _audit_values(obj, fields: list[str]) -> dict[str, Any]:
    values = audit.snapshot(obj, fields)
    for name, value in values.items():
        if isinstance(value, dict):  # operasional: {item: frekuensi}
            # In the official order: PostgreSQL returns a JSON object's keys in its own.
            order = {item: i for i, item in enumerate(Operasional.values)}
            items = sorted(value.items(), key=lambda kv: order.get(kv[0], len(order)))
            values[name] = [f"{k}: {v}" for k, v in items]
        elif hasattr(value, "name") and not isinstance(value, str):  # file fields
            values[name] = value.name or ""
    return values


def _check_version(stored, expected_version: int) -> None:
    """An unchanged save from a stale page is still a conflict (as a changed one is)."""
    if stored.version != expected_version:
        raise ConflictError(stored, expected_version)


def _percontohan_error(exc: IntegrityError) -> ValidationError:
    if "percontohan_satu_per_provinsi" in str(exc):
        return ValidationError(
            {"percontohan_provinsi": _("Provinsi ini sudah punya Kampung KB percontohan.")}
        )
    if "percontohan_satu_per_kabupaten" in str(exc):
        return ValidationError(
            {"percontohan_kabupaten": _("Kabupaten ini sudah punya Kampung KB percontohan.")}
        )
    if getattr(exc.__cause__, "sqlstate", None) == UNIQUE_VIOLATION:
        # Another request registered this desa between the check and the insert.
        return ValidationError({"desa": _("Desa ini sudah punya Kampung KB.")})
    raise exc


# ------------------------------------------------------------------- kampung


@transaction.atomic
def kampung_create(
    *,
    desa: Wilayah,
    nama: str,
    tanggal_pencanangan: dt.date,
    by: User,
    percontohan_kabupaten: bool = False,
) -> KampungKB:
    """Register the Kampung KB of one desa (one per desa)."""
    if desa.tingkat != Tingkat.DESA:
        raise ValidationError({"desa": _("Kampung KB harus berada di desa/kelurahan.")})
    if KampungKB.objects.filter(desa=desa).exists():
        raise ValidationError({"desa": _("Desa ini sudah punya Kampung KB.")})
    kampung = KampungKB(
        desa=desa,
        nama=nama,
        tanggal_pencanangan=tanggal_pencanangan,
        percontohan_kabupaten=percontohan_kabupaten,
    )
    try:
        with transaction.atomic():
            kampung.save()
    except IntegrityError as exc:
        raise _percontohan_error(exc) from exc
    audit.record(
        actor=by,
        action="villages.kampung.create",
        obj=kampung,
        changes=audit.diff(KampungKB, {}, _audit_values(kampung, ["nama", "tanggal_pencanangan"])),
    )
    klasifikasi_refresh(kampung)
    refresh_desa(desa.kode, None)
    return kampung


@transaction.atomic
def kampung_update(
    *,
    kampung: KampungKB,
    data: dict[str, Any],
    expected_version: int,
    by: User,
    potensi: list[tuple[str, str]] | None = None,
) -> KampungKB:
    """Change profile fields (and optionally the potensi list); ConflictError if stale.

    Nothing changed: nothing is written and ``kampung.version`` stays."""
    fields = [f for f in KAMPUNG_FIELDS if f in data]
    # A bound ModelForm has already written its values onto ``kampung``: compare with the row.
    stored = KampungKB.objects.get(pk=kampung.pk)
    before = _audit_values(stored, fields)
    for name in fields:
        setattr(kampung, name, data[name])
    for name in fields:  # new uploads are written to storage before the UPDATE
        value = getattr(kampung, name)
        if hasattr(value, "_committed") and not value._committed:
            value.save(value.name, value.file, save=False)
    changes = audit.diff(KampungKB, before, _audit_values(kampung, fields))
    if potensi is not None:
        lama = [f"{p.get_kategori_display()}: {p.nama}" for p in kampung.potensi.all()]
        baru_objs = [
            PotensiDesa(kampung=kampung, kategori=k, nama=n, urutan=i)
            for i, (k, n) in enumerate(potensi)
        ]
        baru = [f"{p.get_kategori_display()}: {p.nama}" for p in baru_objs]
        if lama != baru:
            kampung.potensi.all().delete()
            PotensiDesa.objects.bulk_create(baru_objs)
            changes["potensi"] = {
                "label": gettext_noop("potensi desa"),
                "old": audit.display_value(lama),
                "new": audit.display_value(baru),
            }
    if not changes:
        _check_version(stored, expected_version)
        return kampung
    try:
        with transaction.atomic():
            save_versioned(kampung, expected_version=expected_version, fields=fields)
    except IntegrityError as exc:
        raise _percontohan_error(exc) from exc
    audit.record(actor=by, action="villages.kampung.update", obj=kampung, changes=changes)
    refresh_desa(kampung.desa_id, None)
    return kampung


# --------------------------------------------------------------------- pokja


@transaction.atomic
def pokja_save(
    *,
    kampung: KampungKB,
    data: dict[str, Any],
    anggota: list[dict[str, Any]],
    expected_version: int,
    by: User,
) -> Pokja:
    """Save the pokja's SK and replace its member list; ConflictError if stale.

    ``expected_version`` 0 means the user saw no pokja yet. Nothing changed:
    nothing is written and the returned pokja keeps its version."""
    pokja = Pokja.objects.select_for_update().filter(kampung=kampung).first()
    if pokja is None:
        if expected_version != 0:
            raise ConflictError(kampung, expected_version)
        pokja = Pokja(kampung=kampung, version=0)
    pokja.kampung = kampung
    before = _audit_values(pokja, POKJA_FIELDS)
    lama = list(pokja.anggota.all()) if pokja.pk else []
    for name in POKJA_FIELDS:
        if name in data:
            setattr(pokja, name, data[name])
    new_file = hasattr(pokja.sk_berkas, "_committed") and not pokja.sk_berkas._committed
    changes = audit.diff(Pokja, before, _audit_values(pokja, POKJA_FIELDS))
    baru_objs = [AnggotaPokja(pokja=pokja, urutan=i, **a) for i, a in enumerate(anggota)]
    # Every field of a member counts, the phone number too.
    members_changed = [_anggota_key(a) for a in lama] != [_anggota_key(a) for a in baru_objs]
    if not (changes or members_changed or new_file):
        if pokja.pk:
            _check_version(pokja, expected_version)
        return pokja
    if pokja.pk is None:
        pokja.save()
    if new_file:
        pokja.sk_berkas.save(pokja.sk_berkas.name, pokja.sk_berkas.file, save=False)
    save_versioned(pokja, expected_version=expected_version, fields=POKJA_FIELDS)
    if members_changed:
        pokja.anggota.all().delete()
        AnggotaPokja.objects.bulk_create(baru_objs)
        changes["anggota"] = _anggota_change(lama, baru_objs)
    action = "villages.pokja.create" if expected_version == 0 else "villages.pokja.update"
    audit.record(actor=by, action=action, obj=pokja, changes=changes)
    return pokja


def _anggota_teks(a: AnggotaPokja) -> str:
    # Phone numbers stay out of the audit text (it is shown more widely).
    return f"{a.nama} ({a.jabatan}{', ' + str(_('terlatih')) if a.terlatih else ''})"


def _anggota_key(a: AnggotaPokja) -> tuple:
    return (a.nama, a.jabatan, a.terlatih, a.telepon)


def _anggota_change(lama: list[AnggotaPokja], baru: list[AnggotaPokja]) -> dict[str, str]:
    old, new = [_anggota_teks(a) for a in lama], [_anggota_teks(a) for a in baru]
    if old == new:  # only phone numbers changed: say so without showing them
        new = [*new, str(_("nomor telepon diubah"))]
    return {
        "label": gettext_noop("anggota"),
        "old": audit.display_value(old),
        "new": audit.display_value(new),
    }


# ------------------------------------------------------------------ snapshots


def validate_kkbpk(data: dict[str, Any], kampung: KampungKB, periode: Periode) -> None:
    """The official KKBPK rules (Kkbpk/CreateRequest.php), field by field.

    Denominators come from the Profil Kependudukan in force for the period;
    poktan participation is only allowed for poktan the Profil says exist."""
    penduduk = selectors.snapshot_at(PendudukKampung, kampung, periode.first_day)
    profil = selectors.snapshot_at(ProfilKampung, kampung, periode.first_day)
    if penduduk is None:
        raise ValidationError(
            _(
                "Isi Profil Kependudukan (periode ini atau sebelumnya) dulu: "
                "PUS dan keluarga sasaran diambil dari sana."
            )
        )
    errors: dict[str, str] = {}
    ada = set(profil.poktan_ada()) if profil else set()
    for poktan, slug in POKTAN_SLUG.items():
        field = f"ikut_{slug}"
        value = data.get(field) or 0
        alias = POKTAN_PENYEBUT[poktan]
        maks = getattr(penduduk, alias)
        if value and poktan not in ada:
            errors[field] = _(
                "Poktan %(p)s belum tercatat “Ada” di Profil Kampung KB; "
                "isi 0 atau ubah Profil dulu."
            ) % {"p": poktan.label}
        elif value > maks:
            errors[field] = _("Tidak boleh lebih dari %(nama)s (%(n)s) di Profil Kependudukan.") % {
                "nama": KELUARGA[alias],
                "n": maks,
            }
    peserta = sum(data.get(f) or 0 for f in KkbpkKampung.KB_FIELDS)
    bukan = sum(data.get(f) or 0 for f in KkbpkKampung.NON_FIELDS)
    if peserta + bukan != penduduk.pus:
        errors["kb_iud"] = _(
            "Jumlah PUS peserta KB (%(a)s) + PUS bukan peserta KB (%(b)s) = %(c)s, "
            "harus sama dengan jumlah PUS di Profil Kependudukan (%(pus)s)."
        ) % {
            "a": audit.display_value(peserta),
            "b": audit.display_value(bukan),
            "c": audit.display_value(peserta + bukan),
            "pus": audit.display_value(penduduk.pus),
        }
    if (data.get("pengguna_bpjs") or 0) > penduduk.jumlah_jiwa:
        errors["pengguna_bpjs"] = _(
            "Tidak boleh lebih dari jumlah jiwa di Profil Kependudukan (%(n)s)."
        ) % {"n": audit.display_value(penduduk.jumlah_jiwa)}
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def snapshot_save(
    *,
    kampung: KampungKB,
    jenis: str,
    periode: Periode,
    data: dict[str, Any],
    expected_version: int,
    by: User,
    check_open: bool = True,
) -> Snapshot:
    """Save one month's Profil / Penduduk / KKBPK as a new version.

    The previous live row of that period is retired, not changed, so the full
    history stays. ``expected_version`` is the live version the user loaded
    (0: none); a different stored one raises ``SnapshotConflict``. The class is
    recomputed from this period on, and the reports app refreshes the desa."""
    model = selectors.JENIS[jenis]
    KampungKB.objects.select_for_update().filter(pk=kampung.pk).first()  # serialise writers
    if check_open:
        periods.check_open(periode, kampung.desa_id)
    current = selectors.snapshot_exact(model, kampung, periode.first_day)
    if (current.version if current else 0) != expected_version:
        raise SnapshotConflict(
            model, kampung, periode.first_day, current or kampung, expected_version
        )
    if jenis == "kkbpk":
        validate_kkbpk(data, kampung, periode)
    fields = [f.name for f in model._meta.concrete_fields if f.name in data]
    before = _audit_values(current, fields) if current else {}
    if current and not _snapshot_changes(model, current, data, fields):
        return current  # the same values again: no new version
    row = model(
        kampung=kampung,
        periode=periode.first_day,
        version=(current.version + 1) if current else 1,
        dibuat_oleh=by if getattr(by, "pk", None) else None,
    )
    # Carry over what the form did not send (an unchanged file), from this
    # period's live row or else the latest earlier one.
    basis = current or selectors.snapshot_at(model, kampung, periode.first_day)
    if basis:
        for f in model._meta.concrete_fields:
            if f.name not in {"id", "periode", "version", "aktif", "dibuat_pada", "dibuat_oleh"}:
                setattr(row, f.attname, getattr(basis, f.attname))
    if current:
        model.objects.filter(pk=current.pk).update(aktif=False)
    for name in fields:
        setattr(row, name, data[name])
    row.save()
    audit.record(
        actor=by,
        action=f"villages.{jenis}.{'update' if current else 'create'}",
        obj=row,
        changes=audit.diff(model, before, _audit_values(row, fields)),
        note=periode.label,
    )
    klasifikasi_refresh(kampung, dari=periode.first_day)
    refresh_desa(kampung.desa_id, periode)
    return row


def _snapshot_changes(model, current: Snapshot, data: dict[str, Any], fields: list[str]) -> dict:
    probe = model(**{f.attname: getattr(current, f.attname) for f in model._meta.concrete_fields})
    for name in fields:
        setattr(probe, name, data[name])
    return audit.diff(model, _audit_values(current, fields), _audit_values(probe, fields))


# ------------------------------------------------------------- classification


def klasifikasi_refresh(kampung: KampungKB, dari: dt.date | None = None) -> str:
    """Recompute the stored class of every period from ``dari`` and the current class.

    A snapshot stays in force until the next one, so a change in one month can
    change the class of later months. Interventions change the lintas-sektor
    count: the interventions app may call this after adding one."""
    rows = {
        jenis: list(model.objects.aktif().filter(kampung=kampung).order_by("periode"))
        for jenis, model in selectors.JENIS.items()
    }
    lintas = selectors.lintas_sektor_counts([kampung.pk]).get(kampung.pk, 0)
    # No snapshot yet, no class: "belum diklasifikasi", never a default "Dasar"
    # (the summary rows, read by the dashboards, have no class for it either).
    kelas = ""
    upserts = []
    for p, hasil in selectors.klasifikasi_per_periode(rows, lintas):
        kelas = hasil.kelas
        if dari is None or p >= dari:
            upserts.append(
                KlasifikasiPeriode(
                    kampung=kampung,
                    periode=p,
                    kelas=hasil.kelas,
                    indeks_input=hasil.indeks["input"],
                    indeks_proses=hasil.indeks["proses"],
                    indeks_output=hasil.indeks["output"],
                    skor=hasil.skor,
                    nilai=hasil.nilai,
                )
            )
    if upserts:
        KlasifikasiPeriode.objects.bulk_create(
            upserts,
            update_conflicts=True,
            unique_fields=["kampung", "periode"],
            update_fields=[
                "kelas",
                "indeks_input",
                "indeks_proses",
                "indeks_output",
                "skor",
                "nilai",
            ],
        )
    KampungKB.objects.filter(pk=kampung.pk).update(kelas=kelas)
    kampung.kelas = kelas
    return kelas
