"""A city's page lists its practices a page at a time, with a way to the search."""

from __future__ import annotations

import pytest

from practices import listings

from .factories import CityProfilePageFactory, PracticePageFactory
from .helpers import count_queries, visible_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def city(site_tree, monkeypatch):
    monkeypatch.setattr(listings, "PRACTICES_PER_PAGE", 2)
    city = CityProfilePageFactory(parent=site_tree.cities, title="Turin", slug="turin")
    for title in ("Delta", "Alpha", "Charlie", "Bravo", "Echo"):
        PracticePageFactory(parent=city, title=title)
    return city


def titles(response) -> list[str]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(response.content, "html.parser")
    section = soup.find("h2", id="practices-heading").parent
    return [a.get_text(strip=True) for a in section.select(".cards h3 a")]


def test_practices_come_a_page_at_a_time_by_title(client, city):
    first = client.get(city.url)
    assert first.status_code == 200
    assert titles(first) == ["Alpha", "Bravo"]
    text = visible_text(first)
    assert "Practices 1 to 2 of 5, by title." in text
    assert "/search/?type=practice&amp;city=turin" in first.content.decode()
    assert b'aria-label="Pages of practices"' in first.content
    assert titles(client.get(city.url + "?page=2")) == ["Charlie", "Delta"]
    assert titles(client.get(city.url + "?page=3")) == ["Echo"]
    # Past the end: the last page, as the city index does.
    assert titles(client.get(city.url + "?page=40")) == ["Echo"]


def test_a_short_list_has_no_page_navigation(client, site_tree):
    city = CityProfilePageFactory(parent=site_tree.cities, title="Sousse", slug="sousse")
    PracticePageFactory(parent=city, title="Only one")
    response = client.get(city.url)
    assert titles(response) == ["Only one"]
    assert b"Pages of practices" not in response.content
    assert "by title" not in visible_text(response)


@pytest.mark.parametrize("page", ["abc", "0", "-3", "99999999", "1.5", "%3Cscript%3E"])
def test_a_bad_page_number_is_a_400_with_the_first_page(client, city, page):
    response = client.get(f"{city.url}?page={page}")
    assert response.status_code == 400
    assert "That page of practices does not exist" in visible_text(response)
    assert titles(response) == ["Alpha", "Bravo"]
    assert b"<script>" not in response.content


def test_query_count_does_not_depend_on_the_page_or_the_number_of_practices(client, city):
    first = count_queries(client, city.url)
    later = count_queries(client, city.url + "?page=3")
    for n in range(10):
        PracticePageFactory(parent=city, title=f"Zulu {n}")
    assert count_queries(client, city.url + "?page=2") == first == later
