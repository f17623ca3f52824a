"""Editors get a clear error, on the right field, for content that cannot be true."""

from __future__ import annotations

import datetime
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError

from dialogues.models import DialogueSession

from .factories import (
    BarrierPageFactory,
    CityProfilePageFactory,
    DialoguePageFactory,
    OpportunityPageFactory,
    PracticePageFactory,
)

pytestmark = pytest.mark.django_db


def errors_of(page) -> dict[str, list[str]]:
    try:
        page.full_clean()
    except ValidationError as error:
        return error.message_dict
    return {}


@pytest.fixture
def full_content(site_tree):
    """Just enough content for these checks: a city, a dialogue, records and a practice."""
    t = site_tree
    city = CityProfilePageFactory(parent=t.cities, population=1000, population_year=2020)
    dialogue = DialoguePageFactory(
        parent=t.dialogues, sessions=[DialogueSession(title="S", kind="opening")]
    )
    provenance = {"source_dialogue": dialogue, "source_session": dialogue.sessions.get()}
    return SimpleNamespace(
        **vars(t),
        city=city,
        dialogue=dialogue,
        practice=PracticePageFactory(parent=city, start_year=2020, **provenance),
        barrier=BarrierPageFactory(parent=city, **provenance),
        network_opportunity=OpportunityPageFactory(parent=dialogue, **provenance),
    )


@pytest.fixture
def practice(full_content):
    return full_content.practice


def test_practice_cannot_end_before_it_starts(practice):
    practice.start_year, practice.end_year = 2021, 2019
    errors = errors_of(practice)
    assert list(errors) == ["end_year"]
    assert "before the start year" in errors["end_year"][0]


def test_practice_may_start_and_end_in_the_same_year_or_have_one_year_only(practice):
    practice.start_year, practice.end_year = 2021, 2021
    assert errors_of(practice) == {}
    practice.start_year, practice.end_year = None, 2019
    assert errors_of(practice) == {}


def test_years_must_be_plausible(practice):
    practice.start_year = 20
    assert "start_year" in errors_of(practice)


def test_dialogue_cannot_end_before_it_begins(full_content):
    dialogue = full_content.dialogue
    dialogue.end_date = dialogue.date - datetime.timedelta(days=1)
    errors = errors_of(dialogue)
    assert list(errors) == ["end_date"]
    dialogue.end_date = dialogue.date
    assert errors_of(dialogue) == {}


def test_source_session_must_belong_to_the_source_dialogue(full_content):
    c = full_content
    other = DialoguePageFactory(parent=c.dialogues, title="Another dialogue")
    other_session = DialogueSession.objects.create(page=other, title="Its session", kind="closing")

    c.practice.source_session = other_session
    errors = errors_of(c.practice)
    assert list(errors) == ["source_session"]

    c.practice.source_dialogue = other
    assert errors_of(c.practice) == {}


def test_source_session_needs_its_dialogue(full_content):
    c = full_content
    c.barrier.source_dialogue = None
    assert "source_session" in errors_of(c.barrier)


def test_records_check_their_source_session_too(full_content):
    c = full_content
    other = DialoguePageFactory(parent=c.dialogues, title="Another dialogue")
    c.network_opportunity.source_dialogue = other
    assert "source_session" in errors_of(c.network_opportunity)


def test_city_population_year_needs_a_population(full_content):
    city = full_content.city
    city.population = None
    errors = errors_of(city)
    assert list(errors) == ["population_year"]
    city.population_year = None
    assert errors_of(city) == {}


def test_city_coordinates_and_share_must_be_in_range(full_content):
    city = full_content.city
    city.latitude = 95
    city.women_share_of_migrants = 120
    errors = errors_of(city)
    assert {"latitude", "women_share_of_migrants"} <= set(errors)


def test_minimal_practice_is_valid(full_content):
    practice = PracticePageFactory(parent=full_content.city, title="Just a title")
    assert errors_of(practice) == {}
