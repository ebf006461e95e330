"""The Kampung KB profile as the internal page, the public page and the
Profil Kampung KB document (``reports.documents.profil_kampung``) show it:
snapshots, class, charts, Sarana dan Prasarana, the region chain."""

from __future__ import annotations

from villages import classification
from villages.indicators import kkbpk_indikator, piramida
from villages.models import KampungKB, Wilayah
from villages.selectors import SkPokja, current_snapshots, lintas_sektor_of, masukan, sk_pokja


def profile_context(kampung: KampungKB) -> dict:
    """What the internal and the public page share: snapshots, class, charts."""
    snaps = current_snapshots(kampung)
    riwayat_kelas = list(kampung.klasifikasi.order_by("-periode")[:12])
    # Services and the interventions app keep the stored count fresh
    # (klasifikasi_refresh); count live only when nothing is stored yet.
    stored = riwayat_kelas[0].nilai if riwayat_kelas else {}
    if "proses_lintas_sektor" in stored:
        lintas = stored["proses_lintas_sektor"]
    else:
        lintas = lintas_sektor_of(kampung)
    m = masukan(snaps["profil"], snaps["penduduk"], snaps["kkbpk"], lintas)
    hasil = classification.klasifikasi(m)
    rincian = hasil.rincian()
    sk = sk_pokja(snaps["profil"], getattr(kampung, "pokja", None))
    return {
        "kampung": kampung,
        "snaps": snaps,
        "hasil": hasil,
        # No snapshot, no class (as klasifikasi_refresh stores it): "belum diklasifikasi".
        "kelas": hasil.kelas if any(snaps.values()) else "",
        "jalur": classification.jalur_naik(hasil, m),
        "indeks": [
            {
                "kode": ix,
                "nilai": hasil.indeks[ix],
                "lulus": hasil.indeks[ix] >= classification.LULUS,
                "rincian": [r for r in rincian if r["indeks"] == ix],
            }
            for ix in classification.INDEKS
        ],
        "kkbpk": kkbpk_indikator(snaps["penduduk"], snaps["kkbpk"]),
        "piramida": piramida(snaps["penduduk"]),
        "potensi": list(kampung.potensi.all()),
        "riwayat_kelas": riwayat_kelas,
        "profil_items": profil_items(snaps["profil"], sk),
        "sk_pokja": sk,
    }


def profil_items(profil, sk: SkPokja | None = None) -> list[tuple[str, bool]]:
    """ "Sarana dan Prasarana" and "Dukungan" tiles: Ada / Tidak Ada; the SK
    Pokja as ``selectors.sk_pokja`` answers it (flag or recorded SK)."""
    if profil is None:
        return []
    fields = ["ada_bkb", "ada_bkr", "ada_bkl", "ada_uppka", "ada_pik_r", "ada_sekretariat"]
    fields += ["ada_rumah_dataku", "pokja_ada", "pokja_sk", "plkb_pendamping", "regulasi_ada"]
    fields += ["rkm_ada", "penggunaan_data_ada"]
    values = {f: getattr(profil, f) for f in fields}
    if sk is not None:
        values["pokja_sk"] = sk.ada
    return [(profil._meta.get_field(f).verbose_name, values[f]) for f in fields]


def lineage_of(kampung: KampungKB) -> list[Wilayah]:
    """Provinsi → desa from the select_related chain (no extra query)."""
    chain, wilayah = [], kampung.desa
    while wilayah is not None:
        chain.insert(0, wilayah)
        wilayah = wilayah.induk
    return chain


# One query for the kampung, its region chain (breadcrumb) and its pokja.
PAGE_QUERYSET = KampungKB.objects.select_related("desa__induk__induk__induk", "pokja")
