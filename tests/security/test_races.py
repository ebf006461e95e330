"""Races end in messages (issue 13 §5), on real concurrent PostgreSQL connections.

- Two people creating the same thing at the same moment (same nomor KK, same
  flagship-innovation name, same OPD name, a Kampung KB for the same desa):
  the form's check runs before the first insert commits, so both pass it and
  the database's unique key decides. The loser sees the form's message at the
  field, not a 500. The race is made certain, not hoped for: the "first
  request" inserts in an open transaction on this thread, the second request
  runs on its own thread and connection until it waits on that unique key,
  then the first commits.
- Every create that can be double-posted carries the one-time token: the
  innovation form (twice in a row, ten at once), photo upload, the
  background-download queue.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
import uuid

import pytest
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse

from tests.security.test_integrity import run_together


def _client(user) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def _another_waits_on_a_lock(timeout: float = 20) -> bool:
    """Poll until another backend of this database waits on a lock."""
    deadline = time.monotonic() + timeout
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute("SELECT pg_stat_clear_snapshot()")
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                "AND datname = current_database() AND pid <> pg_backend_pid()"
            )
            if cursor.fetchone()[0]:
                return True
            time.sleep(0.02)
    return False


def race(first, second):
    """``first()`` inserts in an open transaction; ``second()`` (a request on
    its own thread) runs until it waits on that row's unique key; commit."""
    result = {}

    def run():
        try:
            result["response"] = second()
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    with transaction.atomic():
        first()
        thread.start()
        assert _another_waits_on_a_lock(), "the second request never reached the unique key"
    thread.join(timeout=30)
    return result["response"]


@pytest.fixture
def rw(transactional_db):
    """A small world for transactional tests (they see no migration-seeded rows
    once an earlier transactional test has flushed them)."""
    import types

    from conftest import make_user
    from interventions.models import Instansi, TahunIID
    from kampungkb.domain import JenisPoktan
    from poktan.models import Poktan
    from villages.demo import seed_wilayah
    from villages.models import KampungKB

    seed_wilayah()
    w = types.SimpleNamespace()
    w.kampung = KampungKB.objects.create(
        desa_id="12.10.09.2009",
        nama="Kampung KB Pondok Batu",
        tanggal_pencanangan=dt.date(2017, 3, 1),
    )
    w.kader = make_user("kader.pb", "kader", "12.10.09.2009")
    w.opd = make_user("opd.lb", "opd_kabupaten", "12.10")
    w.poktan = Poktan.objects.create(kampung=w.kampung, jenis=JenisPoktan.BKB, nama="BKB")
    w.dinkes, _ = Instansi.objects.get_or_create(nama="Dinas Kesehatan", kabupaten=None)
    tahun, _ = TahunIID.objects.get_or_create(tahun=2023)
    w.tahun = tahun
    w.tematik, _ = tahun.tematik.get_or_create(nama="Non tematik")
    return w


def _form_error(response, field):
    assert response.status_code == 200, response.status_code
    form = response.context["form"]
    assert form.errors.get(field), form.errors
    return " ".join(form.errors[field])


@pytest.mark.django_db(transaction=True)
def test_concurrent_member_with_the_same_nomor_kk(rw):
    from poktan import services_poktan
    from poktan.models import Anggota

    kk = "1210091234567890"
    client = _client(rw.kader)
    response = race(
        lambda: services_poktan.anggota_save(
            poktan=rw.poktan,
            anggota=None,
            data={"nama_kepala_keluarga": "Ani", "nomor_kk": kk},
            expected_version=None,
            by=rw.kader,
        ),
        lambda: client.post(
            reverse("poktan:anggota-create", args=[rw.poktan.pk]),
            {"nama_kepala_keluarga": "Ani (HP kedua)", "nomor_kk": kk},
        ),
    )
    assert "sudah terdaftar" in _form_error(response, "nomor_kk")
    assert Anggota.objects.filter(poktan=rw.poktan).count() == 1
    assert "Ani (HP kedua)" in response.content.decode()  # what was typed is kept


