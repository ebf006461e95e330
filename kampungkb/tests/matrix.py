import datetime as dt

from django.urls import reverse
from django.utils import timezone

from tests.matrix import Case, expect, read_in_scope

OUTSIDE_PONDOK_BATU = ("kader_desa_lain", "pkb_kecamatan_lain", "opd_kabupaten_lain")
ONLY_KABUPATEN = {
    "kader_pondokbatu": 403,
    "kader_desa_lain": 403,
    "pkb_bilahhulu": 403,
    "pkb_kecamatan_lain": 403,
    "opd_kesehatan": 403,
    "pimpinan": 403,
    "anonim": 302,
}


def reopen_data(w):
    sampai = timezone.localdate() + dt.timedelta(days=7)
    return {"desa": w.kampung.desa_id, "periode": "2026-01", "sampai": sampai.isoformat()}


CASES = [
    Case("home", lambda w: reverse("home"), expect(200, anonim=302)),
    Case("akun:login", lambda w: reverse("akun:login"), expect(200)),
    # The app shell (issue 16): the same public files for everyone, no data.
    Case("service-worker", lambda w: reverse("service-worker"), expect(200)),
    Case("service-worker", lambda w: reverse("service-worker"), expect(405), method="POST"),
    Case("favicon", lambda w: reverse("favicon"), expect(200)),
    Case("luring", lambda w: reverse("luring"), expect(200)),
    Case("akun:logout", lambda w: reverse("akun:logout"), expect(405)),
    Case("akun:logout", lambda w: reverse("akun:logout"), expect(302), method="POST"),
    Case(
        "akun:password-change", lambda w: reverse("akun:password-change"), expect(200, anonim=302)
    ),
    # Everyone keeps her own mobile number (issue 17 §2).
    Case("akun:profil", lambda w: reverse("akun:profil"), expect(200, anonim=302)),
    Case(
        "akun:profil",
        lambda w: reverse("akun:profil"),
        expect(302),
        method="POST",
        data={"telepon": "0812 3456 7890"},
    ),
    Case(
        "akun:password-change-done",
        lambda w: reverse("akun:password-change-done"),
        expect(200, anonim=302),
    ),
    Case(
        "set-language",
        lambda w: reverse("set-language"),
        expect(302),
        method="POST",
        data={"language": "en", "next": "/"},
        public=True,
    ),
    # Users with a region are sent to it; the national admin sees the provinces.
    Case("wilayah-root", lambda w: reverse("wilayah-root"), expect(302, admin_portal=200)),
    Case(
        "wilayah-detail",
        lambda w: reverse("wilayah-detail", args=[w.kampung.desa_id]),
        read_in_scope(OUTSIDE_PONDOK_BATU),
    ),
    Case(
        "wilayah-detail",
        lambda w: reverse("wilayah-detail", args=["99.99"]),
        expect(404, anonim=302),
        label="absent",
    ),
    Case("audit-list", lambda w: reverse("audit-list"), expect(200, anonim=302)),
    Case("periode-reopen", lambda w: reverse("periode-reopen"), expect(200, **ONLY_KABUPATEN)),
    # Another kabupaten's OPD gets the form back with a field error, not a reopen.
    Case(
        "periode-reopen",
        lambda w: reverse("periode-reopen"),
        expect(302, opd_kabupaten_lain=200, **ONLY_KABUPATEN),
        method="POST",
        data=reopen_data,
    ),
]
