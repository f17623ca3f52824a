"""Views behind the routes of the city pages: "cities like this one" and "describe your city".

They live on the pages as RoutablePageMixin routes (cities/models.py), so a draft, private
or unpublished city answers them exactly as it answers its own page.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from exchange.breadcrumbs import page_crumbs
from exchange.pagetools import parent_path
from taxonomy.models import BarrierCategory, Region, Theme

# cities.models imports this module; its models are read at call time.
from . import models
from .forms import DescribeCityForm
from .similarity import similar_cities


def similar_to_city(request: HttpRequest, city) -> TemplateResponse:
    heading = _("Cities like %(city)s") % {"city": city.title}
    return TemplateResponse(
        request,
        "cities/similar_cities.html",
        {
            "page": city,
            "city": city,
            "heading": heading,
            "current_crumb": {"title": heading},
            "crumbs": page_crumbs(city, request, inclusive=True),
            "matches": similar_cities(city=city),
            "like_mine_url": _like_mine_url(city, request),
        },
    )


def _like_mine_url(city, request: HttpRequest) -> str:
    index = models.CityIndexPage.objects.visible().filter(path=parent_path(city)).first()
    if index is None:
        return ""
    return (index.get_url(request=request) or "") + index.reverse_subpage("like_mine")


def describe_city(request: HttpRequest, index) -> TemplateResponse:
    """GET only, nothing stored: the form, and once filled, the cities most like it."""
    form = DescribeCityForm(
        request.GET or None,
        regions=Region.objects.all(),
        themes=Theme.objects.all(),
        barriers=BarrierCategory.objects.all(),
    )
    matches = []
    described = False
    if form.is_bound and form.is_valid():
        profile = form.profile()
        described = not profile.is_empty
        if described:
            matches = similar_cities(profile)
    response = TemplateResponse(
        request,
        "cities/similar_like_mine.html",
        {
            "page": index,
            "heading": _("Cities like mine"),
            "current_crumb": {"title": _("Cities like mine")},
            "crumbs": page_crumbs(index, request, inclusive=True),
            "form": form,
            "described": described,
            "matches": matches,
        },
    )
    if form.is_bound and form.errors:
        response.status_code = 400  # the visitor's input, explained on the page
    return response
