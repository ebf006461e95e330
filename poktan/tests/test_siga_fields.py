"""SIGA form fields on the registers (issue 15 item 2): a kader fills them,
the register page shows them, the database refuses what the form refuses,
older registers stay valid, and KB participation of BKB/BKR/BKL is counted
over the families who attended."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from poktan.models import Anggota, Laporan, Pertemuan
from poktan.tests.conftest import add_members
from poktan.tests.test_laporan_views import post_data, url

pytestmark = pytest.mark.django_db


def test_kb_participation_is_counted_over_the_families_who_attended(
    client_for, kader_pondokbatu, bkb, periode
):
    hadir_pus_kb, hadir_pus, absen = (
        add_members(bkb, 1, start=0, status_pus=True, metode_kb="Suntik", tahapan_ks="KS I")[0],
        add_members(bkb, 1, start=1, status_pus=True, tahapan_ks="Pra-S")[0],
        add_members(bkb, 1, start=2, status_pus=True, metode_kb="IUD")[0],
    )
    data = post_data()
    data["hadir"] = [str(hadir_pus_kb.pk), str(hadir_pus.pk)]
    client = client_for(kader_pondokbatu)
    response = client.post(url(bkb, periode), data)
    assert response.status_code == 302
    laporan = Laporan.objects.get(poktan=bkb)
    # All members: 3 PUS, 2 KB users; of those who came: 2 PUS, 1 KB user (Suntik).
    assert (laporan.kesertaan_kb["pus"], laporan.kesertaan_kb["peserta"]) == (3, 2)
    hadir = laporan.kesertaan_kb["hadir"]
    assert (hadir["keluarga"], hadir["pus"], hadir["peserta"]) == (2, 2, 1)
    assert hadir["metode"]["Suntik"] == 1 and hadir["metode"]["IUD"] == 0
    assert laporan.kesertaan_kb["tahapan_ks"]["KS I"] == 1
    page = client.get(url(bkb, periode)).content.decode()
    assert "Yang hadir: 2 keluarga · 2 PUS · 1 peserta KB" in page
    assert absen.pk not in laporan.anggota_hadir.values_list("pk", flat=True)


def test_a_meeting_records_whether_there_was_a_discussion_and_the_month_its_notulen(
    client_for, kader_pondokbatu, bkb, periode
):
    data = post_data()
    data.update(
        {
            "pertemuan-0-tanggal": periode.first_day.isoformat(),
            "pertemuan-0-materi": "Gizi balita",
            "pertemuan-0-jumlah_hadir": "5",
            "pertemuan-0-ada_diskusi": "true",
            "notulen": "Ibu-ibu sepakat membawa KKA bulan depan.",
        }
    )
    client = client_for(kader_pondokbatu)
    response = client.post(url(bkb, periode), data)
    assert response.status_code == 302, response.context["formset"].errors
    laporan = Laporan.objects.get(poktan=bkb)
    assert laporan.notulen == "Ibu-ibu sepakat membawa KKA bulan depan."
    assert laporan.pertemuan.get().ada_diskusi is True
    page = client.get(url(bkb, periode)).content.decode()
    assert "Ibu-ibu sepakat membawa KKA bulan depan." in page
    assert 'name="pertemuan-0-ada_diskusi"' in page


def test_an_older_meeting_without_the_new_fields_stays_valid(
    client_for, pkb_bilahhulu, bkb, periode
):
    laporan = Laporan.objects.create(
        poktan=bkb, periode=periode.first_day, status="diajukan", jumlah_anggota=3
    )
    Pertemuan.objects.create(
        laporan=laporan, tanggal=periode.first_day, materi="Pola asuh", jumlah_hadir=3
    )
    response = client_for(pkb_bilahhulu).get(url(bkb, periode))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Pola asuh" in page and "diskusi" not in page.split("Pola asuh")[1].split("</li>")[0]


def test_kemandirian_kb_only_for_a_kb_user(client_for, kader_pondokbatu, bkb):
    response = client_for(kader_pondokbatu).post(
        reverse("poktan:anggota-create", args=[bkb.pk]),
        {
            "nama_kepala_keluarga": "Rina",
            "nomor_kk": "1210090000000999",
            "kemandirian_kb": "Swasta",
            "tahapan_ks": "KS II",
            "aktif": "on",
        },
    )
    assert response.status_code == 200
    assert "Kemandirian KB hanya untuk peserta KB" in response.content.decode()
    assert 'value="Rina"' in response.content.decode()  # input kept
    with pytest.raises(IntegrityError), transaction.atomic():
        Anggota.objects.create(
            poktan=bkb,
            nama_kepala_keluarga="X",
            nomor_kk="1210090000000998",
            kemandirian_kb="Swasta",
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Anggota.objects.create(
            poktan=bkb, nama_kepala_keluarga="Y", nomor_kk="1210090000000997", tahapan_ks="KS IV"
        )


def test_uppks_member_shows_jabatan_and_modal_diperoleh(client_for, kader_pondokbatu, uppka):
    client = client_for(kader_pondokbatu)
    form = client.get(reverse("poktan:anggota-create", args=[uppka.pk])).content.decode()
    assert 'name="jabatan"' in form and 'name="modal_diperoleh"' in form
    response = client.post(
        reverse("poktan:anggota-create", args=[uppka.pk]),
        {
            "nama_kepala_keluarga": "Sari",
            "nomor_kk": "1210090000000888",
            "metode_kb": "PIL",
            "kemandirian_kb": "Swasta",
            "tahapan_ks": "KS II",
            "jabatan": "Bendahara",
            "modal_diperoleh": "Rp 2.500.000",
            "aktif": "on",
        },
    )
    assert response.status_code == 302
    anggota = Anggota.objects.get(nama_kepala_keluarga="Sari")
    assert (anggota.jabatan, anggota.modal_diperoleh, anggota.kemandirian_kb) == (
        "Bendahara",
        2_500_000,
        "Swasta",
    )
    listing = client.get(reverse("poktan:anggota-list", args=[uppka.pk])).content.decode()
    assert "Bendahara" in listing and "Rp 2.500.000" in listing and "KS II" in listing


def test_bkb_form_does_not_offer_the_uppks_columns(client_for, kader_pondokbatu, bkb):
    form = client_for(kader_pondokbatu).get(reverse("poktan:anggota-create", args=[bkb.pk]))
    page = form.content.decode()
    assert 'name="tahapan_ks"' in page and 'name="modal_diperoleh"' not in page


def test_the_demo_states_no_siga_field_and_leaves_them_empty():
    import io

    from django.core.management import call_command

    from poktan.models import Pengurus, Poktan

    call_command("seed_demo", stdout=io.StringIO())
    assert not Anggota.objects.exclude(tahapan_ks="").exists()
    assert not Anggota.objects.exclude(kemandirian_kb="").exists()
    assert not Anggota.objects.filter(modal_diperoleh__isnull=False).exists()
    assert not Poktan.objects.filter(sertifikasi_kelompok__isnull=False).exists()
    assert not Poktan.objects.filter(total_balita__isnull=False).exists()
    assert not Pengurus.objects.exclude(pekerjaan="").exists()
    assert not Pertemuan.objects.filter(ada_diskusi__isnull=False).exists()
    assert not Laporan.objects.exclude(notulen="").exists()
