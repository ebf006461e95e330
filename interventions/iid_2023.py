"""IID 2023 configuration (domain.md §4.3, §4.4): 20 per-innovation indicators
with parameters and bobot (Σ max = 111), predicate bands and tematik. Seeded as
data rows (TahunIID 2023); later years are entered as new rows, not code."""

# ruff: noqa: E501  (a data table: one indicator per row reads better unwrapped)
from decimal import Decimal

TAHUN = 2023

# (nomor, indikator, evidence, file types, [(parameter, bobot)])
INDIKATOR = [
    (1, "Regulasi Inovasi Daerah",
     "Perda/Perkada/SK KDH/SK Kepala PD termasuk halaman yang menyebut inovasi, berlaku pada tahun berjalan",
     "pdf", [("SK Kepala Perangkat Daerah", 3), ("SK Kepala Daerah", 6), ("Perkada/Perda", 9)]),
    (2, "Ketersediaan SDM",
     "SK/ST oleh KDH atau Kepala PD pada tahun penerapan",
     "pdf", [("1–10 SDM", 2), ("11–30 SDM", 4), ("> 30 SDM", 6)]),
    (3, "Dukungan Anggaran",
     "Dokumen anggaran yang menyebut program/kegiatan inovasi",
     "pdf", [("APBD T-0 saja", 2), ("T-1 atau T-2", 4), ("T-0, T-1 dan T-2", 6)]),
    (4, "Penggunaan IT (Alat Kerja)",
     "Foto/tangkapan layar",
     "pdf,jpg,png", [("Manual", 2), ("Elektronik", 4), ("Sistem informasi online/daring", 6)]),
    (5, "Bimtek Inovasi",
     "SK/ST, daftar hadir, undangan per bimtek",
     "pdf", [("1 kali dalam 2 tahun", 1), ("2 kali", 2), ("Lebih dari 2 kali", 3)]),
    (6, "Program & kegiatan inovasi dalam RKPD",
     "Halaman RKPD",
     "pdf", [("RKPD T-1 atau T-2", 2), ("RKPD T-1 dan T-2", 4), ("RKPD T-0, T-1, T-2", 6)]),
    (7, "Keterlibatan aktor inovasi",
     "SK PD / undangan rapat, 2 tahun terakhir (aktor: akademisi, bisnis, komunitas, pemerintah, media)",
     "pdf", [("3 aktor", 1), ("4 aktor", 2), ("5 aktor atau lebih", 3)]),
    (8, "Pelaksana Inovasi Daerah",
     "SK penetapan, 2 tahun terakhir",
     "pdf", [("Pelaksana tanpa SK", 1), ("SK Kepala PD", 2), ("SK Kepala Daerah", 3)]),
    (9, "Jejaring Inovasi",
     "SK/ST tim pengelola",
     "pdf", [("1–2 PD", 1), ("3–4 PD", 2), ("5 PD atau lebih", 3)]),
    (10, "Sosialisasi Inovasi Daerah",
     "Foto/tangkapan layar/berita",
     "jpg,png", [("Foto dengan spanduk", 1), ("Konten media sosial", 2), ("Media berita", 3)]),
    (11, "Pedoman Teknis",
     "Buku manual (pdf) atau tangkapan layar",
     "pdf,jpg,png", [("Buku manual", 1), ("Buku elektronik", 2), ("Dapat diakses online", 3)]),
    (12, "Kemudahan Informasi Layanan",
     "Nomor layanan/tangkapan layar/buku tamu",
     "pdf,jpg,png", [("Telepon/tatap muka", 1), ("Email/media sosial", 2), ("Aplikasi online", 3)]),
    (13, "Kemudahan Proses (hasil inovasi)",
     "SOP dengan lama layanan",
     "pdf", [("6 hari atau lebih", 2), ("2–5 hari", 4), ("1 hari", 6)]),
    (14, "Penyelesaian Layanan Pengaduan",
     "Tangkapan layar + rekap pengaduan dan rasio (ditindaklanjuti / total × 100)",
     "pdf,jpg,png", [("≤ 40% atau tidak ada", 1), ("40,01–70,99%", 2), ("≥ 71%", 3)]),
    (15, "Online Sistem (Layanan terintegrasi)",
     "Tangkapan layar beranda dan halaman proses",
     "pdf,jpg,png", [("Website/media sosial", 2), ("Web aplikasi", 4), ("Web aplikasi + aplikasi mobile", 6)]),
    (16, "Replikasi",
     "PKS/MoU/surat pernyataan pemda yang mereplikasi (T-2..T-1)",
     "pdf", [("1 kali", 3), ("2 kali", 6), ("3 kali", 9)]),
    (17, "Kecepatan Inovasi (penciptaan)",
     "Proposal/laporan dengan tahapan dan lama waktu",
     "pdf", [("9 bulan atau lebih", 2), ("5–8 bulan", 4), ("1–4 bulan", 6)]),
    (18, "Kemanfaatan Inovasi",
     "Daftar penerima manfaat atau tangkapan layar jumlah pengguna (2 tahun)",
     "pdf,jpg,png", [("1–100 orang", 3), ("101–200 orang", 6), ("201 orang atau lebih", 9)]),
    (19, "Monitoring & Evaluasi",
     "Tangkapan layar testimoni atau laporan SKM/penelitian",
     "pdf,jpg,png", [("Monev internal PD", 2), ("Survei Kepuasan Masyarakat", 4), ("Monev eksternal/penelitian", 6)]),
    (20, "Kualitas Inovasi Daerah",
     "Video ≤ 5 menit (mp4/MOV atau tautan Drive/YouTube); substansi: latar belakang, penjaringan ide, pemilihan ide, manfaat, dampak",
     "mp4,mov", [("Video memuat 1–2 dari 5 substansi", 4), ("3–4 substansi", 8), ("Kelima substansi", 12)]),
]  # fmt: skip

