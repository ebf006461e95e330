"""State changes of interventions and innovations: each writes an audit entry
and refreshes the dashboard summaries it affects (reports.summaries)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from interventions import iid
from interventions.models import (
    MAKS_FOTO,
    BuktiIID,
    FotoIntervensi,
    IndikatorIID,
    Inovasi,
    InovasiUnggulan,
    Instansi,
    Intervensi,
    ParameterIID,
)
from interventions.selectors import lintas_sektor_count
from kampungkb.audit import diff, record, snapshot
from kampungkb.concurrency import ConflictError, create_unique, save_versioned
from kampungkb.models import Role, User
from kampungkb.periods import Periode
from kampungkb.uploads import CleanUpload
from reports.summaries import refresh_desa

INTERVENSI_FIELDS = [
    "kampung",
    "judul",
    "tanggal",
    "tempat",
    "deskripsi",
    "jenis",
    "seksi",
    "sasaran",
    "sasaran_lainnya",
    "instansi_lainnya",
    "inpres_kegiatan",
    "target_poktan",
    "sumber_dana",
    "anggaran",
    "penerima_manfaat",
    "status",
]


def _check_version(stored, expected_version: int) -> None:
    """An unchanged save from a stale page is still a conflict (as a changed one is)."""
    if stored.version != expected_version:
        raise ConflictError(stored, expected_version)


def _periode(tanggal: dt.date) -> Periode:
    return Periode(tanggal.year, tanggal.month)


def _refresh_month_and_now(desa_kode: str, tanggal: dt.date) -> None:
    # The intervention's month (counts by seksi/instansi) and the current month,
    # whose lintas-sektor figure counts every intervention of the village.
    periode, now = _periode(tanggal), Periode.current()
    refresh_desa(desa_kode, periode)
    if periode != now:
        refresh_desa(desa_kode, now)


def _refresh(intervensi: Intervensi) -> None:
    _refresh_month_and_now(intervensi.kampung.desa_id, intervensi.tanggal)


def _reclassify_if_changed(kampung_list, before: dict[int, int]) -> None:
    """The lintas-sektor count is an input of the Kampung KB class (domain.md §3.1)."""
    from villages.services import klasifikasi_refresh

    after = lintas_sektor_count([k.pk for k in kampung_list])
    for kampung in kampung_list:
        if after[kampung.pk] != before.get(kampung.pk):
            klasifikasi_refresh(kampung)


def _instansi_with_own(instansi, by: User) -> list[Instansi]:
    chosen = list(instansi)
    # A lintas-sektor entry always names the agency that recorded it.
    own = by.instansi_id if by.role == Role.OPD_LINTAS_SEKTOR else None
    if own and own not in {i.pk for i in chosen}:
        chosen.append(by.instansi)
    return chosen


@transaction.atomic
def intervensi_create(*, data: dict[str, Any], instansi, by: User) -> Intervensi:
    """Record an intervention; a lintas-sektor user's agency owns it."""
    obj = Intervensi(**{f: data[f] for f in INTERVENSI_FIELDS if f in data})
    obj.dibuat_oleh = by
    if by.role == Role.OPD_LINTAS_SEKTOR:
        obj.instansi_pemilik_id = by.instansi_id
    before = lintas_sektor_count([obj.kampung_id])
    obj.save()
    obj.instansi.set(_instansi_with_own(instansi, by))
    new = snapshot(obj, [f for f in INTERVENSI_FIELDS if f in data])
    record(
        actor=by,
        action="interventions.intervensi.create",
        obj=obj,
        changes=diff(Intervensi, {}, new),
    )
    _reclassify_if_changed([obj.kampung], before)
    _refresh(obj)
    return obj


