"""Who may read which region's dashboard and reports.

Reading is open to every role inside its own region (pimpinan reads and
downloads everything in scope). ``Wilayah.objects.for_user`` also returns the
regions *above* a user for breadcrumbs, so dashboards additionally require
the region to lie inside the user's own scope: a kader asking for the
kabupaten dashboard gets 404, as for any other region outside scope.
"""

from __future__ import annotations

from django.http import Http404

from kampungkb.periods import Periode
from kampungkb.scoping import get_for_user_or_404, kode_in_scope
from villages.models import Wilayah


def wilayah_for(user, kode: str) -> Wilayah:
    wilayah = get_for_user_or_404(Wilayah, user, kode=kode)
    if not user.has_national_scope and not kode_in_scope(kode, user.wilayah_id):
        raise Http404
    return wilayah


def kabupaten_of(wilayah: Wilayah) -> str:
    """The kabupaten name for a document header ('Kabupaten Labuhanbatu')."""
    node = wilayah
    while node.tingkat > 2 and Wilayah.induk.is_cached(node) and node.induk is not None:
        node = node.induk  # the chain was loaded with the object: no query
    if node.tingkat == 2:
        return node.nama
    codes = [*wilayah.ancestor_codes(), wilayah.kode]
    kab = next((c for c in codes if c.count(".") == 1), None)
    if kab is None:
        return wilayah.nama
    return wilayah.nama if kab == wilayah.kode else Wilayah.objects.get(kode=kab).nama


def periode_choices(selected: Periode, n: int = 24) -> list[Periode]:
    """The period chooser: the last ``n`` months, and ``selected`` if older."""
    current = Periode.current()
    choices = [current]
    while len(choices) < n:
        choices.append(choices[-1].prev())
    if selected not in choices:
        choices.append(selected)
    return choices
