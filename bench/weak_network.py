"""The kader's register on a weak connection (issue 16), measured in Chromium.

A village phone on 400 kbit/s down and 400 kbit/s up with 400 ms round-trip
latency:
- first load: a phone that never opened the portal (no cache, no service
  worker; only her login cookie) opens her register page with everything it
  loads;
- repeat load: she opens the same page again (the service worker and the
  browser cache are there now); the worker shows its kept copy locked until
  the server confirms it, and the time she can type is reported beside it
  (``ms_editable``);
- save: "Simpan draf" with one changed figure, until the page it lands on
  has loaded.

The link is emulated below the browser, by a small TCP relay on 127.0.0.1
between Chromium and gunicorn (``Link``): 200 ms each way on every chunk and
one shared 400 kbit/s budget per direction. DevTools' emulation (CDP
``Network.emulateNetworkConditions``) is set per page target, and the
service worker's own fetches (the HTML of a repeat load, a save) would
escape it; the relay slows and counts every byte the phone receives,
whoever asked for it. Times are the browser's own (Navigation Timing:
navigation start → load event end); bytes are what crossed the relay,
headers and compressed bodies included. CDP ``encodedDataLength`` of the
page's responses is reported beside them as a check.

Budgets (issue 16): first ≤ 1.0 s and ≤ 40 KB, repeat ≤ 0.5 s and ≤ 5 KB,
save ≤ 1.0 s.

Alone: ``python -m bench.weak_network`` (builds or reuses the bench database
and serves it with gunicorn, like ``make bench``); ``bench.run`` calls
``measure`` with its own server.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
import threading
import time

from kampungkb import first_visit

KBPS, RTT_MS = 400, 400
RATE = KBPS * 1000 / 8  # bytes per second, each direction
BUDGET = {"first": (1000, 40_000), "repeat": (500, 5_000), "save": (1000, None)}
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
LOAD_END = "() => performance.getEntriesByType('navigation')[0].loadEventEnd"
# Where the time went: first byte of the HTML, its last byte (ms from start).
HTML_AT = """() => { const n = performance.getEntriesByType('navigation')[0];
  return [Math.round(n.responseStart), Math.round(n.responseEnd)]; }"""
PAINT_AT = """() => { const p = performance.getEntriesByName('first-contentful-paint')[0];
  return p ? Math.round(p.startTime) : null; }"""
EDITABLE_AT = """() => { const m = performance.getEntriesByName('kkb-terbuka')[0];
  return m ? Math.round(m.startTime) : null; }"""


class Link:
    """A weak mobile link as a TCP relay: listen on a free port, forward to
    the server, delay each chunk by half the round trip and hold each
    direction to RATE (one budget shared by all the browser's connections,
    as on a phone). Counts the bytes each way."""

    def __init__(self, target_port: int):
        self.target_port = target_port
        self.down = self.up = 0
        self.free_at = {"down": 0.0, "up": 0.0}
        self.loop = asyncio.new_event_loop()
        ready = threading.Event()
        threading.Thread(target=self._run, args=(ready,), daemon=True).start()
        ready.wait(10)

    def _run(self, ready):
        asyncio.set_event_loop(self.loop)
        server = self.loop.run_until_complete(asyncio.start_server(self._client, "127.0.0.1", 0))
        self.port = server.sockets[0].getsockname()[1]
        self.server = server
        ready.set()
        self.loop.run_forever()

    def close(self):
        self.loop.call_soon_threadsafe(self.server.close)
        self.loop.call_soon_threadsafe(self.loop.stop)

    def reset(self):
        self.down = self.up = 0

    async def _client(self, reader, writer):
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target_port)
        except OSError:
            writer.close()
            return
        await asyncio.gather(
            self._pump(reader, up_writer, "up"),
            self._pump(up_reader, writer, "down"),
            return_exceptions=True,
        )

    async def _pump(self, reader, writer, way):
        queue: asyncio.Queue = asyncio.Queue()

        async def deliver():
            while True:
                arrived, data = await queue.get()
                if data is None:
                    break
                loop = asyncio.get_running_loop()
                # Latency first (the chunk travels), then the shared bandwidth.
                start = max(arrived + RTT_MS / 2000, self.free_at[way], loop.time())
                self.free_at[way] = start + len(data) / RATE
                await asyncio.sleep(self.free_at[way] - loop.time())
                writer.write(data)
                await writer.drain()
            writer.close()

        sender = asyncio.create_task(deliver())
        try:
            while data := await reader.read(16384):
                if way == "down":
                    self.down += len(data)
                else:
                    self.up += len(data)
                await queue.put((asyncio.get_running_loop().time(), data))
        finally:
            await queue.put((0, None))
            await sender


def _login_state(browser, base: str, username: str, password: str) -> dict:
    """Her session cookie, got on a separate (unthrottled, unmeasured) phone."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}/akun/masuk/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    state = context.storage_state()
    context.close()
    # Her session only: not the cookie that says this phone keeps our files
    # (kampungkb/first_visit.py); this phone's cache is empty.
    cookies = [c for c in state["cookies"] if c["name"] != first_visit.COOKIE]
    return {"cookies": cookies, "origins": []}


