"""Measuring: timed requests per page, the register writes and submits, the
kader's page weight, the load phase and the check that no write was lost."""

from __future__ import annotations

import json
import statistics
import subprocess

from bench.config import (
    LOAD_CLIENTS,
    LOAD_MAX,
    LOAD_SECONDS,
    N_PDF,
    PASSWORD,
    PY,
    ROOT,
    WORKERS,
    WRITE_FIELD,
    WRITE_TOP,
    N,
    child_env,
)


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
