import re

import pytest
from django.urls import reverse

from conftest import PONDOK_BATU
from reports.tests import factories as f
from reports.tests.pdftext import pdf_text

pytestmark = pytest.mark.django_db


def url_names():
    from tests.test_permission_matrix import url_names as names

    return set(names())


@pytest.fixture
def inovasi(kampung_pondokbatu, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    obj = f.kang_mas_mesra(kampung_pondokbatu, bukti=3)
    lele = f.intervensi(
        kampung_pondokbatu,
        judul="Pelatihan budidaya ikan lele",
        instansi=["Dinas Kelautan dan Perikanan", "Pemerintahan Desa/Lurah"],
    )
    lele.jenis = "Sebelum - Sesudah"
    lele.save()
    f.foto(lele, "Sebelum", 1, tmp_path, "gray")
    f.foto(lele, "Sesudah", 2, tmp_path, "green")
    obj.intervensi.add(lele)
    return obj


def test_pdf_has_every_section_and_the_score(inovasi, pimpinan, client_for):
    client = client_for(pimpinan)
    response = client.get(reverse("reports:inovasi-pdf", args=[inovasi.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert re.search(
        r'filename="profil-inovasi-kang-mas-mesra-\d{4}-\d{2}\.pdf"',
        response["Content-Disposition"],
    )
    text = pdf_text(response.content)
    for expected in [
        "PROFIL INOVASI DAERAH",
        "KANG MAS MESRA (Kampung Keluarga Berkualitas Masyarakat Sejahtera)",
        "Penerapan",
        "Non Digital",
        "Inovasi Pelayanan Publik",
        "1 April 2022",
        "Meningkatkan jumlah peserta KB aktif modern",
        "Regulasi Inovasi Daerah",
        "400/1/PPKB/2023",
        "Pelatihan budidaya ikan lele",
        "Dinas Kelautan dan Perikanan",
        "Kabupaten Labuhanbatu",
        "Desa Pondok Batu",
    ]:
        assert expected in text, expected
    # Indicators 1–3 at their top parameter: 9 + 6 + 6 = 21 of 111.
    assert "21,00 dari 111" in text
    assert re.search(r"Halaman 1 dari \d", text)


def test_pdf_embeds_before_and_after_photos(inovasi, opd_labuhanbatu, client_for):
    import subprocess

    response = client_for(opd_labuhanbatu).get(reverse("reports:inovasi-pdf", args=[inovasi.pk]))
    images = subprocess.run(
        ["pdfimages", "-list", "-"], input=response.content, capture_output=True
    ).stdout.decode()
    assert len([line for line in images.splitlines() if " image " in line]) == 2


def test_preview_shows_the_same_content_with_a_download_link(inovasi, pimpinan, client_for):
    response = client_for(pimpinan).get(reverse("reports:inovasi-pratinjau", args=[inovasi.pk]))
    html = response.content.decode()
    assert "KANG MAS MESRA" in html and "400/1/PPKB/2023" in html
    assert reverse("reports:inovasi-pdf", args=[inovasi.pk]) in html
    if "interventions:foto" in url_names():
        assert "/intervensi/foto/" in html  # photos through the scoped photo view
    assert 'style="' not in html


def test_outside_scope_is_404(inovasi, opd_kabupaten_lain, kader_desa_lain, client_for):
    for user in (opd_kabupaten_lain, kader_desa_lain):
        url = reverse("reports:inovasi-pdf", args=[inovasi.pk])
        assert client_for(user).get(url).status_code == 404
    assert inovasi.wilayah_id == PONDOK_BATU
