"""Computed Kampung KB indicators for pages (domain.md §3.2) and the pyramid chart."""

from __future__ import annotations

from villages import classification as c
from villages.choices import KELUARGA, POKTAN_PENYEBUT, RENTANG_USIA
from villages.models import KkbpkKampung, PendudukKampung

METODE = [("kb_iud", "IUD"), ("kb_mow", "MOW"), ("kb_mop", "MOP"), ("kb_kondom", "Kondom")]
METODE += [("kb_implan", "Implan"), ("kb_suntik", "Suntik"), ("kb_pil", "PIL")]


def kkbpk_indikator(penduduk: PendudukKampung | None, kkbpk: KkbpkKampung | None) -> dict | None:
    """CPR, MKJP %, unmet need, mix and participation per poktan (whole percents, as official).

    Without a Penduduk snapshot CPR and MKJP are unknown (None), as in the classification."""
    if kkbpk is None:
        return None
    pus = penduduk.pus if penduduk else 0
    peserta = kkbpk.peserta_kb
    ikut = kkbpk.ikut()
    partisipasi = []
    for poktan, alias in POKTAN_PENYEBUT.items():
        penyebut = getattr(penduduk, alias) if penduduk else 0
        partisipasi.append(
            {
                "poktan": poktan.label,
                "ikut": ikut[poktan],
                "penyebut": penyebut,
                "penyebut_nama": KELUARGA[alias],
                "persen": c.partisipasi(ikut[poktan], penyebut),
            }
        )
    return {
        "pus": pus,
        "peserta": peserta,
        "bukan_peserta": kkbpk.bukan_peserta,
        "cpr": c.cpr_persen(peserta, pus) if penduduk else None,
        "mkjp": c.mkjp_persen(kkbpk.peserta_mkjp, peserta) if penduduk else None,
        "unmet": c.unmet_persen(kkbpk.unmet, pus),
        "bpjs": kkbpk.pengguna_bpjs,
        "mix": [
            {
                "metode": label,
                "n": getattr(kkbpk, f),
                "persen": c.persen_bulat(getattr(kkbpk, f), peserta),
            }
            for f, label in METODE
        ],
        "partisipasi": partisipasi,
    }


def piramida(
    penduduk: PendudukKampung | None, lebar: int = 320, tinggi_baris: int = 14
) -> dict | None:
    """Coordinates of a population pyramid drawn as server-side SVG (oldest band on top)."""
    if penduduk is None:
        return None
    pria, wanita = penduduk.pria, penduduk.wanita
    maks = max([*pria, *wanita, 1])
    tengah, sisi, atas = lebar // 2, lebar // 2 - 44, 18
    baris = []
    for row, i in enumerate(reversed(range(len(RENTANG_USIA)))):
        y = atas + row * tinggi_baris
        lp = round(pria[i] / maks * sisi)
        lw = round(wanita[i] / maks * sisi)
        baris.append(
            {
                "label": RENTANG_USIA[i].replace(" Tahun", ""),
                "pria": pria[i],
                "wanita": wanita[i],
                "y": y,
                "y_teks": y + tinggi_baris - 4,
                "x_pria": tengah - 18 - lp,
                "lebar_pria": lp,
                "x_wanita": tengah + 18,
                "lebar_wanita": lw,
            }
        )
    return {
        "lebar": lebar,
        "tinggi": atas + len(RENTANG_USIA) * tinggi_baris + 4,
        "tengah": tengah,
        "tinggi_bar": tinggi_baris - 3,
        "baris": baris,
        "jumlah_pria": sum(pria),
        "jumlah_wanita": sum(wanita),
        "jumlah": penduduk.jumlah_jiwa,
    }
