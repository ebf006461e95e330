"""Personal data (issue 8 §2): nomor KK and contacts.

- The full nomor KK is for the roles that work with member families (kader,
  OPD kabupaten, admin); petugas kecamatan, lintas sektor and pimpinan see it
  masked (``••••••••••••7890``).
- The audit log is read by everyone in a region: it never holds a nomor KK.
- Public pages (``/publik/...``) never show a nomor KK, a name of a pokja
  member, a phone number, the PLKB's NIP or a flagship innovation's contact.
- PDF and XLSX documents travel beyond the portal: none carries a nomor KK or
  a phone number, whoever downloads them.
"""

from __future__ import annotations

import io
import re

import pytest
from django.urls import reverse

from poktan import services_poktan as ps
from tests.security.conftest import (
    KK_PONDOKBATU,
    KK_TAPTENG,
    NIP_PLKB,
    TELEPON_PLKB,
    TELEPON_POKJA,
    TELEPON_UNGGULAN,
)

pytestmark = pytest.mark.django_db

KK_FULL = ("kader_pondokbatu", "opd_labuhanbatu", "admin_portal")
KK_MASKED = ("pkb_bilahhulu", "opd_kesehatan", "pimpinan")
PHONES = (TELEPON_POKJA, TELEPON_UNGGULAN, TELEPON_PLKB)


def digits_only(text: str) -> str:
    """Numbers may be split by spaces or dots in a document: compare digits."""
    return re.sub(r"[^0-9•]", "", text)


@pytest.mark.parametrize("persona", KK_FULL + KK_MASKED)
def test_member_list_masks_nomor_kk_for_roles_that_do_not_need_it(persona, sec, client_for):
    response = client_for(getattr(sec.personas, persona)).get(
        reverse("poktan:anggota-list", args=[sec.poktan.pk])
    )
    assert response.status_code == 200
    html = response.content.decode()
    if persona in KK_FULL:
        assert KK_PONDOKBATU in html
    else:
        assert KK_PONDOKBATU not in html
        assert "•" * 12 + KK_PONDOKBATU[-4:] in html


