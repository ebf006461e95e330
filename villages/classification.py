"""Kampung KB classification: Dasar / Berkembang / Mandiri / Berkelanjutan.

The official algorithm of kampungkb.bkkbn.go.id (domain.md §3.1, from
``database/sql/statistik/classification/query.sql``): twelve indicators are
scored 1–4 (three of them 1–3), averaged into three indices, and the indices
decide the class:

* INPUT  = (pokja + sumber_dana + poktan + sarana + pkb) / 5
* PROSES = (penggunaan_data + operasional + lintas_sektor) / 3
* OUTPUT = (poktan + cpr + mkjp + unmet) / 4

An index "passes" at ≥ 3 (indices are rounded to 2 decimals first):

* Dasar: no index or exactly one index passes;
* Berkembang: input and proses pass, output does not;
* Berkelanjutan: all three pass;
* Mandiri: output passes together with exactly one of input/proses.

Percentages are computed exactly as the SQL computes them:
``ROUND((a / b::float) * 100)`` is a float division, then PostgreSQL's
``round(double precision)``, which rounds a tie to the even integer (40.5 → 40,
12.5 → 12), so the gaps in the published bands (20/21, 40/41, 12/12.1 …)
never bite. Python's ``round()`` on a float is the same IEEE operation, which
``tests`` check against PostgreSQL itself. Division guards and joins follow
the SQL: PUS = 0 gives CPR 0 (score 1) but unmet need 0 (score 4); no
contraceptive users gives MKJP 0 (score 1); a poktan with no eligible
families contributes 0 %. A Kampung KB without a Profil scores 1 on every
input indicator; without a KKBPK snapshot, CPR, MKJP and unmet need are null
(score 1). CPR and MKJP are read through the Penduduk snapshot's PUS row, so
with a KKBPK but no Penduduk both are null (score 1), while unmet need, read
from the KKBPK side, is 0 (score 4).

Beyond the official site, ``jalur_naik`` says what would lift the village to
the next class ("tambah 1 sumber dana", "CPR 38 % → butuh > 40 %").

Everything here is pure: plain values in, plain values out.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from itertools import combinations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from kampungkb.domain import JenisPoktan
from villages.choices import KELAS_URUTAN, Kelas

POKTAN = [JenisPoktan.BKB, JenisPoktan.BKR, JenisPoktan.BKL, JenisPoktan.UPPKA, JenisPoktan.PIK_R]
LULUS = Decimal(3)


def persen_bulat(pembilang: int, penyebut: int) -> int:
    """ROUND((pembilang / penyebut::float) * 100) as PostgreSQL computes it; 0 if penyebut is 0.

    Float division, float multiplication, then ``round(double precision)``:
    a tie goes to the even integer (81 / 200 → 40.5 → 40; 1 / 8 → 12.5 → 12).
    """
    if not penyebut:
        return 0
    return bulat(pembilang / float(penyebut) * 100)


def bulat(nilai: float) -> int:
    """PostgreSQL ``round(double precision)``: rint(), ties to even, as Python's round()."""
    return round(float(nilai))


# ---------------------------------------------------------------- the inputs


@dataclass(frozen=True)
class Masukan:
    """Everything the class depends on, already read from the current snapshots.

    ``ada_profil`` False: no Profil snapshot (every input indicator scores 1).
    ``ikut`` None: no KKBPK snapshot (CPR, MKJP, unmet need null).
    ``ada_penduduk`` False: no Penduduk snapshot (CPR and MKJP null, as the SQL's
    join through the PUS row makes them)."""

    ada_profil: bool = False
    ada_penduduk: bool = True
    pokja_ada: bool = False
    pokja_jumlah: int | None = None
    pokja_pelatihan: bool = False
    jumlah_sumber_dana: int = 0
    poktan_ada: frozenset = frozenset()
    ada_sekretariat: bool = False
    ada_rumah_dataku: bool = False
    plkb_pendamping: bool = False
    regulasi_ada: bool = False
    jumlah_penggunaan_data: int = 0
    jumlah_operasional: int = 0
    lintas_sektor: int = 0
    # KKBPK and its denominators (Penduduk)
    ikut: dict | None = None  # poktan → families taking part
    penyebut: dict = field(default_factory=dict)  # poktan → eligible families
    peserta_kb: int = 0  # Σ PUS using one of the 7 modern methods
    peserta_mkjp: int = 0  # IUD + MOW + MOP + Implan
    pus: int = 0
    unmet: int = 0  # IAT + TIAL


