from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PoktanConfig(AppConfig):
    name = "poktan"
    verbose_name = _("Kelompok kegiatan (poktan)")
