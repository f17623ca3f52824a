"""Context for practice, barrier and opportunity pages."""

from __future__ import annotations

from wagtail.models import Page

from exchange.pagetools import attach_parents, linked_pages, parent_path
from exchange.resource_listings import related_resources


def _parent_city(page: Page):
    from cities.models import CityProfilePage

    return CityProfilePage.objects.visible().filter(path=parent_path(page)).first()


def _provenance(page) -> dict:
    """The source dialogue and session, named only if the public may see that dialogue."""
    from exchange.models import DialoguePage

    dialogue = None
    if page.source_dialogue_id:
        dialogue = DialoguePage.objects.visible().filter(id=page.source_dialogue_id).first()
    return {
        "source_dialogue": dialogue,
        "source_session": page.source_session if dialogue and page.source_session_id else None,
    }


def practice_context(practice) -> dict:
    from .models import BarrierPage, OpportunityPage
    from .similarity import similar_practices

    themes = list(practice.themes.all())
    tags = list(practice.tags.all())
    return {
        **_provenance(practice),
        "city": _parent_city(practice),
        "themes": themes,
        "target_groups": list(practice.target_groups.all()),
        "sdg_targets": list(practice.sdg_targets.all()),
        "tags": tags,
        "similar_practices": similar_practices(practice, themes, tags),
        "barriers": linked_pages(practice.barrier_links, "barrier", BarrierPage, "category"),
        "opportunities": linked_pages(
            practice.opportunity_links, "opportunity", OpportunityPage, "category"
        ),
        "partners": [p.organisation for p in practice.partners.select_related("organisation")],
        "related_resources": related_resources(practice),
    }


def record_context(record) -> dict:
    """A barrier or opportunity: who reported it and which practices answer it."""
    from cities.models import CityProfilePage
    from exchange.models import DialoguePage

    from .models import BarrierPage, PracticePage

    link_filter = (
        "barrier_links__barrier"
        if isinstance(record, BarrierPage)
        else "opportunity_links__opportunity"
    )
    reporting = linked_pages(record.reporting_cities, "city", CityProfilePage)
    parent_city = _parent_city(record)
    if parent_city and parent_city.id not in {c.id for c in reporting}:
        reporting.insert(0, parent_city)
    practices = attach_parents(
        PracticePage.objects.visible()
        .filter(**{link_filter: record})
        .distinct()
        .order_by("title"),
        CityProfilePage,
    )
    parent_dialogue = (
        None
        if parent_city
        else DialoguePage.objects.visible().filter(path=parent_path(record)).first()
    )
    return {
        **_provenance(record),
        "reporting_cities": reporting,
        "reported_by_city": parent_city,
        "found_by_dialogue": parent_dialogue,
        "addressing_practices": practices,
    }


def recommendation_context(recommendation) -> dict:
    """A recommendation: who made it (a city or a dialogue) and where it came from."""
    from exchange.models import DialoguePage

    parent_city = _parent_city(recommendation)
    return {
        **_provenance(recommendation),
        "reported_by_city": parent_city,
        "found_by_dialogue": (
            None
            if parent_city
            else DialoguePage.objects.visible().filter(path=parent_path(recommendation)).first()
        ),
    }
