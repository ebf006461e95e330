"""This app's menu entries (``kampungkb.navigation``)."""

from django.utils.translation import gettext_lazy as _

from kampungkb.navigation import ALL

ENTRIES = [
    ("villages:kampung-list", _("Kampung KB"), ALL),
]