@transaction.atomic
def intervensi_update(
    *, intervensi: Intervensi, data: dict[str, Any], instansi, expected_version: int, by: User
) -> Intervensi:
    """Change an intervention; ConflictError if someone saved since ``expected_version``.

    Nothing changed: nothing is written and the version stays."""
    fields = [f for f in INTERVENSI_FIELDS if f in data]
    stored = Intervensi.objects.select_related("kampung").get(pk=intervensi.pk)
    before = snapshot(stored, [*fields, "instansi"])
    chosen = _instansi_with_own(instansi, by)
    for f in fields:
        setattr(intervensi, f, data[f])
    changes = diff(
        Intervensi,
        before,
        snapshot(intervensi, fields) | {"instansi": sorted(str(i) for i in chosen)},
    )
    if not changes:
        _check_version(stored, expected_version)
        return intervensi
    old_desa, old_tanggal = stored.kampung.desa_id, stored.tanggal
    kampung_list = [stored.kampung]
    if "kampung" in data and data["kampung"].pk != stored.kampung_id:
        kampung_list.append(data["kampung"])
    lintas_before = lintas_sektor_count([k.pk for k in kampung_list])
    save_versioned(intervensi, expected_version=expected_version, fields=[*fields, "updated_at"])
    intervensi.instansi.set(chosen)
    record(actor=by, action="interventions.intervensi.update", obj=intervensi, changes=changes)
    _reclassify_if_changed(kampung_list, lintas_before)
    if (old_desa, _periode(old_tanggal)) != (
        intervensi.kampung.desa_id,
        _periode(intervensi.tanggal),
    ):
        refresh_desa(old_desa, _periode(old_tanggal))
    _refresh(intervensi)
    return intervensi


@transaction.atomic
def foto_add(
    *, intervensi: Intervensi, foto: CleanUpload, keterangan: str, tipe: str, publik: bool, by: User
) -> FotoIntervensi:
    """Add a photo in the first free slot of 1..5 (the row lock serialises uploads)."""
    Intervensi.objects.select_for_update().filter(pk=intervensi.pk).first()
    used = set(
        FotoIntervensi.objects.filter(intervensi=intervensi).values_list("urutan", flat=True)
    )
    free = [n for n in range(1, MAKS_FOTO + 1) if n not in used]
    if not free:
        raise ValidationError(
            _("Sudah ada %(n)s foto; hapus satu sebelum menambah.") % {"n": MAKS_FOTO}
        )
    obj = FotoIntervensi(
        intervensi=intervensi,
        urutan=free[0],
        keterangan=keterangan,
        tipe=tipe,
        publik=publik,
        lebar=foto.lebar,
        tinggi=foto.tinggi,
    )
    obj.berkas.save(foto.berkas.name, foto.berkas, save=False)
    obj.save()
    record(actor=by, action="interventions.foto.upload", obj=intervensi, note=keterangan)
    return obj


@transaction.atomic
def intervensi_create_with_foto(
    *,
    data: dict[str, Any],
    instansi,
    fotos: list[CleanUpload],
    tipe: str,
    keterangan: str,
    publik: bool,
    by: User,
) -> Intervensi:
    """Record an intervention and its first photos (at most MAKS_FOTO) at once."""
    obj = intervensi_create(data=data, instansi=instansi, by=by)
    for foto in fotos[:MAKS_FOTO]:
        foto_add(intervensi=obj, foto=foto, keterangan=keterangan, tipe=tipe, publik=publik, by=by)
    return obj


@transaction.atomic
def foto_delete(*, foto: FotoIntervensi, by: User) -> None:
    intervensi = foto.intervensi
    note = foto.keterangan or f"#{foto.urutan}"
    name = foto.berkas.name
    storage = foto.berkas.storage
    foto.delete()
    transaction.on_commit(lambda: storage.delete(name))
    record(actor=by, action="interventions.foto.delete", obj=intervensi, note=str(note))


# --- Inovasi -----------------------------------------------------------------

INOVASI_FIELDS = [
    "wilayah",
    "nama",
    "kepanjangan",
    "perangkat_daerah",
    "uptd",
    "tahapan",
    "inisiator",
    "nama_inisiator",
    "jenis",
    "bentuk",
    "klasifikasi",
    "tahun_iid",
    "tematik",
    "urusan_utama",
    "urusan_lain",
    "waktu_uji_coba",
    "waktu_implementasi",
    "rancang_bangun",
    "tujuan_umum",
    "tujuan_khusus",
    "manfaat",
    "hasil",
    "video",
]
INOVASI_FILES = ["berkas_anggaran", "berkas_profil_bisnis"]
INOVASI_M2M = ["kampung", "intervensi"]


