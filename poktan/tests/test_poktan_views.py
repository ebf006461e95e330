"""Poktan registry: add, potensi data, pengurus, SK file, Kampung KB section."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.urls import reverse

from kampungkb.audit import history
from poktan.models import Poktan

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def form_data(**extra):
    return {
        "jenis": "BKL",
        "nama": "BKL Melati",
        "aktif": "on",
        "potensi_tahun": "2026",
        "pengurus-TOTAL_FORMS": "1",
        "pengurus-INITIAL_FORMS": "0",
        "pengurus-0-jabatan": "Ketua",
        "pengurus-0-nama": "Sri Lubis",
        **extra,
    }


def test_kader_adds_a_poktan_to_her_kampung(client_for, kader_pondokbatu, kampung_pondokbatu):
    client = client_for(kader_pondokbatu)
    response = client.post(
        reverse("poktan:poktan-create"), form_data(kampung=kampung_pondokbatu.pk)
    )
    assert response.status_code == 302
    poktan = Poktan.objects.get()
    assert poktan.kampung == kampung_pondokbatu
    assert poktan.pengurus.get().nama == "Sri Lubis"
    assert history(poktan).get().action == "poktan.poktan.create"


def test_kader_cannot_add_to_another_desa(client_for, kader_pondokbatu, kampung_tapteng):
    response = client_for(kader_pondokbatu).post(
        reverse("poktan:poktan-create"), form_data(kampung=kampung_tapteng.pk)
    )
    assert response.status_code == 200
    assert (
        "Pilih pilihan yang valid" in response.content.decode()
        or response.context["form"].errors["kampung"]
    )
    assert not Poktan.objects.exists()


def test_bad_potensi_and_sk_file_are_refused_at_the_field(client_for, opd_labuhanbatu, bkb):
    data = form_data(
        version=bkb.version,
        potensi_tahun="2099",
        sk_berkas=SimpleUploadedFile("sk.exe", b"MZ"),
    )
    response = client_for(opd_labuhanbatu).post(reverse("poktan:poktan-edit", args=[bkb.pk]), data)
    html = response.content.decode()
    assert "Tahun harus antara 2016 dan tahun ini." in html
    # One message for every upload field (kampungkb.uploads), judged by content.
    assert "Isi berkas tidak sesuai. Jenis yang diterima: PDF, JPG atau PNG." in html
    assert 'value="BKL Melati"' in html
    bkb.refresh_from_db()
    assert bkb.nama == "BKB Pondok Batu"


def test_edit_records_pengurus_change_and_serves_sk_in_scope_only(
    client_for, opd_labuhanbatu, opd_kabupaten_lain, bkb
):
    data = form_data(
        version=bkb.version,
        jenis="BKB",
        nama="BKB Mawar",
        sk_nomor="12/SK/2024",
        sk_berkas=SimpleUploadedFile("sk.pdf", b"%PDF-1.4"),
    )
    client = client_for(opd_labuhanbatu)
    assert client.post(reverse("poktan:poktan-edit", args=[bkb.pk]), data).status_code == 302
    bkb.refresh_from_db()
    assert bkb.nama == "BKB Mawar" and bkb.version == 2
    entry = history(bkb).get()
    assert entry.changes["nama"]["new"] == "BKB Mawar"
    assert entry.changes["pengurus"]["new"] == "Ketua: Sri Lubis"
    response = client.get(reverse("poktan:poktan-sk", args=[bkb.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4"
    other = client_for(opd_kabupaten_lain).get(reverse("poktan:poktan-sk", args=[bkb.pk]))
    assert other.status_code == 404


def test_stale_edit_gets_the_conflict_message(client_for, opd_labuhanbatu, bkb):
    client = client_for(opd_labuhanbatu)
    url = reverse("poktan:poktan-edit", args=[bkb.pk])
    client.post(url, form_data(version=1, jenis="BKB", nama="BKB Satu"))
    response = client.post(url, form_data(version=1, jenis="BKB", nama="BKB Dua"))
    assert "sudah diubah orang lain" in response.content.decode()
    bkb.refresh_from_db()
    assert bkb.nama == "BKB Satu"


def test_kampung_section_lists_the_kampung_poktan(
    kader_pondokbatu, kampung_pondokbatu, bkb, bkb_tapteng
):
    from django.template.loader import render_to_string

    from poktan.kampung_sections import sections

    request = RequestFactory().get("/")
    request.user = kader_pondokbatu
    [section] = sections(request, kampung_pondokbatu)
    assert [item[0].nama for item in section["context"]["items"]] == ["BKB Pondok Batu"]
    html = render_to_string(section["template"], section["context"])
    assert reverse("poktan:poktan-detail", args=[bkb.pk]) in html


def test_public_section_names_poktan_but_no_members(kampung_pondokbatu, bkb):
    from django.template.loader import render_to_string

    from poktan.kampung_sections import public_sections
    from poktan.tests.conftest import add_members

    [member] = add_members(bkb, 1)
    [section] = public_sections(kampung_pondokbatu)
    html = render_to_string(section["template"], section["context"])
    assert "BKB Pondok Batu" in html
    assert member.nomor_kk not in html and member.nama_kepala_keluarga not in html
    assert "/poktan/" not in html


def test_detail_reminds_to_refresh_potensi_each_year(client_for, kader_pondokbatu, bkb):
    from django.utils import timezone

    url = reverse("poktan:poktan-detail", args=[bkb.pk])
    assert "belum diperbarui untuk tahun" in client_for(kader_pondokbatu).get(url).content.decode()
    Poktan.objects.filter(pk=bkb.pk).update(potensi_tahun=timezone.localdate().year)
    assert "belum diperbarui" not in client_for(kader_pondokbatu).get(url).content.decode()
