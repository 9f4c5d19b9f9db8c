"""One shape for every error of the API, and an OpenAPI document that says which errors each
operation can answer: `{"detail": "…"}`, and for a 422 also `errors`, one entry per field."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

AUTH_MESSAGE = (
    "Log in, or send Authorization: Bearer TOKEN with a live token (make one on your profile)."
)
# Statuses the API can answer anywhere, and when each applies to an operation.
COMMON = {
    400: "The body is not JSON.",
    401: "Not logged in, or the token is wrong, expired or revoked.",
    403: "A session request without its CSRF token, or an account that must set up "
    "two-factor log-in first.",
    404: "Nothing with that id is yours (another person's is the same as none).",
    422: "The request is not valid; `errors` names each field and what is wrong with it.",
    429: "Too many requests (wrong tokens from this address, or answers a minute).",
}


def _field(location: tuple[Any, ...]) -> tuple[str, str]:
    """('body', 'data', 'answer') -> ('body', 'answer'); ('query', 'limit') stays as it is."""
    parts = [str(p) for p in location]
    where = parts[0] if parts else "body"
    rest = parts[1:]
    if where == "body" and len(rest) > 1:
        rest = rest[1:]  # the schema's parameter name ("data") says nothing to a client
    return where, ".".join(rest) or where


def validation_error(request: HttpRequest, exc: ValidationError, api: NinjaAPI) -> HttpResponse:
    errors = []
    for error in exc.errors:
        where, field = _field(tuple(error.get("loc", ())))
        message = str(error.get("msg", "Not valid.")).removeprefix("Value error, ")
        errors.append({"location": where, "field": field, "message": message})
    names = ", ".join(dict.fromkeys(e["field"] for e in errors)) or "the request"
    body = {"detail": f"Not valid: {names}.", "errors": errors}
    return api.create_response(request, body, status=422)


def not_found(request: HttpRequest, exc: Exception, api: NinjaAPI) -> HttpResponse:
    return api.create_response(request, {"detail": "Not found.", "errors": []}, status=404)


def http_error(request: HttpRequest, exc: HttpError, api: NinjaAPI) -> HttpResponse:
    status = exc.status_code
    detail = AUTH_MESSAGE if isinstance(exc, AuthenticationError) else str(exc)
    if status == 400 and detail.startswith("Cannot parse request body"):
        detail = "The body is not JSON."
    elif status == 403 and detail == "CSRF check Failed":
        detail = "This request needs the session's CSRF token (X-CSRFToken), or a Bearer token."
    response = api.create_response(request, {"detail": detail, "errors": []}, status=status)
    if status == 401:
        response["WWW-Authenticate"] = 'Bearer realm="careprep"'
    return response


class CareprepAPI(NinjaAPI):
    """django-ninja with CarePrep's error bodies, and each operation's possible errors written
    into the OpenAPI document (so a client, and schemathesis, know every status it may get)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_exception_handler(ValidationError, self._bind(validation_error))
        self.add_exception_handler(Http404, self._bind(not_found))
        self.add_exception_handler(HttpError, self._bind(http_error))

    def _bind(self, handler: Any) -> Any:
        def bound(request: HttpRequest, exc: Any) -> HttpResponse:
            return handler(request, exc, self)

        return bound

    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> Any:
        schema = super().get_openapi_schema(*args, **kwargs)
        # ErrorOut is a component already: operations name it for their own 404s and 422s.
        assert "ErrorOut" in schema["components"]["schemas"]
        ref = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}}
        for operations in schema["paths"].values():
            for operation in operations.values():
                for status in _statuses(operation):
                    operation["responses"].setdefault(
                        status, {"description": COMMON[status], "content": ref}
                    )
        return schema


def _statuses(operation: dict[str, Any]) -> list[int]:
    params = operation.get("parameters", [])
    statuses: list[int] = []
    if operation.get("security"):
        # 403 on any method: a person who must set up two-factor log-in first (a write may
        # also lack its CSRF token).
        statuses += [401, 403, 429]
    if any(p.get("in") == "path" for p in params):
        statuses.append(404)
    if "requestBody" in operation:
        statuses.append(400)
    if params or "requestBody" in operation:
        statuses.append(422)
    return statuses
