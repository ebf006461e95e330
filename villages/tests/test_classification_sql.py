"""The portal's classification against a plain restatement of the official SQL.

The restatement below is the scoring part of the official app's
``database/sql/statistik/classification/kampung.sql`` (domain.md §3.1) run by
PostgreSQL itself over one row of inputs: the same CASE bands, the same
``ROUND((a / b::float) * 100)`` percentages (float, ties to even), the same
``ROUND(x / 5::decimal, 2)`` indices, and NULLs where the SQL's left joins
find no Profil, Penduduk or KKBPK row. Hypothesis draws the inputs; small
even denominators make ties (40.5, 12.5 …) frequent.
"""

from __future__ import annotations

import os

import pytest
from django.db import connection
from hypothesis import given, settings
from hypothesis import strategies as st

from villages import classification as c

EXAMPLES = int(os.environ.get("CLASSIFICATION_EXAMPLES", "150"))

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the SQL is PostgreSQL's"),
]

# One row in, the official scores out. Inputs that a missing snapshot leaves
# NULL in the official joins are passed as NULL.
SQL = """
WITH x AS (
  SELECT %(pokja_flag)s::bool pokja_flag, %(pokja_jumlah)s::int pokja_jumlah,
         %(pokja_pelatihan)s::bool pokja_pelatihan, %(sumber_dana)s::int total_sumber_dana,
         %(poktan)s::int total_poktan, %(sarana)s::int total_sarana,
         %(plkb)s::bool plkb_flag, %(regulasi)s::bool regulasi_flag,
         %(penggunaan)s::int total_penggunaan_data, %(operasional)s::int total_operasional,
         %(lintas)s::int total_lintas_sektor,
         %(ada_penduduk)s::bool ada_penduduk, %(ada_kkbpk)s::bool ada_kkbpk,
         %(pus)s::bigint pus, %(kontrasepsi)s::bigint kontrasepsi, %(mkjp)s::bigint mkjp,
         %(unmet)s::bigint unmet,
         ARRAY[%(ikut)s]::bigint[] ikut, ARRAY[%(sasaran)s]::bigint[] sasaran
), pct AS (
  SELECT x.*,
    -- output_persentase_poktan: driven by the Penduduk rows, KKBPK joined
    CASE WHEN ada_penduduk THEN (
      SELECT round(sum(CASE WHEN s > 0 THEN ROUND(((i / s::float) * 100)) ELSE 0 END) / 5)
      FROM unnest(CASE WHEN ada_kkbpk THEN ikut ELSE ARRAY[NULL,NULL,NULL,NULL,NULL]::bigint[] END,
                  sasaran) AS u(i, s)
    ) END output_persentase_poktan,
    -- CPR and MKJP: driven by the Penduduk PUS row, KKBPK sums joined
    CASE WHEN ada_penduduk THEN
      CASE WHEN pus > 0 THEN ROUND((((CASE WHEN ada_kkbpk THEN kontrasepsi END)
                                     / pus::float) * 100)) ELSE 0 END
    END output_persentase_cpr,
    CASE WHEN ada_penduduk THEN
      CASE WHEN (CASE WHEN ada_kkbpk THEN kontrasepsi END) > 0
           THEN ROUND(((mkjp / kontrasepsi::float) * 100)) ELSE 0 END
    END output_persentase_mkjp,
    -- unmet need: driven by the KKBPK rows, the Penduduk PUS joined
    CASE WHEN ada_kkbpk THEN
      CASE WHEN (CASE WHEN ada_penduduk THEN pus END) > 0
           THEN ROUND(((unmet / pus::float) * 100)) ELSE 0 END
    END output_persentase_unmet
  FROM x
), skor AS (
  SELECT pct.*,
    CASE WHEN pokja_flag IS NULL OR pokja_flag IS FALSE THEN 1
         WHEN pokja_flag AND pokja_jumlah > 0 AND pokja_pelatihan IS TRUE THEN 4
         WHEN pokja_flag AND (pokja_jumlah > 0 OR pokja_pelatihan IS TRUE) THEN 3
         WHEN pokja_flag THEN 2 END input_pokja,
    CASE WHEN coalesce(total_sumber_dana, 0) = 0 THEN 1
         WHEN coalesce(total_sumber_dana, 0) = 1 THEN 2
         WHEN coalesce(total_sumber_dana, 0) BETWEEN 2 AND 4 THEN 3
         WHEN coalesce(total_sumber_dana, 0) > 4 THEN 4 END input_sumber_dana,
    CASE WHEN coalesce(total_poktan, 0) = 0 THEN 1
         WHEN coalesce(total_poktan, 0) BETWEEN 1 AND 2 THEN 2
         WHEN coalesce(total_poktan, 0) BETWEEN 3 AND 4 THEN 3
         WHEN coalesce(total_poktan, 0) > 4 THEN 4 END input_poktan,
    CASE WHEN coalesce(total_sarana, 0) = 0 THEN 1
         WHEN coalesce(total_sarana, 0) = 1 THEN 2
         WHEN coalesce(total_sarana, 0) = 2 THEN 3 END input_sarana,
    CASE WHEN coalesce(plkb_flag, false) IS FALSE AND coalesce(regulasi_flag, false) IS FALSE THEN 1
         WHEN plkb_flag IS TRUE AND regulasi_flag IS TRUE THEN 3
         WHEN plkb_flag IS TRUE OR regulasi_flag IS TRUE THEN 2 END input_pkb,
    CASE WHEN coalesce(total_penggunaan_data, 0) = 0 THEN 1
         WHEN coalesce(total_penggunaan_data, 0) = 1 THEN 2
         WHEN coalesce(total_penggunaan_data, 0) BETWEEN 2 AND 3 THEN 3
         WHEN coalesce(total_penggunaan_data, 0) > 3 THEN 4 END proses_penggunaan_data,
    CASE WHEN coalesce(total_operasional, 0) = 0 THEN 1
         WHEN coalesce(total_operasional, 0) BETWEEN 1 AND 2 THEN 2
         WHEN coalesce(total_operasional, 0) BETWEEN 3 AND 4 THEN 3
         WHEN coalesce(total_operasional, 0) > 4 THEN 4 END proses_operasional,
    CASE WHEN coalesce(total_lintas_sektor, 0) = 0 THEN 1
         WHEN coalesce(total_lintas_sektor, 0) BETWEEN 1 AND 3 THEN 2
         WHEN coalesce(total_lintas_sektor, 0) BETWEEN 4 AND 6 THEN 3
         WHEN coalesce(total_lintas_sektor, 0) > 6 THEN 4 END proses_lintas_sektor,
    CASE WHEN coalesce(output_persentase_poktan, 0) < 10 THEN 1
         WHEN coalesce(output_persentase_poktan, 0) BETWEEN 10 AND 20 THEN 2
         WHEN coalesce(output_persentase_poktan, 0) BETWEEN 21 AND 30 THEN 3
         WHEN coalesce(output_persentase_poktan, 0) > 30 THEN 4 END output_poktan,
    CASE WHEN output_persentase_cpr IS NULL THEN 1
         WHEN coalesce(output_persentase_cpr, 0) < 30 THEN 1
         WHEN coalesce(output_persentase_cpr, 0) BETWEEN 30 AND 40 THEN 2
         WHEN coalesce(output_persentase_cpr, 0) BETWEEN 41 AND 50 THEN 3
         WHEN coalesce(output_persentase_cpr, 0) > 50 THEN 4 END output_cpr,
    CASE WHEN output_persentase_mkjp IS NULL THEN 1
         WHEN coalesce(output_persentase_mkjp, 0) < 20 THEN 1
         WHEN coalesce(output_persentase_mkjp, 0) BETWEEN 20 AND 22 THEN 2
         WHEN coalesce(output_persentase_mkjp, 0) BETWEEN 23 AND 24 THEN 3
         WHEN coalesce(output_persentase_mkjp, 0) > 24 THEN 4 END output_mkjp,
    CASE WHEN output_persentase_unmet IS NULL THEN 1
         WHEN coalesce(output_persentase_unmet, 0) > 12.1 THEN 1
         WHEN coalesce(output_persentase_unmet, 0) BETWEEN 9.1 AND 12 THEN 2
         WHEN coalesce(output_persentase_unmet, 0) BETWEEN 6.1 AND 9 THEN 3
         WHEN coalesce(output_persentase_unmet, 0) < 6.1 THEN 4 END output_unmet
  FROM pct
), indeks AS (
  SELECT skor.*,
    ROUND((input_pokja + input_sumber_dana + input_poktan + input_sarana + input_pkb)
          / 5::decimal, 2) index_input,
    ROUND((proses_penggunaan_data + proses_operasional + proses_lintas_sektor)
          / 3::decimal, 2) index_proses,
    ROUND((output_poktan + output_cpr + output_mkjp + output_unmet) / 4::decimal, 2) index_output
  FROM skor
)
SELECT input_pokja, input_sumber_dana, input_poktan, input_sarana, input_pkb,
  proses_penggunaan_data, proses_operasional, proses_lintas_sektor,
  output_poktan, output_cpr, output_mkjp, output_unmet,
  index_input, index_proses, index_output,
  CASE WHEN (index_input < 3 AND index_proses < 3 AND index_output < 3) OR
            ((CASE WHEN index_input >= 3 THEN 1 ELSE 0 END) +
             (CASE WHEN index_proses >= 3 THEN 1 ELSE 0 END) +
             (CASE WHEN index_output >= 3 THEN 1 ELSE 0 END)) = 1 THEN 'Dasar'
       WHEN (index_input >= 3 AND index_proses >= 3) AND index_output < 3 THEN 'Berkembang'
       WHEN index_input >= 3 AND index_proses >= 3 AND index_output >= 3 THEN 'Berkelanjutan'
       WHEN (index_input >= 3 OR index_proses >= 3) AND index_output >= 3 THEN 'Mandiri'
  END klasifikasi,
  output_persentase_poktan, output_persentase_cpr, output_persentase_mkjp,
  output_persentase_unmet
FROM indeks
"""

