"""Audit completeness (issue 8 §6): every service that changes state leaves an
audit entry saying who, when and what (old → new).

The services are discovered: every public function of ``*/services.py`` and
``*/services_*.py`` with a keyword ``by`` (the acting user). A service without
a scenario below fails the suite, so a new service cannot skip its audit entry
unnoticed.
"""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
from pathlib import Path

import pytest
from django.utils import timezone

from kampungkb.models import AuditEntry
from tests.security.audit_scenarios_interventions import (
    bukti_save,
    foto_add,
    foto_delete,
    inovasi_create,
    inovasi_update,
    instansi_lokal_create,
    intervensi_create,
    intervensi_create_with_foto,
    intervensi_update,
    unggulan_create,
    unggulan_update,
)

pytestmark = pytest.mark.django_db

APPS = ["kampungkb", "villages", "poktan", "interventions", "reports"]
ROOT = Path(__file__).resolve().parents[2]
# ``<app>/services.py`` and its topic modules ``<app>/services_*.py``.
SERVICE_MODULES = sorted(
    f"{app}.{path.stem}" for app in APPS for path in (ROOT / app).glob("services*.py")
)
STATE_VERBS = {"update", "submit", "verify", "return", "reopen", "import", "upload", "delete"}


def discovered_services() -> set[str]:
    found = set()
    for name in SERVICE_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        for fname, fn in inspect.getmembers(module, inspect.isfunction):
            public = fn.__module__ == name and not fname.startswith("_")
            if public and "by" in inspect.signature(fn).parameters:
                found.add(f"{name}.{fname}")
    return found


# --- scenarios: (service, label) -> function(w) that calls the service once ---


def _vs():
    from villages import services

    return services


def _ps():
    from poktan import services

    return services


def _pps():
    from poktan import services_poktan

    return services_poktan


def user_telepon_save(w):
    from kampungkb.services import user_telepon_save as save

    kader = w.personas.kader_pondokbatu
    save(user=kader, telepon="+6281234567890", by=kader)


def periode_reopen(w):
    from kampungkb.services import periode_reopen as reopen
    from villages.models import Wilayah

    reopen(
        desa=Wilayah.objects.get(kode=w.kampung.desa_id),
        periode=w.periode_lalu,
        sampai=timezone.localdate() + dt.timedelta(days=5),
        by=w.personas.opd_labuhanbatu,
        alasan="Terlambat karena banjir",
    )


def kampung_create(w):
    from villages.models import Wilayah

    _vs().kampung_create(
        desa=Wilayah.objects.get(kode="12.10.09.2010"),
        nama="Kampung KB Meranti",
        tanggal_pencanangan=dt.date(2019, 1, 1),
        by=w.personas.opd_labuhanbatu,
    )


def kampung_update(w):
    w.kampung.refresh_from_db()
    _vs().kampung_update(
        kampung=w.kampung,
        data={"nama": "Kampung KB Pondok Batu Sejahtera"},
        expected_version=w.kampung.version,
        by=w.personas.opd_labuhanbatu,
    )


def pokja_save(w):
    from villages.models import Pokja

    pokja = Pokja.objects.get(kampung=w.kampung)
    _vs().pokja_save(
        kampung=w.kampung,
        data={"sk_nomor": "141/99/2024"},
        anggota=[{"nama": "Bu Ketua Pokja", "jabatan": "Ketua", "terlatih": True, "telepon": ""}],
        expected_version=pokja.version,
        by=w.personas.kader_pondokbatu,
    )


def snapshot_save(w):
    from villages.tests.factories import penduduk_data

    _vs().snapshot_save(
        kampung=w.kampung,
        jenis="penduduk",
        periode=w.periode,
        data=penduduk_data(pus=100, keluarga=121),
        expected_version=1,
        by=w.personas.kader_pondokbatu,
        check_open=False,
    )


def _draft(w, hadir=10, expected_version=None):
    return _ps().laporan_save_draft(
        poktan=w.poktan,
        periode=w.periode,
        values={"jumlah_anggota": 20, "keluarga_hadir": hadir, "anak_dipantau_kka": 5},
        pertemuan=[],
        expected_version=expected_version,
        by=w.personas.kader_pondokbatu,
    )


def _no_members(w):
    w.poktan.anggota.all().delete()


def laporan_create(w):
    _no_members(w)
    return _draft(w)


def laporan_update(w):
    _no_members(w)
    laporan = _draft(w)
    return lambda: _draft(w, hadir=12, expected_version=laporan.version)


def laporan_submit(w):
    _no_members(w)
    laporan = _draft(w)
    return lambda: _ps().laporan_submit(laporan=laporan, by=w.personas.kader_pondokbatu)


def laporan_save_and_submit(w):
    """The "Ajukan" button: found once the service named its ``by`` (it took
    ``**kwargs`` before, which hid it from ``discovered_services``)."""
    _no_members(w)
    return lambda: _ps().laporan_save_and_submit(
        poktan=w.poktan,
        periode=w.periode,
        values={"jumlah_anggota": 20, "keluarga_hadir": 10, "anak_dipantau_kka": 5},
        pertemuan=[],
        expected_version=None,
        by=w.personas.kader_pondokbatu,
    )


def _foto_upload():
    from django.core.files.base import ContentFile

    from interventions.tests.factories import jpeg_bytes
    from kampungkb.uploads import CleanUpload

    return CleanUpload(ContentFile(jpeg_bytes(), name="foto.jpg"), 64, 48)


def _foto_service():
    from poktan import services_foto

    return services_foto


def _laporan_with_foto(w):
    _no_members(w)
    laporan = _draft(w)
    foto = _foto_service().foto_add(
        laporan=laporan,
        upload=_foto_upload(),
        keterangan="Penyuluhan",
        expected_version=laporan.version,
        by=w.personas.kader_pondokbatu,
    )
    laporan.refresh_from_db()
    return laporan, foto


def foto_kegiatan_add(w):
    _no_members(w)
    laporan = _draft(w)
    return lambda: _foto_service().foto_add(
        laporan=laporan,
        upload=_foto_upload(),
        keterangan="Penyuluhan gizi",
        expected_version=laporan.version,
        by=w.personas.kader_pondokbatu,
    )


def foto_kegiatan_replace(w):
    laporan, foto = _laporan_with_foto(w)
    return lambda: _foto_service().foto_replace(
        foto=foto,
        upload=_foto_upload(),
        keterangan="Pertemuan kedua",
        expected_version=laporan.version,
        by=w.personas.kader_pondokbatu,
    )


def foto_kegiatan_delete(w):
    laporan, foto = _laporan_with_foto(w)
    return lambda: _foto_service().foto_delete(
        foto=foto, expected_version=laporan.version, by=w.personas.kader_pondokbatu
    )


def laporan_verify(w):
    _ps().laporan_verify(laporan=w.laporan_lalu, by=w.personas.pkb_bilahhulu, note="Baik")


def laporan_return(w):
    _ps().laporan_return(laporan=w.laporan_lalu, by=w.personas.pkb_bilahhulu, note="Cek hadir")


def anggota_create(w):
    _pps().anggota_save(
        poktan=w.poktan,
        anggota=None,
        data={"nama_kepala_keluarga": "Ani", "nomor_kk": "1210091111111111"},
        expected_version=None,
        by=w.personas.kader_pondokbatu,
    )


def anggota_update(w):
    _pps().anggota_save(
        poktan=w.poktan,
        anggota=w.anggota,
        data={"nama_kepala_keluarga": "Budi Santoso", "metode_kb": ""},
        expected_version=w.anggota.version,
        by=w.personas.kader_pondokbatu,
    )


def anggota_import(w):
    _pps().anggota_import(
        poktan=w.poktan,
        rows=[{"nama_kepala_keluarga": "Rina", "nomor_kk": "1210092222222222"}],
        by=w.personas.kader_pondokbatu,
        filename="anggota.csv",
    )


def poktan_create(w):
    _pps().poktan_save(
        poktan=None,
        kampung=w.kampung,
        data={"jenis": "BKR", "nama": "BKR Melati"},
        pengurus=[],
        expected_version=None,
        by=w.personas.kader_pondokbatu,
    )


def poktan_update(w):
    _pps().poktan_save(
        poktan=w.poktan,
        kampung=w.kampung,
        data={"jenis": w.poktan.jenis, "nama": "BKB Mawar"},
        pengurus=[],
        expected_version=w.poktan.version,
        by=w.personas.opd_labuhanbatu,
    )


SCENARIOS = {
    "kampungkb.services.periode_reopen": [periode_reopen],
    "kampungkb.services.user_telepon_save": [user_telepon_save],
    "villages.services.kampung_create": [kampung_create],
    "villages.services.kampung_update": [kampung_update],
    "villages.services.pokja_save": [pokja_save],
    "villages.services.snapshot_save": [snapshot_save],
    "poktan.services.laporan_save_draft": [laporan_create, laporan_update],
    "poktan.services_foto.foto_add": [foto_kegiatan_add],
    "poktan.services_foto.foto_replace": [foto_kegiatan_replace],
    "poktan.services_foto.foto_delete": [foto_kegiatan_delete],
    "poktan.services.laporan_save_and_submit": [laporan_save_and_submit],
    "poktan.services.laporan_submit": [laporan_submit],
    "poktan.services.laporan_verify": [laporan_verify],
    "poktan.services.laporan_return": [laporan_return],
    "poktan.services_poktan.anggota_save": [anggota_create, anggota_update],
    "poktan.services_poktan.anggota_import": [anggota_import],
    "poktan.services_poktan.poktan_save": [poktan_create, poktan_update],
    "interventions.services.intervensi_create": [intervensi_create],
    "interventions.services.intervensi_create_with_foto": [intervensi_create_with_foto],
    "interventions.services.intervensi_update": [intervensi_update],
    "interventions.services.foto_add": [foto_add],
    "interventions.services.foto_delete": [foto_delete],
    "interventions.services.inovasi_create": [inovasi_create],
    "interventions.services.inovasi_update": [inovasi_update],
    "interventions.services.bukti_save": [bukti_save],
    "interventions.services.unggulan_create": [unggulan_create],
    "interventions.services.unggulan_update": [unggulan_update],
    "interventions.services.instansi_lokal_create": [instansi_lokal_create],
}
PARAMS = [
    pytest.param(service, scenario, id=scenario.__name__)
    for service, scenarios in SCENARIOS.items()
    for scenario in scenarios
]


def test_every_service_has_an_audit_scenario():
    missing = discovered_services() - set(SCENARIOS)
    assert not missing, f"service tanpa uji audit: {sorted(missing)}"


@pytest.mark.parametrize("service,scenario", PARAMS)
def test_service_writes_who_when_what(service, scenario, sec):
    def newest():
        return AuditEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0

    last = newest()
    call = scenario(sec)  # a scenario may prepare, then return the call to measure
    if callable(call):
        last = newest()
        call()
    entries = list(AuditEntry.objects.filter(id__gt=last).order_by("id"))
    assert entries, f"{service} ({scenario.__name__}) wrote no audit entry"
    for entry in entries:
        assert entry.actor_id is not None and entry.actor_name, (service, entry.action)
        assert entry.created_at is not None
        assert entry.object_id and entry.object_repr
        verb = entry.action.rsplit(".", 1)[-1]
        if verb in STATE_VERBS - {"delete", "upload"}:
            assert entry.changes, f"{service}: {entry.action} says nothing of what changed"
        if verb == "create":
            assert entry.changes, f"{service}: {entry.action} does not record the new values"
        for change in entry.changes.values():
            assert {"old", "new"} <= set(change), (service, change)


def test_user_create_and_change_through_the_admin_are_audited(sec, client_for):
    from kampungkb.models import User
    from tests.security.forms import baseline, form_fields

    admin = sec.personas.admin_portal
    client = client_for(admin)
    add_url = "/admin/kampungkb/user/add/"
    data = baseline(form_fields(client.get(add_url).content.decode(), add_url, add_url))
    data |= {
        "username": ["kader.baru"],
        "password1": ["Rahasia-Kampung-2026"],
        "password2": ["Rahasia-Kampung-2026"],
        "usable_password": ["true"],
        "role": ["petugas_kecamatan"],
        "wilayah": ["12.10.09"],
    }
    missing_scope = client.post(add_url, data | {"role": ["kader"], "wilayah": [""]})
    assert missing_scope.status_code == 200  # a message at the field, not a 500
    assert "wilayah" in missing_scope.context["adminform"].form.errors
    response = client.post(add_url, data)
    assert response.status_code == 302, response.context and response.context["adminform"].errors
    user = User.objects.get(username="kader.baru")
    created = AuditEntry.objects.get(action="kampungkb.user.create", object_id=str(user.pk))
    assert created.actor_id == admin.pk and created.changes["username"]["new"] == "kader.baru"

    change_url = f"/admin/kampungkb/user/{user.pk}/change/"
    data = baseline(form_fields(client.get(change_url).content.decode(), change_url, change_url))
    data |= {"role": ["kader"], "wilayah": [sec.kampung.desa_id], "telepon": ["081311122233"]}
    data.pop("password", None)
    response = client.post(change_url, data)
    assert response.status_code == 302, response.context and response.context["adminform"].errors
    updated = AuditEntry.objects.get(action="kampungkb.user.update", object_id=str(user.pk))
    assert updated.actor_id == admin.pk
    assert updated.changes["wilayah"]["new"] == "Pondok Batu"
    assert "081311122233" not in str(updated.changes)  # phone numbers stay out of the log
    assert "Rahasia" not in str(AuditEntry.objects.filter(object_id=str(user.pk)).values())
