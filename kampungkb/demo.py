"""Demo users (design.md §1 personas), all scoped to Pondok Batu's tree. The
regions they sit in come first, from ``villages.demo.seed_wilayah`` (run by
``manage.py seed_demo`` through the apps' ``demo`` hooks)."""

from django.conf import settings

from kampungkb.models import Role, User
from kampungkb.reference import seed_reference_data

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


def seed_users() -> list[str]:
    seed_reference_data()
    # The agency model belongs to an app: reached through the relation.
    Instansi = User._meta.get_field("instansi").related_model
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