SKOR = list(c.INDIKATOR)


@st.composite
def inputs(draw):
    ada_profil = draw(st.booleans())
    ada_penduduk = draw(st.booleans())
    ada_kkbpk = draw(st.booleans())
    pus = draw(st.sampled_from([0, 8, 40, 100, 200, 400]) | st.integers(0, 900))
    kontrasepsi = draw(st.integers(0, pus))
    mkjp = draw(st.integers(0, kontrasepsi))
    unmet = draw(st.integers(0, pus - kontrasepsi))
    sasaran = [draw(st.sampled_from([0, 2, 8, 40, 200]) | st.integers(0, 300)) for _ in c.POKTAN]
    ikut = [draw(st.integers(0, s)) for s in sasaran]
    return {
        "ada_profil": ada_profil,
        "pokja_flag": draw(st.booleans()),
        "pokja_jumlah": draw(st.none() | st.integers(0, 30)),
        "pokja_pelatihan": draw(st.booleans()),
        "sumber_dana": draw(st.integers(0, 6)),
        "poktan": draw(st.integers(0, 5)),
        "sarana": draw(st.integers(0, 2)),
        "plkb": draw(st.booleans()),
        "regulasi": draw(st.booleans()),
        "penggunaan": draw(st.integers(0, 5)),
        "operasional": draw(st.integers(0, 5)),
        "lintas": draw(st.integers(0, 12)),
        "ada_penduduk": ada_penduduk,
        "ada_kkbpk": ada_kkbpk,
        "pus": pus,
        "kontrasepsi": kontrasepsi,
        "mkjp": mkjp,
        "unmet": unmet,
        "ikut": ikut,
        "sasaran": sasaran,
    }


