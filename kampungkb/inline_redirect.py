"""A saved register in one round trip on a weak connection (issue 16).

A form POST answers 303 and the browser GETs the page: two round trips
(0.8 s on a 400 ms link) before she sees "Draf tersimpan.". The service
worker posts the kader's register forms with ``X-Kkb-Ikuti: 1``; for such a
POST this middleware renders the page the redirect points to in the same
response (200, the page, ``X-Kkb-Lokasi: <url>``). The worker keeps that page
and answers the browser with a 303 to the URL, then serves the GET from what
it kept: Post/Redirect/Get still holds in the browser (a reload does not post
again) and the link is crossed once.

Without the header (no JavaScript, no worker, a draft sent in the
background) nothing changes: the 303 goes to the browser."""

from __future__ import annotations

import copy
from urllib.parse import urlsplit

from django.http import QueryDict
from django.http.response import HttpResponseRedirectBase
from django.urls import Resolver404, resolve

HEADER = "X-Kkb-Ikuti"
LOCATION = "X-Kkb-Lokasi"


def _get_request(request, path: str, query: str):
    """The same user's request, now a GET of ``path`` (session, messages and
    CSRF cookie shared, so the page shows this save's message)."""
    get = copy.copy(request)
    get.method = "GET"
    get.path = get.path_info = path
    get.META = {**request.META, "REQUEST_METHOD": "GET", "PATH_INFO": path,
                "QUERY_STRING": query, "CONTENT_LENGTH": "0"}  # fmt: skip
    get.GET = QueryDict(query)
    get.POST = QueryDict()
    get._files = None
    return get


class InlineRedirectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.method != "POST"
            or request.headers.get(HEADER) != "1"
            or not isinstance(response, HttpResponseRedirectBase)
        ):
            return response
        target = urlsplit(response.url)
        if target.scheme or target.netloc or not target.path.startswith("/"):
            return response
        try:
            match = resolve(target.path)
        except Resolver404:
            return response
        get = _get_request(request, target.path, target.query)
        get.resolver_match = match
        page = match.func(get, *match.args, **match.kwargs)
        if hasattr(page, "render") and callable(page.render):
            page = page.render()
        if page.status_code != 200:
            return response
        for name, value in response.cookies.items():
            page.cookies[name] = value
        page[LOCATION] = response.url
        return page
