"""Context for practice, barrier and opportunity pages."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.db.models.functions import Substr
from wagtail.models import Page

from cities.models import CityProfilePage
from exchange.forms import PageNumberForm
from exchange.listing_language import by_shown_title, show_in_language
from exchange.pagetools import attach_parents, linked_pages, parent_path
from exchange.provided import provided

# practices.models imports this module for its pages' context; the models are read from the
# module object at call time, so either module may be imported first.
from . import models

# A city can hold thousands of practices: its page lists them a page at a time and links to
# the search for filtering.
PRACTICES_PER_PAGE = 20


def city_practice_counts(index, cities: list) -> dict[str, int]:
    """{city path: number of public practices} for `cities` below the city `index`, in one
    aggregate query: a practice's parent path is its own path minus the last step."""
    city_path_len = len(index.path) + index.steplen
    return dict(
        models.PracticePage.objects.visible()
        .filter(path__startswith=index.path, depth=index.depth + 2)
        .annotate(city_path=Substr("path", 1, city_path_len))
        .filter(city_path__in=[c.path for c in cities])
        .order_by()  # the page manager orders by path, which would split the groups
        .values_list("city_path")
        .annotate(n=Count("id"))
    )


def city_sections(city, request) -> dict:
    """What a city page lists of practices' content: its practices, a page at a time, and
    the barriers and opportunities it reported or that live below it."""

    def records(model):
        return show_in_language(
            by_shown_title(
                model.objects.visible()
                .filter(
                    Q(path__startswith=city.path, depth=city.depth + 1)
                    | Q(reporting_cities__city=city)
                )
                .distinct()
                .select_related("category"),
                "category__sort_order",
            )
        )

    # The city is being served, so its own ancestors are settled: checking them again for
    # each of a big city's 10,000 practices (what visible() does) took half a second.
    practices = (
        models.PracticePage.objects.child_of(city)
        .live()
        .public()
        .select_related("action_type")
        .prefetch_related("themes")
    )
    practices = by_shown_title(practices)
    page_form = PageNumberForm(request.GET)
    page_number = (page_form.cleaned_data["page"] or 1) if page_form.is_valid() else 1
    practices_page = Paginator(practices, PRACTICES_PER_PAGE).get_page(page_number)
    return {
        "page_form": page_form,
        "practices_page": practices_page,
        "practices": show_in_language(practices_page.object_list),
        "barriers": records(models.BarrierPage),
        "opportunities": records(models.OpportunityPage),
    }


def parent_city(page: Page):
    """The public city `page` lives under, or None (a record found by a dialogue)."""
    return CityProfilePage.objects.visible().filter(path=parent_path(page)).first()


def provenance(page) -> dict:
    """The source dialogue and session, named only if the public may see that dialogue."""
    dialogue = None
    if page.source_dialogue_id:
        dialogue = (
            models.dialogue_model().objects.visible().filter(id=page.source_dialogue_id).first()
        )
    return {
        "source_dialogue": dialogue,
        "source_session": page.source_session if dialogue and page.source_session_id else None,
    }


def practice_context(practice) -> dict:
    themes = list(practice.themes.all())
    tags = list(practice.tags.all())
    return {
        **provenance(practice),
        "city": parent_city(practice),
        "themes": themes,
        "target_groups": list(practice.target_groups.all()),
        "sdg_targets": list(practice.sdg_targets.all()),
        "tags": tags,
        "similar_practices": provided(
            "exchange_similar_practices", practice, themes, tags, default=[]
        ),
        "barriers": show_in_language(
            linked_pages(practice.barrier_links, "barrier", models.BarrierPage, "category")
        ),
        "opportunities": show_in_language(
            linked_pages(
                practice.opportunity_links, "opportunity", models.OpportunityPage, "category"
            )
        ),
        "partners": [p.organisation for p in practice.partners.select_related("organisation")],
        "related_resources": models.resource_model().cited_by(practice),
    }


def record_context(record) -> dict:
    """A barrier or opportunity: who reported it and which practices answer it."""
    link_filter = (
        "barrier_links__barrier"
        if isinstance(record, models.BarrierPage)
        else "opportunity_links__opportunity"
    )
    reporting = linked_pages(record.reporting_cities, "city", CityProfilePage)
    city = parent_city(record)
    if city and city.id not in {c.id for c in reporting}:
        reporting.insert(0, city)
    practices = attach_parents(
        by_shown_title(
            models.PracticePage.objects.visible().filter(**{link_filter: record}).distinct()
        ),
        CityProfilePage,
    )
    parent_dialogue = (
        None
        if city
        else models.dialogue_model().objects.visible().filter(path=parent_path(record)).first()
    )
    return {
        **provenance(record),
        "reporting_cities": reporting,
        "reported_by_city": city,
        "found_by_dialogue": parent_dialogue,
        "addressing_practices": show_in_language(practices),
    }
