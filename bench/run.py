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
import platform
import socket
import statistics
import subprocess
import sys
import time
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


# --- subjects: who requests what -----------------------------------------------


def subjects() -> dict:
    """Users and objects the pages are measured with, picked from the data."""
    from interventions.models import Inovasi
    from kampungkb.models import User
    from kampungkb.periods import Periode
    from poktan.models import Laporan
    from villages.models import KampungKB, Wilayah

    periode = Periode.current()
    editable = (
        Laporan.objects.filter(periode=periode.first_day, status="draf", poktan__jenis="BKB")
        .select_related("poktan__kampung")
        .order_by("poktan__kampung__desa_id")
    )
    # The first for the draft-save page, the next for the load phase's kader,
    # then one per "Ajukan" (a submitted register cannot be submitted again).
    registers = list(editable[: LOAD_CLIENTS + 1 + N + WORKERS])
    if not registers:
        raise SystemExit("tidak ada laporan draf bulan ini di data bench")
    first = registers[0]
    desa = first.poktan.kampung.desa_id
    kecamatan, kabupaten, provinsi = desa[:8], desa[:5], desa[:2]
    inovasi = Inovasi.objects.filter(wilayah__kode__startswith=f"{kabupaten}.").first()
    inovasi = inovasi or Inovasi.objects.first()
    kampung = KampungKB.objects.get(desa_id=desa)
    n_desa = Wilayah.objects.filter(tingkat=4, kampung_kb__isnull=False).count()
    return {
        "periode": str(periode),
        "desa": desa,
        "kecamatan": kecamatan,
        "kabupaten": kabupaten,
        "provinsi": provinsi,
        "kader": f"kader.{desa}",
        "pkb": f"pkb.{kecamatan}",
        "opd": f"opd.{kabupaten}",
        "admin": User.objects.filter(role="admin", wilayah=None)
        .values_list("username", flat=True)
        .first(),
        "poktan": first.poktan_id,
        "laporan": first.pk,
        "inovasi": inovasi.pk if inovasi else None,
        "kampung": kampung.desa_id,
        "load_registers": [
            {"laporan_id": r.pk, "poktan": r.poktan_id, "desa": r.poktan.kampung.desa_id}
            for r in registers[1 : LOAD_CLIENTS + 1]
        ],
        "submit_registers": [
            {"laporan_id": r.pk, "poktan": r.poktan_id, "desa": r.poktan.kampung.desa_id}
            for r in registers[LOAD_CLIENTS + 1 :]
        ],
        "n_desa": n_desa,
    }


def pages(s: dict) -> list[dict]:
    """(name, user, path, kind) of every page measured; the first is the baseline."""
    reg = f"/poktan/{s['poktan']}/laporan/{s['periode']}/"
    p = s["periode"]
    out = [
        ("Halaman masuk (baseline)", None, "/akun/masuk/"),
        # The floor of any logged-in page: session, user, the base layout.
        ("Ubah kata sandi (halaman bersesi paling ringan)", "kader", "/akun/kata-sandi/"),
        ("Beranda kader", "kader", "/"),
        ("Laporan bulan ini (kader)", "kader", "/poktan/laporan-bulan-ini/"),
        ("Formulir laporan GET", "kader", reg),
        ("Formulir laporan POST (simpan draf)", "kader", reg),
        # Each time another kader's draft (BKB of this month), submitted as is.
        ("Formulir laporan POST (ajukan)", "kader", "ajukan"),
        ("Beranda petugas kecamatan", "pkb", "/"),
        ("Kelengkapan kecamatan (grid)", "pkb", "/poktan/kelengkapan/"),
        ("Kelengkapan kabupaten", "opd", "/poktan/kelengkapan/"),
        ("Dasbor kabupaten", "opd", f"/dasbor/{s['kabupaten']}/"),
        ("Dasbor provinsi", "admin", f"/dasbor/{s['provinsi']}/"),
        ("Dasbor nasional", "admin", "/dasbor/"),
        ("Beranda admin nasional", "admin", "/"),
        ("Halaman Kampung KB", "opd", f"/kampung/{s['kampung']}/"),
        ("Halaman publik Kampung KB", None, f"/publik/kampung/{s['kampung']}/"),
        ("Daftar Kampung KB ?kelas=Mandiri", "opd", "/kampung/?kelas=Mandiri"),
        ("Daftar Kampung KB nasional ?q=Batu", "admin", "/kampung/?q=Batu"),
        ("Daftar poktan (kabupaten)", "opd", "/poktan/"),
        ("Daftar intervensi ?seksi=Ekonomi", "opd", "/intervensi/?seksi=Ekonomi"),
        ("Daftar intervensi nasional", "admin", "/intervensi/"),
        ("Daftar inovasi ?tahapan=Penerapan", "opd", "/inovasi/?tahapan=Penerapan"),
        ("Riwayat perubahan", "opd", "/riwayat/"),
        ("Wilayah kabupaten", "opd", f"/wilayah/{s['kabupaten']}/"),
    ]
    pdfs = [
        ("PDF Kampung KB", "opd", f"/laporan/kampung/{s['kampung']}/pdf/"),
        ("PDF rekap poktan kabupaten", "opd", f"/laporan/poktan/{s['kabupaten']}/pdf/?periode={p}"),
        ("PDF rekap intervensi kabupaten", "opd", f"/laporan/intervensi/{s['kabupaten']}/pdf/"),
    ]
    if s["inovasi"]:
        pdfs.insert(0, ("PDF Profil Inovasi Daerah", "opd", f"/inovasi/{s['inovasi']}/pdf/"))
    kinds = {
        "Formulir laporan POST (simpan draf)": "post",
        "Formulir laporan POST (ajukan)": "submit",
    }
    result = [
        {"name": n, "user": u, "path": path, "kind": kinds.get(n, "html")} for n, u, path in out
    ]
    result += [{"name": n, "user": u, "path": path, "kind": "pdf"} for n, u, path in pdfs]
    return result


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


