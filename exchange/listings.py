"""Context for the network-level pages: what each template lists, fetched in few queries."""

from __future__ import annotations

from django.db.models import Count, Q

from .pagetools import attach_parents, linked_pages


def home_context(home) -> dict:
    from cities.models import CityProfilePage
    from practices.models import PracticePage

    from .models import DialoguePage, Theme

    practices = PracticePage.objects.descendant_of(home).live().public()
    theme_counts = dict(
        practices.filter(themes__isnull=False)
        .values_list("themes")
        .annotate(n=Count("id", distinct=True))
    )
    themes = list(Theme.objects.all())
    for theme in themes:
        theme.practice_count = theme_counts.get(theme.pk, 0)
    recent = attach_parents(
        practices.order_by("-first_published_at", "title")[:6], CityProfilePage
    )
    return {
        "themes": themes,
        "recent_practices": recent,
        "city_count": CityProfilePage.objects.descendant_of(home).live().public().count(),
        "practice_count": practices.count(),
        "latest_dialogue": DialoguePage.objects.descendant_of(home)
        .live()
        .public()
        .order_by("-date")
        .first(),
    }


def dialogue_context(dialogue) -> dict:
    from cities.models import CityProfilePage
    from practices.models import BarrierPage, OpportunityPage, PracticePage

    barriers = BarrierPage.objects.child_of(dialogue).live().public().select_related("category")
    opportunities = (
        OpportunityPage.objects.child_of(dialogue).live().public().select_related("category")
    )
    practices = attach_parents(
        PracticePage.objects.live()
        .public()
        .filter(source_dialogue=dialogue)
        .select_related("source_session")
        .order_by("title"),
        CityProfilePage,
    )
    city_reported = attach_parents(
        [
            *BarrierPage.objects.live()
            .public()
            .filter(Q(source_dialogue=dialogue) & ~Q(path__startswith=dialogue.path))
            .select_related("category"),
            *OpportunityPage.objects.live()
            .public()
            .filter(Q(source_dialogue=dialogue) & ~Q(path__startswith=dialogue.path))
            .select_related("category"),
        ],
        CityProfilePage,
    )
    return {
        "sessions": list(dialogue.sessions.all()),
        "organisers": [o.organisation for o in dialogue.organisers.select_related("organisation")],
        "participant_cities": linked_pages(
            dialogue.participating_cities, "city", CityProfilePage, "region"
        ),
        "participant_organisations": [
            o.organisation
            for o in dialogue.participating_organisations.select_related("organisation")
        ],
        "outcome_barriers": list(barriers),
        "outcome_opportunities": list(opportunities),
        "presented_practices": practices,
        "city_reported_records": city_reported,
        "commitments": list(
            dialogue.commitments.select_related("owner_city", "owner_organisation")
        ),
    }
