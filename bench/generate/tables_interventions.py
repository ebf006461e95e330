"""Cross-sector interventions and their agencies, innovations (IID) with
evidence, and flagship local innovations. One function per table, called in
this order (PostgreSQL's ``random()`` sequence, seeded once, runs through them)."""

from __future__ import annotations

from django.utils import timezone

from bench.generate.sql import arr, execute, insert_select
from kampungkb.periods import Periode

SEKSI = [
    "Keagamaan",
    "Pendidikan",
    "Reproduksi",
    "Ekonomi",
    "Perlindungan",
    "Kasih Sayang",
    "Sosial Budaya",
    "Pembinaan Lingkungan",
]


def official_instansi() -> list[int]:
    from interventions.models import Instansi

    return list(Instansi.objects.filter(kabupaten=None).values_list("id", flat=True))


def intervensi(first: Periode, last: Periode, instansi: list[int], progress) -> None:
    """0–6 per Kampung KB over the window (3 on average), each by one to three agencies."""
    from interventions.models import Intervensi

    ids = arr(instansi, "bigint")
    days = (min(last.last_day, timezone.localdate()) - first.first_day).days
    n = insert_select(
        Intervensi,
        {
            "kampung_id": "k.id",
            "judul": f"'Kegiatan ' || ({arr(SEKSI)})[1 + (k.id + j.n) % 8] || ' di ' || k.nama",
            "tanggal": f"DATE '{first.first_day}' + floor(random() * {days})::int",
            "tempat": "'Balai Desa'",
            "deskripsi": "'Kegiatan lintas sektor bersama keluarga sasaran di Kampung KB.'",
            "jenis": "'Kegiatan'",
            "seksi": f"({arr(SEKSI)})[1 + (k.id * 7 + j.n) % 8]",
            "sasaran": "'[\"PUS\"]'::jsonb",
            "target_poktan": "'[]'::jsonb",
            "sumber_dana": "'APBD'",
            "anggaran": "(1 + (k.id + j.n) % 20) * 500000",
            "penerima_manfaat": "10 + (k.id + j.n) % 90",
            "status": "'selesai'",
            "instansi_pemilik_id": f"({ids})[1 + (k.id + j.n) % {len(instansi)}]",
            "created_at": "now()",
            "updated_at": "now()",
        },
        "villages_kampungkb k CROSS JOIN generate_series(1, 6) AS j(n) "
        # about one village in twelve has had no cross-sector activity yet
        "WHERE (hashint8(k.id * 8 + j.n) & 1023) < 512 AND (hashint8(k.id) >> 16) % 12 <> 0",
    )
    progress.count("intervensi", n)


def intervensi_instansi(instansi: list[int], progress) -> None:
    from interventions.models import Intervensi

    ids = arr(instansi, "bigint")
    through = Intervensi.instansi.through
    n = execute(
        f'INSERT INTO "{through._meta.db_table}" (intervensi_id, instansi_id) '
        f"SELECT DISTINCT i.id, ({ids})[1 + (i.id * 3 + s.n * 5) % {len(instansi)}] "
        "FROM interventions_intervensi i CROSS JOIN generate_series(0, 2) AS s(n) "
        "WHERE s.n = 0 OR (i.id + s.n) % 3 = 0"
    )
    progress.count("intervensi_instansi", n)


def inovasi(tahun_id: int, instansi: list[int], progress) -> None:
    """One innovation for every 25 Kampung KB, placed in its desa."""
    from interventions.models import Inovasi

    ids = arr(instansi, "bigint")
    n = insert_select(
        Inovasi,
        {
            "wilayah_id": "k.desa_id",
            "nama": "'INOVASI ' || k.id",
            "kepanjangan": "'Inovasi Keluarga Berkualitas ' || k.nama",
            "perangkat_daerah_id": f"({ids})[1 + k.id % {len(instansi)}]",
            "tahapan": "(ARRAY['Inisiatif', 'Uji Coba', 'Penerapan'])[1 + k.id % 3]",
            "inisiator": "'OPD'",
            "jenis": "'Non Digital'",
            "bentuk": "'Inovasi Pelayanan Publik'",
            "tahun_iid_id": str(tahun_id),
            "urusan_utama": "'Pengendalian penduduk dan keluarga berencana'",
            "urusan_lain": "'[]'::jsonb",
            "tujuan_khusus": "'[\"Meningkatkan kesertaan KB\"]'::jsonb",
            "rancang_bangun": "repeat('Rancang bangun inovasi untuk keluarga. ', 20)",
            "tujuan_umum": "'Meningkatkan kualitas keluarga.'",
            "manfaat": "'Keluarga lebih sejahtera.'",
            "hasil": "'Kesertaan KB naik.'",
            "waktu_uji_coba": "DATE '2024-01-15'",
            "waktu_implementasi": "DATE '2024-06-01'",
            "created_at": "now()",
            "updated_at": "now()",
        },
        "villages_kampungkb k WHERE k.id % 25 = 1",
    )
    progress.count("inovasi", n)


