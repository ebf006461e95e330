"""Member import (issue 13 §2, §9): bombs are refused before parsing, with a
message at the file field; CSVs are read in the encodings people have.

The bombs are built here, small on disk (a few hundred KB at most): a ZIP
declaring millions of shared strings, thousands of entries, a sheet claiming
16 384 columns, CSV lines without end."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from poktan.models import Anggota, ImporAnggota

pytestmark = pytest.mark.django_db

HEADER = "Nama kepala keluarga,Nomor KK,PUS (ya/tidak)\n"
XLSX_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
        'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
        'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/workbook.xml": (
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.'
        'openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.'
        'org/officeDocument/2006/relationships"><sheets><sheet name="Anggota" sheetId="1" '
        'r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
        'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.'
        'openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
        'Target="sharedStrings.xml"/></Relationships>'
    ),
}
SHEET = (
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.'
    'org/spreadsheetml/2006/main"><dimension ref="{ref}"/><sheetData>{rows}</sheetData>'
    "</worksheet>"
)
HEADER_ROW = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Nama kepala keluarga</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>Nomor KK</t></is></c></row>'
)


def xlsx_bomb(strings: int, *, ref: str = "A1:B2", extra_entries: int = 0) -> bytes:
    """A well-formed XLSX whose string table holds ``strings`` entries, written in chunks."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, text in XLSX_PARTS.items():
            archive.writestr(name, text)
        row = '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c></row>'
        archive.writestr("xl/worksheets/sheet1.xml", SHEET.format(ref=ref, rows=HEADER_ROW + row))
        with archive.open("xl/sharedStrings.xml", "w") as stream:
            stream.write(
                b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.'
                b'openxmlformats.org/spreadsheetml/2006/main">'
            )
            chunk = b"<si><t>a</t></si>" * 10_000
            for _ in range(strings // 10_000):
                stream.write(chunk)
            stream.write(b"<si><t>a</t></si>" * (strings % 10_000))
            stream.write(b"</sst>")
        for n in range(extra_entries):
            archive.writestr(f"xl/media/x{n}.xml", "")
    return out.getvalue()


def upload(client, poktan, name: str, content: bytes):
    url = reverse("poktan:anggota-import", args=[poktan.pk])
    return client.post(url, {"berkas": SimpleUploadedFile(name, content)})


def field_errors(response) -> list[str]:
    form = response.context["form"]
    return [str(e) for e in form.errors.get("berkas", [])]


@pytest.mark.parametrize(
    "name, content, message",
    [
        # 2 000 000 shared strings in ~100 KB: the declared unpacked size gives it away.
        ("bom.xlsx", lambda: xlsx_bomb(2_000_000), "terlalu besar setelah dibuka"),
        # Under the size bound, but more strings than any member list needs (cap 50 000).
        ("string.xlsx", lambda: xlsx_bomb(150_000), "terlalu besar setelah dibuka"),
        ("entri.xlsx", lambda: xlsx_bomb(10, extra_entries=500), "terlalu besar setelah dibuka"),
        ("baris.csv", lambda: (HEADER + "Siti,1210090000000001,ya\n" * 2001).encode(), "2000"),
        ("panjang.csv", lambda: (HEADER + "Siti," + "x" * 100_000 + "\n").encode(), "panjang"),
        ("tanpa-akhir.csv", lambda: (HEADER + '"' + "y" * 200_000).encode(), "panjang"),
    ],
)
def test_bombs_are_refused_at_the_field(client_for, kader_pondokbatu, bkb, name, content, message):
    data = content()
    assert len(data) < 1_100_000  # small on disk
    response = upload(client_for(kader_pondokbatu), bkb, name, data)
    assert response.status_code == 200
    errors = field_errors(response)
    assert any(message in e for e in errors), errors
    assert not ImporAnggota.objects.exists()


def test_too_many_xlsx_rows_are_refused(client_for, kader_pondokbatu, bkb):
    wb = Workbook()
    ws = wb.active
    ws.append(["Nama kepala keluarga", "Nomor KK"])
    for n in range(2001):
        ws.append([f"Anggota {n}", f"{1210090000000000 + n}"])
    out = io.BytesIO()
    wb.save(out)
    response = upload(client_for(kader_pondokbatu), bkb, "banyak.xlsx", out.getvalue())
    assert any("Paling banyak 2000 baris" in e for e in field_errors(response))


def test_a_sheet_claiming_every_column_is_read_within_bounds(client_for, kader_pondokbatu, bkb):
    """A dimension of A1:XFD1048576 would make openpyxl pad each row to 16 384 cells."""
    data = xlsx_bomb(10, ref="A1:XFD1048576")
    response = upload(client_for(kader_pondokbatu), bkb, "lebar.xlsx", data)
    assert response.status_code == 200
    assert "Kolom wajib tidak ada" not in response.content.decode()
    assert ImporAnggota.objects.count() == 1  # read, previewed


NAMES = ["Siti Ñandú", "Bu Oktaviani Rénata", "Pak Hérman “Ucok”"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_csv_encodings_people_have_are_read_correctly(client_for, kader_pondokbatu, bkb, encoding):
    text = HEADER + "".join(f"{n},{1210090000000021 + i},ya\n" for i, n in enumerate(NAMES))
    client = client_for(kader_pondokbatu)
    response = upload(client, bkb, "anggota.csv", text.encode(encoding))
    assert "3 baris benar, 0 baris salah." in response.content.decode(), field_errors(response)
    token = ImporAnggota.objects.get().pk
    client.post(reverse("poktan:anggota-import-confirm", args=[bkb.pk, token]), {"mode": "semua"})
    stored = sorted(Anggota.objects.values_list("nama_kepala_keluarga", flat=True))
    assert stored == sorted(NAMES)


def test_text_in_no_known_encoding_is_refused_naming_it(client_for, kader_pondokbatu, bkb):
    # 0x81 and 0x8D are undefined in Windows-1252 and invalid as UTF-8.
    data = HEADER.encode() + b"Siti \x81and\x8d,1210090000000021,ya\n"
    response = upload(client_for(kader_pondokbatu), bkb, "anggota.csv", data)
    errors = field_errors(response)
    assert any("UTF-8" in e and "Windows-1252" in e for e in errors), errors
    assert not ImporAnggota.objects.exists()
