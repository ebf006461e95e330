"""Optimistic concurrency (design.md §4.5): no lost updates.

A versioned model carries ``version``; a form carries the version the user
loaded. ``save_versioned`` writes only if nobody saved in between, otherwise
raises ``ConflictError`` so the view can keep the user's input and show what
changed (the audit entries written since that version).
"""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _

UNIQUE_VIOLATION = "23505"  # PostgreSQL's SQLSTATE for a duplicate key

CONFLICT_MESSAGE = _(
    "Data ini sudah diubah orang lain sejak Anda membukanya. Isian Anda belum disimpan "
    "dan masih ada di formulir; periksa perubahan mereka di bawah, lalu simpan lagi."
)


class VersionedModel(models.Model):
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True


class ConflictError(Exception):
    def __init__(self, current: models.Model, since_version: int):
        super().__init__(str(CONFLICT_MESSAGE))
        self.current = current
        self.since_version = since_version

    @property
    def changes(self):
        """Audit entries written after the version the user started from."""
        from kampungkb.audit import history

        return history(self.current).filter(version__gt=self.since_version)


def save_versioned(obj: VersionedModel, *, expected_version: int, fields: list[str]) -> None:
    """Save ``fields`` of ``obj`` only if its stored version is still ``expected_version``.

    One UPDATE … WHERE version = expected: atomic on every database, so two
    concurrent saves cannot both win."""
    model = type(obj)
    values = {
        model._meta.get_field(f).attname: getattr(obj, model._meta.get_field(f).attname)
        for f in fields
    }
    updated = model._base_manager.filter(pk=obj.pk, version=expected_version).update(
        version=F("version") + 1, **values
    )
    if not updated:
        raise ConflictError(model._base_manager.get(pk=obj.pk), expected_version)
    obj.version = expected_version + 1


class VersionField(forms.IntegerField):
    """The hidden version the user loaded. 0 is "nothing stored yet" (a month's
    first snapshot, a Pokja not created); leave it empty with ``required=False``
    on a form that creates as well as edits."""

    def __init__(self, **kwargs):
        super().__init__(widget=forms.HiddenInput, min_value=0, **kwargs)


class VersionFormMixin(forms.Form):
    """Adds the hidden ``version`` the user loaded; views pass it to save_versioned."""

    version = VersionField()


def conflict_context(exc: ConflictError, *, user, form: forms.Form | None = None) -> dict:
    """What a form page shows after a stale save (``includes/_conflict.html``):
    the message and what the others changed since, as ``user`` may read it
    (contacts masked as in every history). ``form`` keeps the user's input and
    is re-armed on the stored version, so that "simpan lagi" saves knowingly
    over the changes shown instead of conflicting again."""
    from kampungkb.audit import sentence
    from kampungkb.contacts import for_viewer

    if form is not None and form.is_bound:
        data = form.data.copy()
        data[form.add_prefix("version")] = exc.current.version
        form.data = data
    return {
        "conflict": exc,
        "conflict_message": CONFLICT_MESSAGE,
        "conflict_sentences": [sentence(for_viewer(e, user)) for e in exc.changes],
    }


def create_unique[T](create: Callable[[], T], *, field: str, message) -> T:
    """Run ``create`` in a savepoint. When a concurrent request inserted the
    same unique key between the form's check and this insert, PostgreSQL
    refuses ours: answer the form's own message at ``field`` instead of a 500.
    Other integrity errors are bugs and propagate."""
    try:
        with transaction.atomic():
            return create()
    except IntegrityError as exc:
        if getattr(exc.__cause__, "sqlstate", None) != UNIQUE_VIOLATION:
            raise
        raise ValidationError({field: [message]}) from exc
