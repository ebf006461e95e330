"""Inpres 3/2022 activity catalogue as far as domain.md §1.5 lists it
(InpresSasaranSeeder): sasaran → program → kegiatan (indikator, penanggung
jawab). Only what the reference names; the full seeder is longer."""

# (nomor, sasaran, [(program, [(kegiatan, indikator, penanggung jawab)])])
KATALOG = [
    (
        1,
        "Penyediaan data dan peningkatan cakupan administrasi kependudukan",
        [
            (
                "Penyediaan data & adminduk",
                [
                    ("Rumah DataKu", "Tersedianya Rumah DataKu", "BKKBN"),
                    ("Pelayanan administrasi kependudukan", "", "BKKBN"),
                ],
            )
        ],
    ),
    (
        2,
        "Peningkatan perubahan perilaku",
        [
            (
                "Advokasi GERMAS & komunikasi perubahan perilaku",
                [
                    ("GERMAS", "", "Kemenkes"),
                    ("PIS-PK", "", "Kemenkes"),
                    (
                        "BKB",
                        "Persentase desa/kel yang melaksanakan kelas BKB tentang pengasuhan "
                        "1.000 HPK dan Persentase Keluarga Balita dan Anak yang Ikut BKB",
                        "",
                    ),
                    ("BKR", "Persentase keluarga ikut pembinaan BKR", ""),
                    ("BKL", "Persentase keluarga yang melaksanakan pendampingan bagi lansia", ""),
                    ("PIK Remaja", "", ""),
                    ("KIE Kespro & KB", "", ""),
                    ("Bimbingan Calon Pengantin", "", "Kemenag"),
                    ("KIE PPA", "", ""),
                    ("ASI eksklusif", "", ""),
                    ("Kawasan Tanpa Rokok", "", ""),
                ],
            )
        ],
    ),
    (
        3,
        "Peningkatan cakupan layanan dan rujukan pada keluarga",
        [
            (
                "Akses layanan kesehatan termasuk KB-KR melalui PKBM/UKBM",
                [
                    ("Penggerakan Pelayanan KB-KR", "", ""),
                    ("Posyandu aktif", "", "Kemendagri"),
                    ("KB pasca persalinan", "", ""),
                ],
            ),
            (
                "Pendampingan keluarga risiko stunting",
                [
                    ("Screening catin", "", ""),
                    ("Pendampingan bumil", "", ""),
                    ("ANC", "", ""),
                    ("TTD", "", ""),
                    ("PMT", "", ""),
                    ("Pemantauan tumbuh kembang balita", "", ""),
                    ("DASHAT", "", ""),
                ],
            ),
            (
                "Akses pendidikan",
                [
                    ("PAUD", "", ""),
                    ("Bantuan pendidikan", "", ""),
                ],
            ),
            (
                "Jaminan & perlindungan sosial",
                [
                    ("P2K2 PKH", "", "Kemensos"),
                    ("PKH/BPNT/PBI", "", ""),
                ],
            ),
            (
                "Pemberdayaan ekonomi keluarga",
                [
                    ("Permodalan koperasi", "", ""),
                    (
                        "Meningkatnya kemandirian ekonomi keluarga",
                        "Persentase keluarga yang berwirausaha",
                        "BKKBN",
                    ),
                    ("Fasilitasi usaha nelayan & benih ikan", "", "KKP"),
                ],
            ),
        ],
    ),
    (
        4,
        "Penataan lingkungan keluarga dan masyarakat",
        [
            (
                "Lingkungan, air minum, sanitasi dasar",
                [
                    ("STBM", "", ""),
                    ("Perumahan & infrastruktur permukiman", "", "PUPR"),
                    ("Pengendalian vektor/jumantik", "", "Kemenkes"),
                ],
            )
        ],
    ),
]


def seed_katalog(sasaran_model, program_model, kegiatan_model) -> None:
    """Idempotent; takes the models so a data migration can pass historical ones."""
    for nomor, nama_sasaran, programs in KATALOG:
        sasaran, _ = sasaran_model.objects.update_or_create(
            nomor=nomor, defaults={"nama": nama_sasaran}
        )
        for p_urutan, (nama_program, kegiatan) in enumerate(programs, start=1):
            program, _ = program_model.objects.update_or_create(
                sasaran=sasaran, nama=nama_program, defaults={"urutan": p_urutan}
            )
            for k_urutan, (nama, indikator, pj) in enumerate(kegiatan, start=1):
                kegiatan_model.objects.update_or_create(
                    program=program,
                    nama=nama,
                    defaults={"urutan": k_urutan, "indikator": indikator, "penanggung_jawab": pj},
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
