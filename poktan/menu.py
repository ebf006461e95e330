"""This app's menu entries (``kampungkb.navigation``)."""

from django.utils.translation import gettext_lazy as _

ENTRIES = [
    ("poktan:laporan-bulan-ini", _("Laporan bulan ini"), {"kader"}),
    (
        "poktan:kelengkapan",
        _("Kelengkapan laporan"),
        {"petugas_kecamatan", "opd_kabupaten", "pimpinan", "admin"},
    ),
]
