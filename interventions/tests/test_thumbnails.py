"""Photos as small copies on pages, the full photo when opened (issue 16):
a copy is made on first request, kept beside the original and served by the
same scoped views."""

import io

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from PIL import Image

from interventions.models import FotoIntervensi
from interventions.tests import factories as f
from kampungkb.thumbnails import thumbnail_name

pytestmark = pytest.mark.django_db


@pytest.fixture
def foto(kampung_pondokbatu, opd_kesehatan):
    dinkes = f.resmi("Dinas Kesehatan")
    obj = f.intervensi(kampung_pondokbatu, dinkes, pemilik=dinkes, by=opd_kesehatan)
    noise = Image.effect_noise((1280, 960), 80).convert("RGB")  # a photo-like, large JPEG
    out = io.BytesIO()
    noise.save(out, "JPEG", quality=90)
    name = f.stored_file("privat/uji/besar.jpg", out.getvalue())
    return FotoIntervensi.objects.create(
        intervensi=obj, urutan=1, berkas=name, keterangan="Posyandu", lebar=1280, tinggi=960,
        publik=True,
    )  # fmt: skip


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_small_copy_is_made_once_kept_beside_and_much_lighter(client_for, kader_pondokbatu, foto):
    client = client_for(kader_pondokbatu)
    url = reverse("interventions:foto", args=[foto.pk])
    full = _body(client.get(url))
    response = client.get(url, {"w": 320})
    assert response["Content-Type"] == "image/jpeg"
    small = _body(response)
    with Image.open(io.BytesIO(small)) as image:
        assert image.size == (320, 240)
    assert len(small) * 10 < len(full)
    kept = thumbnail_name(foto.berkas.name, 320)
    assert kept.startswith("privat/uji/kecil/") and default_storage.exists(kept)
    # The second request serves the kept copy (its file is not rewritten).
    before = default_storage.get_modified_time(kept)
    assert _body(client.get(url, {"w": 320})) == small
    assert default_storage.get_modified_time(kept) == before
    # Any other width is the original.
    assert _body(client.get(url, {"w": 5000})) == full


def test_small_copy_keeps_the_photo_scope(client_for, kader_desa_lain, anonim, foto):
    url = reverse("interventions:foto", args=[foto.pk])
    assert client_for(kader_desa_lain).get(url, {"w": 320}).status_code == 404
    FotoIntervensi.objects.filter(pk=foto.pk).update(publik=False)
    publik = reverse("interventions:foto-publik", args=[foto.pk])
    assert client_for(anonim).get(publik, {"w": 320}).status_code == 404


def test_detail_page_shows_the_copy_and_links_the_full_photo(client_for, kader_pondokbatu, foto):
    page = client_for(kader_pondokbatu).get(
        reverse("interventions:intervensi-detail", args=[foto.intervensi_id])
    )
    url = reverse("interventions:foto", args=[foto.pk])
    html = page.content.decode()
    assert f'src="{url}?w=320"' in html
    assert f'srcset="{url}?w=320 320w, {url}?w=640 640w"' in html
    assert f'<a href="{url}"><img' in html
