"""Cities like mine, similar practices, and barriers linked to the practices that answer them."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

import pytest
from wagtail.models import PageViewRestriction

from cities.similarity import Profile, compare, similar_cities, size_band
from practices.models import PracticeBarrier
from search import index
from taxonomy.models import BarrierCategory, Region, Theme

from .factories import BarrierPageFactory, CityProfilePageFactory, PracticePageFactory
from .helpers import count_queries, visible_text
from .worlds import term

pytestmark = pytest.mark.django_db

SECRETS = ("Draftville", "Privatetown", "Hidden practice", "Secret draft", "Members only")


def _city(parent, title, **kwargs):
    return CityProfilePageFactory(parent=parent, title=title, slug=title.lower(), **kwargs)


def build(t) -> SimpleNamespace:
    mena, americas, europe = (term(Region, s) for s in ("mena", "americas", "europe"))
    safety, economic, rights = (
        term(Theme, s)
        for s in ("safety-and-violence", "economic-empowerment", "rights-and-legal-status")
    )
    trust = term(BarrierCategory, "trust")
    mine = _city(
        t.cities,
        "Sousse",
        country="TN",
        region=mena,
        population=271_428,
        mandate="outside-mandate",
        is_transit=True,
        is_destination=True,
        women_share_of_migrants=Decimal("48.5"),
    )
    twin = _city(
        t.cities,
        "Sfax",
        country="TN",
        region=mena,
        population=330_000,
        mandate="outside-mandate",
        is_transit=True,
        women_share_of_migrants=Decimal("52"),
    )
    stranger = _city(
        t.cities,
        "Saopaulo",
        country="BR",
        region=americas,
        population=12_000_000,
        mandate="own-competence",
        is_origin=True,
    )
    blank = _city(t.cities, "Blankton", country="IT", region=europe)
    draft = _city(
        t.cities,
        "Draftville",
        region=mena,
        population=300_000,
        mandate="outside-mandate",
        live=False,
    )
    private = _city(t.cities, "Privatetown", region=mena, population=300_000)
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    mistrust = BarrierPageFactory(parent=mine, title="Mistrust", slug="mistrust", category=trust)
    twin_barrier = BarrierPageFactory(parent=twin, title="Fear", slug="fear", category=trust)
    desk = PracticePageFactory(
        parent=mine,
        title="Domestic workers desk",
        slug="desk",
        summary="Legal advice and shelter for domestic workers without papers.",
        description="<p>Counsellors meet domestic workers in private households.</p>",
        themes=[safety, rights],
        tags=["domestic-work", "shelter"],
        barrier_links=[PracticeBarrier(barrier=mistrust, sort_order=0)],
    )
    twin_desk = PracticePageFactory(
        parent=twin,
        title="Shelter for domestic workers",
        slug="shelter",
        summary="Shelter and legal advice for domestic workers without papers.",
        themes=[safety, rights],
        tags=["domestic-work", "shelter"],
        barrier_links=[
            PracticeBarrier(barrier=mistrust, sort_order=0),
            PracticeBarrier(barrier=twin_barrier, sort_order=1),
        ],
    )
    loose = PracticePageFactory(
        parent=stranger,
        title="Rights clinic",
        slug="clinic",
        summary="A clinic on residence permits.",
        themes=[rights],
    )
    unrelated = PracticePageFactory(
        parent=stranger,
        title="Start-up loans",
        slug="loans",
        summary="Loans for women entrepreneurs.",
        themes=[economic],
    )
    # Share everything with the desk, yet must never show: a draft, a private practice, and
    # a live practice under a draft city.
    hidden = []
    for parent, title, live in (
        (twin, "Secret draft shelter", False),
        (twin, "Members only shelter", True),
        (draft, "Hidden practice shelter", True),
    ):
        hidden.append(
            PracticePageFactory(
                parent=parent,
                title=title,
                live=live,
                summary="Shelter and legal advice for domestic workers without papers.",
                themes=[safety, rights],
                tags=["domestic-work", "shelter"],
                barrier_links=[PracticeBarrier(barrier=mistrust, sort_order=0)],
            )
        )
    PageViewRestriction.objects.create(page=hidden[1], restriction_type="login")
    index.rebuild()
    return SimpleNamespace(**locals())


@pytest.fixture
def c(site_tree):
    return build(site_tree)


def reasons_of(matches, title):
    return next(m.reasons for m in matches if m.city.title == title)


# Cities like mine ------------------------------------------------------------------------


def test_a_city_with_a_matching_profile_ranks_first_and_says_why(c):
    matches = similar_cities(city=c.mine)
    assert matches[0].city.title == "Sfax"
    assert reasons_of(matches, "Sfax") == [
        "Same region: Middle East and North Africa",
        "Same size: 100,000 to 1 million inhabitants",
        "Same mandate: Outside the local mandate",
        "Both places of transit",
        "Similar share of women among migrants: 52%",
        "Both work on Safety and violence, Rights and legal status",
        "Both face this barrier: Trust",
    ]
    # São Paulo shares a theme only; it ranks below, for that reason alone.
    assert [m.city.title for m in matches] == ["Sfax", "Saopaulo"]
    assert reasons_of(matches, "Saopaulo") == ["Both work on Rights and legal status"]


def test_unknown_values_never_match():
    unknown = Profile()
    assert compare(unknown, Profile(), _no_labels()) == (0.0, [])
    # One side known, the other not: still no match.
    known = Profile(population=500_000, women_share=Decimal(50), mandate="shared")
    assert compare(known, Profile(women_share=None, population=None), _no_labels()) == (0.0, [])
    assert (
        compare(
            Profile(women_share=Decimal(50)), Profile(women_share=Decimal("61")), _no_labels()
        )[0]
        == 0
    )


def _no_labels():
    from cities.similarity import _Labels

    return _Labels(regions={}, themes={}, barriers={})


@pytest.mark.parametrize(
    ("population", "band"),
    [
        (None, None),
        (0, None),
        (99_999, "small"),
        (100_000, "medium"),
        (999_999, "medium"),
        (1_000_000, "large"),
        (4_999_999, "large"),
        (5_000_000, "very-large"),
    ],
)
def test_size_bands(population, band):
    assert size_band(population) == band


def test_a_city_page_shows_three_similar_cities_and_links_to_the_list(client, c):
    response = client.get(c.mine.url)
    text = visible_text(response)
    assert "Cities like this one" in text
    assert "Sfax" in text and "Same mandate: Outside the local mandate" in text
    assert f'href="{c.mine.url}similar/"' in response.content.decode()
    assert "Blankton" not in text  # nothing known in common
    for secret in SECRETS:
        assert secret not in text


def test_the_similar_page_lists_cities_with_reasons(client, c):
    response = client.get(f"{c.mine.url}similar/")
    assert response.status_code == 200
    text = visible_text(response)
    assert "Cities like Sousse" in text
    assert text.index("Sfax") < text.index("Saopaulo")
    assert "Both face this barrier: Trust" in text
    for secret in SECRETS:
        assert secret not in text


def test_the_similar_page_of_a_draft_or_private_city_is_not_served(client, c):
    assert client.get("/cities/draftville/similar/").status_code == 404
    assert client.get("/cities/privatetown/similar/").status_code == 302  # to the login


def test_describe_your_city_gives_the_same_kind_of_list(client, c):
    response = client.get(
        "/cities/like-mine/",
        {
            "region": "mena",
            "population": "300000",
            "mandate": "outside-mandate",
            "roles": ["transit"],
            "women_share": "50",
            "themes": ["safety-and-violence"],
            "barriers": ["trust"],
        },
    )
    assert response.status_code == 200
    text = visible_text(response)
    assert text.index("Sfax") < text.index("Sousse")
    assert "Similar share of women among migrants: 52%" in text
    for secret in SECRETS:
        assert secret not in text


def test_describe_your_city_without_answers(client, c):
    blank = client.get("/cities/like-mine/")
    assert blank.status_code == 200
    assert "Cities most like yours" not in visible_text(blank)
    empty = client.get("/cities/like-mine/", {"population": ""})
    assert empty.status_code == 200
    assert "Fill in at least one field" in visible_text(empty)


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"region": "atlantis"}, "Region"),
        ({"population": "many"}, "Population"),
        ({"population": "-5"}, "Population"),
        ({"women_share": "150"}, "Share of women among migrants (%)"),
        ({"themes": ["not-a-theme"]}, "Challenges you work on"),
        ({"barriers": ["<script>"]}, "Barriers you face"),
        ({"roles": ["everywhere"]}, "Place of migration"),
        ({"mandate": "absolute"}, "Mandate on migrant inclusion"),
    ],
)
def test_describe_your_city_rejects_bad_input_with_a_message(client, c, params, field):
    response = client.get("/cities/like-mine/", params)
    assert response.status_code == 400
    text = visible_text(response)
    assert "Some answers could not be used" in text
    assert f"{field}:" in text
    assert "<script>" not in response.content.decode().split("</form>")[0].split("<form")[0]


def test_a_city_may_not_take_the_slug_of_the_form(c):
    from django.core.exceptions import ValidationError

    c.blank.slug = "like-mine"
    with pytest.raises(ValidationError):
        c.blank.full_clean()


# Barriers and practices, both ways ----------------------------------------------------------


def test_a_barrier_page_lists_the_practices_of_every_city_that_address_it(client, c):
    text = visible_text(client.get(c.mistrust.url))
    assert "Domestic workers desk" in text and "Shelter for domestic workers" in text
    assert "Sfax" in text  # the city of a practice from elsewhere
    for secret in SECRETS:
        assert secret not in text


def test_a_practice_page_lists_the_barriers_it_addresses(client, c):
    text = visible_text(client.get(c.twin_desk.url))
    section = text[text.index("Barriers it addresses") :]
    assert "Mistrust" in section and "Fear" in section


# Similar practices ---------------------------------------------------------------------------


def test_similar_practices_rank_by_tags_themes_and_text(client, c):
    from search.similar_practices import similar_practices

    found = similar_practices(c.desk, list(c.desk.themes.all()), list(c.desk.tags.all()))
    assert [s.practice.title for s in found] == ["Shelter for domestic workers", "Rights clinic"]
    assert found[0].reasons == [
        "Shared tags: domestic-work, shelter",
        "Both address Safety and violence, Rights and legal status",
        "Similar description",
    ]
    assert found[1].reasons == ["Both address Rights and legal status"]
    assert found[0].practice.city.title == "Sfax"


def test_the_practice_page_shows_similar_practices_and_no_secrets(client, c):
    text = visible_text(client.get(c.desk.url))
    section = text[text.index("Similar practices") :]
    assert "Shelter for domestic workers" in section
    assert "Shared tags: domestic-work, shelter" in section
    assert "Start-up loans" not in section  # nothing in common
    for secret in SECRETS:
        assert secret not in text


# Query counts ---------------------------------------------------------------------------------


def grow(c, n: int = 6) -> None:
    """More cities, each with a practice that shares the desk's themes and tags."""
    safety = term(Theme, "safety-and-violence")
    for i in range(n):
        city = _city(
            c.t.cities,
            f"Grown{i}",
            region=term(Region, "mena"),
            population=200_000 + i,
            mandate="outside-mandate",
            is_transit=True,
        )
        PracticePageFactory(
            parent=city,
            title=f"Grown shelter {i}",
            summary="Shelter for domestic workers.",
            themes=[safety],
            tags=["shelter"],
            barrier_links=[PracticeBarrier(barrier=c.mistrust, sort_order=0)],
        )
    index.rebuild()