# ------------------------------------------------- the twelve indicator scores


def skor_pokja(ada: bool, jumlah: int | None, pelatihan: bool) -> int:
    """1 no pokja; 2 pokja only; 3 pokja and (anggota > 0 or pelatihan); 4 both."""
    if not ada:
        return 1
    return 2 + bool(jumlah and jumlah > 0) + bool(pelatihan)


def skor_sumber_dana(n: int) -> int:
    """Count of sumber dana: 0→1; 1→2; 2–4→3; >4→4."""
    return 1 if n <= 0 else 2 if n == 1 else 3 if n <= 4 else 4


def skor_input_poktan(n: int) -> int:
    """Count of BKB/BKR/BKL/UPPKA/PIK-R = Ada: 0→1; 1–2→2; 3–4→3; 5→4."""
    return 1 if n <= 0 else 2 if n <= 2 else 3 if n <= 4 else 4


def skor_sarana(n: int) -> int:
    """Count of Sekretariat KKB + Rumah DataKu = Ada: 0→1; 1→2; 2→3 (max 3)."""
    return min(max(n, 0), 2) + 1


def skor_pkb(plkb_pendamping: bool, regulasi: bool) -> int:
    """PLKB pendamping and regulasi: neither→1; one→2; both→3 (max 3)."""
    return 1 + bool(plkb_pendamping) + bool(regulasi)


def skor_penggunaan_data(n: int) -> int:
    """Count of data sources used in planning: 0→1; 1→2; 2–3→3; >3→4."""
    return 1 if n <= 0 else 2 if n == 1 else 3 if n <= 3 else 4


def skor_operasional(n: int) -> int:
    """Count of mekanisme operasional = Ada: 0→1; 1–2→2; 3–4→3; 5→4."""
    return 1 if n <= 0 else 2 if n <= 2 else 3 if n <= 4 else 4


def skor_lintas_sektor(n: int) -> int:
    """Distinct non-KB instansi over the village's intervensi: 0→1; 1–3→2; 4–6→3; >6→4.

    Bug fix: the official SQL means to leave out the KB agencies themselves
    (ids 26 "OPD Pengendalian Penduduk dan KB" and 34 "Perwakilan BKKBN") but
    filters on ``intervensi_id`` instead of ``instansi_id``, so it counts them.
    We exclude them (``interventions.instansi_resmi.INSTANSI_KB``): the count
    passed here comes from ``interventions.selectors.lintas_sektor_count``,
    which does that."""
    return 1 if n <= 0 else 2 if n <= 3 else 3 if n <= 6 else 4


def skor_output_poktan(p: int) -> int:
    """Mean participation % over the 5 poktan: <10→1; 10–20→2; 21–30→3; >30→4."""
    return 1 if p < 10 else 2 if p <= 20 else 3 if p <= 30 else 4


def skor_cpr(p: int | None) -> int:
    """CPR %: null or <30→1; 30–40→2; 41–50→3; >50→4."""
    if p is None or p < 30:
        return 1
    return 2 if p <= 40 else 3 if p <= 50 else 4


def skor_mkjp(p: int | None) -> int:
    """MKJP share of users %: null or <20→1; 20–22→2; 23–24→3; >24→4."""
    if p is None or p < 20:
        return 1
    return 2 if p <= 22 else 3 if p <= 24 else 4


def skor_unmet(p: int | None) -> int:
    """Unmet need %: null→1; >12.1→1; 9.1–12→2; 6.1–9→3; <6.1→4 (lower is better)."""
    if p is None or p > Decimal("12.1"):
        return 1
    if p >= Decimal("9.1"):
        return 2
    return 3 if p >= Decimal("6.1") else 4


# ------------------------------------------------------- computed percentages


