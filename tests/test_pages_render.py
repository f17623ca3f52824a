"""Every page type renders for anonymous visitors, full or nearly empty, showing its facts."""

from __future__ import annotations

import re
from html import unescape

import pytest

from cities.models import CityProfilePage

from .helpers import assert_no_none, html_of, visible_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_content(module_full_content, db):
    """Built once for this module, whose tests only read it."""
    return module_full_content


PAGES = [
    "home_page",
    "city_index",
    "dialogue_index",
    "city",
    "practice",
    "barrier",
    "opportunity",
    "dialogue",
    "network_barrier",
    "network_opportunity",
]


def check_page(client, content, name) -> list[str]:
    """What is wrong with page `name` as an anonymous visitor gets it; empty if nothing."""
    page = getattr(content, name)
    response = client.get(page.url)
    if response.status_code != 200:
        return [f"{name}: status {response.status_code}"]
    html, text = html_of(response), visible_text(response)
    problems = []
    if '<html lang="en"' not in html:
        problems.append("no <html lang=en>")
    if not re.search(r'<a [^>]*href="#main"', html) or 'id="main"' not in html:
        problems.append("no skip link to #main")
    if page.title not in text:
        problems.append("title not shown")
    none = re.search(r".{0,60}\bNone\b.{0,60}", text)
    if none:
        problems.append(f"'None' shown: …{none.group(0)}…")
    if page.depth > 2:  # the home page needs no breadcrumbs
        nav = re.search(r'<nav class="breadcrumbs[^"]*"[^>]*>(.*?)</nav>', html, re.S)
        crumbs = nav.group(1) if nav else ""
        current = re.search(r'aria-current="page"[^>]*>([^<]*)<', crumbs)
        if not current or unescape(current.group(1)).strip() != page.title:
            problems.append("no breadcrumb marking the current page")
        for ancestor in page.get_ancestors().filter(depth__gt=1):
            if f'href="{ancestor.url}"' not in crumbs:
                problems.append(f"breadcrumbs miss a link to {ancestor.title}")
    return [f"{name}: {problem}" for problem in problems]


def test_every_page_type_renders_with_every_field_filled(client, full_content):
    problems = [p for name in PAGES for p in check_page(client, full_content, name)]
    assert not problems, "\n".join(problems)


def test_every_page_type_renders_with_only_required_fields(client, minimal_content):
    problems = [p for name in PAGES for p in check_page(client, minimal_content, name)]
    assert not problems, "\n".join(problems)


def test_empty_site_says_nothing_is_published_yet(client, site_tree):
    home = visible_text(client.get("/"))
    assert "The Exchange" in home
    cities = client.get("/cities/")
    assert cities.status_code == 200
    assert "No city profiles have been published yet." in visible_text(cities)
    dialogues = client.get("/dialogues/")
    assert "No dialogues have been published yet." in visible_text(dialogues)
    for response in (cities, dialogues):
        assert_no_none(response)


# -- Full content: the facts a visitor comes for ---------------------------------------------


def test_city_profile_shows_its_facts_and_sources(client, full_content):
    c = full_content
    text = visible_text(client.get(c.city.url))

    for fact in [
        "Tunisia",
        "Middle East and North Africa",
        "Municipality",
        "271,428 in 2014",
        "Outside the local mandate",
        "Migration is a national matter, yet the city acts.",
        "Origin",
        "Transit",
        "Destination",
        "48.5%",
        "The city's presentation at the dialogue",
        "Many migrant women work in private households.",
        # governance body with its quota
        "Committee on gender equality",
        "Chaired by the vice-mayor.",
        "At least 40% women",
        "Since 2018",
        # key figure: value, unit, year and source
        "Foreign residents",
        "12,345 people",
        "2019",
        "National statistics office",
        # focal point
        "Gender-equality committee",
        "equality@sousse.example.org",
    ]:
        assert fact in text, fact


