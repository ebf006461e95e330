"""The one conflict mechanism (kampungkb.concurrency.conflict_context): what a
stale save shows, and that saving again after reading it works."""

import re

from django.urls import reverse

from interventions.models import Intervensi
from interventions.tests import factories as f
from interventions.tests.test_intervensi_views import _data


def _version_in(html: str) -> str:
    return re.search(r'name="version" value="(\d+)"', html)[1]


def test_saving_again_after_a_conflict_stores_the_input(
    client_for, opd_labuhanbatu, kampung_pondokbatu
):
    """The message says "simpan lagi": the page re-arms the form on the stored
    version, so the second tap saves instead of conflicting again."""
    dinkes = f.resmi("Dinas Kesehatan")
    obj = f.intervensi(kampung_pondokbatu, dinkes, pemilik=dinkes)
    url = reverse("interventions:intervensi-edit", args=[obj.pk])
    client = client_for(opd_labuhanbatu)
    first = _data(kampung_pondokbatu, judul="Dari tab pertama", version=1, instansi=[dinkes.pk])
    assert client.post(url, first).status_code == 302
    stale = _data(kampung_pondokbatu, judul="Dari tab kedua", version=1, instansi=[dinkes.pk])
    conflict = client.post(url, stale).content.decode()
    assert "sudah diubah orang lain" in conflict and 'value="Dari tab kedua"' in conflict
    again = client.post(url, {**stale, "version": _version_in(conflict)})
    assert again.status_code == 302
    assert Intervensi.objects.get(pk=obj.pk).judul == "Dari tab kedua"


def test_the_changes_shown_hide_phone_numbers_from_roles_without_contact_rights(
    client_for, opd_labuhanbatu, opd_kesehatan, kampung_pondokbatu
):
    dinkes = f.resmi("Dinas Kesehatan")
    obj = f.intervensi(kampung_pondokbatu, dinkes, pemilik=dinkes)
    url = reverse("interventions:intervensi-edit", args=[obj.pk])
    phone = "Hubungi bidan 0812-3456-7890."
    other = _data(kampung_pondokbatu, deskripsi=phone, version=1, instansi=[dinkes.pk])
    assert client_for(opd_labuhanbatu).post(url, other).status_code == 302
    stale = _data(kampung_pondokbatu, judul="Judul baru", version=1, instansi=[dinkes.pk])
    html = client_for(opd_kesehatan).post(url, stale).content.decode()
    assert "sudah diubah orang lain" in html
    assert "0812•••" in html and "3456-7890" not in html
