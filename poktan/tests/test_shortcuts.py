"""The kader's shortcuts on the register (issue 17 item 3): copying last
month's attendance, adding a meeting row without saving, and the count of
ticked families (shown by the server without JavaScript)."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from kampungkb.concurrency import CONFLICT_MESSAGE
from poktan.models import Laporan, Status
from poktan.tests.conftest import add_members
from poktan.tests.test_laporan_views import post_data, url

pytestmark = pytest.mark.django_db


def _texts(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.fixture
def members(bkb, periode):
    """Five families; last month's list ticked 0, 1, 2 and 4, and 4 has left since."""
    anggota = add_members(bkb, 5)
    lalu = Laporan.objects.create(poktan=bkb, periode=periode.prev().first_day, keluarga_hadir=4)
    lalu.anggota_hadir.set([a.pk for a in anggota[:3]] + [anggota[4].pk])
    anggota[4].aktif = False
    anggota[4].save()
    return anggota


def _data(members, ticked, version=""):
    data = post_data(version=version, keluarga_hadir=0, jumlah_anggota=4)
    data["hadir"] = [str(members[i].pk) for i in ticked]
    return data


def test_copy_ticks_last_months_families_and_saves_the_draft(
    client_for, kader_pondokbatu, bkb, periode, members
):
    client = client_for(kader_pondokbatu)
    response = client.post(url(bkb, periode, "laporan-hadir-copy"), _data(members, [3]))
    assert response.status_code == 302
    assert "3 keluarga dari daftar hadir bulan lalu disalin." in _texts(response)
    laporan = Laporan.objects.get(periode=periode.first_day)
    # Her own tick kept, last month's active families added, the one who left not.
    assert set(laporan.anggota_hadir.values_list("pk", flat=True)) == {
        members[i].pk for i in (0, 1, 2, 3)
    }
    assert laporan.keluarga_hadir == 4 and laporan.status == Status.DRAF
    html = client.get(url(bkb, periode)).content.decode()
    assert "Dicentang: 4 dari 4 keluarga" in html

    again = client.post(
        url(bkb, periode, "laporan-hadir-copy"), _data(members, [0, 1, 2, 3], laporan.version)
    )
    assert "Semua keluarga yang hadir bulan lalu sudah dicentang." in _texts(again)


def test_copy_without_last_month_says_nothing_was_copied(
    client_for, kader_pondokbatu, bkb, periode
):
    add_members(bkb, 2)
    response = client_for(kader_pondokbatu).post(
        url(bkb, periode, "laporan-hadir-copy"), post_data(jumlah_anggota=2, keluarga_hadir=0)
    )
    assert response.status_code == 302
    assert any("tidak ada yang disalin" in t for t in _texts(response))


def test_copy_is_refused_on_a_submitted_register(
    client_for, kader_pondokbatu, bkb, periode, members
):
    laporan = Laporan.objects.create(poktan=bkb, periode=periode.first_day, status=Status.DIAJUKAN)
    response = client_for(kader_pondokbatu).post(
        url(bkb, periode, "laporan-hadir-copy"), _data(members, [], laporan.version)
    )
    assert response.status_code == 302
    assert "Laporan ini sudah diajukan dan tidak dapat diubah lagi." in _texts(response)
    assert not laporan.anggota_hadir.exists()


def test_copy_over_a_changed_register_is_a_conflict(
    client_for, kader_pondokbatu, bkb, periode, members
):
    client = client_for(kader_pondokbatu)
    client.post(url(bkb, periode), _data(members, [3]))
    laporan = Laporan.objects.get(periode=periode.first_day)
    stale = laporan.version
    client.post(url(bkb, periode), _data(members, [3, 0], stale))  # another phone saved
    response = client.post(url(bkb, periode, "laporan-hadir-copy"), _data(members, [3], stale))
    assert response.status_code == 409
    assert str(CONFLICT_MESSAGE) in response.content.decode()
    assert set(laporan.anggota_hadir.values_list("pk", flat=True)) == {members[3].pk, members[0].pk}


def test_add_meeting_row_keeps_everything_typed_and_saves_nothing(
    client_for, kader_pondokbatu, bkb, periode
):
    data = post_data(keluarga_hadir=14)
    data.update(
        {"pertemuan-0-tanggal": periode.first_day.isoformat(), "pertemuan-0-materi": "Gizi"}
    )
    data["pertemuan-0-jumlah_hadir"] = "9"
    response = client_for(kader_pondokbatu).post(url(bkb, periode, "laporan-pertemuan-add"), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="pertemuan-2-tanggal"' in html  # two rows posted, three shown
    assert 'value="14"' in html and 'value="Gizi"' in html
    assert 'name="pertemuan-TOTAL_FORMS" value="3"' in html
    assert "Baris pertemuan ditambahkan. Isian belum disimpan." in html
    assert not Laporan.objects.exists()


def test_ticked_count_is_shown_by_the_server_after_saving(
    client_for, kader_pondokbatu, bkb, periode, members
):
    client = client_for(kader_pondokbatu)
    html = client.get(url(bkb, periode)).content.decode()
    assert "Dicentang: 0 dari 4 keluarga" in html
    assert "Salin daftar hadir bulan lalu" in html and "Tambah pertemuan" in html
    client.post(url(bkb, periode), _data(members, [0, 2]))
    html = client.get(url(bkb, periode)).content.decode()
    assert "Dicentang: 2 dari 4 keluarga" in html
    assert 'id="id_keluarga_hadir" value="2"' in html
    assert reverse("poktan:laporan-hadir-copy", args=[bkb.pk, periode]) in html
