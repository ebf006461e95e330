"""The Inpres 3/2022 activity catalogue (domain.md §1.5), complete.

``data/inpres-3-2022-kegiatan.csv`` holds the 59 kegiatan as the official
Kampung KB application seeds them (``InpresSasaranSeeder``): 4 sasaran →
8 program → 59 kegiatan, each with its indikator and the responsible ministry.
Strings are the seeder's own (spelling kept; only surrounding spaces trimmed).

Until this catalogue the portal carried 33 shortened kegiatan. ``RENAMED``
maps each of them to its full entry so a data migration can rename the rows in
place and every intervention that names one keeps its link.
"""

from __future__ import annotations

import csv
from pathlib import Path

CSV = Path(__file__).with_name("data") / "inpres-3-2022-kegiatan.csv"


def katalog() -> list[dict]:
    """The 59 rows of the CSV, in the official order, stripped."""
    with CSV.open(encoding="utf-8", newline="") as f:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(f)]


# The shortened programs of the earlier catalogue: (sasaran, old name) → program_no.
RENAMED_PROGRAMS = {
    (1, "Penyediaan data & adminduk"): 1,
    (2, "Advokasi GERMAS & komunikasi perubahan perilaku"): 2,
    (3, "Akses layanan kesehatan termasuk KB-KR melalui PKBM/UKBM"): 3,
    (3, "Pendampingan keluarga risiko stunting"): 4,
    (3, "Akses pendidikan"): 5,
    (3, "Jaminan & perlindungan sosial"): 6,
    (3, "Pemberdayaan ekonomi keluarga"): 7,
    (4, "Lingkungan, air minum, sanitasi dasar"): 8,
}

# The shortened kegiatan: old name → the full kegiatan it stood for.
RENAMED = {
    "Rumah DataKu": "Rumah Data Kependudukan dan Informasi Keluarga (Rumah DataKu)",
    "GERMAS": "Program Gerakan Masyarakat Hidup Sehat (GERMAS)",
    "PIS-PK": "Program Indonesia Sehat dengan Pendekatan Keluarga (PISPK)",
    "BKB": "Bina Keluarga Balita (BKB)",
    "BKR": "Bina Keluarga Remaja (BKR)",
    "BKL": "Bina Keluarga Lansia (BKL)",
    "KIE Kespro & KB": (
        "Komunikasi, Informasi dan Edukasi (KIE) Kesehatan Reproduksi dan Keluarga Berencana "
        "bagi Keluarga"
    ),
    "KIE PPA": "KIE Pencegahan, Perlindungan Perempuan dan Anak dari kekerasan",
    "ASI eksklusif": "Advokasi dan KIE pemberian makan bayi dan anak ASI eksklusif",
    "Kawasan Tanpa Rokok": "Kawasan Tanpa Rokok (KTR) dan implementasi Rumah Tanpa Asap Rokok",
    "Penggerakan Pelayanan KB-KR": (
        "Penggerakan Pelayanan Keluarga Berencana dan Kesehatan Reproduksi"
    ),
    "Posyandu aktif": "b. Melaksanakan Posyandu Aktif",
    "KB pasca persalinan": "Pelayanan KB pasca persalinan",
    "Screening catin": "Screening kesehatan bagi calon pengantin",
    "Pendampingan bumil": "Pendampingan ibu hamil",
    "ANC": "Pemeriksaaan  Antenatal Care (ANC) bagi ibu hamil",  # (sic)
    "TTD": "Pemberian tablet tambah darah bagi remaja putri dan ibu hamil",
    "PMT": "Pemberian makanan tambahan bagi anak usia 6 – 23 bulan",
    "Pemantauan tumbuh kembang balita": (
        "Pemantauan pertumbuhan dan perkembangan anak berusia di bawah lima tahun (balita)."
    ),
    "DASHAT": "Dapur Sehat Atasi Stunting (DASHAT)",
    "PAUD": "Pendidikan Anak Usia Dini (PAUD)",
    "Bantuan pendidikan": (
        "Pemberian bantuan pendidikan bagi anak usia sekolah yang berasal dari keluarga dengan "
        "status miskin"
    ),
    "P2K2 PKH": (
        "Pertemuan Peningkatan Kemampuan Keluarga (P2K2) dengan modul kesehatan dan gizi bagi "
        "Keluarga Penerima Manfaat (KPM) Program Keluarga Harapan"
    ),
    # PKH is the conditional cash transfer ("bantuan tunai bersyarat")
    "PKH/BPNT/PBI": (
        "Pemberian bantuan tunai bersyarat kepada Pasangan Usia Subur dengan status miskin dan "
        "penyandang masalah kesejahteraan sosial"
    ),
    "Permodalan koperasi": "Penyelenggaraan bantuan permodalan",
    "Fasilitasi usaha nelayan & benih ikan": "Fasilitasi dan pembinaan pengembangan usaha nelayan",
    "STBM": "Pemicuan Sanitasi Total Berbasis Masyarakat (STBM)",
    "Perumahan & infrastruktur permukiman": (
        "Penyediaan Akses Perumahan dan Infrastruktur Permukiman Yang Layak, Aman dan Terjangkau"
    ),
    "Pengendalian vektor/jumantik": "Pengendalian vektor dan binatang pembawa penyakit",
}


