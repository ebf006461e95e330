"""Password guessing is slowed down: 5 failures lock the username for 15 minutes."""

from django.urls import reverse


def test_five_wrong_passwords_lock_the_account_even_for_the_right_one(
    client, kader_pondokbatu, settings
):
    url = reverse("akun:login")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(url, {"username": "kader.pondokbatu", "password": "tebakan"})
        assert response.status_code == 200
    response = client.post(url, {"username": "kader.pondokbatu", "password": "tebakan"})
    assert response.status_code == 429
    assert "Terlalu banyak percobaan masuk" in response.text
    response = client.post(
        url, {"username": "kader.pondokbatu", "password": settings.DEMO_PASSWORD}
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_other_users_are_not_locked_by_someone_elses_failures(
    client, kader_pondokbatu, pkb_bilahhulu, settings
):
    url = reverse("akun:login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(url, {"username": "kader.pondokbatu", "password": "tebakan"})
    response = client.post(url, {"username": "pkb.bilahhulu", "password": settings.DEMO_PASSWORD})
    assert response.status_code == 302


def test_a_success_before_the_limit_resets_the_count(client, kader_pondokbatu, settings):
    url = reverse("akun:login")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        client.post(url, {"username": "kader.pondokbatu", "password": "tebakan"})
    assert (
        client.post(
            url, {"username": "kader.pondokbatu", "password": settings.DEMO_PASSWORD}
        ).status_code
        == 302
    )
    client.post(reverse("akun:logout"))
    response = client.post(url, {"username": "kader.pondokbatu", "password": "tebakan"})
    assert response.status_code == 200
