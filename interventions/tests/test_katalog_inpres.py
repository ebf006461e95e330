"""The complete Inpres 3/2022 catalogue: 59 kegiatan, links kept, shown where named."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from interventions import katalog_inpres
from interventions.models import InpresKegiatan, InpresProgram, InpresSasaran
from interventions.tests import factories as f

MODELS = (InpresSasaran, InpresProgram, InpresKegiatan)


@pytest.mark.django_db
def test_catalogue_has_59_kegiatan_with_indikator_and_penanggung_jawab():
    assert InpresSasaran.objects.count() == 4
    assert InpresProgram.objects.count() == 8
    assert InpresKegiatan.objects.count() == 59
    assert not InpresKegiatan.objects.filter(indikator="").exists()
    # the official seeder leaves exactly one kegiatan without a ministry
    assert list(InpresKegiatan.objects.filter(penanggung_jawab="").values_list("nama", flat=True))
    assert InpresKegiatan.objects.filter(penanggung_jawab="").count() == 1
    dashat = InpresKegiatan.objects.get(nama="Dapur Sehat Atasi Stunting (DASHAT)")
    assert dashat.program.nama.startswith("Pendampingan dan pelayanan pada keluarga dengan resiko")
    assert dashat.penanggung_jawab == "Badan Kependudukan dan Keluarga Berencana Nasional"


def _old_catalogue():
    """The 33 shortened rows the portal carried before, as a database may still hold them."""
    InpresSasaran.objects.all().delete()
    old = {
        (1, "Penyediaan data & adminduk"): ["Rumah DataKu", "Pelayanan administrasi kependudukan"],
        (2, "Advokasi GERMAS & komunikasi perubahan perilaku"): [
            "GERMAS", "PIS-PK", "BKB", "BKR", "BKL", "PIK Remaja", "KIE Kespro & KB",
            "Bimbingan Calon Pengantin", "KIE PPA", "ASI eksklusif", "Kawasan Tanpa Rokok",
        ],
        (3, "Akses layanan kesehatan termasuk KB-KR melalui PKBM/UKBM"): [
            "Penggerakan Pelayanan KB-KR", "Posyandu aktif", "KB pasca persalinan",
        ],
        (3, "Pendampingan keluarga risiko stunting"): [
            "Screening catin", "Pendampingan bumil", "ANC", "TTD", "PMT",
            "Pemantauan tumbuh kembang balita", "DASHAT",
        ],
        (3, "Akses pendidikan"): ["PAUD", "Bantuan pendidikan"],
        (3, "Jaminan & perlindungan sosial"): ["P2K2 PKH", "PKH/BPNT/PBI"],
        (3, "Pemberdayaan ekonomi keluarga"): [
            "Permodalan koperasi", "Meningkatnya kemandirian ekonomi keluarga",
            "Fasilitasi usaha nelayan & benih ikan",
        ],
        (4, "Lingkungan, air minum, sanitasi dasar"): [
            "STBM", "Perumahan & infrastruktur permukiman", "Pengendalian vektor/jumantik",
        ],
    }  # fmt: skip
    for urutan, ((nomor, program), kegiatan) in enumerate(old.items()):
        sasaran, _ = InpresSasaran.objects.get_or_create(nomor=nomor, defaults={"nama": "x"})
        p = InpresProgram.objects.create(sasaran=sasaran, nama=program, urutan=urutan)
        for i, nama in enumerate(kegiatan):
            InpresKegiatan.objects.create(program=p, nama=nama, urutan=i)
    assert InpresKegiatan.objects.count() == 33


@pytest.mark.django_db
def test_upgrade_renames_the_shortened_rows_in_place_and_keeps_every_link(kampung_pondokbatu):
    _old_catalogue()
    linked = {
        nama: f.intervensi(
            kampung_pondokbatu, judul=nama, inpres_kegiatan=InpresKegiatan.objects.get(nama=nama)
        )
        for nama in ("DASHAT", "PKH/BPNT/PBI", "Bimbingan Calon Pengantin", "KB pasca persalinan")
    }
    ids = {nama: obj.inpres_kegiatan_id for nama, obj in linked.items()}

    katalog_inpres.rename_shortened(*MODELS)
    katalog_inpres.seed_katalog(*MODELS)
    katalog_inpres.seed_katalog(*MODELS)  # idempotent

    assert InpresKegiatan.objects.count() == 59
    assert InpresProgram.objects.count() == 8
    assert not InpresKegiatan.objects.filter(nama__in=katalog_inpres.RENAMED).exists()
    for nama, obj in linked.items():
        obj.refresh_from_db()
        assert obj.inpres_kegiatan_id == ids[nama]  # the same row, now named in full
    assert linked["DASHAT"].inpres_kegiatan.nama == "Dapur Sehat Atasi Stunting (DASHAT)"
    assert linked["DASHAT"].inpres_kegiatan.indikator
    pasca = linked["KB pasca persalinan"].inpres_kegiatan
    assert pasca.nama == "Pelayanan KB pasca persalinan"
    assert pasca.program.urutan == 4  # moved to the stunting programme, as the official seeder
    assert linked["Bimbingan Calon Pengantin"].inpres_kegiatan.penanggung_jawab == (
        "Kementerian Agama"
    )


@pytest.mark.django_db
def test_intervention_page_shows_indikator_and_penanggung_jawab(
    client_for, opd_labuhanbatu, kampung_pondokbatu
):
    kegiatan = InpresKegiatan.objects.get(nama="Dapur Sehat Atasi Stunting (DASHAT)")
    obj = f.intervensi(kampung_pondokbatu, judul="Launching DASHAT", inpres_kegiatan=kegiatan)
    html = (
        client_for(opd_labuhanbatu)
        .get(reverse("interventions:intervensi-detail", args=[obj.pk]))
        .content.decode()
    )
    assert kegiatan.indikator in html
    assert "Badan Kependudukan dan Keluarga Berencana Nasional" in html


@pytest.mark.django_db
def test_intervention_recap_groups_by_sasaran_and_program(
    client_for, opd_labuhanbatu, kampung_pondokbatu
):
    import datetime as dt

    today = dt.date.today()
    dashat = InpresKegiatan.objects.get(nama="Dapur Sehat Atasi Stunting (DASHAT)")
    paud = InpresKegiatan.objects.get(nama="Pendidikan Anak Usia Dini (PAUD)")
    for judul, kegiatan in [("A", dashat), ("B", dashat), ("C", paud), ("D", None)]:
        f.intervensi(kampung_pondokbatu, judul=judul, inpres_kegiatan=kegiatan, tanggal=today)
    url = reverse("reports:rekap-xlsx", args=["intervensi", "12.10"])
    response = client_for(opd_labuhanbatu).get(url, {"periode": today.strftime("%Y-%m")})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content))["Per Inpres 3-2022"]
    rows = [[c.value for c in row] for row in sheet.iter_rows() if row[2].value is not None]
    body = [r for r in rows if isinstance(r[2], int)]
    assert body == [
        [str(dashat.program.sasaran), dashat.program.nama, 2],
        [str(paud.program.sasaran), paud.program.nama, 1],
        ["Tanpa kegiatan Inpres", "–", 1],
    ]
