from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from kampungkb import demo
from kampungkb.hooks import app_hooks


class Command(BaseCommand):
    help = "Isi data demo Kampung KB Desa Pondok Batu (aman diulang: tidak mengubah apa pun)."

    # Each app may provide ``<app>/demo.py`` with ``seed_wilayah() -> str``
    # (regions, before the demo users exist) and ``seed() -> str`` (after);
    # they run in INSTALLED_APPS order (later apps refer to earlier apps'
    # records). Every seed must be idempotent.
    @transaction.atomic
    def handle(self, *args, **options):
        modules = app_hooks("demo")
        for module in modules:
            if hasattr(module, "seed_wilayah"):
                self.stdout.write(module.seed_wilayah())
        created = demo.seed_users()
        self.stdout.write(f"pengguna baru: {', '.join(created) or 'tidak ada'}")
        for module in modules:
            if hasattr(module, "seed"):
                self.stdout.write(f"{module.__name__.split('.')[0]}: {module.seed()}")
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS("Data demo siap. Akun demo:"))
        for username, _name, role, _w, _i in demo.DEMO_USERS:
            self.stdout.write(f"  {username:<22} {role.label}")
        self.stdout.write(f"Kata sandi semua akun demo: {settings.DEMO_PASSWORD}")