def partisipasi(ikut: int, penyebut: int) -> int:
    """Angka partisipasi poktan = ikut ÷ keluarga sasaran × 100 (0 if none eligible)."""
    return persen_bulat(ikut, penyebut)


def output_poktan_persen(ikut: dict, penyebut: dict) -> int:
    """round(Σ over the 5 poktan of round(ikut / eligible × 100) / 5); missing poktan = 0.

    As the SQL: ``round(sum(persentase) / 5)`` over float percentages."""
    total = sum(float(partisipasi(ikut.get(p, 0) or 0, penyebut.get(p, 0) or 0)) for p in POKTAN)
    return bulat(total / len(POKTAN))


def cpr_persen(peserta_kb: int, pus: int) -> int:
    """CPR = Σ peserta KB (7 modern methods) ÷ PUS × 100; PUS 0 → 0."""
    return persen_bulat(peserta_kb, pus)


def mkjp_persen(peserta_mkjp: int, peserta_kb: int) -> int:
    """MKJP % = (IUD + MOW + MOP + Implan) ÷ Σ peserta KB × 100; no users → 0."""
    return persen_bulat(peserta_mkjp, peserta_kb)


def unmet_persen(unmet: int, pus: int) -> int:
    """Unmet need = (IAT + TIAL) ÷ PUS × 100; PUS 0 → 0 (scores 4, as in the SQL)."""
    return persen_bulat(unmet, pus)


# ----------------------------------------------------------------- the result

INDIKATOR = {
    # key: (index, label, max score)
    "input_pokja": ("input", _l("Pokja"), 4),
    "input_sumber_dana": ("input", _l("Sumber dana"), 4),
    "input_poktan": ("input", _l("Poktan"), 4),
    "input_sarana": ("input", _l("Sarana"), 3),
    "input_pkb": ("input", _l("PLKB/PKB dan regulasi"), 3),
    "proses_penggunaan_data": ("proses", _l("Penggunaan data"), 4),
    "proses_operasional": ("proses", _l("Mekanisme operasional"), 4),
    "proses_lintas_sektor": ("proses", _l("Lintas sektor"), 4),
    "output_poktan": ("output", _l("Partisipasi poktan"), 4),
    "output_cpr": ("output", "CPR", 4),
    "output_mkjp": ("output", "MKJP", 4),
    "output_unmet": ("output", _l("Unmet need"), 4),
}
INDEKS = ["input", "proses", "output"]


@dataclass(frozen=True)
class Hasil:
    skor: dict[str, int]  # the 12 sub-scores
    nilai: dict[str, int | None]  # raw value behind each sub-score (count or %)
    indeks: dict[str, Decimal]  # input / proses / output, 2 decimals
    kelas: str

    def rincian(self) -> list[dict]:
        """Rows for the page: index, label, score, max, raw value."""
        return [
            {
                "kode": kode,
                "indeks": indeks,
                "label": label,
                "skor": self.skor[kode],
                "maks": maks,
                "nilai": self.nilai.get(kode),
            }
            for kode, (indeks, label, maks) in INDIKATOR.items()
        ]


def indeks_rata(skor: list[int]) -> Decimal:
    """Mean rounded to 2 decimals (half away from zero)."""
    return (Decimal(sum(skor)) / Decimal(len(skor))).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )


def kelas_dari_indeks(input_: Decimal, proses: Decimal, output: Decimal) -> str:
    """The class rules, in the official order (domain.md §3.1)."""
    i, p, o = input_ >= LULUS, proses >= LULUS, output >= LULUS
    if i + p + o <= 1:
        return Kelas.DASAR
    if i and p and not o:
        return Kelas.BERKEMBANG
    if i and p and o:
        return Kelas.BERKELANJUTAN
    return Kelas.MANDIRI  # output plus exactly one of input/proses


