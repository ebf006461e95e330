"""The register form: errors at the field with input kept, conflict, double submit."""

import pytest
from django.urls import reverse

from kampungkb.concurrency import CONFLICT_MESSAGE
from poktan import services
from poktan.models import Laporan, Status
from poktan.tests.conftest import BKB_VALUES

pytestmark = pytest.mark.django_db


def url(poktan, periode, name="laporan-edit"):
    return reverse(f"poktan:{name}", args=[poktan.pk, periode])


def post_data(version="", **values):
    data = {
        "version": version,
        **{k: str(v) for k, v in {**BKB_VALUES, **values}.items()},
        "pertemuan-TOTAL_FORMS": "2",
        "pertemuan-INITIAL_FORMS": "0",
        "pertemuan-0-tanggal": "",
        "pertemuan-0-materi": "",
        "pertemuan-0-narasumber": "",
        "pertemuan-0-jumlah_hadir": "",
        "pertemuan-1-tanggal": "",
        "pertemuan-1-materi": "",
        "pertemuan-1-narasumber": "",
        "pertemuan-1-jumlah_hadir": "",
    }
    return data


def test_form_shows_large_numeric_inputs_and_last_month(client_for, kader_pondokbatu, bkb, periode):
    Laporan.objects.create(
        poktan=bkb, periode=periode.prev().first_day, jumlah_anggota=21, keluarga_hadir=13
    )
    response = client_for(kader_pondokbatu).get(url(bkb, periode))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'inputmode="numeric"' in html
    assert "form-control-lg" in html
    assert "Simpan draf" in html and "Ajukan" in html
    assert "<strong>13</strong>" in html  # last month's keluarga hadir beside the field


