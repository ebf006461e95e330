"""XLSX exports (openpyxl): Indonesian headers, typed cells, number formats.

Number format codes inside an .xlsx file are locale-neutral: ``#,##0`` is
shown by an Indonesian Excel/LibreOffice as ``1.250.000`` and ``0.0`` as
``12,5``. So cells stay real numbers (sortable, summable) and the reader's
locale supplies the separators.

Every XLSX of the portal goes through ``workbook_bytes``: text people typed
(a title starting with ``=HYPERLINK(…)``) is stored as a text cell, never as
a formula, and marked with Excel's quote prefix so editing the cell keeps it
text; characters XML cannot hold are dropped instead of failing the file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from io import BytesIO

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from kampungkb import timefmt
from kampungkb.contacts import mask_phones

INTEGER = "#,##0"
DECIMAL = "#,##0.0"
PERCENT = '0.0" %"'
DATE = "DD/MM/YYYY"
DATETIME = "DD/MM/YYYY HH:MM"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# What a spreadsheet program reads as the start of a formula or command.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class Column:
    header: str
    number_format: str | None = None  # None: text, or inferred for dates
    width: int = 14


@dataclass
class Sheet:
    title: str
    columns: Sequence[Column]
    rows: Iterable[Sequence]
    heading: str = ""  # a title line above the table (e.g. region and period)


def workbook_bytes(sheets: Sequence[Sheet]) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="E8EEEB")
    for sheet in sheets:
        ws = wb.create_sheet(sheet.title[:31])
        start = 1
        if sheet.heading:
            put(ws, 1, 1, str(sheet.heading)).font = Font(bold=True, size=12)
            start = 3
        for c, column in enumerate(sheet.columns, 1):
            cell = put(ws, start, c, str(column.header))
            cell.font, cell.fill = bold, fill
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            ws.column_dimensions[get_column_letter(c)].width = column.width
        for r, row in enumerate(sheet.rows, start + 1):
            for c, (column, value) in enumerate(zip(sheet.columns, row, strict=True), 1):
                cell = put(ws, r, c, _cell_value(value))
                if column.number_format:
                    cell.number_format = column.number_format
                elif isinstance(value, dt.date):
                    cell.number_format = DATE
        ws.freeze_panes = ws.cell(row=start + 1, column=1)
    stream = BytesIO()
    wb.save(stream)
    return stream.getvalue()


def put(ws, row: int, column: int, value):
    """Write one cell; a string is always a text cell (never a formula)."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        text = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.value = text
        cell.data_type = "s"  # openpyxl would turn "=…" into a formula
        if text.startswith(FORMULA_START):
            cell.quotePrefix = True
    else:
        cell.value = value
    return cell


def _cell_value(value):
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dt.datetime):  # openpyxl holds no offset: the local wall clock
        return timefmt.local_naive(value)
    if value is not None and not isinstance(value, int | float | str | dt.date):
        value = str(value)
    # Documents carry no phone numbers typed into free text (issue 13 §7).
    return mask_phones(value)


def xlsx_response(sheets: Sequence[Sheet], filename: str) -> HttpResponse:
    response = HttpResponse(workbook_bytes(sheets), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
