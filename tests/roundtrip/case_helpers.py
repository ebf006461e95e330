"""What the round-trip cases (``tests/roundtrip/cases.py``) are built from:
the ``RoundTrip`` record, URL arguments, values to type where a generic
changed value would not be valid, setups and readers of what was stored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse
from django.utils import timezone

W = Any  # the world of tests/security/conftest.py


@dataclass
class RoundTrip:
    url_name: str
    persona: str
    page: Callable[[W], str]  # the page showing the form
    obj: Callable[[W], Any]  # the stored object, read fresh from the database
    post: Callable[[W], str] | None = None  # where the form posts (default: the page)
    # create: one POST filling every field; else one POST per field changed alone.
    create: bool = False
    # The page(s) showing the stored values again (default: the form's page).
    show: Callable[[W, Any], str | list[str]] | None = None
    rows: dict[str, Callable[[Any], list]] = field(default_factory=dict)  # formset prefix → rows
    read: dict[str, Callable[[Any], Any]] = field(default_factory=dict)  # name → stored value
    # name (fnmatch pattern) → (world, field, data) → the value to type
    values: dict[str, Callable] = field(default_factory=dict)
    # name pattern → (world, field, data) → other fields a valid change needs with it
    extra: dict[str, Callable] = field(default_factory=dict)
    exclude: dict[str, str] = field(default_factory=dict)  # name pattern → reason
    setup: Callable[[W], None] | None = None
    label: str = ""

    @property
    def id(self) -> str:
        return f"{self.url_name}{' ' + self.label if self.label else ''}"


def r(name, *args):
    return lambda w: reverse(name, args=[a(w) for a in args])


def kode(w):
    return w.kampung.desa_id


def periode(w):
    return str(w.periode)


def lalu(w):
    return str(w.periode_lalu)


def poktan_pk(w):
    return w.poktan.pk


# ------------------------------------------------------------------- values


def phone(w, f, data):
    return "081234567" + ("891" if f.value.endswith("890") else "890")


def meeting_date(w, f, data):
    today = timezone.localdate()
    first = w.periode.first_day
    return (today if f.value != today.isoformat() else first).isoformat()


def potensi_line(w, f, data):
    return (f.value.rstrip() + "\nKuliner: Keripik uji").strip()


def _numbers(data, name) -> int:
    return int((data.get(name) or ["0"])[0] or 0)


def kkbpk_balance(w, f, data):
    """KB users + non-users must equal the PUS: one more here, one fewer elsewhere."""
    from villages.models import KkbpkKampung

    group = KkbpkKampung.KB_FIELDS + KkbpkKampung.NON_FIELDS
    other = next(n for n in group if n != f.name and _numbers(data, n) > 0)
    return {other: [str(_numbers(data, other) - 1)]}


def no_kb_method(w, f, data):
    # A family with a reason for not using KB has no KB method (AnggotaForm.clean).
    return {"metode_kb": [""]} if (data.get(f.name) or [""])[0] else {}


def kb_method_for_kemandirian(w, f, data):
    # Kemandirian KB is where a KB user is served (AnggotaForm.clean): a method too.
    if (data.get(f.name) or [""])[0]:
        return {"metode_kb": ["Suntik"], "alasan_tidak_kb": [""]}
    return {}


def no_reason(w, f, data):
    return ""  # a new family with a KB method has no reason for not using KB


def pengarah_when_no_plkb(w, f, data):
    # Without a PLKB the form asks who directs the activities (ProfilForm.clean).
    return {} if data.get("plkb_pendamping") else {"plkb_pengarah": ["Kader"]}


def also_ticked(flag):
    # The list counts only while its "ada" box is ticked (ProfilForm.clean).
    return lambda w, f, data: {flag: ["on"]}


def attendance(w, f, data):
    return "1" if f.value == "2" else "2"  # at most the 2 member families


def other_urusan(w, f, data):
    # The main urusan is never repeated among the others (InovasiForm.clean).
    main = data.get("urusan_utama") or []
    free = next(o for o in f.options if o not in f.chosen and o not in main)
    return sorted([*f.chosen, free])


def tematik_of_year(w, f, data):
    # A tematik of the assessment year chosen (InovasiForm.clean).
    from interventions.models import TematikIID

    tahun = (data.get("tahun_iid") or [""])[0]
    pks = TematikIID.objects.filter(tahun_id=tahun).values_list("pk", flat=True)
    return next(str(pk) for pk in pks if str(pk) not in f.chosen)


# ------------------------------------------------------------------- setups


def laporan_draft(w):
    """A draft register of this month with one meeting, two member families."""
    from poktan.models import Anggota, Laporan, Pertemuan

    Anggota.objects.create(poktan=w.poktan, nama_kepala_keluarga="Ani", nomor_kk="1210090000000321")
    laporan = Laporan.objects.create(
        poktan=w.poktan,
        periode=w.periode.first_day,
        jumlah_anggota=2,
        keluarga_hadir=0,
        anak_dipantau_kka=0,
    )
    Pertemuan.objects.create(
        laporan=laporan, tanggal=w.periode.first_day, materi="Gizi", jumlah_hadir=1
    )
    w.laporan = laporan


def pengurus_row(w):
    from poktan.models import Pengurus

    Pengurus.objects.create(
        poktan=w.poktan,
        jabatan="Ketua",
        nama="Bu Ketua",
        pendidikan="SMA",
        pernah_pelatihan=True,
        kontak="081211112222",
    )


def uppka_anggota(w):
    """A UPPKA poktan with one member: the UPPKS register's jabatan and modal diperoleh."""
    from kampungkb.domain import JenisPoktan
    from poktan.models import Anggota, Poktan

    w.poktan_uppka = Poktan.objects.create(
        kampung=w.kampung, jenis=JenisPoktan.UPPKA, nama="UPPKA Uji"
    )
    w.anggota_uppka = Anggota.objects.create(
        poktan=w.poktan_uppka,
        nama_kepala_keluarga="Siti",
        nomor_kk="1210090000000777",
        metode_kb="PIL",
        jabatan="Bendahara",
        modal_diperoleh=500000,
    )


def another_iid_year(w):
    # A second IID year (with a tematik), so "tahun penilaian" has another option.
    from interventions.models import TahunIID, TematikIID

    tahun, _created = TahunIID.objects.get_or_create(tahun=2024)
    TematikIID.objects.get_or_create(tahun=tahun, nama="Tematik uji")


def another_kampung(w):
    # A second Kampung KB in scope, so "kampung" has another option to choose.
    from villages.models import KampungKB

    KampungKB.objects.create(
        desa_id="12.10.09.2010", nama="Kampung KB Meranti", tanggal_pencanangan=dt.date(2018, 1, 1)
    )


# ------------------------------------------------------------------- readers


def snapshot(jenis):
    def read(w):
        from villages.selectors import JENIS, snapshot_exact

        return snapshot_exact(JENIS[jenis], w.kampung, w.periode.first_day)

    return read


def operasional(i):
    def read(obj):
        from villages.choices import Operasional

        return (obj.operasional or {}).get(Operasional.values[i], "")

    return read


def latest(model_path, **lookup):
    def read(w):
        from django.apps import apps

        return apps.get_model(model_path).objects.filter(**lookup).order_by("-pk").first()

    return read


def laporan_of(attr):
    def read(w):
        from poktan.models import Laporan

        return Laporan.objects.get(poktan=w.poktan, periode=getattr(w, attr).first_day)

    return read


def last_note(obj):
    from kampungkb.audit import history

    return history(obj).order_by("-pk").values_list("note", flat=True).first()
