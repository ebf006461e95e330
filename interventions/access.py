"""Who may change what (design.md §4.1). Reading is scope (``for_user``);
these helpers decide writing: False → the view answers 403.

- OPD kabupaten and admin manage everything in their scope.
- An OPD lintas sektor records interventions and edits only its own agency's.
- A kader posts interventions for their own desa and edits their own posts.
- Pimpinan and petugas kecamatan read.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from kampungkb.models import Role

PENGELOLA = {Role.OPD_KABUPATEN, Role.ADMIN}


def is_pengelola(user) -> bool:
    return user.is_superuser or user.role in PENGELOLA


def can_create_intervensi(user) -> bool:
    if is_pengelola(user) or user.role == Role.KADER:
        return True
    return user.role == Role.OPD_LINTAS_SEKTOR and bool(user.instansi_id)


def can_edit_intervensi(user, intervensi) -> bool:
    if is_pengelola(user):
        return True
    if user.role == Role.OPD_LINTAS_SEKTOR:
        return bool(user.instansi_id) and intervensi.instansi_pemilik_id == user.instansi_id
    if user.role == Role.KADER:
        return intervensi.dibuat_oleh_id == user.pk
    return False


def can_manage_inovasi(user) -> bool:
    return is_pengelola(user)


def can_manage_unggulan(user) -> bool:
    return is_pengelola(user) or user.role == Role.KADER


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied
