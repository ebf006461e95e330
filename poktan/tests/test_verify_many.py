"""Verifying several submitted registers at once from the queue (issue 17 item 5)."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from kampungkb.models import AuditEntry
from kampungkb.periods import Periode
from poktan.models import Laporan, Status
from poktan.tests.factories import kampung_for

pytestmark = pytest.mark.django_db

URL = "/poktan/verifikasi/"


def _laporan(nama, desa="12.10.09.2009", status=Status.DIAJUKAN):
    from poktan.models import Poktan

    poktan = Poktan.objects.create(kampung=kampung_for(desa), jenis="BKB", nama=nama)
    return Laporan.objects.create(
        poktan=poktan,
        periode=Periode.current().prev().first_day,
        status=status,
        jumlah_anggota=3,
        keluarga_hadir=2,
        anak_dipantau_kka=1,
    )


def _value(lap):
    return f"{lap.pk}:{lap.version}"


def _texts(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_queue_offers_checkboxes_with_the_version_seen(client_for, pkb_bilahhulu, regions):
    a, b = _laporan("BKB Mawar"), _laporan("BKB Melati")
    page = client_for(pkb_bilahhulu).get(reverse("poktan:kelengkapan")).content.decode()
    assert 'action="/poktan/verifikasi/"' in page
    assert f'value="{_value(a)}"' in page and f'value="{_value(b)}"' in page
    assert "Verifikasi terpilih" in page


def test_queue_without_review_rights_has_no_checkboxes(client_for, pimpinan, regions):
    _laporan("BKB Mawar")
    page = client_for(pimpinan).get(reverse("poktan:kelengkapan")).content.decode()
    assert "BKB Mawar" in page
    assert "Verifikasi terpilih" not in page


def test_several_verified_each_audited(client_for, pkb_bilahhulu, regions):
    a, b, c = _laporan("BKB Mawar"), _laporan("BKB Melati"), _laporan("BKB Anggrek")
    client = client_for(pkb_bilahhulu)
    response = client.post(URL, {"laporan": [_value(a), _value(b)], "periode": "2026-10"})
    assert response.status_code == 302
    assert response["Location"].startswith("/poktan/kelengkapan/?periode=2026-10")
    assert _texts(response) == ["2 laporan diverifikasi."]
    statuses = dict(Laporan.objects.values_list("pk", "status"))
    assert statuses == {a.pk: Status.DIVERIFIKASI, b.pk: Status.DIVERIFIKASI, c.pk: Status.DIAJUKAN}
    verified_by = set(
        Laporan.objects.filter(pk__in=[a.pk, b.pk]).values_list("diverifikasi_oleh", flat=True)
    )
    assert verified_by == {pkb_bilahhulu.pk}
    entries = AuditEntry.objects.filter(action="poktan.laporan.verify")
    assert sorted(int(e.object_id) for e in entries) == sorted([a.pk, b.pk])
    assert all(e.actor_id == pkb_bilahhulu.pk for e in entries)


def test_stale_and_no_longer_submitted_are_named_the_rest_go_through(
    client_for, pkb_bilahhulu, opd_labuhanbatu, regions
):
    fresh = _laporan("BKB Mawar")
    stale = _laporan("BKB Melati")
    returned = _laporan("BKB Anggrek")
    seen = {lap.pk: _value(lap) for lap in (fresh, stale, returned)}
    # While the PKB looks at the queue: Melati is returned and submitted again
    # (a new version), Anggrek is returned by the kabupaten.
    from poktan import services

    services.laporan_return(laporan=stale, by=opd_labuhanbatu, note="Cek lagi.")
    stale.refresh_from_db()
    stale.status = Status.DIAJUKAN
    stale.save()
    services.laporan_return(laporan=returned, by=opd_labuhanbatu, note="Angka hadir salah.")

    response = client_for(pkb_bilahhulu).post(URL, {"laporan": list(seen.values())})
    texts = _texts(response)
    assert texts[0] == "1 laporan diverifikasi."
    assert texts[1].startswith("2 laporan tidak diverifikasi:")
    assert "BKB Melati" in texts[1] and "diubah orang lain" in texts[1]
    assert "BKB Anggrek" in texts[1] and "dikembalikan" in texts[1]
    assert "BKB Mawar" not in texts[1]
    statuses = dict(Laporan.objects.values_list("pk", "status"))
    assert statuses[fresh.pk] == Status.DIVERIFIKASI
    assert statuses[stale.pk] == Status.DIAJUKAN
    assert statuses[returned.pk] == Status.DIKEMBALIKAN
    assert AuditEntry.objects.filter(action="poktan.laporan.verify").count() == 1


def test_nothing_ticked_says_so(client_for, pkb_bilahhulu, regions):
    response = client_for(pkb_bilahhulu).post(URL, {})
    assert response.status_code == 302
    assert _texts(response) == ["Centang dulu laporan yang akan diverifikasi."]


def test_malformed_selection_is_a_message_not_an_error(client_for, pkb_bilahhulu, regions):
    a = _laporan("BKB Mawar")
    response = client_for(pkb_bilahhulu).post(URL, {"laporan": [f"{a.pk}", "x:1"]})
    assert response.status_code == 302
    assert "tidak dapat dibaca" in _texts(response)[0]
    assert Laporan.objects.get(pk=a.pk).status == Status.DIAJUKAN


def test_other_kecamatan_register_is_404_and_nothing_verified(
    client_for, pkb_kecamatan_lain, pkb_bilahhulu, regions
):
    ours = _laporan("BKB Mawar")
    response = client_for(pkb_kecamatan_lain).post(URL, {"laporan": [_value(ours)]})
    assert response.status_code == 404
    # A register outside the scope in a mixed selection refuses the whole post.
    lain = _laporan("BKB Bilah Barat", desa="12.10.07.2001")
    response = client_for(pkb_bilahhulu).post(URL, {"laporan": [_value(ours), _value(lain)]})
    assert response.status_code == 404
    assert set(Laporan.objects.values_list("status", flat=True)) == {Status.DIAJUKAN}


@pytest.mark.parametrize("persona", ["kader_pondokbatu", "opd_kesehatan", "pimpinan"])
def test_only_reviewers_may_verify(request, client_for, persona, regions):
    lap = _laporan("BKB Mawar")
    user = request.getfixturevalue(persona)
    response = client_for(user).post(URL, {"laporan": [_value(lap)]})
    assert response.status_code == 403
    assert Laporan.objects.get(pk=lap.pk).status == Status.DIAJUKAN


def test_kabupaten_opd_verifies_across_kecamatan(client_for, opd_labuhanbatu, regions):
    a = _laporan("BKB Mawar")
    response = client_for(opd_labuhanbatu).post(URL, {"laporan": [_value(a)]})
    assert _texts(response) == ["1 laporan diverifikasi."]


def test_home_panel_queue_verifies_and_comes_back_home(client_for, pkb_bilahhulu, regions):
    a = _laporan("BKB Mawar")
    client = client_for(pkb_bilahhulu)
    home = client.get("/").content.decode()
    assert f'value="{_value(a)}"' in home and "Verifikasi terpilih" in home
    response = client.post(URL, {"laporan": [_value(a)], "kembali": "beranda"})
    assert response["Location"] == "/"
    assert _texts(response) == ["1 laporan diverifikasi."]


HOSTILE_SELECTIONS = [
    "",
    "\x00",
    "1:1:1",
    "-1:0",
    "99999999999999999999:1",
    "1:99999999999999999999",
    "<script>alert(1)</script>",
    "１:１",
    ":",
]


@pytest.mark.parametrize("value", HOSTILE_SELECTIONS)
def test_hostile_selection_and_return_fields_never_500(value, client_for, pkb_bilahhulu, regions):
    """Every field the queue's form sends, hostile (the hostile-input suite's
    NOT_HERE names this test): a message or a 404, nothing verified, no 500."""
    a = _laporan("BKB Mawar")
    data = {"laporan": [value], "periode": value, "wilayah": value, "kembali": value}
    response = client_for(pkb_bilahhulu).post(URL, data)
    assert response.status_code in (302, 404), response.status_code
    assert b"<script>alert(1)</script>" not in response.content
    assert Laporan.objects.get(pk=a.pk).status == Status.DIAJUKAN
