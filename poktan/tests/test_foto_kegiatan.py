"""Foto kegiatan of a register (issue 15 item 2): its own upload on the
register page, through the shared pipeline, refused like any write of the
register, served only in scope, printed on the one-page R/I."""

import datetime as dt
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from kampungkb.audit import history
from kampungkb.thumbnails import thumbnail_name
from poktan.models import FotoKegiatan, Laporan, Pertemuan, Status
from poktan.models_foto import MAKS_FOTO
from poktan.tests.conftest import BKB_VALUES
from reports.tests.pdftext import pdf_pages, pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def jpeg(size=(1600, 1200), color=(20, 120, 80), exif=True) -> SimpleUploadedFile:
    image = Image.new("RGB", size, color)
    out = io.BytesIO()
    if exif:
        data = Image.Exif()
        data[0x010F] = "KameraHP"  # Make
        data[0x8825] = {1: "N", 2: (3.0, 1.0, 0.0)}  # GPS
        image.save(out, "JPEG", exif=data.tobytes())
    else:
        image.save(out, "JPEG")
    return SimpleUploadedFile("IMG_2041.jpg", out.getvalue(), content_type="image/jpeg")


def url(poktan, periode, name, *args):
    return reverse(f"poktan:{name}", args=[poktan.pk, periode, *args])


@pytest.fixture
def laporan(bkb, periode, kader_pondokbatu):
    return Laporan.objects.create(poktan=bkb, periode=periode.first_day, **BKB_VALUES)


def add(client, laporan, periode, **extra):
    data = {"version": laporan.version, "keterangan": "Penyuluhan gizi 5 Mei", **extra}
    data.setdefault("berkas", jpeg())
    return client.post(url(laporan.poktan, periode, "laporan-foto-add"), data)


def test_register_page_offers_gallery_and_camera(client_for, kader_pondokbatu, laporan, periode):
    html = client_for(kader_pondokbatu).get(url(laporan.poktan, periode, "laporan-edit")).content
    html = html.decode()
    section = html[html.index('id="foto-kegiatan"') :]
    assert 'enctype="multipart/form-data"' in section
    assert re.search(r'<input type="file" name="berkas"[^>]*accept="image/\*"', section)
    assert re.search(r'name="kamera"[^>]*capture="environment"', section)
    assert "Ambil foto" in section


def test_upload_stores_a_clean_photo_shown_as_thumbnail(
    client_for, kader_pondokbatu, laporan, periode
):
    client = client_for(kader_pondokbatu)
    response = add(client, laporan, periode)
    assert response.status_code == 302 and response.url.endswith("#foto-kegiatan")
    foto = FotoKegiatan.objects.get()
    assert foto.keterangan == "Penyuluhan gizi 5 Mei"
    stored = Image.open(foto.berkas.path)
    assert stored.format == "JPEG" and max(stored.size) == 1280
    assert not stored.getexif()  # camera and GPS gone
    laporan.refresh_from_db()
    assert laporan.version == 2 and laporan.status == Status.DRAF
    entry = history(laporan).latest("id")
    assert entry.changes["foto_kegiatan"]["new"] == "Penyuluhan gizi 5 Mei"
    page = client.get(url(laporan.poktan, periode, "laporan-edit"))
    html = page.content.decode()
    assert "Foto kegiatan tersimpan." in html
    foto_url = url(laporan.poktan, periode, "laporan-foto", foto.pk)
    assert f'src="{foto_url}?w=320"' in html and f"{foto_url}?w=640 640w" in html
    assert 'loading="lazy"' in html
    full = client.get(foto_url)
    assert full.status_code == 200 and full["Content-Type"] == "image/jpeg"
    small = client.get(foto_url, {"w": 320})
    assert Image.open(io.BytesIO(b"".join(small.streaming_content))).width == 320


