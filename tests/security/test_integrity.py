"""Concurrency and integrity (issue 8 §4), on PostgreSQL.

- Two people saving one register or one snapshot at the same moment, each on
  its own database connection: one wins, the other gets the conflict, nothing
  is silently overwritten.
- A double POST (a second tap over a slow connection) never creates a
  duplicate.
- (Database constraints behind the form rules: ``test_constraints.py``.)
"""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.db import close_old_connections, connection
from django.urls import reverse

from kampungkb.concurrency import ConflictError
from kampungkb.domain import JenisPoktan
from kampungkb.periods import Periode


def run_together(*jobs):
    """Run each job on its own thread and connection, released at one barrier."""
    barrier = threading.Barrier(len(jobs))
    outcomes: list = [None] * len(jobs)

    def run(i, job):
        try:
            barrier.wait(timeout=10)
            outcomes[i] = ("ok", job())
        except ConflictError as exc:
            outcomes[i] = ("conflict", exc)
        except Exception as exc:  # anything else is reported, not swallowed
            outcomes[i] = ("error", exc)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=run, args=(i, job)) for i, job in enumerate(jobs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    return outcomes


@pytest.fixture
def tx_world(transactional_db, django_db_blocker):
    from conftest import make_user
    from poktan.models import Poktan
    from villages.demo import seed_wilayah
    from villages.models import KampungKB

    seed_wilayah()
    kampung = KampungKB.objects.create(
        desa_id="12.10.09.2009",
        nama="Kampung KB Pondok Batu",
        tanggal_pencanangan=dt.date(2017, 3, 1),
    )
    kader = make_user("kader.pb", "kader", "12.10.09.2009")
    opd = make_user("opd.lb", "opd_kabupaten", "12.10")
    poktan = Poktan.objects.create(kampung=kampung, jenis=JenisPoktan.BKB, nama="BKB")
    return kampung, kader, opd, poktan


@pytest.mark.django_db(transaction=True)
def test_concurrent_register_saves_one_wins_one_conflicts(tx_world):
    from poktan import services
    from poktan.models import Laporan

    kampung, kader, opd, poktan = tx_world
    periode = Periode.current()
    laporan = services.laporan_save_draft(
        poktan=poktan,
        periode=periode,
        values={"jumlah_anggota": 20, "keluarga_hadir": 10, "anak_dipantau_kka": 5},
        pertemuan=[],
        expected_version=None,
        by=kader,
    )

    def save(hadir):
        return lambda: services.laporan_save_draft(
            poktan=poktan,
            periode=periode,
            values={"jumlah_anggota": 20, "keluarga_hadir": hadir, "anak_dipantau_kka": 5},
            pertemuan=[],
            expected_version=laporan.version,
            by=kader,
        )

    outcomes = run_together(save(12), save(15))
    kinds = sorted(kind for kind, _ in outcomes)
    assert kinds == ["conflict", "ok"], outcomes
    winner = next(result for kind, result in outcomes if kind == "ok")
    stored = Laporan.objects.get()
    assert (stored.keluarga_hadir, stored.version) == (winner.keluarga_hadir, laporan.version + 1)


@pytest.mark.django_db(transaction=True)
def test_concurrent_first_saves_create_one_register(tx_world):
    """Two first saves of one month (double tap, two phones): one row."""
    from poktan import services
    from poktan.models import Laporan

    kampung, kader, opd, poktan = tx_world

    def save():
        return services.laporan_save_draft(
            poktan=poktan,
            periode=Periode.current(),
            values={"jumlah_anggota": 20, "keluarga_hadir": 10, "anak_dipantau_kka": 5},
            pertemuan=[],
            expected_version=None,
            by=kader,
        )

    outcomes = run_together(save, save, save)
    assert all(kind == "ok" for kind, _ in outcomes), outcomes
    assert Laporan.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_snapshot_saves_one_wins_one_conflicts(tx_world):
    from villages import services
    from villages.models import PendudukKampung
    from villages.tests.factories import penduduk_data

    kampung, kader, opd, poktan = tx_world
    periode = Periode.current()
    services.snapshot_save(
        kampung=kampung,
        jenis="penduduk",
        periode=periode,
        data=penduduk_data(pus=100),
        expected_version=0,
        by=opd,
        check_open=False,
    )

    def save(pus):
        return lambda: services.snapshot_save(
            kampung=kampung,
            jenis="penduduk",
            periode=periode,
            data=penduduk_data(pus=pus),
            expected_version=1,
            by=opd,
            check_open=False,
        )

    outcomes = run_together(save(110), save(120))
    assert sorted(kind for kind, _ in outcomes) == ["conflict", "ok"], outcomes
    winner = next(result for kind, result in outcomes if kind == "ok")
    live = PendudukKampung.objects.get(kampung=kampung, aktif=True)
    assert (live.pus, live.version) == (winner.pus, 2)
    assert PendudukKampung.objects.filter(kampung=kampung).count() == 2  # history kept


@pytest.mark.django_db(transaction=True)
def test_concurrent_profile_edits_one_wins_one_conflicts(tx_world):
    from villages import services
    from villages.models import KampungKB

    kampung, kader, opd, poktan = tx_world

    def edit(nama):
        def job():
            obj = KampungKB.objects.get(pk=kampung.pk)
            return services.kampung_update(
                kampung=obj, data={"nama": nama}, expected_version=1, by=opd
            )

        return job

    outcomes = run_together(edit("Satu"), edit("Dua"))
    assert sorted(kind for kind, _ in outcomes) == ["conflict", "ok"], outcomes
    winner = next(result for kind, result in outcomes if kind == "ok")
    assert KampungKB.objects.get(pk=kampung.pk).nama == winner.nama


# --- double POST --------------------------------------------------------------


def _post_twice(client, url, data):
    first = client.post(url, data)
    second = client.post(url, data)
    assert first.status_code in (200, 302) and second.status_code in (200, 302, 409)
    return first, second


@pytest.mark.django_db
def test_double_post_of_a_register_submit_creates_one(sec, client_for):
    from poktan.models import Laporan

    Laporan.objects.filter(poktan=sec.poktan).delete()
    client = client_for(sec.personas.kader_pondokbatu)
    data = {
        "version": "",
        "jumlah_anggota": "1",
        "keluarga_hadir": "1",
        "anak_dipantau_kka": "0",
        "pertemuan-TOTAL_FORMS": "0",
        "pertemuan-INITIAL_FORMS": "0",
    }
    _post_twice(client, reverse("poktan:laporan-submit", args=[sec.poktan.pk, sec.periode]), data)
    assert Laporan.objects.filter(poktan=sec.poktan).count() == 1


DOUBLE_POSTS = {
    "anggota-create": (
        "kader_pondokbatu",
        lambda w: reverse("poktan:anggota-create", args=[w.poktan.pk]),
        {"nama_kepala_keluarga": "Ani", "nomor_kk": "1210098888888888"},
        "poktan.Anggota",
    ),
    "unggulan-create": (
        "kader_pondokbatu",
        lambda w: reverse("interventions:unggulan-create", args=[w.kampung.pk]),
        {"nama": "HSP", "inisiator": "Pokja", "urutan": "1"},
        "interventions.InovasiUnggulan",
    ),
    "kampung-create": (
        "opd_labuhanbatu",
        lambda w: reverse("villages:kampung-create"),
        {
            "desa": "12.10.09.2010",
            "nama": "Kampung KB Meranti",
            "tanggal_pencanangan": "2018-05-02",
        },
        "villages.KampungKB",
    ),
    "snapshot-edit": (
        "kader_pondokbatu",
        lambda w: reverse(
            "villages:snapshot-edit", args=[w.kampung.desa_id, "penduduk", w.periode]
        ),
        None,  # the rendered form, saved twice
        "villages.PendudukKampung",
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(DOUBLE_POSTS))
def test_double_post_creates_no_duplicate(name, sec, client_for):
    from django.apps import apps

    from tests.security.forms import baseline, form_fields

    persona, url, data, label = DOUBLE_POSTS[name]
    client = client_for(getattr(sec.personas, persona))
    if data is None:
        page = client.get(url(sec))
        data = baseline(form_fields(page.content.decode(), url(sec), url(sec)))
        if name == "snapshot-edit":  # an unchanged form stores nothing: change one figure
            value = data["pria_0"]
            number = int((value[0] if isinstance(value, list) else value) or 0) + 1
            data["pria_0"] = [str(number)] if isinstance(value, list) else str(number)
    model = apps.get_model(label)
    before = model._base_manager.count()
    first, second = _post_twice(client, url(sec), data)
    assert first.status_code == 302, first.context and [
        f.errors for f in first.context.get("form", []) or []
    ]
    assert model._base_manager.count() == before + 1, name


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["intervensi-create", "poktan-create"])
def test_double_post_without_natural_key(name, sec, client_for):
    from tests.security.forms import baseline, form_fields

    if name == "intervensi-create":
        from interventions.models import Intervensi as model

        url = reverse("interventions:intervensi-create")
        persona = sec.personas.kader_pondokbatu
    else:
        from poktan.models import Poktan as model

        url = reverse("poktan:poktan-create")
        persona = sec.personas.kader_pondokbatu
    client = client_for(persona)
    data = baseline(form_fields(client.get(url).content.decode(), url, url))
    data |= {
        "judul": ["Posyandu"],
        "tanggal": ["2025-01-10"],
        "tempat": ["Balai"],
        "deskripsi": ["-"],
        "sasaran": ["Balita"],
        "instansi_lainnya": ["Puskesmas"],
        "seksi": ["Reproduksi"],
        "nama": ["BKB Mawar"],
        "jenis": ["BKB" if name == "poktan-create" else "Kegiatan"],
    }
    before = model.objects.count()
    first = client.post(url, data)
    assert first.status_code == 302, (
        [f.errors for f in first.context.get("form", [])] if first.context else first
    )
    second = client.post(url, data)
    assert model.objects.count() == before + 1
    # The resent form lands on what the first one created, with a notice.
    assert second.status_code == 302 and second["Location"] == first["Location"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "persona,url,field",
    [
        (
            "kader_pondokbatu",
            lambda w: reverse(
                "villages:snapshot-edit", args=[w.kampung.desa_id, "penduduk", w.periode]
            ),
            "keluarga",
        ),
        (
            "opd_labuhanbatu",
            lambda w: reverse("villages:kampung-edit", args=[w.kampung.desa_id]),
            "nama",
        ),
        (
            "opd_labuhanbatu",
            lambda w: reverse("interventions:intervensi-edit", args=[w.intervensi.pk]),
            "judul",
        ),
    ],
)
def test_stale_form_gets_the_conflict_message_and_keeps_its_input(persona, url, field, sec):
    """Two people open the same form; the second to save is told, keeps what
    they typed, and the first one's save stands."""
    from django.test import Client

    from kampungkb.concurrency import CONFLICT_MESSAGE
    from tests.security.forms import baseline, form_fields

    user = getattr(sec.personas, persona)
    first, second = Client(), Client()
    first.force_login(user)
    second.force_login(user)
    target = url(sec)
    forms = [
        baseline(form_fields(c.get(target).content.decode(), target, target))
        for c in (first, second)
    ]
    value = "121" if field == "keluarga" else "Nilai pertama"
    assert first.post(target, forms[0] | {field: [value]}).status_code == 302
    mine = "122" if field == "keluarga" else "Nilai kedua"
    response = second.post(target, forms[1] | {field: [mine]})
    assert response.status_code in (200, 409)
    html = response.content.decode()
    assert str(CONFLICT_MESSAGE) in html
    assert mine in html  # the user's input is still in the form


@pytest.mark.django_db(transaction=True)
def test_concurrent_submits_in_one_kecamatan_keep_every_roll_up(tx_world):
    """Two villages of one kecamatan submit at the same moment, each on its
    own connection, in a month with no summary rows yet: the kecamatan,
    kabupaten and provinsi rows count both registers (a refresh that read its
    sibling's row before the other committed would have dropped one)."""
    from poktan import services
    from poktan.models import Poktan
    from reports import summaries
    from reports.models import Ringkasan
    from villages.models import KampungKB

    kampung, kader, opd, poktan = tx_world
    other = KampungKB.objects.create(
        desa_id="12.10.09.2001", nama="Kampung KB Lain", tanggal_pencanangan=dt.date(2018, 1, 1)
    )
    other_poktan = Poktan.objects.create(kampung=other, jenis=JenisPoktan.BKB, nama="BKB 2")
    periode = Periode.current()
    values = {"jumlah_anggota": 20, "keluarga_hadir": 10, "anak_dipantau_kka": 5}
    drafts = [
        services.laporan_save_draft(
            poktan=p, periode=periode, values=values, pertemuan=[], expected_version=None, by=kader
        )
        for p in (poktan, other_poktan)
    ]
    Ringkasan.objects.all().delete()  # the first refresh of the month creates every row

    outcomes = run_together(
        *[lambda d=d: services.laporan_submit(laporan=d, by=kader) for d in drafts]
    )
    assert all(kind == "ok" for kind, _ in outcomes), outcomes
    stored = {
        r.wilayah_id: r.laporan_masuk for r in Ringkasan.objects.filter(periode=periode.first_day)
    }
    assert stored == {
        "12.10.09.2009": 1, "12.10.09.2001": 1, "12.10.09": 2, "12.10": 2, "12": 2
    }  # fmt: skip
    summaries.rebuild([periode])
    rebuilt = {
        r.wilayah_id: r.laporan_masuk for r in Ringkasan.objects.filter(periode=periode.first_day)
    }
    assert rebuilt == stored
