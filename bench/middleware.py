"""Bench-only middleware (enabled by ``bench.settings``, never by the portal's own settings)."""

import time

from django.db import connections


class QueryCountMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        counter = {"n": 0}

        def count(execute, sql, params, many, context):
            counter["n"] += 1
            return execute(sql, params, many, context)

        start = time.perf_counter()
        with connections["default"].execute_wrapper(count):
            response = self.get_response(request)
        if getattr(response, "streaming", False):
            # File responses stream after this returns; what we counted is the view's work.
            pass
        response.headers["X-Bench-Queries"] = str(counter["n"])
        response.headers["X-Bench-Ms"] = f"{(time.perf_counter() - start) * 1000:.1f}"
        return response
