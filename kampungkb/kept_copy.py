"""The check of a page the phone kept, in a few hundred bytes (issue 16 §6).

A repeat load shows the service worker's kept copy, locked, and the worker
asks the server whether that copy is still the page (static/sw.js,
``mulaiPeriksa``). It sends the copy's fingerprint as
``If-None-Match: "kkb-<hex>"``; when the page the server would send has the
same fingerprint and no one-time message, the answer is ``304 Not Modified``
with no body: the copy is unlocked and the link carried ≈ 0.5 KB instead of
the whole page. Anything else gets the page, with its fingerprint as ETag.

The fingerprint is the worker's ``sidik``: SHA-256 of the page's ``<main>``
without the masked CSRF token values (new on every answer) and the messages
block. The two must agree: ``tests/e2e/test_first_visit.py`` counts the
server's 304 for a copy the worker fingerprinted in Chromium.
"""

from __future__ import annotations

import hashlib
import re

from django.http import HttpResponseNotModified

PREFIX = '"kkb-'
TOKEN_CSRF = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*"')
PESAN = re.compile(r'<div id="pesan">[\s\S]*?</div><!--/pesan-->')
PESAN_ISI = re.compile(r'<div id="pesan">\s*<[\s\S]*?</div><!--/pesan-->')


def fingerprint(text: str) -> str:
    start, end = text.find("<main"), text.find("</main>")
    core = text if start < 0 or end < 0 else text[start:end]
    core = PESAN.sub("", TOKEN_CSRF.sub(r'\1"', core), count=1)
    return hashlib.sha256(core.encode()).hexdigest()


class KeptCopyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        asked = request.headers.get("If-None-Match", "")
        if (
            request.method != "GET"
            or not asked.startswith(PREFIX)
            or response.status_code != 200
            or response.streaming
            or not response.get("Content-Type", "").startswith("text/html")
        ):
            return response
        text = response.content.decode(response.charset or "utf-8", errors="replace")
        etag = f'{PREFIX}{fingerprint(text)}"'
        if asked == etag and not PESAN_ISI.search(text):
            not_modified = HttpResponseNotModified()
            not_modified["ETag"] = etag
            for header in ("Cache-Control", "Vary", "Content-Language"):
                if header in response:
                    not_modified[header] = response[header]
            # What the render set (a new CSRF cookie, the session's expiry)
            # still reaches the phone.
            not_modified.cookies = response.cookies
            return not_modified
        response["ETag"] = etag
        return response
