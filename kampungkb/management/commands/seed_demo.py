import importlib

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from kampungkb import demo

# Each app may provide ``<app>.demo.seed() -> str``; they run in this order
# (later apps refer to earlier apps' records). Every seed must be idempotent.
APP_SEEDS = ["villages", "poktan", "interventions", "reports"]


class Command(BaseCommand):
    help = "Isi data demo Kampung KB Desa Pondok Batu (aman diulang: tidak mengubah apa pun)."

    @transaction.atomic
    def handle(self, *args, **options):
        self.stdout.write(demo.seed_wilayah())
        created = demo.seed_users()
        self.stdout.write(f"pengguna baru: {', '.join(created) or 'tidak ada'}")
        for app in APP_SEEDS:
            try:
                module = importlib.import_module(f"{app}.demo")
            except ModuleNotFoundError as exc:
                if exc.name != f"{app}.demo":
                    raise
                continue
            self.stdout.write(f"{app}: {module.seed()}")
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS("Data demo siap. Akun demo:"))
        for username, _name, role, _w, _i in demo.DEMO_USERS:
            self.stdout.write(f"  {username:<22} {role.label}")
        self.stdout.write(f"Kata sandi semua akun demo: {settings.DEMO_PASSWORD}")
