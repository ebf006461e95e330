"""Import Kemendagri region codes from a ``kode,nama`` CSV (idempotent upsert).

Parents are derived from the code itself (``12.10.09.2009`` → ``12.10.09``);
a row whose parent is neither in the file nor in the database is an orphan
and is rejected, as are malformed codes and empty names. Rows are applied
level by level so a parent always exists before its children.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction

from villages.models import Wilayah, induk_of, tingkat_of

KODE_RE = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")
BATCH = 5000


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def rejected(self) -> int:
        return len(self.errors)

    @property
    def imported(self) -> int:
        return self.created + self.updated + self.unchanged


def read_rows(stream: io.TextIOBase) -> Iterable[tuple[int, str, str]]:
    """(line number, kode, nama) for each data row; line 1 may be the header."""
    return _rows(csv.reader(stream))


def _rows(reader: Iterable[list[str]]) -> Iterable[tuple[int, str, str]]:
    for line_no, row in enumerate(reader, start=1):
        if line_no == 1 and row and row[0].strip().lower() == "kode":
            continue
        if not row or not any(cell.strip() for cell in row):
            continue
        kode = row[0].strip()
        nama = ",".join(row[1:]).strip() if len(row) > 1 else ""
        yield line_no, kode, nama


def import_wilayah(stream: io.TextIOBase) -> ImportResult:
    return _import(read_rows(stream))


def import_wilayah_rows(rows: Iterable[list[str]]) -> ImportResult:
    """The same import from rows already read (and bounded) by kampungkb.imports."""
    return _import(_rows(rows))


def _import(parsed: Iterable[tuple[int, str, str]]) -> ImportResult:
    result = ImportResult()
    rows: dict[str, tuple[int, str]] = {}
    for line_no, kode, nama in parsed:
        if not KODE_RE.match(kode):
            result.errors.append(
                f"baris {line_no}: kode '{kode}' tidak berbentuk "
                "PP, PP.KK, PP.KK.CC atau PP.KK.CC.DDDD"
            )
        elif not nama:
            result.errors.append(f"baris {line_no}: nama wilayah {kode} kosong")
        elif kode in rows:
            result.errors.append(
                f"baris {line_no}: kode {kode} sudah muncul di baris {rows[kode][0]}"
            )
        else:
            rows[kode] = (line_no, nama[:120])

    existing = dict(Wilayah.objects.values_list("kode", "nama"))
    # Orphans: walk from the top so a rejected parent also rejects its children.
    accepted: dict[str, str] = {}
    for kode in sorted(rows, key=lambda k: (tingkat_of(k), k)):
        line_no, nama = rows[kode]
        parent = induk_of(kode)
        if parent is not None and parent not in accepted and parent not in existing:
            result.errors.append(
                f"baris {line_no}: induk {parent} dari kode {kode} tidak ditemukan"
            )
            continue
        accepted[kode] = nama

    to_create, to_update = [], []
    for kode, nama in accepted.items():
        if kode not in existing:
            to_create.append(
                Wilayah(kode=kode, nama=nama, tingkat=tingkat_of(kode), induk_id=induk_of(kode))
            )
        elif existing[kode] != nama:
            to_update.append(Wilayah(kode=kode, nama=nama))
        else:
            result.unchanged += 1

    with transaction.atomic():
        # accepted is ordered by level, so parents are inserted first.
        Wilayah.objects.bulk_create(to_create, batch_size=BATCH)
        Wilayah.objects.bulk_update(to_update, ["nama"], batch_size=BATCH)
    result.created, result.updated = len(to_create), len(to_update)
    return result
