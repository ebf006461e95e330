"""Plausible snapshot data for tests (numbers consistent with each other)."""

from villages.choices import RENTANG_USIA


def penduduk_data(pus: int = 100, jiwa_per_band: int = 10, **extra) -> dict:
    data = {}
    for i in range(len(RENTANG_USIA)):
        data[f"pria_{i}"] = jiwa_per_band
        data[f"wanita_{i}"] = jiwa_per_band
    data |= {
        "pus": pus,
        "keluarga": 120,
        "remaja": 60,
        "memiliki_balita": 40,
        "memiliki_remaja": 50,
        "memiliki_lansia": 30,
    }
    return data | extra


def profil_data(**extra) -> dict:
    data = {
        "ada_bkb": True,
        "ada_bkr": True,
        "ada_bkl": True,
        "ada_uppka": True,
        "ada_pik_r": True,
        "ada_sekretariat": True,
        "ada_rumah_dataku": True,
        "sumber_dana": ["APBD", "Dana Desa", "Swadaya Masyarakat"],
        "pokja_ada": True,
        "pokja_sk": True,
        "pokja_jumlah": 15,
        "pokja_pelatihan": True,
        "pokja_pelatihan_desc": "Sosialisasi pengelolaan Kampung KB",
        "pokja_jumlah_terlatih": 10,
        "plkb_pendamping": True,
        "plkb_nip": "198001012005011001",
        "plkb_nama": "PKB Bilah Hulu",
        "plkb_kontak": "081200000000",
        "regulasi_ada": True,
        "regulasi": ["SK Kepala Desa/Lurah tentang Kampung KB"],
        "rkm_ada": True,
        "penggunaan_data_ada": True,
        "penggunaan_data": [
            "PK dan Pemutahiran Data",
            "Data Rutin BKKBN",
            "Potensi Desa",
            "Data Sektoral",
        ],
        "operasional": {
            "Rapat perencanaan kegiatan": "Bulanan",
            "Rapat koordinasi dengan dinas/instansi terkait pendukung kegiatan": "Triwulan",
            "Sosialisasi Kegiatan": "Bulanan",
            "Monitoring dan Evaluasi Kegiatan": "Triwulan",
            "Penyusunan Laporan": "Bulanan",
        },
    }
    return data | extra


def kkbpk_data(peserta: int = 38, pus: int = 100, unmet: int = 20, **extra) -> dict:
    """38 users of 100 PUS (CPR 38 %), the rest not using KB, ``unmet`` of them IAT/TIAL."""
    data = {
        "ikut_bkb": 20,
        "ikut_bkr": 10,
        "ikut_bkl": 10,
        "ikut_uppka": 12,
        "ikut_pik_r": 6,
        "kb_iud": 0,
        "kb_mow": 0,
        "kb_mop": 0,
        "kb_kondom": 0,
        "kb_implan": 8,
        "kb_suntik": peserta - 8 - 10,
        "kb_pil": 10,
        "non_hamil": pus - peserta - unmet,
        "non_anak_segera": 0,
        "non_anak_kemudian": unmet // 2,
        "non_tidak_ingin_anak": unmet - unmet // 2,
        "pengguna_bpjs": 150,
    }
    return data | extra
