"""Each village's class per snapshot period (``villages_klasifikasiperiode``),
computed by the portal's own classification after the interventions."""

from __future__ import annotations

import json

from django.utils import timezone

from bench.generate.sql import copy_rows, execute


def klasifikasi(progress) -> None:
    """Each village's class per snapshot period, computed by the portal's own
    classification (``villages.selectors.klasifikasi_per_periode``, the path
    ``klasifikasi_refresh`` takes), after the interventions that give the
    lintas-sektor count; written with COPY in chunks."""
    from villages import selectors
    from villages.models import KampungKB, KlasifikasiPeriode

    progress.step("klasifikasi")
    ids = list(KampungKB.objects.order_by("pk").values_list("pk", flat=True))
    now = timezone.now()
    columns = ["kampung_id", "periode", "kelas", "indeks_input", "indeks_proses"]
    columns += ["indeks_output", "skor", "nilai", "dihitung_pada"]

    def rows(chunk: list[int]) -> list[tuple]:
        snapshots = {k: {j: [] for j in selectors.JENIS} for k in chunk}
        for jenis, model in selectors.JENIS.items():
            qs = model.objects.aktif().filter(kampung_id__in=chunk).order_by("periode")
            for snap in qs.iterator(chunk_size=4000):
                snapshots[snap.kampung_id][jenis].append(snap)
        lintas = selectors.lintas_sektor_counts(chunk)
        return [
            (kid, periode, h.kelas, h.indeks["input"], h.indeks["proses"], h.indeks["output"])
            + (json.dumps(h.skor), json.dumps(h.nilai), now)
            for kid in chunk
            for periode, h in selectors.klasifikasi_per_periode(snapshots[kid], lintas.get(kid, 0))
        ]

    n = 0
    for start in range(0, len(ids), 2000):  # read a chunk, then COPY it (one connection)
        n += copy_rows(KlasifikasiPeriode, columns, rows(ids[start : start + 2000]))
        progress.tick(start, len(ids))
    progress.count("klasifikasi", n)
    execute(
        "UPDATE villages_kampungkb k SET kelas = c.kelas FROM ("
        " SELECT DISTINCT ON (kampung_id) kampung_id, kelas FROM villages_klasifikasiperiode"
        " ORDER BY kampung_id, periode DESC) c WHERE c.kampung_id = k.id"
    )
