"""Cetak R/I: a poktan's monthly register in the rows of the paper SIGA R/I
form the PKB transcribes (domain.md §2.1–2.2; issue 15 item 3).

One rows definition (``baris_for``) serves both outputs, so every figure is
typed once: the one-page PDF of a poktan × month (``ri_context`` + the
template ``reports/pdf/_ri.html``) and the XLSX of a kecamatan's month
(``ri_sheets``: one sheet per poktan type, the same rows, one column per
poktan).

Row order follows the register columns domain.md §2.2 lists (BKB: keluarga,
balita, KKA, kesertaan, status PUS, kesertaan KB, tahapan KS; UPPKS: jabatan,
tahapan KS, status PUS, kesertaan KB, kemandirian KB, modal diperoleh) and the
K/0 "Penyuluhan" block (materi, pemberian materi, ada diskusi). The exact
SIGA column headers are not public (domain.md §2.2); the labels are the
register's own words. Status PUS and kesertaan KB of BKB/BKR/BKL count the
families who attended (``poktan.siga.JENIS_HADIR``); a register saved before
that was recorded shows "–" there, never a zero it does not know.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from kampungkb.domain import JenisPoktan, Kontrasepsi
from kampungkb.periods import Periode
from poktan.siga import JENIS_HADIR, KemandirianKB, TahapanKS

# The register code and title of each poktan type (domain.md §2.1).
FORMULIR = {
    JenisPoktan.BKB: ("R/I/BKB/20", _("Register Keluarga yang Mempunyai Balita")),
    JenisPoktan.BKR: ("R/I/BKR/20", _("Register Keluarga yang Mempunyai Remaja")),
    JenisPoktan.BKL: ("R/I/BKL/20", _("Register Keluarga yang Mempunyai Lansia")),
    JenisPoktan.UPPKA: ("R/I/UPPKA/20", _("Register Kegiatan Kelompok UPPKA")),
    JenisPoktan.PIK_R: ("R/I/PIK-R/M/20", _("Register Kegiatan PIK-R/M")),
}


@dataclass(frozen=True)
class Baris:
    """One row of the form: its number, label and how to read the figure."""

    nomor: str
    label: Any  # a lazy translation
    nilai: Callable[[Any], int | None]
    uang: bool = False


@dataclass(frozen=True)
class Bagian:
    judul: Any
    baris: list[Baris]


def _field(name: str):
    return lambda lap: None if lap is None else getattr(lap, name)


def _kb(*path: str):
    """A figure of the register's member snapshot (``Laporan.kesertaan_kb``)."""

    def read(lap):
        value = None if lap is None else lap.kesertaan_kb
        for key in path:
            if not isinstance(value, dict):
                return None
            value = value.get(key)
        return value

    return read


def _pertemuan(lap) -> int | None:
    return None if lap is None else len(lap.pertemuan.all())


def _diskusi(lap) -> int | None:
    if lap is None:
        return None
    known = [p.ada_diskusi for p in lap.pertemuan.all() if p.ada_diskusi is not None]
    return sum(known) if known or not lap.pertemuan.all() else None


def _hadir_pertemuan(lap) -> int | None:
    return None if lap is None else sum(p.jumlah_hadir for p in lap.pertemuan.all())


def _kegiatan(jenis: str) -> list[tuple[Any, Callable, bool]]:
    """Section A: membership and the figures of the poktan type."""
    rows = [(_("Jumlah keluarga anggota"), _field("jumlah_anggota"), False)]
    if jenis in JENIS_HADIR:
        rows.append((_("Keluarga anggota yang hadir"), _field("keluarga_hadir"), False))
    if jenis == JenisPoktan.BKB:
        rows += [
            (_("Anak balita (0–6 th) keluarga anggota"), _kb("anak_balita"), False),
            (_("Anak dipantau dengan KKA"), _field("anak_dipantau_kka"), False),
        ]
    if jenis == JenisPoktan.PIK_R:
        rows += [
            (_("Kegiatan informasi/penyuluhan"), _field("kegiatan_informasi"), False),
            (_("Konseling"), _field("kegiatan_konseling"), False),
            (_("Remaja terjangkau"), _field("remaja_terjangkau"), False),
        ]
    if jenis == JenisPoktan.UPPKA:
        rows += [
            (_("Anggota aktif"), _field("anggota_aktif"), False),
            (_("Modal kelompok (Rp)"), _field("modal"), True),
            (_("Omzet (Rp)"), _field("omzet"), True),
            (_("Jumlah modal diperoleh anggota (Rp)"), _kb("modal_diperoleh"), True),
        ]
    return rows


