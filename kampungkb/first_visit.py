"""A phone's first visit in one round trip (issue 16 §6).

On a village link (400 ms round trip) every file the page waits for costs a
round trip: the HTML, then the stylesheet and the script loader, was 1.25 s
where the budget is 1.0 s. A phone that has not yet kept our files gets the
stylesheet (``static/css/bundle.css``) and the loader (``static/js/muat.js``)
inside the HTML, the same bytes as the files. After the load event the files
are kept (on a kader's phone the service worker stores the texts the page
carried; elsewhere the browser fetches the files into its cache) and the
cookie ``kkb_aset`` is set to their version; every later page links them,
served from the phone, so a repeat load stays small. A new deploy changes
the version: the next page is a first visit again.

The CSP stays without ``'unsafe-inline'``: these two exact texts, and nothing
else, are allowed by their SHA-256 (``settings.SECURE_CSP``); a test checks
every inline ``<style>``/``<script>`` of every page against the header.

Without JavaScript the cookie is never set and every page carries the
stylesheet (≈ 10 KB compressed): still one round trip per page.
"""

from base64 import b64encode
from functools import cache
from hashlib import sha256
from pathlib import Path

STATIC = Path(__file__).resolve().parent.parent / "static"
COOKIE = "kkb_aset"
STYLESHEET = "css/bundle.css"
LOADER = "js/muat.js"


@cache
def text(name: str) -> str:
    """The file as it is served (read once per process, like the CSP hash)."""
    content = (STATIC / name).read_text(encoding="utf-8")
    closing = "</style" if name.endswith(".css") else "</script"
    if closing in content.lower():
        raise ValueError(f"{name} cannot be inlined: it contains {closing}")
    return content


def csp_source(name: str) -> str:
    """The CSP hash source that allows exactly this file's text inline."""
    digest = b64encode(sha256(text(name).encode()).digest()).decode()
    return f"'sha256-{digest}'"


@cache
def version() -> str:
    return sha256((text(STYLESHEET) + text(LOADER)).encode()).hexdigest()[:12]


def inline_assets(request) -> dict | None:
    """The texts to inline, unless this phone said it keeps this version."""
    if request.COOKIES.get(COOKIE) == version():
        return None
    return {"gaya": text(STYLESHEET), "muat": text(LOADER), "versi": version()}