def worker_pids(master: int) -> list[int]:
    path = Path(f"/proc/{master}/task/{master}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def peak_rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


# --- measuring ---------------------------------------------------------------


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def measure(clients: dict, page: dict, s: dict, writes: dict) -> dict:
    from bench.load import next_value

    client = clients[page["user"]]
    n = N_PDF if page["kind"] == "pdf" else N
    lat, server, queries, wire, gz, statuses = [], [], [], [], [], []
    value = 0
    # The first request to each worker warms its caches (templates, fonts) and
    # is not counted; requests reach the sync workers in no fixed order.
    warm = WORKERS
    for i in range(n + warm):
        if page["kind"] == "post":
            from poktan.models import Laporan

            if i == 0:
                value = getattr(Laporan.objects.get(pk=s["laporan"]), WRITE_FIELD) or 0
            value = next_value(value, WRITE_TOP)
            # One draft save as a browser sends it; the GET before it is not timed.
            status, _e = register_write_timed(client, page["path"], value, lat, server, queries)
            statuses.append(status)
            if status == 302:
                entry = writes.setdefault(str(s["laporan"]), {"ok": 0, "field": WRITE_FIELD})
                entry["ok"] += 1
                entry["last"] = value
            continue
        resp = client.get(page["path"])
        if i < warm:
            continue
        statuses.append(resp.status)
        lat.append(resp.elapsed)
        server.append(resp.server_ms or 0)
        queries.append(resp.queries or 0)
        wire.append(len(resp.wire))
        gz.append(resp.gzip_size)
    if page["kind"] == "post":
        lat, server, queries = lat[warm:], server[warm:], queries[warm:]
    return summary(page, lat, server, queries, wire, gz, statuses)


def summary(page, lat, server, queries, wire, gz, statuses) -> dict:
    return {
        **page,
        "n": len(lat),
        "status": sorted(set(statuses)),
        "p50_ms": round(pct(lat, 0.5) * 1000, 1),
        "p95_ms": round(pct(lat, 0.95) * 1000, 1),
        "server_p50_ms": round(pct(server, 0.5), 1),
        "server_p95_ms": round(pct(server, 0.95), 1),
        "queries": max(queries) if queries else None,
        "bytes_wire": round(statistics.median(wire)) if wire else None,
        "bytes_gzip": round(statistics.median(gz)) if gz else None,
    }


def submit_form(html: str) -> dict[str, str]:
    """The register form as "Ajukan" sends it: blank figures filled with 0
    (the generated drafts leave some empty; a submit needs every figure)."""
    from bench.client import find_form

    form = find_form(html, WRITE_FIELD)
    figures = []
    for name, value in form.items():
        if name in ("version", "csrfmiddlewaretoken", "hadir") or name.startswith("pertemuan"):
            continue
        figures.append(name)
        if value == "":
            form[name] = "0"
    # "Angka ini benar" for every figure: a figure far from the poktan's history
    # (a 0 filled in above) is confirmed, so "Ajukan" submits (issue 17 §1).
    form["benar"] = figures
    return form


def measure_submits(page: dict, s: dict, base: str, submitted: dict) -> dict:
    """ "Ajukan" of a different kader's draft each time (login and the GET of
    the form are not timed); the first WORKERS warm the workers."""
    from bench.client import Client

    lat, server, queries, statuses = [], [], [], []
    for i, reg in enumerate(s["submit_registers"]):
        client = Client(base)
        client.login(f"kader.{reg['desa']}", PASSWORD)
        path = f"/poktan/{reg['poktan']}/laporan/{s['periode']}/"
        form = submit_form(client.get(path).text)
        resp = client.post(f"{path}ajukan/", form)
        if resp.status == 302:
            submitted[reg["laporan_id"]] = True
        if i < WORKERS:
            continue
        statuses.append(resp.status)
        lat.append(resp.elapsed)
        server.append(resp.server_ms or 0)
        queries.append(resp.queries or 0)
    return summary(page, lat, server, queries, [], [], statuses)


def register_write_timed(client, path, value, lat, server, queries):
    from bench.client import find_form

    page = client.get(path)
    form = find_form(page.text, WRITE_FIELD)
    form[WRITE_FIELD] = str(value)
    resp = client.post(path, form)
    lat.append(resp.elapsed)
    server.append(resp.server_ms or 0)
    queries.append(resp.queries or 0)
    return resp.status, resp.elapsed


def page_weight(client) -> dict:
    """Kader home: first load (HTML + every static file it loads) and repeat
    load (HTML only: static files have hashed names and a far-future cache)."""
    from bench.client import assets

    html = client.get("/")
    total = html.gzip_size
    files = []
    for url in dict.fromkeys(assets(html.text)):
        resp = client.get(url)
        files.append(
            {
                "url": url,
                "status": resp.status,
                "bytes": len(resp.wire),
                "encoding": resp.headers.get("content-encoding", ""),
                "cache": resp.headers.get("cache-control", ""),
            }
        )
        total += len(resp.wire) if resp.headers.get("content-encoding") else resp.gzip_size
    return {"first_load_bytes": total, "repeat_bytes": html.gzip_size, "assets": files}


def load_phase(base: str, s: dict) -> dict:
    """Mixed traffic from a second process; returns its report."""
    from poktan.models import Laporan

    reads_kader = ["/", "/poktan/laporan-bulan-ini/"]
    writers = []
    for reg in s["load_registers"][: LOAD_CLIENTS // 2 or 1]:
        lap = Laporan.objects.get(pk=reg["laporan_id"])
        path = f"/poktan/{reg['poktan']}/laporan/{s['periode']}/"
        writers.append({
            "username": f"kader.{reg['desa']}", "laporan_id": reg["laporan_id"], "path": path,
            "field": WRITE_FIELD, "value": getattr(lap, WRITE_FIELD) or 0, "top": WRITE_TOP,
            "reads": [*reads_kader, path],
        })  # fmt: skip
    readers = [
        {"username": s["opd"], "reads": [f"/dasbor/{s['kabupaten']}/", f"/kampung/{s['kampung']}/",
                                         "/poktan/kelengkapan/", "/intervensi/?seksi=Ekonomi"]},
        {"username": s["pkb"], "reads": ["/poktan/kelengkapan/", "/"]},
    ][: max(LOAD_CLIENTS - len(writers), 1)]  # fmt: skip
    spec = {
        "base": base, "password": PASSWORD, "seconds": LOAD_SECONDS, "max_requests": LOAD_MAX,
        "writers": writers, "readers": readers,
    }  # fmt: skip
    before = {
        str(w["laporan_id"]): Laporan.objects.get(pk=w["laporan_id"]).version for w in writers
    }
    out = subprocess.run(
        [PY, "-m", "bench.load", json.dumps(spec)], cwd=ROOT, env=child_env(),
        capture_output=True, text=True, timeout=LOAD_SECONDS + 300,
    )  # fmt: skip
    if out.returncode != 0:
        raise SystemExit(f"fase beban gagal:\n{out.stderr[-2000:]}")
    report = json.loads(out.stdout)
    report["versions_before"] = before
    return report


def check_writes(writes: dict, versions_before: dict) -> dict:
    """Every acknowledged write is in the database: the last value written is
    stored, and the version rose by exactly the number of acknowledged saves."""
    from kampungkb.models import AuditEntry
    from poktan.models import Laporan

    lost, checked = [], 0
    for laporan_id, entry in writes.items():
        if not entry["ok"]:
            continue
        lap = Laporan.objects.get(pk=int(laporan_id))
        checked += entry["ok"]
        if getattr(lap, entry["field"]) != entry["last"]:
            lost.append(f"laporan {laporan_id}: {entry['field']}={getattr(lap, entry['field'])}")
        if (
            laporan_id in versions_before
            and lap.version != versions_before[laporan_id] + entry["ok"]
        ):
            lost.append(
                f"laporan {laporan_id}: versi {lap.version} ≠ "
                f"{versions_before[laporan_id]} + {entry['ok']}"
            )
    audits = AuditEntry.objects.filter(action__startswith="poktan.laporan").count()
    return {"acknowledged_writes": checked, "lost": lost, "audit_entries": audits}


# --- output ------------------------------------------------------------------


def kb(n) -> str:
    return "" if n is None else f"{n / 1024:.1f}"


def table(results: list[dict], base: dict) -> str:
    head = (
        f"| {'Halaman':<38} | p50 ms | p95 ms | server p95 | ×baseline p50 | kueri "
        f"| KB gzip | status |"
    )
    lines = [head, "|" + "|".join("-" * (len(c) + 0) for c in head.split("|")[1:-1]) + "|"]
    for r in results:
        ratio = r["p50_ms"] / base["p50_ms"] if base["p50_ms"] else 0
        lines.append(
            f"| {r['name']:<38} | {r['p50_ms']:6.1f} | {r['p95_ms']:6.1f} "
            f"| {r['server_p95_ms']:10.1f} | {ratio:13.1f} | {r['queries'] or 0:5d} "
            f"| {kb(r['bytes_gzip']):>7} | {','.join(map(str, r['status'])):>6} |"
        )
    return "\n".join(lines)


def machine() -> dict:
    mem = 0
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            mem = round(int(line.split()[1]) / 1024 / 1024, 1)
    cpu = ""
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    return {
        "cpus": os.cpu_count(),
        "cpu": cpu,
        "mem_gib": mem,
        "load_avg": os.getloadavg(),
        "python": platform.python_version(),
        "postgres": pg_version(),
    }


def pg_version() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return cursor.fetchone()[0]


def _stop(signum, _frame):
    raise SystemExit(f"dihentikan (sinyal {signum})")  # so gunicorn is stopped too


def main() -> int:
    import signal

    if os.environ.get("BENCH_TOPOLOGY") == "cluster":
        from bench import cluster

        return cluster.main()

    from bench.client import Client

    signal.signal(signal.SIGTERM, _stop)

    RESULTS.mkdir(exist_ok=True)
    info = ensure_database()
    setup_django()
    s = subjects()
    say(f"skala {SCALE}: {s['n_desa']:,} Kampung KB; subjek {s['kader']}, {s['pkb']}, {s['opd']}")
    port = free_port()
    server = start_server(port)
    base = f"http://127.0.0.1:{port}"
    try:
        clients = {None: Client(base)}
        for role in ("kader", "pkb", "opd", "admin"):
            clients[role] = Client(base)
            clients[role].login(s[role], PASSWORD)
        clients["kader_weight"] = Client(base)
        clients["kader_weight"].login(s["kader"], PASSWORD)
        writes: dict = {}
        from poktan.models import Laporan

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
        from bench import weak_network

        weak = weak_network.measure(port, s, PASSWORD)
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=30)
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
        "pages": results,
        "kader_page_weight": weight,
        "worker_peak_rss_mb": memory,
        "load": load,
        "write_check": verify,
        "weak_network": weak,
    }
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = RESULTS / f"bench-{SCALE}-{stamp}.json"
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False, default=str))
    (RESULTS / f"latest-{SCALE}.json").write_text(path.read_text())
    text = render(report)
    (RESULTS / f"bench-{SCALE}-{stamp}.md").write_text(text)
    say("")
    say(text)
    say(f"\nJSON: {path.relative_to(ROOT)}")
    return 1 if verify["lost"] or load["errors"] else 0


