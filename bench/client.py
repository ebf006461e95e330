"""A small HTTP client for the benchmark (standard library only).

Keeps cookies like a browser (Secure cookies too: the bench talks plain HTTP
to 127.0.0.1 behind no proxy), asks for gzip, reads forms out of HTML."""

from __future__ import annotations

import gzip
import http.client
import threading
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlencode, urlsplit


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    wire: bytes  # as transferred (compressed when the server compressed it)
    elapsed: float  # seconds, request sent → last byte read

    @property
    def body(self) -> bytes:
        if self.headers.get("content-encoding") == "gzip":
            return gzip.decompress(self.wire)
        return self.wire

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    @property
    def queries(self) -> int | None:
        value = self.headers.get("x-bench-queries")
        return int(value) if value else None

    @property
    def server_ms(self) -> float | None:
        value = self.headers.get("x-bench-ms")
        return float(value) if value else None

    @property
    def gzip_size(self) -> int:
        """Bytes on the wire if the response is gzip-compressed (by the app or a proxy)."""
        if self.headers.get("content-encoding") == "gzip":
            return len(self.wire)
        return len(gzip.compress(self.wire, 6))


class _Sent:
    """HTTP requests sent by every Client of this process (the load phase
    reports requests on the wire, not just user actions)."""

    lock = threading.Lock()
    n = 0

    @classmethod
    def add(cls) -> None:
        with cls.lock:
            cls.n += 1


def requests_sent() -> int:
    return _Sent.n


class Client:
    def __init__(self, base: str, timeout: float = 120):
        parts = urlsplit(base)
        self.host, self.port = parts.hostname, parts.port or 80
        self.timeout = timeout
        self.cookies: dict[str, str] = {}
        self.conn: http.client.HTTPConnection | None = None

    def request(self, method: str, path: str, data: dict | None = None) -> Response:
        headers = {"Accept-Encoding": "gzip", "Host": f"{self.host}:{self.port}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data, doseq=True).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            start = time.perf_counter()
            _Sent.add()
            try:
                self.conn.request(method, path, body=body, headers=headers)
                raw = self.conn.getresponse()
                wire = raw.read()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.close()
                if attempt == 2:
                    raise
                continue
            elapsed = time.perf_counter() - start
            break
        for name, value in raw.getheaders():
            if name.lower() == "set-cookie":
                pair = value.split(";", 1)[0]
                key, _sep, val = pair.partition("=")
                if val and "max-age=0" not in value.lower():
                    self.cookies[key.strip()] = val.strip()
                else:
                    self.cookies.pop(key.strip(), None)
        resp_headers = {k.lower(): v for k, v in raw.getheaders()}
        if resp_headers.get("connection", "").lower() == "close":
            self.close()
        return Response(raw.status, resp_headers, wire, elapsed)

    def get(self, path: str) -> Response:
        return self.request("GET", path)

    def post(self, path: str, data: dict) -> Response:
        return self.request("POST", path, data)

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def login(self, username: str, password: str) -> None:
        page = self.get("/akun/masuk/")
        form = find_form(page.text, "username")
        form.update({"username": username, "password": password})
        resp = self.post("/akun/masuk/", form)
        if resp.status != 302:
            raise RuntimeError(f"login {username} gagal: HTTP {resp.status}")


@dataclass
class Form:
    method: str = "get"
    action: str = ""
    fields: dict[str, str] = field(default_factory=dict)


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self.current: Form | None = None
        self.select: str | None = None
        self.select_first: str | None = None
        self.textarea: str | None = None
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and "stylesheet" in (a.get("rel") or "") and a.get("href"):
            self.links.append(a["href"])
        elif tag in ("script", "img") and a.get("src"):
            self.links.append(a["src"])
        if tag == "form":
            self.current = Form(
                method=(a.get("method") or "get").lower(), action=a.get("action") or ""
            )
            self.forms.append(self.current)
        if self.current is None:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = (a.get("type") or "text").lower()
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self.current.fields[name] = a.get("value", "on")
            elif kind not in ("submit", "button", "file", "image", "reset"):
                self.current.fields[name] = a.get("value") or ""
        elif tag == "select" and name:
            self.select, self.select_first = name, None
        elif tag == "option" and self.select:
            value = a.get("value", "")
            if self.select_first is None:
                self.select_first = value
                self.current.fields.setdefault(self.select, value)
            if "selected" in a:
                self.current.fields[self.select] = value
        elif tag == "textarea" and name:
            self.textarea = name
            self.current.fields[name] = ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.current = None
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data):
        if self.textarea and self.current is not None:
            self.current.fields[self.textarea] += data


def parse(html: str) -> _FormParser:
    parser = _FormParser()
    parser.feed(html)
    return parser


def find_form(html: str, field_name: str) -> dict[str, str]:
    """The fields of the first POST form that has ``field_name``."""
    for form in parse(html).forms:
        if form.method == "post" and field_name in form.fields:
            return dict(form.fields)
    raise RuntimeError(f"tidak ada formulir dengan isian {field_name!r}")


def assets(html: str) -> list[str]:
    """Same-origin static files the page loads (stylesheets, scripts, images)."""
    return [u for u in parse(html).links if u.startswith("/") and not u.startswith("//")]
