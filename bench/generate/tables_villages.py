"""Kampung KB and their yearly data: Pokja, potentials, the Profil / Penduduk /
KKBPK snapshots. One function per table, called in this order (PostgreSQL's
``random()`` sequence, seeded once, runs through them)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from bench.generate.sql import (
    arr,
    copy_rows,
    execute,
    insert_select,
    json_object_slice,
    json_slice,
    json_text,
)
from kampungkb.periods import Periode

KAMPUNG_COLUMNS = [
    "desa_id",
    "nama",
    "tanggal_pencanangan",
    "cakupan_wilayah",
    "gambaran_umum",
    "visi",
    "misi",
    "faktor_pendukung",
    "faktor_penghambat",
    "kriteria",
    "updated_at",
]


def kampung(regions, rng, progress) -> None:
    """One Kampung KB per desa (COPY); the first of each kabupaten is its percontohan."""
    from villages.models import KampungKB

    progress.step("Kampung KB")
    now = timezone.now()
    misi = ["Meningkatkan kesertaan KB", "Menguatkan ketahanan keluarga"]
    rows = []
    for kode, nama in regions.desa:
        jenis = "Kelurahan" if kode.rsplit(".", 1)[1].startswith("1") else "Desa"
        tanggal = dt.date(2016 + rng.randrange(9), rng.randrange(1, 13), rng.randrange(1, 28))
        rows.append(
            (
                kode,
                f"Kampung KB {jenis} {nama}"[:150],
                tanggal,
                "Desa",
                f"Kampung KB {jenis} {nama} dibentuk untuk mendekatkan layanan KB dan "
                "pembangunan keluarga kepada masyarakat.",
                "Keluarga berkualitas, sehat dan sejahtera.",
                misi,
                ["Dukungan kepala desa"],
                ["Anggaran terbatas"],
                ["Kriteria 1"],
                now,
            )
        )
    n = copy_rows(
        KampungKB,
        KAMPUNG_COLUMNS,
        ((*r[:6], *(json_text(v) for v in r[6:10]), r[10]) for r in rows),
        progress,
        len(rows),
    )
    progress.count("kampung", n)
    # One percontohan per kabupaten: the first Kampung KB of each.
    execute(
        "UPDATE villages_kampungkb k SET percontohan_kabupaten = true FROM ("
        " SELECT DISTINCT ON (left(desa_id, 5)) id FROM villages_kampungkb"
        " ORDER BY left(desa_id, 5), desa_id) f WHERE k.id = f.id"
    )


def snapshot_periods(periods: list[Periode]) -> list[Periode]:
    """Yearly data: a snapshot at the start of the window and each January after."""
    return [periods[0]] + [p for p in periods[1:] if p.month == 1]


def snapshot_sql(periods: list[Periode]) -> str:
    """The snapshot months as an SQL ``VALUES`` list ``s(periode, n)``."""
    snap = snapshot_periods(periods)
    values = ", ".join(f"(DATE '{p.first_day}', {i})" for i, p in enumerate(snap))
    return f"(VALUES {values}) AS s(periode, n)"


def pokja(progress) -> None:
    from villages.models import Pokja

    progress.step("pokja dan potensi")
    n = insert_select(
        Pokja,
        {
            "kampung_id": "k.id",
            "sk_nomor": "'400/' || k.id || '/SK/2023'",
            "sk_tanggal": "DATE '2023-01-16'",
            "sk_penerbit": "'Kepala Desa'",
        },
        "villages_kampungkb k",
    )
    progress.count("pokja", n)


def anggota_pokja(progress) -> None:
    from villages.models import AnggotaPokja

    jabatan = ["Ketua", "Sekretaris", "Bendahara"]
    n = insert_select(
        AnggotaPokja,
        {
            "pokja_id": "p.id",
            "nama": "'Anggota Pokja ' || p.id || '-' || j.n",
            "jabatan": f"({arr(jabatan)})[j.n]",
            "terlatih": "random() < 0.6",
            "urutan": "j.n",
        },
        "villages_pokja p CROSS JOIN generate_series(1, 3) AS j(n)",
    )
    progress.count("anggota_pokja", n)


def potensi(progress) -> None:
    from villages.models import PotensiDesa

    n = insert_select(
        PotensiDesa,
        {
            "kampung_id": "k.id",
            "kategori": "(ARRAY['ukm', 'kuliner', 'wisata', 'pertanian'])[1 + (k.id + j.n) % 3]",
            "nama": "'Potensi ' || j.n || ' ' || k.nama",
            "urutan": "j.n",
        },
        "villages_kampungkb k CROSS JOIN generate_series(1, 2) AS j(n)",
    )
    progress.count("potensi", n)


# Each village has a latent "maturity" q in [0, 1) (from its id, so stable
# across snapshots) that raises the odds of every input and process item
# and the KKBPK figures, and each later snapshot is a little better: every
# class and every sub-score band occurs, most villages Dasar/Berkembang.
QUALITY = (
    "CROSS JOIN LATERAL (SELECT least(0.99, (hashint8(k.id) & 65535) / 65536.0 "
    "+ 0.08 * s.n) AS q, random() AS r1, random() AS r2, random() AS r3, "
    "random() AS r4, random() AS r5, random() AS r6, random() AS r7, "
    "random() AS r8 WHERE k.id IS NOT NULL) v"
)


def profil_exprs() -> dict[str, str]:
    from kampungkb.domain import SumberDana
    from villages.choices import Operasional, PenggunaanData

    sumber = arr(list(SumberDana.values))
    penggunaan = arr(list(PenggunaanData.values))
    operasional = arr(list(Operasional.values))
    return {
        "kampung_id": "k.id",
        "periode": "s.periode",
        "dibuat_pada": "s.periode + interval '5 days'",
        "ada_bkb": "v.r1 < 0.5 + 0.6 * v.q",
        "ada_bkr": "v.r2 < 0.4 + 0.6 * v.q",
        "ada_bkl": "v.r3 < 0.35 + 0.6 * v.q",
        "ada_uppka": "v.r4 < 0.3 + 0.7 * v.q",
        "ada_pik_r": "v.r5 < 0.25 + 0.7 * v.q",
        "ada_sekretariat": "v.r6 < 0.35 + 0.6 * v.q",
        "ada_rumah_dataku": "v.r7 < 0.1 + 0.6 * v.q",
        "sumber_dana": json_slice(sumber, "floor(v.r8 * (1.2 + 6 * v.q))"),
        "pokja_ada": "v.r1 < 0.4 + 0.6 * v.q",
        "pokja_sk": "v.r1 < 0.3 + 0.6 * v.q",
        "pokja_jumlah": "CASE WHEN v.r1 < 0.4 + 0.6 * v.q "
        "THEN floor(v.r2 * 3 * (1 + 5 * v.q))::int END",
        "pokja_pelatihan": "v.r3 < 0.1 + 0.7 * v.q",
        "pokja_jumlah_terlatih": "CASE WHEN v.r1 < 0.4 + 0.6 * v.q "
        "THEN floor(v.r2 * 3 * (1 + 5 * v.q) * v.r4)::int END",
        "plkb_pendamping": "v.r5 < 0.3 + 0.6 * v.q",
        "regulasi_ada": "v.r6 < 0.2 + 0.6 * v.q",
        "rkm_ada": "v.r7 < 0.2 + 0.6 * v.q",
        "penggunaan_data_ada": "v.r8 < 0.35 + 0.65 * v.q",
        "penggunaan_data": json_slice(penggunaan, "floor((0.3 + 0.7 * v.r3) * (1.2 + 5 * v.q))"),
        "operasional": json_object_slice(
            operasional, "floor((0.4 + 0.6 * v.r4) * (1.6 + 5 * v.q))"
        ),
    }


def profil(periods: list[Periode], progress) -> None:
    from villages.models import ProfilKampung

    progress.step("snapshot profil, penduduk, KKBPK")
    n = insert_select(
        ProfilKampung,
        profil_exprs(),
        f"villages_kampungkb k CROSS JOIN {snapshot_sql(periods)} {QUALITY}",
    )
    progress.count("snapshot_profil", n)


def penduduk(periods: list[Periode], progress) -> None:
    """Population: a village of ~1,500–5,000 people, bands shrinking with age."""
    from villages.models import PendudukKampung

    exprs = {
        "kampung_id": "k.id",
        "periode": "s.periode",
        "dibuat_pada": "s.periode + interval '5 days'",
    }
    for i in range(16):
        weight = max(16 - i, 2) * 10
        exprs[f"pria_{i}"] = f"({weight} * b.scale)::int + (random() * 20)::int"
        exprs[f"wanita_{i}"] = f"({weight} * b.scale)::int + (random() * 20)::int"
    exprs |= {
        "keluarga": "(450 * b.scale)::int",
        "pus": "(300 * b.scale)::int",
        "remaja": "(250 * b.scale)::int",
        "memiliki_balita": "(120 * b.scale)::int",
        "memiliki_remaja": "(150 * b.scale)::int",
        "memiliki_lansia": "(100 * b.scale)::int",
    }
    n = insert_select(
        PendudukKampung,
        exprs,
        f"villages_kampungkb k CROSS JOIN {snapshot_sql(periods)} "
        "CROSS JOIN LATERAL (SELECT 1.0 + 2.5 * random() + 0 * k.id AS scale) b",
    )
    progress.count("snapshot_penduduk", n)


def kkbpk(progress) -> None:
    from villages.models import KkbpkKampung

    n = insert_select(KkbpkKampung, kkbpk_exprs(), kkbpk_from())
    progress.count("snapshot_kkbpk", n)


def kkbpk_from() -> str:
    """Per Penduduk snapshot: users, MKJP users and unmet need drawn around the
    village's maturity; the methods and the reasons then add up to the PUS."""
    return (
        "villages_pendudukkampung p JOIN villages_kampungkb k ON k.id = p.kampung_id "
        "CROSS JOIN LATERAL (SELECT least(0.99, (hashint8(k.id) & 65535) / 65536.0) AS q, "
        "random() AS r1, random() AS r2, random() AS r3 WHERE p.id IS NOT NULL) v "
        "CROSS JOIN LATERAL (SELECT round(p.pus * (0.2 + 0.4 * v.q * (0.5 + 0.7 * v.r1)))::int"
        " AS peserta) a "
        "CROSS JOIN LATERAL (SELECT least(a.peserta, round(a.peserta * (0.1 + 0.2 * v.r2)))::int"
        " AS mkjp, least(p.pus - a.peserta,"
        " round(p.pus * (0.03 + 0.13 * (1 - v.q) * (0.5 + 0.7 * v.r3))))::int"
        " AS unmet) b"
    )


