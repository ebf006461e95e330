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


class Phase:
    """The shared state of one load phase: the request budget, the deadline
    (set once every client has logged in) and what the threads recorded."""

    def __init__(self, spec: dict):
        self.spec = spec
        self.base, self.password = spec["base"], spec["password"]
        self.clock = {"deadline": float("inf"), "start": time.monotonic()}
        self.budget = {"left": spec["max_requests"]}
        self.lock = threading.Lock()
        self.stats = {"requests": 0, "errors": 0, "reads": 0, "writes": 0, "error_samples": []}
        self.stats.update(submits=0, downloads=0)
        self.writes: dict[str, dict] = {}
        self.latencies: list[float] = []
        self.by_kind: dict[str, list[float]] = {}
        self.error_times: list[float] = []
        self.submitted: list[int] = []
        self.downloads: list[int] = []
        threads_total = len(spec["writers"]) + len(spec["readers"])
        threads_total += len(spec.get("submitters", [])) + len(spec.get("downloaders", []))
        self.ready = threading.Barrier(threads_total + 1)

    def take(self) -> bool:
        with self.lock:
            if self.budget["left"] <= 0 or time.monotonic() >= self.clock["deadline"]:
                return False
            self.budget["left"] -= 1
            return True

    def record(self, kind: str, status: int, elapsed: float, path: str) -> None:
        with self.lock:
            self.stats["requests"] += 1
            self.stats[kind] += 1
            self.latencies.append(elapsed)
            self.by_kind.setdefault(kind, []).append(elapsed)
            if status >= 400 or status == 0:
                self.stats["errors"] += 1
                self.error_times.append(round(time.monotonic() - self.clock["start"], 2))
                if len(self.stats["error_samples"]) < 10:
                    self.stats["error_samples"].append(f"{status} {path}")

    def logged_in(self, username: str) -> Client:
        client = Client(self.base)
        try:
            client.login(username, self.password)
        finally:
            self.ready.wait()
        return client

    def read(self, client: Client, path: str) -> None:
        try:
            resp = client.get(path)
            self.record("reads", resp.status, resp.elapsed, path)
        except OSError as exc:
            self.record("reads", 0, 0.0, f"{path} {exc}")

    def writer(self, user: dict) -> None:
        client = self.logged_in(user["username"])
        value, top = user["value"], user["top"]
        i = 0
        while self.take():
            i += 1
            if i % 3:  # two reads for one write: the kader looks around, then saves
                self.read(client, user["reads"][i % len(user["reads"])])
                continue
            value = next_value(value, top)
            try:
                status, elapsed = register_write(client, user["path"], user["field"], value)
            except (OSError, RuntimeError) as exc:
                status, elapsed = 0, 0.0
                self.record("writes", 0, 0.0, f"{user['path']} {exc}")
            else:
                self.record("writes", status, elapsed, user["path"])
            self.acknowledge(user, status, value)
        client.close()

    def acknowledge(self, user: dict, status: int, value: int) -> None:
        with self.lock:
            entry = self.writes.setdefault(str(user["laporan_id"]), {"ok": 0, "unsure": []})
            entry["field"] = user["field"]
            if status == 302:
                entry["ok"] += 1
                entry["last"] = value
                entry["unsure"] = []
            else:
                # Not acknowledged (e.g. the node died mid-request): it may
                # or may not have committed; the check accepts either.
                entry["unsure"].append(value)

    def reader(self, user: dict) -> None:
        client = self.logged_in(user["username"])
        i = 0
        while self.take():
            path = user["reads"][i % len(user["reads"])]
            i += 1
            self.read(client, path)
        client.close()

    def submitter(self, user: dict) -> None:
        """A deadline-day kader: open the register, save the draft, submit it
        (one kader per register, each logged in before the phase)."""
        clients = []
        try:
            for reg in user["registers"]:
                client = Client(self.base)
                client.login(reg["username"], self.password)
                clients.append((client, reg))
        finally:
            self.ready.wait()
        for client, reg in clients:
            if not self.take():
                break
            try:
                status, elapsed, ok = submit_register(client, reg["path"], user["field"])
            except (OSError, RuntimeError) as exc:
                self.record("submits", 0, 0.0, f"{reg['path']} {exc}")
                continue
            self.record("submits", status, elapsed, reg["path"] + "ajukan/")
            if ok:
                with self.lock:
                    self.submitted.append(reg["laporan_id"])
            client.close()

    def downloader(self, user: dict) -> None:
        """Asks for a recap PDF every few seconds (queued for db_worker)."""
        client = self.logged_in(user["username"])
        while self.take():
            try:
                page = client.get("/laporan/")
                token = find_form(page.text, "csrfmiddlewaretoken")["csrfmiddlewaretoken"]
                resp = client.post(
                    "/laporan/unduhan/", {**user["form"], "csrfmiddlewaretoken": token}
                )
            except (OSError, RuntimeError) as exc:
                self.record("downloads", 0, 0.0, f"unduhan {exc}")
                continue
            self.record("downloads", resp.status, resp.elapsed, "/laporan/unduhan/")
            location = resp.headers.get("location", "")
            if resp.status == 302 and "/laporan/unduhan/" in location:
                with self.lock:
                    self.downloads.append(int(location.rstrip("/").rsplit("/", 1)[1]))
            time.sleep(user.get("every", 2.0))
        client.close()

    def threads(self) -> list[threading.Thread]:
        spec = self.spec
        threads = [threading.Thread(target=self.writer, args=(u,)) for u in spec["writers"]]
        for target, key in (
            (self.submitter, "submitters"),
            (self.downloader, "downloaders"),
        ):
            threads += [threading.Thread(target=target, args=(u,)) for u in spec.get(key, [])]
        threads += [threading.Thread(target=self.reader, args=(u,)) for u in spec["readers"]]
        return threads

    def run(self) -> dict:
        spec = self.spec
        threads = self.threads()
        for t in threads:
            t.start()
        self.ready.wait(timeout=300)  # logins (PBKDF2) are not part of the measured phase
        start = time.monotonic()
        self.clock["start"] = start
        sent_at_start = requests_sent()
        self.clock["deadline"] = start + spec["seconds"]
        if spec.get("start_file"):  # tells the runner when the measured phase began
            with open(spec["start_file"], "w") as fh:
                fh.write(str(time.time()))
        for t in threads:
            t.join(timeout=spec["seconds"] + 120)
        took = time.monotonic() - start
        return self.result(took, requests_sent() - sent_at_start, len(threads))

    def result(self, took: float, http_requests: int, clients: int) -> dict:
        latencies = sorted(self.latencies)

        def pct(p: float) -> float:
            return round(latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000, 1)

        return {
            **self.stats,
            "seconds": round(took, 1),
            "throughput_rps": round(self.stats["requests"] / took, 1) if took else 0,
            "p50_ms": pct(0.5) if latencies else None,
            "p95_ms": pct(0.95) if latencies else None,
            "clients": clients,
            # Actions above (a save = GET + POST, a submit = GET, POST, GET, POST);
            # HTTP requests on the wire here.
            "http_requests": http_requests,
            "http_rps": round(http_requests / took, 1) if took else 0,
            "writes_ok": self.writes,
            "p95_by_kind_ms": {
                k: round(sorted(v)[min(len(v) - 1, int(0.95 * len(v)))] * 1000, 1)
                for k, v in self.by_kind.items()
                if v
            },
            "error_times_s": self.error_times,
            "submitted": self.submitted,
            "downloads": self.downloads,
        }


def main(spec: dict) -> dict:
    return Phase(spec).run()


if __name__ == "__main__":
    print(json.dumps(main(json.loads(sys.argv[1]))))
