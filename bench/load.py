"""Load phase of the benchmark: a separate process sending mixed read/write
traffic to the portal on 127.0.0.1, bounded in time and in requests.

Input: one JSON argument (see ``bench.run.load_phase``). Output: one JSON
document on stdout with throughput, errors and every write that succeeded,
which the runner then checks in the database."""

from __future__ import annotations

import json
import sys
import threading
import time
from urllib.parse import urlsplit

from bench.client import Client, find_form, requests_sent


def register_write(client: Client, path: str, field: str, value: int) -> tuple[int, float]:
    """Open the register form, change one figure, save the draft (as a browser does)."""
    page = client.get(path)
    if page.status != 200:
        return page.status, page.elapsed
    form = find_form(page.text, field)
    form[field] = str(value)
    resp = client.post(path, form)
    ok = resp.status == 302 and urlsplit(resp.headers.get("location", "")).path == path
    return (302 if ok else resp.status or 599), resp.elapsed


def submit_register(client: Client, path: str, field: str) -> tuple[int, float, bool]:
    """Open the register, save it as a draft, then "Ajukan" (blank figures
    filled with 0, as run.submit_form does); returns the submit's status."""
    page = client.get(path)
    if page.status != 200:
        return page.status, page.elapsed, False
    form = find_form(page.text, field)
    for name, value in form.items():
        if value == "" and name != "version" and not name.startswith("pertemuan"):
            form[name] = "0"
    draft = client.post(path, form)
    if draft.status != 302:
        return draft.status, draft.elapsed, False
    form = find_form(client.get(path).text, field)
    for name, value in form.items():
        if value == "" and name != "version" and not name.startswith("pertemuan"):
            form[name] = "0"
    resp = client.post(f"{path}ajukan/", form)
    return resp.status, resp.elapsed, resp.status == 302


def next_value(current: int, top: int) -> int:
    """Always different from the current value, within 1..top."""
    return current % top + 1


