"""Demo regions and users (design.md §1 personas), all scoped to Pondok Batu's tree."""

from pathlib import Path

from django.conf import settings

from interventions.models import Instansi
from kampungkb.models import Role, User
from kampungkb.reference import seed_reference_data
from villages.wilayah_import import import_wilayah

WILAYAH_CSV = (
    Path(__file__).resolve().parent.parent / "villages" / "fixtures" / "wilayah_labuhanbatu.csv"
)

PONDOK_BATU = "12.10.09.2009"
BILAH_HULU = "12.10.09"
LABUHANBATU = "12.10"

# username, full name, role, wilayah, instansi
DEMO_USERS = [
    ("kader.pondokbatu", "Kader Pondok Batu", Role.KADER, PONDOK_BATU, None),
    ("pkb.bilahhulu", "PKB Bilah Hulu", Role.PETUGAS_KECAMATAN, BILAH_HULU, None),
    ("opd.labuhanbatu", "Dinas PPKB Labuhanbatu", Role.OPD_KABUPATEN, LABUHANBATU, None),
    (
        "dinkes.labuhanbatu",
        "Dinas Kesehatan Labuhanbatu",
        Role.OPD_LINTAS_SEKTOR,
        LABUHANBATU,
        "Dinas Kesehatan",
    ),
    ("pimpinan.labuhanbatu", "Pimpinan Labuhanbatu", Role.PIMPINAN, LABUHANBATU, None),
    ("admin", "Admin Portal", Role.ADMIN, None, None),
]


def seed_wilayah() -> str:
    with WILAYAH_CSV.open(encoding="utf-8", newline="") as stream:
        result = import_wilayah(stream)
    return f"wilayah: dibuat {result.created}, tidak berubah {result.unchanged}"


def seed_users() -> list[str]:
    seed_reference_data()
    created_names = []
    for username, full_name, role, wilayah, instansi in DEMO_USERS:
        first, _, last = full_name.partition(" ")
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "role": role,
                "wilayah_id": wilayah,
                "instansi": Instansi.objects.get(nama=instansi, kabupaten=None)
                if instansi
                else None,
                "is_staff": role == Role.ADMIN,
                "is_superuser": role == Role.ADMIN,
            },
        )
        if created:
            user.set_password(settings.DEMO_PASSWORD)
            user.save(update_fields=["password"])
            created_names.append(username)
    return created_names
