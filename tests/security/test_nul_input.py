"""NUL bytes in POST fields and imported cells (issue 13 §4). PostgreSQL
refuses NUL in text, so a NUL reaching a query was a 500: forms say so at the
field, an import says so at the row, nothing is written."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tests.security.forms import context_forms, has_errors, row_counts

pytestmark = pytest.mark.django_db


def _client(user=None) -> Client:
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.parametrize("username", ["kader\x00pondokbatu", "\x00", "kader.pondokbatu\x00"])
def test_login_with_nul_in_the_username_is_a_message(username, kader_pondokbatu):
    response = _client().post(
        reverse("akun:login"), {"username": username, "password": settings.DEMO_PASSWORD}
    )
    assert response.status_code == 200, response.status_code
    assert has_errors(response.context["form"])


def test_unduhan_request_with_nul_is_refused_without_error(sec):
    client = _client(sec.personas.opd_labuhanbatu)
    for field in ("kode", "jenis", "format", "periode", "bulan"):
        data = {"jenis": "poktan", "format": "pdf", "kode": "12.10", "periode": "2026-01"}
        response = client.post(reverse("reports:unduhan-create"), data | {field: "12\x0010"})
        assert response.status_code in (302, 400, 404), (field, response.status_code)


def test_language_switch_with_nul_in_next(sec):
    response = _client(sec.personas.kader_pondokbatu).post(
        reverse("set-language"), {"language": "en", "next": "/\x00kampung/"}
    )
    assert response.status_code in (302, 400), response.status_code


def test_nul_in_an_imported_csv_cell_is_a_row_error(sec):
    client = _client(sec.personas.kader_pondokbatu)
    csv = "Nama kepala keluarga,Nomor KK\nSiti\x00Aminah,1210091111111111\nRina,1210092222222222\n"
    response = client.post(
        reverse("poktan:anggota-import", args=[sec.poktan.pk]),
        {"berkas": SimpleUploadedFile("anggota\x00.csv", csv.encode(), "text/csv")},
    )
    assert response.status_code == 200, response.status_code
    rows = response.context["rows"]
    assert [r.nomor for r in rows if not r.ok] == [2]
    assert "NUL" in " ".join(rows[0].errors)
    assert "NUL" in response.content.decode()
    upload = response.context["upload"]
    before = row_counts()
    # "Import all" is refused while a row has an error; "only valid rows" skips it.
    confirm = reverse("poktan:anggota-import-confirm", args=[sec.poktan.pk, upload.pk])
    assert client.post(confirm, {"mode": "semua"}).status_code == 200
    assert row_counts() == before
    assert client.post(confirm, {"mode": "valid"}).status_code == 302
    from poktan.models import Anggota

    names = set(
        Anggota.objects.filter(poktan=sec.poktan).values_list("nama_kepala_keluarga", flat=True)
    )
    assert "Rina" in names and not any("Siti" in n for n in names)


def test_nul_in_every_post_field_answers_at_the_form(sec):
    """The generated suite sends NUL to every form; this pins the forms whose
    fields are read outside Django's CharField (lists split from text)."""
    client = _client(sec.personas.opd_labuhanbatu)
    response = client.post(
        reverse("akun:password-change"),
        {"old_password": "x\x00", "new_password1": "a\x00b", "new_password2": "a\x00b"},
    )
    assert response.status_code == 200
    assert any(has_errors(f) for f in context_forms(response))
