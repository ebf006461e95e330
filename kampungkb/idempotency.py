"""One create per form: double submits never make two records (design.md §4.5).

Create forms carry a hidden one-time ``form_token`` (``OnceFormMixin``); the view
wraps its service call in ``submit_once``. The token row is inserted first, in
the same transaction as the record: a concurrent second POST waits on the
unique key, then finds the token used and gets the first record's URL.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable

from django import forms
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kampungkb.models import FormToken

ALREADY_SUBMITTED = _("Formulir ini sudah terkirim sebelumnya; datanya tidak disimpan dua kali.")
KEEP = dt.timedelta(days=2)


class OnceFormMixin(forms.Form):
    form_token = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4, required=False)


def submit_once(token: uuid.UUID | None, create: Callable[[], str]) -> tuple[str, bool]:
    """Run ``create`` (which returns the URL of what it made) once per token.

    Returns (url, created). Without a token it simply creates."""
    if token is None:
        return create(), True
    with transaction.atomic():
        try:
            with transaction.atomic():
                row = FormToken.objects.create(token=token)
        except IntegrityError:
            url = FormToken.objects.filter(token=token).values_list("url", flat=True).first()
            return url or "/", False
        url = create()
        row.url = url
        row.save(update_fields=["url"])
        FormToken.objects.filter(created_at__lt=timezone.now() - KEEP).delete()
    return url, True
