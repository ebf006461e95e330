"""What one desa × month looks like in the other apps' data.

Each function returns the ``Ringkasan`` field values it is responsible for,
read through the owning app's models and selectors. Only ``summaries`` calls
these; dashboards never do (they read ``Ringkasan`` rows).
"""

from __future__ import annotations

from django.db.models import Count

from kampungkb.periods import Periode, due_date
from reports import figures


def poktan_data(kampung, periode: Periode) -> dict:
    """Active poktan per type and their registers of the month, counted as
    ``reports.figures`` defines masuk, tepat waktu, terverifikasi."""
    from poktan.models import Laporan, Poktan

    tally = figures.PoktanTally()
    poktan = Poktan.objects.filter(kampung=kampung, aktif=True).values("jenis")
    for row in poktan.annotate(n=Count("id")).order_by():
        tally.poktan(row["jenis"], row["n"])
    due = due_date(periode)
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
        submitted = figures.submitted_at(row["pertama_diajukan_pada"], row["diajukan_pada"])
        tally.laporan(
            row["poktan__jenis"],
            row["status"],
            anggota=row["jumlah_anggota"] or 0,
            hadir=row["keluarga_hadir"] or 0,
            tepat=int(figures.tepat_waktu(submitted, due)),
        )
    return tally.values()


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
    return figures.snapshot_values(kelas, penduduk, kkbpk)


def sum_nested(target: dict, source: dict) -> dict:
    """Add the numbers of ``source`` into ``target``, recursing into dicts."""
    for key, value in source.items():
        if isinstance(value, dict):
            sum_nested(target.setdefault(key, {}), value)
        elif isinstance(value, int | float):
            target[key] = target.get(key, 0) + value
    return target
