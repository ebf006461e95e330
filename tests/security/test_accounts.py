"""Accounts (issue 8 §5): sessions expire after SESSION_COOKIE_AGE, weak
passwords are refused on the password-change page with Indonesian messages.
(Login throttling and `check --deploy` are tested in kampungkb/tests.)"""

from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db


def test_login_cookie_and_session_last_session_cookie_age_seconds(client, kader_pondokbatu):
    response = client.post(
        reverse("akun:login"),
        {"username": "kader.pondokbatu", "password": settings.DEMO_PASSWORD},
    )
    assert response.status_code == 302
    assert int(response.cookies[settings.SESSION_COOKIE_NAME]["max-age"]) == (
        settings.SESSION_COOKIE_AGE
    )
    assert settings.SESSION_COOKIE_HTTPONLY
    session = Session.objects.get(session_key=client.session.session_key)
    remaining = session.expire_date - timezone.now()
    assert abs(remaining.total_seconds() - settings.SESSION_COOKIE_AGE) < 60


def test_expired_session_is_sent_back_to_login(client, kader_pondokbatu):
    client.force_login(kader_pondokbatu)
    assert client.get(reverse("home")).status_code == 200
    Session.objects.filter(session_key=client.session.session_key).update(
        expire_date=timezone.now() - dt.timedelta(seconds=1)
    )
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("akun:login"))


def test_session_age_comes_from_the_environment(settings, client, kader_pondokbatu):
    settings.SESSION_COOKIE_AGE = 600
    client.force_login(kader_pondokbatu)
    assert client.session.get_expiry_age() == 600


@pytest.mark.parametrize(
    "weak,fragment",
    [
        ("kpb12", "terlalu pendek"),
        ("password123", "terlalu umum"),
        ("8675309201", "terdiri dari angka"),
        ("kader.pondokbatu1", "mirip"),
    ],
)
def test_weak_new_password_is_refused_in_indonesian(weak, fragment, client_for, kader_pondokbatu):
    client = client_for(kader_pondokbatu)
    response = client.post(
        reverse("akun:password-change"),
        {
            "old_password": settings.DEMO_PASSWORD,
            "new_password1": weak,
            "new_password2": weak,
        },
    )
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors.get("new_password2", []))
    assert fragment in errors.lower(), errors
    assert "password" not in errors.lower().replace(weak, "")  # no English message
    kader_pondokbatu.refresh_from_db()
    assert kader_pondokbatu.check_password(settings.DEMO_PASSWORD)


def test_strong_new_password_is_accepted(client_for, kader_pondokbatu):
    client = client_for(kader_pondokbatu)
    response = client.post(
        reverse("akun:password-change"),
        {
            "old_password": settings.DEMO_PASSWORD,
            "new_password1": "Keripik-Pisang-Pondok-Batu-2026",
            "new_password2": "Keripik-Pisang-Pondok-Batu-2026",
        },
    )
    assert response.status_code == 302
    kader_pondokbatu.refresh_from_db()
    assert kader_pondokbatu.check_password("Keripik-Pisang-Pondok-Batu-2026")


# --- issue 13 §8: per-address limit, password-change throttle ------------------


def _login(client, username, password, address):
    return client.post(
        reverse("akun:login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def test_one_address_guessing_many_usernames_is_refused(client, kader_pondokbatu):
    """60 failures over 15 usernames from one address: refused once the
    per-address limit is reached, even for a real user with the right
    password — from that address only."""
    statuses = []
    for i in range(60):
        response = _login(client, f"kader.{i % 15:04d}", "tebakan", "10.9.9.9")
        statuses.append(response.status_code)
    limit = settings.AXES_IP_FAILURE_LIMIT
    assert set(statuses[:limit]) == {200}, statuses
    assert set(statuses[limit:]) == {429}, statuses
    response = _login(client, "kader.pondokbatu", settings.DEMO_PASSWORD, "10.9.9.9")
    assert response.status_code == 429
    response = _login(client, "kader.pondokbatu", settings.DEMO_PASSWORD, "10.1.1.1")
    assert response.status_code == 302


def test_guessing_a_kaders_username_elsewhere_does_not_lock_her_out(client, kader_pondokbatu):
    for _ in range(3 * settings.AXES_FAILURE_LIMIT):
        _login(client, "kader.pondokbatu", "tebakan", "10.9.9.9")
    assert _login(client, "kader.pondokbatu", "tebakan", "10.9.9.9").status_code == 429
    response = _login(client, "kader.pondokbatu", settings.DEMO_PASSWORD, "10.1.1.1")
    assert response.status_code == 302


def test_wrong_old_passwords_are_throttled(client_for, kader_pondokbatu):
    client = client_for(kader_pondokbatu)
    url = reverse("akun:password-change")
    new = "Keripik-Pisang-Pondok-Batu-2026"
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(
            url, {"old_password": "tebakan", "new_password1": new, "new_password2": new}
        )
        assert response.status_code == 200
        assert response.context["form"].errors.get("old_password")
    # The failure reaching the limit shows the lockout page, as the login does.
    response = client.post(
        url, {"old_password": "tebakan", "new_password1": new, "new_password2": new}
    )
    assert response.status_code == 429
    response = client.post(
        url,
        {"old_password": settings.DEMO_PASSWORD, "new_password1": new, "new_password2": new},
    )
    assert response.status_code == 200
    assert "Terlalu banyak percobaan" in " ".join(response.context["form"].errors["old_password"])
    kader_pondokbatu.refresh_from_db()
    assert kader_pondokbatu.check_password(settings.DEMO_PASSWORD)
