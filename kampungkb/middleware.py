from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import Http404
from django.utils import translation
from django.utils.cache import patch_cache_control


class PortalLocaleMiddleware:
    """Bahasa Indonesia unless the user chose English with the language switch.

    Unlike Django's LocaleMiddleware this ignores the browser's Accept-Language:
    many kader phones are set to English, yet the portal's users work in
    Indonesian (design.md §4.10). The choice is kept in the language cookie."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


class RejectNulMiddleware:
    """A NUL byte in the path or the query string answers 404 / 400.

    PostgreSQL refuses NUL in text, so such a value reaching a lookup or a
    filter was a 500. No real link carries one: refuse it before any view
    runs. (POST fields are checked by their forms, at the field.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path:
            raise Http404
        if "%00" in request.META.get("QUERY_STRING", "") or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            raise BadRequest("NUL in the query string")
        return self.get_response(request)


class PrivateCacheMiddleware:
    """Responses to a logged-in user (pages, PDFs, XLSX with personal data)
    carry ``Cache-Control: private, no-store``: no shared proxy and no browser
    disk cache keeps them after logout on a shared phone or office computer."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response


class PublicPhoneMaskMiddleware:
    """Public pages (``/publik/``) show no phone number, wherever it was typed
    (a description, a narrative): masked in the rendered page (issue 13 §7)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.path.startswith("/publik/")
            and not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
        ):
            from kampungkb.contacts import mask_phones

            response.content = mask_phones(response.content.decode(response.charset)).encode(
                response.charset
            )
        return response