def test_query_counts_are_exact_and_do_not_grow(client, c):
    urls = {
        "city": c.mine.url,
        "similar": f"{c.mine.url}similar/",
        "like_mine": "/cities/like-mine/?region=mena&themes=safety-and-violence&population=9",
        "practice": c.desk.url,
        "barrier": c.mistrust.url,
    }
    before = {name: count_queries(client, url) for name, url in urls.items()}
    grow(c)
    after = {name: count_queries(client, url) for name, url in urls.items()}
    assert after == before
    assert before == EXPECTED_QUERIES


# Each includes one for the visitor's Wagtail locale (Page.localized, when Wagtail serves),
# and the pages themselves (not their sub-routes) one for the language switcher's translations
# and one more since pages are served through content translation (exchange.localization).
EXPECTED_QUERIES = {"city": 32, "similar": 21, "like_mine": 18, "practice": 34, "barrier": 24}


def test_the_city_index_links_to_the_form(client, c):
    assert 'href="/cities/like-mine/"' in client.get("/cities/").content.decode()


def test_a_published_change_to_a_city_counts_at_once(c):
    # Profiles are kept with the search index version: publishing must start a new one.
    assert similar_cities(city=c.mine)[0].city.title == "Sfax"
    sfax = c.twin.specific
    sfax.mandate = "own-competence"
    sfax.women_share_of_migrants = None
    sfax.save_revision().publish()
    reasons = reasons_of(similar_cities(city=c.mine), "Sfax")
    assert "Same region: Middle East and North Africa" in reasons
    assert not any(r.startswith(("Same mandate", "Similar share")) for r in reasons)
