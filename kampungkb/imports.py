"""Reading the tables people import (CSV, XLSX): bounded before anything is parsed.

An XLSX is a ZIP of XML: 84 KB can unpack to millions of shared strings that
openpyxl would load before the first row is read. So the archive is inspected
first (entries, unpacked size, shared strings counted by a streaming parser),
and only then opened read-only with rows and columns capped. A CSV is bounded
by size, line length and rows, and decoded as what people have: UTF-8 (with or
without the BOM Excel writes), UTF-16 ("Unicode text") or Windows-1252 (Excel's
"CSV" on Indonesian Windows); anything else is refused by name, never stored
garbled. Refusals are ``ValidationError`` with a message for the file field.
"""

from __future__ import annotations

import contextlib
import csv
import io
import itertools
import unicodedata
import zipfile
from dataclasses import dataclass
from xml.etree.ElementTree import ParseError, iterparse

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

MB = 1024 * 1024
SHARED_STRINGS_TYPE = (
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
)


TOO_LARGE = gettext_lazy("Berkas terlalu besar (paling besar %(mb)s MB).")
UNREADABLE = gettext_lazy("Berkas tidak dapat dibaca. Simpan ulang sebagai .xlsx atau .csv.")


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 2 * MB
    max_rows: int = 2000  # data rows, below the header
    max_cols: int = 40
    max_line: int = 4000  # characters in one CSV line
    max_entries: int = 100  # files inside the XLSX archive
    max_unzipped: int = 25 * MB
    max_strings: int = 50_000  # <si> in sharedStrings.xml (2000 rows × 25 columns)


def _refuse(message, **values) -> ValidationError:
    return ValidationError(str(message) % values if values else str(message), code="impor")


def decode_text(data: bytes) -> str:
    """The text of a CSV as people save it; ValidationError naming the encoding otherwise."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise _refuse(_("Berkas UTF-16 ini rusak. Simpan ulang sebagai “CSV UTF-8”.")) from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")  # Excel "CSV (dipisahkan koma)" on Windows
        except UnicodeDecodeError as exc:
            raise _refuse(
                _(
                    "Berkas ini bukan teks UTF-8 maupun Windows-1252 (ANSI). "
                    "Simpan ulang dari Excel sebagai “CSV UTF-8 (dipisahkan koma)”."
                )
            ) from exc
    # A binary file is full of control characters; a stray NUL in one cell of
    # a real CSV is that row's error (poktan/imports.py), not the file's.
    sample = text[:100_000]
    controls = sum(1 for c in sample if unicodedata.category(c) == "Cc" and c not in "\t\r\n")
    if controls > max(8, len(sample) // 200):
        raise _refuse(_("Berkas ini bukan teks CSV. Unggah .csv atau .xlsx."))
    return text


def read_csv(data: bytes, limits: Limits, delimiter: str | None = None) -> list[list[str]]:
    """Rows of a CSV; the delimiter (, ; or tab) is guessed unless given."""
    if len(data) > limits.max_bytes:
        raise _refuse(TOO_LARGE, mb=limits.max_bytes // MB)
    text = decode_text(data)
    lines = text.splitlines()
    for number, line in enumerate(lines, start=1):
        if len(line) > limits.max_line:
            raise _refuse(
                _("Baris %(n)s terlalu panjang (lebih dari %(max)s karakter)."),
                n=number,
                max=limits.max_line,
            )
    if len(lines) > limits.max_rows + 1:
        raise _refuse(_("Paling banyak %(n)s baris sekali impor."), n=limits.max_rows)
    dialect = csv.excel
    if delimiter is None:
        with contextlib.suppress(csv.Error):
            dialect = csv.Sniffer().sniff(text[:2048], delimiters=",;\t")
    options = {"delimiter": delimiter} if delimiter else {}
    reader = csv.reader(io.StringIO(text), dialect, **options)
    try:
        return [row[: limits.max_cols] for row in itertools.islice(reader, limits.max_rows + 2)]
    except csv.Error as exc:
        raise _refuse(_("Berkas CSV tidak dapat dibaca: %(e)s"), e=str(exc)) from exc


def _shared_string_parts(archive: zipfile.ZipFile) -> set[str]:
    parts = {"xl/sharedStrings.xml"}
    try:
        with archive.open("[Content_Types].xml") as stream:
            for _event, elem in iterparse(stream):
                if elem.get("ContentType") == SHARED_STRINGS_TYPE and elem.get("PartName"):
                    parts.add(elem.get("PartName").lstrip("/"))
                elem.clear()
    except (KeyError, ParseError):
        pass
    return parts & set(archive.namelist())


def check_xlsx(data: bytes, limits: Limits) -> None:
    """Refuse an XLSX whose archive or string table is beyond the limits, before openpyxl."""
    if len(data) > limits.max_bytes:
        raise _refuse(TOO_LARGE, mb=limits.max_bytes // MB)
    unreadable = UNREADABLE
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError) as exc:
        raise _refuse(unreadable) from exc
    too_big = _("Isi berkas terlalu besar setelah dibuka. Impor paling banyak %(n)s baris.")
    with archive:
        infos = archive.infolist()
        # The sizes declared here bound what zipfile will ever unpack.
        if len(infos) > limits.max_entries or (
            sum(i.file_size for i in infos) > limits.max_unzipped
        ):
            raise _refuse(too_big, n=limits.max_rows)
        for part in _shared_string_parts(archive):
            count = 0
            try:
                with archive.open(part) as stream:
                    for _event, elem in iterparse(stream):
                        if elem.tag.rsplit("}", 1)[-1] == "si":
                            count += 1
                            if count > limits.max_strings:
                                raise _refuse(too_big, n=limits.max_rows)
                            elem.clear()
            except (ParseError, zipfile.BadZipFile, EOFError) as exc:
                raise _refuse(unreadable) from exc


def read_xlsx(data: bytes, limits: Limits) -> list[list]:
    from openpyxl import load_workbook

    check_xlsx(data, limits)
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        ws = wb.worksheets[0]
        rows = [
            list(r)
            for r in ws.iter_rows(
                values_only=True, max_row=limits.max_rows + 2, max_col=limits.max_cols
            )
        ]
        wb.close()
    except ValidationError:
        raise
    except Exception as exc:  # a corrupt or mislabelled file: a message, never a 500
        raise _refuse(UNREADABLE) from exc
    if len(rows) > limits.max_rows + 1:
        raise _refuse(_("Paling banyak %(n)s baris sekali impor."), n=limits.max_rows)
    return rows


def read_table(data: bytes, filename: str, limits: Limits | None = None) -> list[list]:
    """The rows of an uploaded .xlsx or .csv (header first), within ``limits``."""
    limits = limits or Limits()
    if filename.lower().endswith(".xlsx"):
        return read_xlsx(data, limits)
    return read_csv(data, limits)
