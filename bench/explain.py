"""Query plans of the benchmark's pages (issue 7, step 3).

Renders every page of ``bench.run.pages`` through Django's test client with
``CaptureQueriesContext``, then runs ``EXPLAIN (ANALYZE, BUFFERS)`` on the
slowest SELECTs and writes them to ``bench-results/explain-<scale>.txt``.

    BENCH_SCALE=provinsi .venv/bin/python -m bench.explain   # database must exist (make bench)
"""

from __future__ import annotations

import os
import sys
import time

from bench import run


def main() -> int:
    run.setup_django()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from kampungkb.models import User

    s = run.subjects()
    top = int(os.environ.get("BENCH_EXPLAIN_TOP", "3"))
    with_pdf = os.environ.get("BENCH_EXPLAIN_PDF") == "1"  # PDFs are WeasyPrint-bound
    out = [f"EXPLAIN ANALYZE, skala {run.SCALE} ({s['n_desa']:,} Kampung KB)\n"]
    summary = []
    for page in run.pages(s):
        if page["kind"] == "post" or (page["kind"] == "pdf" and not with_pdf):
            continue
        client = Client(HTTP_HOST="127.0.0.1", raise_request_exception=False)
        if page["user"]:
            client.force_login(User.objects.get(username=s[page["user"]]))
        client.get(page["path"])  # warm
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            resp = client.get(page["path"])
            took = (time.perf_counter() - start) * 1000
        queries = sorted(ctx.captured_queries, key=lambda q: -float(q["time"]))
        sql_ms = sum(float(q["time"]) for q in queries) * 1000
        summary.append((page["name"], resp.status_code, len(queries), took, sql_ms))
        out.append(f"\n=== {page['name']} {page['path']}: HTTP {resp.status_code}, "
                   f"{len(queries)} queries, {sql_ms:.1f} ms SQL of {took:.1f} ms\n")  # fmt: skip
        for q in queries[:top]:
            sql = q["sql"]
            out.append(f"\n--- {float(q['time']) * 1000:.1f} ms: {sql[:600]}\n")
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            with connection.cursor() as cursor:
                try:
                    cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
                    out.extend(f"    {row[0]}\n" for row in cursor.fetchall())
                except Exception as exc:  # noqa: BLE001 - report and go on
                    out.append(f"    (EXPLAIN gagal: {exc})\n")
    run.RESULTS.mkdir(exist_ok=True)
    path = run.RESULTS / f"explain-{run.SCALE}.txt"
    head = [f"{'halaman':<40} {'HTTP':>4} {'kueri':>5} {'ms':>8} {'ms SQL':>8}\n"]
    head += [f"{n:<40} {c:>4} {q:>5} {t:8.1f} {sq:8.1f}\n" for n, c, q, t, sq in summary]
    path.write_text("".join(head + out))
    sys.stdout.write("".join(head))
    print(f"\nrencana kueri: {path.relative_to(run.ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
