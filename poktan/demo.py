"""Demo poktan of Kampung KB Desa Pondok Batu.

The seed document names "Poktan TRI BINA (BKB,BKR,BKL,UPPKA,PIK-R)" but no
group names, members or figures: names are neutral ("BKB Pondok Batu"),
members and monthly figures are synthetic and deterministic (a seeded random
generator), so running the seed twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from kampungkb import audit
from kampungkb.domain import JenisPoktan, Kontrasepsi, NonKontrasepsi, SumberDana
from kampungkb.models import PeriodeBuka, User
from kampungkb.periods import Periode, due_date
from poktan.models import (
    COMMON_FIELDS,
    JENIS_FIELDS,
    Anggota,
    Keterpaduan,
    Laporan,
    Pengurus,
    Pertemuan,
    Poktan,
    Status,
)

PONDOK_BATU = "12.10.09.2009"
KODE_KK = "121009"  # Labuhanbatu · Bilah Hulu, as on a Kartu Keluarga

POKTAN = [
    (JenisPoktan.BKB, "BKB Pondok Batu", 24),
    (JenisPoktan.BKR, "BKR Pondok Batu", 18),
    (JenisPoktan.BKL, "BKL Pondok Batu", 15),
    (JenisPoktan.UPPKA, "UPPKA Pondok Batu", 12),
    (JenisPoktan.PIK_R, "PIK-R Pondok Batu", 20),
]
NAMA_DEPAN = [
    "Ahmad", "Budi", "Dedi", "Eko", "Fajar", "Hendra", "Irwan", "Joko", "Rahmat", "Syahrul",
    "Sri", "Siti", "Nur", "Rina", "Dewi", "Yanti", "Ratna", "Wati", "Lestari", "Fitri",
]  # fmt: skip
NAMA_BELAKANG = [
    "Siregar", "Nasution", "Harahap", "Lubis", "Pohan", "Ritonga", "Hasibuan", "Simatupang",
    "Daulay", "Rangkuti", "Saragih", "Sinaga", "Pasaribu", "Tanjung", "Matondang",
]  # fmt: skip
MATERI = {
    JenisPoktan.BKB: [
        "Gizi seimbang balita",
        "Stimulasi tumbuh kembang dengan KKA",
        "Pola asuh 1.000 HPK",
    ],
    JenisPoktan.BKR: [
        "Kesehatan reproduksi remaja",
        "Komunikasi orang tua dan remaja",
        "Bahaya NAPZA",
    ],
    JenisPoktan.BKL: ["Lansia tangguh", "Senam lansia dan gizi", "Perawatan jangka panjang"],
    JenisPoktan.UPPKA: ["Pembukuan usaha", "Pemasaran produk lokal", "Akses permodalan"],
    JenisPoktan.PIK_R: [
        "Pendewasaan usia perkawinan",
        "Keterampilan hidup remaja",
        "Konseling sebaya",
    ],
}
NARASUMBER = ["PKB Kecamatan Bilah Hulu", "Bidan Desa", "Kader BKB", "Puskesmas", ""]


def _kampung():
    from villages.models import KampungKB

    kampung, _ = KampungKB.objects.get_or_create(
        desa_id=PONDOK_BATU,
        defaults={
            "nama": "Kampung KB Desa Pondok Batu",
            "tanggal_pencanangan": dt.date(2017, 3, 1),
        },
    )
    return kampung


def _members(poktan: Poktan, n: int, rng: random.Random) -> int:
    rows = []
    for i in range(n):
        lahir = dt.date(1975, 1, 1) + dt.timedelta(days=rng.randrange(9000))
        kk = f"{KODE_KK}{lahir:%d%m%y}{i + 1:04d}"
        pus = poktan.jenis != JenisPoktan.BKL and rng.random() < 0.8
        metode = rng.choice(list(Kontrasepsi)).value if pus and rng.random() < 0.65 else ""
        alasan = rng.choice(list(NonKontrasepsi)).value if pus and not metode else ""
        row = Anggota(
            poktan=poktan,
            nama_kepala_keluarga=f"{rng.choice(NAMA_DEPAN)} {rng.choice(NAMA_BELAKANG)}",
            nomor_kk=kk,
            status_pus=pus,
            metode_kb=metode,
            alasan_tidak_kb=alasan,
        )
        if poktan.jenis == JenisPoktan.BKB:
            setattr(
                row,
                rng.choice(
                    ["anak_0_1", "anak_1_2", "anak_2_3", "anak_3_4", "anak_4_5", "anak_5_6"]
                ),
                1,
            )
            row.pakai_kka = rng.random() < 0.8
        elif poktan.jenis in (JenisPoktan.BKR, JenisPoktan.PIK_R):
            row.jumlah_remaja = rng.randint(1, 3)
        elif poktan.jenis == JenisPoktan.BKL:
            row.jumlah_lansia = rng.randint(1, 2)
        else:
            row.jenis_usaha = rng.choice(
                [
                    "Keripik pisang",
                    "Kerupuk semprong",
                    "Tahu dan tempe",
                    "Rengginang",
                    "Kue dan bolu kering",
                ]
            )
        rows.append(row)
    existing = set(Anggota.objects.filter(poktan=poktan).values_list("nomor_kk", flat=True))
    fresh = [r for r in rows if r.nomor_kk not in existing]
    Anggota.objects.bulk_create(fresh)
    return len(fresh)


def _figures(jenis: str, anggota: int, rng: random.Random) -> dict:
    hadir = rng.randint(anggota * 6 // 10, anggota)
    values = {"jumlah_anggota": anggota}
    if jenis in (JenisPoktan.BKB, JenisPoktan.BKR, JenisPoktan.BKL):
        values["keluarga_hadir"] = hadir
    if jenis == JenisPoktan.BKB:
        values["anak_dipantau_kka"] = rng.randint(hadir * 7 // 10, hadir)
    if jenis == JenisPoktan.PIK_R:
        values |= {
            "kegiatan_informasi": rng.randint(1, 4),
            "kegiatan_konseling": rng.randint(0, 6),
            "remaja_terjangkau": rng.randint(15, 60),
        }
    if jenis == JenisPoktan.UPPKA:
        values |= {
            "anggota_aktif": hadir,
            "modal": rng.randint(20, 60) * 250_000,
            "omzet": rng.randint(8, 40) * 250_000,
        }
    return {k: values.get(k) for k in COMMON_FIELDS + JENIS_FIELDS[jenis]}


def _state(index: int, months_back: int, rng: random.Random) -> str | None:
    """Older months verified (a few late); last month mixed; this month just begun."""
    if months_back == 0:
        return [None, Status.DRAF, None, Status.DRAF, None][index]
    if months_back == 1:
        return [Status.DIAJUKAN, Status.DIKEMBALIKAN, Status.DIVERIFIKASI, Status.DIAJUKAN, None][
            index
        ]
    return Status.DIVERIFIKASI if rng.random() < 0.92 else Status.DIAJUKAN


def _aware(day: dt.date, hour: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def _register(poktan, periode, months_back, index, kader, pkb) -> bool:
    if Laporan.objects.filter(poktan=poktan, periode=periode.first_day).exists():
        return False
    rng = random.Random(f"{poktan.nama}-{periode}")
    status = _state(index, months_back, rng)
    if status is None:
        return False
    anggota = Anggota.objects.filter(poktan=poktan, aktif=True).count()
    due = due_date(periode)
    now = timezone.now()
    submitted = min(_aware(due - dt.timedelta(days=rng.randint(-4, 2)), 10), now)
    verified = min(submitted + dt.timedelta(days=2), now)
    laporan = Laporan.objects.create(
        poktan=poktan,
        periode=periode.first_day,
        status=status,
        **_figures(poktan.jenis, anggota, rng),
        catatan="Jumlah hadir pada pertemuan kedua belum sesuai daftar hadir."
        if status == Status.DIKEMBALIKAN
        else "",
        diajukan_pada=None if status == Status.DRAF else submitted,
        pertama_diajukan_pada=None if status == Status.DRAF else submitted,
        diverifikasi_pada=verified if status == Status.DIVERIFIKASI else None,
        diverifikasi_oleh=pkb if status == Status.DIVERIFIKASI else None,
    )
    if laporan.keluarga_hadir:
        ids = list(
            Anggota.objects.filter(poktan=poktan, aktif=True)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        laporan.anggota_hadir.set(rng.sample(ids, laporan.keluarga_hadir))
    for k in range(rng.randint(1, 2)):
        day = periode.first_day + dt.timedelta(days=7 + 10 * k + rng.randint(0, 3))
        if day > timezone.localdate():
            continue
        Pertemuan.objects.create(
            laporan=laporan,
            tanggal=day,
            materi=rng.choice(MATERI[poktan.jenis]),
            narasumber=rng.choice(NARASUMBER),
            jumlah_hadir=rng.randint(anggota // 2, anggota),
        )
    audit.record(actor=kader, action="poktan.laporan.create", obj=laporan)
    if status != Status.DRAF:
        audit.record(actor=kader, action="poktan.laporan.submit", obj=laporan)
    if status == Status.DIVERIFIKASI:
        audit.record(actor=pkb, action="poktan.laporan.verify", obj=laporan)
    if status == Status.DIKEMBALIKAN:
        audit.record(actor=pkb, action="poktan.laporan.return", obj=laporan, note=laporan.catatan)
    return True


@transaction.atomic
def seed() -> str:
    kampung = _kampung()
    kader = User.objects.filter(username="kader.pondokbatu").first()
    pkb = User.objects.filter(username="pkb.bilahhulu").first()
    tahun = timezone.localdate().year
    made = {"poktan": 0, "anggota": 0, "laporan": 0}
    current = Periode.current()
    for index, (jenis, nama, n) in enumerate(POKTAN):
        poktan, created = Poktan.objects.get_or_create(
            kampung=kampung,
            nama=nama,
            defaults={
                "jenis": jenis,
                "potensi_tahun": tahun,
                "sumber_dana": SumberDana.DANA_DESA,
                "keterpaduan": Keterpaduan.POSYANDU_PAUD if jenis == JenisPoktan.BKB else "",
                "bkb_kit": 2 if jenis == JenisPoktan.BKB else None,
                "jumlah_kka": 30 if jenis == JenisPoktan.BKB else None,
                "jenis_usaha": "Keripik pisang, kerupuk semprong, kue dan bolu kering"
                if jenis == JenisPoktan.UPPKA
                else "",
                "modal": 12_500_000 if jenis == JenisPoktan.UPPKA else None,
            },
        )
        if created:
            made["poktan"] += 1
            rng = random.Random(nama)
            Pengurus.objects.bulk_create(
                Pengurus(
                    poktan=poktan,
                    nama=f"{rng.choice(NAMA_DEPAN[10:])} {rng.choice(NAMA_BELAKANG)}",
                    jabatan=jabatan,
                    pendidikan=rng.choice(["SMA", "SMP", "D3", "S1"]),
                    pernah_pelatihan=rng.random() < 0.6,
                )
                for jabatan in ("Ketua", "Sekretaris", "Kader")
            )
        made["anggota"] += _members(poktan, n, random.Random(f"anggota-{nama}"))
        periode = current
        for months_back in range(12):
            made["laporan"] += _register(poktan, periode, months_back, index, kader, pkb)
            periode = periode.prev()
    # Last month's returned register can still be fixed: the kabupaten reopened the month.
    PeriodeBuka.objects.get_or_create(
        desa_id=PONDOK_BATU,
        periode=current.prev().first_day,
        defaults={
            "sampai": timezone.localdate() + dt.timedelta(days=14),
            "alasan": "Perbaikan laporan yang dikembalikan",
        },
    )
    return (
        f"poktan baru {made['poktan']}, anggota baru {made['anggota']}, "
        f"laporan baru {made['laporan']}"
    )
