"""Numbers are formatted for people, never for machines (issue 12 item 1).

Every page and form of the permission matrix is rendered, in Indonesian and in
English, as every persona that may open it, on data where every figure is at
least 1000 (ids, versions, counts, money, photo sizes). The test fails when

- an input value or any other attribute a machine reads (``width``,
  ``value``, ``href``, ``data-*`` …) holds a number with digit groups
  (``1.280``, ``10,500,000``): the browser reads ``width="1.280"`` as 1 px and
  the form refuses its own ``10.500.000``;
- the text a person reads shows a large figure without its digit groups
  (``10500000``): the portal writes ``10.500.000`` / ``10,500,000``;
- an XLSX export holds a number as grouped text (a spreadsheet cannot sum it).

The world is the matrix's own (``tests.matrix``), so a new page or form is
covered as soon as it has its matrix case.
"""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.conf import settings
from django.db import DataError, IntegrityError, connection, models, transaction
from django.urls import reverse

from conftest import PERSONAS
from kampungkb.periods import Periode
from tests.matrix import all_cases, build_world

# A number written with digit groups: 1.280 · 10.500.000 · 10,500,000. Never
# starts with 0 (0.125 is a decimal), groups of exactly three digits (the
# Kemendagri code 12.10.09.2009 has groups of two).
GROUPED = re.compile(r"^[-+]?[1-9]\d{0,2}(?:[.,]\d{3})+$")
# A decimal written the Indonesian way (12,5): a machine reads 12.5.
DECIMAL_COMMA = re.compile(r"^[-+]?\d+,\d+$")
# What splits a machine-read attribute into values: URL parts, lists, pairs.
SEPARATORS = re.compile(r"[\s/?&=#;:|]+")
# Attributes written for people (read aloud, shown as tooltips): figures there
# follow the language, like the text.
HUMAN_ATTRS = {"title", "alt", "aria-label", "aria-description", "placeholder", "aria-valuetext"}
# A figure a person reads, without its digit groups: 5 to 11 digits standing
# alone (4 digits are years; 12+ are KK/NIK and phone numbers, written ungrouped).
UNGROUPED = re.compile(r"(?<![\d.,])[1-9]\d{4,10}(?![\d.,]?\d)")

# Data: every integer column ≥ 1000. These keep their meaning (a level, a year,
# a predicate band, a deadline day, a coordinate), so they are not touched.
KEEP = {
    "tingkat",
    "tahun",
    "potensi_tahun",
    "hari_batas",
    "hari_kunci",
    "latitude",
    "longitude",
    "batas_bawah",
    "batas_atas",
    "bulan",
    "selesai",
    "total",
}
APPS = ("kampungkb", "villages", "poktan", "interventions", "reports")
MONEY = 10_500_000
COUNT = 12_345
PHOTO = {"lebar": 1600, "tinggi": 1200}


class AttributeScan(HTMLParser):
    """Collects grouped numbers in machine-read attributes and textarea
    values, and ungrouped large figures in the text people read."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.in_attributes: list[str] = []
        self.in_text: list[str] = []
        self._raw = 0  # inside <script>/<style>: not text for people
        self._textarea = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._raw += 1
        if tag == "textarea":
            self._textarea += 1
        for name, value in attrs:
            if not value or name in HUMAN_ATTRS:
                continue
            for part in SEPARATORS.split(value):
                if GROUPED.match(part) or DECIMAL_COMMA.match(part):
                    self.in_attributes.append(f"<{tag} {name}={value!r}>")
                    break

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._raw = max(self._raw - 1, 0)
        if tag == "textarea":
            self._textarea = max(self._textarea - 1, 0)

    def handle_data(self, data):
        if self._raw:
            return
        if self._textarea:
            if GROUPED.match(data.strip()):
                self.in_attributes.append(f"<textarea>{data.strip()!r}")
            return
        for match in UNGROUPED.finditer(data):
            start = max(match.start() - 30, 0)
            self.in_text.append(repr(data[start : match.end() + 30].strip()))


def scan(html: str) -> AttributeScan:
    parser = AttributeScan()
    parser.feed(html)
    parser.close()
    return parser


def grouped_cells(content: bytes) -> list[str]:
    """XLSX cells holding a number as text with digit groups (a spreadsheet
    cannot add them up)."""
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(content), read_only=True)
    return [
        f"{sheet.title}!{value!r}"
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if isinstance(value, str) and GROUPED.match(value.strip())
    ]


def test_detector_tells_machine_numbers_from_people_numbers():
    bad = scan(
        '<img width="1.280" height="960"><input value="10.500.000">'
        '<a href="/poktan/1,234/">x</a><textarea>10,500,000</textarea>'
        '<rect x="12,5"><p>Modal Rp 10500000</p>'
    )
    assert len(bad.in_attributes) == 5 and len(bad.in_text) == 1
    good = scan(
        '<input value="10500000" name="periode" data-kode="12.10.09.2009">'
        '<rect x="12.5" y="0.125"><a href="/poktan/1280/laporan/2026-11/" title="1.280">'
        "<p>Modal Rp 10.500.000 · 10,500,000 · KK 1210090000000001 · 2026 · 0812345678</p>"
        "<script>var x = 10500000;</script>"
    )
    assert good.in_attributes == [] and good.in_text == []


def _bump_sequences():
    """Every new row's id is ≥ 100000, so ids in URLs and values have digit groups
    to lose. Sequences are not transactional: only ever moved up."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT setval(c.oid, GREATEST(100000, (SELECT last_value FROM pg_sequences s"
            " WHERE s.schemaname = n.nspname AND s.sequencename = c.relname)))"
            " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            " WHERE c.relkind = 'S' AND n.nspname = current_schema()"
        )


