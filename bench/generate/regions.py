"""The regions a generation fills: from a Kemendagri ``kode,nama`` file or
synthesised, cut to one kabupaten / provinsi (or all), written through the
portal's own region import."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

SCALES = ("kabupaten", "provinsi", "nasional")
# Region used when a file is given and no --wilayah: Labuhanbatu / Sumatera Utara.
DEFAULT_REGION = {"kabupaten": "12.10", "provinsi": "12", "nasional": None}

# Synthesised layout when no kode,nama file is given: (provinsi, kabupaten
# per provinsi, kecamatan per kabupaten, desa per kecamatan). The national
# one has 38 × 14 × 14 × 11 = 81,928 desa, close to the real 83,762.
SYNTH_LAYOUT = {
    "kabupaten": (1, 1, 10, 10),
    "provinsi": (1, 33, 14, 13),
    "nasional": (38, 14, 14, 11),
}


@dataclass
class Regions:
    rows: list[tuple[str, str]]  # (kode, nama) of every level, parents first
    desa: list[tuple[str, str]] = field(default_factory=list)

    def level(self, tingkat: int) -> list[str]:
        return [k for k, _n in self.rows if k.count(".") + 1 == tingkat]


def read_csv(path: str) -> list[tuple[str, str]]:
    with open(path, encoding="utf-8", newline="") as stream:
        rows = []
        for row in csv.reader(stream):
            if not row or row[0].strip().lower() == "kode":
                continue
            rows.append((row[0].strip(), ",".join(row[1:]).strip()))
    return rows


def synthesise(scale: str) -> list[tuple[str, str]]:
    n_prov, n_kab, n_kec, n_desa = SYNTH_LAYOUT[scale]
    rows = []
    for p in range(n_prov):
        prov = f"{91 - p:02d}" if n_prov == 1 else f"{11 + p:02d}"
        rows.append((prov, f"Provinsi Sintetis {prov}"))
        for k in range(1, n_kab + 1):
            kab = f"{prov}.{k:02d}"
            rows.append((kab, f"Kabupaten Sintetis {kab}"))
            for c in range(1, n_kec + 1):
                kec = f"{kab}.{c:02d}"
                rows.append((kec, f"Kecamatan {kec}"))
                for d in range(1, n_desa + 1):
                    # a few kelurahan (1xxx), mostly desa (2xxx)
                    prefix = 1 if d % 7 == 0 else 2
                    rows.append((f"{kec}.{prefix}{d:03d}", f"Desa {kec}.{d:03d}"))
    return rows


def select_regions(
    rows: list[tuple[str, str]], scale: str, wilayah: str | None, desa_limit: int | None
) -> Regions:
    """The regions of one kabupaten / provinsi (or all), optionally the first N desa."""
    if scale != "nasional":
        root = wilayah or DEFAULT_REGION[scale]
        codes = {k for k, _n in rows}
        want = 2 if scale == "kabupaten" else 1
        if root not in codes or root.count(".") + 1 != want:
            # Not in this file: the first region of the right level that has desa.
            root = next(
                k
                for k, _n in rows
                if k.count(".") + 1 == want
                and any(d.startswith(f"{k}.") and d.count(".") == 3 for d, _m in rows)
            )
        rows = [
            (k, n)
            for k, n in rows
            if k == root or k.startswith(f"{root}.") or root.startswith(f"{k}.")
        ]
    desa = [(k, n) for k, n in rows if k.count(".") == 3]
    if desa_limit is not None:
        desa = desa[:desa_limit]
        keep = {k for k, _n in desa}
        keep |= {k.rsplit(".", i)[0] for k in list(keep) for i in (1, 2, 3)}
        rows = [(k, n) for k, n in rows if k in keep]
    return Regions(rows=sorted(rows, key=lambda r: (r[0].count("."), r[0])), desa=desa)


def import_regions(regions: Regions) -> None:
    from villages.imports import import_wilayah

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["kode", "nama"])
    writer.writerows(regions.rows)
    buffer.seek(0)
    result = import_wilayah(buffer)
    if result.errors:
        raise ValueError("; ".join(result.errors[:5]))
