"""A refused form starts with a summary of its errors (issue 17 item 3).

Generated from the round-trip cases (every create and edit form of the URL
conf has one): each form is posted with every field it renders made invalid
(text too long and not a number or a date, a choice that does not exist). The
page must answer with the summary at the top of the content, before the form,
and each of its links must jump to an element of the page (the field's input,
or the first box of a checkbox list).
"""

from __future__ import annotations

import re

import pytest

from tests.roundtrip.cases import CASES
from tests.roundtrip.forms import form_posting_to

pytestmark = pytest.mark.django_db

SUMMARY = re.compile(r'<div [^>]*id="ringkasan-galat">(.*?)</div>', re.S)
LINK = re.compile(r'<a href="#([^"]+)"')
NONSENSE = "x" * 3000


def invalid_data(form) -> dict[str, list[str]]:
    data = form.baseline()
    for f in form.fields.values():
        if f.disabled or f.kind in ("hidden", "file", "checkbox"):
            continue
        if f.kind in ("text", "textarea"):
            data[f.name] = [NONSENSE]
        else:  # a select, a radio or a list of boxes: a choice not offered
            data[f.name] = ["pilihan-yang-tidak-ada"]
    return data


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_refused_form_shows_summary_linking_to_fields(case, sec, client_for):
    if case.setup:
        case.setup(sec)
    client = client_for(getattr(sec.personas, case.persona))
    page_url = case.page(sec)
    html = client.get(page_url).content.decode()
    post_url = (case.post or case.page)(sec)
    form = form_posting_to(html, post_url, page_url)

    response = client.post(post_url, invalid_data(form))

    assert response.status_code == 200, (case.id, response.status_code)
    page = response.content.decode()
    summary = SUMMARY.search(page)
    assert summary, f"{case.id}: no error summary"
    assert page.index('id="ringkasan-galat"') < page.index("<form", page.index('id="konten"'))
    targets = LINK.findall(summary.group(1))
    assert targets, f"{case.id}: the summary links to no field"
    for target in targets:
        assert f'id="{target}"' in page, f"{case.id}: link #{target} goes nowhere"


# Forms outside the round trip (nothing stored to read back), refused the same way
# (a browser always posts something: the CSRF token; an empty POST is a GET there).
OTHER_FORMS = [
    ("akun:password-change", lambda w: [], {"old_password": "salah", "new_password1": "x"}),
    ("poktan:anggota-import", lambda w: [w.poktan.pk], {"catatan": "tanpa berkas"}),
]


@pytest.mark.parametrize("name,args,data", OTHER_FORMS, ids=[f[0] for f in OTHER_FORMS])
def test_other_refused_forms_show_the_summary(name, args, data, sec, client_for):
    from django.urls import reverse

    client = client_for(sec.personas.kader_pondokbatu)
    response = client.post(reverse(name, args=args(sec)), data)
    assert response.status_code == 200, (name, response.status_code)
    page = response.content.decode()
    summary = SUMMARY.search(page)
    assert summary, f"{name}: no error summary"
    targets = LINK.findall(summary.group(1))
    assert targets and all(f'id="{t}"' in page for t in targets), (name, targets)
