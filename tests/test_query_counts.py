"""Pages cost the same number of queries however much content the site holds."""

from __future__ import annotations

import pytest
from wagtail.signal_handlers import disable_reference_index_auto_update

from cities.models import GovernanceBody, KeyFigure
from dialogues.models import DialogueCommitment, DialogueParticipantCity, DialogueSession
from practices.models import (
    BarrierReportingCity,
    PracticeBarrier,
    PracticeOpportunity,
    PracticePage,
    PracticePartner,
)
from taxonomy.models import (
    ActionType,
    BarrierCategory,
    OpportunityCategory,
    Region,
    SDGTarget,
    TargetGroup,
    Theme,
)

from .factories import (
    BarrierPageFactory,
    CityProfilePageFactory,
    DialoguePageFactory,
    OpportunityPageFactory,
    OrganisationFactory,
    PracticePageFactory,
)
from .helpers import count_queries

pytestmark = pytest.mark.django_db

# A little above what the busiest page (a dialogue) needs today, 36 queries: a listing that
# queries once per row breaks it at once.
MAX_QUERIES = 38

MEASURED = [
    "home",
    "cities",
    "city",
    "practice",
    "barrier",
    "network_barrier",
    "opportunity",
    "dialogue",
    "dialogues",
]


def measure(client, c) -> dict[str, int]:
    return {name: count_queries(client, getattr(c, name).url) for name in MEASURED}


def grow(c, n: int = 10) -> None:
    """Add `n` of everything each measured page lists, with all their relations."""
    # Wagtail's reference index plays no part in what visitors see; skipping it halves the time.
    with disable_reference_index_auto_update():
        _grow(c, n)


def _grow(c, n: int) -> None:
    themes = list(Theme.objects.all())
    groups = list(TargetGroup.objects.all()[:3])
    targets = list(SDGTarget.objects.all()[:3])
    regions = list(Region.objects.all())
    barrier_kinds = list(BarrierCategory.objects.all())
    opportunity_kinds = list(OpportunityCategory.objects.all())
    action_types = list(ActionType.objects.all())

    # The measured practice gets more of everything it shows.
    practice = PracticePage.objects.get(pk=c.practice.pk)
    practice.themes = themes
    practice.target_groups = groups
    practice.sdg_targets = targets
    practice.tags.add(*(f"grown-{i}" for i in range(n)))
    practice.save()

    for i in range(n):
        partner = OrganisationFactory(name=f"Grown partner {i}")
        city = CityProfilePageFactory(
            parent=c.cities,
            title=f"Grown city {i:02}",
            country=["MA", "IT", "BR", "KR"][i % 4],
            region=regions[i % len(regions)],
            population=1000 + i,
            population_year=2020,
        )
        barrier = BarrierPageFactory(
            parent=c.city,
            title=f"Grown barrier {i:02}",
            category=barrier_kinds[i % len(barrier_kinds)],
            source_dialogue=c.dialogue,
            reporting_cities=[BarrierReportingCity(city=city, sort_order=0)],
        )
        opportunity = OpportunityPageFactory(
            parent=c.city,
            title=f"Grown opportunity {i:02}",
            category=opportunity_kinds[i % len(opportunity_kinds)],
            source_dialogue=c.dialogue,
        )
        BarrierPageFactory(
            parent=c.dialogue,
            title=f"Grown finding {i:02}",
            category=barrier_kinds[i % len(barrier_kinds)],
        )
        OpportunityPageFactory(parent=c.dialogue, title=f"Grown chance {i:02}")
        for parent in (c.city, city):
            PracticePageFactory(
                parent=parent,
                title=f"Grown practice {i:02} of {parent.title}",
                themes=themes[: 1 + i % len(themes)],
                target_groups=groups,
                sdg_targets=targets,
                action_type=action_types[i % len(action_types)],
                tags=[f"tag-{i}", "shared"],
                source_dialogue=c.dialogue,
                source_session=c.session,
                barrier_links=[
                    PracticeBarrier(barrier=c.barrier, sort_order=0),
                    PracticeBarrier(barrier=c.network_barrier, sort_order=1),
                    PracticeBarrier(barrier=barrier, sort_order=2),
                ],
                opportunity_links=[
                    PracticeOpportunity(opportunity=c.opportunity, sort_order=0),
                    PracticeOpportunity(opportunity=opportunity, sort_order=1),
                ],
                partners=[PracticePartner(organisation=partner, sort_order=0)],
            )
        PracticeBarrier.objects.create(page=practice, barrier=barrier, sort_order=10 + i)
        PracticeOpportunity.objects.create(
            page=practice, opportunity=opportunity, sort_order=10 + i
        )
        PracticePartner.objects.create(page=practice, organisation=partner, sort_order=10 + i)
        GovernanceBody.objects.create(
            page=c.city, name=f"Council {i}", women_quota=50, since_year=2015, sort_order=10 + i
        )
        KeyFigure.objects.create(
            page=c.city,
            label=f"Figure {i}",
            value=i * 1000,
            unit="people",
            year=2020,
            source="Statistics office",
            sort_order=10 + i,
        )
        DialogueParticipantCity.objects.create(page=c.dialogue, city=city, sort_order=10 + i)
        DialogueSession.objects.create(
            page=c.dialogue,
            title=f"Grown session {i}",
            kind="breakout",
            guiding_questions=[("questions", [f"Question {i}?", "And then?"])],
            speakers=[("speaker", {"organisation": partner, "role": "Panellist", "name": ""})],
            sort_order=10 + i,
        )
        DialogueCommitment.objects.create(
            page=c.dialogue,
            text=f"Commitment {i}",
            owner_city=city,
            owner_organisation=partner,
            sort_order=10 + i,
        )
        DialoguePageFactory(
            parent=c.dialogues,
            title=f"Grown dialogue {i:02}",
            participating_cities=[DialogueParticipantCity(city=c.city, sort_order=0)],
        )


