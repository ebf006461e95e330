from django.apps import AppConfig


class KampungKBConfig(AppConfig):
    name = "kampungkb"
    verbose_name = "Portal Kampung KB"

    def ready(self):
        from kampungkb import checks  # noqa: F401 - registers the deploy checks
