"""Site-wide request and response rules: the methods the site takes, and security headers."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed

# No page or API operation takes PUT, PATCH or DELETE (class-based form views would otherwise
# treat PUT as POST). OPTIONS stays for clients that ask.
ALLOWED_METHODS = ("GET", "HEAD", "POST", "OPTIONS")


class AllowedMethodsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method not in ALLOWED_METHODS:
            return HttpResponseNotAllowed(ALLOWED_METHODS)
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