def test_query_counts_do_not_grow_with_content(client, full_content):
    c = full_content
    # A city like Sousse from the start: with no similar city, the city page skips the
    # queries that load and explain the matches.
    CityProfilePageFactory(parent=c.city_index, title="Peer of Sousse", region=c.city.region)
    before = measure(client, c)

    grow(c)
    after = measure(client, c)

    assert after == before
    too_many = {name: n for name, n in after.items() if n > MAX_QUERIES}
    assert not too_many, f"more than {MAX_QUERIES} queries: {too_many}"


def test_growth_shows_on_the_pages_measured(client, full_content):
    """The measurement above means something only if the pages list what was added."""
    c = full_content
    grow(c, n=2)
    city = client.get(c.city.url).content.decode()
    assert "Grown practice 01 of Sousse" in city
    assert "Grown barrier 01" in city
    assert "Council 1" in city
    assert "Grown dialogue 01" in city
    assert "Grown city 01" in client.get(c.cities.url).content.decode()
    practice = client.get(c.practice.url).content.decode()
    assert "Grown partner 1" in practice
    assert "grown-1" in practice
    barrier = client.get(c.barrier.url).content.decode()
    assert "Grown practice 01 of Grown city 01" in barrier
    dialogue = client.get(c.dialogue.url).content.decode()
    assert "Grown session 1" in dialogue
    assert "Commitment 1" in dialogue
    assert "Grown finding 01" in dialogue
    assert "Grown practice" in client.get("/").content.decode()


def test_city_profile_and_practice_stay_under_the_bound(
    client, full_content, django_assert_max_num_queries
):
    c = full_content
    for url in (c.city.url, c.practice.url):
        client.get(url)  # warm the site's root paths
        with django_assert_max_num_queries(MAX_QUERIES):
            assert client.get(url).status_code == 200


def test_empty_site_stays_under_the_bound(client, site_tree, django_assert_max_num_queries):
    for url in ("/", "/cities/", "/dialogues/"):
        client.get(url)
        with django_assert_max_num_queries(MAX_QUERIES):
            assert client.get(url).status_code == 200