def _desa_of(inovasi: Inovasi) -> set[str]:
    """The desa whose summary rows count this innovation (its place or its Kampung KB)."""
    desa = {k.desa_id for k in inovasi.kampung.all()}
    if inovasi.wilayah_id and inovasi.wilayah_id.count(".") == 3:
        desa.add(inovasi.wilayah_id)
    return desa


def _refresh_inovasi(desa: set[str]) -> None:
    # Innovations are counted as they stand: the current month's rows.
    for kode in sorted(desa):
        refresh_desa(kode, Periode.current())


def _save_files(inovasi: Inovasi, files: dict) -> None:
    for name in INOVASI_FILES:
        upload = files.get(name)
        if upload:
            getattr(inovasi, name).save(upload.name, upload, save=False)


@transaction.atomic
def inovasi_create(*, data: dict[str, Any], files: dict, by: User) -> Inovasi:
    obj = Inovasi(**{f: data[f] for f in INOVASI_FIELDS if f in data}, dibuat_oleh=by)
    obj.save()
    _save_files(obj, files)
    obj.save(update_fields=INOVASI_FILES)
    for name in INOVASI_M2M:
        if name in data:
            getattr(obj, name).set(data[name])
    new = snapshot(obj, [f for f in INOVASI_FIELDS if f in data])
    record(actor=by, action="interventions.inovasi.create", obj=obj, changes=diff(Inovasi, {}, new))
    _refresh_inovasi(_desa_of(obj))
    return obj


@transaction.atomic
def inovasi_update(
    *, inovasi: Inovasi, data: dict[str, Any], files: dict, expected_version: int, by: User
) -> Inovasi:
    fields = [f for f in INOVASI_FIELDS if f in data]
    m2m = [f for f in INOVASI_M2M if f in data]
    # The form may already have written its values onto ``inovasi``: compare with the row.
    stored = Inovasi.objects.get(pk=inovasi.pk)
    before = snapshot(stored, [*fields, *m2m])
    desa_before = _desa_of(stored)
    tahun_berubah = "tahun_iid" in data and data["tahun_iid"].pk != stored.tahun_iid_id
    for f in fields:
        setattr(inovasi, f, data[f])
    changed_files = [f for f in INOVASI_FILES if files.get(f)]
    after = snapshot(inovasi, fields) | {name: sorted(str(o) for o in data[name]) for name in m2m}
    changes = diff(Inovasi, before, after)
    if not changes and not changed_files:
        _check_version(stored, expected_version)
        return inovasi  # nothing changed: nothing written, the version stays
    _save_files(inovasi, files)
    save_versioned(
        inovasi, expected_version=expected_version, fields=[*fields, *changed_files, "updated_at"]
    )
    for name in m2m:
        getattr(inovasi, name).set(data[name])
    for f in changed_files:
        changes[f] = {"label": str(Inovasi._meta.get_field(f).verbose_name), "old": "–", "new": "✓"}
    if tahun_berubah:
        _update_skor(inovasi)
    record(actor=by, action="interventions.inovasi.update", obj=inovasi, changes=changes)
    _refresh_inovasi(desa_before | _desa_of(inovasi))
    return inovasi


def _update_skor(inovasi: Inovasi) -> None:
    inovasi.skor_kematangan = iid.skor_tersimpan(inovasi)
    Inovasi.objects.filter(pk=inovasi.pk).update(skor_kematangan=inovasi.skor_kematangan)


BUKTI_FIELDS = ["parameter", "nomor_surat", "tanggal_surat", "tentang", "tautan"]