@pytest.mark.parametrize("persona", KK_MASKED)
def test_masked_roles_find_no_nomor_kk_on_any_page_they_reach(persona, sec, client_for):
    client = client_for(getattr(sec.personas, persona))
    urls = [
        reverse("poktan:poktan-detail", args=[sec.poktan.pk]),
        reverse("poktan:anggota-list", args=[sec.poktan.pk]),
        reverse("poktan:laporan-edit", args=[sec.poktan.pk, sec.periode_lalu]),
        reverse("villages:kampung-detail", args=[sec.kampung.desa_id]),
        reverse("audit-list"),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert KK_PONDOKBATU not in response.content.decode(), url


def test_audit_log_never_holds_a_nomor_kk(sec, client_for):
    kader = sec.personas.kader_pondokbatu
    created = ps.anggota_save(
        poktan=sec.poktan,
        anggota=None,
        data={"nama_kepala_keluarga": "Ani", "nomor_kk": "1210095555555555"},
        expected_version=None,
        by=kader,
    )
    ps.anggota_save(
        poktan=sec.poktan,
        anggota=created,
        data={"nama_kepala_keluarga": "Ani S.", "nomor_kk": "1210096666666666"},
        expected_version=created.version,
        by=kader,
    )
    ps.anggota_import(
        poktan=sec.poktan,
        rows=[{"nama_kepala_keluarga": "Rina", "nomor_kk": "1210097777777777"}],
        by=kader,
        filename="anggota.csv",
    )
    from kampungkb.models import AuditEntry

    stored = " ".join(f"{e.changes} {e.note} {e.object_repr}" for e in AuditEntry.objects.all())
    for kk in ("1210095555555555", "1210096666666666", "1210097777777777", KK_PONDOKBATU):
        assert kk not in stored
    for persona in KK_FULL + KK_MASKED:
        html = client_for(getattr(sec.personas, persona)).get(reverse("audit-list")).content
        assert b"1210095555555555" not in html and b"1210096666666666" not in html


def test_public_kampung_page_shows_no_personal_data(sec, client_for):
    response = client_for(sec.personas.anonim).get(
        reverse("villages:publik-kampung", args=[sec.kampung.desa_id])
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert sec.kampung.nama in html
    for secret in (
        KK_PONDOKBATU,
        KK_TAPTENG,
        *PHONES,
        NIP_PLKB,
        "Bu Ketua Pokja",
        "Pak Narahubung",
        "Budi",  # a member family's head
    ):
        assert secret not in html, secret
    digits = digits_only(html)
    for number in (KK_PONDOKBATU, *PHONES, NIP_PLKB):
        assert number not in digits, number


def test_public_photo_url_serves_only_photos_marked_public(sec, client_for):
    client = client_for(sec.personas.anonim)
    private = client.get(reverse("interventions:foto-publik", args=[sec.foto.pk]))
    assert private.status_code == 404
    sec.foto.publik = True
    sec.foto.save(update_fields=["publik"])
    public = client.get(reverse("interventions:foto-publik", args=[sec.foto.pk]))
    assert public.status_code == 200


def _document_text(response) -> str:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    kind = response["Content-Type"]
    if "pdf" in kind:
        from reports.tests.pdftext import pdf_text

        return pdf_text(body)
    if "spreadsheet" in kind:
        from openpyxl import load_workbook

        wb = load_workbook(io.BytesIO(body), read_only=True)
        return " ".join(
            str(v) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for v in row
        )
    raise AssertionError(kind)


DOCUMENTS = [
    lambda w: reverse("reports:kampung-pdf", args=[w.kampung.desa_id]),
    lambda w: reverse("reports:inovasi-pdf", args=[w.inovasi.pk]),
    lambda w: reverse("reports:rekap-pdf", args=["poktan", "12.10.09"]),
    lambda w: reverse("reports:rekap-xlsx", args=["poktan", "12.10.09"]),
    lambda w: reverse("reports:rekap-pdf", args=["intervensi", "12.10.09.2009"]),
    lambda w: reverse("reports:rekap-xlsx", args=["intervensi", "12.10"]),
    lambda w: reverse("reports:dasbor-xlsx", args=["12.10"]),
    lambda w: reverse("poktan:anggota-template", args=[w.poktan.pk]),
    lambda w: reverse("reports:daftar-xlsx", args=["kampung"]),
    lambda w: reverse("reports:daftar-xlsx", args=["intervensi"]),
    lambda w: reverse("reports:daftar-xlsx", args=["inovasi"]),
]


@pytest.mark.parametrize("persona", ["pimpinan", "opd_labuhanbatu"])
def test_documents_carry_no_nomor_kk_and_no_phone(persona, sec, client_for):
    client = client_for(getattr(sec.personas, persona))
    for url in DOCUMENTS:
        response = client.get(url(sec))
        assert response.status_code == 200, (url(sec), response.status_code)
        text = _document_text(response)
        digits = digits_only(text)
        for secret in (KK_PONDOKBATU, KK_TAPTENG, *PHONES, NIP_PLKB):
            assert secret not in text and secret not in digits, (url(sec), secret)
        # Every object of Kab. Tapanuli Tengah in the world is named "… Sarudik".
        assert "Sarudik" not in text, (url(sec), "row of another kabupaten")


def test_documents_of_another_kabupaten_are_404(sec, client_for):
    client = client_for(sec.personas.pimpinan)
    for url in (
        reverse("reports:kampung-pdf", args=[sec.kampung_lain.desa_id]),
        reverse("reports:inovasi-pdf", args=[sec.inovasi_lain.pk]),
        reverse("reports:rekap-xlsx", args=["poktan", "12.01"]),
        reverse("reports:dasbor-xlsx", args=["12.01"]),
        reverse("interventions:foto", args=[sec.foto_lain.pk]),
        reverse("interventions:inovasi-berkas", args=[sec.inovasi_lain.pk, "anggaran"]),
        reverse("interventions:bukti-berkas", args=[sec.inovasi_lain.pk, 1]),
        reverse("poktan:anggota-list", args=[sec.poktan_lain.pk]),
        reverse("villages:kampung-berkas", args=[sec.kampung_lain.desa_id, "sk"]),
    ):
        assert client.get(url).status_code == 404, url


# --- issue 13 §6: the history follows the viewer's rights ----------------------

CONTACT_RIGHTS = ("kader_pondokbatu", "opd_labuhanbatu", "admin_portal")  # kampungkb/contacts.py
HISTORY_PHONE_OLD, HISTORY_PHONE_NEW = "081255566677", "081399988877"
HISTORY_NIP_OLD, HISTORY_NIP_NEW = "197001012000011002", "198502022010012003"
UNGGULAN_PHONE_OLD, UNGGULAN_PHONE_NEW = "085211122233", "085344455566"
HISTORY_SECRETS = (
    HISTORY_PHONE_OLD,
    HISTORY_PHONE_NEW,
    HISTORY_NIP_OLD,
    HISTORY_NIP_NEW,
    UNGGULAN_PHONE_OLD,
    UNGGULAN_PHONE_NEW,
    "Pak Narahubung Baru",
)
HISTORY_TEMPLATES = {"includes/_history.html", "villages/kampung_riwayat.html"}
DOCUMENT_SUFFIXES = ("-pdf", "-xlsx", "-berkas", "foto", "-template")


@pytest.fixture
def history_world(personas, kampung_pondokbatu, kampung_tapteng, settings, tmp_path):
    """The permission-matrix world, plus history entries that carry contacts:
    the PLKB's phone and NIP changed, a flagship innovation's contact changed."""
    import types

    from interventions import services as iv
    from kampungkb.periods import Periode
    from tests.matrix import app_modules
    from villages import services as vs
    from villages.models import ProfilKampung
    from villages.selectors import snapshot_exact
    from villages.tests.factories import profil_data

    settings.MEDIA_ROOT = tmp_path
    w = types.SimpleNamespace(
        personas=personas, kampung=kampung_pondokbatu, kampung_lain=kampung_tapteng
    )
    for module in app_modules():
        if hasattr(module, "build"):
            module.build(w)
    admin = personas.admin_portal
    periode = Periode.current()
    for kontak, nip in ((HISTORY_PHONE_OLD, HISTORY_NIP_OLD), (HISTORY_PHONE_NEW, HISTORY_NIP_NEW)):
        current = snapshot_exact(ProfilKampung, w.kampung, periode.first_day)
        vs.snapshot_save(
            kampung=w.kampung,
            jenis="profil",
            periode=periode,
            data=profil_data(plkb_kontak=kontak, plkb_nip=nip),
            expected_version=current.version if current else 0,
            by=admin,
            check_open=False,
        )
    unggulan = w.iv_unggulan
    for telepon, ketua in (
        (UNGGULAN_PHONE_OLD, "Pak Lama"),
        (UNGGULAN_PHONE_NEW, "Pak Narahubung Baru"),
    ):
        unggulan.refresh_from_db()
        iv.unggulan_update(
            unggulan=unggulan,
            data={"telepon": telepon, "ketua": ketua},
            expected_version=unggulan.version,
            by=admin,
        )
    return w


def _history_urls(w, clients) -> list[tuple[str, dict]]:
    """Every URL of the URL conf whose page renders history sentences."""
    from tests.matrix import all_cases

    found = []
    for case in all_cases():
        if case.method != "GET" or case.url_name.endswith(DOCUMENT_SUFFIXES):
            continue
        url = case.url(w)
        response = clients["admin_portal"].get(url)
        names = {t.name for t in getattr(response, "templates", []) or []}
        if case.url_name == "audit-list" or names & HISTORY_TEMPLATES:
            found.append((url, case.expected))
    return found


def test_history_pages_show_contacts_only_to_roles_with_contact_rights(history_world):
    """Every history page × every persona: the PLKB's phone and NIP and a
    flagship innovation's contact appear only for kader, OPD kabupaten and
    admin; other roles read the change with the values masked."""
    from django.test import Client

    from conftest import PERSONAS, keeps_files

    w = history_world
    clients = {}
    for name in PERSONAS:
        clients[name] = keeps_files(Client())
        user = getattr(w.personas, name)
        if getattr(user, "is_authenticated", False):
            clients[name].force_login(user)
    pages = _history_urls(w, clients)
    urls = [u for u, _e in pages]
    assert reverse("audit-list") in urls
    assert reverse("villages:kampung-riwayat", args=[w.kampung.desa_id]) in urls
    seen_by_admin = ""
    for url, expected in pages:
        for persona in PERSONAS:
            if expected[persona] != 200:
                continue
            html = clients[persona].get(url).content.decode()
            if persona == "admin_portal":
                seen_by_admin += html
            if persona in CONTACT_RIGHTS:
                continue
            for secret in HISTORY_SECRETS:
                assert secret not in html, (url, persona, secret)
                assert secret not in digits_only(html), (url, persona, secret)
    # The data is there: roles with contact rights read it.
    assert HISTORY_PHONE_NEW in seen_by_admin and HISTORY_NIP_NEW in seen_by_admin
    assert UNGGULAN_PHONE_NEW in seen_by_admin
