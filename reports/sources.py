"""What one desa × month looks like in the other apps' data.

Each function returns the ``Ringkasan`` field values it is responsible for,
read through the owning app's models and selectors. Only ``summaries`` calls
these; dashboards never do (they read ``Ringkasan`` rows).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.db.models import Count

from kampungkb.domain import Kontrasepsi, NonKontrasepsi
from kampungkb.periods import Periode, due_date
from villages.choices import POKTAN_PENYEBUT


def poktan_data(kampung, periode: Periode) -> dict:
    """Active poktan per type and their registers of the month.

    Wajib = every active poktan owes one register a month; masuk = diajukan
    or diverifikasi; tepat waktu = first submitted by the due date (the 3rd
    of the next month by default, kampungkb.periods)."""
    try:
        from poktan.models import Laporan, Poktan, Status
    except ImportError:  # the poktan models have not landed yet
        return {}

    jenis: dict[str, dict] = defaultdict(
        lambda: {"poktan": 0, "anggota": 0, "hadir": 0, "masuk": 0}
    )
    poktan = Poktan.objects.filter(kampung=kampung, aktif=True).values("jenis")
    for row in poktan.annotate(n=Count("id")).order_by():
        jenis[row["jenis"]]["poktan"] = row["n"]
    due = due_date(periode)
    masuk = tepat = verif = kembali = 0
    laporan = Laporan.objects.filter(
        poktan__kampung=kampung, poktan__aktif=True, periode=periode.first_day
    ).values(
        "poktan__jenis",
        "status",
        "jumlah_anggota",
        "keluarga_hadir",
        "diajukan_pada",
        "pertama_diajukan_pada",
    )
    for row in laporan:
        if row["status"] not in (Status.DIAJUKAN, Status.DIVERIFIKASI):
            kembali += row["status"] == Status.DIKEMBALIKAN
            continue
        data = jenis[row["poktan__jenis"]]
        data["masuk"] += 1
        data["anggota"] += row["jumlah_anggota"] or 0
        data["hadir"] += row["keluarga_hadir"] or 0
        masuk += 1
        verif += row["status"] == Status.DIVERIFIKASI
        submitted = row["pertama_diajukan_pada"] or row["diajukan_pada"]
        if submitted is not None and _local_date(submitted) <= due:
            tepat += 1
    return poktan_values(jenis, masuk, tepat, verif, kembali)


def poktan_values(jenis: dict, masuk: int, tepat: int, verif: int, kembali: int) -> dict:
    """The poktan figures of a desa row (shared with kampungkb.scale_summaries).

    A Kampung KB without an active poktan owes one report it cannot send: it
    counts in ``laporan_wajib`` (and never as complete), so it lowers the
    reporting rate instead of vanishing from it."""
    poktan = sum(d["poktan"] for d in jenis.values())
    tanpa = int(poktan == 0)
    wajib = poktan + tanpa
    return {
        "jumlah_poktan": poktan,
        "poktan_jenis": dict(jenis),
        "laporan_wajib": wajib,
        "laporan_masuk": masuk,
        "laporan_tepat_waktu": tepat,
        "laporan_diverifikasi": verif,
        "laporan_dikembalikan": kembali,
        "desa_lengkap": int(masuk >= wajib),
        "kampung_tanpa_poktan": tanpa,
    }


def _local_date(value: dt.datetime) -> dt.date:
    from django.utils import timezone

    return timezone.localtime(value).date()


def intervensi_data(kampung, periode: Periode) -> dict:
    """Interventions dated in the month and up to its end, by seksi and by
    agency; lintas sektor is the village's distinct non-KB agencies over all
    its interventions (the classification's count, interventions.selectors)."""
    from interventions.models import Intervensi
    from interventions.selectors import lintas_sektor_count

    sampai = Intervensi.objects.filter(kampung=kampung, tanggal__lte=periode.last_day)
    bulan = sampai.filter(tanggal__gte=periode.first_day)
    seksi, seksi_kum = _count_by(bulan, "seksi"), _count_by(sampai, "seksi")
    through = Intervensi.instansi.through
    instansi = _count_by(through.objects.filter(intervensi__in=bulan), "instansi__nama")
    instansi_kum = _count_by(through.objects.filter(intervensi__in=sampai), "instansi__nama")
    return {
        "jumlah_intervensi": sum(seksi.values()),
        "intervensi_seksi": seksi,
        "intervensi_instansi": instansi,
        "intervensi_kumulatif": sum(seksi_kum.values()),
        "intervensi_seksi_kumulatif": seksi_kum,
        "intervensi_instansi_kumulatif": instansi_kum,
        "lintas_sektor": lintas_sektor_count([kampung.pk])[kampung.pk],
    }


def _count_by(queryset, field: str) -> dict:
    rows = queryset.values(field).annotate(n=Count("pk")).order_by()
    return {r[field]: r["n"] for r in rows}


def inovasi_data(kampung, periode: Periode) -> dict:
    """Innovations placed in the desa or linked to its Kampung KB, by tahapan,
    as they stand (an innovation of a whole kabupaten with no Kampung KB
    linked is not in any desa row)."""
    from django.db.models import Q

    from interventions.models import Inovasi

    rows = (
        Inovasi.objects.filter(Q(wilayah_id=kampung.desa_id) | Q(kampung=kampung))
        .values("tahapan")
        .annotate(n=Count("id", distinct=True))
        .order_by()
    )
    tahapan = {r["tahapan"]: r["n"] for r in rows}
    return {"jumlah_inovasi": sum(tahapan.values()), "inovasi_tahapan": tahapan}


def villages_data(kampung, periode: Periode) -> dict:
    """Classification, population and KKBPK in force at the end of the month:
    the live snapshot of the latest period up to this one (domain.md §1.3)."""
    from villages.models import KkbpkKampung, KlasifikasiPeriode, PendudukKampung

    until = periode.first_day
    kelas = (
        KlasifikasiPeriode.objects.filter(kampung=kampung, periode__lte=until)
        .order_by("-periode")
        .first()
    )
    penduduk = (
        PendudukKampung.objects.aktif()
        .filter(kampung=kampung, periode__lte=until)
        .order_by("-periode")
        .first()
    )
    kkbpk = (
        KkbpkKampung.objects.aktif()
        .filter(kampung=kampung, periode__lte=until)
        .order_by("-periode")
        .first()
    )
    values: dict = {"kelas": "", "kelas_jumlah": {}}
    if kelas is not None:
        values |= {
            "kelas": kelas.kelas,
            "kelas_jumlah": {kelas.kelas: 1},
            "indeks_input": kelas.indeks_input,
            "indeks_proses": kelas.indeks_proses,
            "indeks_output": kelas.indeks_output,
        }
    if penduduk is not None:
        values |= {
            "jumlah_jiwa": penduduk.jumlah_jiwa,
            "jumlah_keluarga": penduduk.keluarga,
            "pus": penduduk.pus,
        }
    if kkbpk is not None:
        values |= {
            "peserta_kb": kkbpk.peserta_kb,
            "peserta_mkjp": kkbpk.peserta_mkjp,
            "unmet": kkbpk.unmet,
            "metode": {k.value: getattr(kkbpk, f"kb_{k.value.lower()}") for k in Kontrasepsi},
            "tidak_kb": {n.value: getattr(kkbpk, f"non_{n.value}") for n in NonKontrasepsi},
            "partisipasi": {
                jenis: {
                    "ikut": ikut,
                    "sasaran": getattr(penduduk, POKTAN_PENYEBUT[jenis]) if penduduk else 0,
                }
                for jenis, ikut in kkbpk.ikut().items()
            },
        }
    return values


def sum_nested(target: dict, source: dict) -> dict:
    """Add the numbers of ``source`` into ``target``, recursing into dicts."""
    for key, value in source.items():
        if isinstance(value, dict):
            sum_nested(target.setdefault(key, {}), value)
        elif isinstance(value, int | float):
            target[key] = target.get(key, 0) + value
    return target
