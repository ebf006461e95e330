import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from conftest import LABUHANBATU, MERANTI, PONDOK_BATU
from kampungkb.periods import Periode
from reports import summaries
from reports.models import Ringkasan
from reports.tests import factories as f

pytestmark = pytest.mark.django_db


def test_pimpinan_home_shows_the_dashboard_panel(pimpinan, kampung_pondokbatu, client_for):
    from poktan.models import Poktan

    f.kampung(MERANTI)  # no poktan: owes one report it cannot send, so behind too
    Poktan.objects.create(kampung=kampung_pondokbatu, jenis="BKB", nama="BKB Mawar")
    summaries.refresh_desa(PONDOK_BATU, Periode.current())
    summaries.refresh_desa(MERANTI, Periode.current())
    html = client_for(pimpinan).get(reverse("home")).content.decode()
    assert "Buka dasbor" in html
    assert "2 desa belum mengirim semua register poktan bulan ini." in html
    assert reverse("reports:dasbor", args=[LABUHANBATU]) in html


def test_kader_home_has_no_dashboard_panel(kader_pondokbatu, client_for):
    assert "Buka dasbor" not in client_for(kader_pondokbatu).get(reverse("home")).content.decode()


def test_demo_seed_builds_twelve_months_and_is_idempotent(regions):
    from reports import demo

    f.kampung(PONDOK_BATU)
    demo.seed()
    count = Ringkasan.objects.count()
    assert Ringkasan.objects.filter(wilayah_id=PONDOK_BATU).count() == 12
    demo.seed()
    assert Ringkasan.objects.count() == count
    call_command("rebuild_summaries", stdout=io.StringIO())
    assert Ringkasan.objects.count() == count


def test_laporan_index_lists_in_scope_innovations(
    kampung_pondokbatu, pimpinan, kader_desa_lain, client_for
):
    from reports.models import Unduhan

    inovasi = f.kang_mas_mesra(kampung_pondokbatu, bukti=0)
    Unduhan.objects.create(
        pemilik=pimpinan,
        jenis="poktan",
        wilayah_id=LABUHANBATU,
        periode=Periode.current().first_day,
        judul="Rekap Bulanan Poktan Labuhanbatu",
    )
    html = client_for(pimpinan).get(reverse("reports:laporan-index")).content.decode()
    assert reverse("reports:inovasi-pdf", args=[inovasi.pk]) in html
    assert "Rekap Bulanan Poktan Labuhanbatu" in html
    assert reverse("reports:rekap-pratinjau", args=["poktan", LABUHANBATU]) in html
    other = client_for(kader_desa_lain).get(reverse("reports:laporan-index")).content.decode()
    assert reverse("reports:inovasi-pdf", args=[inovasi.pk]) not in other
    assert "Rekap Bulanan Poktan Labuhanbatu" not in other
