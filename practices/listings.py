"""Context for practice, barrier and opportunity pages."""

from __future__ import annotations

from wagtail.models import Page

from cities.models import CityProfilePage
from exchange.pagetools import attach_parents, linked_pages, parent_path

# practices.models imports this module for its pages' context; the models are read from the
# module object at call time, so either module may be imported first.
from . import models
from .similarity import similar_practices


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
        "similar_practices": similar_practices(practice, themes, tags),
        "barriers": linked_pages(
            practice.barrier_links, "barrier", models.BarrierPage, "category"
        ),
        "opportunities": linked_pages(
            practice.opportunity_links, "opportunity", models.OpportunityPage, "category"
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
        models.PracticePage.objects.visible()
        .filter(**{link_filter: record})
        .distinct()
        .order_by("title"),
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
        "addressing_practices": practices,
    }
