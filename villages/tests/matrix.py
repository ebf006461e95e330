"""Villages URLs × personas (tests/matrix.py)."""

from django.urls import reverse

from kampungkb.periods import Periode
from tests.matrix import Case, expect, read_in_scope

OUTSIDE_PONDOK_BATU = ("kader_desa_lain", "pkb_kecamatan_lain", "opd_kabupaten_lain")
# In scope, may read, may not edit.
READ_ONLY = {"pkb_bilahhulu": 403, "opd_kesehatan": 403, "pimpinan": 403}
EDIT_PONDOK_BATU = {**dict.fromkeys(OUTSIDE_PONDOK_BATU, 404), **READ_ONLY, "anonim": 302}
ONLY_EDITORS = {
    "kader_pondokbatu": 403,
    "kader_desa_lain": 403,
    "pkb_bilahhulu": 403,
    "pkb_kecamatan_lain": 403,
    "opd_kesehatan": 403,
    "pimpinan": 403,
    "anonim": 302,
}


def kode(w):
    return w.kampung.desa_id


def snapshot_url(jenis):
    return lambda w: reverse(
        "villages:snapshot-edit", args=[kode(w), jenis, str(Periode.current())]
    )


CASES = [
    Case(
        "villages:kampung-list", lambda w: reverse("villages:kampung-list"), expect(200, anonim=302)
    ),
    Case(
        "villages:kampung-detail",
        lambda w: reverse("villages:kampung-detail", args=[kode(w)]),
        read_in_scope(OUTSIDE_PONDOK_BATU),
    ),
    Case(
        "villages:kampung-detail",
        lambda w: reverse("villages:kampung-detail", args=[w.kampung_lain.desa_id]),
        expect(404, opd_kabupaten_lain=200, admin_portal=200, anonim=302),
        label="tapteng",
    ),
    Case(
        "villages:kampung-create",
        lambda w: reverse("villages:kampung-create"),
        expect(200, **ONLY_EDITORS),
    ),
    # Meranti is in Labuhanbatu: the OPD registers it (302); OPD Tapteng gets a field error
    # (not its region) and the admin, who comes after, "desa sudah punya Kampung KB" (200).
    Case(
        "villages:kampung-create",
        lambda w: reverse("villages:kampung-create"),
        expect(302, opd_kabupaten_lain=200, admin_portal=200, **ONLY_EDITORS),
        method="POST",
        data={
            "desa": "12.10.09.2010",
            "nama": "Kampung KB Meranti",
            "tanggal_pencanangan": "2019-01-01",
        },
    ),
    Case(
        "villages:kampung-edit",
        lambda w: reverse("villages:kampung-edit", args=[kode(w)]),
        expect(200, **EDIT_PONDOK_BATU),
    ),
    # A stale version: editors get the form back with the conflict (200), others never get that far.
    Case(
        "villages:kampung-edit",
        lambda w: reverse("villages:kampung-edit", args=[kode(w)]),
        expect(200, **EDIT_PONDOK_BATU),
        method="POST",
        data={"nama": "X", "tanggal_pencanangan": "2017-03-01", "version": 99},
        label="stale",
    ),
    Case(
        "villages:pokja-edit",
        lambda w: reverse("villages:pokja-edit", args=[kode(w)]),
        expect(200, **EDIT_PONDOK_BATU),
    ),
    Case(
        "villages:snapshot-edit",
        snapshot_url("kkbpk"),
        expect(200, **EDIT_PONDOK_BATU),
    ),
    Case(
        "villages:snapshot-edit",
        snapshot_url("penduduk"),
        expect(200, **EDIT_PONDOK_BATU),
        label="penduduk",
    ),
    Case(
        "villages:snapshot-edit",
        snapshot_url("profil"),
        expect(200, **EDIT_PONDOK_BATU),
        label="profil",
    ),
    Case(
        "villages:snapshot-edit",
        lambda w: reverse("villages:snapshot-edit", args=[kode(w), "lain", "2026-01"]),
        expect(404, anonim=302),
        label="jenis tidak dikenal",
    ),
    Case(
        "villages:kampung-berkas",
        lambda w: reverse("villages:kampung-berkas", args=[kode(w), "sampul"]),
        # Pondok Batu has no cover photo in the shared world: 404 in scope too.
        expect(404, anonim=302),
    ),
    Case(
        "villages:publik-kampung",
        lambda w: reverse("villages:publik-kampung", args=[kode(w)]),
        expect(200),
    ),
    Case(
        "villages:kampung-riwayat",
        lambda w: reverse("villages:kampung-riwayat", args=[kode(w)]),
        read_in_scope(OUTSIDE_PONDOK_BATU),
    ),
    # Public, but Pondok Batu has no cover photo in the shared world.
    Case(
        "villages:publik-foto",
        lambda w: reverse("villages:publik-foto", args=[kode(w)]),
        expect(404),
    ),
    Case(
        "villages:publik-kampung",
        lambda w: reverse("villages:publik-kampung", args=["12.10.09.2024"]),
        expect(404),
        label="tanpa kampung",
    ),
]
