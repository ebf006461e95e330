import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.urls import reverse

from interventions.kampung_sections import sections
from interventions.models import BuktiIID, Inovasi, TahunIID
from interventions.tests import factories as f


def _profil(kampung, **extra):
    tahun = TahunIID.objects.get(tahun=2023)
    data = {
        "nama": "KANG MAS MESRA",
        "kepanjangan": "Kampung Keluarga Berkualitas Masyarakat Sejahtera",
        "wilayah": "12.10.09.2009",
        "tahapan": "Penerapan",
        "inisiator": "OPD",
        "jenis": "Non Digital",
        "bentuk": "Inovasi Pelayanan Publik",
        "tahun_iid": tahun.pk,
        "tematik": tahun.tematik.get(nama="Non tematik").pk,
        "urusan_utama": "Pengendalian penduduk dan keluarga berencana",
        "urusan_lain": ["Kesehatan"],
        "waktu_uji_coba": "2022-04-01",
        "waktu_implementasi": "2022-04-01",
        "rancang_bangun": "Paragraf satu.\n\nParagraf dua.",
        "tujuan_umum": "Meningkatkan kualitas hidup masyarakat",
        "tujuan_khusus": "a. Meningkatkan peran pemerintah\nb. Meningkatkan kesadaran",
        "manfaat": "Kampung KB menjadi miniatur desa.",
        "hasil": "Wahana pemberdayaan masyarakat.",
        "video": "https://www.youtube.com/watch?v=contoh",
        "kampung": [kampung.pk],
    }
    data.update(extra)
    return data


def test_opd_enters_profile_then_evidence_and_sees_score(
    client_for, opd_labuhanbatu, kampung_pondokbatu
):
    client = client_for(opd_labuhanbatu)
    pdf = SimpleUploadedFile("anggaran.pdf", b"%PDF-1.4\n1 0 obj\n", "application/pdf")
    response = client.post(
        reverse("interventions:inovasi-create"),
        _profil(kampung_pondokbatu, berkas_anggaran=pdf),
        follow=True,
    )
    inovasi = Inovasi.objects.get()
    assert response.redirect_chain[-1][0] == reverse(
        "interventions:inovasi-bukti", args=[inovasi.pk]
    )
    html = response.content.decode()
    assert "IID meminta minimal 300 kata" in html  # a warning, the profile is saved
    assert inovasi.tujuan_khusus == ["Meningkatkan peran pemerintah", "Meningkatkan kesadaran"]
    assert inovasi.berkas_anggaran.name.startswith("privat/inovasi/")

    sk = SimpleUploadedFile("sk.pdf", b"%PDF-1.5\nSK Bupati", "application/pdf")
    regulasi = BuktiIID.objects.none()
    parameter = inovasi.tahun_iid.indikator.get(nomor=1).parameter.get(urutan=2)
    response = client.post(
        reverse("interventions:bukti-edit", args=[inovasi.pk, 1]),
        {
            "parameter": parameter.pk,
            "nomor_surat": "188.45/123/2022",
            "tanggal_surat": "2022-03-15",
            "tentang": "Kampung KB Desa Pondok Batu",
            "berkas": sk,
        },
        follow=True,
    )
    regulasi = BuktiIID.objects.get(inovasi=inovasi)
    assert regulasi.bobot == 6 and regulasi.berkas
    assert response.context["kematangan"].skor == 6
    html = response.content.decode()
    assert "Masih kurang: 19 indikator" in html
    assert "Parameter belum dipilih" in html
    inovasi.refresh_from_db()
    assert inovasi.skor_kematangan == 6

    detail = client.get(reverse("interventions:inovasi-detail", args=[inovasi.pk]))
    body = detail.content.decode()
    order = ["Tahapan Inovasi", "Tujuan Umum", "Tujuan Khusus", "Manfaat Inovasi",
             "Hasil Inovasi", "Rancang Bangun Inovasi"]  # fmt: skip
    positions = [body.index(label) for label in order]
    assert positions == sorted(positions)


def test_profile_pdf_checked_by_content(client_for, opd_labuhanbatu, kampung_pondokbatu):
    fake = SimpleUploadedFile("anggaran.pdf", b"PK\x03\x04 zip", "application/pdf")
    response = client_for(opd_labuhanbatu).post(
        reverse("interventions:inovasi-create"), _profil(kampung_pondokbatu, berkas_anggaran=fake)
    )
    assert response.status_code == 200
    assert "Isi berkas tidak sesuai" in response.content.decode()
    assert not Inovasi.objects.exists()


def test_evidence_file_type_per_indicator(client_for, opd_labuhanbatu, regions):
    inovasi = f.inovasi("12.10.09.2009")
    png = SimpleUploadedFile("sk.pdf", f.jpeg_bytes(), "application/pdf")  # JPEG named .pdf
    response = client_for(opd_labuhanbatu).post(
        reverse("interventions:bukti-edit", args=[inovasi.pk, 1]), {"berkas": png}
    )
    assert "Jenis yang diterima: PDF" in response.content.decode()
    assert not BuktiIID.objects.exists()


