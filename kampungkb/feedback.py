"""What a form says after a POST: saved only when something was stored."""

from __future__ import annotations

from django.contrib import messages
from django.utils.translation import gettext_lazy as _

NO_CHANGES = _("Tidak ada perubahan; tidak ada yang disimpan.")


def saved(request, *, stored: bool, text) -> None:
    """``text`` (success) when the service stored something, else "no changes".

    Services return the object unsaved and its version unchanged when the
    posted values equal the stored ones; views pass ``stored`` accordingly."""
    if stored:
        messages.success(request, text)
    else:
        messages.info(request, NO_CHANGES)