def _add_figures(w):
    """The numbers the matrix world lacks: an UPPKA register with money, the
    population and KKBPK profiles of Pondok Batu."""
    from kampungkb.domain import JenisPoktan
    from poktan.models import Laporan, Poktan, Status
    from villages.models import KkbpkKampung, PendudukKampung

    periode = Periode.current()
    w.uppka = Poktan.objects.create(kampung=w.kampung, jenis=JenisPoktan.UPPKA, nama="UPPKA Uji")
    Laporan.objects.create(
        poktan=w.uppka,
        periode=periode.first_day,
        status=Status.DRAF,
        jumlah_anggota=COUNT,
        anggota_aktif=COUNT,
        modal=MONEY,
        omzet=MONEY,
    )
    for model in (PendudukKampung, KkbpkKampung):
        model.objects.create(kampung=w.kampung, periode=periode.first_day)


def _every_figure_large():
    """Every integer column of the portal's models holds a number ≥ 1000 (a
    column added later is covered without touching this test)."""
    for model in apps.get_models():
        if model._meta.app_label not in APPS:
            continue
        for f in model._meta.concrete_fields:
            if f.primary_key or f.is_relation or f.name in KEEP or f.choices:
                continue
            if not isinstance(f, (models.IntegerField, models.DecimalField, models.FloatField)):
                continue
            value = PHOTO.get(f.name, MONEY if isinstance(f, models.BigIntegerField) else COUNT)
            try:
                with transaction.atomic():
                    model.objects.update(**{f.name: value})
            except (IntegrityError, DataError):
                pass  # a rule of the model forbids it (e.g. a bounded score)


@pytest.fixture
def world(personas, kampung_pondokbatu, kampung_tapteng):
    _bump_sequences()
    w = build_world(personas, kampung_pondokbatu, kampung_tapteng)
    _add_figures(w)
    _every_figure_large()
    return w


def _personas(case, w, language):
    """Who opens the page: in Indonesian the first persona of each role it
    answers 200 (the outsiders see the same templates on other data); in
    English the first one (the same templates, other separators)."""
    roles = set()
    for persona in PERSONAS:
        if case.expected[persona] != 200:
            continue
        role = getattr(getattr(w.personas, persona), "role", "anonim")
        if role not in roles:
            roles.add(role)
            yield persona
            if language != "id":
                return


def _pages(w, language):
    """(label, url, persona) of every page: each GET case of the matrix, and
    the UPPKA register's pages (the matrix's poktan is a BKB)."""
    for case in all_cases():
        if case.method == "GET":
            for persona in _personas(case, w, language):
                yield case.id, case.url(w), persona
    periode = str(Periode.current())
    for name, args in (
        ("poktan:poktan-detail", [w.uppka.pk]),
        ("poktan:laporan-edit", [w.uppka.pk, periode]),
    ):
        for persona in ("kader_pondokbatu", "pkb_bilahhulu"):
            yield f"GET {name} UPPKA", reverse(name, args=args), persona


@pytest.mark.parametrize("language", ["id", "en"])
def test_no_localized_number_reaches_a_machine(language, world, client_for):
    in_attributes, in_text, seen, not_html = [], [], 0, set()
    for label, url, persona in _pages(world, language):
        if label in not_html:
            continue  # a PDF or XLSX: its figures are checked by its own tests
        client = client_for(getattr(world.personas, persona))
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        response = client.get(url)
        content_type = response.get("Content-Type", "")
        if "spreadsheetml" in content_type:
            in_attributes += [f"{label}: {c}" for c in grouped_cells(response.content)]
        if "html" not in content_type:
            not_html.add(label)  # a PDF is for people; an XLSX is checked once
            continue
        assert response.status_code == 200, (label, persona, response.status_code)
        seen += 1
        found = scan(response.content.decode())
        in_attributes += [f"{label} as {persona}: {a}" for a in found.in_attributes]
        in_text += [f"{label} as {persona}: {t}" for t in found.in_text]
    assert seen > 50, seen  # the pages were really rendered
    assert not in_attributes, "Angka berformat di atribut/isian:\n" + "\n".join(
        sorted(set(in_attributes))
    )
    assert not in_text, "Angka tanpa pemisah ribuan untuk pembaca:\n" + "\n".join(
        sorted(set(in_text))
    )
