"""A refusal says so (issue 12 item 4): a photo past the fifth is refused
with the reason on the intervention's page, whose form is hidden then."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from interventions.models import FotoIntervensi
from interventions.tests import factories as f

pytestmark = pytest.mark.django_db


def test_sixth_photo_is_refused_with_the_reason(client_for, kampung_pondokbatu, opd_kesehatan):
    dinkes = f.resmi("Dinas Kesehatan")
    obj = f.intervensi(kampung_pondokbatu, dinkes, pemilik=dinkes, by=opd_kesehatan)
    for urutan in range(1, 6):
        f.foto(obj, urutan)
    upload = SimpleUploadedFile("foto.jpg", f.jpeg_bytes(), "image/jpeg")
    response = client_for(opd_kesehatan).post(
        reverse("interventions:foto-add", args=[obj.pk]),
        {"berkas": upload, "keterangan": "Keenam", "tipe": "Kegiatan"},
        follow=True,
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Sudah ada 5 foto; hapus satu sebelum menambah." in html
    assert FotoIntervensi.objects.filter(intervensi=obj).count() == 5
