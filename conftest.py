"""Named personas (style.md) and the world they live in.

Regions: Labuhanbatu (12.10) from the demo CSV, plus Kab. Tapanuli Tengah
(12.01) with its own "Pondok Batu" kelurahan, so out-of-scope objects have
a real home. Every persona is a real user with a real role and scope.
"""

import os
import types

import pytest
from django.contrib.auth.models import AnonymousUser

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PONDOK_BATU = "12.10.09.2009"
MERANTI = "12.10.09.2010"
BILAH_HULU = "12.10.09"
BILAH_BARAT = "12.10.07"
SIBARGOT = "12.10.07.2001"
LABUHANBATU = "12.10"
TAPTENG = "12.01"
PONDOK_BATU_TAPTENG = "12.01.20.1005"

EXTRA_WILAYAH = [
    ("12.01", "Kabupaten Tapanuli Tengah"),
    ("12.01.20", "Sarudik"),
    ("12.01.20.1005", "Pondok Batu"),
]

PERSONAS = [
    "kader_pondokbatu",
    "kader_desa_lain",
    "pkb_bilahhulu",
    "pkb_kecamatan_lain",
    "opd_labuhanbatu",
    "opd_kesehatan",
    "opd_kabupaten_lain",
    "pimpinan",
    "admin_portal",
    "anonim",
]


def _db_order(item) -> int:
    """pytest-django's order: database tests, then transactional ones (they end
    with a flush that empties migration-seeded rows), then the rest."""
    marker = item.get_closest_marker("django_db")
    fixtures = set(getattr(item, "fixturenames", ()))
    transactional = bool(
        marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences"))
    ) or bool({"transactional_db", "live_server"} & fixtures)
    if transactional:
        return 1
    return 0 if marker or "db" in fixtures else 2


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    # Other plugins (Playwright's browser parametrisation) reorder after
    # pytest-django; restore its order so no database test runs after a flush.
    items.sort(key=_db_order)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # PBKDF2 costs ~0.3 s a user; tests create many users and test no hashing.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _reference_data_after_flush(request):
    # A transactional test (browser, concurrency) ends with a flush that also
    # empties rows seeded by data migrations; put them back for the next one.
    marker = request.node.get_closest_marker("django_db")
    transactional = marker is not None and (
        marker.kwargs.get("transaction") or (marker.args and marker.args[0])
    )
    if transactional or {"transactional_db", "live_server"} & set(request.fixturenames):
        from kampungkb.reference import seed_reference_data

        request.getfixturevalue("transactional_db")
        seed_reference_data()


@pytest.fixture
def regions(db):
    from villages.demo import seed_wilayah
    from villages.models import Wilayah, induk_of, tingkat_of

    seed_wilayah()
    for kode, nama in EXTRA_WILAYAH:
        Wilayah.objects.get_or_create(
            kode=kode,
            defaults={"nama": nama, "tingkat": tingkat_of(kode), "induk_id": induk_of(kode)},
        )
    return Wilayah.objects.in_bulk()


def make_user(username, role, wilayah=None, instansi=None, **extra):
    from django.conf import settings

    from kampungkb.models import User

    user = User(username=username, role=role, wilayah_id=wilayah, instansi=instansi, **extra)
    user.set_password(settings.DEMO_PASSWORD)
    user.save()
    return user


@pytest.fixture
def kader_pondokbatu(regions):
    return make_user("kader.pondokbatu", "kader", PONDOK_BATU, first_name="Siti")


@pytest.fixture
def kader_desa_lain(regions):
    return make_user("kader.meranti", "kader", MERANTI)


@pytest.fixture
def pkb_bilahhulu(regions):
    return make_user("pkb.bilahhulu", "petugas_kecamatan", BILAH_HULU)


@pytest.fixture
def pkb_kecamatan_lain(regions):
    return make_user("pkb.bilahbarat", "petugas_kecamatan", BILAH_BARAT)


@pytest.fixture
def opd_labuhanbatu(regions):
    return make_user("opd.labuhanbatu", "opd_kabupaten", LABUHANBATU)


@pytest.fixture
def opd_kesehatan(regions):
    from interventions.models import Instansi

    dinkes = Instansi.objects.get(nama="Dinas Kesehatan", kabupaten=None)
    return make_user("dinkes.labuhanbatu", "opd_lintas_sektor", LABUHANBATU, instansi=dinkes)


@pytest.fixture
def opd_kabupaten_lain(regions):
    return make_user("opd.tapteng", "opd_kabupaten", TAPTENG)


@pytest.fixture
def pimpinan(regions):
    return make_user("pimpinan.labuhanbatu", "pimpinan", LABUHANBATU)


@pytest.fixture
def admin_portal(regions):
    return make_user("admin", "admin", None, is_staff=True, is_superuser=True)


@pytest.fixture
def anonim():
    return AnonymousUser()


@pytest.fixture
def personas(request, db):
    """All personas by name, created on demand."""
    return types.SimpleNamespace(**{name: request.getfixturevalue(name) for name in PERSONAS})


def keeps_files(client):
    """The client as a phone that keeps the portal's stylesheet and loader
    (kampungkb/first_visit.py): pages as every visit after the first sees
    them, without the files' text inline, which would otherwise match (or
    hide) what a test looks for in the page. The first visit itself is
    tested on every page by tests/test_inline_assets.py."""
    from kampungkb import first_visit

    client.cookies[first_visit.COOKIE] = first_visit.version()
    return client


@pytest.fixture
def client(client):
    return keeps_files(client)


@pytest.fixture
def client_for(client):
    """client_for(user) → a test client logged in as that user (anonymous stays out)."""

    def _client_for(user):
        client.logout()  # forgets every cookie
        keeps_files(client)
        if getattr(user, "is_authenticated", False):
            client.force_login(user)
        return client

    return _client_for


@pytest.fixture
def kampung_pondokbatu(regions):
    import datetime as dt

    from villages.models import KampungKB

    return KampungKB.objects.create(
        desa_id=PONDOK_BATU,
        nama="Kampung KB Desa Pondok Batu",
        tanggal_pencanangan=dt.date(2017, 3, 1),
    )


@pytest.fixture
def kampung_tapteng(regions):
    import datetime as dt

    from villages.models import KampungKB

    return KampungKB.objects.create(
        desa_id=PONDOK_BATU_TAPTENG,
        nama="Kampung KB Pondok Batu Sarudik",
        tanggal_pencanangan=dt.date(2019, 5, 2),
    )


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Close Django's connection pool before pytest-django drops the test
    database, or PostgreSQL refuses: 'is being accessed by other users'."""
    yield
    from django.db import connections

    with django_db_blocker.unblock():
        for conn in connections.all(initialized_only=True):
            conn.close()
            if hasattr(conn, "close_pool"):
                conn.close_pool()