@transaction.atomic
def bukti_save(
    *,
    inovasi: Inovasi,
    indikator: IndikatorIID,
    data: dict[str, Any],
    berkas=None,
    nama_berkas: str = "",
    hapus_berkas: bool = False,
    expected_version: int | None,
    by: User,
) -> BuktiIID:
    """Choose a parameter and record its evidence for one indicator.

    The parameter's bobot is copied into the evidence row when the parameter is
    (re)chosen; the innovation's skor kematangan is recomputed from stored bobot."""
    parameter: ParameterIID | None = data.get("parameter")
    if parameter is not None and parameter.indikator_id != indikator.pk:
        raise ValidationError(_("Parameter ini bukan milik indikator tersebut."))
    bukti, created = BuktiIID.objects.get_or_create(inovasi=inovasi, indikator=indikator)
    fields = [f for f in BUKTI_FIELDS if f in data]
    before = snapshot(bukti, [*fields, "bobot"])
    old_parameter_id = bukti.parameter_id
    for f in fields:
        setattr(bukti, f, data[f])
    if parameter is None:
        bukti.bobot = 0
    elif created or old_parameter_id != parameter.pk:
        bukti.bobot = parameter.bobot
    extra = []
    if berkas:
        # ``nama_berkas`` is what the uploader called it: shown, never used as a path.
        bukti.berkas.save(berkas.name, berkas, save=False)
        bukti.nama_berkas = nama_berkas[:150]
        extra += ["berkas", "nama_berkas"]
    elif hapus_berkas and bukti.berkas:
        old = bukti.berkas.name
        storage = bukti.berkas.storage
        bukti.berkas = ""
        bukti.nama_berkas = ""
        transaction.on_commit(lambda: storage.delete(old))
        extra += ["berkas", "nama_berkas"]
    changes = diff(BuktiIID, before, snapshot(bukti, [*fields, "bobot"]))
    if not created and not changes and not extra:
        if expected_version is not None:
            _check_version(bukti, expected_version)
        return bukti  # nothing changed: nothing written, the version stays
    version = bukti.version if created or expected_version is None else expected_version
    save_versioned(bukti, expected_version=version, fields=[*fields, "bobot", *extra])
    if extra:
        changes["berkas"] = {
            "label": gettext_noop("dokumen"),
            "old": "–",
            "new": (bukti.nama_berkas or "✓") if berkas else "–",
        }
    _update_skor(inovasi)
    record(
        actor=by,
        action="interventions.bukti.update",
        obj=inovasi,
        changes=changes,
        note=str(indikator),
    )
    return bukti


# --- Inovasi unggulan --------------------------------------------------------

UNGGULAN_FIELDS = [
    "nama",
    "singkatan",
    "deskripsi",
    "inisiator",
    "sumber_inisiatif",
    "ketua",
    "telepon",
    "urutan",
]


@transaction.atomic
def unggulan_create(*, kampung, data: dict[str, Any], by: User) -> InovasiUnggulan:
    obj = create_unique(
        lambda: InovasiUnggulan.objects.create(
            kampung=kampung, **{f: data[f] for f in UNGGULAN_FIELDS if f in data}
        ),
        field="nama",
        message=_("Kampung KB ini sudah punya inovasi dengan nama ini."),
    )
    # Flagship innovations are on no dashboard: no summary to refresh.
    new = snapshot(obj, [f for f in UNGGULAN_FIELDS if f in data])
    record(
        actor=by,
        action="interventions.unggulan.create",
        obj=obj,
        changes=diff(InovasiUnggulan, {}, new),
    )
    return obj


@transaction.atomic
def unggulan_update(
    *, unggulan: InovasiUnggulan, data: dict[str, Any], expected_version: int, by: User
) -> InovasiUnggulan:
    fields = [f for f in UNGGULAN_FIELDS if f in data]
    stored = InovasiUnggulan.objects.get(pk=unggulan.pk)
    before = snapshot(stored, fields)
    for f in fields:
        setattr(unggulan, f, data[f])
    changes = diff(InovasiUnggulan, before, snapshot(unggulan, fields))
    if not changes:
        _check_version(stored, expected_version)
        return unggulan  # nothing changed: nothing written, the version stays
    save_versioned(unggulan, expected_version=expected_version, fields=fields)
    record(actor=by, action="interventions.unggulan.update", obj=unggulan, changes=changes)
    return unggulan


# --- Instansi lokal ----------------------------------------------------------


@transaction.atomic
def instansi_lokal_create(*, kabupaten, nama: str, induk: Instansi, by: User) -> Instansi:
    """A local OPD name of one kabupaten, matched to its official agency."""
    obj = create_unique(
        lambda: Instansi.objects.create(nama=nama, kabupaten=kabupaten, induk=induk, urutan=100),
        field="nama",
        message=_("Nama ini sudah ada di daftar instansi."),
    )
    record(
        actor=by,
        action="interventions.instansi.create",
        obj=obj,
        changes=diff(Instansi, {}, snapshot(obj, ["nama", "kabupaten", "induk"])),
        note=f"{nama} = {induk}",
        wilayah_kode=kabupaten.kode,
    )
    return obj
