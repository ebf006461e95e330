"""Every dashboard, list, recap and PDF reads from the replica when there is
one (issue 18), and nothing that writes is marked: generated from the pages
``make bench`` measures and the other lists of ``tests/test_query_budget.py``,
so a new list or dashboard added there without ``@replica_read`` fails."""

import pytest
from django.urls import resolve

from bench.pages import pages
from kampungkb.replica import is_replica_read
from tests.test_query_budget import other_lists

SUBJECTS = {
    "periode": "2026-11", "desa": "12.10.09.2009", "kecamatan": "12.10.09", "kabupaten": "12.10",
    "provinsi": "12", "poktan": 1, "laporan": 1, "inovasi": 1, "kampung": "12.10.09.2009",
}  # fmt: skip
# Pages that are forms (they read what a POST will check) or need no data.
NOT_REPLICA = {
    "Halaman masuk (baseline)",
    "Ubah kata sandi (halaman bersesi paling ringan)",
    "Formulir laporan GET",
    "Periode dibuka kembali",
    "Bukti IID inovasi",
}


def reading_pages():
    rows = [p for p in pages(SUBJECTS) if p["kind"] in ("html", "pdf")]
    return [*rows, *other_lists(SUBJECTS)]


@pytest.mark.parametrize("page", reading_pages(), ids=lambda p: p["name"])
def test_reading_pages_are_replica_safe_forms_are_not(page):
    view = resolve(page["path"].split("?")[0]).func
    assert is_replica_read(view) is (page["name"] not in NOT_REPLICA), page["path"]
