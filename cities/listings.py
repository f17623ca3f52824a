"""Context for the city index and city profile pages."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.db.models.functions import Substr

from exchange.forms import PageNumberForm
from taxonomy.models import Region

from .forms import CityFilterForm
from .map import city_map

CITIES_PER_PAGE = 48
# A city can hold thousands of practices: its page lists them a page at a time and links to
# the search for filtering.
PRACTICES_PER_PAGE = 20


def city_index_context(index, request) -> dict:
    from practices.models import PracticePage

    from .models import CityProfilePage

    cities = CityProfilePage.objects.child_of(index).visible()
    form = CityFilterForm(
        request.GET or None,
        regions=Region.objects.all(),
        country_codes=cities.order_by().values_list("country", flat=True).distinct(),
    )
    filtered = cities.select_related("region").order_by("title")
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

    # Practice counts for the cities on this page, in one aggregate query: a practice's
    # parent path is its own path minus the last step.
    city_path_len = len(index.path) + index.steplen
    counts = dict(
        PracticePage.objects.visible()
        .filter(path__startswith=index.path, depth=index.depth + 2)
        .annotate(city_path=Substr("path", 1, city_path_len))
        .filter(city_path__in=[c.path for c in page.object_list])
        .order_by()  # the page manager orders by path, which would split the groups
        .values_list("city_path")
        .annotate(n=Count("id"))
    )
    for city in page.object_list:
        city.practice_count = counts.get(city.path, 0)
    return {
        "filter_form": form,
        "cities_page": page,
        "cities": page.object_list,
        # Every matching city, not only this page's: the map is the whole picture. One query.
        "city_map": city_map(filtered, request) if paginator.count else None,
        "is_filtered": form.is_bound
        and form.is_valid()
        and any(form.cleaned_data[k] for k in ("region", "country")),
    }


def city_profile_context(city, request) -> dict:
    from dialogues.models import DialoguePage
    from practices.models import BarrierPage, OpportunityPage, PracticePage

    def records(model, reported_by: str):
        return list(
            model.objects.visible()
            .filter(Q(path__startswith=city.path, depth=city.depth + 1) | Q(**{reported_by: city}))
            .distinct()
            .select_related("category")
            .order_by("category__sort_order", "title")
        )

    # The city is being served, so its own ancestors are settled: checking them again for
    # each of a big city's 10,000 practices (what visible() does) took half a second.
    practices = (
        PracticePage.objects.child_of(city)
        .live()
        .public()
        .select_related("action_type")
        .prefetch_related("themes")
        .order_by("title")
    )
    page_form = PageNumberForm(request.GET)
    page_number = (page_form.cleaned_data["page"] or 1) if page_form.is_valid() else 1
    practices_page = Paginator(practices, PRACTICES_PER_PAGE).get_page(page_number)
    return {
        "region": city.region,
        "page_form": page_form,
        "practices_page": practices_page,
        "practices": list(practices_page.object_list),
        "barriers": records(BarrierPage, "reporting_cities__city"),
        "opportunities": records(OpportunityPage, "reporting_cities__city"),
        "governance_bodies": list(city.governance_bodies.all()),
        "key_figures": list(city.key_figures.all()),
        "dialogues": list(
            DialoguePage.objects.visible()
            .filter(participating_cities__city=city)
            .distinct()
            .order_by("-date")
        ),
    }