def test_city_profile_lists_its_practices_records_and_dialogues(client, full_content):
    c = full_content
    response = client.get(c.city.url)
    html, text = html_of(response), visible_text(response)

    assert f'href="{c.practice.url}"' in html
    assert c.practice.title in text
    assert "Safety and violence" in text  # the practice's themes on its card
    assert f'href="{c.barrier.url}"' in html
    assert "Information and data" in text  # the barrier's category
    assert f'href="{c.opportunity.url}"' in html
    assert "Multi-stakeholder cooperation" in text
    # A dialogue finding the city reported is listed with the city's own records.
    assert f'href="{c.network_barrier.url}"' in html
    assert f'href="{c.dialogue.url}"' in html
    assert 'href="https://stats.example.org/sousse"' in html  # the key figure's source link


def test_practice_page_shows_its_facts(client, full_content):
    c = full_content
    response = client.get(c.practice.url)
    html, text = html_of(response), visible_text(response)

    assert f'<a href="{c.city.url}">Sousse</a>' in html, "no link to the practice's city"
    for fact in [
        "Completed",
        "Started 2020",
        "Ended 2021",
        "Outside the local mandate",
        "Partnership with civil society",
        "Monitored",
        "Under €10,000 a year",
        "Municipal social budget",
        "Mothers with children",
        "Pregnant women",
        "Safety and violence",
        "Rights and legal status",
        "Target 5.2",
        "Target 10.7",
        "covid-19",
        "social assistance",
        "Associations identify families in need.",
        "Four hundred families received help.",
        "Trust comes before services.",
        "Needs a partner association.",
        "Migrant Women's Collective",
        "Social affairs department",
        "social@sousse.example.org",
        "Last verified",
    ]:
        assert fact in text, fact
    assert "Not verified yet" not in text
    assert 'datetime="2024-03-15"' in html


def test_practice_page_lists_the_barriers_and_opportunities_it_addresses(client, full_content):
    c = full_content
    response = client.get(c.practice.url)
    html, text = html_of(response), visible_text(response)

    for record in (c.barrier, c.network_barrier, c.opportunity, c.network_opportunity):
        assert f'href="{record.url}"' in html
        assert record.title in text
    assert "Information and data" in text
    assert "Monitoring" in text


def test_practice_page_names_its_source_dialogue_and_session(client, full_content):
    c = full_content
    response = client.get(c.practice.url)
    html, text = html_of(response), visible_text(response)

    assert f'href="{c.dialogue.url}"' in html
    assert "Segment 1: cities present their work" in text
    assert "Presented by the vice-mayor." in text


@pytest.mark.parametrize("name", ["barrier", "network_barrier"])
def test_barrier_page_lists_the_practices_addressing_it(client, full_content, name):
    c = full_content
    barrier = getattr(c, name)
    response = client.get(barrier.url)
    html, text = html_of(response), visible_text(response)

    assert barrier.category.name in text
    assert barrier.summary in text
    assert f'href="{c.practice.url}"' in html
    assert c.practice.title in text
    assert "Sousse" in text  # the practice's city on its card
    assert "No published practice is linked to it yet." not in text


def test_city_barrier_names_the_reporting_cities_and_its_source(client, full_content):
    c = full_content
    response = client.get(c.barrier.url)
    html, text = html_of(response), visible_text(response)

    assert "Reported by" in text
    assert f'href="{c.city.url}"' in html
    assert f'href="{c.peer.url}"' in html  # also reported by Turin
    assert "They rarely reach municipal services." in text
    assert f'href="{c.dialogue.url}"' in html
    assert "Segment 1: cities present their work" in text


def test_dialogue_finding_names_the_dialogue_that_found_it(client, full_content):
    c = full_content
    response = client.get(c.network_opportunity.url)
    html, text = html_of(response), visible_text(response)

    assert "Found by the dialogue" in text
    assert f'href="{c.dialogue.url}"' in html
    assert "City networking" in text
    assert f'href="{c.practice.url}"' in html  # the practice builds on it


def test_opportunity_page_shows_category_and_practices(client, full_content):
    c = full_content
    response = client.get(c.opportunity.url)
    html, text = html_of(response), visible_text(response)

    assert "Multi-stakeholder cooperation" in text
    assert "Opportunity for local action" in text
    assert f'href="{c.practice.url}"' in html


