"""``manage.py check --deploy``: nothing may live in one process when several
app nodes serve the portal (issue 18). ``APP_NODES`` (env) says how many.

What is shared, and how:
- sessions: the database (``SESSION_ENGINE`` db / cached_db, or signed cookies);
- cache: nothing needs it for correctness, but a per-process cache on several
  nodes would serve each node its own copy: a shared backend or none;
- locks and one-time tokens: PostgreSQL (advisory locks, ``FormToken`` rows,
  django-axes counts): a SQLite file cannot be shared between nodes;
- uploaded files: S3 (``MEDIA_S3_BUCKET``) or a folder every node mounts
  (``MEDIA_SHARED=1``);
- background tasks: the database queue (django-tasks-db), run by db_worker.
"""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

PROCESS_LOCAL_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
    "django.core.cache.backends.filebased.FileBasedCache",
)
SHARED_SESSION_ENGINES = (
    "django.contrib.sessions.backends.db",
    "django.contrib.sessions.backends.cached_db",
    "django.contrib.sessions.backends.signed_cookies",
)
IN_PROCESS_TASKS = (
    "django.tasks.backends.immediate.ImmediateBackend",
    "django.tasks.backends.dummy.DummyBackend",
)


def _nodes() -> int:
    return int(getattr(settings, "APP_NODES", 1) or 1)


def _local_cache(alias: str = "default") -> bool:
    backend = settings.CACHES.get(alias, {}).get("BACKEND", "")
    return backend in PROCESS_LOCAL_CACHES


@register(Tags.caches, Tags.files, deploy=True)
def several_nodes(app_configs, **kwargs):
    if _nodes() <= 1:
        return []
    n = _nodes()
    problems = []
    if _local_cache():
        problems.append(
            Warning(
                f"APP_NODES={n} tetapi CACHES default hanya ada di satu proses "
                f"({settings.CACHES['default']['BACKEND']}).",
                hint="Pakai cache bersama (Redis/Memcached) atau jangan andalkan cache.",
                id="kampungkb.W101",
            )
        )
    engine = settings.SESSION_ENGINE
    if engine not in SHARED_SESSION_ENGINES and not (
        engine == "django.contrib.sessions.backends.cache" and not _local_cache()
    ):
        problems.append(
            Warning(
                f"APP_NODES={n} tetapi sesi disimpan per proses/mesin ({engine}).",
                hint="SESSION_ENGINE = 'django.contrib.sessions.backends.db' (bawaan).",
                id="kampungkb.W102",
            )
        )
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        problems.append(
            Error(
                f"APP_NODES={n} tetapi basis data bukan PostgreSQL: kunci (advisory lock), "
                "token sekali pakai, sesi dan antrean tugas tidak bisa dibagi antar-node.",
                hint="Setel DATABASE_URL ke server PostgreSQL.",
                id="kampungkb.E103",
            )
        )
    storage = settings.STORAGES["default"]["BACKEND"]
    if storage == "django.core.files.storage.FileSystemStorage" and not getattr(
        settings, "MEDIA_SHARED", False
    ):
        problems.append(
            Warning(
                f"APP_NODES={n} tetapi berkas unggahan ada di folder lokal {settings.MEDIA_ROOT}.",
                hint="Setel MEDIA_S3_BUCKET (django-storages, S3) atau MEDIA_SHARED=1 bila "
                "MEDIA_ROOT adalah folder bersama yang dipasang di semua node.",
                id="kampungkb.W104",
            )
        )
    tasks = settings.TASKS.get("default", {}).get("BACKEND", "")
    if tasks in IN_PROCESS_TASKS:
        problems.append(
            Warning(
                f"APP_NODES={n} tetapi tugas latar berjalan di dalam proses web ({tasks}).",
                hint="Pakai django_tasks_db.backend.DatabaseBackend dan jalankan db_worker.",
                id="kampungkb.W105",
            )
        )
    return problems