def portal(v: dict) -> c.Hasil:
    """The same inputs as the portal's selectors hand them to ``klasifikasi``."""
    values: dict = {"lintas_sektor": v["lintas"]}
    if v["ada_profil"]:
        values |= {
            "ada_profil": True,
            "pokja_ada": v["pokja_flag"],
            "pokja_jumlah": v["pokja_jumlah"],
            "pokja_pelatihan": v["pokja_pelatihan"],
            "jumlah_sumber_dana": v["sumber_dana"],
            "poktan_ada": frozenset(c.POKTAN[: v["poktan"]]),
            "ada_sekretariat": v["sarana"] >= 1,
            "ada_rumah_dataku": v["sarana"] >= 2,
            "plkb_pendamping": v["plkb"],
            "regulasi_ada": v["regulasi"],
            "jumlah_penggunaan_data": v["penggunaan"],
            "jumlah_operasional": v["operasional"],
        }
    if v["ada_kkbpk"]:
        values |= {
            "ikut": dict(zip(c.POKTAN, v["ikut"], strict=True)),
            "penyebut": dict(zip(c.POKTAN, v["sasaran"], strict=True)) if v["ada_penduduk"] else {},
            "peserta_kb": v["kontrasepsi"],
            "peserta_mkjp": v["mkjp"],
            "pus": v["pus"] if v["ada_penduduk"] else 0,
            "ada_penduduk": v["ada_penduduk"],
            "unmet": v["unmet"],
        }
    return c.klasifikasi(c.Masukan(**values))


def official(v: dict) -> dict:
    params = dict(v)
    if not v["ada_profil"]:  # the Profil left join finds nothing: every column NULL
        for key in ("pokja_flag", "pokja_jumlah", "pokja_pelatihan", "plkb", "regulasi"):
            params[key] = None
        for key in ("sumber_dana", "poktan", "sarana", "penggunaan", "operasional"):
            params[key] = None
    with connection.cursor() as cursor:
        cursor.execute(SQL, params)
        row = cursor.fetchone()
        names = [col.name for col in cursor.description]
    return dict(zip(names, row, strict=True))


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True)
@given(inputs())
def test_portal_classifies_as_the_official_sql(v):
    sql = official(v)
    hasil = portal(v)
    assert hasil.skor == {k: sql[k] for k in SKOR}, v
    assert hasil.indeks == {
        "input": sql["index_input"],
        "proses": sql["index_proses"],
        "output": sql["index_output"],
    }, v
    assert hasil.kelas == sql["klasifikasi"], v
    if v["ada_kkbpk"]:  # the percentages shown on pages and PDFs are the SQL's
        for kode in ("cpr", "mkjp", "unmet"):
            expected = sql[f"output_persentase_{kode}"]
            shown = hasil.nilai[f"output_{kode}"]
            assert shown == (None if expected is None else int(expected)), v
        assert hasil.nilai["output_poktan"] == int(sql["output_persentase_poktan"] or 0), v


@settings(max_examples=EXAMPLES * 2, deadline=None, derandomize=True)
@given(st.integers(0, 5000), st.integers(1, 5000))
def test_percentage_is_postgresql_round_of_a_float(pembilang, penyebut):
    with connection.cursor() as cursor:
        cursor.execute("SELECT ROUND(((%s / %s::float) * 100))", [pembilang, penyebut])
        [(expected,)] = cursor.fetchall()
    assert c.persen_bulat(pembilang, penyebut) == int(expected)