def inovasi_links() -> None:
    """Each innovation linked to the Kampung KB of its desa and its latest intervention."""
    from interventions.models import Inovasi

    link = Inovasi.kampung.through
    execute(
        f'INSERT INTO "{link._meta.db_table}" (inovasi_id, kampungkb_id) '
        "SELECT i.id, k.id FROM interventions_inovasi i "
        "JOIN villages_kampungkb k ON k.desa_id = i.wilayah_id"
    )
    link_i = Inovasi.intervensi.through
    execute(
        f'INSERT INTO "{link_i._meta.db_table}" (inovasi_id, intervensi_id) '
        "SELECT DISTINCT ON (i.id) i.id, v.id FROM interventions_inovasi i "
        "JOIN villages_kampungkb k ON k.desa_id = i.wilayah_id "
        "JOIN interventions_intervensi v ON v.kampung_id = k.id ORDER BY i.id, v.tanggal DESC"
    )


def bukti_iid(progress) -> None:
    """Evidence for about two indicators in three, first parameter's weight;
    the innovations' maturity scores follow."""
    from interventions.models import BuktiIID

    n = insert_select(
        BuktiIID,
        {
            "inovasi_id": "i.id",
            "indikator_id": "ind.id",
            "parameter_id": "par.id",
            "bobot": "par.bobot",
            "nomor_surat": "'050/' || i.id || '/' || ind.nomor",
            "tanggal_surat": "DATE '2024-03-01'",
            "tentang": "'Dukungan ' || ind.nama",
            "updated_at": "now()",
        },
        "interventions_inovasi i JOIN interventions_indikatoriid ind "
        "ON ind.tahun_id = i.tahun_iid_id AND (i.id + ind.nomor) % 3 <> 0 "
        "JOIN LATERAL (SELECT id, bobot FROM interventions_parameteriid "
        "WHERE indikator_id = ind.id ORDER BY urutan LIMIT 1) par ON true",
    )
    progress.count("bukti_iid", n)
    execute(
        "UPDATE interventions_inovasi i SET skor_kematangan = b.total FROM ("
        " SELECT inovasi_id, sum(bobot) AS total FROM interventions_buktiiid GROUP BY inovasi_id"
        ") b WHERE b.inovasi_id = i.id"
    )


def inovasi_unggulan(progress) -> None:
    from interventions.models import InovasiUnggulan

    n = insert_select(
        InovasiUnggulan,
        {
            "kampung_id": "k.id",
            "nama": "'Dapur Sehat ' || k.id",
            "singkatan": "'DS'",
            "deskripsi": "'Dapur bersama untuk keluarga berisiko stunting.'",
            "inisiator": "'Pokja Kampung KB'",
            "sumber_inisiatif": "'Masyarakat'",
            "urutan": "1",
        },
        "villages_kampungkb k WHERE k.id % 3 = 0",
    )
    progress.count("inovasi_unggulan", n)


def run(first: Periode, last: Periode, progress) -> None:
    """The tables above in order; none without official agencies, no
    innovation without an IID year."""
    from interventions.models import TahunIID

    progress.step("intervensi")
    instansi = official_instansi()
    if not instansi:
        return
    intervensi(first, last, instansi, progress)
    intervensi_instansi(instansi, progress)
    progress.step("inovasi")
    tahun = TahunIID.objects.order_by("-tahun").first()
    if tahun is None:
        return
    inovasi(tahun.pk, instansi, progress)
    inovasi_links()
    bukti_iid(progress)
    inovasi_unggulan(progress)
