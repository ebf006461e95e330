"""Writing the photos of a register (``FotoKegiatan``): add, replace, delete.

Each write locks the register, is refused like any other write of it (month
locked or not begun, register submitted or verified: ``laporan_refusal``),
checks the version the kader's page loaded, bumps the register's version and
leaves an audit entry on the register ("foto kegiatan – → …"). The file is
already cleaned by ``kampungkb.uploads.clean_photo``; a file removed from the
database is removed from disk once the transaction commits."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from kampungkb import audit, thumbnails
from kampungkb.concurrency import ConflictError, save_versioned
from kampungkb.models import User
from kampungkb.uploads import CleanUpload
from poktan import services
from poktan.models import Laporan
from poktan.models_foto import MAKS_FOTO, FotoKegiatan


def _locked(laporan: Laporan, expected_version: int | None) -> Laporan:
    """The register under its row lock, writable and at the version the user saw."""
    locked = (
        Laporan.objects.select_for_update().select_related("poktan__kampung").get(pk=laporan.pk)
    )
    refusal = services.laporan_refusal(
        poktan=locked.poktan, periode=locked.periode_obj, laporan=locked
    )
    if refusal:
        raise ValidationError(refusal)
    if expected_version is not None and expected_version != locked.version:
        raise ConflictError(locked, expected_version)
    return locked


def _name(foto: FotoKegiatan | None) -> str:
    if foto is None:
        return "–"
    return foto.keterangan or _("foto %(n)s") % {"n": foto.pk}


def _record(laporan: Laporan, by, old: str, new: str) -> None:
    laporan.updated_at = timezone.now()
    save_versioned(laporan, expected_version=laporan.version, fields=["updated_at"])
    change = {"label": gettext_noop("foto kegiatan"), "old": old, "new": new}
    audit.record(
        actor=by,
        action="poktan.laporan.update",
        obj=laporan,
        changes={"foto_kegiatan": change},
    )


def _remove_file(name: str, storage) -> None:
    """The photo and its small copies, once the database no longer names them."""

    def remove():
        for width in thumbnails.WIDTHS:
            storage.delete(thumbnails.thumbnail_name(name, width))
        storage.delete(name)

    transaction.on_commit(remove)


@transaction.atomic
def foto_add(
    *,
    laporan: Laporan,
    upload: CleanUpload,
    keterangan: str,
    expected_version: int | None,
    by: User,
) -> FotoKegiatan:
    """One more photo of the month's meetings (at most ``MAKS_FOTO``)."""
    locked = _locked(laporan, expected_version)
    if FotoKegiatan.objects.filter(laporan=locked).count() >= MAKS_FOTO:
        raise ValidationError(
            {
                "berkas": _("Sudah ada %(n)s foto kegiatan; hapus atau ganti satu foto.")
                % {"n": MAKS_FOTO}
            }
        )
    foto = FotoKegiatan(laporan=locked, keterangan=keterangan.strip(), diunggah_oleh=by)
    foto.lebar, foto.tinggi = upload.lebar, upload.tinggi
    foto.berkas.save(upload.berkas.name, upload.berkas, save=False)
    foto.save()
    _record(locked, by, "–", _name(foto))
    return foto


@transaction.atomic
def foto_replace(
    *,
    foto: FotoKegiatan,
    upload: CleanUpload,
    keterangan: str,
    expected_version: int | None,
    by: User,
) -> FotoKegiatan:
    """Another picture in place of ``foto``; an empty ``keterangan`` keeps the old one."""
    locked = _locked(foto.laporan, expected_version)
    foto = FotoKegiatan.objects.select_for_update().get(pk=foto.pk, laporan=locked)
    old_name, storage, old_text = foto.berkas.name, foto.berkas.storage, _name(foto)
    foto.keterangan = keterangan.strip() or foto.keterangan
    foto.lebar, foto.tinggi = upload.lebar, upload.tinggi
    foto.diunggah_oleh = by
    foto.berkas.save(upload.berkas.name, upload.berkas, save=False)
    foto.save()
    _remove_file(old_name, storage)
    _record(locked, by, old_text, _("%(foto)s (diganti)") % {"foto": _name(foto)})
    return foto


@transaction.atomic
def foto_delete(*, foto: FotoKegiatan, expected_version: int | None, by: User) -> None:
    locked = _locked(foto.laporan, expected_version)
    foto = FotoKegiatan.objects.select_for_update().get(pk=foto.pk, laporan=locked)
    name, storage, text = foto.berkas.name, foto.berkas.storage, _name(foto)
    foto.delete()
    _remove_file(name, storage)
    _record(locked, by, text, "–")
