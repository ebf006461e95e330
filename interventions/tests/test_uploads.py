import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from interventions.models import FotoIntervensi
from interventions.tests import factories as f


@pytest.fixture
def bian(kampung_pondokbatu, opd_kesehatan):
    dinkes = f.resmi("Dinas Kesehatan")
    return f.intervensi(kampung_pondokbatu, dinkes, pemilik=dinkes, by=opd_kesehatan)


def _post(client, obj, upload, **extra):
    data = {"berkas": upload, "keterangan": "Imunisasi", "tipe": "Kegiatan", **extra}
    return client.post(reverse("interventions:foto-add", args=[obj.pk]), data)


def _jpeg_with_exif(size=(3000, 2000)) -> bytes:
    image = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "KameraRahasia"  # Make
    exif[0x0131] = "Perangkat lunak"  # Software
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def test_non_image_renamed_jpg_is_refused_with_clear_message(client_for, opd_kesehatan, bian):
    fake = SimpleUploadedFile("foto.jpg", b"MZ\x90\x00 ini program, bukan foto", "image/jpeg")
    response = _post(client_for(opd_kesehatan), bian, fake)
    assert response.status_code == 400
    assert "bukan gambar yang dapat dibaca" in response.content.decode()
    assert 'value="Imunisasi"' in response.content.decode()  # input kept
    assert not FotoIntervensi.objects.exists()


def test_real_photo_is_reencoded_resized_and_stripped(client_for, opd_kesehatan, bian):
    upload = SimpleUploadedFile("IMG_0001.PNG", _jpeg_with_exif(), "image/png")
    response = _post(client_for(opd_kesehatan), bian, upload)
    assert response.status_code == 302
    foto = FotoIntervensi.objects.get()
    assert foto.berkas.name.startswith(f"privat/intervensi/{bian.pk}/")
    with foto.berkas.open("rb") as fh:
        stored = Image.open(io.BytesIO(fh.read()))
    assert stored.format == "JPEG"
    assert max(stored.size) == 1280
    assert (foto.lebar, foto.tinggi) == stored.size
    assert not stored.getexif()  # EXIF (camera, GPS) removed


def test_image_bomb_is_refused(client_for, opd_kesehatan, bian):
    out = io.BytesIO()
    Image.new("1", (8000, 6000)).save(out, "PNG")  # 48 megapixels in a few KB
    upload = SimpleUploadedFile("bom.png", out.getvalue(), "image/png")
    response = _post(client_for(opd_kesehatan), bian, upload)
    assert response.status_code == 400
    assert "Ukuran gambar terlalu besar" in response.content.decode()
    assert not FotoIntervensi.objects.exists()


def test_at_most_five_photos(client_for, opd_kesehatan, bian):
    client = client_for(opd_kesehatan)
    for n in range(5):
        upload = SimpleUploadedFile(f"{n}.jpg", f.jpeg_bytes(), "image/jpeg")
        assert _post(client, bian, upload).status_code == 302
    upload = SimpleUploadedFile("6.jpg", f.jpeg_bytes(), "image/jpeg")
    response = client.post(
        reverse("interventions:foto-add", args=[bian.pk]),
        {"berkas": upload, "keterangan": "Imunisasi", "tipe": "Kegiatan"},
        follow=True,
    )
    # The form is no longer offered; a forced POST gets a clear refusal
    # (it used to answer 400 with the message on the hidden form).
    assert "Sudah ada 5 foto; hapus satu sebelum menambah." in response.content.decode()
    assert FotoIntervensi.objects.count() == 5
    assert sorted(FotoIntervensi.objects.values_list("urutan", flat=True)) == [1, 2, 3, 4, 5]


def test_kegiatan_photo_needs_caption(client_for, opd_kesehatan, bian):
    upload = SimpleUploadedFile("a.jpg", f.jpeg_bytes(), "image/jpeg")
    response = _post(client_for(opd_kesehatan), bian, upload, keterangan="")
    assert response.status_code == 400
    assert "wajib diberi keterangan" in response.content.decode()


def test_photo_served_only_in_scope_and_public_only_when_marked(
    client_for, bian, kader_pondokbatu, kader_desa_lain, anonim
):
    private, public = f.foto(bian, 1), f.foto(bian, 2, publik=True)
    assert (
        client_for(kader_pondokbatu)
        .get(reverse("interventions:foto", args=[private.pk]))
        .status_code
        == 200
    )
    assert (
        client_for(kader_desa_lain)
        .get(reverse("interventions:foto", args=[private.pk]))
        .status_code
        == 404
    )
    anon = client_for(anonim)
    assert anon.get(reverse("interventions:foto-publik", args=[private.pk])).status_code == 404
    response = anon.get(reverse("interventions:foto-publik", args=[public.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"


def test_photo_delete_rights(client_for, bian, opd_kesehatan, kader_pondokbatu, kader_desa_lain):
    foto = f.foto(bian, 1)
    url = reverse("interventions:foto-delete", args=[foto.pk])
    assert client_for(kader_pondokbatu).post(url).status_code == 403
    assert client_for(kader_desa_lain).post(url).status_code == 404
    assert client_for(opd_kesehatan).post(url).status_code == 302
    assert not FotoIntervensi.objects.exists()


def test_before_after_post_takes_before_and_after_photos(client_for, opd_kesehatan, bian):
    bian.jenis = "Sebelum - Sesudah"
    bian.save()
    client = client_for(opd_kesehatan)
    upload = SimpleUploadedFile("a.jpg", f.jpeg_bytes(), "image/jpeg")
    response = _post(client, bian, upload, tipe="Kegiatan")
    assert response.status_code == 400
    assert "tipe" in response.context["foto_form"].errors
    upload = SimpleUploadedFile("a.jpg", f.jpeg_bytes(), "image/jpeg")
    assert _post(client, bian, upload, tipe="Sebelum", keterangan="").status_code == 302
