"""The official classification (domain.md §3.1), table by table, every boundary."""

from decimal import Decimal

import pytest

from kampungkb.domain import JenisPoktan as J
from villages import classification as c
from villages.choices import Kelas


@pytest.mark.parametrize(
    ("ada", "jumlah", "pelatihan", "skor"),
    [
        (False, None, False, 1),
        (False, 12, True, 1),  # no pokja: members and training do not count
        (True, None, False, 2),
        (True, 0, False, 2),
        (True, 1, False, 3),
        (True, 0, True, 3),
        (True, 12, True, 4),
    ],
)
def test_skor_pokja(ada, jumlah, pelatihan, skor):
    assert c.skor_pokja(ada, jumlah, pelatihan) == skor


@pytest.mark.parametrize(
    ("fungsi", "tabel"),
    [
        (c.skor_sumber_dana, {0: 1, 1: 2, 2: 3, 4: 3, 5: 4, 6: 4}),
        (c.skor_input_poktan, {0: 1, 1: 2, 2: 2, 3: 3, 4: 3, 5: 4}),
        (c.skor_sarana, {0: 1, 1: 2, 2: 3}),
        (c.skor_penggunaan_data, {0: 1, 1: 2, 2: 3, 3: 3, 4: 4, 5: 4}),
        (c.skor_operasional, {0: 1, 1: 2, 2: 2, 3: 3, 4: 3, 5: 4}),
        (c.skor_lintas_sektor, {0: 1, 1: 2, 3: 2, 4: 3, 6: 3, 7: 4, 20: 4}),
        (c.skor_output_poktan, {0: 1, 9: 1, 10: 2, 20: 2, 21: 3, 30: 3, 31: 4, 100: 4}),
        (c.skor_cpr, {None: 1, 0: 1, 29: 1, 30: 2, 40: 2, 41: 3, 50: 3, 51: 4, 100: 4}),
        (c.skor_mkjp, {None: 1, 0: 1, 19: 1, 20: 2, 22: 2, 23: 3, 24: 3, 25: 4}),
        (c.skor_unmet, {None: 1, 100: 1, 13: 1, 12: 2, 10: 2, 9: 3, 7: 3, 6: 4, 0: 4}),
    ],
    ids=lambda v: getattr(v, "__name__", ""),
)
def test_score_bands_at_every_boundary(fungsi, tabel):
    assert {n: fungsi(n) for n in tabel} == tabel


@pytest.mark.parametrize(
    ("plkb", "regulasi", "skor"),
    [(False, False, 1), (True, False, 2), (False, True, 2), (True, True, 3)],
)
def test_skor_pkb(plkb, regulasi, skor):
    assert c.skor_pkb(plkb, regulasi) == skor


@pytest.mark.parametrize(
    ("pembilang", "penyebut", "persen"),
    [
        (0, 0, 0),  # division guard
        (5, 0, 0),
        (1, 8, 12),  # 12.5 → 12: PostgreSQL's round(float) sends a tie to even
        (3, 8, 38),  # 37.5 → 38: to even, upwards this time
        (1, 200, 0),  # 0.5 → 0
        (3, 200, 2),  # 1.5 → 2
        (38, 100, 38),
        (81, 200, 40),  # 40.5 → 40 → CPR score 2 (half-up would give 41, score 3)
        (405, 1000, 40),
        (406, 1000, 41),
        (1, 3, 33),
        (2, 3, 67),
    ],
)
def test_persen_bulat_rounds_like_sql(pembilang, penyebut, persen):
    assert c.persen_bulat(pembilang, penyebut) == persen


def test_cpr_tie_classifies_as_the_official_sql():
    """PUS 200, Suntik 81: CPR 40.5 → 40 (score 2), not 41 (score 3)."""
    hasil = c.klasifikasi(c.Masukan(ikut={}, pus=200, peserta_kb=81))
    assert hasil.nilai["output_cpr"] == 40
    assert hasil.skor["output_cpr"] == 2


def test_mkjp_and_unmet_ties_go_to_even():
    # MKJP 22.5 → 22 (score 2, half-up 23 would be 3); unmet 12.5 → 12 (score 2, not 13 → 1)
    hasil = c.klasifikasi(c.Masukan(ikut={}, pus=200, peserta_kb=80, peserta_mkjp=18, unmet=25))
    assert hasil.nilai["output_mkjp"] == 22 and hasil.skor["output_mkjp"] == 2
    assert hasil.nilai["output_unmet"] == 12 and hasil.skor["output_unmet"] == 2


def test_kkbpk_without_penduduk_leaves_cpr_and_mkjp_unknown():
    """The SQL reads CPR and MKJP through the Penduduk PUS row: no Penduduk, no value."""
    m = c.Masukan(ikut={}, ada_penduduk=False, peserta_kb=50, peserta_mkjp=40, unmet=3)
    hasil = c.klasifikasi(m)
    assert hasil.nilai["output_cpr"] is None and hasil.skor["output_cpr"] == 1
    assert hasil.nilai["output_mkjp"] is None and hasil.skor["output_mkjp"] == 1
    # unmet need is read from the KKBPK side: PUS unknown counts as 0 → 0 % → score 4
    assert hasil.nilai["output_unmet"] == 0 and hasil.skor["output_unmet"] == 4


def test_output_poktan_mean_counts_missing_and_zero_denominator_as_zero():
    ikut = {J.BKB: 50, J.BKR: 10, J.BKL: 0, J.UPPKA: 5}  # PIK R missing
    penyebut = {J.BKB: 100, J.BKR: 0, J.BKL: 40, J.UPPKA: 20, J.PIK_R: 30}
    # 50 % + 0 (no eligible) + 0 + 25 % + 0 (missing) = 75 → 15
    assert c.output_poktan_persen(ikut, penyebut) == 15