class PageBytes:
    """CDP ``encodedDataLength`` of each response the page received (the
    check beside the relay's count; the worker's own fetches are not here)."""

    def __init__(self, cdp, origin: str):
        self.origin, self.urls, self.files = origin, {}, []
        cdp.send("Network.enable")
        cdp.on("Network.responseReceived", self._response)
        cdp.on("Network.loadingFinished", self._finished)

    def _response(self, event):
        self.urls[event["requestId"]] = event["response"]["url"].replace(self.origin, "")

    def _finished(self, event):
        self.files.append((self.urls.get(event["requestId"], "?"), event["encodedDataLength"]))

    def clear(self):
        self.files = []

    def total(self) -> int:
        return round(sum(n for _u, n in self.files))


def _phase(page, link, cdp, act) -> dict:
    link.reset()
    cdp.clear()
    act()
    page.wait_for_load_state("load")
    ms = page.evaluate(LOAD_END)
    html_first_byte, html_last_byte = page.evaluate(HTML_AT)
    # Bytes still arriving after the load event (the worker keeping the page).
    page.wait_for_timeout(1500)
    return {"ms": round(ms), "bytes": link.down, "bytes_up": link.up,
            "ms_html": [html_first_byte, html_last_byte],
            "bytes_cdp_page": cdp.total()}  # fmt: skip


