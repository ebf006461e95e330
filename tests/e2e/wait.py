"""Waiting for something the page learns asynchronously.

Playwright's ``wait_for_function`` takes a returned promise for a truthy
value and returns at once: it cannot wait on IndexedDB, Cache Storage or the
service worker. ``until`` polls ``page.evaluate`` (which awaits the promise)
instead; ``tests/test_e2e_waits.py`` fails on an async ``wait_for_function``.
"""

from __future__ import annotations

import time


def until(page, js: str, arg=None, seconds: float = 10):
    """The value of ``js`` (a function, maybe async) once it is truthy."""
    deadline = time.monotonic() + seconds
    while not (value := page.evaluate(js, arg)):
        assert time.monotonic() < deadline, f"never true within {seconds} s: {js}"
        page.wait_for_timeout(50)
    return value
