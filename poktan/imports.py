"""Member import from XLSX/CSV: template, parsing and row-numbered checks.

Row numbers are the spreadsheet's own (the header is row 1), so "baris 7"
points the kader at the row she sees in her spreadsheet program."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _

from kampungkb.domain import JenisPoktan, Kontrasepsi, NonKontrasepsi
from kampungkb.imports import Limits, read_table
from poktan.models import Anggota, Poktan

MAX_ROWS = 2000

# (field, header, kind)
BASE_COLUMNS = [
    ("nama_kepala_keluarga", "Nama kepala keluarga", "text"),
    ("nomor_kk", "Nomor KK", "kk"),
    ("status_pus", "PUS (ya/tidak)", "bool"),
    ("metode_kb", "Metode KB", "metode"),
    ("alasan_tidak_kb", "Alasan tidak ber-KB", "alasan"),
]
TYPE_COLUMNS = {
    JenisPoktan.BKB: [
        ("anak_0_1", "Anak 0-1 th", "int"),
        ("anak_1_2", "Anak 1-2 th", "int"),
        ("anak_2_3", "Anak 2-3 th", "int"),
        ("anak_3_4", "Anak 3-4 th", "int"),
        ("anak_4_5", "Anak 4-5 th", "int"),
        ("anak_5_6", "Anak 5-6 th", "int"),
        ("pakai_kka", "Memakai KKA (ya/tidak)", "bool"),
    ],
    JenisPoktan.BKR: [("jumlah_remaja", "Jumlah remaja", "int")],
    JenisPoktan.BKL: [("jumlah_lansia", "Jumlah lansia", "int")],
    JenisPoktan.PIK_R: [("jumlah_remaja", "Jumlah remaja", "int")],
    JenisPoktan.UPPKA: [("jenis_usaha", "Jenis usaha", "text_opt")],
}
YES = {"ya", "y", "1", "true", "benar"}
NO = {"tidak", "t", "0", "false", "", "none"}


def columns(poktan: Poktan) -> list[tuple[str, str, str]]:
    return BASE_COLUMNS + TYPE_COLUMNS[poktan.jenis]


def template_xlsx(poktan: Poktan) -> bytes:
    from reports import xlsx  # the one XLSX writer (text stays text)

    cols = columns(poktan)
    example = {
        "nama_kepala_keluarga": "Contoh: Budi Santoso",
        "nomor_kk": "1210090000000001",
        "status_pus": "ya",
        "metode_kb": "Suntik",
    }
    anggota = xlsx.Sheet(
        "Anggota",
        # "@": the 16 digits of the KK stay text when typed in
        [xlsx.Column(header, "@" if f == "nomor_kk" else None, width=22) for f, header, _k in cols],
        [[example.get(f, "") for f, _h, _k in cols]],
    )
    petunjuk = xlsx.Sheet(
        "Petunjuk",
        [xlsx.Column("Kolom", width=22), xlsx.Column("Isian", width=80)],
        [
            ["Metode KB", ", ".join(str(k.label) for k in Kontrasepsi)],
            ["Alasan tidak ber-KB", ", ".join(str(r.label) for r in NonKontrasepsi)],
            ["Hapus baris contoh sebelum mengimpor.", ""],
        ],
    )
    return xlsx.workbook_bytes([anggota, petunjuk])


@dataclass
class Baris:
    nomor: int
    data: dict[str, Any] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _read_rows(content: bytes, filename: str) -> list[list[Any]]:
    # Bounded before parsing (zip bombs, 2 million shared strings, endless lines).
    return read_table(content, filename, Limits(max_rows=MAX_ROWS))


def _choice(value: str, choices) -> str | None:
    value = value.strip().lower()
    if not value:
        return ""
    for c in choices:
        with translation.override("id"):  # a sheet filled in Indonesian, read in any language
            indonesian = str(c.label).lower()
        if value in (c.value.lower(), str(c.label).lower(), indonesian):
            return c.value
    return None


def _convert(kind: str, raw: Any, header: str, baris: Baris) -> Any:
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    text = "" if raw is None else str(raw).strip()
    if "\x00" in text:  # PostgreSQL refuses NUL: the row says so instead of a 500
        baris.errors.append(_("%(h)s memuat karakter NUL yang tidak diizinkan") % {"h": header})
        text = text.replace("\x00", "")
    if kind in ("text", "text_opt"):
        if kind == "text" and not text:
            baris.errors.append(_("%(h)s wajib diisi") % {"h": header.lower()})
        return text[:150]
    if kind == "kk":
        text = text.replace(" ", "").replace("'", "")
        if len(text) != 16 or not (text.isascii() and text.isdigit()):
            baris.errors.append(_("nomor KK harus 16 digit"))
        return text
    if kind == "bool":
        if text.lower() in YES:
            return True
        if text.lower() in NO:
            return False
        baris.errors.append(_("%(h)s harus ya atau tidak") % {"h": header.split(" (")[0]})
        return False
    if kind == "int":
        if not text:
            return 0
        if not (text.isascii() and text.isdigit()):
            baris.errors.append(_("%(h)s harus angka bulat tidak negatif") % {"h": header.lower()})
            return 0
        return int(text)
    if kind == "metode":
        value = _choice(text, Kontrasepsi)
        if value is None:
            baris.errors.append(_("metode KB “%(v)s” tidak dikenal") % {"v": text})
        return value or ""
    if kind == "alasan":
        value = _choice(text, NonKontrasepsi)
        if value is None:
            baris.errors.append(_("alasan tidak ber-KB “%(v)s” tidak dikenal") % {"v": text})
        return value or ""
    raise ValueError(kind)


def parse(poktan: Poktan, content: bytes, filename: str) -> tuple[list[Baris], list[str]]:
    """(rows, file-level errors). Checks shape, codes and duplicates, in file and in the poktan."""
    try:
        rows = _read_rows(content, filename)
    except ValidationError as exc:  # refused with its reason, at the file field
        return [], list(exc.messages)
    if not rows:
        return [], [_("Berkas kosong.")]
    cols = columns(poktan)
    header = [str(h or "").strip().lower() for h in rows[0]]
    positions = {}
    for name, label, _kind in cols:
        if label.lower() in header:
            positions[name] = header.index(label.lower())
    missing = [label for name, label, _k in cols[:2] if name not in positions]
    if missing:
        return [], [_("Kolom wajib tidak ada: %(c)s. Gunakan templat.") % {"c": ", ".join(missing)}]
    existing = set(Anggota.objects.filter(poktan=poktan).values_list("nomor_kk", flat=True))
    seen: dict[str, int] = {}
    result = []
    for nomor, row in enumerate(rows[1:], start=2):
        if all(v in (None, "") for v in row):
            continue
        baris = Baris(nomor)
        for name, label, kind in cols:
            pos = positions.get(name)
            raw = row[pos] if pos is not None and pos < len(row) else None
            baris.data[name] = _convert(kind, raw, label, baris)
        kk = baris.data["nomor_kk"]
        if kk in existing:
            baris.errors.append(_("nomor KK sudah terdaftar di poktan ini"))
        elif kk in seen:
            baris.errors.append(_("nomor KK sama dengan baris %(n)s") % {"n": seen[kk]})
        seen.setdefault(kk, nomor)
        if baris.data["metode_kb"] and baris.data["alasan_tidak_kb"]:
            baris.errors.append(_("peserta KB tidak boleh punya alasan tidak ber-KB"))
        result.append(baris)
    if not result:
        return [], [_("Tidak ada baris data di bawah judul kolom.")]
    return result, []