@pytest.mark.django_db(transaction=True)
def test_concurrent_flagship_innovation_with_the_same_name(rw):
    from interventions import services
    from interventions.models import InovasiUnggulan

    client = _client(rw.kader)
    response = race(
        lambda: services.unggulan_create(
            kampung=rw.kampung, data={"nama": "HSP", "inisiator": "Pokja", "urutan": 1}, by=rw.kader
        ),
        lambda: client.post(
            reverse("interventions:unggulan-create", args=[rw.kampung.pk]),
            {"nama": "HSP", "inisiator": "Pokja", "urutan": "1"},
        ),
    )
    assert "sudah punya inovasi" in _form_error(response, "nama")
    assert InovasiUnggulan.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_local_agency_with_the_same_name(rw):
    from interventions import services
    from interventions.models import Instansi
    from villages.models import Wilayah

    kabupaten = Wilayah.objects.get(kode="12.10")
    client = _client(rw.opd)
    response = race(
        lambda: services.instansi_lokal_create(
            kabupaten=kabupaten, nama="Dinas PPKB Labuhanbatu", induk=rw.dinkes, by=rw.opd
        ),
        lambda: client.post(
            reverse("interventions:instansi-create"),
            {"nama": "Dinas PPKB Labuhanbatu", "induk": rw.dinkes.pk},
        ),
    )
    assert "sudah ada" in _form_error(response, "nama")
    assert Instansi.objects.filter(nama="Dinas PPKB Labuhanbatu").count() == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_kampung_kb_for_the_same_desa(rw):
    from villages import services
    from villages.models import KampungKB, Wilayah

    desa = Wilayah.objects.get(kode="12.10.09.2010")
    client = _client(rw.opd)
    response = race(
        lambda: services.kampung_create(
            desa=desa, nama="Kampung KB Meranti", tanggal_pencanangan=dt.date(2018, 5, 2), by=rw.opd
        ),
        lambda: client.post(
            reverse("villages:kampung-create"),
            {"desa": desa.kode, "nama": "Kampung KB Meranti", "tanggal_pencanangan": "2018-05-02"},
        ),
    )
    assert "sudah punya Kampung KB" in " ".join(
        str(e) for errors in response.context["form"].errors.values() for e in errors
    )
    assert KampungKB.objects.filter(desa=desa).count() == 1


def _inovasi_data(w, token) -> dict:
    return {
        "form_token": str(token),
        "nama": "KANG MAS MESRA",
        "kepanjangan": "Kampung Keluarga Berkualitas Masyarakat Sejahtera",
        "wilayah": "12.10.09.2009",
        "tahapan": "Penerapan",
        "inisiator": "OPD",
        "jenis": "Non Digital",
        "bentuk": "Inovasi Pelayanan Publik",
        "tahun_iid": w.tahun.pk,
        "tematik": w.tematik.pk,
        "urusan_utama": "Pengendalian penduduk dan keluarga berencana",
        "waktu_uji_coba": "2022-04-01",
        "waktu_implementasi": "2022-04-01",
        "rancang_bangun": "Paragraf satu.",
        "tujuan_umum": "Meningkatkan kualitas hidup",
        "tujuan_khusus": "a. Satu",
        "manfaat": "Manfaat.",
        "hasil": "Hasil.",
        "kampung": [w.kampung.pk],
    }


@pytest.mark.django_db(transaction=True)
def test_innovation_form_posted_twice_and_ten_times_at_once_creates_one(rw):
    from interventions.models import Inovasi

    client = _client(rw.opd)
    url = reverse("interventions:inovasi-create")
    page = client.get(url)
    assert 'name="form_token"' in page.content.decode()  # the browser sends it back

    data = _inovasi_data(rw, uuid.uuid4())
    first, second = client.post(url, data), client.post(url, data)
    assert first.status_code == 302, first.context and first.context["form"].errors
    assert second.status_code == 302 and second["Location"] == first["Location"]
    assert Inovasi.objects.count() == 1

    data = _inovasi_data(rw, uuid.uuid4())
    clients = [_client(rw.opd) for _ in range(10)]
    outcomes = run_together(*[lambda c=c: c.post(url, data) for c in clients])
    assert all(kind == "ok" and r.status_code == 302 for kind, r in outcomes), outcomes
    assert len({r["Location"] for _kind, r in outcomes}) == 1
    assert Inovasi.objects.count() == 2


@pytest.mark.django_db
def test_photo_upload_posted_twice_adds_one_photo(sec, client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from interventions.models import FotoIntervensi
    from interventions.tests.factories import jpeg_bytes

    client = client_for(sec.personas.opd_labuhanbatu)
    page = client.get(reverse("interventions:intervensi-detail", args=[sec.intervensi.pk]))
    assert 'name="form_token"' in page.content.decode()
    token = str(uuid.uuid4())
    before = FotoIntervensi.objects.filter(intervensi=sec.intervensi).count()
    for _ in range(2):
        response = client.post(
            reverse("interventions:foto-add", args=[sec.intervensi.pk]),
            {
                "berkas": SimpleUploadedFile("a.jpg", jpeg_bytes(), "image/jpeg"),
                "keterangan": "Imunisasi",
                "tipe": "Kegiatan",
                "form_token": token,
            },
        )
        assert response.status_code == 302
    assert FotoIntervensi.objects.filter(intervensi=sec.intervensi).count() == before + 1


@pytest.mark.django_db
def test_download_queue_posted_twice_queues_one_job(sec, client_for):
    from reports.models import Unduhan

    client = client_for(sec.personas.opd_labuhanbatu)
    page = client.get(reverse("reports:rekap-pratinjau", args=["poktan", "12.10"]))
    assert page.status_code == 200
    assert 'name="form_token"' in page.content.decode()
    data = {"jenis": "poktan", "kode": "12.10", "format": "pdf", "form_token": str(uuid.uuid4())}
    first = client.post(reverse("reports:unduhan-create"), data)
    second = client.post(reverse("reports:unduhan-create"), data)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Unduhan.objects.filter(pemilik=sec.personas.opd_labuhanbatu).count() == 1