def _sections(jenis: str) -> list[tuple[Any, list[tuple[Any, Callable, bool]]]]:
    hadir = jenis in JENIS_HADIR
    kb = ("hadir",) if hadir else ()
    kb_judul = (
        _("Status PUS dan kesertaan KB keluarga yang hadir")
        if hadir
        else _("Status PUS dan kesertaan KB keluarga anggota")
    )
    return [
        (_("Keanggotaan dan kegiatan"), _kegiatan(jenis)),
        (
            kb_judul,
            [
                (_("Pasangan usia subur (PUS)"), _kb(*kb, "pus"), False),
                (_("Peserta KB"), _kb(*kb, "peserta"), False),
                *[
                    (
                        format_lazy(_("Peserta KB {metode}"), metode=m.label),
                        _kb(*kb, "metode", m),
                        False,
                    )
                    for m in Kontrasepsi
                ],
            ],
        ),
        (
            _("Tahapan KS keluarga anggota"),
            [(t.label, _kb("tahapan_ks", t.value), False) for t in TahapanKS],
        ),
        (
            _("Kemandirian KB (tempat pelayanan KB peserta)"),
            [(k.label, _kb("kemandirian", k.value), False) for k in KemandirianKB],
        ),
        (
            _("Penyuluhan"),
            [
                (_("Jumlah pertemuan"), _pertemuan, False),
                (_("Jumlah hadir dalam pertemuan"), _hadir_pertemuan, False),
                (_("Pertemuan dengan diskusi"), _diskusi, False),
            ],
        ),
    ]


def baris_for(jenis: str) -> list[Bagian]:
    """The rows of the R/I form of ``jenis``, numbered 1… in form order."""
    nomor = 0
    bagian = []
    for judul, rows in _sections(jenis):
        items = []
        for label, nilai, uang in rows:
            nomor += 1
            items.append(Baris(str(nomor), label, nilai, uang))
        bagian.append(Bagian(judul, items))
    return bagian


def ketua_of(poktan) -> str:
    ketua = [p.nama for p in poktan.pengurus.all() if p.jabatan.strip().lower() == "ketua"]
    return ketua[0] if ketua else ""


def ri_context(poktan, periode: Periode, laporan) -> dict[str, Any]:
    """Everything the R/I page shows. ``laporan`` may be None (a blank form)."""
    kode, judul = FORMULIR[poktan.jenis]
    lineage = {w.tingkat: w for w in poktan.kampung.desa.lineage()}
    return {
        "poktan": poktan,
        "periode": periode,
        "laporan": laporan,
        "kode_formulir": kode,
        "judul_formulir": judul,
        # Two label/value pairs a line, as on the paper form's header.
        "identitas": [
            [
                (_("Provinsi"), getattr(lineage.get(1), "nama", "")),
                (_("Kabupaten/Kota"), getattr(lineage.get(2), "nama", "")),
            ],
            [
                (_("Kecamatan"), getattr(lineage.get(3), "nama", "")),
                (_("Desa/Kelurahan"), poktan.kampung.desa.nama),
            ],
            [(_("Nama kelompok"), poktan.nama), (_("Bulan"), periode.label)],
        ],
        "bagian": [
            (b.judul, [(r, r.nilai(laporan)) for r in b.baris]) for b in baris_for(poktan.jenis)
        ],
        "pertemuan": list(laporan.pertemuan.all()) if laporan else [],
        "jumlah_foto": laporan.foto.count() if laporan else 0,
        "ketua": ketua_of(poktan),
    }


# --------------------------------------------------------------- XLSX of a kecamatan


def ri_sheets(poktan_list, laporan: dict[int, Any], periode: Periode, wilayah) -> list:
    """One sheet per poktan type present: the R/I rows in form order, one
    column per poktan (its register of ``periode``, or empty when none)."""
    from reports.xlsx import INTEGER, Column, Sheet

    sheets = []
    for jenis in JenisPoktan:
        group = [p for p in poktan_list if p.jenis == jenis]
        if not group:
            continue
        kode, judul = FORMULIR[jenis]
        columns = [
            Column(_("No."), width=5),
            Column(_("Isian"), width=46),
            *[Column(f"{p.kampung.desa.nama} – {p.nama}", INTEGER, width=18) for p in group],
        ]
        regs = [laporan.get(p.pk) for p in group]
        rows = [
            ["", str(_("Status laporan")), *[_status(lap) for lap in regs]],
        ]
        for bagian in baris_for(jenis):
            rows.append(["", str(bagian.judul), *[""] * len(group)])
            for r in bagian.baris:
                rows.append([r.nomor, str(r.label), *[r.nilai(lap) for lap in regs]])
        sheets.append(
            Sheet(
                title=jenis.value,
                columns=columns,
                rows=rows,
                heading=f"{kode} {judul} · {wilayah.label} · {periode.label}",
            )
        )
    return sheets


def _status(laporan) -> str:
    return str(_("belum ada laporan")) if laporan is None else str(laporan.get_status_display())
