import datetime as dt

from django.template import Context, Template
from django.utils import translation

from kampungkb import audit
from villages.models import KampungKB


def test_diff_keeps_only_changed_fields_with_labels_and_indonesian_formats(kampung_pondokbatu):
    before = audit.snapshot(kampung_pondokbatu, ["nama", "tanggal_pencanangan"])
    kampung_pondokbatu.tanggal_pencanangan = dt.date(2017, 4, 3)
    after = audit.snapshot(kampung_pondokbatu, ["nama", "tanggal_pencanangan"])
    with translation.override("id"):
        changes = audit.diff(KampungKB, before, after)
    assert changes == {
        "tanggal_pencanangan": {
            "label": "tanggal pencanangan",
            "old": "1 Maret 2017",
            "new": "3 April 2017",
            "raw": ["2017-03-01", "2017-04-03"],  # rendered again when read
        }
    }


def test_display_values_use_indonesian_grouping():
    with translation.override("id"):
        assert audit.display_value(1250000) == "1.250.000"
        assert audit.display_value(None) == "–"
        assert audit.display_value(True) == "Ya"


def test_history_renders_as_sentences_newest_first(kampung_pondokbatu, opd_labuhanbatu):
    audit.record(actor=opd_labuhanbatu, action="villages.kampung.create", obj=kampung_pondokbatu)
    audit.record(
        actor=opd_labuhanbatu,
        action="villages.kampung.update",
        obj=kampung_pondokbatu,
        changes={"hadir": {"label": "hadir", "old": "12", "new": "15"}},
    )
    with translation.override("id"):
        html = Template("{% load portal %}{% audit_history obj %}").render(
            Context({"obj": kampung_pondokbatu})
        )
    first, second = html.index("Diubah oleh"), html.index("Dibuat oleh")
    assert first < second
    assert "hadir 12 → 15" in html
    assert str(opd_labuhanbatu) in html


def test_history_of_an_object_without_entries_says_so(kampung_pondokbatu):
    with translation.override("id"):
        html = Template("{% load portal %}{% audit_history obj %}").render(
            Context({"obj": kampung_pondokbatu})
        )
    assert "Belum ada perubahan tercatat." in html


def test_entry_keeps_actor_name_when_user_is_deleted(kampung_pondokbatu, opd_labuhanbatu):
    entry = audit.record(
        actor=opd_labuhanbatu, action="villages.kampung.update", obj=kampung_pondokbatu
    )
    opd_labuhanbatu.delete()
    entry.refresh_from_db()
    assert entry.actor is None
    assert entry.actor_name == "opd.labuhanbatu"
