"""The cluster bench's text report."""

from __future__ import annotations

# A node's capacity is the best throughput with "Ajukan" answered within this.
SUBMIT_P95_MS = 150


def best_capacity(rows: list[dict]) -> dict | None:
    ok = [r for r in rows if (r["p95_by_kind_ms"].get("submits") or 1e9) <= SUBMIT_P95_MS]
    return max(ok, key=lambda r: r["throughput_rps"]) if ok else None


def render(report: dict) -> str:
    m = report["machine"]
    lines = [
        f"Klaster, skala {report['scale']}, {report['when']}, {m['cpus']} CPU, "
        f"PostgreSQL {m['postgres']}, gunicorn {report['workers_per_node']} worker per node, "
        f"load average saat mulai {m['load_avg'][0]:.1f}",
    ]
    if report["cluster"] is not None:  # not with BENCH_PHASES=capacity
        lines += topology_lines(report)
    if report["capacity"]:
        lines += [
            "",
            "Kapasitas satu node, profil hari tenggat:",
            "",
            "| klien | tindakan/s | HTTP/s | p95 ms | p95 ajukan ms | galat | CPU app ms/HTTP "
            "| CPU PostgreSQL ms/HTTP |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for r in report["capacity"]:
            lines.append(
                f"| {r['clients']} | {r['throughput_rps']} | {r['http_rps']} | {r['p95_ms']} "
                f"| {r['p95_by_kind_ms'].get('submits')} | {r['errors']} "
                f"| {r['app_cpu_ms']} | {r['db_cpu_ms']} |"
            )
        best = best_capacity(report["capacity"])
        lines.append(
            f"Kapasitas per node dengan p95 ajukan ≤ {SUBMIT_P95_MS} ms: "
            + (f"{best['http_rps']} permintaan HTTP/s" if best else "tidak tercapai di mesin ini")
        )
        app = [r["app_cpu_ms"] for r in report["capacity"] if r["app_cpu_ms"]]
        db = [r["db_cpu_ms"] for r in report["capacity"] if r["db_cpu_ms"]]
        if app:
            per_req = sorted(app)[len(app) // 2]
            lines.append(
                f"CPU per permintaan (median): app {per_req} ms, PostgreSQL "
                f"{sorted(db)[len(db) // 2] if db else '?'} ms → satu node 2 inti pada 60 % "
                f"beban CPU ≈ {round(2 * 0.6 * 1000 / per_req)} permintaan/s "
                "(bila inti tidak dibagi)"
            )
    return "\n".join(lines)


def topology_lines(report: dict) -> list[str]:
    lines = [
        "",
        "| Topologi | tindakan/s | HTTP/s | p95 ms | p95 ajukan | galat | tulis diakui | hilang "
        "| ajukan diakui | unduhan antre | selesai tepat sekali |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, r in (
        ("satu node", report["single"]),
        ("2 node + nginx + replika", report["cluster"]),
    ):
        w, d = r["write_check"], r["download_check"]
        lines.append(
            f"| {name} | {r['throughput_rps']} | {r['http_rps']} | {r['p95_ms']} "
            f"| {r['p95_by_kind_ms'].get('submits')} | {r['errors']} | {w['acknowledged_writes']} "
            f"| {len(w['lost'])} | {w['acknowledged_submits']} | {d['queued']} "
            f"| {d['completed_once']} |"
        )
    c = report["cluster"]
    lines += [
        "",
        "Kejadian: " + "; ".join(c["events"]),
        f"Galat klaster pada detik: {c['error_times_s'][:30]} (contoh: {c['error_samples'][:5]})",
        f"Replika: dibuat dalam {c['replica_setup_s']} s, jeda di akhir {c['replica_lag_at_end']}",
    ]
    return lines