def main(spec: dict) -> dict:
    base, password = spec["base"], spec["password"]
    # deadline is set once every client has logged in
    clock = {"deadline": float("inf"), "start": time.monotonic()}
    threads_total = len(spec["writers"]) + len(spec["readers"])
    budget = {"left": spec["max_requests"]}
    lock = threading.Lock()
    stats = {"requests": 0, "errors": 0, "reads": 0, "writes": 0, "error_samples": []}
    stats.update(submits=0, downloads=0)
    writes: dict[str, dict] = {}
    latencies: list[float] = []
    by_kind: dict[str, list[float]] = {}
    error_times: list[float] = []
    submitted: list[int] = []
    downloads: list[int] = []
    threads_total += len(spec.get("submitters", [])) + len(spec.get("downloaders", []))
    ready = threading.Barrier(threads_total + 1)

    def take() -> bool:
        with lock:
            if budget["left"] <= 0 or time.monotonic() >= clock["deadline"]:
                return False
            budget["left"] -= 1
            return True

    def record(kind: str, status: int, elapsed: float, path: str) -> None:
        with lock:
            stats["requests"] += 1
            stats[kind] += 1
            latencies.append(elapsed)
            by_kind.setdefault(kind, []).append(elapsed)
            if status >= 400 or status == 0:
                stats["errors"] += 1
                error_times.append(round(time.monotonic() - clock["start"], 2))
                if len(stats["error_samples"]) < 10:
                    stats["error_samples"].append(f"{status} {path}")

    def writer(user: dict) -> None:
        client = Client(base)
        try:
            client.login(user["username"], password)
        finally:
            ready.wait()
        value, top = user["value"], user["top"]
        i = 0
        while take():
            i += 1
            if i % 3:  # two reads for one write: the kader looks around, then saves
                path = user["reads"][i % len(user["reads"])]
                try:
                    resp = client.get(path)
                    record("reads", resp.status, resp.elapsed, path)
                except OSError as exc:
                    record("reads", 0, 0.0, f"{path} {exc}")
                continue
            value = next_value(value, top)
            try:
                status, elapsed = register_write(client, user["path"], user["field"], value)
            except (OSError, RuntimeError) as exc:
                status, elapsed = 0, 0.0
                record("writes", 0, 0.0, f"{user['path']} {exc}")
            else:
                record("writes", status, elapsed, user["path"])
            with lock:
                entry = writes.setdefault(str(user["laporan_id"]), {"ok": 0, "unsure": []})
                entry["field"] = user["field"]
                if status == 302:
                    entry["ok"] += 1
                    entry["last"] = value
                    entry["unsure"] = []
                else:
                    # Not acknowledged (e.g. the node died mid-request): it may
                    # or may not have committed; the check accepts either.
                    entry["unsure"].append(value)
        client.close()

    def reader(user: dict) -> None:
        client = Client(base)
        try:
            client.login(user["username"], password)
        finally:
            ready.wait()
        i = 0
        while take():
            path = user["reads"][i % len(user["reads"])]
            i += 1
            try:
                resp = client.get(path)
                record("reads", resp.status, resp.elapsed, path)
            except OSError as exc:
                record("reads", 0, 0.0, f"{path} {exc}")
        client.close()

    def submitter(user: dict) -> None:
        """A deadline-day kader: open the register, save the draft, submit it
        (one kader per register, each logged in before the phase)."""
        clients = []
        try:
            for reg in user["registers"]:
                client = Client(base)
                client.login(reg["username"], password)
                clients.append((client, reg))
        finally:
            ready.wait()
        for client, reg in clients:
            if not take():
                break
            try:
                status, elapsed, ok = submit_register(client, reg["path"], user["field"])
            except (OSError, RuntimeError) as exc:
                record("submits", 0, 0.0, f"{reg['path']} {exc}")
                continue
            record("submits", status, elapsed, reg["path"] + "ajukan/")
            if ok:
                with lock:
                    submitted.append(reg["laporan_id"])
            client.close()

    def downloader(user: dict) -> None:
        """Asks for a recap PDF every few seconds (queued for db_worker)."""
        client = Client(base)
        try:
            client.login(user["username"], password)
        finally:
            ready.wait()
        while take():
            try:
                page = client.get("/laporan/")
                token = find_form(page.text, "csrfmiddlewaretoken")["csrfmiddlewaretoken"]
                resp = client.post(
                    "/laporan/unduhan/", {**user["form"], "csrfmiddlewaretoken": token}
                )
            except (OSError, RuntimeError) as exc:
                record("downloads", 0, 0.0, f"unduhan {exc}")
                continue
            record("downloads", resp.status, resp.elapsed, "/laporan/unduhan/")
            location = resp.headers.get("location", "")
            if resp.status == 302 and "/laporan/unduhan/" in location:
                with lock:
                    downloads.append(int(location.rstrip("/").rsplit("/", 1)[1]))
            time.sleep(user.get("every", 2.0))
        client.close()

    threads = [threading.Thread(target=writer, args=(u,)) for u in spec["writers"]]
    threads += [threading.Thread(target=submitter, args=(u,)) for u in spec.get("submitters", [])]
    threads += [threading.Thread(target=downloader, args=(u,)) for u in spec.get("downloaders", [])]
    threads += [threading.Thread(target=reader, args=(u,)) for u in spec["readers"]]
    for t in threads:
        t.start()
    ready.wait(timeout=300)  # logins (PBKDF2) are not part of the measured phase
    start = time.monotonic()
    clock["start"] = start
    sent_at_start = requests_sent()
    clock["deadline"] = start + spec["seconds"]
    if spec.get("start_file"):  # tells the runner when the measured phase began
        with open(spec["start_file"], "w") as fh:
            fh.write(str(time.time()))
    for t in threads:
        t.join(timeout=spec["seconds"] + 120)
    took = time.monotonic() - start
    http_requests = requests_sent() - sent_at_start
    latencies.sort()

    def pct(p: float) -> float:
        return round(latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000, 1)

    return {
        **stats,
        "seconds": round(took, 1),
        "throughput_rps": round(stats["requests"] / took, 1) if took else 0,
        "p50_ms": pct(0.5) if latencies else None,
        "p95_ms": pct(0.95) if latencies else None,
        "clients": len(threads),
        # Actions above (a save = GET + POST, a submit = GET, POST, GET, POST);
        # HTTP requests on the wire here.
        "http_requests": http_requests,
        "http_rps": round(http_requests / took, 1) if took else 0,
        "writes_ok": writes,
        "p95_by_kind_ms": {
            k: round(sorted(v)[min(len(v) - 1, int(0.95 * len(v)))] * 1000, 1)
            for k, v in by_kind.items()
            if v
        },
        "error_times_s": error_times,
        "submitted": submitted,
        "downloads": downloads,
    }


if __name__ == "__main__":
    print(json.dumps(main(json.loads(sys.argv[1]))))
