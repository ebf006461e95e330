"""Example data told from fact (issue: the demo tells fact from example).

The demo seed states as fact only what its source document states. What it
had to invent (a pencanangan date, monthly snapshots and registers,
intervention dates, the IID parameter choices that make the skor kematangan)
is recorded as keys in the ``contoh`` list of the Kampung KB or innovation,
and every page and PDF about that object says so in one line
(``includes/_contoh.html``). Real data never has such keys.
"""

from django.utils.translation import gettext_lazy as _

LABELS = {
    "tanggal_pencanangan": _("tanggal pencanangan"),
    "profil": _("Profil Kampung KB (pokja, sumber dana, regulasi, mekanisme operasional)"),
    "penduduk": _("Profil Kependudukan"),
    "kkbpk": _("Perkembangan KKBPK dan klasifikasi"),
    "laporan": _("register bulanan poktan"),
    "intervensi_tanggal": _("tanggal, tempat, anggaran dan foto intervensi"),
    "bukti_iid": _("pilihan parameter indikator IID dan skor kematangan"),
    "foto": _("foto"),
}


def labels(obj, only: list[str] | None = None) -> list[str]:
    """The human labels of what ``obj`` (a Kampung KB or an innovation) holds as
    example; ``only``: just these keys (a page about one kind of data)."""
    keys = getattr(obj, "contoh", None) or []
    return [str(LABELS[k]) for k in keys if k in LABELS and (not only or k in only)]
