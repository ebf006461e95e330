"""History sentences are built in Python: they read in the reader's language
(issue #12.7), old entries included, whatever language the writer used."""

import datetime as dt

import pytest
from django.template import Context, Template
from django.utils import translation

from kampungkb import audit
from kampungkb.domain import JenisPoktan
from kampungkb.models import AuditEntry
from kampungkb.periods import Periode
from villages.models import KampungKB

pytestmark = pytest.mark.django_db

# Words of the sentence frame and of the register workflow; none is an official name.
INDONESIAN = [" oleh ", "sistem", "Dibuat", "Diubah", "Diajukan", "Draf ", " Ya", "Tidak"]


def history_html(obj, language):
    with translation.override(language):
        return Template("{% load portal %}{% audit_history obj %}").render(Context({"obj": obj}))


def test_a_register_history_reads_in_english(kampung_pondokbatu, kader_pondokbatu):
    from poktan import services
    from poktan.models import Laporan, Poktan

    bkb = Poktan.objects.create(kampung=kampung_pondokbatu, jenis=JenisPoktan.BKB, nama="BKB")
    with translation.override("id"):  # written by an Indonesian-speaking kader
        lap = services.laporan_save_draft(
            poktan=bkb,
            periode=Periode.current(),
            values={"jumlah_anggota": 1250, "keluarga_hadir": 15, "anak_dipantau_kka": 12},
            pertemuan=[],
            expected_version=None,
            by=kader_pondokbatu,
        )
        services.laporan_submit(laporan=lap, by=kader_pondokbatu)
    html = history_html(lap, "en")
    assert "Submitted by Siti" in html and "Created by Siti" in html
    assert "status Draft → Submitted" in html
    assert "1,250" in html  # numbers in the reader's format too
    with translation.override("en"):
        for name in ("jumlah_anggota", "keluarga_hadir"):
            assert str(Laporan._meta.get_field(name).verbose_name) in html
    with translation.override(None):
        assert str(Laporan._meta.get_field("jumlah_anggota").verbose_name) not in html
    for word in INDONESIAN:
        assert word not in html, word
    assert "status Draf → Diajukan" in history_html(lap, "id")


def test_a_system_entry_reads_in_english(kampung_pondokbatu):
    audit.record(actor=None, action="villages.kampung.create", obj=kampung_pondokbatu)
    assert "Created by system" in history_html(kampung_pondokbatu, "en")
    assert "Dibuat oleh sistem" in history_html(kampung_pondokbatu, "id")


def test_an_entry_written_in_english_reads_in_indonesian(kampung_pondokbatu, opd_labuhanbatu):
    before = audit.snapshot(kampung_pondokbatu, ["tanggal_pencanangan"])
    kampung_pondokbatu.tanggal_pencanangan = dt.date(2017, 4, 3)
    with translation.override("en"):
        changes = audit.diff(
            KampungKB, before, audit.snapshot(kampung_pondokbatu, ["tanggal_pencanangan"])
        )
        audit.record(
            actor=opd_labuhanbatu,
            action="villages.kampung.update",
            obj=kampung_pondokbatu,
            changes={
                **changes,
                "potensi": {"label": _lazy("potensi desa"), "old": "–", "new": "1"},
            },  # noqa: E501
        )
    html = history_html(kampung_pondokbatu, "id")
    assert "tanggal pencanangan 1 Maret 2017 → 3 April 2017" in html
    assert "potensi desa – → 1" in html
    assert "launch date 1 March 2017 → 3 April 2017" in history_html(kampung_pondokbatu, "en")


def _lazy(text):
    from django.utils.translation import gettext_lazy

    return gettext_lazy(text)


def test_an_old_entry_stored_as_indonesian_text_reads_in_english(kampung_pondokbatu):
    """Entries written before values were stored raw hold Indonesian display
    text only; they translate too (choices, yes/no, dates, UTC times)."""
    from poktan.models import Laporan

    entry = AuditEntry.objects.create(
        actor_name="sistem",
        action="villages.kampung.update",
        content_type_id=audit.ContentType.objects.get_for_model(KampungKB).pk,
        object_id=str(kampung_pondokbatu.pk),
        object_repr="x",
        changes={
            "tanggal_pencanangan": {
                "label": "tanggal pencanangan",
                "old": "1 Maret 2017",
                "new": "3 April 2017",
            }
        },
    )
    html = history_html(kampung_pondokbatu, "en")
    assert "Changed by system" in html
    assert "launch date 1 March 2017 → 3 April 2017" in html
    with translation.override("en"):
        status = audit.change_text(
            Laporan, "status", {"label": "status", "old": "Draf", "new": "Diajukan"}
        )
        submitted = audit.change_text(
            Laporan,
            "diajukan_pada",
            {"label": "diajukan pada", "old": "–", "new": "30 November 2026 23.30"},
        )
    assert status == "status Draft → Submitted"
    assert submitted == "submitted at – → 1 December 2026 06:30"  # stored UTC, read WIB
    assert entry.pk


def test_a_value_masked_after_diff_keeps_no_raw_value(kampung_pondokbatu, opd_labuhanbatu):
    """Services hide KK numbers and phones by overwriting old/new after diff;
    the raw value behind them must not reach the log either."""
    before = audit.snapshot(kampung_pondokbatu, ["nama"])
    kampung_pondokbatu.nama = "Kampung KB 0812345678"
    changes = audit.diff(KampungKB, before, audit.snapshot(kampung_pondokbatu, ["nama"]))
    changes["nama"].update(old="•", new="•")
    entry = audit.record(
        actor=opd_labuhanbatu, action="villages.kampung.update", obj=kampung_pondokbatu,
        changes=changes,
    )  # fmt: skip
    entry.refresh_from_db()
    assert "0812345678" not in str(entry.changes)
    with translation.override("id"):
        text = audit.change_text(KampungKB, "nama", entry.changes["nama"])
    assert text == "nama Kampung KB • → •"
