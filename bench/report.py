"""The bench's output: the page table, the machine, the text report."""

from __future__ import annotations

import os
import platform
from pathlib import Path


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
