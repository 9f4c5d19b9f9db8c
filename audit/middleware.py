"""Keeps the request at hand for the audit log, and records reads of personal data by the
route that served them (the pages that show one user's attempts and reports)."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from .context import current_request
from .models import Event
from .services import audit_record

# url name -> (event, object type, the URL's id argument, where it was read) for the pages, files
# and API operations that show one user's personal data.
READS: dict[str, tuple[Event, str, str, str]] = {
    "attempt": (Event.ATTEMPT_VIEWED, "practice.attempt", "pk", "page"),
    "get_attempt": (Event.ATTEMPT_VIEWED, "practice.attempt", "attempt_id", "api"),
    "mock_report": (Event.MOCK_REPORT_VIEWED, "practice.mockinterview", "pk", "page"),
    "mock_report_pdf": (Event.MOCK_REPORT_VIEWED, "practice.mockinterview", "pk", "pdf"),
    "get_mock": (Event.MOCK_REPORT_VIEWED, "practice.mockinterview", "interview_id", "api"),
}


class AuditMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = current_request.set(request)
        try:
            response = self.get_response(request)
            self._record_read(request, response)
        finally:
            current_request.reset(token)
        return response

    @staticmethod
    def _record_read(request: HttpRequest, response: HttpResponse) -> None:
        match = request.resolver_match
        if match is None or response.status_code != 200 or match.url_name not in READS:
            return
        event, object_type, argument, where = READS[match.url_name]
        audit_record(
            event=event,
            actor=request.user,
            object_type=object_type,
            object_id=match.kwargs.get(argument, ""),
            request=request,
            detail={"as": where},
        )
