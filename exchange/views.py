import logging

from django.core.exceptions import DisallowedHost
from django.db import connection
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from search.engines import EngineUnavailable, get_engine

from .request_guard import bad_request_response

logger = logging.getLogger(__name__)

SEARCH_DEGRADED = "degraded (database fallback)"


def _search_status() -> str:
    """'ok', or degraded when the configured engine is down: search then answers from the
    database (search.results falls back), so the site still serves every page."""
    engine = get_engine()
    if engine.name == "database":
        return "ok"  # the database check above covers it
    try:
        engine.health()
    except EngineUnavailable:
        logger.warning("healthz: search engine %s unavailable", engine.name)
        return SEARCH_DEGRADED
    return "ok"


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """200 while the database answers (search degraded or not); 503 (not 500) when it does not.

    Without the database nothing works, search included (hits are read from its rows), so
    only the database decides the status code a load balancer acts on.
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any driver error means the same thing to a load balancer
        return JsonResponse(
            {"status": "error", "database": "unavailable", "search": "unavailable"}, status=503
        )
    search = _search_status()
    return JsonResponse(
        {"status": "ok" if search == "ok" else "degraded", "database": "ok", "search": search}
    )


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """Django's 400s (a suspicious request) in the site's layout, which needs the request:
    Django's own handler renders 400.html without it. A request for a host the site does not
    serve gets a page of its own: the layout's links ask for the host, and would raise again.
    """
    try:
        request.get_host()
    except DisallowedHost:
        return HttpResponseBadRequest(render_to_string("400_bare.html"))
    return bad_request_response(request)
