"""PDFs hold together (issue 12.6): every PDF kind of the URL conf, on the demo
data and on generated data, laid out as the PDF is written and checked page
by page (reports.tests.pdflayout): headers repeated, short tables whole, the
signature with the last content, no half-empty page, money on one line. And
the Profil Kampung KB says one thing about the SK Pokja."""

import datetime as dt
import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import get_resolver, reverse

from kampungkb.periods import Periode
from reports.documents import RECAPS
from reports.tests.pdflayout import layout_of, problems
from reports.tests.pdftext import pdf_text

pytestmark = pytest.mark.django_db

CSV = Path(__file__).resolve().parents[2] / "villages" / "fixtures" / "wilayah_labuhanbatu.csv"
PDF_URL_NAMES = {"inovasi-pdf", "kampung-pdf", "rekap-pdf", "ri-pdf"}


def test_every_pdf_url_is_checked_here():
    """A new PDF view needs its place in ``pdf_urls`` below."""
    names = {
        name
        for name in get_resolver("reports.urls").reverse_dict
        if isinstance(name, str) and name.endswith("-pdf")
    }
    assert names == PDF_URL_NAMES


def pdf_urls(kecamatan: str, kabupaten: str = "12.10") -> dict[str, str]:
    """Every PDF kind: each innovation and Kampung KB, each recap at the
    kecamatan and kabupaten level (interventions over a year)."""
    from interventions.models import Inovasi
    from villages.models import KampungKB

    periode = Periode.current().prev()
    urls = {}
    for pk in Inovasi.objects.order_by("pk").values_list("pk", flat=True)[:2]:
        urls[f"inovasi {pk}"] = reverse("reports:inovasi-pdf", args=[pk])
    for kode in KampungKB.objects.order_by("desa_id").values_list("desa_id", flat=True)[:3]:
        urls[f"kampung {kode}"] = reverse("reports:kampung-pdf", args=[kode])
    for jenis in RECAPS:
        for kode in (kecamatan, kabupaten):
            url = reverse("reports:rekap-pdf", args=[jenis, kode])
            urls[f"rekap {jenis} {kode}"] = f"{url}?periode={periode}&bulan=12"
    # Cetak R/I: the first register of each poktan type in the kecamatan.
    from poktan.models import Laporan

    first = {}
    for lap in Laporan.objects.filter(poktan__kampung__desa__induk_id=kecamatan).order_by("pk"):
        first.setdefault(lap.poktan.jenis, lap)
    for jenis, lap in first.items():
        url = reverse("reports:ri-pdf", args=[lap.poktan_id])
        urls[f"ri {jenis} {lap.poktan_id}"] = f"{url}?periode={lap.periode:%Y-%m}"
    assert {u.split()[0] for u in urls} == {"inovasi", "kampung", "rekap", "ri"}
    return urls


def check_all(client, urls) -> list[str]:
    found = []
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200, name
        found += [f"{name}: {p}" for p in problems(layout_of(response))]
    return found


def test_every_pdf_kind_holds_together_on_the_demo(client_for):
    from kampungkb.models import User

    call_command("seed_demo", stdout=io.StringIO())
    client = client_for(User.objects.get(username="admin"))
    assert check_all(client, pdf_urls("12.10.09")) == []


def test_every_pdf_kind_holds_together_on_generated_data(client_for):
    from django.db.models import Count

    from kampungkb.models import User
    from poktan.models import Poktan

    call_command(
        "generate_scale",
        scale="kabupaten",
        wilayah_csv=str(CSV),
        desa_limit=24,
        bulan=2,
        bulan_ringkasan=1,
        anggota=2,
        verbosity=0,
    )
    busiest = (
        Poktan.objects.values("kampung__desa__induk_id")
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()["kampung__desa__induk_id"]
    )
    client = client_for(User.objects.filter(is_superuser=True).first())
    assert check_all(client, pdf_urls(busiest)) == []


# ------------------------------------------------------------------ SK Pokja


@pytest.mark.parametrize(
    ("flag", "nomor", "expected"),
    [
        (True, "", "Ada (nomor SK belum dicatat)"),
        (False, "141/12/2017", "Ada — 141/12/2017"),
        (True, "141/12/2017", "Ada — 141/12/2017"),
        (False, "", "Tidak Ada"),
    ],
)
def test_profil_kampung_says_one_thing_about_the_sk_pokja(
    kampung_pondokbatu, pimpinan, client_for, flag, nomor, expected
):
    """The profile's "SK Pokja Kampung KB" flag and the Pokja's SK number are
    read through one source: the PDF and the Kampung KB page agree with it."""
    from villages.models import Pokja, ProfilKampung
    from villages.tests.factories import profil_data

    ProfilKampung.objects.create(
        kampung=kampung_pondokbatu,
        periode=Periode.current().first_day,
        **profil_data(pokja_sk=flag),
    )
    Pokja.objects.create(kampung=kampung_pondokbatu, sk_nomor=nomor, sk_tanggal=None)
    client = client_for(pimpinan)
    text = pdf_text(client.get(reverse("reports:kampung-pdf", args=["12.10.09.2009"])).content)
    assert f"SK Pokja Kampung KB: {expected}" in text
    assert "SK Pokja: –" not in text
    assert text.count("SK Pokja Kampung KB") == 1
    page = client.get(reverse("villages:kampung-detail", args=["12.10.09.2009"]))
    html = " ".join(page.content.decode().split())
    assert "SK Pokja Kampung KB: " + expected.split(" —")[0].split(" (")[0] in html
    if nomor:
        assert nomor in html


def test_sk_date_and_issuer_follow_the_number(kampung_pondokbatu, pimpinan, client_for):
    from villages.models import Pokja

    Pokja.objects.create(
        kampung=kampung_pondokbatu,
        sk_nomor="141/12/2017",
        sk_tanggal=dt.date(2017, 3, 1),
        sk_penerbit="Kepala Desa Pondok Batu",
    )
    text = pdf_text(
        client_for(pimpinan).get(reverse("reports:kampung-pdf", args=["12.10.09.2009"])).content
    )
    assert "SK Pokja Kampung KB: Ada — 141/12/2017, 1 Maret 2017 (Kepala Desa Pondok Batu)" in text
