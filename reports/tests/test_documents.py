"""Reports as documents (issue 14 item 2): every report URL reaches a
registered document through the one view, and the background job renders
the same file as the direct download."""

from io import BytesIO

import pytest
from django.urls import get_resolver, reverse
from openpyxl import load_workbook

from conftest import BILAH_HULU, LABUHANBATU
from kampungkb.periods import Periode
from reports import documents
from reports.models import Unduhan
from reports.tests.test_rekap import registers  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


def document_urls():
    """(URL name, the extra kwargs the URL conf gives the document view):
    every URL made with ``reports.urls.document``, which names a group."""
    resolver = get_resolver("reports.urls")
    for pattern in resolver.url_patterns:
        if "group" in getattr(pattern, "default_args", {}):
            yield pattern.name, pattern.default_args


def test_every_document_url_names_a_registered_kind_and_format():
    """A link to a document never ends in a 404 for want of its kind: each
    URL's group (and kind, when fixed) and format is registered."""
    seen = set()
    for name, extra in document_urls():
        kinds = documents.of(extra["group"])
        if "jenis" in extra:
            kinds = {extra["jenis"]: kinds[extra["jenis"]]}
        assert kinds, name
        for doc in kinds.values():
            if extra["fmt"] in doc.formats:
                seen.add((doc.name, extra["fmt"]))
    every = {(d.name, fmt) for d in documents.REGISTRY.values() for fmt in d.formats}
    assert seen == every


def test_every_document_has_what_its_formats_need():
    for doc in documents.REGISTRY.values():
        if {"html", "pdf"} & set(doc.formats):
            assert doc.template.startswith("reports/pdf/_"), doc.name
        if "xlsx" in doc.formats:
            assert doc.sheets is not None, doc.name
        if doc.queued_up_to:
            assert documents.queued(doc.jenis) is doc, doc.name


def _cells(content: bytes) -> dict:
    book = load_workbook(BytesIO(content))
    return {ws.title: list(ws.iter_rows(values_only=True)) for ws in book.worksheets}


@pytest.mark.parametrize("jenis", sorted(documents.RECAPS))
def test_the_background_file_is_the_direct_download(
    jenis,
    registers,  # noqa: F811
    kampung_pondokbatu,
    pimpinan,
    client_for,
):
    """Queued or downloaded at once, a recap XLSX holds the same cells."""
    from reports.documents.render import render_unduhan
    from reports.tests.factories import intervensi

    intervensi(kampung_pondokbatu, tanggal=registers.first_day, instansi=["Dinas Kesehatan"])
    query = {"periode": str(registers), "bulan": 3}
    url = reverse("reports:rekap-xlsx", args=[jenis, BILAH_HULU])
    direct = client_for(pimpinan).get(url, query)
    assert direct.status_code == 200
    unduhan = Unduhan.objects.create(
        pemilik=pimpinan,
        jenis=jenis,
        wilayah_id=BILAH_HULU,
        periode=Periode.parse(str(registers)).first_day,
        bulan=3,
        format="xlsx",
    )
    content, filename = render_unduhan(unduhan, progress=lambda done, total: None)
    assert filename in direct["Content-Disposition"]
    assert _cells(content) == _cells(direct.content)
    assert any(row for rows in _cells(content).values() for row in rows[3:])


def test_a_kind_at_a_level_it_is_not_offered_at_is_not_found(registers, pimpinan, client_for):  # noqa: F811
    """The rekap poktan is offered down to the kecamatan, not for one desa."""
    from conftest import PONDOK_BATU

    client = client_for(pimpinan)
    assert (
        client.get(reverse("reports:rekap-pratinjau", args=["poktan", PONDOK_BATU])).status_code
        == 404
    )
    assert (
        client.get(reverse("reports:rekap-pratinjau", args=["poktan", LABUHANBATU])).status_code
        == 200
    )
