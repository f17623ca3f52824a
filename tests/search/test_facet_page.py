"""Facets with many values (cities and tags at network scale): the search page lists the
most frequent ones and links to a page of their own with all of them, for the same search."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search import views

from ..factories import CityProfilePageFactory
from ..helpers import count_queries, visible_text
from .test_search_page import checkbox, option_text, soup_of


@pytest.fixture
def short_lists(monkeypatch):
    """One option on show and one under "Show more": the three cities overflow both."""
    monkeypatch.setattr(views, "TOP_OPTIONS", 1)
    monkeypatch.setattr(views, "MORE_OPTIONS", 1)


def test_a_long_facet_links_to_all_its_values_keeping_the_search(
    client, search_corpus, short_lists
):
    soup = soup_of(client.get("/search/", {"type": "practice", "sort": "title", "page": 2}))
    group = checkbox(soup, "city", "sao-paulo").find_parent("details", class_="facet")
    # Two of the three cities on the page, the third behind the link.
    assert len(group.select("input[name=city]")) == 2
    link = group.select_one(".facet__all a")
    assert " ".join(link.get_text().split()) == "See all 3 values of “City”"
    href = urlsplit(link["href"])
    assert href.path == "/search/filters/city/"
    assert parse_qs(href.query) == {"type": ["practice"], "sort": ["title"]}
    # Exactly the facets with more values than both lists hold have the link.
    facets = client.get("/api/search/", {"type": "practice"}).json()["facets"]
    for name, options in facets.items():
        box = soup.find("input", attrs={"type": "checkbox", "name": name})
        if box is None:
            assert not options
            continue
        link = box.find_parent("details", class_="facet").select_one(".facet__all a")
        assert (link is not None) == (len(options) > 2), name


def test_a_selected_value_beyond_the_lists_stays_on_the_search_page(
    client, search_corpus, short_lists
):
    soup = soup_of(client.get("/search/", {"city": "turin"}))
    # Turin is the least frequent city, yet ticked: it is shown, checked, under "Show more".
    box = checkbox(soup, "city", "turin")
    assert box is not None and box.has_attr("checked")
    assert box.find_parent("details", class_="facet__more").has_attr("open")


def test_the_facet_page_lists_every_value_with_its_count_for_the_search(client, search_corpus):
    response = client.get("/search/filters/city/", {"type": "practice", "sort": "title"})
    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.h1.get_text(strip=True) == "Filter by “City”"
    labels = [
        " ".join(label.get_text().split()) for label in soup.select(".facet-page__options label")
    ]
    # Alphabetical, counts of practices only (the search's filter holds).
    assert labels == ["São Paulo (2)", "Sousse (1)", "Turin (2)"]
    assert "5 results" in visible_text(response)
    # Lyon is unpublished: its live practice is not a public document, its name never shows.
    assert "Lyon" not in response.content.decode()
    form = soup.select_one("form.facet-page")
    assert form["action"] == "/search/" and form["method"] == "get"
    hidden = {(i["name"], i["value"]) for i in form.select("input[type=hidden]")}
    assert hidden == {("type", "practice"), ("sort", "title")}


def test_the_facet_page_keeps_what_is_selected_and_counts_disjunctively(client, search_corpus):
    soup = soup_of(client.get("/search/filters/city/", {"city": "sousse", "page": 3}))
    assert checkbox(soup, "city", "sousse").has_attr("checked")
    assert not checkbox(soup, "city", "turin").has_attr("checked")
    # Counting a facet ignores its own selection: Turin still counts everything of Turin.
    assert option_text(soup, "city", "turin") == option_text(
        soup_of(client.get("/search/")), "city", "turin"
    )
    # The city values are the checkboxes, not hidden fields; the page number is dropped.
    assert not soup.select("form.facet-page input[type=hidden]")


def test_applying_the_facet_page_gives_the_search_with_the_ticked_values(client, search_corpus):
    soup = soup_of(client.get("/search/filters/city/", {"theme": "rights-and-legal-status"}))
    form = soup.select_one("form.facet-page")
    data = {i["name"]: i["value"] for i in form.select("input[type=hidden]")}
    data["city"] = checkbox(soup, "city", "sao-paulo")["value"]
    response = client.get(form["action"], data)
    assert response.status_code == 200
    assert checkbox(soup_of(response), "city", "sao-paulo").has_attr("checked")
    assert checkbox(soup_of(response), "theme", "rights-and-legal-status").has_attr("checked")


def test_unknown_facet_is_404_and_bad_parameters_400(client, search_corpus):
    assert client.get("/search/filters/colour/").status_code == 404
    response = client.get("/search/filters/city/", {"per_page": "lots"})
    assert response.status_code == 400
    assert "could not be run" in visible_text(response)
    response = client.get("/search/filters/tag/", {"city": "atlantis"})
    assert response.status_code == 400


def test_the_facet_page_reads_as_many_queries_for_one_value_as_for_all(client, search_corpus):
    few = count_queries(client, "/search/filters/type/")
    many = count_queries(client, "/search/filters/city/")
    assert few == many


def test_city_labels_are_read_once_per_version_of_the_documents(client, search_corpus):
    client.get("/search/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/search/")
    assert option_text(soup_of(response), "city", "sao-paulo") == "São Paulo (4)"
    assert not [q for q in queries if "DISTINCT" in q["sql"] and "label" in q["sql"]]
    # A new public city is a new version of the documents: its label is read again.
    from search import index

    city = CityProfilePageFactory(
        parent=search_corpus.tree.cities, title="Nouakchott", slug="nouakchott", country="MR"
    )
    index.sync([city.pk])
    assert option_text(soup_of(client.get("/search/")), "city", "nouakchott") == "Nouakchott (1)"
