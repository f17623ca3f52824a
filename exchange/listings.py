"""Context for the network-level pages: what each template lists, fetched in few queries."""

from __future__ import annotations

from django.db.models import Count, Q

from .pagetools import attach_parents, linked_pages
from .resource_listings import related_resources


def home_context(home) -> dict:
    from cities.models import CityProfilePage
    from practices.models import PracticePage

    from .models import DialoguePage, Theme

    practices = PracticePage.objects.descendant_of(home).visible()
    theme_counts = dict(
        practices.filter(themes__isnull=False)
        .order_by()  # the page manager orders by path, which would split the groups
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
        "city_count": CityProfilePage.objects.descendant_of(home).visible().count(),
        "practice_count": practices.count(),
        "latest_dialogue": DialoguePage.objects.descendant_of(home)
        .visible()
        .order_by("-date")
        .first(),
    }


def dialogue_context(dialogue) -> dict:
    from cities.models import CityProfilePage
    from practices.models import BarrierPage, OpportunityPage, PracticePage

    barriers = BarrierPage.objects.child_of(dialogue).visible().select_related("category")
    opportunities = OpportunityPage.objects.child_of(dialogue).visible().select_related("category")
    practices = attach_parents(
        PracticePage.objects.visible()
        .filter(source_dialogue=dialogue)
        .select_related("source_session")
        .order_by("title"),
        CityProfilePage,
    )
    # Records cities reported from this dialogue (its own findings live below it).
    city_reported = attach_parents(
        [
            record
            for model in (BarrierPage, OpportunityPage)
            for record in model.objects.visible()
            .filter(Q(source_dialogue=dialogue) & ~Q(path__startswith=dialogue.path))
            .select_related("category")
        ],
        CityProfilePage,
    )
    return {
        "sessions": sessions_with_speakers(dialogue),
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
        "commitments": commitments_with_public_owner(dialogue),
        "related_resources": related_resources(dialogue),
    }


def sessions_with_speakers(dialogue) -> list:
    """Sessions with `speaker_list` resolved: every speaker's organisation in one query.

    Rendering the StreamField as it is would look the organisations up session by session.
    """
    from .models import Organisation

    sessions = list(dialogue.sessions.all())
    raw = {
        session: [b["value"] for b in session.speakers.raw_data if b["type"] == "speaker"]
        for session in sessions
    }
    ids = {v.get("organisation") for values in raw.values() for v in values} - {None}
    organisations = Organisation.objects.in_bulk(ids) if ids else {}
    for session in sessions:
        session.speaker_list = [
            {
                "organisation": organisations.get(v.get("organisation")),
                "role": v.get("role", ""),
                "name": v.get("name", ""),
            }
            for v in raw[session]
        ]
    return sessions


def commitments_with_public_owner(dialogue) -> list:
    """Commitments with `public_owner_city`: the owner city only if the public may see it."""
    from cities.models import CityProfilePage

    commitments = list(dialogue.commitments.select_related("owner_organisation"))
    owner_ids = {c.owner_city_id for c in commitments} - {None}
    public = CityProfilePage.objects.visible().in_bulk(owner_ids) if owner_ids else {}
    for commitment in commitments:
        commitment.public_owner_city = public.get(commitment.owner_city_id)
    return commitments
