"""Phone numbers typed into free text (issue 13 §7).

The rule (README "Keamanan & keandalan", kampungkb/contacts.py): contacts
reach only roles with contact rights; a phone number typed into a narrative
field is kept, with a warning at the field for its author; documents (PDF,
XLSX) and public pages never print it.
"""

from __future__ import annotations

import io

import pytest
from django.urls import reverse

from kampungkb.contacts import mask_phones, phones_in
from tests.security.test_personal_data import _document_text, digits_only

pytestmark = pytest.mark.django_db

# Three personal numbers, written the three ways people write them.
PHONES = ("0812-3456-7890", "+62 813 2222 3333", "62852.1111.4444")


@pytest.mark.parametrize(
    "text",
    [
        "Hubungi 081234567890",
        "Hubungi 0812 3456 7890.",
        "Hubungi 0812-3456-789",
        "WA +6281234567890",
        "WA +62 812-3456-7890",
        "telp 6281234567890",
    ],
)
def test_indonesian_phone_numbers_are_found_and_masked(text):
    assert phones_in(text), text
    masked = mask_phones(text)
    assert "3456" not in masked and "•" in masked


@pytest.mark.parametrize(
    "text",
    [
        "Nomor KK 1210091234567890",
        "NIP 198001012005011001",
        "Anggaran Rp 1.628.000.000.000",
        "Tanggal 2026-08-12, pukul 08.30",
        "Jumlah 80 keluarga, 812 jiwa",
    ],
)
def test_other_numbers_are_left_alone(text):
    assert not phones_in(text)
    assert mask_phones(text) == text


def _with_phones_in_narratives(inovasi):
    inovasi.rancang_bangun = f"Rancang bangun. Hubungi Bu Ani {PHONES[0]}."
    inovasi.manfaat = f"Manfaat. Narahubung {PHONES[1]}."
    inovasi.hasil = f"Hasil. WA {PHONES[2]}."
    inovasi.save(update_fields=["rancang_bangun", "manfaat", "hasil"])


def _digits(phone: str) -> str:
    return "".join(ch for ch in phone if ch.isdigit())


@pytest.mark.parametrize("persona", ["opd_labuhanbatu", "pimpinan", "admin_portal"])
def test_innovation_pdf_prints_no_phone_number_from_its_narratives(persona, sec, client_for):
    _with_phones_in_narratives(sec.inovasi)
    response = client_for(getattr(sec.personas, persona)).get(
        reverse("reports:inovasi-pdf", args=[sec.inovasi.pk])
    )
    assert response.status_code == 200
    text = _document_text(response)
    assert "Narahubung" in text  # the narrative is there, only the number is masked
    for phone in PHONES:
        assert _digits(phone)[-8:] not in digits_only(text), (persona, phone)


def test_xlsx_writer_masks_phone_numbers_in_text_cells():
    from openpyxl import load_workbook

    from reports.xlsx import Column, Sheet, workbook_bytes

    sheet = Sheet("Uji", [Column("Judul"), Column("Deskripsi")], [["Posyandu", f"WA {PHONES[0]}"]])
    wb = load_workbook(io.BytesIO(workbook_bytes([sheet])), read_only=True)
    values = [v for row in wb.worksheets[0].iter_rows(values_only=True) for v in row if v]
    assert "Posyandu" in values
    assert not any("3456" in str(v) for v in values), values


def test_public_page_masks_phone_numbers_in_descriptions(sec, client_for):
    from interventions.models import InovasiUnggulan

    InovasiUnggulan.objects.filter(pk=sec.unggulan.pk).update(
        deskripsi=f"Dapur umum. Pesan lewat {PHONES[1]}."
    )
    html = (
        client_for(sec.personas.anonim)
        .get(reverse("villages:publik-kampung", args=[sec.kampung.desa_id]))
        .content.decode()
    )
    assert "Dapur umum" in html
    assert _digits(PHONES[1])[-8:] not in digits_only(html)


def test_author_gets_a_warning_at_the_field_and_the_text_is_kept(sec, client_for):
    from tests.security.forms import baseline, form_fields

    client = client_for(sec.personas.opd_labuhanbatu)
    url = reverse("interventions:inovasi-edit", args=[sec.inovasi.pk])
    data = baseline(form_fields(client.get(url).content.decode(), url, url))
    data["manfaat"] = [f"Manfaat. Narahubung {PHONES[1]}."]
    response = client.post(url, data, follow=True)
    assert response.redirect_chain, response.context and response.context["form"].errors
    warnings = [str(m) for m in response.context["messages"] if m.level_tag == "warning"]
    assert any("nomor telepon" in w and PHONES[1] in w for w in warnings), warnings
    sec.inovasi.refresh_from_db()
    assert PHONES[1] in sec.inovasi.manfaat  # a warning, not a refusal
    page = client.get(url).content.decode()  # the form shows it under the field
    assert "memuat nomor telepon" in page


@pytest.mark.parametrize(
    "persona,masked",
    [("opd_labuhanbatu", False), ("kader_pondokbatu", False), ("pimpinan", True)],
)
def test_innovation_page_shows_phones_only_to_roles_with_contact_rights(
    persona, masked, sec, client_for
):
    _with_phones_in_narratives(sec.inovasi)
    response = client_for(getattr(sec.personas, persona)).get(
        reverse("interventions:inovasi-detail", args=[sec.inovasi.pk])
    )
    assert response.status_code == 200
    digits = digits_only(response.content.decode())
    for phone in PHONES:
        assert (_digits(phone)[-8:] in digits) is not masked, (persona, phone)
