"""Register services: one per (poktan, month), rules, workflow, audit, lost updates."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from kampungkb.audit import history
from kampungkb.concurrency import ConflictError
from kampungkb.models import PeriodeBuka
from poktan import services
from poktan.models import Laporan, Status
from poktan.tests.conftest import BKB_VALUES, add_members

pytestmark = pytest.mark.django_db


def save(poktan, periode, by, values=None, pertemuan=(), version=None):
    return services.laporan_save_draft(
        poktan=poktan,
        periode=periode,
        values=dict(BKB_VALUES if values is None else values),
        pertemuan=list(pertemuan),
        expected_version=version,
        by=by,
    )


def test_first_save_creates_a_draft_with_audit(bkb, periode, kader_pondokbatu):
    laporan = save(bkb, periode, kader_pondokbatu)
    assert laporan.status == Status.DRAF
    assert laporan.keluarga_hadir == 15
    entries = list(history(laporan))
    assert [e.action for e in entries] == ["poktan.laporan.create"]
    assert entries[0].changes["keluarga_hadir"]["new"] == "15"


def test_saving_the_same_values_twice_changes_nothing(bkb, periode, kader_pondokbatu):
    first = save(bkb, periode, kader_pondokbatu)
    # A double tap arrives with the version of the page before the first save.
    second = save(bkb, periode, kader_pondokbatu, version=None)
    assert second.pk == first.pk
    assert Laporan.objects.count() == 1
    assert Laporan.objects.get().version == 1
    assert history(first).count() == 1


def test_one_register_per_poktan_and_month_in_the_database(bkb, periode):
    Laporan.objects.create(poktan=bkb, periode=periode.first_day)
    with pytest.raises(IntegrityError), transaction.atomic():
        Laporan.objects.create(poktan=bkb, periode=periode.first_day)


@pytest.mark.parametrize(
    "values",
    [
        {"keluarga_hadir": -1},
        {"jumlah_anggota": 5, "keluarga_hadir": 6},
        {"modal": -100},
    ],
)
def test_database_rejects_negative_and_attendance_above_members(bkb, periode, values):
    with pytest.raises(IntegrityError), transaction.atomic():
        Laporan.objects.create(poktan=bkb, periode=periode.first_day, **values)


def test_periode_must_be_the_first_of_the_month(bkb, periode):
    with pytest.raises(IntegrityError), transaction.atomic():
        Laporan.objects.create(poktan=bkb, periode=periode.first_day.replace(day=2))


def test_attendance_above_members_is_refused_at_the_field(bkb, periode, kader_pondokbatu):
    values = {"jumlah_anggota": 10, "keluarga_hadir": 12, "anak_dipantau_kka": 3}
    with pytest.raises(ValidationError) as exc:
        save(bkb, periode, kader_pondokbatu, values)
    assert "keluarga_hadir" in exc.value.message_dict
    assert "10" in exc.value.message_dict["keluarga_hadir"][0]
    assert not Laporan.objects.exists()


def test_meeting_outside_the_month_is_refused(bkb, periode, kader_pondokbatu):
    outside = periode.first_day - dt.timedelta(days=1)
    row = {"tanggal": outside, "materi": "Gizi", "narasumber": "", "jumlah_hadir": 5}
    with pytest.raises(ValidationError) as exc:
        save(bkb, periode, kader_pondokbatu, pertemuan=[row])
    assert "pertemuan.0.tanggal" in exc.value.message_dict


def test_meeting_in_the_future_is_refused(bkb, periode, kader_pondokbatu):
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    if tomorrow > periode.last_day:
        pytest.skip("today is the month's last day: no future day inside it")
    row = {"tanggal": tomorrow, "materi": "Gizi", "narasumber": "", "jumlah_hadir": 5}
    with pytest.raises(ValidationError) as exc:
        save(bkb, periode, kader_pondokbatu, pertemuan=[row])
    assert exc.value.message_dict["pertemuan.0.tanggal"] == ["Tanggal tidak boleh di masa depan."]


def test_meeting_attendance_above_members_is_refused(bkb, periode, kader_pondokbatu):
    row = {"tanggal": periode.first_day, "materi": "Gizi", "narasumber": "", "jumlah_hadir": 25}
    with pytest.raises(ValidationError) as exc:
        save(bkb, periode, kader_pondokbatu, pertemuan=[row])
    assert "pertemuan.0.jumlah_hadir" in exc.value.message_dict


def test_member_list_decides_member_count_and_kb_participation(bkb, periode, kader_pondokbatu):
    add_members(bkb, 3, status_pus=True, metode_kb="Suntik")
    add_members(bkb, 2, start=10, status_pus=True, alasan_tidak_kb="hamil")
    values = {"jumlah_anggota": 99, "keluarga_hadir": 4, "anak_dipantau_kka": 1}
    laporan = save(bkb, periode, kader_pondokbatu, values)
    assert laporan.jumlah_anggota == 5
    assert laporan.kesertaan_kb["pus"] == 5
    assert laporan.kesertaan_kb["peserta"] == 3
    assert laporan.kesertaan_kb["metode"]["Suntik"] == 3
    assert laporan.kesertaan_kb["tidak_kb"]["hamil"] == 2
    with pytest.raises(ValidationError) as exc:
        save(bkb, periode, kader_pondokbatu, {**values, "keluarga_hadir": 6}, version=1)
    assert "keluarga_hadir" in exc.value.message_dict


def test_concurrent_second_save_gets_a_conflict_with_the_changes(
    bkb, periode, kader_pondokbatu, admin_portal
):
    laporan = save(bkb, periode, kader_pondokbatu)
    save(bkb, periode, admin_portal, {**BKB_VALUES, "keluarga_hadir": 16}, version=1)
    with pytest.raises(ConflictError) as exc:
        save(bkb, periode, kader_pondokbatu, {**BKB_VALUES, "keluarga_hadir": 17}, version=1)
    laporan.refresh_from_db()
    assert laporan.keluarga_hadir == 16
    changes = list(exc.value.changes)
    assert [e.changes["keluarga_hadir"]["new"] for e in changes] == ["16"]


def test_update_records_old_and_new_values_and_meetings(bkb, periode, kader_pondokbatu):
    save(bkb, periode, kader_pondokbatu)
    row = {
        "tanggal": periode.first_day,
        "materi": "Gizi balita",
        "narasumber": "Bidan",
        "jumlah_hadir": 9,
    }
    laporan = save(
        bkb, periode, kader_pondokbatu, {**BKB_VALUES, "keluarga_hadir": 18}, [row], version=1
    )
    assert laporan.version == 2
    assert laporan.pertemuan.get().materi == "Gizi balita"
    entry = history(laporan).first()
    assert entry.action == "poktan.laporan.update"
    assert entry.changes["keluarga_hadir"] == {
        "label": "keluarga hadir",
        "old": "15",
        "new": "18",
        "raw": [15, 18],
    }
    assert "Gizi balita" in entry.changes["pertemuan"]["new"]


def test_submit_requires_every_figure_of_the_type(bkb, periode, kader_pondokbatu):
    laporan = save(bkb, periode, kader_pondokbatu, {"jumlah_anggota": 20, "keluarga_hadir": 5})
    with pytest.raises(ValidationError) as exc:
        services.laporan_submit(laporan=laporan, by=kader_pondokbatu)
    assert list(exc.value.message_dict) == ["anak_dipantau_kka"]
    assert Laporan.objects.get().status == Status.DRAF


def test_full_workflow_return_resubmit_verify(bkb, periode, kader_pondokbatu, pkb_bilahhulu):
    laporan = save(bkb, periode, kader_pondokbatu)
    laporan = services.laporan_submit(laporan=laporan, by=kader_pondokbatu)
    first_submitted = laporan.pertama_diajukan_pada
    assert laporan.status == Status.DIAJUKAN and first_submitted

    with pytest.raises(ValidationError) as exc:
        services.laporan_return(laporan=laporan, by=pkb_bilahhulu, note="  ")
    assert "catatan" in exc.value.message_dict
    laporan = services.laporan_return(laporan=laporan, by=pkb_bilahhulu, note="KKA belum diisi")
    assert laporan.status == Status.DIKEMBALIKAN
    assert laporan.catatan == "KKA belum diisi"

    laporan = save(
        bkb,
        periode,
        kader_pondokbatu,
        {**BKB_VALUES, "anak_dipantau_kka": 14},
        version=laporan.version,
    )
    laporan = services.laporan_submit(laporan=laporan, by=kader_pondokbatu)
    assert laporan.pertama_diajukan_pada == first_submitted
    laporan = services.laporan_verify(laporan=laporan, by=pkb_bilahhulu)
    assert laporan.status == Status.DIVERIFIKASI
    assert laporan.diverifikasi_oleh == pkb_bilahhulu

    actions = [e.action.rsplit(".", 1)[1] for e in history(laporan)]
    assert actions == ["verify", "submit", "update", "return", "submit", "create"]
    assert history(laporan).get(action="poktan.laporan.return").note == "KKA belum diisi"


def test_verified_register_is_read_only(bkb, periode, kader_pondokbatu, pkb_bilahhulu):
    laporan = services.laporan_submit(
        laporan=save(bkb, periode, kader_pondokbatu), by=kader_pondokbatu
    )
    services.laporan_verify(laporan=laporan, by=pkb_bilahhulu)
    with pytest.raises(ValidationError, match="diverifikasi"):
        save(bkb, periode, kader_pondokbatu, {**BKB_VALUES, "keluarga_hadir": 1}, version=3)
    with pytest.raises(ValidationError):
        services.laporan_return(laporan=laporan, by=pkb_bilahhulu, note="terlambat")
    assert Laporan.objects.get().keluarga_hadir == 15


def test_verify_needs_a_submitted_register(bkb, periode, kader_pondokbatu, pkb_bilahhulu):
    laporan = save(bkb, periode, kader_pondokbatu)
    with pytest.raises(ValidationError):
        services.laporan_verify(laporan=laporan, by=pkb_bilahhulu)


def test_locked_period_refuses_until_reopened(bkb, kader_pondokbatu, opd_labuhanbatu, periode):
    from kampungkb.services import periode_reopen

    old = periode.prev().prev()  # two months back: past its lock date whatever today is
    with pytest.raises(ValidationError, match="terkunci"):
        save(bkb, old, kader_pondokbatu)
    periode_reopen(
        desa=bkb.kampung.desa,
        periode=old,
        sampai=timezone.localdate() + dt.timedelta(days=3),
        by=opd_labuhanbatu,
    )
    assert PeriodeBuka.objects.exists()
    assert save(bkb, old, kader_pondokbatu).periode == old.first_day


def test_future_period_is_not_open(bkb, kader_pondokbatu, periode):
    with pytest.raises(ValidationError, match="belum dimulai"):
        save(bkb, periode.next(), kader_pondokbatu)


def test_every_transition_refreshes_the_desa_summary_and_a_draft_save_does_not(
    bkb, periode, kader_pondokbatu, pkb_bilahhulu, monkeypatch
):
    from reports.models import Ringkasan

    Ringkasan.objects.create(wilayah_id="12.10.09.2009", tingkat=4, periode=periode.first_day)
    calls = []
    monkeypatch.setattr(
        services.summaries,
        "refresh_desa",
        lambda kode, p=None, parts=None, kampung=None: calls.append((kode, p, parts)),
    )
    laporan = save(bkb, periode, kader_pondokbatu)
    assert calls == []  # the month already has its row: a draft changes no figure
    laporan = services.laporan_submit(laporan=laporan, by=kader_pondokbatu)
    services.laporan_verify(laporan=laporan, by=pkb_bilahhulu)
    assert calls == [("12.10.09.2009", periode, ("poktan",))] * 2  # only the poktan figures


def test_summary_rows_stay_exact_without_a_refresh_on_draft_saves(
    bkb, periode, kader_pondokbatu, pkb_bilahhulu
):
    """Draft figures reach no summary, so skipping the refresh on a draft save
    leaves every row equal to a rebuild from scratch, before and after submit."""
    from reports import summaries
    from reports.models import Ringkasan

    def stored():
        return {
            r.wilayah_id: (r.laporan_masuk, r.laporan_dikembalikan, r.poktan_jenis)
            for r in Ringkasan.objects.filter(periode=periode.first_day)
        }

    def rebuilt():
        summaries.rebuild([periode])
        return stored()

    laporan = save(bkb, periode, kader_pondokbatu)
    services.laporan_submit(laporan=laporan, by=kader_pondokbatu)
    laporan = services.laporan_return(
        laporan=Laporan.objects.get(pk=laporan.pk), by=pkb_bilahhulu, note="Cek lagi"
    )
    before = stored()
    assert before["12.10.09.2009"][1] == 1  # the returned register is counted
    values = {**BKB_VALUES, "keluarga_hadir": 11, "anak_dipantau_kka": 4}
    services.laporan_save_draft(
        poktan=bkb,
        periode=periode,
        values=values,
        pertemuan=[],
        expected_version=Laporan.objects.get(pk=laporan.pk).version,
        by=kader_pondokbatu,
    )
    assert Laporan.objects.get(pk=laporan.pk).keluarga_hadir == 11
    assert stored() == before == rebuilt()
    services.laporan_submit(laporan=Laporan.objects.get(pk=laporan.pk), by=kader_pondokbatu)
    after = stored()
    assert after["12.10.09.2009"][0] == before["12.10.09.2009"][0] + 1
    assert after["12.10.09.2009"][2]["BKB"]["hadir"] == 11
    assert after == rebuilt()


def test_member_attendance_sets_keluarga_hadir_and_is_audited(
    bkb, uppka, periode, kader_pondokbatu
):
    members = add_members(bkb, 4)
    stranger = add_members(uppka, 1, start=50)[0]
    values = {"keluarga_hadir": 99, "anak_dipantau_kka": 1}
    laporan = services.laporan_save_draft(
        poktan=bkb,
        periode=periode,
        values=values,
        pertemuan=[],
        expected_version=None,
        by=kader_pondokbatu,
        hadir=[members[0].pk, members[2].pk],
    )
    assert laporan.keluarga_hadir == 2
    assert set(laporan.anggota_hadir.values_list("pk", flat=True)) == {members[0].pk, members[2].pk}
    laporan = services.laporan_save_draft(
        poktan=bkb,
        periode=periode,
        values=values,
        pertemuan=[],
        expected_version=1,
        by=kader_pondokbatu,
        hadir=[members[0].pk],
    )
    assert laporan.keluarga_hadir == 1
    change = history(laporan).first().changes["anggota_hadir"]
    assert change["old"] == "2" and change["new"] == "1 (−Keluarga 2)"
    with pytest.raises(ValidationError) as exc:
        services.laporan_save_draft(
            poktan=bkb,
            periode=periode,
            values=values,
            pertemuan=[],
            expected_version=2,
            by=kader_pondokbatu,
            hadir=[stranger.pk],
        )
    assert "hadir" in exc.value.message_dict
