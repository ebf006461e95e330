"""Warnings against the poktan's own history at the register (issue 17 §1)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kampungkb.domain import JenisPoktan
from kampungkb.models import AuditEntry
from poktan.models import Laporan, Poktan, Status

pytestmark = pytest.mark.django_db

HISTORY = [15, 17, 16, 18, 17, 17]


@pytest.fixture
def pikr(kampung_pondokbatu):
    return Poktan.objects.create(
        kampung=kampung_pondokbatu, jenis=JenisPoktan.PIK_R, nama="PIK-R Pondok Batu"
    )


def make_history(poktan, periode, values, status=Status.DIVERIFIKASI):
    month = periode
    for value in values:
        month = month.prev()
        Laporan.objects.create(
            poktan=poktan,
            periode=month.first_day,
            status=status,
            jumlah_anggota=60,
            kegiatan_informasi=2,
            kegiatan_konseling=1,
            remaja_terjangkau=value,
        )


def data(remaja=48, **extra):
    values = {
        "version": "",
        "jumlah_anggota": "60",
        "kegiatan_informasi": "2",
        "kegiatan_konseling": "1",
        "remaja_terjangkau": str(remaja),
        "pertemuan-TOTAL_FORMS": "0",
        "pertemuan-INITIAL_FORMS": "0",
    }
    return {**values, **extra}


def url(poktan, periode, name="laporan-edit"):
    return reverse(f"poktan:{name}", args=[poktan.pk, periode])


def test_far_figure_is_warned_at_the_field_with_median_and_range(
    client_for, kader_pondokbatu, pikr, periode
):
    make_history(pikr, periode, HISTORY)
    client = client_for(kader_pondokbatu)
    client.post(url(pikr, periode), data(48))
    html = client.get(url(pikr, periode)).content.decode()
    assert "Jauh dari biasanya: median 6 bulan terakhir 17 (15–18)." in html
    assert 'name="benar" value="remaja_terjangkau"' in html
    assert html.count('name="benar"') == 1  # the usual figures carry no warning


def test_submit_with_a_far_figure_saves_the_draft_and_asks_to_confirm(
    client_for, kader_pondokbatu, pikr, periode
):
    make_history(pikr, periode, HISTORY)
    client = client_for(kader_pondokbatu)
    response = client.post(url(pikr, periode, "laporan-submit"), data(48), follow=True)
    laporan = Laporan.objects.get(poktan=pikr, periode=periode.first_day)
    assert laporan.status == Status.DRAF and laporan.remaja_terjangkau == 48  # kept, not refused
    html = response.content.decode()
    assert "Ada angka yang jauh dari biasanya" in html
    assert "Angka ini benar" in html

    response = client.post(
        url(pikr, periode, "laporan-submit"),
        data(48, version=laporan.version, benar="remaja_terjangkau"),
    )
    assert response.status_code == 302
    laporan.refresh_from_db()
    assert laporan.status == Status.DIAJUKAN
    entry = AuditEntry.objects.get(action="poktan.laporan.confirm", object_id=str(laporan.pk))
    assert entry.changes["remaja_terjangkau"]["raw"] == [17, 48]
    assert entry.actor == kader_pondokbatu
    history = client.get(url(pikr, periode)).content.decode()
    assert "Angka jauh dari biasanya dinyatakan benar oleh" in history


def test_a_corrected_figure_submits_at_once(client_for, kader_pondokbatu, pikr, periode):
    make_history(pikr, periode, HISTORY)
    client = client_for(kader_pondokbatu)
    client.post(url(pikr, periode, "laporan-submit"), data(48))
    laporan = Laporan.objects.get(poktan=pikr, periode=periode.first_day)
    client.post(url(pikr, periode, "laporan-submit"), data(18, version=laporan.version))
    laporan.refresh_from_db()
    assert (laporan.status, laporan.remaja_terjangkau) == (Status.DIAJUKAN, 18)
    assert not AuditEntry.objects.filter(action="poktan.laporan.confirm").exists()


def test_without_enough_history_nothing_is_asked(client_for, kader_pondokbatu, pikr, periode):
    make_history(pikr, periode, [17, 16])
    # drafts and returned registers are not history either
    month = periode.prev().prev().prev()
    Laporan.objects.create(poktan=pikr, periode=month.first_day, remaja_terjangkau=17)
    client = client_for(kader_pondokbatu)
    response = client.post(url(pikr, periode, "laporan-submit"), data(48))
    assert response.status_code == 302
    assert Laporan.objects.get(poktan=pikr, periode=periode.first_day).status == Status.DIAJUKAN


def test_reviewer_sees_the_flagged_figure_in_the_queue_and_on_the_register(
    client_for, pkb_bilahhulu, pikr, periode
):
    make_history(pikr, periode, HISTORY)
    Laporan.objects.create(
        poktan=pikr,
        periode=periode.first_day,
        status=Status.DIAJUKAN,
        jumlah_anggota=60,
        kegiatan_informasi=2,
        kegiatan_konseling=1,
        remaja_terjangkau=48,
    )
    client = client_for(pkb_bilahhulu)
    queue = client.get(reverse("poktan:kelengkapan")).content.decode()
    assert "remaja terjangkau 48: jauh dari biasanya (median 17)" in queue
    page = client.get(url(pikr, periode)).content.decode()
    assert "Jauh dari biasanya" in page and "median 6 bulan terakhir 17 (15–18)" in page
    assert 'name="benar"' not in page  # the reviewer confirms nothing


def _count(client, path):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(path).status_code == 200
    return len(ctx.captured_queries)


def test_history_read_keeps_query_counts_flat(
    client_for, pkb_bilahhulu, kampung_pondokbatu, periode
):
    client = client_for(pkb_bilahhulu)

    def queued(n):
        for i in range(n):
            poktan = Poktan.objects.create(
                kampung=kampung_pondokbatu, jenis=JenisPoktan.PIK_R, nama=f"PIK-R {n}-{i}"
            )
            make_history(poktan, periode, HISTORY)
            Laporan.objects.create(
                poktan=poktan,
                periode=periode.first_day,
                status=Status.DIAJUKAN,
                jumlah_anggota=60,
                remaja_terjangkau=48,
            )
        return poktan

    last = queued(1)
    small = (_count(client, reverse("poktan:kelengkapan")), _count(client, url(last, periode)))
    last = queued(6)
    large = (_count(client, reverse("poktan:kelengkapan")), _count(client, url(last, periode)))
    assert large == small
