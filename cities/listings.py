"""Context for the city index and city profile pages."""

from __future__ import annotations

from django.core.paginator import Paginator

from exchange.listing_language import by_shown_title, show_in_language
from exchange.provided import contributed, provided
from taxonomy.models import Region

# cities.models imports this module for its pages' context; the models are read from the
# module object at call time, so either module may be imported first.
from . import models
from .forms import CityFilterForm
from .map import city_map

CITIES_PER_PAGE = 48


def city_index_context(index, request) -> dict:
    cities = models.CityProfilePage.objects.child_of(index).visible()
    form = CityFilterForm(
        request.GET or None,
        regions=Region.objects.all(),
        country_codes=cities.order_by().values_list("country", flat=True).distinct(),
    )
    filtered = by_shown_title(cities.select_related("region"))
    if form.is_valid():
        if form.cleaned_data["region"]:
            filtered = filtered.filter(region__slug=form.cleaned_data["region"])
        if form.cleaned_data["country"]:
            filtered = filtered.filter(country=form.cleaned_data["country"])
        page_number = form.cleaned_data["page"] or 1
    else:
        page_number = 1
    paginator = Paginator(filtered, CITIES_PER_PAGE)
    page = paginator.get_page(page_number)

    # The practices app counts them (hook `exchange_city_practice_counts`), by city path.
    counts = provided("exchange_city_practice_counts", index, list(page.object_list), default={})
    for city in page.object_list:
        city.practice_count = counts.get(city.path, 0)
    return {
        "filter_form": form,
        "cities_page": page,
        "cities": show_in_language(page.object_list),
        # Every matching city, not only this page's: the map is the whole picture. One query.
        "city_map": city_map(filtered, request) if paginator.count else None,
        "is_filtered": form.is_bound
        and form.is_valid()
        and any(form.cleaned_data[k] for k in ("region", "country")),
    }


def city_profile_context(city, request, shown=None) -> dict:
    """The city's own facts; what other apps hold about it (its practices and records, the
    dialogues it took part in) they add through the hook `exchange_city_page_context`.

    `city` is the original; `shown`, the page being read (a translation holds its own
    words for the governance bodies and key figures)."""
    words = shown if shown is not None else city
    return {
        "region": city.region,
        "governance_bodies": list(words.governance_bodies.all()),
        "key_figures": list(words.key_figures.all()),
        **contributed("exchange_city_page_context", city, request),
    }
