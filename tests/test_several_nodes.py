"""Nothing assumes one process (issue 18).

- ``check --deploy`` (kampungkb.checks) names every per-process piece of
  configuration once ``APP_NODES`` > 1: cache, sessions, database (locks,
  one-time tokens), uploaded files, background tasks; the shipped
  configuration plus S3 gives no such warning.
- Another OS process (a second "node") sees what this one wrote: the session
  it created logs the user in here, the form token it used is refused here,
  the task it queued is in the queue db_worker reads.
- Settings: without DATABASE_REPLICA_URL no router, middleware or alias;
  MEDIA_S3_BUCKET switches uploads to django-storages' S3 backend.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.db import connection

from kampungkb.checks import several_nodes

ROOT = Path(__file__).resolve().parent.parent

LOCAL = {
    "cache": ("CACHES", {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}),
    "sessions": ("SESSION_ENGINE", "django.contrib.sessions.backends.file"),
    "media": ("STORAGES", None),  # the shipped default: FileSystemStorage
    "tasks": (
        "TASKS",
        {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}},
    ),
    "database": ("DATABASES", None),
}
EXPECTED = {
    "cache": "kampungkb.W101",
    "sessions": "kampungkb.W102",
    "database": "kampungkb.E103",
    "media": "kampungkb.W104",
    "tasks": "kampungkb.W105",
}
SHARED_CACHE = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                            "LOCATION": "redis://127.0.0.1:6379"}}  # fmt: skip
S3 = {
    "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {"bucket_name": "kkb"}},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


def shared(settings) -> None:
    """Everything shared: what a multi-node deployment sets."""
    settings.APP_NODES = 2
    settings.CACHES = SHARED_CACHE
    settings.STORAGES = S3
    settings.MEDIA_SHARED = False


def ids(settings) -> set[str]:
    return {m.id for m in several_nodes(None)}


def test_one_node_needs_nothing_shared(settings):
    settings.APP_NODES = 1
    settings.CACHES = LOCAL["cache"][1]
    assert ids(settings) == set()


def test_shared_configuration_gives_no_warning(settings):
    shared(settings)
    assert ids(settings) == set()


@pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")
@pytest.mark.parametrize("piece", sorted(LOCAL))
def test_each_process_local_piece_is_named(settings, piece):
    shared(settings)
    name, value = LOCAL[piece]
    if piece == "media":
        settings.STORAGES = {
            **S3,
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        }
    elif piece == "database":
        settings.DATABASES = {**settings.DATABASES, "default": {
            **settings.DATABASES["default"], "ENGINE": "django.db.backends.sqlite3"}}  # fmt: skip
    else:
        setattr(settings, name, value)
    assert ids(settings) == {EXPECTED[piece]}


def test_a_shared_media_folder_is_accepted(settings):
    shared(settings)
    settings.STORAGES = {
        **S3,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    settings.MEDIA_SHARED = True
    assert ids(settings) == set()


def test_check_deploy_reports_the_local_cache(settings):
    shared(settings)
    settings.CACHES = LOCAL["cache"][1]
    with pytest.raises(SystemCheckError, match="kampungkb.W101"):
        call_command("check", "--deploy", "--fail-level", "WARNING", "--tag", "caches")


def settings_in_subprocess(**env) -> dict:
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({'routers': s.DATABASE_ROUTERS, 'aliases': sorted(s.DATABASES), "
        "'middleware': s.MIDDLEWARE, 'storage': s.STORAGES['default']['BACKEND'], "
        "'cursors': s.DATABASES['default'].get('DISABLE_SERVER_SIDE_CURSORS'), "
        "'pool': 'pool' in s.DATABASES['default'].get('OPTIONS', {})}))"
    )
    base = {
        k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_REPLICA", "MEDIA_S3"))
    }
    base.update(DJANGO_SETTINGS_MODULE="kampungkb.settings", **env)
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=base, capture_output=True,
                         text=True, check=True)  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_without_replica_url_nothing_changes_with_it_the_router_is_installed():
    plain = settings_in_subprocess(DATABASE_URL="postgres://postgres@127.0.0.1:5432/x")
    assert plain["routers"] == [] and plain["aliases"] == ["default"]
    assert "kampungkb.replica.ReplicaMiddleware" not in plain["middleware"]
    assert plain["storage"] == "django.core.files.storage.FileSystemStorage"
    assert plain["pool"] and not plain["cursors"]
    on = settings_in_subprocess(
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/x",
        DATABASE_REPLICA_URL="postgres://postgres@127.0.0.1:5433/x",
        MEDIA_S3_BUCKET="kkb-media",
        DB_PGBOUNCER="1",
    )
    assert on["routers"] == ["kampungkb.db_router.ReplicaRouter"]
    assert on["aliases"] == ["default", "replica"]
    assert "kampungkb.replica.ReplicaMiddleware" in on["middleware"]
    assert on["storage"] == "storages.backends.s3.S3Storage"
    assert on["cursors"] and not on["pool"]


OTHER_NODE = """
import json, sys, uuid, django
django.setup()
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from kampungkb.idempotency import submit_once
from reports import tasks
user = get_user_model().objects.get(username=sys.argv[1])
session = SessionStore()
session["_auth_user_id"] = str(user.pk)
session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
session["_auth_user_hash"] = user.get_session_auth_hash()
session.create()
url, created = submit_once(uuid.UUID(sys.argv[2]), lambda: "/dibuat-di-node-lain/")
result = tasks.rebuild_periode.enqueue("2026-01", "12.10")
print(json.dumps({"session": session.session_key, "created": created, "task": str(result.id)}))
"""


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="another process needs a server")
def test_another_process_shares_sessions_tokens_and_tasks(opd_labuhanbatu, client, settings):
    from django_tasks_db.models import DBTaskResult

    from kampungkb.idempotency import submit_once

    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "kampungkb.settings", "DATABASE_URL": url}
    token = uuid.uuid4()
    out = subprocess.run(
        [sys.executable, "-c", OTHER_NODE, opd_labuhanbatu.username, str(token)],
        cwd=ROOT, env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    other = json.loads(out.stdout.strip().splitlines()[-1])
    assert other["created"] is True

    # The session made on the other node logs the user in on this one.
    client.cookies[settings.SESSION_COOKIE_NAME] = other["session"]
    resp = client.get("/")
    assert resp.status_code == 200
    assert resp.wsgi_request.user == opd_labuhanbatu
    # The token used there is used here: no second record.
    url, created = submit_once(token, lambda: "/dibuat-lagi/")
    assert (url, created) == ("/dibuat-di-node-lain/", False)
    # The task queued there waits in the queue every db_worker reads.
    assert DBTaskResult.objects.filter(id=other["task"], status="READY").exists()
