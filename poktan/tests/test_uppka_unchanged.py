"""An UPPKA register saves unchanged (issue 12 item 1): the page's own values,
posted back as the browser sends them, are accepted and store the same
amounts. Before, the money inputs held "10.500.000" and the form refused it."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from poktan.models import Laporan, Status

pytestmark = pytest.mark.django_db


class FormFields(HTMLParser):
    """What a browser posts for the first form whose action is ``action``."""

    def __init__(self, action: str):
        super().__init__(convert_charrefs=True)
        self.action, self.inside, self.data = action, False, []
        self._textarea = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = a.get("action") == self.action and not self.data
        if not self.inside or "disabled" in a or not a.get("name"):
            return
        if tag == "input" and a.get("type") not in ("submit", "button", "file"):
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                return
            self.data.append((a["name"], a.get("value", "on" if a.get("type") else "")))
        elif tag == "textarea":
            self._textarea = [a["name"], ""]
        elif tag == "select":
            self._select = a["name"]
        elif tag == "option" and self._select and "selected" in a:
            self.data.append((self._select, a.get("value", "")))

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self._textarea is not None:
            self.data.append(tuple(self._textarea))
            self._textarea = None
        elif tag == "select":
            self._select = None


def browser_post_data(html: str, action: str) -> dict:
    parser = FormFields(action)
    parser.feed(html)
    data: dict[str, list[str]] = {}
    for name, value in parser.data:
        data.setdefault(name, []).append(value)
    return data


@pytest.mark.parametrize("language", ["id", "en"])
def test_uppka_register_saves_unchanged(client_for, kader_pondokbatu, uppka, periode, language):
    laporan = Laporan.objects.create(
        poktan=uppka,
        periode=periode.first_day,
        status=Status.DRAF,
        jumlah_anggota=12,
        anggota_aktif=10,
        modal=10_500_000,
        omzet=2_750_000,
    )
    client = client_for(kader_pondokbatu)
    client.cookies["django_language"] = language
    url = reverse("poktan:laporan-edit", args=[uppka.pk, periode])
    html = client.get(url).content.decode()
    data = browser_post_data(html, url)
    assert data["modal"] == ["10500000"] and data["omzet"] == ["2750000"]
    data["aksi"] = ["simpan"]

    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"] == url
    laporan.refresh_from_db()
    assert (laporan.modal, laporan.omzet, laporan.anggota_aktif) == (10_500_000, 2_750_000, 10)
    assert laporan.status == Status.DRAF


@pytest.mark.parametrize("typed", ["10.500.000", "Rp 10.500.000", "10500000"])
def test_uppka_money_as_a_kader_types_it(client_for, kader_pondokbatu, uppka, periode, typed):
    url = reverse("poktan:laporan-edit", args=[uppka.pk, periode])
    data = {
        "version": "",
        "jumlah_anggota": "12",
        "anggota_aktif": "10",
        "modal": typed,
        "omzet": "Rp 2.750.000,-",
        "pertemuan-TOTAL_FORMS": "0",
        "pertemuan-INITIAL_FORMS": "0",
        "aksi": "simpan",
    }
    response = client_for(kader_pondokbatu).post(url, data)
    assert response.status_code == 302
    laporan = Laporan.objects.get(poktan=uppka)
    assert (laporan.modal, laporan.omzet) == (10_500_000, 2_750_000)
