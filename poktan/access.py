"""Who may do what with poktan data (design.md §4.1).

Scope (404) comes from ``for_user``; these helpers decide write rights (403)
for users already in scope."""

from __future__ import annotations

from kampungkb.models import Role
from kampungkb.scoping import get_for_user_or_404, require_role

EDITOR_ROLES = (Role.KADER,)
REVIEWER_ROLES = (Role.PETUGAS_KECAMATAN, Role.OPD_KABUPATEN)
# The poktan registry itself (potensi, pengurus): the desa's kader and the kabupaten.
POKTAN_EDITOR_ROLES = (Role.KADER, Role.OPD_KABUPATEN)
# Roles that need the full nomor KK; everyone else sees it masked.
KK_FULL_ROLES = (Role.KADER, Role.OPD_KABUPATEN, Role.ADMIN)


def can_edit(user) -> bool:
    return user.is_superuser or user.role in EDITOR_ROLES


def can_review(user) -> bool:
    return user.is_superuser or user.role in REVIEWER_ROLES


def can_edit_poktan(user) -> bool:
    return user.is_superuser or user.role in POKTAN_EDITOR_ROLES


def can_see_kk(user) -> bool:
    return user.is_superuser or user.role in KK_FULL_ROLES


def poktan_or_404(user, pk: int, *, write: bool = False):
    from poktan.models import Poktan

    poktan = get_for_user_or_404(Poktan.objects.select_related("kampung__desa"), user, pk=pk)
    if write:
        require_role(user, *EDITOR_ROLES)
    return poktan
