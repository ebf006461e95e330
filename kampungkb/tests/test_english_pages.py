"""Pages in English show no Indonesian built in Python (issue #12.7): form
labels from model fields, choice labels, photo types, history sentences.
Official names (BKB, IUD, Dasar, seksi names …) may stay; these words may not."""

import datetime as dt
import re

import pytest
from django.conf import settings
from django.urls import reverse

from conftest import PONDOK_BATU
from kampungkb import audit
from kampungkb.periods import Periode
from reports.tests import factories as f

pytestmark = pytest.mark.django_db

INDONESIAN = [
    "Jumlah keluarga ikut",
    "Menggunakan",
    "Karena Hamil",
    "Tidak Ingin Anak",
    "Pria 0",
    "Wanita 0",
    "Pasangan Usia Subur",
    "Sebelum",
    "Sesudah",
    "Seluruh Penduduk",
    "Bendahara",
    " oleh ",
    "sistem",
]


def english(client, url):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    # A choice's stored value (value="Sebelum") is data the reader never sees;
    # what she reads — labels, options, text — is checked.
    shown = re.sub(r'\svalue="[^"]*"', "", html)
    found = [word for word in INDONESIAN if word in shown]
    assert not found, f"{url}: {found}"
    return html


def test_snapshot_forms_read_in_english(kampung_pondokbatu, kader_pondokbatu, client_for):
    f.kkbpk(kampung_pondokbatu, periode=Periode.current(), pus=100, kb_suntik=40)
    client = client_for(kader_pondokbatu)
    for jenis in ("penduduk", "kkbpk"):
        url = reverse("villages:snapshot-edit", args=[PONDOK_BATU, jenis, str(Periode.current())])
        html = english(client, url)
    assert "Families taking part in BKB" in html and "Couples using IUD" in html


def test_intervention_and_kampung_pages_read_in_english(
    kampung_pondokbatu, opd_labuhanbatu, client_for, settings, tmp_path
):
    from villages.models import AnggotaPokja, Pokja

    settings.MEDIA_ROOT = tmp_path
    obj = f.intervensi(kampung_pondokbatu, tanggal=dt.date(2026, 11, 10))
    obj.sasaran = ["Seluruh Penduduk", "Remaja"]
    obj.save()
    from interventions.models import FotoIntervensi

    f.foto(obj, "Sebelum", 1, tmp_path)
    f.foto(obj, "Sesudah", 2, tmp_path)
    FotoIntervensi.objects.update(keterangan="")  # no caption: the type names the photo
    pokja = Pokja.objects.create(kampung=kampung_pondokbatu)
    AnggotaPokja.objects.create(pokja=pokja, nama="Rina", jabatan="Bendahara", urutan=0)
    audit.record(actor=None, action="villages.kampung.create", obj=kampung_pondokbatu)
    client = client_for(opd_labuhanbatu)
    html = english(client, reverse("interventions:intervensi-detail", args=[obj.pk]))
    assert "Before" in html and "Whole population" in html
    html = english(client, reverse("villages:kampung-detail", args=[PONDOK_BATU]))
    assert "Rina — Treasurer" in html
    html = english(client, reverse("villages:kampung-riwayat", args=[PONDOK_BATU]))
    assert "Created by system" in html
