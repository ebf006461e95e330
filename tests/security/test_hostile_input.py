"""Hostile input (issue 8 §3): every form that takes user input, fed random,
oversized, negative, non-numeric, Unicode, HTML/script, SQL-ish text and dates
out of range. Never a 500; on rejection a message at the form and nothing
written; whatever is shown again is escaped.

The fields come from the rendered page itself (the form the browser would
send), so a field added to a form later is attacked without editing this file.
Each Hypothesis example runs inside a savepoint that is rolled back, so every
example starts from the same world and "nothing written" is a row count.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from typing import Any

import pytest
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.matrix import all_cases
from tests.security.forms import (
    baseline,
    context_forms,
    form_fields,
    has_errors,
    mutable_names,
    row_counts,
)

pytestmark = pytest.mark.django_db

XSS = "<script>xss()</script>"
ATTR = '"><img src=x onerror=xss()>'
RAW_MARKERS = ("<script>xss()", "<img src=x onerror=xss()>")

HOSTILE = [
    XSS,
    ATTR,
    "'; DROP TABLE poktan_laporan; --",
    "1' OR '1'='1",
    "-1",
    "-2147483649",
    "2147483648",
    "9223372036854775808",
    "99999999999999999999999999999",
    "1e309",
    "NaN",
    "Infinity",
    "0x1F",
    "1.5",
    "1,5",
    "١٢٣",
    "１２３",
    "",
    " ",
    "\x00",
    "Siti\x00Aminah",
    "\u202egnp.exe",
    "👨‍👩‍👧‍👦" * 50,
    "ẞ" * 300,
    "x" * 70_000,
    "0000-00-00",
    "0001-01-01",
    "9999-12-31",
    "10000-01-01",
    "2026-02-30",
    "1900-01-01",
    "2015-12",
    "2101-01",
    "../../../etc/passwd",
    "{{ 7|add:7 }}",
    "%(nama)s",
    "\r\n\r\n",
    "true",
]

hostile_value = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=200),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.dates(min_value=dt.date(1, 1, 1)).map(dt.date.isoformat),
)

EXAMPLES = int(os.environ.get("SECURITY_EXAMPLES", 8))
HYPOTHESIS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    derandomize=not os.environ.get("HYPOTHESIS_RANDOM"),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@dataclass
class FormCase:
    url_name: str
    persona: str
    page: Any  # w -> URL of the page showing the form
    post: Any = None  # w -> URL the form posts to (default: the page)
    label: str = ""
    # Answers the form again by design, storing nothing ("Tambah pertemuan"):
    # a 200 is not a refusal, so it needs no message; it must still write no row.
    shows_form: bool = False

    @property
    def id(self) -> str:
        return f"{self.url_name}{' ' + self.label if self.label else ''}"


def r(name, *args):
    return lambda w: reverse(name, args=[a(w) for a in args])


def kode(w):
    return w.kampung.desa_id


def poktan(w):
    return w.poktan.pk


def periode(w):
    return str(w.periode)


def lalu(w):
    return str(w.periode_lalu)


FORM_CASES = [
    FormCase("periode-reopen", "opd_labuhanbatu", r("periode-reopen")),
    FormCase("akun:password-change", "kader_pondokbatu", r("akun:password-change")),
    FormCase("akun:profil", "kader_pondokbatu", r("akun:profil")),
    FormCase("villages:kampung-create", "opd_labuhanbatu", r("villages:kampung-create")),
    FormCase("villages:kampung-edit", "opd_labuhanbatu", r("villages:kampung-edit", kode)),
    FormCase("villages:pokja-edit", "kader_pondokbatu", r("villages:pokja-edit", kode)),
    *[
        FormCase(
            "villages:snapshot-edit",
            "kader_pondokbatu",
            r("villages:snapshot-edit", kode, lambda w, j=jenis: j, periode),
            label=jenis,
        )
        for jenis in ("profil", "penduduk", "kkbpk")
    ],
    FormCase("poktan:laporan-edit", "kader_pondokbatu", r("poktan:laporan-edit", poktan, periode)),
    FormCase(
        "poktan:laporan-submit",
        "kader_pondokbatu",
        r("poktan:laporan-edit", poktan, periode),
        r("poktan:laporan-submit", poktan, periode),
    ),
    # The register's shortcuts post the same form (issue 17).
    FormCase(
        "poktan:laporan-pertemuan-add",
        "kader_pondokbatu",
        r("poktan:laporan-edit", poktan, periode),
        r("poktan:laporan-pertemuan-add", poktan, periode),
        shows_form=True,
    ),
    FormCase(
        "poktan:laporan-hadir-copy",
        "kader_pondokbatu",
        r("poktan:laporan-edit", poktan, periode),
        r("poktan:laporan-hadir-copy", poktan, periode),
    ),
    FormCase(
        "poktan:laporan-verify",
        "pkb_bilahhulu",
        r("poktan:laporan-edit", poktan, lalu),
        r("poktan:laporan-verify", poktan, lalu),
    ),
    FormCase(
        "poktan:laporan-return",
        "pkb_bilahhulu",
        r("poktan:laporan-edit", poktan, lalu),
        r("poktan:laporan-return", poktan, lalu),
    ),
    FormCase("poktan:poktan-create", "kader_pondokbatu", r("poktan:poktan-create")),
    FormCase("poktan:poktan-edit", "opd_labuhanbatu", r("poktan:poktan-edit", poktan)),
    FormCase("poktan:anggota-create", "kader_pondokbatu", r("poktan:anggota-create", poktan)),
    FormCase(
        "poktan:anggota-edit",
        "kader_pondokbatu",
        r("poktan:anggota-edit", poktan, lambda w: w.anggota.pk),
    ),
    FormCase(
        "interventions:intervensi-create", "kader_pondokbatu", r("interventions:intervensi-create")
    ),
    FormCase(
        "interventions:intervensi-edit",
        "opd_labuhanbatu",
        r("interventions:intervensi-edit", lambda w: w.intervensi.pk),
    ),
    FormCase(
        "interventions:foto-add",
        "opd_labuhanbatu",
        r("interventions:intervensi-detail", lambda w: w.intervensi.pk),
        r("interventions:foto-add", lambda w: w.intervensi.pk),
    ),
    FormCase("interventions:inovasi-create", "opd_labuhanbatu", r("interventions:inovasi-create")),
    FormCase(
        "interventions:instansi-create", "opd_labuhanbatu", r("interventions:instansi-create")
    ),
    FormCase(
        "interventions:inovasi-edit",
        "opd_labuhanbatu",
        r("interventions:inovasi-edit", lambda w: w.inovasi.pk),
    ),
    FormCase(
        "interventions:bukti-edit",
        "opd_labuhanbatu",
        r("interventions:bukti-edit", lambda w: w.inovasi.pk, lambda w: 1),
    ),
    FormCase(
        "interventions:unggulan-create",
        "kader_pondokbatu",
        r("interventions:unggulan-create", lambda w: w.kampung.pk),
    ),
    FormCase(
        "interventions:unggulan-edit",
        "kader_pondokbatu",
        r("interventions:unggulan-edit", lambda w: w.unggulan.pk),
    ),
]

# POST endpoints without free user input in a form, and where they are tested.
NOT_HERE = {
    "akun:login": "login throttling: kampungkb/tests/test_login_throttling.py",
    "akun:logout": "no input",
    "service-worker": "GET only: the matrix checks that a POST answers 405",
    "poktan:anggota-import": "an upload: tests/security/test_uploads.py",
    "poktan:anggota-import-confirm": "an upload: tests/security/test_uploads.py",
    "interventions:foto-delete": "no input",
    "poktan:laporan-verify-many": "checkboxes of id:version and return fields, no free text: "
    "poktan/tests/test_verify_many.py::test_hostile_selection_and_return_fields_never_500",
    "poktan:laporan-foto-add": "an upload: tests/security/test_uploads.py, "
    "poktan/tests/test_foto_kegiatan.py",
    "poktan:laporan-foto-replace": "an upload: poktan/tests/test_foto_kegiatan.py",
    "poktan:laporan-foto-delete": "no input (the version only)",
    "reports:unduhan-create": "buttons, not a form: test_unduhan_create_hostile below",
    "bahasa": "Django's set_language (language codes are checked against LANGUAGES)",
    "set-language": "Django's set_language (language codes are checked against LANGUAGES)",
}


def views_reading_post() -> set[str]:
    """URL names whose view (unwrapped from its decorators) reads request.POST."""
    import inspect

    from tests.test_permission_matrix import url_names

    found = set()
    for name in url_names():
        view = resolve_view(name)
        while hasattr(view, "__wrapped__"):
            view = view.__wrapped__
        try:
            source = inspect.getsource(view)
        except (OSError, TypeError):
            continue
        if "request.POST" in source or "request.FILES" in source:
            found.add(name)
    return found


def resolve_view(url_name):
    from django.urls import get_resolver

    namespace, _sep, name = url_name.rpartition(":")
    resolver = get_resolver()
    if namespace:
        resolver = resolver.namespace_dict[namespace][1]
    return _lookup(resolver, name)


def _lookup(resolver, name):
    for pattern in resolver.url_patterns:
        if getattr(pattern, "name", None) == name:
            return pattern.callback
    raise LookupError(name)


def test_every_post_endpoint_is_attacked():
    posted = {c.url_name for c in all_cases() if c.method == "POST"} | views_reading_post()
    covered = {c.url_name for c in FORM_CASES} | set(NOT_HERE)
    assert not posted - covered, f"POST tanpa uji masukan jahat: {sorted(posted - covered)}"


def _check_escaped(html: str, where: str) -> None:
    for marker in RAW_MARKERS:
        assert marker not in html, f"{where}: unescaped {marker!r}"


def _attack(client, case: FormCase, w, data: dict[str, list[str]]):
    post_url = (case.post or case.page)(w)
    with transaction.atomic():
        before = row_counts()
        response = client.post(post_url, data)
        assert response.status_code in (200, 302, 400, 409), (case.id, response.status_code)
        html = response.content.decode()
        _check_escaped(html, case.id)
        if response.status_code == 302:
            follow = client.get(response["Location"])
            assert follow.status_code == 200, (case.id, response["Location"], follow.status_code)
            _check_escaped(follow.content.decode(), f"{case.id} → {response['Location']}")
        elif case.shows_form and response.status_code == 200:
            assert row_counts() == before, f"{case.id}: the form shown again wrote rows"
        else:
            forms = context_forms(response)
            ctx = response.context
            assert any(has_errors(f) for f in forms) or (ctx and ctx.get("conflict")), (
                f"{case.id}: rejected ({response.status_code}) without a message at the form"
            )
            assert row_counts() == before, f"{case.id}: rejected input still wrote rows"
        transaction.set_rollback(True)
    return response


@pytest.mark.parametrize("case", FORM_CASES, ids=[c.id for c in FORM_CASES])
def test_hostile_input_never_500(case, sec, client_for):
    client = client_for(getattr(sec.personas, case.persona))
    page = client.get(case.page(sec))
    assert page.status_code == 200, (case.id, page.status_code)
    fields = form_fields(page.content.decode(), (case.post or case.page)(sec), case.page(sec))
    base = baseline(fields)
    names = mutable_names(fields)
    assert names, case.id

    # Every field at once with the nastiest values.
    for value in (XSS + ATTR, "\x00", "-99999999999999999999"):
        _attack(client, case, sec, base | dict.fromkeys(names, [value]))

    @HYPOTHESIS
    @given(st.dictionaries(st.sampled_from(names), hostile_value, min_size=1, max_size=4))
    def attack(changes):
        _attack(client, case, sec, base | {k: [v] for k, v in changes.items()})

    attack()


CASE = {c.id: c for c in FORM_CASES}
# One field hostile, the rest as the page rendered it: regressions found by the
# attack above, kept as fixed examples.
SINGLE = [
    ("villages:kampung-edit", "misi", "Misi satu\nMisi\x00dua"),
    ("villages:kampung-edit", "faktor_pendukung", "a\x00b"),
    ("villages:kampung-edit", "faktor_penghambat", "a\x00b"),
    ("villages:kampung-edit", "potensi", "Kuliner: Keripik\x00pisang"),
    ("interventions:inovasi-edit", "tujuan_khusus", "a\x00b"),
    ("poktan:laporan-edit", "jumlah_anggota", "99999999999999999999"),
    ("poktan:laporan-edit", "keluarga_hadir", "2147483648"),
    ("poktan:laporan-edit", "pertemuan-0-jumlah_hadir", "99999999999999999999"),
    ("poktan:laporan-edit", "pertemuan-0-tanggal", "9999-12-31"),
    ("poktan:anggota-create", "anak_0_1", "99999999999"),
    ("poktan:anggota-create", "nomor_kk", "12100900000000０１"),
    ("villages:snapshot-edit penduduk", "pus", "99999999999999999999"),
    ("villages:snapshot-edit profil", "plkb_nip", "1980010120050110０1"),
    ("interventions:intervensi-create", "anggaran", "99999999999999999999999"),
    ("interventions:intervensi-create", "tanggal", "0001-01-01"),
    ("interventions:bukti-edit", "tautan", "javascript:xss()"),
    ("interventions:inovasi-edit", "video", "javascript:xss()"),
    ("periode-reopen", "sampai", "9999-12-31"),
]


SINGLE_CASES = sorted({c for c, _f, _v in SINGLE})


@pytest.mark.parametrize("case_id", SINGLE_CASES)
def test_single_hostile_field(case_id, sec, client_for):
    from poktan.models import Anggota

    Anggota.objects.filter(poktan=sec.poktan).delete()  # member count typed, not derived
    case = CASE[case_id]
    client = client_for(getattr(sec.personas, case.persona))
    page = client.get(case.page(sec))
    fields = form_fields(page.content.decode(), (case.post or case.page)(sec), case.page(sec))
    base = baseline(fields)
    for _c, field, value in (s for s in SINGLE if s[0] == case_id):
        data = dict(base)
        if field.startswith("pertemuan-0-"):
            data |= {
                "pertemuan-0-tanggal": [sec.periode.first_day.isoformat()],
                "pertemuan-0-materi": ["Gizi"],
                "pertemuan-0-jumlah_hadir": ["1"],
            }
        assert field in data, (case_id, sorted(data))
        response = _attack(client, case, sec, data | {field: [value]})
        assert response.status_code != 302, f"{case_id}: {field}={value!r} was accepted"


@given(
    data=st.fixed_dictionaries(
        {},
        optional={
            "jenis": st.sampled_from(["poktan", "intervensi", "kampung", "<script>", ""]),
            "format": st.sampled_from(["pdf", "xlsx", "exe", "\x00"]),
            "kode": st.sampled_from(["12.10", "12.01", "12.10.09.2009", "", "%", "12.10'--"]),
            "periode": hostile_value,
            "bulan": hostile_value,
        },
    )
)
@HYPOTHESIS
def test_unduhan_create_hostile(data, sec, client_for):
    client = client_for(sec.personas.opd_labuhanbatu)
    with transaction.atomic():
        response = client.post(reverse("reports:unduhan-create"), data)
        assert response.status_code in (302, 404), response.status_code
        transaction.set_rollback(True)


def test_stored_markup_is_escaped_on_every_page_showing_it(sec, client_for):
    """Markup saved through the services comes back escaped: internal pages,
    the public page, the audit log and history sentences."""
    from interventions import services as iv
    from villages import services as vs

    opd = sec.personas.opd_labuhanbatu
    sec.kampung.refresh_from_db()
    vs.kampung_update(
        kampung=sec.kampung,
        data={
            "nama": f"Kampung {XSS}",
            "gambaran_umum": ATTR,
            "visi": XSS,
            "misi": [XSS, ATTR],
        },
        potensi=[("Kuliner", XSS)],
        expected_version=sec.kampung.version,
        by=opd,
    )
    iv.intervensi_update(
        intervensi=sec.intervensi,
        data={"judul": XSS, "deskripsi": ATTR},
        instansi=list(sec.intervensi.instansi.all()),
        expected_version=sec.intervensi.version,
        by=opd,
    )
    iv.unggulan_update(
        unggulan=sec.unggulan,
        data={"nama": XSS, "deskripsi": ATTR},
        expected_version=sec.unggulan.version,
        by=opd,
    )
    pages = [
        (opd, reverse("villages:kampung-detail", args=[sec.kampung.desa_id])),
        (opd, reverse("villages:kampung-list")),
        (opd, reverse("interventions:intervensi-detail", args=[sec.intervensi.pk])),
        (opd, reverse("interventions:intervensi-list")),
        (opd, reverse("audit-list")),
        (opd, reverse("reports:kampung-pratinjau", args=[sec.kampung.desa_id])),
        (sec.personas.anonim, reverse("villages:publik-kampung", args=[sec.kampung.desa_id])),
    ]
    for user, url in pages:
        response = client_for(user).get(url)
        assert response.status_code == 200, url
        _check_escaped(response.content.decode(), url)
