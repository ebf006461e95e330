"""``make bench``: build (or reuse) a bench database, serve the portal with
gunicorn (DEBUG=0) against it, measure the key pages, run a bounded load phase
from a second process, check its writes, and write a table and a JSON file
under ``bench-results/``.

Environment:
  BENCH_SCALE       kabupaten (default) | provinsi | nasional
  BENCH_DB          database name (default kkb_bench, kkb_bench_<scale> otherwise)
  BENCH_PG          server URL without database (default postgres://postgres@127.0.0.1:5432)
  BENCH_CSV         kode,nama file (default ../shared/data/wilayah/kemendagri-2025.csv if present)
  BENCH_REBUILD=1   regenerate even if the database matches
  BENCH_N           requests per page (default 20); BENCH_N_PDF per PDF (default 3)
  BENCH_WORKERS     gunicorn workers (default 2, one per core)
  BENCH_LOAD_SECONDS / BENCH_LOAD_CLIENTS / BENCH_LOAD_MAX   load phase bounds (20 s / 4 / 5000)
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from bench.config import (  # noqa: F401 - read as bench.run.* by cluster and weak_network
    CSV,
    DATABASE_URL,
    DB,
    GENERATOR_VERSION,
    LOAD_CLIENTS,
    LOAD_MAX,
    LOAD_SECONDS,
    N_PDF,
    PASSWORD,
    PG,
    PY,
    RESULTS,
    ROOT,
    SCALE,
    SECRET,
    WORKERS,
    WRITE_FIELD,
    WRITE_TOP,
    N,
    child_env,
    env,
    say,
)
from bench.cpu import worker_pids
from bench.measure import (
    check_writes,
    load_phase,
    measure,
    measure_submits,
    page_weight,
)
from bench.pages import pages, subjects
from bench.report import machine, render

# --- database ----------------------------------------------------------------


def marker() -> str:
    return f"generate_scale v{GENERATOR_VERSION} scale={SCALE} csv={bool(CSV)} seed=1"


def ensure_database() -> dict:
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        row = conn.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
            [DB],
        ).fetchone()
        if (
            row
            and row[0]
            and row[0].startswith(marker())
            and os.environ.get("BENCH_REBUILD") != "1"
        ):
            say(f"basis data {DB} dipakai ulang ({row[0]})")
            # The code may have new migrations since the data was generated.
            subprocess.run(
                [PY, "manage.py", "migrate", "--noinput", "-v0"],
                cwd=ROOT,
                env=child_env(),
                check=True,
            )
            return json.loads(row[0].split(" | ", 1)[1]) if " | " in row[0] else {}
        say(f"membuat basis data {DB} skala {SCALE} …")
        conn.execute(f'DROP DATABASE IF EXISTS "{DB}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{DB}"')
    e = child_env()
    subprocess.run([PY, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=e, check=True)
    start = time.monotonic()
    cmd = [PY, "manage.py", "generate_scale", "--scale", SCALE, "--password", PASSWORD]
    if CSV:
        cmd += ["--wilayah-csv", CSV]
    subprocess.run(cmd, cwd=ROOT, env=e, check=True)
    info = {
        "generate_s": round(time.monotonic() - start, 1),
        "built": dt.datetime.now().isoformat(),
    }
    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        comment = f"{marker()} | {json.dumps(info)}"
        conn.execute(f"COMMENT ON DATABASE \"{DB}\" IS '{comment}'")
    return info


def setup_django() -> None:
    os.environ.update(child_env())
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


# --- server ------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(port: int) -> subprocess.Popen:
    e = child_env()
    subprocess.run(
        [PY, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=e, check=True
    )
    gunicorn = str(Path(PY).with_name("gunicorn"))
    proc = subprocess.Popen(
        [gunicorn, "kampungkb.wsgi", "--workers", str(WORKERS), "--bind", f"127.0.0.1:{port}",
         "--timeout", "120", "--log-level", "warning"],
        cwd=ROOT, env=e, start_new_session=True,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return proc
        except OSError:
            time.sleep(0.3)
    proc.terminate()
    raise SystemExit("gunicorn tidak mau jalan")


def peak_rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


def _stop(signum, _frame):
    raise SystemExit(f"dihentikan (sinyal {signum})")  # so gunicorn is stopped too


def main() -> int:
    import signal

    if os.environ.get("BENCH_TOPOLOGY") == "cluster":
        from bench import cluster

        return cluster.main()

    signal.signal(signal.SIGTERM, _stop)

    RESULTS.mkdir(exist_ok=True)
    info = ensure_database()
    setup_django()
    s = subjects()
    say(f"skala {SCALE}: {s['n_desa']:,} Kampung KB; subjek {s['kader']}, {s['pkb']}, {s['opd']}")
    port = free_port()
    server = start_server(port)
    try:
        measured = measure_everything(port, server, s)
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=30)
    results = measured["pages"]
    base_row = results[0]
    for r in results:
        r["ratio_p50"] = round(r["p50_ms"] / base_row["p50_ms"], 2) if base_row["p50_ms"] else None
        r["ratio_p95"] = round(r["p95_ms"] / base_row["p95_ms"], 2) if base_row["p95_ms"] else None
    report = {
        "scale": SCALE,
        "database": DB,
        "generated": info,
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "workers": WORKERS,
        "subjects": {k: v for k, v in s.items() if k != "load_registers"},
        **measured,
    }
    save(report)
    return 1 if report["write_check"]["lost"] or report["load"]["errors"] else 0


def measure_everything(port: int, server, s: dict) -> dict:
    """Every page, the page weight, the load phase, the write check, memory and
    the weak network, against the running server."""
    from bench import weak_network
    from bench.client import Client
    from poktan.models import Laporan

    base = f"http://127.0.0.1:{port}"
    clients = {None: Client(base)}
    for role in ("kader", "pkb", "opd", "admin"):
        clients[role] = Client(base)
        clients[role].login(s[role], PASSWORD)
    clients["kader_weight"] = Client(base)
    clients["kader_weight"].login(s["kader"], PASSWORD)
    writes: dict = {}
    versions_before = {str(s["laporan"]): Laporan.objects.get(pk=s["laporan"]).version}
    results, submitted = [], {}
    for page in pages(s):
        say(f"  {page['name']} …")
        if page["kind"] == "submit":
            results.append(measure_submits(page, s, base, submitted))
        else:
            results.append(measure(clients, page, s, writes))
    weight = page_weight(clients["kader_weight"])
    say(f"  fase beban {LOAD_SECONDS:.0f} s, {LOAD_CLIENTS} klien …")
    load = load_phase(base, s)
    versions_before.update(load.pop("versions_before"))
    writes.update(load["writes_ok"])
    verify = check_writes(writes, versions_before)
    diajukan = Laporan.objects.filter(pk__in=list(submitted), status="diajukan").count()
    verify["acknowledged_submits"] = len(submitted)
    if diajukan != len(submitted):
        verify["lost"].append(f"{len(submitted) - diajukan} pengajuan tidak tersimpan")
    memory = {pid: peak_rss_mb(pid) for pid in worker_pids(server.pid)}
    say("  koneksi lemah (Chromium) …")
    weak = weak_network.measure(port, s, PASSWORD)
    return {
        "pages": results,
        "kader_page_weight": weight,
        "worker_peak_rss_mb": memory,
        "load": load,
        "write_check": verify,
        "weak_network": weak,
    }


def save(report: dict) -> None:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = RESULTS / f"bench-{SCALE}-{stamp}.json"
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False, default=str))
    (RESULTS / f"latest-{SCALE}.json").write_text(path.read_text())
    text = render(report)
    (RESULTS / f"bench-{SCALE}-{stamp}.md").write_text(text)
    say("")
    say(text)
    say(f"\nJSON: {path.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