def test_replace_and_delete_remove_the_old_files(
    client_for, kader_pondokbatu, laporan, periode, django_capture_on_commit_callbacks
):
    client = client_for(kader_pondokbatu)
    add(client, laporan, periode)
    foto = FotoKegiatan.objects.get()
    old = foto.berkas.path
    client.get(url(laporan.poktan, periode, "laporan-foto", foto.pk), {"w": 320})
    thumb = foto.berkas.storage.path(thumbnail_name(foto.berkas.name, 320))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url(laporan.poktan, periode, "laporan-foto-replace", foto.pk),
            {"version": 2, "berkas": jpeg(color=(200, 10, 10), exif=False)},
        )
    assert response.status_code == 302
    foto.refresh_from_db()
    assert foto.keterangan == "Penyuluhan gizi 5 Mei"  # kept
    assert Image.open(foto.berkas.path).getpixel((5, 5))[0] > 150
    assert not os_exists(old) and not os_exists(thumb)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url(laporan.poktan, periode, "laporan-foto-delete", foto.pk), {"version": 3}
        )
    assert response.status_code == 302
    assert not FotoKegiatan.objects.exists() and not os_exists(foto.berkas.path)
    laporan.refresh_from_db()
    assert laporan.version == 4
    changes = [e.changes["foto_kegiatan"] for e in history(laporan).order_by("id")]
    assert [c["new"] for c in changes][-1] == "–"
    assert "(diganti)" in changes[1]["new"]


def os_exists(path) -> bool:
    import os

    return os.path.exists(path)


def test_not_an_image_is_refused_at_the_field_and_nothing_is_lost(
    client_for, kader_pondokbatu, laporan, periode
):
    client = client_for(kader_pondokbatu)
    bad = SimpleUploadedFile("foto.jpg", b"MZ\x90\x00 not a photo", content_type="image/jpeg")
    response = add(client, laporan, periode, berkas=bad)
    assert response.status_code == 200
    html = response.content.decode()
    section = html[html.index('id="foto-tambah"') :]
    assert "bukan gambar yang dapat dibaca" in section
    assert 'value="Penyuluhan gizi 5 Mei"' in section  # the caption typed is kept
    assert 'name="keluarga_hadir"' in html and 'value="15"' in html  # the register as stored
    assert not FotoKegiatan.objects.exists()
    laporan.refresh_from_db()
    assert laporan.version == 1 and laporan.keluarga_hadir == 15


def test_no_file_chosen_says_so(client_for, kader_pondokbatu, laporan, periode):
    response = add(client_for(kader_pondokbatu), laporan, periode, berkas="")
    assert "Pilih foto dari galeri atau ambil foto dengan kamera." in response.content.decode()
    assert not FotoKegiatan.objects.exists()


def test_a_camera_photo_is_taken(client_for, kader_pondokbatu, laporan, periode):
    response = add(client_for(kader_pondokbatu), laporan, periode, berkas="", kamera=jpeg())
    assert response.status_code == 302 and FotoKegiatan.objects.count() == 1


def test_at_most_three_photos(client_for, kader_pondokbatu, laporan, periode):
    client = client_for(kader_pondokbatu)
    for version in range(1, MAKS_FOTO + 1):
        laporan.version = version
        assert add(client, laporan, periode).status_code == 302
    page = client.get(url(laporan.poktan, periode, "laporan-edit")).content.decode()
    assert 'id="foto-tambah"' not in page  # no add form once full
    laporan.version = MAKS_FOTO + 1
    response = add(client, laporan, periode)
    assert "Sudah ada 3 foto kegiatan" in response.content.decode()
    assert FotoKegiatan.objects.count() == MAKS_FOTO


def test_stale_version_stores_nothing(client_for, kader_pondokbatu, laporan, periode):
    laporan.version = 7
    client = client_for(kader_pondokbatu)
    response = add(client, laporan, periode)
    assert response.status_code == 302
    follow = client.get(response.url)
    assert "sudah diubah orang lain" in follow.content.decode()
    assert not FotoKegiatan.objects.exists()


def test_no_register_yet_asks_to_save_the_draft_first(client_for, kader_pondokbatu, bkb, periode):
    client = client_for(kader_pondokbatu)
    page = client.get(url(bkb, periode, "laporan-edit")).content.decode()
    assert "Simpan draf laporan bulan ini dulu" in page
    response = client.post(
        url(bkb, periode, "laporan-foto-add"), {"version": "", "berkas": jpeg()}, follow=True
    )
    assert "Simpan draf laporan bulan ini dulu" in response.content.decode()
    assert not FotoKegiatan.objects.exists() and not Laporan.objects.exists()


