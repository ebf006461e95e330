"""Members: nomor KK rules, masking per role, import with preview and row errors."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from poktan.models import Anggota, ImporAnggota
from poktan.tests.conftest import add_members

pytestmark = pytest.mark.django_db

KK = "1210090101010001"


def test_kk_must_be_16_digits_and_unique_in_the_database(bkb):
    Anggota.objects.create(poktan=bkb, nama_kepala_keluarga="A", nomor_kk=KK)
    with pytest.raises(IntegrityError), transaction.atomic():
        Anggota.objects.create(poktan=bkb, nama_kepala_keluarga="B", nomor_kk=KK)
    with pytest.raises(IntegrityError), transaction.atomic():
        Anggota.objects.create(poktan=bkb, nama_kepala_keluarga="C", nomor_kk="12345")


def test_same_kk_may_join_another_poktan(bkb, uppka):
    Anggota.objects.create(poktan=bkb, nama_kepala_keluarga="A", nomor_kk=KK)
    Anggota.objects.create(poktan=uppka, nama_kepala_keluarga="A", nomor_kk=KK)
    assert Anggota.objects.count() == 2


def test_add_member_form_errors_at_field_and_keeps_input(client_for, kader_pondokbatu, bkb):
    client = client_for(kader_pondokbatu)
    url = reverse("poktan:anggota-create", args=[bkb.pk])
    response = client.post(url, {"nama_kepala_keluarga": "Rahmat", "nomor_kk": "12100901"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nomor KK harus 16 digit angka." in html
    assert 'value="Rahmat"' in html
    assert client.post(url, {"nama_kepala_keluarga": "Rahmat", "nomor_kk": KK}).status_code == 302
    response = client.post(url, {"nama_kepala_keluarga": "Lain", "nomor_kk": KK})
    assert "Nomor KK ini sudah terdaftar di poktan ini." in response.content.decode()
    assert Anggota.objects.count() == 1


@pytest.mark.parametrize(
    ("persona", "full"),
    [
        ("kader_pondokbatu", True),
        ("opd_labuhanbatu", True),
        ("admin_portal", True),
        ("pkb_bilahhulu", False),
        ("pimpinan", False),
        ("opd_kesehatan", False),
    ],
)
def test_nomor_kk_is_masked_for_roles_that_do_not_need_it(request, client_for, bkb, persona, full):
    Anggota.objects.create(poktan=bkb, nama_kepala_keluarga="Rahmat", nomor_kk=KK)
    user = request.getfixturevalue(persona)
    html = client_for(user).get(reverse("poktan:anggota-list", args=[bkb.pk])).content.decode()
    assert (KK in html) is full
    assert "0001" in html


def test_audit_log_never_holds_the_kk(client_for, kader_pondokbatu, bkb):
    from kampungkb.models import AuditEntry

    client_for(kader_pondokbatu).post(
        reverse("poktan:anggota-create", args=[bkb.pk]),
        {"nama_kepala_keluarga": "Rahmat", "nomor_kk": KK},
    )
    assert AuditEntry.objects.filter(action="poktan.anggota.create").exists()
    assert not [e for e in AuditEntry.objects.all() if KK in str(e.changes)]


def xlsx(rows):
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    out = io.BytesIO()
    wb.save(out)
    return SimpleUploadedFile("anggota.xlsx", out.getvalue())


HEADER = ["Nama kepala keluarga", "Nomor KK", "PUS (ya/tidak)", "Metode KB", "Alasan tidak ber-KB"]


def test_template_download_has_the_type_columns(client_for, kader_pondokbatu, bkb):
    response = client_for(kader_pondokbatu).get(reverse("poktan:anggota-template", args=[bkb.pk]))
    ws = load_workbook(io.BytesIO(response.content)).active
    header = [c.value for c in ws[1]]
    assert header[:5] == HEADER
    assert "Anak 0-1 th" in header and "Memakai KKA (ya/tidak)" in header


def upload(client, bkb, berkas):
    return client.post(reverse("poktan:anggota-import", args=[bkb.pk]), {"berkas": berkas})


def test_import_preview_lists_row_numbered_errors_and_writes_nothing(
    client_for, kader_pondokbatu, bkb
):
    rows = [HEADER] + [
        [f"Keluarga {i}", f"12100900000000{i:02d}", "ya", "Suntik", ""] for i in range(5)
    ]
    rows.append(["Salah", "12345", "ya", "", ""])  # row 7 of the sheet
    rows.append(["Dobel", "1210090000000001", "tidak", "Jamu", ""])  # row 8
    client = client_for(kader_pondokbatu)
    response = upload(client, bkb, xlsx(rows))
    html = response.content.decode()
    assert response.status_code == 200
    assert "baris 7: nomor KK harus 16 digit" in html
    assert "baris 8: nomor KK sama dengan baris 3" in html
    assert "baris 8: metode KB “Jamu” tidak dikenal" in html
    assert not Anggota.objects.exists()
    token = ImporAnggota.objects.get().pk
    confirm = reverse("poktan:anggota-import-confirm", args=[bkb.pk, token])
    # "Import everything" is refused while errors remain.
    response = client.post(confirm, {"mode": "semua"})
    assert "belum ada yang diimpor" in response.content.decode()
    assert not Anggota.objects.exists()
    # Explicitly importing only the valid rows.
    response = client.post(confirm, {"mode": "valid"})
    assert response.status_code == 302
    assert Anggota.objects.count() == 5
    assert Anggota.objects.filter(metode_kb="Suntik", status_pus=True).count() == 5
    assert not ImporAnggota.objects.exists()


def test_valid_csv_imports_everything(client_for, kader_pondokbatu, bkb):
    content = (
        "Nama kepala keluarga;Nomor KK;PUS (ya/tidak);Anak 0-1 th\n"
        "Siti;1210090000000011;ya;2\nRina;1210090000000012;tidak;0\n"
    )
    client = client_for(kader_pondokbatu)
    response = upload(client, bkb, SimpleUploadedFile("a.csv", content.encode()))
    assert "2 baris benar, 0 baris salah." in response.content.decode()
    token = ImporAnggota.objects.get().pk
    client.post(reverse("poktan:anggota-import-confirm", args=[bkb.pk, token]), {"mode": "semua"})
    assert Anggota.objects.get(nomor_kk="1210090000000011").anak_0_1 == 2


def test_import_rejects_wrong_file_type_and_unreadable_files(client_for, kader_pondokbatu, bkb):
    client = client_for(kader_pondokbatu)
    response = upload(client, bkb, SimpleUploadedFile("a.pdf", b"%PDF"))
    assert "Hanya berkas .xlsx atau .csv" in response.content.decode()
    response = upload(client, bkb, SimpleUploadedFile("a.xlsx", b"not a zip"))
    assert "Berkas tidak dapat dibaca" in response.content.decode()
    response = upload(client, bkb, SimpleUploadedFile("a.csv", b"Nama,KK\nA,1\n"))
    assert "Kolom wajib tidak ada" in response.content.decode()


def test_existing_member_in_file_is_an_error(client_for, kader_pondokbatu, bkb):
    add_members(bkb, 1)
    content = f"Nama kepala keluarga,Nomor KK\nA,{Anggota.objects.get().nomor_kk}\n"
    response = upload(
        client_for(kader_pondokbatu), bkb, SimpleUploadedFile("a.csv", content.encode())
    )
    assert "baris 2: nomor KK sudah terdaftar di poktan ini" in response.content.decode()


def test_only_the_uploader_can_confirm(client_for, kader_pondokbatu, admin_portal, bkb):
    upload(
        client_for(kader_pondokbatu),
        bkb,
        SimpleUploadedFile("a.csv", b"Nama kepala keluarga,Nomor KK\nA,1210090000000011\n"),
    )
    token = ImporAnggota.objects.get().pk
    response = client_for(admin_portal).post(
        reverse("poktan:anggota-import-confirm", args=[bkb.pk, token]), {"mode": "semua"}
    )
    assert response.status_code == 404
    assert not Anggota.objects.exists()


def test_member_edit_is_audited_old_to_new(client_for, kader_pondokbatu, bkb):
    from kampungkb.audit import history

    anggota = Anggota.objects.create(poktan=bkb, nama_kepala_keluarga="Rahmat", nomor_kk=KK)
    response = client_for(kader_pondokbatu).post(
        reverse("poktan:anggota-edit", args=[bkb.pk, anggota.pk]),
        {
            "version": 1,
            "nama_kepala_keluarga": "Rahmat",
            "nomor_kk": KK,
            "metode_kb": "IUD",
            "aktif": "on",
        },
    )
    assert response.status_code == 302
    entry = history(anggota).get()
    assert entry.changes["metode_kb"] == {
        "label": "metode KB",
        "old": "–",
        "new": "IUD",
        "raw": ["", "IUD"],  # the stored code, rendered when read
    }
