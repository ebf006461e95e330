"""manage.py import_wilayah: idempotent upsert, row-numbered errors, honest summary."""

import io

import pytest
from django.core.management import CommandError, call_command

from villages.models import Tingkat, Wilayah

GOOD = """kode,nama
12,Sumatera Utara
12.10,Kabupaten Labuhanbatu
12.10.09,Bilah Hulu
12.10.09.2009,Pondok Batu
12.10.09.2010,Meranti
"""


def run(tmp_path, text, name="wilayah.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    from io import StringIO

    out, err = StringIO(), StringIO()
    call_command("import_wilayah", str(path), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_import_creates_tree_with_parents_from_codes(tmp_path):
    out, err = run(tmp_path, GOOD)
    assert "dibuat 5, diperbarui 0, tidak berubah 0, ditolak 0" in out
    desa = Wilayah.objects.get(kode="12.10.09.2009")
    assert (desa.nama, desa.tingkat, desa.induk_id) == ("Pondok Batu", Tingkat.DESA, "12.10.09")
    assert desa.label == "Desa Pondok Batu"
    assert [w.kode for w in desa.lineage()] == ["12", "12.10", "12.10.09", "12.10.09.2009"]


@pytest.mark.django_db
def test_second_run_changes_nothing_and_says_so(tmp_path):
    run(tmp_path, GOOD)
    out, _ = run(tmp_path, GOOD)
    assert out.startswith("Tidak ada perubahan")
    assert "tidak berubah 5" in out
    assert Wilayah.objects.count() == 5


@pytest.mark.django_db
def test_renamed_region_is_updated(tmp_path):
    run(tmp_path, GOOD)
    out, _ = run(tmp_path, GOOD.replace("Meranti", "Meranti Baru"))
    assert "dibuat 0, diperbarui 1, tidak berubah 4" in out
    assert Wilayah.objects.get(kode="12.10.09.2010").nama == "Meranti Baru"


@pytest.mark.django_db
def test_bad_rows_are_rejected_with_their_line_numbers(tmp_path):
    text = (
        GOOD
        + "12.10.9.2011,Kode pendek\n12.10.09.2012,\n12.99.01.2001,Yatim\n12.99.01,Juga yatim\n"
    )
    out, err = run(tmp_path, text)
    assert "baris 7: kode '12.10.9.2011' tidak berbentuk" in err
    assert "baris 8: nama wilayah 12.10.09.2012 kosong" in err
    assert "baris 10: induk 12.99 dari kode 12.99.01 tidak ditemukan" in err
    # A child of a rejected parent is rejected too, not inserted as an orphan.
    assert "baris 9: induk 12.99.01 dari kode 12.99.01.2001 tidak ditemukan" in err
    assert "dibuat 5" in out and "ditolak 4" in out
    assert not Wilayah.objects.filter(kode__startswith="12.99").exists()


@pytest.mark.django_db
def test_child_whose_parent_is_already_in_the_database_is_accepted(tmp_path):
    run(tmp_path, GOOD)
    out, _ = run(tmp_path, "kode,nama\n12.10.09.2011,N-1 Aek Nabara\n", "tambahan.csv")
    assert "dibuat 1" in out
    assert Wilayah.objects.get(kode="12.10.09.2011").induk_id == "12.10.09"


@pytest.mark.django_db
def test_nothing_imported_is_an_error_not_done(tmp_path):
    with pytest.raises(CommandError, match="Tidak ada wilayah yang diimpor"):
        run(tmp_path, "kode,nama\nxx,Bukan kode\n")
    with pytest.raises(CommandError, match="Tidak ada wilayah yang diimpor"):
        run(tmp_path, "")


@pytest.mark.django_db
def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="tidak ditemukan"):
        call_command("import_wilayah", str(tmp_path / "tidak-ada.csv"))


@pytest.mark.django_db
def test_names_with_commas_are_kept_whole(tmp_path):
    run(tmp_path, 'kode,nama\n12,"Sumatera Utara, Provinsi"\n')
    assert Wilayah.objects.get(kode="12").nama == "Sumatera Utara, Provinsi"


@pytest.mark.django_db
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_names_are_read_in_the_encodings_excel_writes(tmp_path, encoding):
    """Issue 13 §9: Excel on Indonesian Windows saves CSV as Windows-1252."""
    path = tmp_path / "wilayah.csv"
    path.write_bytes(
        "kode,nama\n12,Sumatera Utara\n12.10,Kabupaten Ñandú Lábuhan\n".encode(encoding)
    )
    call_command("import_wilayah", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    assert Wilayah.objects.get(kode="12.10").nama == "Kabupaten Ñandú Lábuhan"
    assert Wilayah.objects.get(kode="12").nama == "Sumatera Utara"


@pytest.mark.django_db
def test_unknown_encoding_and_endless_lines_are_refused_before_import(tmp_path):
    path = tmp_path / "wilayah.csv"
    path.write_bytes(b"kode,nama\n12,Sumatera \x81\x8d\n")
    with pytest.raises(CommandError, match="Windows-1252"):
        call_command("import_wilayah", str(path))
    path.write_bytes(b"kode,nama\n12," + b"x" * 5000 + b"\n")
    with pytest.raises(CommandError, match="terlalu panjang"):
        call_command("import_wilayah", str(path))
    assert not Wilayah.objects.filter(kode="12").exists()
