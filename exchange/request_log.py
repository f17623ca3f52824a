"""One JSON line per request, and the formatter that writes every log record as JSON.

The request line holds the method, the path without its query string (which can carry
personal data), the status, the duration and the id of the signed-in user, or null.
Nothing else: no IP address, no user agent, no referrer.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

logger = logging.getLogger("exchange.request")


class RequestLogMiddleware:
    """Logs each request to "exchange.request" once the response is ready.

    Put it first in MIDDLEWARE so that the duration covers the whole stack and the status
    is the one the client gets (static files, redirects and lockouts included).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        start = time.perf_counter()
        response = self.get_response(request)
        if logger.isEnabledFor(logging.INFO):
            fields = {
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": round((time.perf_counter() - start) * 1000, 1),
                "user_id": _user_id(request),
            }
            logger.info("request", extra={"fields": fields})
        return response


def _user_id(request: HttpRequest) -> int | str | None:
    # A visitor without a session cookie is anonymous: say so without touching the database.
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return None
    user = getattr(request, "user", None)  # absent when WhiteNoise answered first
    if user is None or not user.is_authenticated:
        return None
    return user.pk


class JSONFormatter(logging.Formatter):
    """time, level, logger and message, plus the record's `fields` (see above), on one line."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update(getattr(record, "fields", {}))
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)
