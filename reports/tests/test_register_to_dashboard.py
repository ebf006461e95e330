"""Editing a register (poktan services) updates the dashboard figure."""

import pytest
from django.urls import reverse

from conftest import LABUHANBATU, PONDOK_BATU
from kampungkb.domain import JenisPoktan
from kampungkb.periods import Periode

pytestmark = pytest.mark.django_db


def dashboard(client, kode):
    periode = Periode.current()
    response = client.get(reverse("reports:dasbor", args=[kode]), {"periode": str(periode)})
    return response.context


def test_submitting_and_returning_a_register_moves_the_dashboard(
    kampung_pondokbatu, kader_pondokbatu, pkb_bilahhulu, pimpinan, client_for
):
    from poktan import services
    from poktan.models import Poktan

    bkb = Poktan.objects.create(kampung=kampung_pondokbatu, jenis=JenisPoktan.BKB, nama="BKB Mawar")
    periode = Periode.current()
    laporan = services.laporan_save_draft(
        poktan=bkb,
        periode=periode,
        values={"jumlah_anggota": 20, "keluarga_hadir": 15, "anak_dipantau_kka": 12},
        pertemuan=[],
        expected_version=None,
        by=kader_pondokbatu,
    )
    client = client_for(pimpinan)
    before = dashboard(client, LABUHANBATU)
    assert (before["row"].laporan_wajib, before["row"].laporan_masuk) == (1, 0)
    assert [r.wilayah_id for r in before["behind"]] == [PONDOK_BATU]

    services.laporan_submit(laporan=laporan, by=kader_pondokbatu)
    after = dashboard(client, LABUHANBATU)
    assert after["row"].laporan_masuk == 1
    assert after["behind"] == []
    assert "100,0 %" in [t["value"] for t in after["tiles"]]
    desa = dashboard(client, PONDOK_BATU)["row"]
    assert desa.poktan_jenis["BKB"]["hadir"] == 15

    services.laporan_return(laporan=laporan, by=pkb_bilahhulu, note="Periksa lagi")
    assert dashboard(client, LABUHANBATU)["row"].laporan_masuk == 0
