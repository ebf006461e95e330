"""Issue 5 "done when", on a 360 × 740 phone: an OPD officer enters an
innovation profile, adds evidence for one indicator and sees the maturity
score and what is still missing."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def opd(transactional_db, settings, tmp_path):
    from conftest import LABUHANBATU, make_user
    from villages.demo import seed_wilayah

    settings.MEDIA_ROOT = tmp_path / "media"
    seed_wilayah()
    return make_user("opd.labuhanbatu", "opd_kabupaten", LABUHANBATU)


def test_opd_profile_evidence_score(page, live_server, login, opd):
    login(page, "opd.labuhanbatu")
    page.goto(f"{live_server.url}/inovasi/tambah/")
    page.fill("input[name=nama]", "KANG MAS MESRA")
    page.fill("input[name=kepanjangan]", "Kampung Keluarga Berkualitas Masyarakat Sejahtera")
    page.select_option("select[name=wilayah]", "12.10.09.2009")
    page.select_option("select[name=tahapan]", "Penerapan")
    page.select_option("select[name=inisiator]", "OPD")
    page.select_option("select[name=jenis]", "Non Digital")
    page.select_option("select[name=bentuk]", "Inovasi Pelayanan Publik")
    page.select_option("select[name=tahun_iid]", label="IID 2023")
    page.select_option("select[name=urusan_utama]", "Pengendalian penduduk dan keluarga berencana")
    page.fill("input[name=waktu_uji_coba]", "2022-04-01")
    page.fill("input[name=waktu_implementasi]", "2022-04-01")
    page.fill("textarea[name=rancang_bangun]", "Rancang bangun singkat.")
    page.fill("textarea[name=tujuan_khusus]", "a. Meningkatkan peran pemerintah\nb. Lainnya")
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_load_state()

    assert page.get_by_text("IID meminta minimal 300 kata").is_visible()  # warned, saved
    assert page.get_by_role("heading", name="Data pendukung IID 2023").is_visible()
    assert page.get_by_text("Masih kurang: 20 indikator").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    page.get_by_role("link", name="Isi").first.click()
    page.get_by_label("SK Kepala Daerah (6)").check()
    page.fill("input[name=nomor_surat]", "188.45/123/2022")
    page.set_input_files(
        "input[name=berkas]",
        files=[{"name": "sk.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n%\n"}],
    )
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_load_state()

    assert page.get_by_text("Masih kurang: 19 indikator").is_visible()
    assert "6 / 111" in " ".join(page.locator(".display-6").inner_text().split())
