"""Row-level scoping: the one place that decides what a user may see and change.

Design rule §4.1: every reachable model has ``Model.objects.for_user(user)``;
views, filters, exports, dashboards and PDFs start there. A user's scope is a
Kemendagri region code; a row is in scope when its region code is that code
or lies beneath it (``12.10`` covers ``12.10.09.2009``). Because codes are the
primary key of Wilayah, the test is a prefix match on the stored foreign key,
with no join.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q
from django.http import Http404

if TYPE_CHECKING:
    from kampungkb.models import User


def scope_q(path: str, kode: str | None) -> Q:
    """Q object matching rows whose region code at ``path`` lies in ``kode``.

    ``kode`` None means national scope (everything)."""
    if kode is None:
        return Q()
    return Q(**{path: kode}) | Q(**{f"{path}__startswith": f"{kode}."})


def kode_in_scope(kode: str, scope: str | None) -> bool:
    return scope is None or kode == scope or kode.startswith(f"{scope}.")


class ScopedQuerySet(models.QuerySet):
    """Base QuerySet for every model a user can reach.

    Subclasses (or the model) set ``scope_path``: the lookup path to the
    Kemendagri code of the row's region, e.g. ``"desa__kode"`` or
    ``"kampung__desa__kode"`` (Django reads ``desa__kode`` from the foreign-key
    column itself, without a join, because ``kode`` is Wilayah's primary key)."""

    scope_path: str = "wilayah__kode"

    def for_user(self, user: User | Any) -> ScopedQuerySet:
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return self.none()
        if user.has_national_scope:
            return self.all()
        if not user.wilayah_id:
            return self.none()
        return self.filter(scope_q(self.scope_path, user.wilayah_id))

    def in_wilayah(self, kode: str) -> ScopedQuerySet:
        """Narrow to a region (URL or filter parameters may only narrow)."""
        return self.filter(scope_q(self.scope_path, kode))


def scoped_queryset(path: str) -> type[ScopedQuerySet]:
    """A ScopedQuerySet subclass for the given region path."""
    return type(f"ScopedQuerySet_{path}", (ScopedQuerySet,), {"scope_path": path})


def get_for_user_or_404(queryset: models.QuerySet | type[models.Model], user, **lookup):
    """Fetch one object inside the user's scope; outside scope looks like absent (404)."""
    if isinstance(queryset, type):
        queryset = queryset.objects.all()
    if any(isinstance(v, str) and "\x00" in v for v in lookup.values()):
        raise Http404  # PostgreSQL refuses NUL in text; no such object exists
    try:
        return queryset.for_user(user).get(**lookup)
    except (queryset.model.DoesNotExist, ValueError) as exc:
        raise Http404 from exc


def require_role(user, *roles: str) -> None:
    """In scope but not allowed to act: 403."""
    if not user.is_authenticated:
        raise PermissionDenied
    if user.is_superuser or user.role in roles:
        return
    raise PermissionDenied
