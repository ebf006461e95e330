"""WhatsApp reminders on the completeness page (issue 17 §2)."""

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse
from django.utils import translation

from kampungkb.periods import Periode, due_date
from kampungkb.timefmt import format_value
from poktan.models import Laporan, Status

pytestmark = pytest.mark.django_db

HP_SITI = "+6281234567890"
HP_PKB = "+6281398765432"


@pytest.fixture
def past():
    return Periode.current().prev().prev()


@pytest.fixture
def siti(kader_pondokbatu):
    kader_pondokbatu.telepon = HP_SITI
    kader_pondokbatu.save()
    return kader_pondokbatu


def grid(client, periode):
    return client.get(reverse("poktan:kelengkapan"), {"periode": str(periode)}).content.decode()


def wa_target(location):
    parts = urlsplit(location)
    return f"{parts.scheme}://{parts.netloc}{parts.path}", parse_qs(parts.query)["text"][0]


def links(html, name):
    return [unescape(h) for h in re.findall(r'href="([^"]*)"', html) if name in h]


def test_pkb_gets_a_link_per_late_register_with_the_message_typed(
    client_for, pkb_bilahhulu, siti, bkb, past
):
    client = client_for(pkb_bilahhulu)
    html = grid(client, past)
    [link] = links(html, "/pengingat/")
    assert link == reverse("poktan:pengingat-wa", args=[bkb.pk, past, siti.pk])
    # The PKB has no contact rights: the number is neither shown nor in the page.
    assert "0812•••" in html
    assert "0812-3456-7890" not in html and "81234567890" not in html

    response = client.get(link)
    assert response.status_code == 302
    target, text = wa_target(response["Location"])
    assert target == "https://wa.me/6281234567890"
    with translation.override("id"):
        bulan, batas = past.label, format_value(due_date(past), "j F Y")
    assert text == (
        f"Halo Siti, laporan bulanan BKB Pondok Batu (Desa Pondok Batu) bulan {bulan} "
        f"belum diajukan dan sudah lewat batas lapor. Batas lapor {batas}. "
        "Mohon dilengkapi dan diajukan di Portal Kampung KB: "
        f"http://testserver/poktan/{bkb.pk}/laporan/{past}/"
    )


def test_returned_register_says_so_and_submitted_ones_get_no_link(
    client_for, pkb_bilahhulu, siti, bkb, uppka, past
):
    Laporan.objects.create(poktan=bkb, periode=past.first_day, status=Status.DIKEMBALIKAN)
    Laporan.objects.create(poktan=uppka, periode=past.first_day, status=Status.DIAJUKAN)
    client = client_for(pkb_bilahhulu)
    [link] = links(grid(client, past), "/pengingat/")
    assert f"/poktan/{bkb.pk}/" in link
    _target, text = wa_target(client.get(link)["Location"])
    assert "dikembalikan petugas untuk diperbaiki" in text
    # the submitted register: the link says nothing more is needed
    submitted = reverse("poktan:pengingat-wa", args=[uppka.pk, past, siti.pk])
    assert client.get(submitted)["Location"] == reverse(
        "poktan:laporan-edit", args=[uppka.pk, past]
    )


def test_no_phone_no_link_and_a_hint(client_for, pkb_bilahhulu, kader_pondokbatu, bkb, past):
    html = grid(client_for(pkb_bilahhulu), past)
    assert not links(html, "/pengingat/") and "wa.me" not in html
    assert "nomor HP kader belum diisi" in html


def test_group_text_lists_every_village_still_owing(
    client_for, pkb_bilahhulu, siti, bkb, uppka, past
):
    Laporan.objects.create(poktan=uppka, periode=past.first_day, status=Status.DIVERIFIKASI)
    html = grid(client_for(pkb_bilahhulu), past)
    text = unescape(
        re.search(r'<textarea[^>]*id="teks-grup"[^>]*readonly>(.*?)</textarea>', html, re.S)[1]
    )
    assert "- Desa Pondok Batu: BKB Pondok Batu (terlambat)" in text
    assert "UPPKA" not in text  # verified: not owing
    assert "http://testserver/poktan/laporan-bulan-ini/" in text
    assert 'data-salin="teks-grup"' in html  # the copy button (shown by JavaScript)


def test_kabupaten_gets_a_link_per_pkb_listing_his_villages(
    client_for, opd_labuhanbatu, pkb_bilahhulu, bkb, past
):
    pkb_bilahhulu.first_name = "Rahmat"
    pkb_bilahhulu.telepon = HP_PKB
    pkb_bilahhulu.save()
    html = (
        client_for(opd_labuhanbatu)
        .get(reverse("poktan:kelengkapan"), {"periode": str(past)})
        .content.decode()
    )
    [link] = links(html, "wa.me")
    target, text = wa_target(link)
    assert target == "https://wa.me/6281398765432"
    assert text.startswith("Halo Rahmat, laporan poktan bulan ")
    assert "di Kec. Bilah Hulu belum lengkap" in text
    assert "- Desa Pondok Batu: BKB Pondok Batu" in text
    assert f"http://testserver/poktan/kelengkapan/?periode={past}&wilayah=12.10.09" in text
    assert "0813-9876-5432" in html  # the kabupaten has contact rights
    assert "Desa Pondok Batu: BKB Pondok Batu" in unescape(html)  # group text


def test_scope_and_roles(
    client_for, pkb_kecamatan_lain, pimpinan, kader_desa_lain, siti, bkb, past
):
    link = reverse("poktan:pengingat-wa", args=[bkb.pk, past, siti.pk])
    assert client_for(pkb_kecamatan_lain).get(link).status_code == 404
    assert "Pondok Batu" not in grid(client_for(pkb_kecamatan_lain), past)
    assert client_for(pimpinan).get(link).status_code == 403
    html = (
        client_for(pimpinan)
        .get(reverse("poktan:kelengkapan"), {"periode": str(past), "wilayah": "12.10.09"})
        .content.decode()
    )
    assert "/pengingat/" not in html and "teks-grup" not in html


def test_only_the_desas_own_kader_can_be_messaged(
    client_for, pkb_bilahhulu, kader_desa_lain, bkb, past
):
    kader_desa_lain.telepon = HP_PKB
    kader_desa_lain.save()
    link = reverse("poktan:pengingat-wa", args=[bkb.pk, past, kader_desa_lain.pk])
    assert client_for(pkb_bilahhulu).get(link).status_code == 404


def test_message_stays_indonesian_for_an_english_screen(client_for, pkb_bilahhulu, siti, bkb, past):
    client = client_for(pkb_bilahhulu)
    client.cookies["django_language"] = "en"
    link = reverse("poktan:pengingat-wa", args=[bkb.pk, past, siti.pk])
    _target, text = wa_target(client.get(link)["Location"])
    assert "Mohon dilengkapi" in text and "Batas lapor" in text
