"""``BENCH_TOPOLOGY=cluster make bench`` (issue 18): the portal as several
stateless nodes.

1. Single node: one gunicorn, one db_worker, the primary only; the mixed load
   (draft saves, submits, reads, queued PDF downloads) straight at it.
2. Cluster: a streaming replica (``bench.pg_replica``), two gunicorn nodes with
   ``DATABASE_REPLICA_URL`` behind nginx (generated config in a temporary
   directory; installed with apt-get when missing), two db_workers. The same
   load runs through nginx; a third of the way in, node A is killed (SIGKILL,
   a crash) and worker 1 stopped (``BENCH_WORKER_SIGNAL``, default TERM, as
   systemd/Kubernetes stop it), both restarted 5 s later.
3. Deadline-day capacity of one node (``BENCH_CAPACITY=0`` skips it): the
   deadline profile at rising concurrency; the best throughput whose submit
   p95 stays within 150 ms.

Checked afterwards: every acknowledged write is in the database (lost = 0),
every acknowledged submit is "diajukan", every queued download completed
exactly once. Written to ``bench-results/cluster-<scale>-<stamp>.{json,md}``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from bench import pg_replica
from bench import run as R
from bench.cluster_load import Drafts, deadline_mix, spec_for
from bench.cluster_report import render
from bench.cpu import cpu_per_request, cpu_snapshot

LOAD_SECONDS = float(R.env("BENCH_LOAD_SECONDS", "20"))
KILL_AFTER = float(R.env("BENCH_KILL_AFTER", str(round(LOAD_SECONDS / 3, 1))))
WORKER_SIGNAL = getattr(signal, "SIG" + R.env("BENCH_WORKER_SIGNAL", "TERM"))
CAPACITY_LEVELS = [int(x) for x in R.env("BENCH_CAPACITY_LEVELS", "2,4,8").split(",")]


# --- processes ---------------------------------------------------------------


def ensure_nginx() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else "")
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        R.say("memasang nginx-light (apt-get) …")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        for _ in range(10):  # another apt-get may hold the lock for a while
            out = subprocess.run(
                ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "nginx-light"],
                env=env,
                capture_output=True,
                text=True,
            )
            if out.returncode == 0:
                return "/usr/sbin/nginx"
            time.sleep(6)
        raise SystemExit(f"nginx tidak terpasang:\n{out.stderr[-1000:]}")
    raise SystemExit("nginx belum terpasang: 'sudo apt-get install nginx-light', lalu ulangi.")


NGINX_CONF = """worker_processes 1;
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 512; }}
http {{
  access_log off;
  client_body_temp_path {tmp}/body;
  proxy_temp_path {tmp}/proxy;
  fastcgi_temp_path {tmp}/fastcgi;
  uwsgi_temp_path {tmp}/uwsgi;
  scgi_temp_path {tmp}/scgi;
  client_max_body_size 20m;
  upstream portal {{
{servers}
    keepalive 32;
  }}
  server {{
    listen 127.0.0.1:{port};
    location / {{
      proxy_pass http://portal;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      # A refused connection (node down) goes to the other node; a POST
      # already sent to a node that died is NOT re-sent (nginx default).
      proxy_next_upstream error timeout;
      proxy_connect_timeout 2s;
      proxy_read_timeout 120s;
    }}
  }}
}}
"""


def start_nginx(tmp: Path, port: int, upstreams: list[int]) -> subprocess.Popen:
    servers = "\n".join(f"    server 127.0.0.1:{p} max_fails=1 fail_timeout=3s;" for p in upstreams)
    conf = tmp / "nginx.conf"
    conf.write_text(NGINX_CONF.format(tmp=tmp, port=port, servers=servers))
    proc = subprocess.Popen(
        [ensure_nginx(), "-c", str(conf), "-p", str(tmp), "-e", str(tmp / "error.log")],
        start_new_session=True,
    )
    wait_port(port, proc)
    return proc


def wait_port(port: int, proc: subprocess.Popen, timeout: float = 60) -> None:
    import socket

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"proses untuk port {port} berhenti (kode {proc.returncode})")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"port {port} tidak menjawab")


def start_node(port: int, env: dict) -> subprocess.Popen:
    gunicorn = str(Path(R.PY).with_name("gunicorn"))
    proc = subprocess.Popen(
        [
            gunicorn,
            "kampungkb.wsgi",
            "--workers",
            str(R.WORKERS),
            "--bind",
            f"127.0.0.1:{port}",
            "--timeout",
            "120",
            "--log-level",
            "error",
        ],
        cwd=R.ROOT,
        env=env,
        start_new_session=True,
    )
    wait_port(port, proc)
    return proc


def start_worker(name: str, env: dict) -> subprocess.Popen:
    return subprocess.Popen(
        [R.PY, "manage.py", "db_worker", "--worker-id", name, "--interval", "0.5"],
        cwd=R.ROOT,
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def stop(proc: subprocess.Popen | None, sig: int = signal.SIGTERM) -> None:
    if proc is None or proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, sig)
        proc.wait(timeout=60)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


# --- load --------------------------------------------------------------------


def run_load(base: str, spec: dict, during=None) -> dict:
    """Run bench.load against ``base``; ``during(t0)`` runs in a thread once
    the measured phase starts (the kill and restart)."""
    from poktan.models import Laporan

    spec = {**spec, "base": base}
    start_file = Path(tempfile.mkstemp(prefix="kkb-load-")[1])
    start_file.unlink()
    spec["start_file"] = str(start_file)
    before = {
        str(w["laporan_id"]): Laporan.objects.get(pk=w["laporan_id"]).version
        for w in spec["writers"]
    }
    proc = subprocess.Popen(
        [R.PY, "-m", "bench.load", json.dumps(spec)],
        cwd=R.ROOT,
        env=R.child_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    events: list[str] = []
    thread = None
    if during is not None:

        def waiter():
            while not start_file.exists() and proc.poll() is None:
                time.sleep(0.05)
            if proc.poll() is None:
                during(time.monotonic(), events)

        thread = threading.Thread(target=waiter)
        thread.start()
    out, err = proc.communicate(timeout=LOAD_SECONDS + 600)
    if thread:
        thread.join()
    start_file.unlink(missing_ok=True)
    if proc.returncode != 0:
        raise SystemExit(f"fase beban gagal:\n{err[-2000:]}")
    report = json.loads(out)
    report["versions_before"] = before
    report["events"] = events
    return report


# --- checks ------------------------------------------------------------------


def check_writes(report: dict) -> dict:
    """Acknowledged draft saves: the stored figure is the last acknowledged
    value (or a later unacknowledged attempt, which may have committed), and
    the version rose by at least the acknowledged saves. Acknowledged submits
    are all "diajukan"."""
    from poktan.models import Laporan

    lost, acknowledged = [], 0
    for laporan_id, entry in report["writes_ok"].items():
        lap = Laporan.objects.get(pk=int(laporan_id))
        acknowledged += entry["ok"]
        if not entry["ok"]:
            continue
        stored = getattr(lap, entry["field"])
        if stored not in [entry["last"], *entry.get("unsure", [])]:
            lost.append(f"laporan {laporan_id}: {entry['field']}={stored} ≠ {entry['last']}")
        if lap.version < report["versions_before"][laporan_id] + entry["ok"]:
            lost.append(f"laporan {laporan_id}: versi {lap.version} kurang dari yang diakui")
    ids = report["submitted"]
    diajukan = Laporan.objects.filter(pk__in=ids, status="diajukan").count()
    if diajukan != len(ids):
        lost.append(f"{len(ids) - diajukan} pengajuan diakui tetapi tidak tersimpan")
    return {"acknowledged_writes": acknowledged, "acknowledged_submits": len(ids), "lost": lost}


def check_downloads(ids: list[int], timeout: float = 240) -> dict:
    """Each acknowledged download: finished ("selesai") with exactly one task
    result, which succeeded."""
    from django_tasks_db.models import DBTaskResult

    from reports.models import Unduhan
    from reports.tasks import prepare_unduhan

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        waiting = Unduhan.objects.filter(pk__in=ids, status__in=["antre", "proses"]).count()
        if not waiting:
            break
        time.sleep(1)
    status = dict(Unduhan.objects.filter(pk__in=ids).values_list("pk", "status"))
    once, problems = 0, []
    for pk in ids:
        results = list(
            DBTaskResult.objects.filter(
                task_path=prepare_unduhan.module_path, args_kwargs__args=[pk]
            ).values_list("status", flat=True)
        )
        if status.get(pk) == "selesai" and results == ["SUCCESSFUL"]:
            once += 1
        else:
            problems.append(f"unduhan {pk}: {status.get(pk)} {results}")
    return {"queued": len(ids), "completed_once": once, "problems": problems}


# --- phases ------------------------------------------------------------------


def single_node(s: dict, drafts: Drafts, mix: dict) -> dict:
    port = R.free_port()
    node = R.start_server(port)  # runs collectstatic once
    worker = start_worker("bench-tunggal", R.child_env())
    try:
        load = measured_load(node, f"http://127.0.0.1:{port}", spec_for(s, drafts, **mix))
    finally:
        stop(node)
    try:
        load["write_check"] = check_writes(load)
        load["download_check"] = check_downloads(load["downloads"])
    finally:
        stop(worker)
    return load


def cluster(s: dict, drafts: Drafts, mix: dict) -> dict:
    R.say("  replika: pg_basebackup + standby …")
    t0 = time.monotonic()
    replica = pg_replica.create(R.PG)
    replica_s = round(time.monotonic() - t0, 1)
    env = R.child_env(DATABASE_REPLICA_URL=replica.url(R.DB))
    tmp = Path(tempfile.mkdtemp(prefix="kkb-lb-"))
    procs: dict[str, subprocess.Popen] = {}
    ports = [R.free_port(), R.free_port()]
    lb_port = R.free_port()
    try:
        procs["node_a"] = start_node(ports[0], env)
        procs["node_b"] = start_node(ports[1], env)
        procs["worker_1"] = start_worker("bench-1", env)
        procs["worker_2"] = start_worker("bench-2", env)
        procs["nginx"] = start_nginx(tmp, lb_port, ports)

        def kill_and_restart(t0: float, events: list[str]) -> None:
            time.sleep(KILL_AFTER)
            os.killpg(procs["node_a"].pid, signal.SIGKILL)
            os.killpg(procs["worker_1"].pid, WORKER_SIGNAL)
            events.append(
                f"{time.monotonic() - t0:.1f} s: node A SIGKILL, worker 1 "
                f"{signal.Signals(WORKER_SIGNAL).name}"
            )
            procs["node_a"].wait()
            procs["worker_1"].wait()
            time.sleep(5)
            procs["worker_1"] = start_worker("bench-1b", env)
            procs["node_a"] = start_node(ports[0], env)
            events.append(f"{time.monotonic() - t0:.1f} s: node A dan worker 1 jalan lagi")

        load = run_load(
            f"http://127.0.0.1:{lb_port}", spec_for(s, drafts, **mix), during=kill_and_restart
        )
        load["write_check"] = check_writes(load)
        load["download_check"] = check_downloads(load["downloads"])
        with pg_replica_cursor(replica) as cur:
            cur.execute("SELECT now() - pg_last_xact_replay_timestamp()")
            load["replica_lag_at_end"] = str(cur.fetchone()[0])
        load["replica_setup_s"] = replica_s
    finally:
        for proc in procs.values():
            stop(proc)
        replica.destroy()
        shutil.rmtree(tmp, ignore_errors=True)
    return load


def pg_replica_cursor(replica):
    import contextlib

    import psycopg

    @contextlib.contextmanager
    def cm():
        with psycopg.connect(replica.url(R.DB), autocommit=True) as conn, conn.cursor() as cur:
            yield cur

    return cm()


def measured_load(node: subprocess.Popen, base: str, spec: dict) -> dict:
    """run_load plus CPU per request, counted from the start of the measured
    phase (the logins before it, PBKDF2, are not part of it)."""
    snap = {}

    def at_start(_t0: float, _events: list[str]) -> None:
        snap["before"] = cpu_snapshot(node.pid)

    load = run_load(base, spec, during=at_start)
    load.update(cpu_per_request(snap["before"], cpu_snapshot(node.pid), load["http_requests"]))
    return load


def capacity(s: dict, drafts: Drafts) -> list[dict]:
    """Deadline profile on one node at rising concurrency."""
    port = R.free_port()
    node = R.start_server(port)
    rows = []
    try:
        for n in CAPACITY_LEVELS:
            mix = deadline_mix(n, seconds=max(LOAD_SECONDS / 2, 8), downloads=False)
            load = measured_load(node, f"http://127.0.0.1:{port}", spec_for(s, drafts, **mix))
            rows.append(
                {
                    "clients": load["clients"],
                    "throughput_rps": load["throughput_rps"],
                    "http_rps": load["http_rps"],
                    "p95_ms": load["p95_ms"],
                    "p95_by_kind_ms": load["p95_by_kind_ms"],
                    "errors": load["errors"],
                    "submits": load["submits"],
                    "app_cpu_ms": load["app_cpu_ms"],
                    "db_cpu_ms": load["db_cpu_ms"],
                }
            )
            R.say(
                f"    {load['clients']} klien: {load['throughput_rps']}/s, "
                f"p95 ajukan {load['p95_by_kind_ms'].get('submits')} ms"
            )
    finally:
        stop(node)
    return rows


def main() -> int:
    R.RESULTS.mkdir(exist_ok=True)
    info = R.ensure_database()
    R.setup_django()
    s = R.subjects()
    used = {r["laporan_id"] for r in s["load_registers"] + s["submit_registers"]}
    drafts = Drafts(used)
    try:
        return phases(s, drafts, info)
    finally:
        R.say(f"  {drafts.restore()} laporan yang diajukan bench dikembalikan ke draf")


def phases(s: dict, drafts: Drafts, info: dict) -> int:
    R.say(f"skala {R.SCALE}: {s['n_desa']:,} Kampung KB, {len(drafts.left)} draf BKB tersedia")
    mix = deadline_mix(R.LOAD_CLIENTS, LOAD_SECONDS)
    # BENCH_PHASES=capacity: only the deadline profile (e.g. at national scale).
    only_capacity = R.env("BENCH_PHASES", "all") == "capacity"
    single = multi = None
    if not only_capacity:
        R.say(f"  satu node, {LOAD_SECONDS:.0f} s …")
        single = single_node(s, drafts, mix)
        R.say(f"  klaster (2 node + nginx + 2 worker + replika), {LOAD_SECONDS:.0f} s …")
        multi = cluster(s, drafts, mix)
    cap = []
    if only_capacity or R.env("BENCH_CAPACITY", "1") != "0":
        R.say("  kapasitas satu node, profil hari tenggat …")
        cap = capacity(s, drafts)
    report = {
        "scale": R.SCALE,
        "database": R.DB,
        "generated": info,
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": R.machine(),
        "workers_per_node": R.WORKERS,
        "worker_signal": signal.Signals(WORKER_SIGNAL).name,
        "single": single,
        "cluster": multi,
        "capacity": cap,
    }
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = R.RESULTS / f"cluster-{R.SCALE}-{stamp}.json"
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False, default=str))
    text = render(report)
    path.with_suffix(".md").write_text(text)
    R.say("\n" + text + f"\n\nJSON: {path.relative_to(R.ROOT)}")
    if only_capacity:
        return 0
    bad = multi["write_check"]["lost"] or single["write_check"]["lost"]
    bad = bad or multi["download_check"]["problems"] or single["download_check"]["problems"]
    return 1 if bad else 0
