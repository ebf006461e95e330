"""Backup and restore (issue 8 §7): scripts/backup.sh dumps the database
(pg_dump -Fc) and the uploaded files; scripts/restore.sh puts them into a fresh
database and media directory. Every table has the same rows afterwards and
every stored file reference points at a file that exists."""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from pathlib import Path

import psycopg
import pytest
from django.apps import apps
from django.conf import settings
from django.db import connection, models

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not (shutil.which("pg_dump") and shutil.which("pg_restore")),
        reason="pg_dump/pg_restore not installed",
    ),
]


def _url(name: str) -> str:
    s = connection.settings_dict
    auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
    return f"postgresql://{auth}@{s['HOST'] or 'localhost'}:{s['PORT'] or 5432}/{name}"


def _tables(conn) -> list[str]:
    rows = conn.execute(
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1"
    ).fetchall()
    return [r[0] for r in rows]


def _counts(conn) -> dict[str, int]:
    return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in _tables(conn)}


def _file_refs(conn) -> set[str]:
    refs = set()
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField):
                table, column = model._meta.db_table, field.column
                rows = conn.execute(f'SELECT "{column}" FROM "{table}" WHERE "{column}" <> \'\'')
                refs |= {r[0] for r in rows}
    return refs


def test_backup_then_restore_into_a_fresh_database(sec, tmp_path):
    assert connection.vendor == "postgresql"
    media = Path(settings.MEDIA_ROOT)
    source_url = _url(connection.settings_dict["NAME"])
    with psycopg.connect(source_url) as source:
        counts = _counts(source)
        refs = _file_refs(source)
    assert counts["poktan_anggota"] and counts["villages_pendudukkampung"] and refs  # real data
    assert all((media / ref).is_file() for ref in refs)

    backup = tmp_path / "cadangan"
    env = {**os.environ, "DATABASE_URL": source_url, "MEDIA_ROOT": str(media)}
    subprocess.run(["bash", ROOT / "scripts/backup.sh", backup], env=env, check=True)
    assert {p.name for p in backup.iterdir()} == {"db.dump", "media.tar.gz", "SHA256SUMS"}

    fresh = f"kkb_pulih_{uuid.uuid4().hex[:8]}"
    restored_media = tmp_path / "media-pulih"
    with psycopg.connect(_url("postgres"), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{fresh}"')
    try:
        env = {**os.environ, "DATABASE_URL": _url(fresh), "MEDIA_ROOT": str(restored_media)}
        subprocess.run(["bash", ROOT / "scripts/restore.sh", backup], env=env, check=True)
        with psycopg.connect(_url(fresh)) as restored:
            assert _counts(restored) == counts
            assert _file_refs(restored) == refs
        missing = [ref for ref in refs if not (restored_media / ref).is_file()]
        assert not missing, missing
        for ref in refs:
            assert (restored_media / ref).read_bytes() == (media / ref).read_bytes()
    finally:
        with psycopg.connect(_url("postgres"), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{fresh}" WITH (FORCE)')


def test_restore_refuses_a_damaged_backup(sec, tmp_path):
    backup = tmp_path / "cadangan"
    env = {
        **os.environ,
        "DATABASE_URL": _url(connection.settings_dict["NAME"]),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }
    subprocess.run(["bash", ROOT / "scripts/backup.sh", backup], env=env, check=True)
    with open(backup / "db.dump", "r+b") as dump:
        dump.seek(200)
        dump.write(b"rusak")
    env["DATABASE_URL"] = _url("tidak_dipakai")
    result = subprocess.run(
        ["bash", ROOT / "scripts/restore.sh", backup], env=env, capture_output=True, text=True
    )
    assert result.returncode != 0 and "FAILED" in result.stdout + result.stderr
