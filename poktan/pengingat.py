"""Reminders that reach people (issue 17 §2).

On the completeness page, the PKB (and the kabupaten drilling into a
kecamatan) gets, for each register not started, late or returned, a
WhatsApp link to the desa's kader(s) with a prefilled message; the
kabupaten gets one per PKB listing his villages still owing; both get a
text to copy into a WhatsApp group listing every village still owing. The
server sends nothing: the link opens WhatsApp with the text typed, the
person sends it.

Kader links go through ``poktan:pengingat-wa`` (a scoped redirect to
``https://wa.me/…``): the page never carries the kader's number, which
roles without contact rights (the PKB) see masked (``kampungkb/contacts.py``).

Messages are always in Indonesian (the kader and the PKB read them, whatever
language the sender's screen is in).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import FilteredRelation, Q
from django.urls import reverse
from django.utils import translation

from kampungkb import contacts, telepon, timefmt
from kampungkb.models import Role, User
from kampungkb.periods import Periode, due_date
from poktan.kelengkapan import Keadaan
from poktan.models import Poktan, Status
from villages.models import Tingkat

REMINDER_ROLES = (Role.PETUGAS_KECAMATAN, Role.OPD_KABUPATEN, Role.ADMIN)
# A link per register in these states; the group text lists drafts too.
REMIND = (Keadaan.BELUM_MULAI, Keadaan.TERLAMBAT, Keadaan.DIKEMBALIKAN)
OWING = (*REMIND, Keadaan.DRAF)
STATE_TEXT = {
    Keadaan.BELUM_MULAI: "belum diisi",
    Keadaan.DRAF: "masih draf, belum diajukan",
    Keadaan.TERLAMBAT: "belum diajukan dan sudah lewat batas lapor",
    Keadaan.DIKEMBALIKAN: "dikembalikan petugas untuk diperbaiki",
}
STATE_SHORT = {
    Keadaan.BELUM_MULAI: "belum diisi",
    Keadaan.DRAF: "draf",
    Keadaan.TERLAMBAT: "terlambat",
    Keadaan.DIKEMBALIKAN: "dikembalikan",
}


def can_remind(user) -> bool:
    return bool(user.is_superuser or user.role in REMINDER_ROLES)


@dataclass
class Kontak:
    """Someone to remind: name, the number as the viewer may read it, the link."""

    name: str
    nomor: str
    href: str


def _name(user) -> str:
    return user.get_full_name() or user.username


def nomor_for(viewer, user) -> str:
    shown = telepon.shown(user.telepon)
    return shown if contacts.can_see_contacts(viewer) else contacts.mask_phones(shown)


def people_by_wilayah(role: str, codes) -> dict[str, list[User]]:
    """Active users of ``role`` scoped to each of ``codes`` (one query)."""
    found = defaultdict(list)
    users = User.objects.filter(role=role, is_active=True, wilayah_id__in=set(codes))
    for user in users.order_by("first_name", "username"):
        found[user.wilayah_id].append(user)
    return found


def _dates(periode: Periode) -> tuple[str, str]:
    with translation.override("id"):
        return periode.label, timefmt.format_value(due_date(periode), "j F Y")


def pesan_kader(*, kader, poktan, periode: Periode, keadaan: Keadaan, url: str) -> str:
    bulan, batas = _dates(periode)
    return (
        f"Halo {_name(kader)}, laporan bulanan {poktan.nama} ({poktan.kampung.desa.label}) "
        f"bulan {bulan} {STATE_TEXT[keadaan]}. Batas lapor {batas}. "
        f"Mohon dilengkapi dan diajukan di Portal Kampung KB: {url}"
    )


def _owing_lines(owing: list[tuple[str, list[str]]]) -> str:
    return "\n".join(f"- {desa}: {', '.join(items)}" for desa, items in owing)


def pesan_pkb(*, pkb, kecamatan, periode: Periode, owing, url: str) -> str:
    bulan, batas = _dates(periode)
    return (
        f"Halo {_name(pkb)}, laporan poktan bulan {bulan} di {kecamatan.label} belum lengkap "
        f"(batas lapor {batas}). Desa yang masih harus melapor:\n{_owing_lines(owing)}\n"
        f"Mohon diingatkan kader desanya. Kelengkapan: {url}"
    )


def pesan_grup(*, wilayah, periode: Periode, owing, url: str) -> str:
    bulan, batas = _dates(periode)
    if not owing:
        return f"Laporan poktan bulan {bulan} di {wilayah.label} sudah lengkap. Terima kasih!"
    return (
        f"Pengingat laporan poktan bulan {bulan} ({wilayah.label}), batas lapor {batas}.\n"
        f"Desa yang laporannya belum lengkap:\n{_owing_lines(owing)}\n"
        f"Mohon diisi dan diajukan di Portal Kampung KB: {url}"
    )


def grid_owing(rows) -> list[tuple[str, list[str]]]:
    """Villages of a desa grid with registers still owing, and which."""
    owing = []
    for row in rows:
        items = [
            f"{cell.poktan.nama} ({STATE_SHORT[cell.keadaan]})"
            for cells in row.columns
            for cell in cells
            if cell.keadaan in OWING
        ]
        if items:
            owing.append((row.desa.label, items))
    return owing


def owing_by_kecamatan(user, kode: str, periode: Periode) -> dict[str, list]:
    """Under a kabupaten: per kecamatan code, its villages still owing (one query)."""
    rows = (
        Poktan.objects.for_user(user)
        .in_wilayah(kode)
        .filter(aktif=True)
        .annotate(lap=FilteredRelation("laporan", condition=Q(laporan__periode=periode.first_day)))
        .filter(Q(lap__status__isnull=True) | Q(lap__status__in=[Status.DRAF, Status.DIKEMBALIKAN]))
        .select_related("kampung__desa")
        .order_by("kampung__desa_id", "jenis", "nama")
    )
    found: dict[str, dict[str, list[str]]] = defaultdict(dict)
    for p in rows:
        desa = p.kampung.desa
        found[desa.kode.rsplit(".", 1)[0]].setdefault(desa.label, []).append(p.nama)
    return {k: list(v.items()) for k, v in found.items()}


def for_grid(request, rows, periode: Periode, wilayah) -> str:
    """Give each owing cell of a desa grid ``.pengingat`` (kontak list, empty:
    no number) and return the group text (two queries at most: the kaders)."""
    kaders = people_by_wilayah(Role.KADER, [row.desa.kode for row in rows])
    for row in rows:
        for cells in row.columns:
            for cell in cells:
                if cell.keadaan not in REMIND:
                    continue
                cell.pengingat = [
                    Kontak(
                        _name(k),
                        nomor_for(request.user, k),
                        reverse("poktan:pengingat-wa", args=[cell.poktan.pk, periode, k.pk]),
                    )
                    for k in kaders.get(row.desa.kode, [])
                    if k.telepon
                ]
                cell.ingatkan = True
    url = request.build_absolute_uri(reverse("poktan:laporan-bulan-ini"))
    return pesan_grup(wilayah=wilayah, periode=periode, owing=grid_owing(rows), url=url)


def for_rollup(request, rollup, periode: Periode, wilayah) -> str:
    """A kabupaten's kecamatan rows: ``.pengingat`` per PKB with his villages
    still owing; returns the group text listing every village still owing."""
    owing = owing_by_kecamatan(request.user, wilayah.kode, periode)
    pkb = people_by_wilayah(Role.PETUGAS_KECAMATAN, [row.kode for row in rollup])
    every = []
    for row in rollup:
        villages = owing.get(row.kode, [])
        every += villages
        row.owing = villages
        if not villages or row.wilayah is None:
            continue
        url = request.build_absolute_uri(
            reverse("poktan:kelengkapan") + f"?periode={periode}&wilayah={row.kode}"
        )
        row.pengingat = [
            Kontak(
                _name(u),
                nomor_for(request.user, u),
                telepon.wa_link(
                    u.telepon,
                    pesan_pkb(
                        pkb=u, kecamatan=row.wilayah, periode=periode, owing=villages, url=url
                    ),
                ),
            )
            for u in pkb.get(row.kode, [])
            if u.telepon
        ]
        row.ingatkan = True
    url = request.build_absolute_uri(reverse("poktan:laporan-bulan-ini"))
    return pesan_grup(wilayah=wilayah, periode=periode, owing=every, url=url)


def add_to_context(request, context: dict) -> None:
    """The links and the group text, for the roles that remind, at a
    kecamatan grid or a kabupaten's kecamatan rows."""
    wilayah, periode = context["wilayah"], context["periode"]
    if wilayah is None or not can_remind(request.user):
        return
    if context["is_grid"]:
        text = for_grid(request, context["rows"], periode, wilayah)
    elif wilayah.tingkat == Tingkat.KABUPATEN:
        text = for_rollup(request, context["rollup"], periode, wilayah)
    else:
        return
    context["teks_grup"] = text
