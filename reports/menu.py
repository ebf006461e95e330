"""This app's menu entries (``kampungkb.navigation``)."""

from django.utils.translation import gettext_lazy as _

from kampungkb.navigation import ALL

ENTRIES = [
    (
        "reports:dasbor-home",
        _("Dasbor"),
        {"petugas_kecamatan", "opd_kabupaten", "opd_lintas_sektor", "pimpinan", "admin"},
    ),
    ("reports:laporan-index", _("Laporan dan unduhan"), ALL),
]
