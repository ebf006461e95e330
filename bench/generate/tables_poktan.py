"""Poktan, their boards and members, 24 months of registers and meetings.
One function per table, called in this order (PostgreSQL's ``random()``
sequence, seeded once, runs through them)."""

from __future__ import annotations

from django.utils import timezone

from bench.generate.sql import arr, deferred_indexes, insert_select, lit
from kampungkb.periods import Periode

JENIS = ["BKB", "BKR", "BKL", "PIK R", "UPPKA"]
METHODS = ["IUD", "MOW", "MOP", "Kondom", "Implan", "Suntik", "PIL"]
REASONS = ["hamil", "anak_segera", "anak_kemudian", "tidak_ingin_anak"]


def poktan(periods: list[Periode], progress) -> None:
    from poktan.models import Poktan

    progress.step("poktan")
    n = insert_select(
        Poktan,
        {
            "kampung_id": "k.id",
            "jenis": "j.jenis",
            "nama": "j.jenis || ' ' || w.nama",
            "aktif": "true",
            "potensi_tahun": str(periods[-1].year),
            "sumber_dana": "'Dana Desa'",
            "updated_at": "now()",
        },
        "villages_kampungkb k JOIN villages_wilayah w ON w.kode = k.desa_id "
        f"CROSS JOIN unnest({arr(JENIS)}) AS j(jenis)",
    )
    progress.count("poktan", n)


def pengurus(progress) -> None:
    from poktan.models import Pengurus

    n = insert_select(
        Pengurus,
        {"poktan_id": "p.id", "nama": "'Ketua ' || p.nama", "jabatan": "'Ketua'"},
        "poktan_poktan p",
    )
    progress.count("pengurus", n)


def anggota(per_poktan: int, progress) -> None:
    from poktan.models import Anggota

    progress.step("anggota poktan")
    with deferred_indexes(Anggota):
        n = insert_select(
            Anggota,
            {
                "poktan_id": "p.id",
                "nama_kepala_keluarga": "'Kepala Keluarga ' || p.id || '-' || a.n",
                "nomor_kk": "lpad((p.id * 1000 + a.n)::text, 16, '0')",
                "status_pus": "r.r1 < 0.7",
                "metode_kb": f"CASE WHEN r.r1 < 0.45 THEN ({arr(METHODS)})"
                "[1 + floor(r.r2 * 7)::int] ELSE '' END",
                "alasan_tidak_kb": "CASE WHEN r.r1 >= 0.45 AND r.r1 < 0.7 THEN "
                f"({arr(REASONS)})[1 + floor(r.r2 * 4)::int] ELSE '' END",
                "anak_0_1": "CASE WHEN p.jenis = 'BKB' THEN (r.r2 < 0.3)::int ELSE 0 END",
                "anak_2_3": "CASE WHEN p.jenis = 'BKB' THEN (r.r2 > 0.6)::int ELSE 0 END",
                "jumlah_remaja": "CASE WHEN p.jenis IN ('BKR', 'PIK R') THEN 1 ELSE 0 END",
                "jumlah_lansia": "CASE WHEN p.jenis = 'BKL' THEN 1 ELSE 0 END",
                "aktif": "true",
            },
            f"poktan_poktan p CROSS JOIN generate_series(1, {int(per_poktan)}) AS a(n) "
            "CROSS JOIN LATERAL (SELECT random() + 0 * a.n AS r1, random() + 0 * p.id AS r2) r",
        )
    progress.count("anggota", n)


def laporan(periods: list[Periode], progress) -> None:
    """One register per poktan × month; states by the month's age."""
    from poktan.models import Laporan

    progress.step(f"laporan ({len(periods)} bulan × poktan)")
    with deferred_indexes(Laporan):
        n = insert_select(Laporan, laporan_exprs(), f"({laporan_source(periods)}) q")
    progress.count("laporan", n)


