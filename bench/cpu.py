"""CPU seconds of a node's gunicorn workers and of the PostgreSQL backends of
the bench database (same machine), per request of a load phase."""

from __future__ import annotations

import os
from pathlib import Path

from bench.config import DB


def _cpu(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cpu_snapshot(master: int) -> dict[str, dict[int, float]]:
    """CPU seconds so far of the node's gunicorn workers and of the
    PostgreSQL backends connected to the bench database (same machine)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            [DB],
        )
        backends = [row[0] for row in cursor.fetchall()]
    return {
        "app": {p: _cpu(p) for p in worker_pids(master)},
        "db": {p: _cpu(p) for p in backends},
    }


def cpu_per_request(before: dict, after: dict, requests: int) -> dict:
    """CPU ms per request, app and database (backends alive at both ends;
    the node's connection pool keeps them for the whole phase)."""
    out = {}
    for part in ("app", "db"):
        used = sum(after[part][p] - before[part][p] for p in after[part] if p in before[part])
        out[f"{part}_cpu_ms"] = round(used * 1000 / requests, 1) if requests else None
    return out


def worker_pids(master: int) -> list[int]:
    path = Path(f"/proc/{master}/task/{master}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []
