"""Site-wide request and response rules: the methods the site takes, and security headers."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.urls import Resolver404, resolve

# No page takes PUT, PATCH or DELETE (class-based form views would otherwise treat PUT as POST).
# OPTIONS stays for clients that ask. The API takes the others too: django-ninja answers 405
# itself for a method no operation of that path documents.
ALLOWED_METHODS = ("GET", "HEAD", "POST", "OPTIONS")
API_METHODS = (*ALLOWED_METHODS, "PUT", "PATCH", "DELETE")
API_PREFIX = "/api/"
# The API's root, document and explorer are plain pages (they would answer any method).
API_DOCUMENT_VIEWS = {"api-root", "openapi-json", "openapi-view"}


def allowed_methods(request: HttpRequest) -> tuple[str, ...]:
    if not request.path.startswith(API_PREFIX):
        return ALLOWED_METHODS
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return ALLOWED_METHODS
    return ALLOWED_METHODS if match.url_name in API_DOCUMENT_VIEWS else API_METHODS


class AllowedMethodsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        allowed = allowed_methods(request)
        if request.method not in allowed:
            return HttpResponseNotAllowed(allowed)
        return self.get_response(request)


# Pages with the speech-input button may ask for the microphone; no page asks for anything else.
SPEECH_PAGES = {"practice_question", "practice_own", "mock"}
NO_FEATURES = "camera=(), geolocation=(), microphone=(), payment=(), usb=(), interest-cohort=()"
SPEECH = NO_FEATURES.replace("microphone=()", "microphone=(self)")


class SecurityHeadersMiddleware:
    """Permissions-Policy on every response, and `Cache-Control: no-store` on everything served
    to a signed-in user or a token (pages, PDFs, calendars, JSON): personal data must not stay
    in a shared computer's or a proxy's cache. Static files (WhiteNoise) are answered before."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        match = request.resolver_match
        speech = match is not None and match.url_name in SPEECH_PAGES
        response.setdefault("Permissions-Policy", SPEECH if speech else NO_FEATURES)
        user = getattr(request, "user", None)
        personal = bool(user and user.is_authenticated) or "Authorization" in request.headers
        if personal:
            response["Cache-Control"] = "no-store"
            response["Pragma"] = "no-cache"
        return response
