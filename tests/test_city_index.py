"""The city index: filters by region and country, pages, and bad input answered with a 400."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import quote, urlencode

import pytest

from taxonomy.models import Region

from .factories import CityProfilePageFactory, PracticePageFactory
from .helpers import html_of, visible_text

pytestmark = pytest.mark.django_db

CITIES = [
    ("Gwangju", "KR", "asia-pacific"),
    ("Montevideo", "UY", "americas"),
    ("Rabat", "MA", "mena"),
    ("Sousse", "TN", "mena"),
    ("Tunis", "TN", "mena"),
    ("Turin", "IT", "europe"),
]


@pytest.fixture
def cities(site_tree):
    made = {
        title: CityProfilePageFactory(
            parent=site_tree.cities,
            title=title,
            country=country,
            region=Region.objects.get(slug=region),
        )
        for title, country, region in CITIES
    }
    PracticePageFactory(parent=made["Sousse"], title="Working with associations")
    return made


def listed(response) -> list[str]:
    """The titles of the city cards, in page order."""
    titles = re.findall(r'class="card__title"><a href="[^"]*">([^<]*)</a>', html_of(response))
    return [unescape(t) for t in titles]


def get(client, **params):
    return client.get("/cities/?" + urlencode(params))


def test_lists_every_published_city_in_alphabetical_order(client, cities):
    response = client.get("/cities/")
    assert response.status_code == 200
    assert listed(response) == [title for title, _, _ in CITIES]
    assert "6 cities" in visible_text(response)


def test_filter_by_region(client, cities):
    response = get(client, region="mena")
    assert response.status_code == 200
    assert listed(response) == ["Rabat", "Sousse", "Tunis"]
    assert "3 cities match the filters" in visible_text(response)
    assert listed(get(client, region="europe")) == ["Turin"]


def test_filter_by_country(client, cities):
    response = get(client, country="TN")
    assert response.status_code == 200
    assert listed(response) == ["Sousse", "Tunis"]
    assert listed(get(client, country="UY")) == ["Montevideo"]


def test_filters_combine(client, cities):
    assert listed(get(client, region="mena", country="MA")) == ["Rabat"]
    response = get(client, region="europe", country="TN")
    assert response.status_code == 200
    assert listed(response) == []
    assert "No city matches these filters." in visible_text(response)


def test_filter_form_offers_the_regions_and_the_countries_of_published_cities(client, cities):
    CityProfilePageFactory(
        parent=cities["Turin"].get_parent(), title="Lyon", country="FR", live=False
    )
    html = html_of(client.get("/cities/"))
    assert '<option value="mena">Middle East and North Africa</option>' in html
    assert '<option value="TN">Tunisia</option>' in html
    assert 'value="FR"' not in html  # only a draft city is in France


def card(response, title: str) -> str:
    """The visible text of the city card titled `title`."""
    for item in re.findall(r'<li class="card">(.*?)</li>', html_of(response), re.S):
        if f">{title}</a>" in unescape(item):
            return visible_text(item)
    raise AssertionError(f"no card for {title}")


def test_cards_show_country_region_and_practice_count(client, cities):
    response = get(client, country="TN")
    assert card(response, "Sousse") == "Sousse Tunisia · Middle East and North Africa 1 practice"
    assert card(response, "Tunis") == "Tunis Tunisia · Middle East and North Africa 0 practices"


@pytest.mark.parametrize(
    "params,field",
    [
        ({"region": "atlantis"}, "Region"),
        ({"country": "ZZ"}, "Country"),
        ({"country": "FR"}, "Country"),  # a real country, but no city there
        ({"page": "abc"}, "Page"),
        ({"page": "-1"}, "Page"),
        ({"page": "0"}, "Page"),
        ({"page": "1.5"}, "Page"),
        ({"page": "9" * 30}, "Page"),
    ],
    ids=lambda v: repr(v)[:30] if isinstance(v, dict) else v,
)
def test_bad_filter_is_a_400_with_a_readable_message(client, cities, params, field):
    response = get(client, **params)

    assert response.status_code == 400
    text = visible_text(response)
    assert "The filters could not be applied" in text
    assert f"{field}:" in text
    assert 'role="alert"' in html_of(response)
    # The visitor still gets the whole list.
    assert listed(response) == [title for title, _, _ in CITIES]


def test_a_nul_character_in_a_filter_is_refused_before_the_listing(client, cities):
    # No link holds one; PostgreSQL refuses it in any query (exchange/request_guard.py).
    response = get(client, region="mena\x00")
    assert response.status_code == 400
    assert "The address holds a character the site does not accept." in visible_text(response)


@pytest.mark.parametrize(
    "query",
    [
        "region=" + "x" * 20_000,
        "country=" + quote("ñ" * 5000),
        "&".join(f"junk{i}={'y' * 50}" for i in range(500)),
        quote("<script>alert(1)</script>") + "=" + quote("'\"><") * 1000,
        "page=" + "%FF" * 2000,
    ],
    ids=["long region", "long country", "many params", "markup", "bad bytes"],
)
def test_long_junk_query_string_never_breaks_the_page(client, cities, query):
    response = client.get("/cities/?" + query)
    assert response.status_code in (200, 400)
    assert "<script>alert(1)</script>" not in html_of(response)


def test_pagination(client, cities, monkeypatch):
    monkeypatch.setattr("cities.listings.CITIES_PER_PAGE", 2)

    first = client.get("/cities/")
    assert listed(first) == ["Gwangju", "Montevideo"]
    assert 'href="?page=2"' in html_of(first)
    assert listed(get(client, page=2)) == ["Rabat", "Sousse"]
    last = get(client, page=3)
    assert listed(last) == ["Tunis", "Turin"]
    assert 'rel="next"' not in html_of(last)
    # A page past the end shows the last page rather than an error.
    beyond = get(client, page=99)
    assert beyond.status_code == 200
    assert listed(beyond) == ["Tunis", "Turin"]


def test_pagination_keeps_the_filters(client, cities, monkeypatch):
    monkeypatch.setattr("cities.listings.CITIES_PER_PAGE", 2)

    first = get(client, region="mena")
    assert listed(first) == ["Rabat", "Sousse"]
    assert 'href="?region=mena&amp;page=2"' in html_of(first)
    second = get(client, region="mena", page=2)
    assert listed(second) == ["Tunis"]
    assert "3 cities match the filters" in visible_text(second)


def test_draft_and_private_cities_are_not_listed(client, cities):
    cities["Turin"].unpublish()
    assert "Turin" not in listed(client.get("/cities/"))
    assert get(client, country="IT").status_code == 400  # no published city in Italy left
