"""Read-side helpers: current snapshots, classification inputs, history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField
from django.db.models.functions import Cast

from kampungkb.models import AuditEntry
from villages import classification
from villages.choices import POKTAN_PENYEBUT, PenggunaanData
from villages.models import KampungKB, KkbpkKampung, PendudukKampung, ProfilKampung, Snapshot

JENIS = {"profil": ProfilKampung, "penduduk": PendudukKampung, "kkbpk": KkbpkKampung}


def lintas_sektor_counts(kampung_ids: list[int]) -> dict[int, int]:
    """Distinct non-KB instansi per Kampung KB, from the interventions app."""
    from interventions.selectors import lintas_sektor_count

    return lintas_sektor_count(list(kampung_ids))


def lintas_sektor_of(kampung) -> int:
    """One Kampung KB's count, shared with its page's sections (no second query)."""
    from interventions.selectors import lintas_sektor_of as count_once

    return count_once(kampung)


def snapshot_at(
    model: type[Snapshot], kampung: KampungKB, periode: dt.date | None = None
) -> Snapshot | None:
    """The live row of the latest period up to ``periode`` (None: the current one)."""
    qs = model.objects.aktif().filter(kampung=kampung)
    if periode is not None:
        qs = qs.filter(periode__lte=periode)
    return qs.order_by("-periode").first()


def snapshot_exact(model: type[Snapshot], kampung: KampungKB, periode: dt.date) -> Snapshot | None:
    return model.objects.aktif().filter(kampung=kampung, periode=periode).first()


def masukan(
    profil: ProfilKampung | None,
    penduduk: PendudukKampung | None,
    kkbpk: KkbpkKampung | None,
    lintas_sektor: int,
) -> classification.Masukan:
    """Classification inputs read from the snapshots (domain.md §3.1)."""
    values: dict = {"lintas_sektor": lintas_sektor}
    if profil is not None:
        penggunaan = profil.penggunaan_data if profil.penggunaan_data_ada else []
        values |= {
            "ada_profil": True,
            "pokja_ada": profil.pokja_ada,
            "pokja_jumlah": profil.pokja_jumlah,
            "pokja_pelatihan": profil.pokja_pelatihan,
            "jumlah_sumber_dana": len(profil.sumber_dana),
            "poktan_ada": frozenset(profil.poktan_ada()),
            "ada_sekretariat": profil.ada_sekretariat,
            "ada_rumah_dataku": profil.ada_rumah_dataku,
            "plkb_pendamping": profil.plkb_pendamping,
            "regulasi_ada": profil.regulasi_ada,
            "jumlah_penggunaan_data": len([p for p in penggunaan if p in PenggunaanData.values]),
            "jumlah_operasional": len(profil.operasional),
        }
    if kkbpk is not None:
        values |= {
            "ikut": kkbpk.ikut(),
            "penyebut": penyebut(penduduk),
            "peserta_kb": kkbpk.peserta_kb,
            "peserta_mkjp": kkbpk.peserta_mkjp,
            "pus": penduduk.pus if penduduk else 0,
            "ada_penduduk": penduduk is not None,
            "unmet": kkbpk.unmet,
        }
    return classification.Masukan(**values)


def klasifikasi_per_periode(
    rows: dict[str, list[Snapshot]], lintas_sektor: int
) -> list[tuple[dt.date, classification.Hasil]]:
    """The class of each period in which one Kampung KB's snapshots change.

    ``rows``: its live snapshots per kind (``JENIS`` keys), oldest first; a
    snapshot stays in force until the next one of its kind."""
    periods = sorted({r.periode for rs in rows.values() for r in rs})
    result = []
    for p in periods:
        latest = {
            j: next((r for r in reversed(rs) if r.periode <= p), None) for j, rs in rows.items()
        }
        hasil = classification.klasifikasi(
            masukan(latest["profil"], latest["penduduk"], latest["kkbpk"], lintas_sektor)
        )
        result.append((p, hasil))
    return result


def penyebut(penduduk: PendudukKampung | None) -> dict:
    """Eligible families of each poktan (PROGRAM_KELUARGA_MAP)."""
    if penduduk is None:
        return {}
    return {p: getattr(penduduk, alias) for p, alias in POKTAN_PENYEBUT.items()}


def current_snapshots(kampung: KampungKB) -> dict[str, Snapshot | None]:
    return {jenis: snapshot_at(model, kampung) for jenis, model in JENIS.items()}


def snapshot_history(kampung: KampungKB, jenis: str, limit: int = 20) -> list[AuditEntry]:
    """Audit entries of every version of one snapshot kind of a Kampung KB, newest first."""
    model = JENIS[jenis]
    ids = model.objects.filter(kampung=kampung).annotate(s=Cast("pk", CharField())).values("s")
    return list(
        AuditEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(model), object_id__in=ids
        ).select_related("actor")[:limit]
    )


@dataclass
class SkPokja:
    """Whether the Pokja has its SK, and its reference when recorded."""

    ada: bool
    nomor: str = ""
    tanggal: object = None
    penerbit: str = ""


def sk_pokja(profil, pokja) -> SkPokja:
    """The one answer to "does the Pokja have an SK?" for every page and PDF.

    The monthly Profil has a yes/no flag and the Pokja record may carry the SK
    number: a recorded SK (number or file) is an SK even if the flag was left
    unticked, and a ticked flag without a number is "Ada, nomor belum dicatat"
    rather than "SK: –" next to "SK Pokja: Ada"."""
    recorded = bool(pokja and (pokja.sk_nomor or pokja.sk_berkas))
    if not recorded:
        return SkPokja(ada=bool(profil and profil.pokja_sk))
    return SkPokja(
        ada=True, nomor=pokja.sk_nomor, tanggal=pokja.sk_tanggal, penerbit=pokja.sk_penerbit
    )