def _after_login(browser, link, phone: str, path: str, username: str, password: str) -> dict:
    """Her real first visit on a new phone, all through the weak link: the
    login page (nothing kept: its own first load), the dashboard the login
    lands on, then her register, whose stylesheet the login page brought.
    Reported beside the budgets, not instead of "first"."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    cdp = PageBytes(context.new_cdp_session(page), phone)
    login = _phase(page, link, cdp, lambda: page.goto(phone + "/akun/masuk/"))
    login["ms_paint"] = page.evaluate(PAINT_AT)
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)

    def submit():
        with page.expect_navigation():
            page.click("button[type=submit]")

    _phase(page, link, cdp, submit)
    register = _phase(page, link, cdp, lambda: page.goto(phone + path))
    context.close()
    return {"login_page": login, "after_login": register}


def _warm(base: str, path: str, state: dict, workers: int = 4) -> None:
    """The server has served this page before (unthrottled, another phone):
    "first load" is the phone's first visit, not the gunicorn worker's first
    render of the template. Concurrent requests reach every worker."""
    import urllib.request
    from concurrent.futures import ThreadPoolExecutor

    cookie = "; ".join(f"{c['name']}={c['value']}" for c in state["cookies"])

    def get(_):
        request = urllib.request.Request(base + path, headers={"Cookie": cookie})
        with urllib.request.urlopen(request, timeout=60) as response:
            response.read()

    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(get, range(workers * 2)))


def measure(server_port: int, s: dict, password: str) -> dict:
    """First load, repeat load and a save of her register; returns figures."""
    from playwright.sync_api import sync_playwright

    base = f"http://127.0.0.1:{server_port}"
    path = f"/poktan/{s['poktan']}/laporan/{s['periode']}/"
    link = Link(server_port)
    phone = f"http://127.0.0.1:{link.port}"
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            state = _login_state(browser, base, s["kader"], password)
            _warm(base, path, state)
            context = browser.new_context(
                storage_state=state, viewport={"width": 360, "height": 740}
            )
            page = context.new_page()
            cdp = PageBytes(context.new_cdp_session(page), phone)
            first = _phase(page, link, cdp, lambda: page.goto(phone + path))
            first["files"] = list(cdp.files)
            first["ms_paint"] = page.evaluate(PAINT_AT)
            page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")
            page.wait_for_timeout(2000)  # the worker keeps the page (not measured)
            repeat = _phase(page, link, cdp, lambda: page.goto(phone + path))
            # The kept copy is shown locked until the server confirms it
            # (static/sw.js): when she can type, beside the load event.
            repeat["ms_editable"] = page.evaluate(EDITABLE_AT)
            field = page.locator("input[name=anak_dipantau_kka]")
            field.fill(str(((int(field.input_value() or 0)) + 1) % 15))

            def save():
                with page.expect_navigation():
                    page.get_by_role("button", name="Simpan draf").click()

            saved = _phase(page, link, cdp, save)
            ok = page.get_by_text("Draf tersimpan.").count() == 1
            journey = _after_login(browser, link, phone, path, s["kader"], password)
            browser.close()
    finally:
        link.close()
    result = {"first": first, "repeat": repeat, "save": {**saved, "saved": ok}, **journey}
    result["within_budget"] = (
        all(
            result[k]["ms"] <= ms and (limit is None or result[k]["bytes"] <= limit)
            for k, (ms, limit) in BUDGET.items()
        )
        and ok
    )
    result["link"] = f"{KBPS} kbit/s turun dan naik, RTT {RTT_MS} ms"
    return result


def render(result: dict) -> str:
    names = {"first": "Muat pertama", "repeat": "Muat ulang", "save": "Simpan draf"}
    lines = [
        f"Koneksi lemah ({result['link']}), formulir laporan kader di Chromium:",
        "| Langkah | Waktu (ms) | Anggaran | Diterima (KB) | Anggaran | Dikirim (KB) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for key, name in names.items():
        r, (ms, limit) = result[key], BUDGET[key]
        lines.append(
            f"| {name} | {r['ms']} | ≤ {ms} | {r['bytes'] / 1000:.1f} "
            f"| {'≤ ' + str(limit // 1000) if limit else '–'} | {r['bytes_up'] / 1000:.1f} |"
        )
    html = result["first"].get("ms_html")
    if html:
        lines.append(f"Muat pertama: HTML byte pertama {html[0]} ms, terakhir {html[1]} ms")
    paint = result["first"].get("ms_paint")
    if paint is not None:
        lines.append(f"Muat pertama: tampil (first contentful paint) setelah {paint} ms")
    for key, name in (("login_page", "Halaman masuk, muat pertama"),
                      ("after_login", "Formulir setelah masuk di ponsel yang sama")):  # fmt: skip
        if key in result:
            r = result[key]
            lines.append(f"{name}: {r['ms']} ms, {r['bytes'] / 1000:.1f} KB diterima")
    editable = result["repeat"].get("ms_editable")
    if editable is not None:
        lines.append(f"Muat ulang: salinan di ponsel terkunci, dapat diisi setelah {editable} ms")
    lines.append("Dalam anggaran: " + ("ya" if result["within_budget"] else "TIDAK"))
    return "\n".join(lines)


def main() -> int:
    from bench import run

    run.RESULTS.mkdir(exist_ok=True)
    run.ensure_database()
    run.setup_django()
    s = run.subjects()
    port = run.free_port()
    server = run.start_server(port)
    try:
        time.sleep(1)
        result = measure(port, s, run.PASSWORD)
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=30)
    run.say(render(result))
    (run.RESULTS / "latest-weak-network.json").write_text(
        __import__("json").dumps(result, indent=2)
    )
    return 0 if result["within_budget"] else 1


if __name__ == "__main__":
    sys.exit(main())