def kkbpk_exprs() -> dict[str, str]:
    non_mkjp = "(a.peserta - b.mkjp)"
    bukan = "(p.pus - a.peserta - b.unmet)"  # non-users not in unmet need
    return {
        "kampung_id": "k.id",
        "periode": "p.periode",
        "dibuat_pada": "p.periode + interval '5 days'",
        "kb_iud": "(b.mkjp * 0.35)::int",
        "kb_mow": "(b.mkjp * 0.15)::int",
        "kb_mop": "(b.mkjp * 0.05)::int",
        "kb_implan": "b.mkjp - (b.mkjp * 0.35)::int - (b.mkjp * 0.15)::int - (b.mkjp * 0.05)::int",
        "kb_kondom": f"({non_mkjp} * 0.1)::int",
        "kb_pil": f"({non_mkjp} * 0.3)::int",
        "kb_suntik": f"{non_mkjp} - ({non_mkjp} * 0.1)::int - ({non_mkjp} * 0.3)::int",
        "non_hamil": f"({bukan} * 0.4)::int",
        "non_anak_segera": f"{bukan} - ({bukan} * 0.4)::int",
        "non_anak_kemudian": "(b.unmet * 0.55)::int",
        "non_tidak_ingin_anak": "b.unmet - (b.unmet * 0.55)::int",
        "pengguna_bpjs": "(p.pus * 0.4)::int",
        "ikut_bkb": "(p.memiliki_balita * (0.05 + 0.7 * v.q * (0.3 + 0.7 * v.r1)))::int",
        "ikut_bkr": "(p.memiliki_remaja * (0.04 + 0.6 * v.q * (0.3 + 0.7 * v.r2)))::int",
        "ikut_bkl": "(p.memiliki_lansia * (0.04 + 0.6 * v.q * (0.3 + 0.7 * v.r3)))::int",
        "ikut_uppka": "(p.keluarga * (0.02 + 0.3 * v.q * (0.3 + 0.7 * v.r1)))::int",
        "ikut_pik_r": "(p.remaja * (0.03 + 0.5 * v.q * (0.3 + 0.7 * v.r2)))::int",
    }