def test_dialogue_page_shows_programme_participants_and_outcomes(client, full_content):
    c = full_content
    response = client.get(c.dialogue.url)
    html, text = html_of(response), visible_text(response)

    assert 'datetime="2020-09-10"' in html
    assert 'datetime="2020-09-11"' in html
    for fact in [
        "Virtual",
        "about 100 people",
        "UN Women",  # organiser and speaker
        "Three cities presented their work, then breakout groups met.",
        "Segment 1: cities present their work",
        "What did your city try first?",
        "Moderator",
        "Migrant Women's Collective",
        "Build trust and safety together.",
        "Share the survey questionnaire with peer cities.",
        "In progress",
    ]:
        assert fact in text, fact
    for page in (c.city, c.peer, c.network_barrier, c.network_opportunity, c.practice, c.barrier):
        assert f'href="{page.url}"' in html, page.title


FOCAL_POINTS = "Find a city\u2019s focal point"  # the home page's offer


def test_home_shows_counts_themes_recent_practices_and_latest_dialogue(client, full_content):
    c = full_content
    response = client.get("/")
    html, text = html_of(response), visible_text(response)

    assert "2 cities" in text
    assert "1 practice" in text
    assert "Safety and violence" in text
    assert "1 practice responds to this challenge" in text
    assert "0 practices respond to this challenge" in text  # the themes nobody addressed
    assert f'href="{c.practice.url}"' in html
    assert f'href="{c.dialogue.url}"' in html
    assert f'href="{c.cities.url}"' in html
    assert f'href="{c.dialogues.url}"' in html
    assert FOCAL_POINTS in text  # Sousse names its gender-equality committee


def test_home_offers_focal_points_only_when_a_city_names_one(client, full_content):
    CityProfilePage.objects.update(focal_point_role="", focal_point_email="", focal_point_url="")
    assert FOCAL_POINTS not in visible_text(client.get("/"))
    CityProfilePage.objects.filter(pk=full_content.peer.pk).update(
        focal_point_url="https://turin.example.org/contact"
    )
    assert FOCAL_POINTS in visible_text(client.get("/"))


def test_city_index_lists_cities_with_country_region_and_practice_count(client, full_content):
    c = full_content
    response = client.get(c.cities.url)
    html, text = html_of(response), visible_text(response)

    assert f'href="{c.city.url}"' in html
    assert f'href="{c.peer.url}"' in html
    assert "Tunisia · Middle East and North Africa" in text
    assert "Italy · Europe" in text
    assert "2 cities" in text
    assert "1 practice" in text
    assert "0 practices" in text


def test_dialogue_index_lists_dialogues(client, full_content):
    c = full_content
    response = client.get(c.dialogues.url)
    assert f'href="{c.dialogue.url}"' in html_of(response)
    assert "Virtual" in visible_text(response)


# -- Minimal content: nothing made up, nothing broken ----------------------------------------


def test_minimal_practice_says_it_is_not_verified_and_omits_empty_sections(
    client, minimal_content
):
    c = minimal_content
    response = client.get(c.practice.url)
    html, text = html_of(response), visible_text(response)

    assert "Not verified yet" in text
    assert "Last verified" not in text
    assert f'<a href="{c.city.url}">Banjul</a>' in html
    assert "Active" in text  # the default status
    for heading in ["Partners", "Barriers it addresses", "Source", "Contact", "Results"]:
        assert f">{heading}</h2>" not in html, heading


def test_minimal_city_omits_what_is_not_known(client, minimal_content):
    c = minimal_content
    response = client.get(c.city.url)
    html, text = html_of(response), visible_text(response)

    assert "Gambia" in text
    assert "Africa" in text
    for absent in ["Population", "Key figures", "Governance bodies", "Focal point"]:
        assert absent not in text, absent
    assert f'href="{c.practice.url}"' in html
    assert f'href="{c.barrier.url}"' in html


def test_minimal_barrier_says_no_practice_addresses_it_yet(client, minimal_content):
    c = minimal_content
    text = visible_text(client.get(c.barrier.url))
    assert "No published practice is linked to it yet." in text
    assert "Trust" in text  # the factory's category
