"""for_user and the access helpers: the one place scope is decided."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from conftest import PONDOK_BATU, PONDOK_BATU_TAPTENG
from kampungkb.models import AuditEntry, User
from kampungkb.scoping import get_for_user_or_404, kode_in_scope, require_role
from villages.models import KampungKB, Wilayah


@pytest.fixture
def kampungs(kampung_pondokbatu, kampung_tapteng, regions):
    import datetime as dt

    meranti = KampungKB.objects.create(
        desa_id="12.10.09.2010", nama="KKB Meranti", tanggal_pencanangan=dt.date(2018, 1, 1)
    )
    sibargot = KampungKB.objects.create(
        desa_id="12.10.07.2001", nama="KKB Sibargot", tanggal_pencanangan=dt.date(2018, 1, 1)
    )
    return {"pb": kampung_pondokbatu, "tt": kampung_tapteng, "meranti": meranti, "sib": sibargot}


@pytest.mark.parametrize(
    ("persona", "visible"),
    [
        ("kader_pondokbatu", {"pb"}),
        ("kader_desa_lain", {"meranti"}),
        ("pkb_bilahhulu", {"pb", "meranti"}),
        ("pkb_kecamatan_lain", {"sib"}),
        ("opd_labuhanbatu", {"pb", "meranti", "sib"}),
        ("opd_kesehatan", {"pb", "meranti", "sib"}),
        ("pimpinan", {"pb", "meranti", "sib"}),
        ("opd_kabupaten_lain", {"tt"}),
        ("admin_portal", {"pb", "meranti", "sib", "tt"}),
        ("anonim", set()),
    ],
)
def test_for_user_returns_only_rows_inside_the_users_region(request, kampungs, persona, visible):
    user = request.getfixturevalue(persona)
    names = {key for key, k in kampungs.items() if k in KampungKB.objects.for_user(user)}
    assert names == visible


def test_prefix_match_does_not_leak_to_codes_that_merely_start_alike(regions):
    # 12.1 must not cover 12.10: the match is on whole dotted segments.
    assert kode_in_scope("12.10.09.2009", "12.10")
    assert not kode_in_scope("12.10.09.2009", "12.1")
    assert not kode_in_scope("12.10", "12.10.09")


def test_inactive_user_sees_nothing(kader_pondokbatu, kampungs):
    kader_pondokbatu.is_active = False
    assert not KampungKB.objects.for_user(kader_pondokbatu).exists()


def test_user_without_region_and_not_admin_sees_nothing(regions, kampungs):
    user = User.objects.create(username="tanpa.wilayah", role="opd_kabupaten")
    assert not KampungKB.objects.for_user(user).exists()


def test_wilayah_scope_includes_ancestors_for_breadcrumbs_but_not_siblings(kader_pondokbatu):
    kodes = set(Wilayah.objects.for_user(kader_pondokbatu).values_list("kode", flat=True))
    assert kodes == {"12", "12.10", "12.10.09", PONDOK_BATU}


def test_get_for_user_or_404_hides_other_regions(kader_pondokbatu, kampungs):
    assert get_for_user_or_404(KampungKB, kader_pondokbatu, desa_id=PONDOK_BATU) == kampungs["pb"]
    with pytest.raises(Http404):
        get_for_user_or_404(KampungKB, kader_pondokbatu, desa_id=PONDOK_BATU_TAPTENG)
    with pytest.raises(Http404):
        get_for_user_or_404(KampungKB, kader_pondokbatu, pk="bukan-angka")


def test_require_role_refuses_other_roles(pimpinan, opd_labuhanbatu, admin_portal, anonim):
    require_role(opd_labuhanbatu, "opd_kabupaten")
    require_role(admin_portal, "opd_kabupaten")  # superuser may everything
    for user in (pimpinan, anonim):
        with pytest.raises(PermissionDenied):
            require_role(user, "opd_kabupaten")


def test_audit_entries_are_scoped_by_their_region(kader_pondokbatu, kader_desa_lain, kampungs):
    from kampungkb import audit

    audit.record(actor=kader_pondokbatu, action="villages.kampung.update", obj=kampungs["pb"])
    audit.record(actor=kader_desa_lain, action="villages.kampung.update", obj=kampungs["meranti"])
    mine = AuditEntry.objects.for_user(kader_pondokbatu)
    assert [e.object_repr for e in mine] == ["Kampung KB Desa Pondok Batu"]


def test_role_scope_level_is_validated(regions):
    from django.core.exceptions import ValidationError

    kader = User(username="k", role="kader", wilayah_id="12.10.09")
    with pytest.raises(ValidationError) as exc:
        kader.full_clean()
    assert "wilayah" in exc.value.message_dict
    lintas = User(username="l", role="opd_lintas_sektor", wilayah_id="12.10")
    with pytest.raises(ValidationError) as exc:
        lintas.full_clean()
    assert "instansi" in exc.value.message_dict
