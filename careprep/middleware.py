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
