"""Settings of the bench (``BENCH_*`` environment, see ``bench.run``) and the
environment of the processes it starts."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench-results"
PY = sys.executable
PASSWORD = "bench-kampungkb-2026"
# The figure the writes change: typed by the kader on a BKB register (keluarga
# hadir is counted from the attendance list when the poktan has members).
WRITE_FIELD, WRITE_TOP = "anak_dipantau_kka", 15
GENERATOR_VERSION = "1"
SECRET = "bench-only-secret-key-" + "x" * 40  # never used outside the local bench


def env(name: str, default: str) -> str:
    return os.environ.get(name) or default


SCALE = env("BENCH_SCALE", "kabupaten")
DB = env("BENCH_DB", "kkb_bench" if SCALE == "kabupaten" else f"kkb_bench_{SCALE}")
PG = env("BENCH_PG", "postgres://postgres@127.0.0.1:5432").rstrip("/")
DATABASE_URL = f"{PG}/{DB}"
_csv = ROOT.parent / "shared" / "data" / "wilayah" / "kemendagri-2025.csv"
CSV = env("BENCH_CSV", str(_csv) if _csv.exists() else "")
N = int(env("BENCH_N", "20"))
N_PDF = int(env("BENCH_N_PDF", "3"))
WORKERS = int(env("BENCH_WORKERS", "2"))
LOAD_SECONDS = float(env("BENCH_LOAD_SECONDS", "20"))
LOAD_CLIENTS = int(env("BENCH_LOAD_CLIENTS", "4"))
LOAD_MAX = int(env("BENCH_LOAD_MAX", "5000"))


def say(text: str) -> None:
    print(text, flush=True)


def child_env(**extra) -> dict:
    e = dict(os.environ)
    e.update(
        DATABASE_URL=DATABASE_URL,
        DJANGO_SETTINGS_MODULE="bench.settings",
        DEBUG="0",
        SECRET_KEY=SECRET,
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        SECURE_HSTS_SECONDS="0",
        STATIC_ROOT=str(RESULTS / "staticfiles"),
        PYTHONPATH=str(ROOT),
    )
    e.update(extra)
    return e
