"""Demo Kampung KB: Desa Pondok Batu from its source document, plus a few other
desa of Kec. Bilah Hulu with different classes (design.md §1).

From the source document (``seed/000_…txt``), verbatim: the visi, misi 1–6,
the 11 faktor pendukung, the 9 faktor penghambat and the potentials listed
under "Potensi Desa". The document names no Pokja members, no SK number and
no monthly figures: the Pokja is recorded without members (its note says so),
and the monthly Profil/Penduduk/KKBPK snapshots are plausible illustrations
(Pondok Batu's 4.219 jiwa are from domain.md §7), saved through the services
so each month's class is computed, never typed in.

Idempotent: a second run finds everything in place and writes nothing.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.db import transaction

from kampungkb.periods import Periode
from villages import services
from villages.choices import RENTANG_USIA
from villages.imports import import_wilayah
from villages.models import KampungKB, Pokja, PotensiDesa, Wilayah
from villages.selectors import JENIS

PONDOK_BATU = "12.10.09.2009"
WILAYAH_CSV = Path(__file__).resolve().parent / "fixtures" / "wilayah_labuhanbatu.csv"


def seed_wilayah() -> str:
    """Regions of Kab. Labuhanbatu (the demo users' scopes); run before the users."""
    with WILAYAH_CSV.open(encoding="utf-8", newline="") as stream:
        result = import_wilayah(stream)
    return f"wilayah: dibuat {result.created}, tidak berubah {result.unchanged}"


VISI = (
    "Menjadi pelopor bagi terwujudnya Keluarga kecil yang sejahtera dan berkualitas di "
    "Kecamatan Bilah Hulu pada umumnya dan desa Pondok Batu pada khususnya."
)
MISI = [
    "Membentuk kepengurusan Kampung KB yang dikukuhkan dengan keputusan",
    "Menyiapkan sasaran pembinaan yang terdiri dari :Para keluarga yang mempunyai anak Balita, "
    "Remaja, dan Lansia serta PIK Remaja dan Kelompok Kegiatan lainnya",
    "Menyiapkan Metode dan Materi Pembinaan serta Penyuluhan kepada sasaran",
    "Melaksanakan pembinaan sesuai dengan metode dan materi yang sudah dipersiapkan",
    "Menyelenggarakan kegiatan administrantif dan dokumentasi",
    "Melakukan monitoring dan evaluasi",
]
FAKTOR_PENDUKUNG = [
    "Adanya Kader IMP (PPKBD/SUB PPKBD)",
    "Adanya data Penduduk dan Keluarga",
    "Adanya PKB",
    "Adanya Bidan Desa",
    "Dukungan Toga dan Toma",
    "Adanya Fasilitas Jalan",
    "Dukungan ADD",
    "Adanya Sekolah (SD dan TK/PAUD)",
    "Adanya Posyandu",
    "Adanya Kader",
    "Potensi Desa",
]
FAKTOR_PENGHAMBAT = [
    "Tingkat pendidikan Masyarakat masih rendah",
    "Operasional Kader masih rendah",
    "Tingkat Pendidikan Kader yang masih rendah",
    "Keterlibatan para tokoh dalam setiap kegiatan poktan masih kurang",
    "Jumlah penduduk tinggi dengan kualitas rendah",
    "Kondisi lingkungan yang belum tertata dengan baik",
    "Tingkat semangat atau partisipasi masyarakat tidak stabil",
    "Tingkat pengangguran masih tinggi",
    "Tingkat penelantaran keluarga masih tinggi",
]
# Faktor pendukung (11) "Potensi Desa (…)", item by item, with a category.
POTENSI = [
    ("prestasi", "Kampung KB Terbaik Tingkat Labuhanbatu"),
    ("pendidikan", "Pendidikan ( SD /Paud )"),
    ("wisata", "Wisata water boom"),
    ("olahraga", "Gor Badminton"),
    ("sosial", "Karang Taruna"),
    ("kesehatan", "Posyandu Terintegrasi"),
    ("ukm", "Piring dan lidi hias"),
    ("ukm", "Tas dari barang bekas"),
    ("kuliner", "Keripik Pisang"),
    ("kuliner", "Kerupuk semprong"),
    ("kuliner", "Kue"),
    ("kuliner", "Bolu kering"),
    ("home_industry", "Pembuatan tahu, tempe, dan rengginang"),
    ("ekonomi", "Pasar Rakyat (Pasar Murah)"),
    ("kesehatan", "Dashat (Dapur Sehat Atasi Stunting)"),
    ("lainnya", "Jaringan seluler bersama"),
    ("ekonomi", "Budikdamber"),
    ("pendidikan", "Perpustakaan Desa"),
    ("pendidikan", "PAUD-HI"),
    ("sosial", "Adanya Poktan TRI BINA (BKB,BKR,BKL,UPPKA,PIK-R)"),
    ("lainnya", "Lukisan Mural"),
    ("sosial", "Kampung Nusa"),
    ("sosial", "Kampung Moderasi"),
]
GAMBARAN_UMUM = (
    "Seperti banyak desa-desa di Indonesia, dulunya masalah kependudukan dan kesehatan "
    "reproduksi menjadi hal yang penting di Desa Pondok Batu. Kelahiran yang tidak terencana "
    "dan kelahiran pada usia yang terlalu muda atau terlalu tua seringkali mengakibatkan dampak "
    "yang merugikan bagi keluarga dan masyarakat secara keseluruhan. Untuk mengatasi masalah "
    "ini, pemerintah desa bekerja sama dengan organisasi kesehatan dan keluarga berencana serta "
    "pihak terkait lainnya mencoba untuk memulai program Kampung KB.\n\n"
    "Sebagai bagian dari Daerah Kabupaten Labuhanbatu, visi dan misi Kampuang KB Desa Pondok "
    "Batu senantiasa sejalan dengan visi misi daerah dengan tagline #BOLOLABUHANBATU."
)
POKJA_CATATAN = (
    "Dokumen sumber tidak menyebut nama anggota maupun nomor SK Pokja; hanya misi 1 "
    "“Membentuk kepengurusan Kampung KB yang dikukuhkan dengan keputusan”. Jumlah anggota di "
    "Profil bulanan adalah angka contoh."
)

# Share of the population per age band (sums to 1), a young rural profile.
SEBARAN_UMUR = [
    0.088, 0.090, 0.092, 0.090, 0.085, 0.080, 0.075, 0.072,
    0.068, 0.062, 0.055, 0.045, 0.035, 0.025, 0.018, 0.020,
]  # fmt: skip
OPERASIONAL = [
    "Rapat perencanaan kegiatan",
    "Rapat koordinasi dengan dinas/instansi terkait pendukung kegiatan",
    "Sosialisasi Kegiatan",
    "Monitoring dan Evaluasi Kegiatan",
    "Penyusunan Laporan",
]
DATA = ["PK dan Pemutahiran Data", "Data Rutin BKKBN", "Potensi Desa", "Data Sektoral"]


def penduduk(jiwa: int, pus: int, keluarga: int) -> dict:
    data = {}
    sisa = jiwa
    for i in range(len(RENTANG_USIA)):
        band = round(jiwa * SEBARAN_UMUR[i]) if i < len(RENTANG_USIA) - 1 else sisa
        sisa -= band
        data[f"pria_{i}"] = band // 2 + band % 2
        data[f"wanita_{i}"] = band // 2
    remaja = round(jiwa * 0.26)
    return data | {
        "pus": pus,
        "keluarga": keluarga,
        "remaja": remaja,
        "memiliki_balita": round(keluarga * 0.30),
        "memiliki_remaja": round(keluarga * 0.45),
        "memiliki_lansia": round(keluarga * 0.22),
    }


def profil(poktan: int, dana: list[str], data: int, operasional: int, **extra) -> dict:
    slugs = ["bkb", "bkr", "bkl", "uppka", "pik_r"]
    values = {f"ada_{s}": i < poktan for i, s in enumerate(slugs)}
    values |= {
        "ada_sekretariat": True,
        "ada_rumah_dataku": False,
        "sumber_dana": dana,
        "pokja_ada": True,
        "pokja_sk": True,
        "pokja_jumlah": 0,
        "pokja_pelatihan": False,
        "pokja_pelatihan_desc": "",
        "pokja_jumlah_terlatih": None,
        "plkb_pendamping": True,
        "plkb_nip": "",
        "plkb_pengarah": "",
        "plkb_nama": "PKB Kecamatan Bilah Hulu",
        "plkb_kontak": "",
        "regulasi_ada": False,
        "regulasi": [],
        "rkm_ada": True,
        "penggunaan_data_ada": data > 0,
        "penggunaan_data": DATA[:data],
        "operasional": dict.fromkeys(OPERASIONAL[:operasional], "Bulanan"),
    }
    return values | extra


def kkbpk(pdk: dict, cpr: float, mkjp: float, unmet: float, ikut: float) -> dict:
    """Figures consistent with the Penduduk snapshot: Σ users + Σ non-users = PUS."""
    pus = pdk["pus"]
    peserta = round(pus * cpr)
    jangka_panjang = round(peserta * mkjp)
    belum = round(pus * unmet)
    sisa = pus - peserta - belum
    return {
        "ikut_bkb": round(pdk["memiliki_balita"] * ikut),
        "ikut_bkr": round(pdk["memiliki_remaja"] * ikut * 0.8),
        "ikut_bkl": round(pdk["memiliki_lansia"] * ikut),
        "ikut_uppka": round(pdk["keluarga"] * ikut * 0.5),
        "ikut_pik_r": round(pdk["remaja"] * ikut * 0.6),
        "kb_iud": jangka_panjang // 3,
        "kb_mow": jangka_panjang // 6,
        "kb_mop": 0,
        "kb_implan": jangka_panjang - jangka_panjang // 3 - jangka_panjang // 6,
        "kb_kondom": round((peserta - jangka_panjang) * 0.1),
        "kb_suntik": round((peserta - jangka_panjang) * 0.6),
        "kb_pil": (peserta - jangka_panjang)
        - round((peserta - jangka_panjang) * 0.1)
        - round((peserta - jangka_panjang) * 0.6),
        "non_hamil": sisa // 2,
        "non_anak_segera": sisa - sisa // 2,
        "non_anak_kemudian": belum // 2,
        "non_tidak_ingin_anak": belum - belum // 2,
        "pengguna_bpjs": round(
            sum(pdk[f"{s}_{i}"] for s in ("pria", "wanita") for i in range(16)) * 0.7
        ),
    }


def lerp(a: float, b: float, t: float) -> float:
    return a + (b - a) * t


# desa, nama, pencanangan, plan(month index 0..11 → {jenis: data}) ; see _plan_*.
def _plan_pondok_batu(i: int) -> dict:
    t = i / 11
    plan = {}
    if i in (0, 6):
        plan["penduduk"] = penduduk(4180 + (39 if i == 6 else 0), 790 + 6 * (i == 6), 1120)
    if i == 0:
        plan["profil"] = profil(5, ["APBD", "Dana Desa", "Perusahaan (CSR)"], 2, 3, pokja_jumlah=24)
    if i == 4:
        plan["profil"] = profil(
            5,
            ["APBD", "Dana Desa", "Perusahaan (CSR)"],
            4,
            5,
            pokja_jumlah=24,
            pokja_pelatihan=True,
            pokja_pelatihan_desc="Sosialisasi pengelolaan Kampung KB oleh PKB",
            pokja_jumlah_terlatih=12,
            ada_rumah_dataku=True,
            regulasi_ada=True,
            regulasi=["SK Kepala Desa/Lurah tentang Kampung KB"],
        )
    plan["kkbpk"] = ("pondok", t)
    return plan


OTHERS = [
    # desa, nama, pencanangan, jiwa, pus, keluarga, profil, kkbpk (start, end)
    (
        "12.10.09.2001",
        "Kampung KB Desa Lingga Tiga",
        dt.date(2019, 6, 12),
        (2650, 470, 700),
        profil(2, ["Dana Desa"], 0, 1, pokja_sk=False, plkb_pendamping=False,
               plkb_pengarah="Perangkat Desa/Kelurahan", rkm_ada=False),
        ((0.36, 0.12, 0.15, 0.05), (0.40, 0.14, 0.14, 0.07)),
    ),
    (
        "12.10.09.2003",
        "Kampung KB Desa Pematang Seleng",
        dt.date(2018, 8, 20),
        (3120, 580, 830),
        profil(
            4,
            ["APBD", "Dana Desa"],
            4,
            5,
            pokja_jumlah=15,
            ada_rumah_dataku=True,
            regulasi_ada=True,
            regulasi=["SK Kepala Desa/Lurah tentang Kampung KB"],
        ),
        ((0.38, 0.15, 0.14, 0.08), (0.42, 0.17, 0.13, 0.10)),
    ),
    (
        "12.10.09.2010",
        "Kampung KB Desa Meranti",
        dt.date(2020, 2, 5),
        (2890, 540, 760),
        profil(5, ["APBD", "Dana Desa", "Swadaya Masyarakat"], 1, 2, pokja_jumlah=18,
               pokja_pelatihan=True, pokja_pelatihan_desc="Orientasi Pokja",
               pokja_jumlah_terlatih=9),
        ((0.50, 0.24, 0.08, 0.30), (0.56, 0.26, 0.06, 0.34)),
    ),
    (
        "12.10.09.2006",
        "Kampung KB Desa Emplasemen Aek Nabara",  # 2xxx: a desa, not a kelurahan
        dt.date(2017, 11, 14),
        (5210, 960, 1380),
        profil(5, ["APBD", "Dana Desa", "Perusahaan (CSR)", "Swadaya Masyarakat", "APBN"], 4, 5,
               pokja_jumlah=30, pokja_pelatihan=True, pokja_pelatihan_desc="Pelatihan Pokja",
               pokja_jumlah_terlatih=20, ada_rumah_dataku=True, regulasi_ada=True,
               regulasi=["SK Kepala Desa/Lurah tentang Kampung KB"]),
        ((0.52, 0.24, 0.07, 0.38), (0.58, 0.27, 0.05, 0.45)),
    ),
    ("12.10.09.2007", "Kampung KB Desa Bandar Tinggi", dt.date(2024, 10, 1), None, None, None),
]  # fmt: skip


def _kkbpk_pondok(pdk: dict, t: float) -> dict:
    # Rising towards, but not yet at, the top class: the page shows the path.
    return kkbpk(
        pdk,
        cpr=lerp(0.44, 0.50, t),
        mkjp=lerp(0.18, 0.22, t),
        unmet=lerp(0.12, 0.09, t),
        ikut=lerp(0.18, 0.32, t),
    )


def _ensure_kampung(kode: str, nama: str, pencanangan: dt.date, **fields) -> tuple[KampungKB, bool]:
    """update_or_create keyed on desa, but writing only when something differs."""
    desa = Wilayah.objects.get(kode=kode)
    kampung, created = KampungKB.objects.get_or_create(
        desa=desa, defaults={"nama": nama, "tanggal_pencanangan": pencanangan, **fields}
    )
    wanted = {"nama": nama, "tanggal_pencanangan": pencanangan, **fields}
    changed = [k for k, v in wanted.items() if getattr(kampung, k) != v]
    if changed and not created:
        for k in changed:
            setattr(kampung, k, wanted[k])
        kampung.save(update_fields=changed)
    return kampung, created or bool(changed)


def _ensure_snapshots(kampung: KampungKB, plan_for) -> int:
    """Save the planned snapshots of the last 12 months that are not there yet."""
    start = Periode.current()
    for _ in range(11):
        start = start.prev()
    periode, saved, last_pdk, last_profil = start, 0, None, {}
    for i in range(12):
        plan = plan_for(i)
        last_pdk = plan.get("penduduk", last_pdk)
        last_profil = plan.get("profil", last_profil)
        for jenis in ("profil", "penduduk", "kkbpk"):
            data = plan.get(jenis)
            if data is None:
                continue
            if isinstance(data, tuple):  # ("pondok", t) or ("lain", start, end, t)
                data = (
                    _kkbpk_pondok(last_pdk, data[1])
                    if data[0] == "pondok"
                    else kkbpk(
                        last_pdk,
                        *[lerp(a, b, data[3]) for a, b in zip(data[1], data[2], strict=True)],
                    )
                )
                # Participation only for the poktan the Profil says exist (official rule).
                data |= {
                    f"ikut_{slug}": 0
                    for slug in ("bkb", "bkr", "bkl", "uppka", "pik_r")
                    if not last_profil.get(f"ada_{slug}")
                }
            model = JENIS[jenis]
            if model.objects.filter(kampung=kampung, periode=periode.first_day).exists():
                continue
            services.snapshot_save(
                kampung=kampung,
                jenis=jenis,
                periode=periode,
                data=data,
                expected_version=0,
                by=None,
                check_open=False,
            )
            saved += 1
        periode = periode.next()
    return saved


# What the demo invents for every village (README "Demo data: fact and example"):
# the document gives no pencanangan date, snapshots, registers or intervention dates.
CONTOH = ["tanggal_pencanangan", "profil", "penduduk", "kkbpk", "laporan", "intervensi_tanggal"]


@transaction.atomic
def seed() -> str:
    kampung, changed = _ensure_kampung(
        PONDOK_BATU,
        "Kampung KB Desa Pondok Batu",
        dt.date(2017, 3, 1),
        contoh=CONTOH,
        cakupan_wilayah="Desa",
        gambaran_umum=GAMBARAN_UMUM,
        visi=VISI,
        misi=MISI,
        faktor_pendukung=FAKTOR_PENDUKUNG,
        faktor_penghambat=FAKTOR_PENGHAMBAT,
        percontohan_kabupaten=True,
    )
    if [(p.kategori, p.nama) for p in kampung.potensi.all()] != POTENSI:
        kampung.potensi.all().delete()
        PotensiDesa.objects.bulk_create(
            PotensiDesa(kampung=kampung, kategori=k, nama=n, urutan=i)
            for i, (k, n) in enumerate(POTENSI)
        )
        changed = True
    _pokja, pokja_baru = Pokja.objects.get_or_create(
        kampung=kampung, defaults={"catatan": POKJA_CATATAN}
    )
    saved = _ensure_snapshots(kampung, _plan_pondok_batu)
    made = [kampung.nama] if changed or pokja_baru else []

    for kode, nama, pencanangan, pdk, prof, kb in OTHERS:
        contoh = CONTOH if pdk is not None else ["tanggal_pencanangan"]
        other, other_changed = _ensure_kampung(kode, nama, pencanangan, contoh=contoh)
        if other_changed:
            made.append(nama)
        if pdk is None:
            if other_changed:
                services.klasifikasi_refresh(other)
            continue
        pdk_data = penduduk(*pdk)

        def plan(i, pdk_data=pdk_data, prof=prof, kb=kb):
            out = {"kkbpk": ("lain", kb[0], kb[1], i / 11)}
            if i == 0:
                out |= {"penduduk": pdk_data, "profil": prof}
            return out

        saved += _ensure_snapshots(other, plan)
    return f"Kampung KB diperbarui: {', '.join(made) or 'tidak ada'}; snapshot baru: {saved}"