def test_implementation_before_trial_is_refused(client_for, opd_labuhanbatu, kampung_pondokbatu):
    data = _profil(kampung_pondokbatu, waktu_implementasi="2022-03-01")
    response = client_for(opd_labuhanbatu).post(reverse("interventions:inovasi-create"), data)
    assert "Tidak boleh sebelum waktu uji coba" in response.content.decode()


def test_inovasi_filters(client_for, opd_labuhanbatu, regions):
    f.inovasi("12.10.09.2009", nama="A", urusan_lain=["Kesehatan"])
    f.inovasi("12.10.09.2009", nama="B", tahapan="Uji Coba", inisiator="Masyarakat")
    client = client_for(opd_labuhanbatu)
    url = reverse("interventions:inovasi-list")
    names = lambda q: [o.nama for o in client.get(url, q).context["page"]]  # noqa: E731
    assert names({"urusan": "Kesehatan"}) == ["A"]
    assert names({"tahapan": "Uji Coba"}) == ["B"]
    assert names({"inisiator": "Masyarakat"}) == ["B"]
    assert names({"tahun": TahunIID.objects.get(tahun=2023).pk}) == ["A", "B"]


@pytest.mark.parametrize("n", [2, 15])
def test_inovasi_list_query_count(
    n, client_for, opd_labuhanbatu, regions, django_assert_max_num_queries
):
    for i in range(n):
        f.inovasi("12.10.09.2009", nama=f"Inovasi {i:02}")
    client = client_for(opd_labuhanbatu)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("interventions:inovasi-list"))
    assert len(response.context["page"]) == n


@pytest.mark.parametrize("n", [1, 8])
def test_inovasi_detail_and_bukti_query_count(
    n, client_for, opd_labuhanbatu, kampung_pondokbatu, django_assert_max_num_queries
):
    inovasi = f.inovasi("12.10.09.2009")
    inovasi.kampung.add(kampung_pondokbatu)
    dinkes = f.resmi("Dinas Kesehatan")
    for i in range(n):
        inovasi.intervensi.add(f.intervensi(kampung_pondokbatu, dinkes, judul=f"K{i}"))
        f.bukti(inovasi, i + 1)
    client = client_for(opd_labuhanbatu)
    with django_assert_max_num_queries(15):
        response = client.get(reverse("interventions:inovasi-detail", args=[inovasi.pk]))
    assert len(response.context["intervensi_list"]) == n
    with django_assert_max_num_queries(10):
        response = client.get(reverse("interventions:inovasi-bukti", args=[inovasi.pk]))
    assert len(response.context["kematangan"].kurang) == 20 - n


def test_kampung_sections_show_contact_to_users_in_scope(
    kader_pondokbatu, kampung_pondokbatu, django_assert_max_num_queries
):
    from django.template.loader import render_to_string

    f.unggulan(kampung_pondokbatu, ketua="Ust. Bukhori Fasha")
    f.intervensi(
        kampung_pondokbatu, f.resmi("Dinas Kesehatan"), f.resmi("OPD Pengendalian Penduduk dan KB")
    )
    request = RequestFactory().get("/")
    request.user = kader_pondokbatu
    with django_assert_max_num_queries(4):
        result = sections(request, kampung_pondokbatu)
    html = "".join(render_to_string(s["template"], s["context"], request) for s in result)
    assert "082182472274" in html and "Ust. Bukhori Fasha" in html
    assert "BIAN" in html
    assert result[0]["context"]["lintas_sektor"] == 1  # the KB agency is not lintas sektor


def test_public_sections_never_show_contact_or_private_photos(
    kampung_pondokbatu, anonim, django_assert_max_num_queries
):
    from django.template.loader import render_to_string

    from interventions.kampung_sections import public_sections

    f.unggulan(kampung_pondokbatu, ketua="Ust. Bukhori Fasha")
    obj = f.intervensi(kampung_pondokbatu, f.resmi("Dinas Kesehatan"))
    private, public = f.foto(obj, 1), f.foto(obj, 2, publik=True)
    request = RequestFactory().get("/")
    request.user = anonim
    with django_assert_max_num_queries(4):
        result = public_sections(kampung_pondokbatu)
        html = "".join(render_to_string(s["template"], s["context"], request) for s in result)
    assert "Dapur Dhuafa" in html
    assert "082182472274" not in html and "Bukhori" not in html
    assert reverse("interventions:foto-publik", args=[public.pk]) in html
    assert reverse("interventions:foto-publik", args=[private.pk]) not in html
    assert reverse("interventions:foto", args=[private.pk]) not in html