def klasifikasi(m: Masukan) -> Hasil:
    """12 sub-scores → 3 indices → class, for one Kampung KB."""
    nilai: dict[str, int | None] = {}
    if m.ada_profil:
        nilai["input_sumber_dana"] = m.jumlah_sumber_dana
        nilai["input_poktan"] = len(m.poktan_ada)
        nilai["input_sarana"] = int(m.ada_sekretariat) + int(m.ada_rumah_dataku)
        nilai["proses_penggunaan_data"] = m.jumlah_penggunaan_data
        nilai["proses_operasional"] = m.jumlah_operasional
        skor = {
            "input_pokja": skor_pokja(m.pokja_ada, m.pokja_jumlah, m.pokja_pelatihan),
            "input_sumber_dana": skor_sumber_dana(m.jumlah_sumber_dana),
            "input_poktan": skor_input_poktan(len(m.poktan_ada)),
            "input_sarana": skor_sarana(nilai["input_sarana"]),
            "input_pkb": skor_pkb(m.plkb_pendamping, m.regulasi_ada),
            "proses_penggunaan_data": skor_penggunaan_data(m.jumlah_penggunaan_data),
            "proses_operasional": skor_operasional(m.jumlah_operasional),
        }
    else:
        skor = {k: 1 for k, (ix, _l, _m) in INDIKATOR.items() if ix == "input"}
        skor |= {"proses_penggunaan_data": 1, "proses_operasional": 1}
    nilai["proses_lintas_sektor"] = m.lintas_sektor
    skor["proses_lintas_sektor"] = skor_lintas_sektor(m.lintas_sektor)

    if m.ikut is None:
        nilai |= {"output_poktan": 0, "output_cpr": None, "output_mkjp": None}
        nilai["output_unmet"] = None
    else:
        nilai["output_poktan"] = output_poktan_persen(m.ikut, m.penyebut)
        if m.ada_penduduk:
            nilai["output_cpr"] = cpr_persen(m.peserta_kb, m.pus)
            nilai["output_mkjp"] = mkjp_persen(m.peserta_mkjp, m.peserta_kb)
        else:
            nilai["output_cpr"] = nilai["output_mkjp"] = None
        nilai["output_unmet"] = unmet_persen(m.unmet, m.pus)
    skor["output_poktan"] = skor_output_poktan(nilai["output_poktan"])
    skor["output_cpr"] = skor_cpr(nilai["output_cpr"])
    skor["output_mkjp"] = skor_mkjp(nilai["output_mkjp"])
    skor["output_unmet"] = skor_unmet(nilai["output_unmet"])

    skor = {k: skor[k] for k in INDIKATOR}  # official order
    indeks = {
        ix: indeks_rata([s for k, s in skor.items() if INDIKATOR[k][0] == ix]) for ix in INDEKS
    }
    return Hasil(
        skor=skor,
        nilai=nilai,
        indeks=indeks,
        kelas=kelas_dari_indeks(indeks["input"], indeks["proses"], indeks["output"]),
    )


# ------------------------------------------------- what lifts it a class higher