def render(report: dict) -> str:
    results = report["pages"]
    m = report["machine"]
    load = report["load"]
    verify = report["write_check"]
    weight = report["kader_page_weight"]
    lines = [
        f"Skala {report['scale']} ({report['subjects']['n_desa']:,} Kampung KB), "
        f"{report['when']}, {m['cpus']} CPU {m['cpu']}, {m['mem_gib']} GiB, "
        f"PostgreSQL {m['postgres']}, gunicorn {report['workers']} worker, "
        f"load average saat mulai {m['load_avg'][0]:.1f}",
        "",
        table(results, results[0]),
        "",
        f"Bobot halaman kader (gzip): muat pertama {kb(weight['first_load_bytes'])} KB, "
        f"muat ulang {kb(weight['repeat_bytes'])} KB",
        "Memori puncak worker (VmHWM): "
        + ", ".join(f"{v} MB" for v in report["worker_peak_rss_mb"].values()),
        f"Fase beban: {load['requests']} permintaan dalam {load['seconds']} s "
        f"({load['throughput_rps']}/s, {load['clients']} klien, p50 {load['p50_ms']} ms, "
        f"p95 {load['p95_ms']} ms), galat {load['errors']}, "
        f"penulisan diakui {verify['acknowledged_writes']}, hilang {len(verify['lost'])}",
        f"Pengajuan diakui {verify.get('acknowledged_submits', 0)}, semuanya berstatus "
        "diajukan di basis data"
        if not verify["lost"]
        else f"Hilang: {verify['lost']}",
    ]
    if report.get("weak_network"):
        from bench.weak_network import render as render_weak

        lines += ["", render_weak(report["weak_network"])]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
