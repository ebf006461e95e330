"""Settings come from the environment; production refuses an unsafe start."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def database_url_of(settings):
    db = settings.DATABASES["default"]  # the test database pytest created
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


def run_check(env_extra, *args):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(env_extra)
    return subprocess.run(
        [sys.executable, "manage.py", "check", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_refuses_to_start_with_debug_off_and_no_secret_key():
    result = run_check({"DEBUG": "0", "ALLOWED_HOSTS": "portal.example"})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
    assert "Traceback" not in result.stderr.splitlines()[-1]


def test_production_settings_pass_the_deploy_check(settings):
    result = run_check(
        {
            "DATABASE_URL": database_url_of(settings),
            "DEBUG": "0",
            "SECRET_KEY": "x7Qp2!vR9#mL4$zT8&wB-kampung-kb-produksi-5Hj3@nC6^dF1*gK0",
            "ALLOWED_HOSTS": "portal.example",
        },
        "--deploy",
        "--fail-level",
        "WARNING",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_defaults_are_indonesian_and_jakarta(settings):
    assert settings.TIME_ZONE == "Asia/Jakarta"
    assert settings.LANGUAGE_CODE == "id"
    assert settings.AUTH_USER_MODEL == "kampungkb.User"


def test_tests_run_on_postgresql_with_the_connection_pool(settings):
    db = settings.DATABASES["default"]
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert db["OPTIONS"].get("pool")
