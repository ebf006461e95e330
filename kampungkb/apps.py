from django.apps import AppConfig


class KampungKBConfig(AppConfig):
    name = "kampungkb"
    verbose_name = "Portal Kampung KB"