def laporan_source(periods: list[Periode]) -> str:
    """Per poktan × month: the state, the first submission time, the member
    count and two random draws (h, x), and the kecamatan's PKB."""
    today = timezone.localdate()
    values = ", ".join(
        f"(DATE '{p.first_day}', {len(periods) - 1 - i})" for i, p in enumerate(periods)
    )
    # Thresholds on r.s: [draf, diajukan, dikembalikan) then diverifikasi, by age k.
    state = (
        "CASE WHEN m.k = 0 THEN (CASE WHEN r.s < 0.45 THEN 'draf' WHEN r.s < 0.80 THEN "
        "'diajukan' WHEN r.s < 0.85 THEN 'dikembalikan' ELSE 'diverifikasi' END) "
        "WHEN m.k = 1 THEN (CASE WHEN r.s < 0.05 THEN 'draf' WHEN r.s < 0.25 THEN 'diajukan' "
        "WHEN r.s < 0.30 THEN 'dikembalikan' ELSE 'diverifikasi' END) "
        "ELSE (CASE WHEN r.s < 0.03 THEN 'draf' WHEN r.s < 0.07 THEN 'diajukan' "
        "WHEN r.s < 0.10 THEN 'dikembalikan' ELSE 'diverifikasi' END) END"
    )
    # First submitted: the month's registers come in early next month (most by
    # the 3rd), the current month's during the month; never in the future.
    submitted = (
        f"least(CASE WHEN m.k = 0 THEN m.periode + (r.t * ({lit(today)}::date - m.periode))"
        " * interval '1 day'"
        " ELSE (m.periode + interval '1 month') + (r.t * r.t * 9) * interval '1 day' END"
        " + interval '9 hours', now() - interval '1 hour')"
    )
    return (
        f"SELECT p.id AS poktan_id, p.jenis, m.periode, m.k, {state} AS status, "
        f"{submitted} AS diajukan, 8 + floor(r.a * 30)::int AS anggota, r.h, r.x, "
        "ku.user_id AS pkb "
        f"FROM poktan_poktan p JOIN villages_kampungkb kk ON kk.id = p.kampung_id "
        f"CROSS JOIN (VALUES {values}) AS m(periode, k) "
        "CROSS JOIN LATERAL (SELECT random() + 0 * p.id AS s, random() + 0 * m.k AS t, "
        "random() + 0 * p.id AS a, random() + 0 * m.k AS h, random() + 0 * p.id AS x) r "
        "LEFT JOIN (SELECT wilayah_id, min(id) AS user_id FROM kampungkb_user "
        "WHERE role = 'petugas_kecamatan' GROUP BY wilayah_id) ku "
        "ON ku.wilayah_id = left(kk.desa_id, 8)"
    )


def laporan_exprs() -> dict[str, str]:
    submitted_states = "('diajukan', 'diverifikasi', 'dikembalikan')"
    exprs = {
        "poktan_id": "q.poktan_id",
        "periode": "q.periode",
        "status": "q.status",
        "version": "CASE q.status WHEN 'draf' THEN 1 WHEN 'diajukan' THEN 2 ELSE 3 END",
        "jumlah_anggota": "q.anggota",
        "keluarga_hadir": "CASE WHEN q.jenis IN ('BKB', 'BKR', 'BKL') "
        "THEN floor(q.anggota * (0.5 + 0.5 * q.h))::int END",
        "anak_dipantau_kka": "CASE WHEN q.jenis = 'BKB' THEN floor(q.x * 15)::int END",
        "kegiatan_informasi": "CASE WHEN q.jenis = 'PIK R' THEN 1 + floor(q.h * 4)::int END",
        "kegiatan_konseling": "CASE WHEN q.jenis = 'PIK R' THEN floor(q.x * 6)::int END",
        "remaja_terjangkau": "CASE WHEN q.jenis = 'PIK R' THEN 10 + floor(q.h * 60)::int END",
        "anggota_aktif": "CASE WHEN q.jenis = 'UPPKA' "
        "THEN floor(q.anggota * (0.6 + 0.4 * q.h))::int END",
        "modal": "CASE WHEN q.jenis = 'UPPKA' THEN (5 + floor(q.x * 45)::bigint) * 100000 END",
        "omzet": "CASE WHEN q.jenis = 'UPPKA' THEN (1 + floor(q.h * 20)::bigint) * 250000 END",
        "kesertaan_kb": "'{}'::jsonb",
        "catatan": "CASE WHEN q.status = 'dikembalikan' "
        "THEN 'Jumlah hadir belum sesuai daftar hadir.' ELSE '' END",
        "diajukan_pada": f"CASE WHEN q.status IN {submitted_states} THEN q.diajukan END",
        "pertama_diajukan_pada": f"CASE WHEN q.status IN {submitted_states} THEN q.diajukan END",
        "diverifikasi_pada": "CASE WHEN q.status = 'diverifikasi' "
        "THEN least(q.diajukan + interval '2 days', now()) END",
        "diverifikasi_oleh_id": "CASE WHEN q.status = 'diverifikasi' THEN q.pkb END",
        "created_at": "q.periode + interval '10 hours'",
        "updated_at": "greatest(q.periode + interval '10 hours', "
        "least(q.diajukan + interval '2 days', now()))",
    }
    return exprs


def pertemuan(periods: list[Periode], progress) -> None:
    from poktan.models import Pertemuan

    progress.step("pertemuan (3 bulan terakhir)")
    n = insert_select(
        Pertemuan,
        {
            "laporan_id": "l.id",
            "tanggal": "l.periode + 1 + (l.id % 20)::int",
            "materi": "'Pertemuan rutin ' || l.periode",
            "narasumber": "'PKB'",
            "jumlah_hadir": "coalesce(l.keluarga_hadir, least(l.jumlah_anggota, 10), 10)",
        },
        f"poktan_laporan l WHERE l.periode >= {lit(periods[max(0, len(periods) - 3)].first_day)}"
        " AND l.status <> 'draf' AND l.periode + 1 + (l.id % 20)::int <= current_date",
    )
    progress.count("pertemuan", n)
