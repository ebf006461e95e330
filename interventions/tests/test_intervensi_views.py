import datetime as dt

import pytest
from django.urls import reverse

from interventions.models import Intervensi
from interventions.tests import factories as f
from kampungkb.models import AuditEntry


def _data(kampung, **extra):
    data = {
        "kampung": kampung.pk,
        "judul": "Pelaksanaan BIAN (Bulan Imunisasi Anak Nasional)",
        "tanggal": "2023-08-10",
        "tempat": "Posyandu Dusun I",
        "jenis": "Kegiatan",
        "seksi": "Reproduksi",
        "deskripsi": "Imunisasi campak-rubela dan polio untuk balita.",
        "sasaran": ["Balita"],
        "target_poktan": ["BKB"],
        "status": "selesai",
        "sumber_dana": "APBD",
        "anggaran": "2500000",
        "penerima_manfaat": "87",
    }
    data.update(extra)
    return data


def test_dinkes_records_bian_and_owns_it(client_for, opd_kesehatan, kampung_pondokbatu):
    response = client_for(opd_kesehatan).post(
        reverse("interventions:intervensi-create"), _data(kampung_pondokbatu)
    )
    assert response.status_code == 302
    obj = Intervensi.objects.get()
    assert obj.instansi_pemilik.nama == "Dinas Kesehatan"
    assert [i.nama for i in obj.instansi.all()] == ["Dinas Kesehatan"]
    assert obj.anggaran == 2_500_000 and obj.penerima_manfaat == 87
    assert obj.sasaran == ["Balita"] and obj.target_poktan == ["BKB"]
    assert AuditEntry.objects.filter(action="interventions.intervensi.create").count() == 1


def test_list_offers_edit_only_on_own_agency_entries(client_for, opd_kesehatan, kampung_pondokbatu):
    dinkes, dinsos = f.resmi("Dinas Kesehatan"), f.resmi("Dinas Sosial")
    own = f.intervensi(kampung_pondokbatu, dinkes, pemilik=dinkes, judul="BIAN")
    other = f.intervensi(kampung_pondokbatu, dinsos, pemilik=dinsos, judul="Lansia")
    client = client_for(opd_kesehatan)
    html = client.get(reverse("interventions:intervensi-list")).content.decode()
    assert reverse("interventions:intervensi-edit", args=[own.pk]) in html
    assert reverse("interventions:intervensi-edit", args=[other.pk]) not in html
    edit_other = reverse("interventions:intervensi-edit", args=[other.pk])
    assert client.post(edit_other, _data(kampung_pondokbatu)).status_code == 403
    other.refresh_from_db()
    assert other.judul == "Lansia"


