"""This app's menu entries (``kampungkb.navigation``)."""

from django.utils.translation import gettext_lazy as _

from kampungkb.navigation import ALL

ENTRIES = [
    ("interventions:intervensi-list", _("Intervensi"), ALL),
    ("interventions:inovasi-list", _("Inovasi"), ALL),
    ("interventions:instansi-list", _("Instansi"), {"opd_kabupaten", "admin"}),
]
