"""The installable app (issue 16): the service worker at the site root, the
offline page, the favicon and the logout that empties the phone.

The service worker file lives in static/ like every script, but a worker only
controls pages under the folder it is served from: /static/sw.js could not
reach /poktan/… . So this view serves that same file at /sw.js (scope "/"),
which needs no ``Service-Worker-Allowed`` header."""

from __future__ import annotations

import hashlib
from pathlib import Path

from django.contrib.auth import views as auth_views
from django.contrib.staticfiles import finders
from django.http import Http404, HttpResponse, HttpResponseNotModified
from django.shortcuts import render
from django.templatetags.static import static
from django.utils.http import quote_etag
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from kampungkb import first_visit


def _static_file(request, name: str, content_type: str, imports=()) -> HttpResponse:
    """The file with an ETag: the browser re-checks the worker on every
    navigation, and an unchanged one then costs a 304, not the file."""
    path = finders.find(name)
    if path is None:
        raise Http404(name)
    content = Path(path).read_bytes()
    for imported in imports:
        # The worker imports the page's own copy (hashed name in production):
        # already in the browser cache, and a change to it changes the worker.
        plain, served = f"'/static/{imported}'", f"'{static(imported)}'"
        content = content.replace(plain.encode(), served.encode())
    etag = quote_etag(hashlib.sha256(content).hexdigest()[:32])
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(content, content_type=content_type)
    response["ETag"] = etag
    return response


@require_GET
@cache_control(no_cache=True)
def service_worker(request):
    # no-cache: the browser checks for a new worker on every visit (the file
    # is small; a stale worker would keep serving stale pages).
    return _static_file(
        request, "sw.js", "text/javascript; charset=utf-8", imports=["js/luring-db.js"]
    )


@require_GET
@cache_control(max_age=60 * 60 * 24 * 7, public=True)
def favicon(request):
    # Browsers ask /favicon.ico before reading any <link rel=icon>: answering
    # it saves a 404 (a whole HTML page) on every first visit.
    return _static_file(request, "favicon.ico", "image/x-icon")


@require_GET
def luring(request):
    """The page the service worker shows for a page it never kept. It holds
    nobody's data (it is stored once for every user of the phone)."""
    return render(request, "kampungkb/luring.html")


class LogoutView(auth_views.LogoutView):
    """Logout that also wipes what the phone kept for this user: stored
    drafts (IndexedDB), kept pages (Cache Storage) and the worker. The page
    script clears them before it posts; this header covers a phone where it
    did not run. The cookie that says the phone keeps our stylesheet goes
    too (kampungkb/first_visit.py)."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        response["Clear-Site-Data"] = '"cache", "storage"'
        # The files it said it keeps are gone with the cache: inline again.
        response.delete_cookie(first_visit.COOKIE)
        return response
