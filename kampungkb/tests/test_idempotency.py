"""A create form's token lets one POST create, however often it is sent."""

import threading
import uuid

import pytest
from django.db import close_old_connections, connection

from kampungkb.idempotency import OnceFormMixin, submit_once
from kampungkb.models import FormToken


def test_same_token_creates_once_and_returns_the_first_url(db):
    calls = []

    def create():
        calls.append(1)
        return f"/dibuat/{len(calls)}/"

    token = uuid.uuid4()
    assert submit_once(token, create) == ("/dibuat/1/", True)
    assert submit_once(token, create) == ("/dibuat/1/", False)
    assert submit_once(uuid.uuid4(), create) == ("/dibuat/2/", True)
    assert len(calls) == 2


def test_failed_create_leaves_the_token_unused(db):
    token = uuid.uuid4()

    def boom():
        raise ValueError("gagal")

    with pytest.raises(ValueError):
        submit_once(token, boom)
    assert not FormToken.objects.filter(token=token).exists()
    assert submit_once(token, lambda: "/ok/") == ("/ok/", True)


def test_each_rendered_form_gets_a_fresh_token():
    first, second = OnceFormMixin(), OnceFormMixin()
    assert first["form_token"].value() != second["form_token"].value()


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_posts_with_one_token_create_once():
    token, barrier, results, made = uuid.uuid4(), threading.Barrier(2), [], []

    def post():
        try:
            barrier.wait(timeout=10)

            def create():
                made.append(1)
                return "/satu/"

            results.append(submit_once(token, create))
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=post) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=20)
    assert len(made) == 1
    assert sorted(results) == [("/satu/", False), ("/satu/", True)]