def _row(nama: str, rows: list[dict]) -> dict:
    [row] = [r for r in rows if r["kegiatan"] == nama]
    return row


def rename_shortened(sasaran_model, program_model, kegiatan_model) -> None:
    """Rename the earlier catalogue's rows in place, so every link to them stays valid."""
    rows = katalog()
    programs = {int(r["program_no"]): r["program"] for r in rows}
    for (nomor, old), program_no in RENAMED_PROGRAMS.items():
        new = programs[program_no]
        old_row = program_model.objects.filter(sasaran__nomor=nomor, nama=old).first()
        if old_row is None:
            continue
        existing = program_model.objects.filter(sasaran__nomor=nomor, nama=new).first()
        if existing is not None:  # already there: move the kegiatan over, drop the old one
            kegiatan_model.objects.filter(program=old_row).update(program=existing)
            old_row.delete()
        else:
            old_row.nama, old_row.urutan = new, program_no
            old_row.save(update_fields=["nama", "urutan"])
    for old, new in RENAMED.items():
        row = _row(new, rows)
        program = program_model.objects.filter(
            sasaran__nomor=int(row["sasaran_no"]), nama=row["program"]
        ).first()
        kegiatan = kegiatan_model.objects.filter(nama=old).first()
        if kegiatan is None or program is None:
            continue
        existing = kegiatan_model.objects.filter(program=program, nama=row["kegiatan"]).first()
        if existing is not None and existing.pk != kegiatan.pk:
            # both exist: keep the full one and point the old one's interventions at it
            kegiatan.intervensi.update(inpres_kegiatan=existing)
            kegiatan.delete()
            continue
        kegiatan.program, kegiatan.nama = program, row["kegiatan"]
        kegiatan.save(update_fields=["program", "nama"])


def seed_katalog(sasaran_model, program_model, kegiatan_model) -> None:
    """Idempotent; takes the models so a data migration can pass historical ones."""
    rows = katalog()
    urutan_kegiatan: dict[int, int] = {}
    for row in rows:
        sasaran, _ = sasaran_model.objects.update_or_create(
            nomor=int(row["sasaran_no"]), defaults={"nama": row["sasaran"]}
        )
        program_no = int(row["program_no"])
        program, _ = program_model.objects.update_or_create(
            sasaran=sasaran, nama=row["program"], defaults={"urutan": program_no}
        )
        urutan_kegiatan[program_no] = urutan_kegiatan.get(program_no, 0) + 1
        kegiatan_model.objects.update_or_create(
            program=program,
            nama=row["kegiatan"],
            defaults={
                "urutan": urutan_kegiatan[program_no],
                "indikator": row["indikator"],
                "penanggung_jawab": row["penanggung_jawab"],
            },
        )


def seed_reference(apps=None) -> None:
    """Reference rows of this app besides the agencies (kampungkb.reference):
    the Inpres 3/2022 catalogue and the IID 2023 configuration."""
    from django.apps import apps as global_apps

    from interventions.iid_2023 import seed_iid_2023

    m = (apps or global_apps).get_model
    seed_katalog(
        m("interventions", "InpresSasaran"),
        m("interventions", "InpresProgram"),
        m("interventions", "InpresKegiatan"),
    )
    seed_iid_2023(
        m("interventions", "TahunIID"),
        m("interventions", "IndikatorIID"),
        m("interventions", "ParameterIID"),
        m("interventions", "PredikatIID"),
        m("interventions", "TematikIID"),
    )