def test_bad_input_message_at_field_and_input_kept(client_for, opd_labuhanbatu, kampung_pondokbatu):
    data = _data(kampung_pondokbatu, sasaran=[], judul="Judul saya", anggaran="-5")
    response = client_for(opd_labuhanbatu).post(reverse("interventions:intervensi-create"), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Pilih minimal satu sasaran" in html
    assert 'value="Judul saya"' in html
    assert "instansi" in response.context["form"].errors  # OPD must name an agency
    assert not Intervensi.objects.exists()


def test_future_date_only_for_rencana(client_for, opd_kesehatan, kampung_pondokbatu):
    future = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    client = client_for(opd_kesehatan)
    url = reverse("interventions:intervensi-create")
    response = client.post(url, _data(kampung_pondokbatu, tanggal=future))
    assert "hanya untuk intervensi berstatus Rencana" in response.content.decode()
    response = client.post(url, _data(kampung_pondokbatu, tanggal=future, status="rencana"))
    assert response.status_code == 302


def test_kader_posts_only_for_own_desa(
    client_for, kader_pondokbatu, kampung_pondokbatu, kampung_tapteng
):
    client = client_for(kader_pondokbatu)
    url = reverse("interventions:intervensi-create")
    data = _data(kampung_tapteng, instansi_lainnya="Karang Taruna")
    response = client.post(url, data)
    assert "kampung" in response.context["form"].errors
    response = client.post(url, _data(kampung_pondokbatu, instansi_lainnya="Karang Taruna"))
    assert response.status_code == 302
    obj = Intervensi.objects.get()
    assert obj.dibuat_oleh == kader_pondokbatu and obj.instansi_pemilik is None
    edit = reverse("interventions:intervensi-edit", args=[obj.pk])
    assert client.get(edit).status_code == 200


def test_edit_conflict_keeps_input(client_for, opd_labuhanbatu, kampung_pondokbatu):
    dinkes = f.resmi("Dinas Kesehatan")
    obj = f.intervensi(kampung_pondokbatu, dinkes, pemilik=dinkes)
    Intervensi.objects.filter(pk=obj.pk).update(version=2)  # someone saved meanwhile
    data = _data(kampung_pondokbatu, judul="Judul baru", version=1, instansi=[dinkes.pk])
    response = client_for(opd_labuhanbatu).post(
        reverse("interventions:intervensi-edit", args=[obj.pk]), data
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "sudah diubah orang lain" in html
    assert 'value="Judul baru"' in html
    obj.refresh_from_db()
    assert obj.judul == "BIAN"


def test_edit_writes_audit_diff(client_for, opd_kesehatan, kampung_pondokbatu):
    dinkes = f.resmi("Dinas Kesehatan")
    obj = f.intervensi(kampung_pondokbatu, dinkes, pemilik=dinkes)
    data = _data(kampung_pondokbatu, judul="BIAN tahap 2", version=obj.version)
    response = client_for(opd_kesehatan).post(
        reverse("interventions:intervensi-edit", args=[obj.pk]), data
    )
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="interventions.intervensi.update")
    assert entry.changes["judul"]["new"] == "BIAN tahap 2"
    assert entry.wilayah_kode == "12.10.09.2009"


@pytest.mark.parametrize(
    "query, expected",
    [
        ("sasaran=Lansia", ["Lansia tangguh"]),
        ("seksi=Reproduksi", ["BIAN"]),
        ("status=berjalan", ["Lansia tangguh"]),
        ("periode=2023-08", ["BIAN"]),
        ("tahun=2022", ["Lansia tangguh"]),
        ("periode=bukan", []),
    ],
)
def test_filters(client_for, opd_labuhanbatu, kampung_pondokbatu, query, expected):
    dinkes, dinsos = f.resmi("Dinas Kesehatan"), f.resmi("Dinas Sosial")
    f.intervensi(kampung_pondokbatu, dinkes, judul="BIAN")
    f.intervensi(
        kampung_pondokbatu,
        dinsos,
        judul="Lansia tangguh",
        sasaran=["Lansia"],
        seksi="Perlindungan",
        status="berjalan",
        tanggal=dt.date(2022, 3, 1),
    )
    response = client_for(opd_labuhanbatu).get(
        reverse("interventions:intervensi-list") + "?" + query
    )
    assert [o.judul for o in response.context["page"]] == expected


def test_instansi_filter(client_for, opd_labuhanbatu, kampung_pondokbatu):
    dinkes, dinsos = f.resmi("Dinas Kesehatan"), f.resmi("Dinas Sosial")
    f.intervensi(kampung_pondokbatu, dinkes, dinsos, judul="Bersama")
    f.intervensi(kampung_pondokbatu, dinkes, judul="BIAN")
    response = client_for(opd_labuhanbatu).get(
        reverse("interventions:intervensi-list"), {"instansi": dinsos.pk}
    )
    assert [o.judul for o in response.context["page"]] == ["Bersama"]


def _many(kampung, n):
    dinkes, dinsos = f.resmi("Dinas Kesehatan"), f.resmi("Dinas Sosial")
    for i in range(n):
        obj = f.intervensi(kampung, dinkes, dinsos, pemilik=dinkes, judul=f"Kegiatan {i}")
    return obj


@pytest.mark.parametrize("n", [2, 20])
def test_list_query_count_constant(
    n, client_for, opd_kesehatan, kampung_pondokbatu, django_assert_max_num_queries
):
    _many(kampung_pondokbatu, n)
    client = client_for(opd_kesehatan)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("interventions:intervensi-list"))
    assert len(response.context["page"]) == n


@pytest.mark.parametrize("n", [1, 5])
def test_detail_query_count_constant(
    n, client_for, opd_kesehatan, kampung_pondokbatu, django_assert_max_num_queries
):
    obj = _many(kampung_pondokbatu, 1)
    for i in range(n):
        f.foto(obj, i + 1)
    for _ in range(n):
        obj.instansi.add(f.resmi("Dinas Pendidikan"))
    client = client_for(opd_kesehatan)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("interventions:intervensi-detail", args=[obj.pk]))
    assert len(response.context["foto_list"]) == n


def test_mistyped_period_filter_says_so(client_for, opd_labuhanbatu, kampung_pondokbatu):
    f.intervensi(kampung_pondokbatu, f.resmi("Dinas Kesehatan"))
    response = client_for(opd_labuhanbatu).get(
        reverse("interventions:intervensi-list"), {"periode": "Agustus"}
    )
    assert response.status_code == 200
    assert "Tulis periode sebagai tahun-bulan" in response.content.decode()


def test_instansi_lainnya_needs_a_name(client_for, opd_labuhanbatu, kampung_pondokbatu):
    lainnya = f.resmi("Lainnya")
    response = client_for(opd_labuhanbatu).post(
        reverse("interventions:intervensi-create"),
        _data(kampung_pondokbatu, instansi=[lainnya.pk]),
    )
    assert "Sebutkan instansi lainnya" in response.content.decode()
    assert not Intervensi.objects.exists()
