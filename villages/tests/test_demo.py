"""The demo seed: Pondok Batu from its source document, idempotent, classes computed."""

import pytest

from kampungkb.models import AuditEntry
from villages import demo
from villages.choices import Kelas
from villages.models import KampungKB, KkbpkKampung, KlasifikasiPeriode, Pokja

pytestmark = pytest.mark.django_db


def test_seed_twice_changes_nothing(regions):
    demo.seed()
    counts = (KampungKB.objects.count(), KkbpkKampung.objects.count(), AuditEntry.objects.count())
    again = demo.seed()
    assert again == "Kampung KB diperbarui: tidak ada; snapshot baru: 0"
    assert (
        KampungKB.objects.count(),
        KkbpkKampung.objects.count(),
        AuditEntry.objects.count(),
    ) == counts


def test_pondok_batu_from_the_source_document(regions):
    demo.seed()
    k = KampungKB.objects.get(desa_id="12.10.09.2009")
    assert len(k.misi) == 6 and len(k.faktor_pendukung) == 11 and len(k.faktor_penghambat) == 9
    assert k.faktor_penghambat[-1] == "Tingkat penelantaran keluarga masih tinggi"
    assert "Budikdamber" in [p.nama for p in k.potensi.all()]
    pokja = Pokja.objects.get(kampung=k)
    assert not pokja.anggota.exists() and "tidak menyebut" in pokja.catatan
    assert KlasifikasiPeriode.objects.filter(kampung=k).count() == 12


def test_demo_villages_cover_every_class(regions):
    demo.seed()
    kelas = dict(KampungKB.objects.values_list("desa_id", "kelas"))
    # Bandar Tinggi has no snapshot yet: not classified (no default "Dasar")
    assert kelas.pop("12.10.09.2007") == ""
    assert set(kelas.values()) == set(Kelas.values)


def test_seed_after_a_plain_pondok_batu_kampung(kampung_pondokbatu):
    """Another app's demo may get_or_create Pondok Batu first."""
    demo.seed()
    kampung_pondokbatu.refresh_from_db()
    assert kampung_pondokbatu.visi.startswith("Menjadi pelopor")


def test_demo_names_call_each_village_what_its_code_says(regions):
    """Kemendagri codes: a 4th group starting with 2 is a desa, with 1 a kelurahan."""
    demo.seed()
    for kampung in KampungKB.objects.all():
        kind = "Desa" if kampung.desa_id.rsplit(".", 1)[1].startswith("2") else "Kelurahan"
        other = {"Desa": "Kelurahan", "Kelurahan": "Desa"}[kind]
        assert f" {other} " not in f" {kampung.nama} ", (kampung.desa_id, kampung.nama)