@pytest.mark.parametrize(
    ("i", "p", "o", "kelas"),
    [
        ("2.99", "2.99", "2.99", Kelas.DASAR),
        ("3.00", "2.99", "2.99", Kelas.DASAR),  # exactly one passes
        ("2.99", "3.00", "2.99", Kelas.DASAR),
        ("2.99", "2.99", "3.00", Kelas.DASAR),
        ("3.00", "3.00", "2.99", Kelas.BERKEMBANG),
        ("3.00", "2.99", "3.00", Kelas.MANDIRI),
        ("2.99", "3.00", "3.00", Kelas.MANDIRI),
        ("3.00", "3.00", "3.00", Kelas.BERKELANJUTAN),
        ("4.00", "4.00", "4.00", Kelas.BERKELANJUTAN),
    ],
)
def test_class_rules(i, p, o, kelas):
    assert c.kelas_dari_indeks(Decimal(i), Decimal(p), Decimal(o)) == kelas


def test_no_data_at_all_is_dasar_with_every_score_one():
    hasil = c.klasifikasi(c.Masukan())
    assert set(hasil.skor.values()) == {1}
    assert len(hasil.skor) == 12
    assert hasil.indeks == {"input": Decimal("1.00"), "proses": Decimal("1.00"), "output": 1}
    assert hasil.kelas == Kelas.DASAR


def test_pus_zero_gives_cpr_one_but_unmet_four():
    hasil = c.klasifikasi(c.Masukan(ikut={}, pus=0))
    assert hasil.nilai["output_cpr"] == 0 and hasil.skor["output_cpr"] == 1
    assert hasil.nilai["output_unmet"] == 0 and hasil.skor["output_unmet"] == 4
    assert hasil.nilai["output_mkjp"] == 0 and hasil.skor["output_mkjp"] == 1


def test_no_profil_scores_one_on_inputs_even_if_lintas_sektor_is_high():
    hasil = c.klasifikasi(c.Masukan(ada_profil=False, lintas_sektor=9))
    assert [hasil.skor[k] for k in hasil.skor if k.startswith("input")] == [1] * 5
    assert hasil.skor["proses_lintas_sektor"] == 4
    assert hasil.indeks["proses"] == Decimal("2.00")


LENGKAP = {
    "ada_profil": True,
    "pokja_ada": True,
    "pokja_jumlah": 15,
    "pokja_pelatihan": True,
    "jumlah_sumber_dana": 3,
    "poktan_ada": frozenset(c.POKTAN),
    "ada_sekretariat": True,
    "ada_rumah_dataku": True,
    "plkb_pendamping": True,
    "regulasi_ada": True,
    "jumlah_penggunaan_data": 2,
    "jumlah_operasional": 4,
    "lintas_sektor": 5,
}


def test_full_profile_berkembang_and_index_rounding():
    hasil = c.klasifikasi(c.Masukan(**LENGKAP, ikut={}, pus=100, peserta_kb=38, unmet=20))
    # input 4+3+4+3+3 = 17/5 = 3.40; proses 3+3+3 = 3.00; output 1+2+1+1 = 1.25
    assert hasil.indeks == {
        "input": Decimal("3.40"),
        "proses": Decimal("3.00"),
        "output": Decimal("1.25"),
    }
    assert hasil.kelas == Kelas.BERKEMBANG


def test_path_from_berkembang_skips_mandiri_and_names_the_cpr_gap():
    m = c.Masukan(**LENGKAP, ikut={}, pus=100, peserta_kb=38, unmet=20)
    jalur = c.jalur_naik(c.klasifikasi(m), m)
    assert jalur.kelas_tujuan == Kelas.BERKELANJUTAN
    [output] = jalur.indeks
    assert output["indeks"] == "output" and output["kurang_poin"] == 7
    assert "CPR 38 % → butuh > 40 %" in output["langkah"]
    assert "unmet need 20 % → butuh ≤ 12 %" in output["langkah"]


def test_path_from_dasar_to_berkembang_asks_for_lintas_sektor():
    m = c.Masukan(**(LENGKAP | {"jumlah_sumber_dana": 1, "pokja_jumlah": 0, "lintas_sektor": 0}))
    hasil = c.klasifikasi(m)
    # input 3+2+4+3+3 = 3.00 passes; proses 3+3+1 = 2.33; output 1.00
    assert hasil.kelas == Kelas.DASAR
    jalur = c.jalur_naik(hasil, m)
    assert jalur.kelas_tujuan == Kelas.BERKEMBANG
    assert [ix["indeks"] for ix in jalur.indeks] == ["proses"]
    assert jalur.indeks[0]["kurang_poin"] == 2
    assert "tambah 1 instansi lintas sektor dalam intervensi" in jalur.indeks[0]["langkah"]


def test_path_hint_tambah_sumber_dana():
    m = c.Masukan(ada_profil=True, jumlah_sumber_dana=1)
    hasil = c.klasifikasi(m)
    assert c.langkah("input_sumber_dana", hasil.skor["input_sumber_dana"], 1, m) == (
        "tambah 1 sumber dana"
    )
    assert c.langkah("input_sumber_dana", 3, 2, m) == "tambah 3 sumber dana"


def test_top_class_has_no_path():
    m = c.Masukan(
        **LENGKAP,
        ikut=dict.fromkeys(c.POKTAN, 40),
        penyebut=dict.fromkeys(c.POKTAN, 100),
        pus=100,
        peserta_kb=60,
        peserta_mkjp=20,
        unmet=5,
    )
    hasil = c.klasifikasi(m)
    assert hasil.kelas == Kelas.BERKELANJUTAN
    assert c.jalur_naik(hasil, m) is None