# Predikat 2023 (BSKDN slides): bands of the index 0–100.
PREDIKAT = [
    ("Sangat Inovatif", Decimal("60.01"), Decimal("100.00")),
    ("Inovatif", Decimal("35.00"), Decimal("60.00")),
    ("Kurang Inovatif", Decimal("0.01"), Decimal("34.99")),
    ("Tidak Dapat Dinilai", Decimal("0.00"), Decimal("0.00")),
]

TEMATIK = [
    "Digitalisasi layanan pemerintahan",
    "Penanggulangan kemiskinan",
    "Kemudahan investasi",
    "Prioritas aktual presiden",
    "Non tematik",
]


def seed_iid_2023(tahun_m, indikator_m, parameter_m, predikat_m, tematik_m) -> None:
    """Idempotent; takes the models so a data migration can pass historical ones."""
    tahun, _ = tahun_m.objects.get_or_create(
        tahun=TAHUN, defaults={"keterangan": "Tabel IID 2023 (maks. 111 per inovasi)"}
    )
    for nomor, nama, bukti, berkas, params in INDIKATOR:
        indikator, _ = indikator_m.objects.update_or_create(
            tahun=tahun,
            nomor=nomor,
            defaults={"nama": nama, "bukti": bukti, "jenis_berkas": berkas},
        )
        for urutan, (p_nama, bobot) in enumerate(params, start=1):
            parameter_m.objects.update_or_create(
                indikator=indikator, urutan=urutan, defaults={"nama": p_nama, "bobot": bobot}
            )
    for nama, bawah, atas in PREDIKAT:
        predikat_m.objects.update_or_create(
            tahun=tahun, nama=nama, defaults={"batas_bawah": bawah, "batas_atas": atas}
        )
    for urutan, nama in enumerate(TEMATIK, start=1):
        tematik_m.objects.update_or_create(tahun=tahun, nama=nama, defaults={"urutan": urutan})
