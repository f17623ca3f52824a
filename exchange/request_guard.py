"""Requests no view can answer, refused with a 400 before any view runs.

A NUL character in the address (its path, or a parameter's name or value) cannot reach
PostgreSQL: it refuses such text in any query and the request answered 500, from the API's
`?search=` to the admin's tag autocomplete. No legitimate link holds one. Form bodies are
left to the forms: Django's text fields refuse a NUL with a message on the page.

The other rules hold in the admin only, for parameters Wagtail reads there without
checking them (found by tests/test_get_fuzz.py): each answered 500 on a value no admin page
ever sends. The site's own views check their parameters and explain the error on the page.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.search.backends.base import FilterFieldError, OrderByFieldError

from .forms import is_database_int

NUL = "\x00"
INTEGER = re.compile(r"[+-]?[0-9]+")
# Free text, where a long number is something to search for, not an id.
TEXT_PARAMETERS = frozenset({"q", "search", "term", "query"})
# Ids the admin converts without checking (a page chooser's parent, an upload's collection).
ID_PARAMETERS = frozenset({"parent_page_id", "collection_id"})


def has_nul(request: HttpRequest) -> bool:
    if NUL in request.path:
        return True
    return any(
        NUL in name or any(NUL in value for value in values)
        for name, values in request.GET.lists()
    )


def _refused_admin_parameter(request: HttpRequest) -> str | None:
    """The name of the first parameter no admin view can use, or None."""
    if not request.path.startswith("/admin/"):
        return None
    multiple_choice = request.path.endswith("/chosen-multiple/")
    for name, values in request.GET.lists():
        for value in values:
            integer = INTEGER.fullmatch(value) is not None
            # SQLite raises OverflowError on an integer beyond 64 bits, wherever it goes.
            if integer and name not in TEXT_PARAMETERS and not is_database_int(int(value)):
                return name
            # The admin's choosers turn these into ids, or page URLs, as they come.
            id_expected = name in ID_PARAMETERS or (multiple_choice and name == "id")
            if id_expected and value and not integer:
                return name
            # Django reads a `next` with neither "/" nor "." as a view's name to reverse.
            if name == "next" and value and "/" not in value and "." not in value:
                return name
    return None


def bad_request_response(
    request: HttpRequest, message: str = "", parameter: str = "query"
) -> HttpResponse:
    """A 400: JSON for the machine URLs (/api/..., the admin's API), a page for people.

    The JSON takes the shape of the API asked, as each one's description promises: Wagtail's
    `message` (/api/v2/, the admin's API), the search API's `errors`, a list of messages per
    parameter (/api/search/, whose OpenAPI description allows nothing else).
    """
    if request.path.startswith(("/api/v2/", "/admin/api/")):
        return JsonResponse({"message": message or "bad request"}, status=400)
    if request.path.startswith("/api/"):
        return JsonResponse({"errors": {parameter: [message or "bad request"]}}, status=400)
    return render(request, "400.html", {"message": message}, status=400)


class RequestGuardMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if has_nul(request):
            return bad_request_response(
                request, _("The address holds a character the site does not accept.")
            )
        name = _refused_admin_parameter(request)
        if name is not None:
            return bad_request_response(
                request,
                _("The address holds a value the site does not accept: %(name)s.")
                % {"name": name},
                parameter=name,
            )
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        # A search combined with a filter or an order the search index cannot apply (the
        # admin's image chooser searching within a tag): the request, not the server, is wrong.
        if isinstance(exception, FilterFieldError | OrderByFieldError):
            return bad_request_response(
                request, _("This search cannot be combined with this filter or order.")
            )
        return None
