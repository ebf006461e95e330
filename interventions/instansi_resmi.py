"""The 37 agencies of the official app's InstansiSeeder, in id order (domain.md §1.2)."""

INSTANSI_RESMI = [
    "Dinas Perhubungan",
    "Dinas Kelautan dan Perikanan",
    "Dinas Pariwisata",
    "Dinas Energi dan Sumber Daya Mineral",
    "Dinas Dukcapil",
    "TNI – POLRI",
    "Kanwil Kementerian Hukum dan HAM",
    "Dinas Kominfo",
    "BUMN dan BUMD",
    "Dinas Koperasi",
    "Dinas Perindustrian",
    "Dinas Perdagangan",
    "Dinas Pertanian",
    "Dinas Ketenagakerjaan",
    "Dinas Pekerjaan Umum dan Perumahan Rakyat",
    "Dinas Kehutanan dan Lingkungan Hidup",
    "Dinas Bina Marga dan Penataan Ruang",
    "Kanwil Kementrian Agama",  # (sic) as in the official seeder
    "Dinas Kesehatan",
    "Dinas Sosial",
    "Dinas PP dan PA",
    "Dinas Pendidikan",
    "Dinas Pemuda dan Olahraga",
    "Dinas Pemberdayaan dan Masyarakat Desa",
    "Pemerintahan Daerah",
    "OPD Pengendalian Penduduk dan KB",
    "Pemerintahan Desa/Lurah",
    "Lembaga Pendidikan",
    "Swasta/Perusahaan",
    "Puskesmas",
    "Rumah Sakit/Klinik",
    "Komponen Masyarakat Kampung KB",
    "BPS",
    "Perwakilan BKKBN",
    "Dinas Ketahanan Pangan",
    "Dinas Peternakan dan Kesehatan Hewan",
    "Lainnya",
]

# The KB agencies themselves: not "lintas sektor" (official classification intent).
INSTANSI_KB = {"OPD Pengendalian Penduduk dan KB", "Perwakilan BKKBN"}


def seed_instansi_resmi(apps=None) -> None:
    """Idempotent: the 37 official agencies in their official order."""
    from django.apps import apps as global_apps

    Instansi = (apps or global_apps).get_model("interventions", "Instansi")
    for urutan, nama in enumerate(INSTANSI_RESMI, start=1):
        Instansi.objects.update_or_create(nama=nama, kabupaten=None, defaults={"urutan": urutan})
