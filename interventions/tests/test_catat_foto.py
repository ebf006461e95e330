"""The lintas-sektor officer (issue 17 item 6): own agency preselected and first,
photo types Sebelum/Sesudah beside Kegiatan, several photos in the create form."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image

from interventions.forms_foto import FotoForm
from interventions.models import FotoIntervensi, Intervensi, TipeFoto
from interventions.tests import factories as f
from interventions.tests.test_intervensi_views import _data

pytestmark = pytest.mark.django_db

URL = "/intervensi/tambah/"


def _foto(name="foto.jpg", color=(200, 30, 30), size=(1600, 1200)):
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, "JPEG")
    return SimpleUploadedFile(name, out.getvalue(), "image/jpeg")


def _instansi_boxes(html):
    """(value, checked) of each instansi checkbox, in page order."""
    return [
        (m.group(2), "checked" in m.group(0))
        for m in re.finditer(r'<input[^>]*name="instansi"[^>]*?(value="(\d+)")[^>]*>', html)
    ]


def test_own_agency_is_preselected_and_first(client_for, opd_kesehatan, regions):
    html = client_for(opd_kesehatan).get(URL).content.decode()
    boxes = _instansi_boxes(html)
    assert len(boxes) > 20
    assert boxes[0] == (str(opd_kesehatan.instansi_id), True)
    assert [v for v, checked in boxes if checked] == [str(opd_kesehatan.instansi_id)]


def test_own_agency_preselected_also_from_the_kampung_link(
    client_for, opd_kesehatan, kampung_pondokbatu
):
    html = client_for(opd_kesehatan).get(f"{URL}?kampung={kampung_pondokbatu.desa_id}")
    boxes = _instansi_boxes(html.content.decode())
    assert boxes[0] == (str(opd_kesehatan.instansi_id), True)


def test_other_roles_get_nothing_preselected(client_for, opd_labuhanbatu, regions):
    html = client_for(opd_labuhanbatu).get(URL).content.decode()
    assert not [v for v, checked in _instansi_boxes(html) if checked]


def test_photo_types_offered_beside_kegiatan_translated():
    form = FotoForm(jenis="Kegiatan")
    assert [v for v, _ in form.fields["tipe"].choices] == ["Kegiatan", "Sebelum", "Sesudah"]
    form = FotoForm(jenis="Sebelum - Sesudah")
    assert [v for v, _ in form.fields["tipe"].choices] == ["Sebelum", "Sesudah"]
    with translation.override("en"):
        labels = [str(label) for _, label in FotoForm().fields["tipe"].choices]
    assert labels == ["Activities", "Before", "After"]


def test_sebelum_photo_on_an_activity_is_stored_as_sebelum(
    client_for, opd_kesehatan, kampung_pondokbatu, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    dinkes = f.resmi("Dinas Kesehatan")
    obj = f.intervensi(kampung_pondokbatu, dinkes, pemilik=dinkes, by=opd_kesehatan)
    assert obj.jenis == "Kegiatan"
    client = client_for(opd_kesehatan)
    page = client.get(reverse("interventions:intervensi-detail", args=[obj.pk])).content.decode()
    assert 'value="Sebelum"' in page and 'value="Sesudah"' in page
    data = {"berkas": _foto(), "tipe": "Sebelum", "keterangan": ""}
    response = client.post(reverse("interventions:foto-add", args=[obj.pk]), data)
    assert response.status_code == 302
    assert FotoIntervensi.objects.get().tipe == TipeFoto.SEBELUM


def test_create_form_offers_camera_and_gallery(client_for, opd_kesehatan, regions):
    html = client_for(opd_kesehatan).get(URL).content.decode()
    assert 'enctype="multipart/form-data"' in html
    kamera = re.search(r'<input[^>]*name="foto-kamera"[^>]*>', html).group(0)
    galeri = re.search(r'<input[^>]*name="foto-galeri"[^>]*>', html).group(0)
    assert 'capture="environment"' in kamera and 'accept="image/*"' in kamera
    assert "multiple" in galeri and "capture" not in galeri
    assert "Ambil foto" in html and "Pilih dari galeri" in html


def test_several_photos_with_the_intervention(
    client_for, opd_kesehatan, kampung_pondokbatu, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    data = _data(
        kampung_pondokbatu,
        **{
            "foto-kamera": [_foto("IMG_1.jpg")],
            "foto-galeri": [_foto("a.jpg", (0, 90, 0)), _foto("b.jpg", (0, 0, 90))],
            "foto-tipe": "Sesudah",
            "foto-publik": "on",
        },
    )
    response = client_for(opd_kesehatan).post(URL, data, follow=True)
    obj = Intervensi.objects.get()
    fotos = list(obj.foto.order_by("urutan"))
    assert [(p.urutan, p.tipe, p.publik) for p in fotos] == [
        (n, "Sesudah", True) for n in (1, 2, 3)
    ]
    for p in fotos:
        assert p.berkas.name.startswith(f"privat/intervensi/{obj.pk}/")
        assert max(p.lebar, p.tinggi) == 1280  # through the shared pipeline (re-encoded)
    assert "Intervensi dan 3 foto tersimpan." in response.content.decode()


def test_more_than_five_keeps_five_and_says_so(
    client_for, opd_kesehatan, kampung_pondokbatu, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    data = _data(
        kampung_pondokbatu,
        **{
            "foto-galeri": [_foto(f"f{i}.jpg", size=(64, 48)) for i in range(7)],
            "foto-keterangan": "Imunisasi di posyandu",
        },
    )
    response = client_for(opd_kesehatan).post(URL, data, follow=True)
    assert FotoIntervensi.objects.count() == 5
    html = response.content.decode()
    assert "7 foto dipilih; hanya 5 yang disimpan" in html
    assert "2 foto terakhir tidak disimpan" in html


def test_bad_file_refuses_all_names_it_and_keeps_the_typing(
    client_for, opd_kesehatan, kampung_pondokbatu, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    bad = SimpleUploadedFile("virus.jpg", b"MZ bukan foto", "image/jpeg")
    data = _data(
        kampung_pondokbatu,
        judul="Judul yang saya ketik",
        **{"foto-galeri": [_foto(), bad], "foto-keterangan": "Posyandu"},
    )
    response = client_for(opd_kesehatan).post(URL, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "virus.jpg: Berkas ini bukan gambar" in html
    assert "Pilih fotonya lagi" in html
    assert 'value="Judul yang saya ketik"' in html and 'value="Posyandu"' in html
    assert not Intervensi.objects.exists() and not FotoIntervensi.objects.exists()


def test_refused_form_says_the_photos_must_be_chosen_again(
    client_for, opd_kesehatan, kampung_pondokbatu, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    data = _data(kampung_pondokbatu, judul="", **{"foto-galeri": [_foto()]})
    response = client_for(opd_kesehatan).post(URL, data)
    html = response.content.decode()
    assert response.status_code == 200
    # Kegiatan photos need a caption; the judul is missing; the file is gone.
    assert "Foto kegiatan wajib diberi keterangan." in html
    assert "Pilih fotonya lagi" in html
    assert not Intervensi.objects.exists()


def test_without_photos_nothing_changes(client_for, kader_pondokbatu, kampung_pondokbatu):
    data = _data(kampung_pondokbatu, instansi_lainnya="Karang Taruna")
    response = client_for(kader_pondokbatu).post(URL, data, follow=True)
    assert Intervensi.objects.count() == 1 and not FotoIntervensi.objects.exists()
    assert "Intervensi tersimpan. Tambahkan foto bila ada." in response.content.decode()
    # No refusal note about photos on a page refused without any.
    response = client_for(kader_pondokbatu).post(URL, _data(kampung_pondokbatu, judul=""))
    assert "Pilih fotonya lagi" not in response.content.decode()


def test_before_after_post_with_kegiatan_photos_is_told_at_the_type(
    client_for, opd_kesehatan, kampung_pondokbatu, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    url = URL
    client = client_for(opd_kesehatan)
    # No photo: the type left on Kegiatan does not matter.
    response = client.post(url, _data(kampung_pondokbatu, jenis="Sebelum - Sesudah"))
    assert response.status_code == 302
    data = _data(
        kampung_pondokbatu,
        jenis="Sebelum - Sesudah",
        **{"foto-galeri": [_foto()], "foto-tipe": "Kegiatan", "foto-keterangan": "x"},
    )
    response = client.post(url, data)
    assert response.status_code == 200
    assert "bertipe Sebelum atau Sesudah" in response.content.decode()
    assert Intervensi.objects.count() == 1
    data["foto-galeri"] = [_foto()]
    data["foto-tipe"] = "Sebelum"
    assert client.post(url, data).status_code == 302
    assert list(FotoIntervensi.objects.values_list("tipe", flat=True)) == ["Sebelum"]
