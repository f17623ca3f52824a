"""The explore pages: insights (/explore/) and the theme matrix (/explore/matrix/).

Thin layers over `explore`: bad parameters get a 400 with the message in the page.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from exchange.breadcrumbs import crumbs

from . import explore, facet_index
from .facets import FACETS


@require_GET
def explore_page(request: HttpRequest) -> HttpResponse:
    context = {
        "insights": explore.insights(),
        "crumbs": crumbs(),
        "current": {"title": _("Explore")},
        "matrix_url": reverse("explore_matrix"),
    }
    return render(request, "search/explore.html", context)


@require_GET
def explore_matrix(request: HttpRequest) -> HttpResponse:
    params, errors = explore.parse_matrix_params(request.GET)
    context: dict = {
        "errors": [{"param": param, "messages": messages} for param, messages in errors.items()],
        "params": params or explore.MatrixParams(),
        "region_options": FACETS["region"].labels(None),
        "crumbs": crumbs({"title": _("Explore"), "url": reverse("explore")}),
        "current": {"title": _("Theme matrix")},
        "matrix_url": reverse("explore_matrix"),
    }
    if params is None:
        return render(request, "search/explore_matrix.html", context, status=400)
    index = facet_index.current()
    cities = explore.public_cities(index)
    context["matrices"] = [
        explore.theme_matrix(params, index, cities),
        explore.barrier_matrix(params, index, cities),
    ]
    return render(request, "search/explore_matrix.html", context)
