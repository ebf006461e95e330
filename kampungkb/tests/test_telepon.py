"""The user's mobile number (issue 17 §2): normalised, refused with a clear message."""

import pytest
from django.core.exceptions import ValidationError

from kampungkb.models import User
from kampungkb.telepon import normalize_hp, shown, wa_link
from tests.security.forms import baseline, form_fields


@pytest.mark.parametrize(
    "typed",
    ["0812-3456-7890", "0812 3456 7890", "+62 812 3456 7890", "62812.3456.7890", "(0812) 34567890"],
)
def test_every_usual_spelling_is_stored_as_one_number(typed):
    assert normalize_hp(typed) == "+6281234567890"
    assert shown("+6281234567890") == "0812-3456-7890"


@pytest.mark.parametrize(
    "typed", ["021 555 1234", "12345", "0812 345", "+1 812 3456 7890", "0812abc4567"]
)
def test_what_is_not_an_indonesian_mobile_number_is_refused(typed):
    with pytest.raises(ValidationError) as exc:
        normalize_hp(typed)
    assert "Nomor HP tidak dikenali" in exc.value.messages[0]


def test_empty_stays_empty_and_the_link_carries_the_text():
    assert normalize_hp("  ") == ""
    assert wa_link("+6281234567890", "Halo Bu, laporan & batas 3/12") == (
        "https://wa.me/6281234567890?text=Halo%20Bu%2C%20laporan%20%26%20batas%203%2F12"
    )


@pytest.mark.django_db
def test_admin_user_form_normalises_and_refuses_at_the_field(
    client_for, admin_portal, kader_pondokbatu
):
    client = client_for(admin_portal)
    url = f"/admin/kampungkb/user/{kader_pondokbatu.pk}/change/"
    data = baseline(form_fields(client.get(url).content.decode(), url, url))
    data.pop("password", None)
    response = client.post(url, data | {"telepon": ["bukan nomor"]})
    assert response.status_code == 200
    assert "Nomor HP tidak dikenali" in response.content.decode()
    assert 'value="bukan nomor"' in response.content.decode()  # input kept
    kader_pondokbatu.refresh_from_db()
    assert kader_pondokbatu.telepon == ""

    response = client.post(url, data | {"telepon": ["0812 3456 7890"]})
    assert response.status_code == 302
    kader_pondokbatu.refresh_from_db()
    assert kader_pondokbatu.telepon == "+6281234567890"


@pytest.mark.django_db
def test_the_model_refuses_an_unnormalised_number(kader_pondokbatu):
    kader_pondokbatu.telepon = "0812 3456 7890"
    with pytest.raises(ValidationError):
        kader_pondokbatu.full_clean()
    assert User._meta.get_field("telepon").verbose_name == "nomor HP"


@pytest.mark.django_db
def test_a_user_keeps_her_own_number_and_the_history_hides_it(client_for, kader_pondokbatu):
    from django.urls import reverse

    from kampungkb.models import AuditEntry

    client = client_for(kader_pondokbatu)
    url = reverse("akun:profil")
    response = client.post(url, {"telepon": "08123"})
    assert response.status_code == 200
    assert "Nomor HP tidak dikenali" in response.content.decode()
    assert 'value="08123"' in response.content.decode()

    response = client.post(url, {"telepon": "+62 812-3456-7890"}, follow=True)
    assert "Nomor HP tersimpan." in response.content.decode()
    assert 'value="081234567890"' in response.content.decode()
    kader_pondokbatu.refresh_from_db()
    assert kader_pondokbatu.telepon == "+6281234567890"
    entry = AuditEntry.objects.get(action="kampungkb.user.update")
    assert "3456" not in str(entry.changes)
    response = client.post(url, {"telepon": "081234567890"}, follow=True)
    assert "Tidak ada perubahan" in response.content.decode()
    assert AuditEntry.objects.count() == 1
