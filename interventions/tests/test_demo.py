import pytest

from interventions import demo, iid
from interventions.models import (
    FotoIntervensi,
    Inovasi,
    InovasiUnggulan,
    Instansi,
    Intervensi,
)
from interventions.selectors import lintas_sektor_count
from kampungkb.demo import seed_users
from kampungkb.models import AuditEntry


@pytest.fixture
def seeded(regions):
    seed_users()
    demo.seed()


def test_demo_kang_mas_mesra_from_the_source_document(seeded):
    inovasi = Inovasi.objects.get(nama="KANG MAS MESRA")
    assert inovasi.kepanjangan == "Kampung Keluarga Berkualitas Masyarakat Sejahtera"
    assert (inovasi.tahapan, inovasi.jenis, inovasi.inisiator) == (
        "Penerapan",
        "Non Digital",
        "OPD",
    )
    assert inovasi.bentuk == "Inovasi Pelayanan Publik"
    assert str(inovasi.waktu_uji_coba) == str(inovasi.waktu_implementasi) == "2022-04-01"
    assert len(inovasi.tujuan_khusus) == 12  # a–l
    # Repeated paragraphs of the document are kept once.
    assert inovasi.rancang_bangun.count("Dengan disahkannya Undang-Undang Nomor 52") == 1
    assert inovasi.hasil.count("Kampung KB sebagai wahana pemberdayaan") == 1
    assert inovasi.intervensi.count() == 16


def test_demo_interventions_mapped_to_agencies(seeded):
    assert Intervensi.objects.count() == 16
    lele = Intervensi.objects.get(judul="Pelatihan budidaya ikan lele")
    perikanan = lele.instansi.get(nama="Dinas Perikanan")
    assert perikanan.kabupaten_id == "12.10"
    assert perikanan.induk.nama == "Dinas Kelautan dan Perikanan"
    bian = Intervensi.objects.get(judul__startswith="Pelaksanaan BIAN")
    assert bian.instansi_pemilik == Instansi.objects.get(nama="Dinas Kesehatan", kabupaten=None)
    assert FotoIntervensi.objects.filter(intervensi=bian).count() == 1
    kampung = bian.kampung
    assert lintas_sektor_count([kampung.pk])[kampung.pk] > 10


def test_demo_flagship_innovations_exactly_the_three_named(seeded):
    rows = list(InovasiUnggulan.objects.values_list("nama", "ketua", "telepon"))
    assert rows == [
        ("Himpunan Sepuluh Ribu Perbulan", "Bapak Aan Syahputra", "082288548662"),
        ("Dapur Dhuafa", "Ust. Bukhori Fasha", "082182472274"),
        ("PB. Mandala", "Bapak Sucianto Ongga", "08126321211"),
    ]


def test_demo_score_and_missing_list_non_trivial(seeded):
    inovasi = Inovasi.objects.get(nama="KANG MAS MESRA")
    result = iid.kematangan(inovasi)
    assert result.skor == inovasi.skor_kematangan == 5
    kurang = {b.indikator.nomor: b.kurang for b in result.kurang}
    assert kurang[1] == "Dokumen atau tautan bukti belum ada"
    assert len(kurang) == 17


def test_demo_seed_is_idempotent(seeded):
    counts = (
        Intervensi.objects.count(),
        FotoIntervensi.objects.count(),
        AuditEntry.objects.count(),
    )
    demo.seed()
    assert counts == (
        Intervensi.objects.count(),
        FotoIntervensi.objects.count(),
        AuditEntry.objects.count(),
    )