def test_submitted_register_refuses_photo_changes(client_for, kader_pondokbatu, laporan, periode):
    client = client_for(kader_pondokbatu)
    add(client, laporan, periode)
    foto = FotoKegiatan.objects.get()
    Laporan.objects.filter(pk=laporan.pk).update(status=Status.DIAJUKAN)
    laporan.refresh_from_db()
    for name, args, data in [
        ("laporan-foto-add", [], {"berkas": jpeg()}),
        ("laporan-foto-replace", [foto.pk], {"berkas": jpeg()}),
        ("laporan-foto-delete", [foto.pk], {}),
    ]:
        data["version"] = laporan.version
        response = client.post(url(laporan.poktan, periode, name, *args), data, follow=True)
        assert "sudah diajukan dan tidak dapat diubah" in response.content.decode()
    assert FotoKegiatan.objects.get().berkas.name == foto.berkas.name
    page = client.get(url(laporan.poktan, periode, "laporan-edit")).content.decode()
    assert url(laporan.poktan, periode, "laporan-foto", foto.pk) in page  # still shown
    assert "laporan-foto-delete" not in page and 'id="foto-tambah"' not in page


def test_locked_month_refuses_the_upload(client_for, kader_pondokbatu, bkb, periode):
    locked = periode.prev().prev()
    laporan = Laporan.objects.create(poktan=bkb, periode=locked.first_day, **BKB_VALUES)
    client = client_for(kader_pondokbatu)
    response = add(client, laporan, locked)
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert "terkunci" in page
    assert not FotoKegiatan.objects.exists()


def test_scope_another_desa_404_readers_403(
    client_for, kader_pondokbatu, kader_desa_lain, pimpinan, laporan, periode
):
    add(client_for(kader_pondokbatu), laporan, periode)
    foto = FotoKegiatan.objects.get()
    poktan = laporan.poktan
    other = client_for(kader_desa_lain)
    assert other.get(url(poktan, periode, "laporan-foto", foto.pk)).status_code == 404
    assert other.get(url(poktan, periode, "laporan-foto", foto.pk), {"w": 320}).status_code == 404
    assert add(other, laporan, periode).status_code == 404
    delete = url(poktan, periode, "laporan-foto-delete", foto.pk)
    assert other.post(delete, {"version": 2}).status_code == 404
    reader = client_for(pimpinan)
    assert reader.get(url(poktan, periode, "laporan-foto", foto.pk)).status_code == 200
    assert reader.post(delete, {"version": 2}).status_code == 403
    # Another month's URL does not reach this photo.
    assert reader.get(url(poktan, periode.prev(), "laporan-foto", foto.pk)).status_code == 404
    assert FotoKegiatan.objects.count() == 1


def test_ri_pdf_counts_the_photos_and_stays_one_page(
    client_for, kader_pondokbatu, pkb_bilahhulu, laporan, periode
):
    client = client_for(kader_pondokbatu)
    for version in range(1, MAKS_FOTO + 1):
        laporan.version = version
        add(client, laporan, periode)
    Laporan.objects.filter(pk=laporan.pk).update(notulen="Catatan panjang. " * 60)
    Pertemuan.objects.bulk_create(
        Pertemuan(
            laporan=laporan,
            tanggal=periode.first_day + dt.timedelta(days=i),
            materi=f"Pola asuh tahap {i}",
            narasumber="Bidan desa",
            jumlah_hadir=10,
            ada_diskusi=True,
        )
        for i in range(10)
    )
    pdf = reverse("reports:ri-pdf", args=[laporan.poktan_id]) + f"?periode={periode}"
    response = client_for(pkb_bilahhulu).get(pdf)
    assert response.status_code == 200
    assert pdf_pages(response.content) == 1
    assert "Foto kegiatan: 3" in pdf_text(response.content)


def test_a_bad_replacement_is_refused_at_that_photo(client_for, kader_pondokbatu, laporan, periode):
    client = client_for(kader_pondokbatu)
    add(client, laporan, periode)
    foto = FotoKegiatan.objects.get()
    bad = SimpleUploadedFile("foto.jpg", b"%PDF-1.4 bukan foto", content_type="image/jpeg")
    response = client.post(
        url(laporan.poktan, periode, "laporan-foto-replace", foto.pk), {"version": 2, "berkas": bad}
    )
    assert response.status_code == 200
    html = response.content.decode()
    card = html[html.index(f'id="ganti-{foto.pk}"') : html.index('id="foto-tambah"')]
    assert "bukan gambar yang dapat dibaca" in card
    assert FotoKegiatan.objects.get().berkas.name == foto.berkas.name
