"""Issue 17 item 6 on a 360 × 740 phone: the Dinas Kesehatan officer finds
their agency already ticked (and first), and records an intervention with two
photos chosen at once; a refused form says the photos must be chosen again."""

import pytest

from tests.e2e.test_intervensi_bian import _jpeg, world  # noqa: F401 (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _fill(page, judul):
    page.select_option(
        "select[name=kampung]", label="Kampung KB Desa Pondok Batu (Desa Pondok Batu)"
    )
    page.fill("input[name=judul]", judul)
    page.fill("input[name=tanggal]", "2023-08-10")
    page.fill("input[name=tempat]", "Posyandu Dusun I")
    page.select_option("select[name=seksi]", "Reproduksi")
    page.fill("textarea[name=deskripsi]", "Imunisasi campak-rubela dan polio untuk balita.")
    page.get_by_label("Balita", exact=True).check()


def _photos(page, n):
    files = [
        {"name": f"foto{i}.jpg", "mimeType": "image/jpeg", "buffer": _jpeg()} for i in range(n)
    ]
    page.set_input_files("input[name=foto-galeri]", files=files)


def test_dinkes_records_with_two_photos(page, live_server, login, world):  # noqa: F811
    from interventions.models import FotoIntervensi

    login(page, "dinkes.labuhanbatu")
    page.goto(f"{live_server.url}/intervensi/tambah/")
    first = page.locator("input[name=instansi]").first
    assert first.is_checked()
    assert page.locator("input[name=instansi]:checked").count() == 1
    label = page.locator(f"label[for='{first.get_attribute('id')}']")
    assert label.inner_text().strip() == "Dinas Kesehatan"
    kamera = page.locator("input[name=foto-kamera]")
    assert kamera.get_attribute("capture") == "environment"

    # Refused (no title): what was typed stays, the photos must be chosen again.
    _fill(page, "")
    _photos(page, 1)
    page.fill("input[name=foto-keterangan]", "Imunisasi balita")
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_load_state()
    # At the photo field, and listed in the error summary at the top.
    assert page.get_by_role("group").get_by_text("Pilih fotonya lagi").is_visible()
    assert page.locator("a.alert-link", has_text="Pilih fotonya lagi").count() == 1
    assert page.input_value("input[name=foto-keterangan]") == "Imunisasi balita"
    assert page.input_value("input[name=tempat]") == "Posyandu Dusun I"
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360

    page.fill("input[name=judul]", "Pelaksanaan BIAN")
    _photos(page, 2)
    page.select_option("select[name=foto-tipe]", "Sebelum")
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_load_state()
    assert page.get_by_text("Intervensi dan 2 foto tersimpan.").is_visible()
    assert page.locator("figure img").count() == 2
    assert list(FotoIntervensi.objects.values_list("tipe", flat=True)) == ["Sebelum"] * 2
