"""Kampung KB pages as the personas use them."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kampungkb.periods import Periode
from villages import services
from villages.choices import Kelas
from villages.models import AnggotaPokja, KampungKB, KkbpkKampung, PendudukKampung, Pokja
from villages.tests.factories import kkbpk_data, penduduk_data, profil_data

pytestmark = pytest.mark.django_db
PONDOK_BATU = "12.10.09.2009"


@pytest.fixture
def ini():
    return Periode.current()


@pytest.fixture
def terisi(kampung_pondokbatu, opd_labuhanbatu, ini):
    k = kampung_pondokbatu
    for jenis, data in (
        ("profil", profil_data()),
        ("penduduk", penduduk_data()),
        ("kkbpk", kkbpk_data(peserta=38)),
    ):
        services.snapshot_save(
            kampung=k, jenis=jenis, periode=ini, data=data, expected_version=0, by=opd_labuhanbatu
        )
    return k


def kkbpk_url(ini):
    return reverse("villages:snapshot-edit", args=[PONDOK_BATU, "kkbpk", str(ini)])


def post_data(data: dict, version: int) -> dict:
    return {k: "" if v is None else v for k, v in data.items()} | {"version": version}


def test_opd_sees_class_sub_scores_and_path(terisi, opd_labuhanbatu, client_for):
    response = client_for(opd_labuhanbatu).get(
        reverse("villages:kampung-detail", args=[PONDOK_BATU])
    )
    html = response.content.decode()
    assert 'class="badge badge-berkembang"' in html
    assert "Mekanisme operasional" in html and "Unmet need" in html
    assert "Jalan ke kelas Berkelanjutan" in html
    assert "CPR 38 % → butuh &gt; 40 %" in html
    assert "<svg" in html  # the pyramid


def test_opd_edits_kkbpk_and_class_and_history_follow(terisi, opd_labuhanbatu, client_for, ini):
    client = client_for(opd_labuhanbatu)
    response = client.post(kkbpk_url(ini), post_data(kkbpk_data(peserta=60, unmet=5), 1))
    assert response.status_code == 302
    terisi.refresh_from_db()
    assert terisi.kelas == Kelas.BERKELANJUTAN
    page = client.get(reverse("villages:kampung-detail", args=[PONDOK_BATU])).content.decode()
    assert 'class="badge badge-berkelanjutan"' in page
    form_page = client.get(kkbpk_url(ini)).content.decode()
    assert "PUS Menggunakan Suntik 20 → 42" in form_page  # the history sentence
    assert "Versi tersimpan 2" in form_page


def test_bad_numbers_are_refused_at_the_field_and_input_is_kept(
    terisi, opd_labuhanbatu, client_for, ini
):
    data = post_data(kkbpk_data(peserta=60, unmet=5) | {"kb_iud": 999, "ikut_bkb": 41}, 1)
    response = client_for(opd_labuhanbatu).post(kkbpk_url(ini), data)
    assert response.status_code == 200
    form = response.context["form"]
    assert "Keluarga yang Memiliki Balita" in form.errors["ikut_bkb"][0]
    assert "harus sama dengan jumlah PUS" in form.errors["kb_iud"][0]
    html = response.content.decode()
    assert 'name="kb_iud" value="999"' in html and 'name="ikut_bkb" value="41"' in html
    assert KkbpkKampung.objects.filter(kampung=terisi).count() == 1


def test_non_numbers_get_an_indonesian_message(terisi, opd_labuhanbatu, client_for, ini):
    data = post_data(kkbpk_data(), 1) | {"kb_pil": "sepuluh", "kb_suntik": "-3"}
    response = client_for(opd_labuhanbatu).post(kkbpk_url(ini), data)
    errors = response.context["form"].errors
    assert errors["kb_pil"] == ["Tulis angka bulat tanpa titik atau koma, mis. 12."]
    assert "0" in errors["kb_suntik"][0]
    assert 'value="sepuluh"' in response.content.decode()


def test_second_save_from_a_stale_form_gets_the_conflict(
    terisi, opd_labuhanbatu, kader_pondokbatu, client_for, ini
):
    client_for(kader_pondokbatu).post(kkbpk_url(ini), post_data(kkbpk_data(peserta=45), 1))
    response = client_for(opd_labuhanbatu).post(
        kkbpk_url(ini), post_data(kkbpk_data(peserta=50), 1)
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "sudah diubah orang lain" in html
    assert "Diubah oleh Siti" in html  # what the other person changed
    assert 'name="kb_suntik" value="32"' in html  # this user's input is kept
    assert KkbpkKampung.objects.filter(kampung=terisi).count() == 2


def test_kader_edits_own_desa_snapshot(terisi, kader_pondokbatu, client_for, ini):
    response = client_for(kader_pondokbatu).post(
        kkbpk_url(ini), post_data(kkbpk_data(peserta=40), 1)
    )
    assert response.status_code == 302


def test_kader_of_another_desa_gets_404(terisi, kader_desa_lain, client_for, ini):
    client = client_for(kader_desa_lain)
    assert client.get(reverse("villages:kampung-detail", args=[PONDOK_BATU])).status_code == 404
    assert client.post(kkbpk_url(ini), post_data(kkbpk_data(), 1)).status_code == 404


def test_read_only_roles_get_403_on_post(terisi, pimpinan, pkb_bilahhulu, client_for, ini):
    for user in (pimpinan, pkb_bilahhulu):
        response = client_for(user).post(kkbpk_url(ini), post_data(kkbpk_data(peserta=40), 1))
        assert response.status_code == 403
    assert KkbpkKampung.objects.filter(kampung=terisi).count() == 1


def test_profil_form_conditional_rules(terisi, opd_labuhanbatu, client_for, ini):
    url = reverse("villages:snapshot-edit", args=[PONDOK_BATU, "profil", str(ini)])
    data = post_data(profil_data(), 1)
    data.pop("operasional")
    data |= {
        "plkb_nip": "123",
        "pokja_jumlah_terlatih": 20,
        "regulasi": [],
        "operasional_0": "Lainnya",
    }
    response = client_for(opd_labuhanbatu).post(url, data)
    errors = response.context["form"].errors
    assert set(errors) >= {"plkb_nip", "pokja_jumlah_terlatih", "regulasi", "frekuensi_lainnya"}


def test_profil_form_saves_operasional(terisi, opd_labuhanbatu, client_for, ini):
    url = reverse("villages:snapshot-edit", args=[PONDOK_BATU, "profil", str(ini)])
    data = post_data(profil_data(), 1)
    data.pop("operasional")
    data |= {"operasional_0": "Bulanan", "operasional_4": "Tahunan"}
    assert client_for(opd_labuhanbatu).post(url, data).status_code == 302
    from villages.models import ProfilKampung

    current = ProfilKampung.objects.aktif().get(kampung=terisi)
    assert current.operasional == {
        "Rapat perencanaan kegiatan": "Bulanan",
        "Penyusunan Laporan": "Tahunan",
    }
    assert current.sumber_dana == ["APBD", "Dana Desa", "Swadaya Masyarakat"]


def test_kampung_edit_keeps_bad_potensi_and_explains(
    kampung_pondokbatu, opd_labuhanbatu, client_for
):
    url = reverse("villages:kampung-edit", args=[PONDOK_BATU])
    data = {
        "version": 1,
        "nama": "Kampung KB Desa Pondok Batu",
        "tanggal_pencanangan": "2017-03-01",
        "misi": "Satu\nDua",
        "potensi": "Kuliner: Keripik Pisang\nKerajinan: Tas",
    }
    response = client_for(opd_labuhanbatu).post(url, data)
    assert response.status_code == 200
    assert "Baris 2" in response.context["form"].errors["potensi"][0]
    assert "Kerajinan: Tas" in response.content.decode()
    data["potensi"] = "Kuliner: Keripik Pisang\nUKM: Tas dari barang bekas"
    assert client_for(opd_labuhanbatu).post(url, data).status_code == 302
    kampung_pondokbatu.refresh_from_db()
    assert kampung_pondokbatu.misi == ["Satu", "Dua"]
    assert [p.nama for p in kampung_pondokbatu.potensi.all()] == [
        "Keripik Pisang",
        "Tas dari barang bekas",
    ]


def test_kampung_edit_refuses_early_pencanangan(kampung_pondokbatu, opd_labuhanbatu, client_for):
    url = reverse("villages:kampung-edit", args=[PONDOK_BATU])
    response = client_for(opd_labuhanbatu).post(
        url, {"version": 1, "nama": "X", "tanggal_pencanangan": "2015-12-31"}
    )
    assert response.context["form"].errors["tanggal_pencanangan"] == [
        "Tidak boleh sebelum 1 Januari 2016."
    ]


def test_kader_cannot_set_percontohan(kampung_pondokbatu, kader_pondokbatu, client_for):
    url = reverse("villages:kampung-edit", args=[PONDOK_BATU])
    data = {
        "version": 1,
        "nama": "X",
        "tanggal_pencanangan": "2017-03-01",
        "percontohan_kabupaten": "on",
    }
    assert client_for(kader_pondokbatu).post(url, data).status_code == 302
    kampung_pondokbatu.refresh_from_db()
    assert kampung_pondokbatu.nama == "X" and not kampung_pondokbatu.percontohan_kabupaten


def test_pokja_members_contacts_are_not_public(kampung_pondokbatu, opd_labuhanbatu, client_for):
    url = reverse("villages:pokja-edit", args=[PONDOK_BATU])
    data = {
        "version": 0,
        "sk_nomor": "141/12/2017",
        "anggota-TOTAL_FORMS": 2,
        "anggota-INITIAL_FORMS": 0,
        "anggota-0-nama": "Siti Aminah",
        "anggota-0-jabatan": "Ketua",
        "anggota-0-telepon": "0812 3456 7890",
        "anggota-1-nama": "",
    }
    assert client_for(opd_labuhanbatu).post(url, data).status_code == 302
    assert AnggotaPokja.objects.get().nama == "Siti Aminah"
    inside = client_for(opd_labuhanbatu).get(reverse("villages:kampung-detail", args=[PONDOK_BATU]))
    assert "0812 3456 7890" in inside.content.decode()
    public = client_for(None).get(reverse("villages:publik-kampung", args=[PONDOK_BATU]))
    html = public.content.decode()
    assert public.status_code == 200 and "Siti Aminah" not in html and "0812" not in html


def test_public_page_hides_plkb_contact(terisi, client_for):
    html = (
        client_for(None)
        .get(reverse("villages:publik-kampung", args=[PONDOK_BATU]))
        .content.decode()
    )
    assert "081200000000" not in html and "198001012005011001" not in html
    assert "badge-berkembang" in html


def test_pokja_bad_phone_keeps_input(kampung_pondokbatu, opd_labuhanbatu, client_for):
    url = reverse("villages:pokja-edit", args=[PONDOK_BATU])
    data = {
        "version": 0,
        "anggota-TOTAL_FORMS": 1,
        "anggota-INITIAL_FORMS": 0,
        "anggota-0-nama": "Siti",
        "anggota-0-jabatan": "Ketua",
        "anggota-0-telepon": "bukan nomor",
    }
    response = client_for(opd_labuhanbatu).post(url, data)
    assert response.status_code == 200 and not Pokja.objects.exists()
    assert 'value="bukan nomor"' in response.content.decode()


def png_bytes() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (2, 2), "green").save(out, "PNG")
    return out.getvalue()


def test_cover_photo_is_served_only_in_scope(
    kampung_pondokbatu, opd_labuhanbatu, kader_desa_lain, client_for, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    url = reverse("villages:kampung-edit", args=[PONDOK_BATU])
    data = {
        "version": 1,
        "nama": "Kampung KB Desa Pondok Batu",
        "tanggal_pencanangan": "2017-03-01",
        "foto_sampul": SimpleUploadedFile("sampul.png", png_bytes(), content_type="image/png"),
    }
    assert client_for(opd_labuhanbatu).post(url, data).status_code == 302
    berkas = reverse("villages:kampung-berkas", args=[PONDOK_BATU, "sampul"])
    response = client_for(opd_labuhanbatu).get(berkas)
    # Served re-encoded (issue 13 §3: never the uploaded bytes), the same picture.
    assert response.status_code == 200 and _green_2x2(b"".join(response.streaming_content))
    assert client_for(kader_desa_lain).get(berkas).status_code == 404
    # The cover photo alone is public.
    publik = client_for(None).get(reverse("villages:publik-foto", args=[PONDOK_BATU]))
    assert publik.status_code == 200 and _green_2x2(b"".join(publik.streaming_content))


def _green_2x2(data: bytes) -> bool:
    import io

    from PIL import Image

    image = Image.open(io.BytesIO(data)).convert("RGB")
    r, g, b = image.getpixel((0, 0))
    return image.size == (2, 2) and g > 100 and r < 40 and b < 40


def test_list_filters(terisi, opd_labuhanbatu, client_for, regions):
    import datetime as dt

    KampungKB.objects.create(
        desa_id="12.10.07.2001", nama="Kampung KB Sibargot", tanggal_pencanangan=dt.date(2019, 1, 1)
    )
    client = client_for(opd_labuhanbatu)
    url = reverse("villages:kampung-list")

    def names(**params):
        return [k.nama for k in client.get(url, params).context["page"]]

    assert names() == ["Kampung KB Sibargot", "Kampung KB Desa Pondok Batu"]
    assert names(kecamatan="12.10.09") == ["Kampung KB Desa Pondok Batu"]
    assert names(kelas="Berkembang") == ["Kampung KB Desa Pondok Batu"]
    assert names(poktan="pik_r") == ["Kampung KB Desa Pondok Batu"]
    assert names(q="sibar") == ["Kampung KB Sibargot"]
    # The desa's name and its code find the village too, whatever it is called.
    KampungKB.objects.filter(desa_id="12.10.07.2001").update(nama="Kampung KB Harapan")
    assert names(q="SIBARGOT") == ["Kampung KB Harapan"]
    assert names(q=" 12.10.07.2001 ") == ["Kampung KB Harapan"]
    assert names(q="harap") == ["Kampung KB Harapan"]
    assert names(q="tidak ada") == []


def test_list_is_scoped(terisi, kampung_tapteng, kader_desa_lain, opd_kabupaten_lain, client_for):
    url = reverse("villages:kampung-list")
    assert list(client_for(kader_desa_lain).get(url).context["page"]) == []
    assert [k.nama for k in client_for(opd_kabupaten_lain).get(url).context["page"]] == [
        "Kampung KB Pondok Batu Sarudik"
    ]


def test_rkm_file_carries_into_a_new_month_and_can_be_cleared(
    kampung_pondokbatu, opd_labuhanbatu, client_for, ini, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    from villages.models import ProfilKampung

    services.snapshot_save(
        kampung=kampung_pondokbatu,
        jenis="profil",
        periode=ini.prev(),
        data=profil_data(rkm_berkas=SimpleUploadedFile("rkm.pdf", b"%PDF-1.4\n")),
        expected_version=0,
        by=opd_labuhanbatu,
        check_open=False,
    )
    url = reverse("villages:snapshot-edit", args=[PONDOK_BATU, "profil", str(ini)])
    data = post_data(profil_data(), 0)
    data.pop("operasional")
    client = client_for(opd_labuhanbatu)
    assert client.post(url, data).status_code == 302
    now = ProfilKampung.objects.aktif().get(kampung=kampung_pondokbatu, periode=ini.first_day)
    assert now.rkm_berkas.name.endswith("rkm.pdf")
    berkas = client.get(reverse("villages:kampung-berkas", args=[PONDOK_BATU, "rkm"]))
    assert b"".join(berkas.streaming_content) == b"%PDF-1.4\n"
    assert (
        client.post(url, post_data(profil_data(), 1) | {"rkm_berkas-clear": "on"}).status_code
        == 302
    )
    now = ProfilKampung.objects.aktif().get(kampung=kampung_pondokbatu, periode=ini.first_day)
    assert not now.rkm_berkas


def test_readers_see_the_history_of_each_snapshot(
    terisi, pimpinan, opd_labuhanbatu, client_for, ini
):
    client_for(opd_labuhanbatu).post(kkbpk_url(ini), post_data(kkbpk_data(peserta=60, unmet=5), 1))
    response = client_for(pimpinan).get(reverse("villages:kampung-riwayat", args=[PONDOK_BATU]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "PUS Menggunakan Suntik 20 → 42" in html
    assert "Profil Kependudukan" in html


def test_locked_month_shows_no_save_button_and_refuses_posts(
    terisi, opd_labuhanbatu, kader_pondokbatu, client_for, ini
):
    lama = Periode(ini.year - 1, ini.month)
    url = reverse("villages:snapshot-edit", args=[PONDOK_BATU, "penduduk", str(lama)])
    html = client_for(kader_pondokbatu).get(url).content.decode()
    assert "tidak dapat diisi sekarang" in html and 'type="submit">Simpan' not in html
    # Issue 17 §5: the kabupaten, who may reopen, is offered that instead of
    # being told to ask the kabupaten.
    client = client_for(opd_labuhanbatu)
    html = client.get(url).content.decode()
    assert "Buka kembali periode ini" in html and 'type="submit">Simpan' not in html
    response = client.post(url, post_data(penduduk_data(), 0), follow=True)
    assert response.status_code == 200
    assert "sudah terkunci" in response.content.decode()


@pytest.mark.parametrize("language,reason", [("id", "sudah terkunci"), ("en", "locked")])
def test_refused_save_in_a_locked_month_says_why_and_shows_the_stored_figures(
    kampung_pondokbatu, opd_labuhanbatu, client_for, ini, language, reason
):
    """Issue 12 item 4: the refusal is said, and the inputs hold the stored
    figures (not the ones typed, which were not saved)."""
    lama = Periode(ini.year - 1, ini.month)
    services.snapshot_save(
        kampung=kampung_pondokbatu,
        jenis="penduduk",
        periode=lama,
        data=penduduk_data(pus=321),
        expected_version=0,
        by=opd_labuhanbatu,
        check_open=False,  # filled while it was open
    )
    url = reverse("villages:snapshot-edit", args=[PONDOK_BATU, "penduduk", str(lama)])
    client = client_for(opd_labuhanbatu)
    client.cookies["django_language"] = language
    response = client.post(url, post_data(penduduk_data(pus=987), 1), follow=True)
    html = response.content.decode()
    assert response.status_code == 200
    assert reason in html
    assert 'value="321"' in html and "987" not in html
    assert PendudukKampung.objects.get(kampung=kampung_pondokbatu, aktif=True).pus == 321


def test_kriteria_pembentukan_shown_with_official_descriptions(kampung_pondokbatu, client_for):
    KampungKB.objects.filter(pk=kampung_pondokbatu.pk).update(
        kriteria=["Kriteria 3", "Lainnya"], kriteria_lainnya="Diapit 2 perusahaan perkebunan"
    )
    html = (
        client_for(None)
        .get(reverse("villages:publik-kampung", args=[PONDOK_BATU]))
        .content.decode()
    )
    assert "Termasuk wilayah terpencil, perbatasan, dsb" in html
    assert "Diapit 2 perusahaan perkebunan" in html


def test_public_page_shows_other_apps_public_sections_without_contacts(
    kampung_pondokbatu, client_for
):
    from interventions.models import InovasiUnggulan
    from poktan.models import Poktan

    Poktan.objects.create(kampung=kampung_pondokbatu, jenis="BKB", nama="BKB Melati")
    InovasiUnggulan.objects.create(
        kampung=kampung_pondokbatu,
        nama="Himpunan Sepuluh Ribu Perbulan",
        inisiator="Kelompok HSP",
        ketua="Aan Syahputra",
        telepon="082288548662",
    )
    html = (
        client_for(None)
        .get(reverse("villages:publik-kampung", args=[PONDOK_BATU]))
        .content.decode()
    )
    assert "BKB Melati" in html
    assert "Himpunan Sepuluh Ribu Perbulan" in html
    assert "082288548662" not in html