@pytest.mark.parametrize("n", [1, 8])
def test_inovasi_edit_query_count(
    n, client_for, opd_labuhanbatu, kampung_pondokbatu, django_assert_max_num_queries
):
    inovasi = f.inovasi("12.10.09.2009")
    inovasi.kampung.add(kampung_pondokbatu)
    dinkes = f.resmi("Dinas Kesehatan")
    for i in range(n):
        inovasi.intervensi.add(f.intervensi(kampung_pondokbatu, dinkes, judul=f"K{i}"))
    client = client_for(opd_labuhanbatu)
    with django_assert_max_num_queries(15):
        response = client.get(reverse("interventions:inovasi-edit", args=[inovasi.pk]))
    # Offered: the interventions of the linked Kampung KB, already linked ones checked.
    assert len(response.context["form"].fields["intervensi"].choices) == n
    assert response.content.decode().count("selected") >= n


def test_evidence_stored_under_a_name_matching_its_content(client_for, opd_labuhanbatu, regions):
    inovasi = f.inovasi("12.10.09.2009")
    upload = SimpleUploadedFile("laporan.html", b"%PDF-1.4\n", "text/html")
    parameter = inovasi.tahun_iid.indikator.get(nomor=1).parameter.get(urutan=1)
    client = client_for(opd_labuhanbatu)
    url = reverse("interventions:bukti-edit", args=[inovasi.pk, 1])
    assert client.post(url, {"parameter": parameter.pk, "berkas": upload}).status_code == 302
    bukti = BuktiIID.objects.get()
    assert bukti.berkas.name.endswith("/bukti-1.pdf")
    response = client.get(reverse("interventions:bukti-berkas", args=[inovasi.pk, 1]))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")


def test_rancang_bangun_is_rich_text_without_scripts(client_for, opd_labuhanbatu, regions):
    from interventions.tests import factories as f

    inovasi = f.inovasi(
        "12.10",
        rancang_bangun=(
            "Latar **belakang** dan *tujuan*.\n\n"
            "Tahapan:\n\n1. Sosialisasi\n2. Pelatihan kader\n\n"
            "Poktan:\n\n- Posyandu\n- BKB\n\n"
            '<script>alert("x")</script><a href="http://contoh.test" onclick="x()">tautan</a>'
        ),
    )
    html = (
        client_for(opd_labuhanbatu)
        .get(reverse("interventions:inovasi-detail", args=[inovasi.pk]))
        .content.decode()
    )
    assert "<strong>belakang</strong>" in html and "<em>tujuan</em>" in html
    assert "<ol>\n<li>Sosialisasi</li>" in html and "<li>Posyandu</li>" in html
    assert "<script>alert" not in html and "onclick" not in html
    assert 'href="http://contoh.test"' not in html and "tautan" in html


def test_many_villages_are_typed_as_codes_on_the_innovation_form(
    client_for, opd_labuhanbatu, kampung_pondokbatu, kampung_tapteng
):
    """A kabupaten of hundreds of desa: the Kampung KB links are typed as desa
    codes instead of one checkbox each; unknown or out-of-scope codes are
    named at the field and what was typed stays."""
    from interventions.tests.test_filters import many_villages
    from kampungkb.forms import CHOICE_LIMIT

    client = client_for(opd_labuhanbatu)
    url = reverse("interventions:inovasi-create")
    # A few villages: one checkbox each.
    assert re.search(r'type="checkbox"[^>]*name="kampung"', client.get(url).content.decode())
    many_villages(CHOICE_LIMIT)
    html = client.get(url).content.decode()
    assert not re.search(r'type="checkbox"[^>]*name="kampung"', html)
    assert '<textarea name="kampung"' in html
    assert html.count('name="kampung"') == 1

    typed = f"12.10.99.2001, {kampung_tapteng.desa_id} 99.99"
    response = client.post(url, {**_profil(kampung_pondokbatu), "kampung": typed})
    assert response.status_code == 200 and not Inovasi.objects.exists()
    errors = response.context["form"].errors["kampung"]
    assert errors == [
        f"Kode desa ini bukan Kampung KB di wilayah Anda: {kampung_tapteng.desa_id}, 99.99."
    ]
    assert typed in response.content.decode()  # nothing typed is lost

    codes = f"{kampung_pondokbatu.desa_id}\n12.10.99.2001"
    response = client.post(url, {**_profil(kampung_pondokbatu), "kampung": codes})
    inovasi = Inovasi.objects.get()
    assert response.status_code == 302
    assert sorted(inovasi.kampung.values_list("desa_id", flat=True)) == [
        "12.10.09.2009",
        "12.10.99.2001",
    ]
    edit = client.get(reverse("interventions:inovasi-edit", args=[inovasi.pk])).content.decode()
    assert "12.10.09.2009, 12.10.99.2001" in edit or "12.10.99.2001, 12.10.09.2009" in edit