def langkah(kode: str, skor: int, nilai: int | None, m: Masukan) -> str | None:
    """What raises one sub-score by one step, in words; None at its maximum."""
    if skor >= INDIKATOR[kode][2]:
        return None
    n = nilai or 0

    def tambah(batas: int, benda: str) -> str:
        return _("tambah %(n)d %(benda)s") % {"n": batas - n, "benda": benda}

    if kode == "input_pokja":
        if not m.pokja_ada:
            return _("bentuk Pokja Kampung KB")
        if skor == 2:
            return _("catat jumlah anggota Pokja atau adakan pelatihan Pokja")
        if not m.pokja_pelatihan:
            return _("adakan pelatihan/sosialisasi pengelolaan Kampung KB bagi Pokja")
        return _("catat jumlah anggota Pokja")
    if kode == "input_sumber_dana":
        return tambah({1: 1, 2: 2, 3: 5}[skor], _("sumber dana"))
    if kode == "input_poktan":
        belum = [str(p.label) for p in POKTAN if p not in m.poktan_ada]
        teks = tambah({1: 1, 2: 3, 3: 5}[skor], _("poktan"))
        return f"{teks} ({', '.join(belum)})" if belum else teks
    if kode == "input_sarana":
        belum = [
            nama
            for ada, nama in (
                (m.ada_sekretariat, _("Sekretariat KKB")),
                (m.ada_rumah_dataku, _("Rumah DataKu")),
            )
            if not ada
        ]
        return _("adakan %(x)s") % {"x": _(" atau ").join(belum)}
    if kode == "input_pkb":
        belum = []
        if not m.plkb_pendamping:
            belum.append(_("PLKB/PKB sebagai pendamping"))
        if not m.regulasi_ada:
            belum.append(_("regulasi yang mendukung Kampung KB"))
        return _("adakan %(x)s") % {"x": _(" atau ").join(belum)}
    if kode == "proses_penggunaan_data":
        return tambah({1: 1, 2: 2, 3: 4}[skor], _("sumber data untuk perencanaan"))
    if kode == "proses_operasional":
        return tambah({1: 1, 2: 3, 3: 5}[skor], _("mekanisme operasional"))
    if kode == "proses_lintas_sektor":
        return tambah({1: 1, 2: 4, 3: 7}[skor], _("instansi lintas sektor dalam intervensi"))
    if kode == "output_unmet":
        if nilai is None:
            return _("isi data Perkembangan KKBPK")
        target = {1: "≤ 12 %", 2: "≤ 9 %", 3: "≤ 6 %"}[skor]
        return _("unmet need %(n)s %% → butuh %(t)s") % {"n": nilai, "t": target}
    if nilai is None:
        return _("isi data Perkembangan KKBPK")
    label, target = {
        "output_poktan": (_("partisipasi poktan"), {1: "≥ 10 %", 2: "> 20 %", 3: "> 30 %"}),
        "output_cpr": ("CPR", {1: "≥ 30 %", 2: "> 40 %", 3: "> 50 %"}),
        "output_mkjp": ("MKJP", {1: "≥ 20 %", 2: "> 22 %", 3: "> 24 %"}),
    }[kode]
    return _("%(label)s %(n)s %% → butuh %(t)s") % {"label": label, "n": nilai, "t": target[skor]}


@dataclass(frozen=True)
class Jalur:
    """The cheapest way up: target class, and per index to raise its gap and steps."""

    kelas_tujuan: str
    indeks: list[dict]  # {"indeks", "nilai", "kurang_poin", "langkah": [str]}


def kurang_poin(hasil: Hasil, ix: str) -> int:
    """Sub-score points the index still needs to reach 3.00."""
    n = sum(1 for k in INDIKATOR if INDIKATOR[k][0] == ix)
    total = sum(s for k, s in hasil.skor.items() if INDIKATOR[k][0] == ix)
    return max(math.ceil(3 * n - total), 0)


def jalur_naik(hasil: Hasil, m: Masukan) -> Jalur | None:
    """The next class reachable by raising indices (never lowering one), None at the top.

    Raising indices can skip a class: a Berkembang village (input and proses
    pass) that lifts its output becomes Berkelanjutan, not Mandiri. So try every
    set of failing indices, keep those that give a higher class, and take the
    lowest such class, then the fewest missing points."""
    gagal = [ix for ix in INDEKS if hasil.indeks[ix] < LULUS]
    sekarang = KELAS_URUTAN[hasil.kelas]
    pilihan = []
    for r in range(1, len(gagal) + 1):
        for naik in combinations(gagal, r):
            lulus = {ix: hasil.indeks[ix] >= LULUS or ix in naik for ix in INDEKS}
            kelas = kelas_dari_indeks(*(LULUS if lulus[ix] else Decimal(0) for ix in INDEKS))
            if KELAS_URUTAN[kelas] > sekarang:
                biaya = sum(kurang_poin(hasil, ix) for ix in naik)
                pilihan.append((KELAS_URUTAN[kelas], biaya, kelas, naik))
    if not pilihan:
        return None
    _urut, _biaya, kelas, naik = min(pilihan)
    rincian = []
    for ix in naik:
        kode_ix = [k for k in INDIKATOR if INDIKATOR[k][0] == ix]
        steps = [
            s
            for k in kode_ix
            if (s := langkah(k, hasil.skor[k], hasil.nilai.get(k), m)) is not None
        ]
        rincian.append(
            {
                "indeks": ix,
                "nilai": hasil.indeks[ix],
                "kurang_poin": kurang_poin(hasil, ix),
                "langkah": steps,
            }
        )
    return Jalur(kelas_tujuan=kelas, indeks=rincian)
