"""Accounts: one per role and region (``<role>.<kode>``), one password for all."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from bench.generate.sql import copy_rows

COLUMNS = [
    "username",
    "first_name",
    "last_name",
    "role",
    "wilayah_id",
    "instansi_id",
    "is_staff",
    "is_superuser",
    "password",
    "is_active",
    "date_joined",
]


def user_rows(regions, dinkes_id) -> list[tuple]:
    """(username, first, last, role, wilayah, instansi, admin) per region level."""
    users = [
        ("admin.bench", "Admin", "Nasional", "admin", None, None, True),
    ]
    for kode, nama in regions.rows:
        tingkat = kode.count(".") + 1
        short = nama[:100]
        if tingkat == 1:
            users.append((f"pimpinan.{kode}", "Pimpinan", short, "pimpinan", kode, None, False))
        elif tingkat == 2:
            users.append((f"opd.{kode}", "Dinas PPKB", short, "opd_kabupaten", kode, None, False))
            users.append((f"pimpinan.{kode}", "Pimpinan", short, "pimpinan", kode, None, False))
            if dinkes_id:
                users.append(
                    (f"dinkes.{kode}", "Dinkes", short, "opd_lintas_sektor", kode, dinkes_id, False)
                )
        elif tingkat == 3:
            users.append((f"pkb.{kode}", "PKB", short, "petugas_kecamatan", kode, None, False))
        else:
            users.append((f"kader.{kode}", "Kader", short, "kader", kode, None, False))
    return users


def users(opts, regions, progress) -> None:
    from interventions.models import Instansi
    from kampungkb.models import User

    progress.step("pengguna")
    password = make_password(opts.password or settings.DEMO_PASSWORD)
    dinkes = Instansi.objects.filter(nama="Dinas Kesehatan", kabupaten=None).first()
    now = timezone.now()
    rows = user_rows(regions, dinkes.pk if dinkes else None)
    n = copy_rows(
        User,
        COLUMNS,
        ((u, f, ln, r, w, i, adm, adm, password, True, now) for u, f, ln, r, w, i, adm in rows),
    )
    progress.count("pengguna", n)