def test_error_is_shown_at_the_field_and_input_is_kept(client_for, kader_pondokbatu, bkb, periode):
    data = post_data(keluarga_hadir=25, anak_dipantau_kka="abc")
    data["pertemuan-0-materi"] = "Gizi seimbang"
    response = client_for(kader_pondokbatu).post(url(bkb, periode), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Tulis angka bulat, tanpa titik atau koma." in html
    assert 'value="25"' in html and 'value="abc"' in html and 'value="Gizi seimbang"' in html
    assert "Isi tanggal pertemuan." in html
    assert not Laporan.objects.exists()

    data = post_data(keluarga_hadir=25)
    response = client_for(kader_pondokbatu).post(url(bkb, periode), data)
    assert "Tidak boleh lebih dari jumlah keluarga anggota (20)." in response.content.decode()
    assert 'value="25"' in response.content.decode()
    assert not Laporan.objects.exists()


def test_save_then_submit_redirects_and_changes_state(client_for, kader_pondokbatu, bkb, periode):
    client = client_for(kader_pondokbatu)
    response = client.post(url(bkb, periode), post_data())
    assert response.status_code == 302
    laporan = Laporan.objects.get()
    assert laporan.status == Status.DRAF
    response = client.post(url(bkb, periode, "laporan-submit"), post_data(version=laporan.version))
    assert response.status_code == 302
    assert Laporan.objects.get().status == Status.DIAJUKAN


def test_double_submit_creates_one_register(client_for, kader_pondokbatu, bkb, periode):
    client = client_for(kader_pondokbatu)
    first = client.post(url(bkb, periode, "laporan-submit"), post_data())
    second = client.post(url(bkb, periode, "laporan-submit"), post_data())
    assert first.status_code == second.status_code == 302
    assert Laporan.objects.count() == 1
    assert Laporan.objects.get().status == Status.DIAJUKAN
    assert (
        Laporan.objects.get().version == 2
    )  # created, then submitted; the second tap wrote nothing


def test_conflict_keeps_input_and_shows_what_changed(
    client_for, kader_pondokbatu, admin_portal, bkb, periode
):
    services.laporan_save_draft(
        poktan=bkb,
        periode=periode,
        values=BKB_VALUES,
        pertemuan=[],
        expected_version=None,
        by=kader_pondokbatu,
    )
    services.laporan_save_draft(
        poktan=bkb,
        periode=periode,
        values={**BKB_VALUES, "keluarga_hadir": 16},
        pertemuan=[],
        expected_version=1,
        by=admin_portal,
    )
    response = client_for(kader_pondokbatu).post(url(bkb, periode), post_data(1, keluarga_hadir=11))
    html = response.content.decode()
    assert response.status_code == 409
    assert str(CONFLICT_MESSAGE) in html
    assert 'value="11"' in html  # her input is kept
    assert "keluarga hadir 15 → 16" in html  # what the other person changed
    assert Laporan.objects.get().keluarga_hadir == 16
    # Saving again after seeing the change goes through (the form carries the new version).
    response = client_for(kader_pondokbatu).post(url(bkb, periode), post_data(2, keluarga_hadir=11))
    assert response.status_code == 302
    assert Laporan.objects.get().keluarga_hadir == 11


def test_returned_register_shows_the_note_to_the_kader(
    client_for, kader_pondokbatu, pkb_bilahhulu, bkb, periode
):
    client = client_for(pkb_bilahhulu)
    client_for(kader_pondokbatu).post(url(bkb, periode, "laporan-submit"), post_data())
    client = client_for(pkb_bilahhulu)
    page = client.get(url(bkb, periode)).content.decode()
    assert "Kembalikan ke kader" in page and "Simpan draf" not in page
    response = client.post(url(bkb, periode, "laporan-return"), {"catatan": ""})
    assert response.status_code == 200
    assert "Tulis apa yang perlu diperbaiki kader." in response.content.decode()
    response = client.post(url(bkb, periode, "laporan-return"), {"catatan": "Cek angka KKA"})
    assert response.status_code == 302
    page = client_for(kader_pondokbatu).get(url(bkb, periode)).content.decode()
    assert "Cek angka KKA" in page and "Simpan draf" in page


def test_verified_register_page_is_read_only(
    client_for, kader_pondokbatu, pkb_bilahhulu, bkb, periode
):
    client_for(kader_pondokbatu).post(url(bkb, periode, "laporan-submit"), post_data())
    client_for(pkb_bilahhulu).post(url(bkb, periode, "laporan-verify"), {})
    assert Laporan.objects.get().status == Status.DIVERIFIKASI
    client = client_for(kader_pondokbatu)
    page = client.get(url(bkb, periode)).content.decode()
    assert "Simpan draf" not in page and "Diverifikasi oleh" in page
    # The refusal redirects to the month as stored, with the reason (issue 12 item 4).
    response = client.post(url(bkb, periode), post_data(3, keluarga_hadir=1), follow=True)
    assert response.status_code == 200
    assert "tidak dapat diubah" in response.content.decode()
    assert Laporan.objects.get().keluarga_hadir == 15


def test_kader_of_another_desa_gets_404(client_for, kader_desa_lain, bkb, periode):
    client = client_for(kader_desa_lain)
    assert client.get(url(bkb, periode)).status_code == 404
    assert client.post(url(bkb, periode), post_data()).status_code == 404
    assert not Laporan.objects.exists()


def test_pimpinan_reads_but_cannot_write(client_for, pimpinan, bkb, periode):
    client = client_for(pimpinan)
    assert client.get(url(bkb, periode)).status_code == 200
    assert client.post(url(bkb, periode), post_data()).status_code == 403
    assert client.post(url(bkb, periode, "laporan-verify"), {}).status_code == 403


def test_soft_warnings_show_on_a_draft_but_do_not_block(client_for, kader_pondokbatu, bkb, periode):
    Laporan.objects.create(
        poktan=bkb, periode=periode.prev().first_day, jumlah_anggota=20, keluarga_hadir=18
    )
    client = client_for(kader_pondokbatu)
    client.post(url(bkb, periode), post_data(keluarga_hadir=5))
    html = client.get(url(bkb, periode)).content.decode()
    assert "Belum ada pertemuan dicatat bulan ini." in html
    assert "Keluarga hadir turun lebih dari separuh dibanding bulan lalu (18 → 5)." in html
    response = client.post(
        url(bkb, periode, "laporan-submit"), post_data(version=1, keluarga_hadir=5)
    )
    assert response.status_code == 302
    assert Laporan.objects.get(periode=periode.first_day).status == Status.DIAJUKAN


def test_attendance_checkboxes_decide_keluarga_hadir(client_for, kader_pondokbatu, bkb, periode):
    from poktan.tests.conftest import add_members

    members = add_members(bkb, 3)
    client = client_for(kader_pondokbatu)
    html = client.get(url(bkb, periode)).content.decode()
    assert 'type="checkbox" name="hadir"' in html and "Keluarga 1" in html
    data = post_data(keluarga_hadir=40)
    data["hadir"] = [str(members[0].pk), str(members[1].pk)]
    assert client.post(url(bkb, periode), data).status_code == 302
    laporan = Laporan.objects.get()
    assert (laporan.jumlah_anggota, laporan.keluarga_hadir) == (3, 2)
    html = client.get(url(bkb, periode)).content.decode()
    assert html.count("checked") == 2


def test_locked_month_tells_the_kader_and_offers_the_kabupaten_a_reopen(
    client_for, kader_pondokbatu, opd_labuhanbatu, bkb, periode
):
    locked = periode.prev().prev()
    html = client_for(kader_pondokbatu).get(url(bkb, locked)).content.decode()
    assert "Minta Dinas PPKB kabupaten membukanya kembali" in html
    assert 'name="keluarga_hadir"' not in html
    html = client_for(opd_labuhanbatu).get(url(bkb, locked)).content.decode()
    assert "Periode ini sudah terkunci untuk desa ini." in html
