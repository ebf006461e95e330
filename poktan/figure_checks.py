"""Checks of a register's figures: the domain rules a draft must pass
(``validate_figures``, raised by ``poktan.services``) and the warnings shown
before submit that never block (``soft_warnings``, design.md §4.6)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.translation import gettext as _

from kampungkb.domain import JenisPoktan
from kampungkb.periods import Periode
from poktan.models import Laporan, Poktan


def validate_figures(
    *,
    poktan: Poktan,
    periode: Periode,
    values: dict[str, Any],
    pertemuan: list[dict[str, Any]],
    today: dt.date,
) -> dict[str, list[str]]:
    """Domain checks of a register: attendance ≤ members, no negatives,
    meeting dates inside the month and not in the future."""
    errors: dict[str, list[str]] = {}
    anggota = values.get("jumlah_anggota")
    for name, value in values.items():
        if value is not None and value < 0:
            errors.setdefault(name, []).append(_("Tidak boleh negatif."))
    if anggota is not None and anggota >= 0:
        for name in ("keluarga_hadir", "anggota_aktif"):
            value = values.get(name)
            if value is not None and value > anggota:
                errors.setdefault(name, []).append(
                    _("Tidak boleh lebih dari jumlah keluarga anggota (%(n)s).") % {"n": anggota}
                )
    for i, row in enumerate(pertemuan):
        tanggal = row.get("tanggal")
        if tanggal and not (periode.first_day <= tanggal <= periode.last_day):
            errors.setdefault(f"pertemuan.{i}.tanggal", []).append(
                _("Tanggal harus di bulan %(p)s.") % {"p": periode.label}
            )
        elif tanggal and tanggal > today:
            errors.setdefault(f"pertemuan.{i}.tanggal", []).append(
                _("Tanggal tidak boleh di masa depan.")
            )
        hadir = row.get("jumlah_hadir")
        if hadir is not None and hadir < 0:
            errors.setdefault(f"pertemuan.{i}.jumlah_hadir", []).append(_("Tidak boleh negatif."))
        elif (
            hadir is not None
            and anggota is not None
            and hadir > anggota
            and poktan.jenis != JenisPoktan.PIK_R
        ):
            errors.setdefault(f"pertemuan.{i}.jumlah_hadir", []).append(
                _("Tidak boleh lebih dari jumlah keluarga anggota (%(n)s).") % {"n": anggota}
            )
    return errors


def soft_warnings(*, laporan: Laporan, previous: Laporan | None) -> list[str]:
    """Checks that warn before submit but do not block (design.md §4.6)."""
    warnings = []
    if not laporan.pertemuan.all():
        warnings.append(_("Belum ada pertemuan dicatat bulan ini."))
    hadir, lalu = laporan.keluarga_hadir, previous.keluarga_hadir if previous else None
    if hadir is not None and lalu and hadir < lalu / 2:
        warnings.append(
            _("Keluarga hadir turun lebih dari separuh dibanding bulan lalu (%(a)s → %(b)s).")
            % {"a": lalu, "b": hadir}
        )
    balita = (laporan.kesertaan_kb or {}).get("anak_balita")
    kka = laporan.anak_dipantau_kka
    if kka is not None and balita is not None and kka > balita:
        warnings.append(
            _(
                "Anak dipantau dengan KKA (%(a)s) lebih banyak dari anak 0–6 th "
                "di daftar anggota (%(b)s)."
            )
            % {"a": kka, "b": balita}
        )
    return warnings
