"""The search page /search/: what a visitor sees and can click, with and without filters."""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from bs4 import BeautifulSoup

from ..helpers import count_queries, visible_text

URL = "/search/"


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def params(href: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(href).query)


def checkbox(soup: BeautifulSoup, facet: str, value: str):
    return soup.find("input", attrs={"type": "checkbox", "name": facet, "value": value})


def option_text(soup: BeautifulSoup, facet: str, value: str) -> str:
    box = checkbox(soup, facet, value)
    assert box is not None, f"no checkbox for {facet}={value}"
    return " ".join(soup.find("label", attrs={"for": box["id"]}).get_text().split())


def result_titles(soup: BeautifulSoup) -> list[str]:
    return [a.get_text(strip=True) for a in soup.select(".search-results .card__title a")]


def chips(soup: BeautifulSoup) -> dict[str, str]:
    """Chip text (without the hidden "Remove ") -> its link."""
    found = {}
    for link in soup.select(".chips--removable a"):
        hidden = link.find(class_="visually-hidden")
        if hidden:
            hidden.extract()
        found[" ".join(link.get_text().replace("\u00d7", "").split())] = link["href"]
    return found


def test_everything_with_facet_counts(client, search_corpus):
    response = client.get(URL)
    assert response.status_code == 200
    soup = soup_of(response)
    assert "12 results" in visible_text(response)
    assert len(soup.select(".search-results > li")) == 12
    assert option_text(soup, "type", "practice") == "Practice (5)"
    assert option_text(soup, "type", "city") == "City (3)"
    assert option_text(soup, "theme", "rights-and-legal-status") == "Rights and legal status (6)"
    assert option_text(soup, "status", "active") == "Active (3)"
    assert option_text(soup, "city", "sao-paulo") == "São Paulo (4)"
    assert not soup.select("input[type=checkbox][checked]")
    # Every group is a fieldset with a legend, inside a <details>.
    for group in soup.select("details.facet"):
        assert group.find("summary") and group.find("fieldset").find("legend")
    # Nothing selected: no chips, no "Clear all" among them.
    assert not soup.select(".chips--removable")


def test_result_card_shows_type_city_year_themes_status(client, search_corpus):
    soup = soup_of(client.get(URL, {"q": "domestic workers"}))
    card = soup.select(".search-results > li")[0]
    text = " ".join(card.get_text().split())
    link = card.select_one(".card__title a")
    assert link.get_text(strip=True) == "Domestic workers desk"
    assert link["href"] == search_corpus.desk.url
    assert text.startswith("Practice")
    for fragment in ("Sousse", "2021", "Active", "Rights and legal status", "Safety and violence"):
        assert fragment in text
    assert card.find("mark") is not None


def test_selected_values_checked_with_chips_that_remove_one_value(client, search_corpus):
    response = client.get(
        URL, {"theme": ["safety-and-violence", "economic-empowerment"], "status": "active"}
    )
    soup = soup_of(response)
    assert response.status_code == 200
    # OR within the theme facet, AND with the status: only the Sousse desk is active.
    assert result_titles(soup) == ["Domestic workers desk"]
    assert "1 result" in visible_text(response)
    assert checkbox(soup, "theme", "safety-and-violence").has_attr("checked")
    assert checkbox(soup, "status", "active").has_attr("checked")
    assert not checkbox(soup, "status", "completed").has_attr("checked")

    found = chips(soup)
    assert params(found["Challenge: Safety and violence"]) == {
        "theme": ["economic-empowerment"],
        "status": ["active"],
    }
    assert params(found["Status: Active"]) == {
        "theme": ["safety-and-violence", "economic-empowerment"]
    }
    assert found["Clear all"] == URL


def test_chip_links_go_back_to_the_first_page_and_keep_the_rest(client, search_corpus):
    soup = soup_of(client.get(URL, {"type": "practice", "q": "migrant", "per_page": 1, "page": 2}))
    found = chips(soup)
    assert params(found["Type: Practice"]) == {"q": ["migrant"], "per_page": ["1"]}
    assert params(found["Words: migrant"]) == {"type": ["practice"], "per_page": ["1"]}


def test_selected_value_without_matches_still_shown(client, search_corpus):
    soup = soup_of(client.get(URL, {"theme": "safety-and-violence", "status": "planned"}))
    assert option_text(soup, "status", "planned") == "Planned (0)"
    assert checkbox(soup, "status", "planned").has_attr("checked")
    assert option_text(soup, "theme", "safety-and-violence") == "Safety and violence (0)"


def test_empty_state_says_which_filter_to_drop(client, search_corpus):
    response = client.get(URL, {"theme": "safety-and-violence", "status": "planned"})
    assert response.status_code == 200
    assert "0 results" in visible_text(response)
    links = {
        " ".join(a.get_text().split()): a["href"]
        for a in soup_of(response).select(".search__suggestions a")
    }
    assert links == {
        "Remove Status: Planned (3 results)": f"{URL}?theme=safety-and-violence",
        "Remove Challenge: Safety and violence (1 result)": f"{URL}?status=planned",
    }
    # The promised counts are what the links give.
    assert "3 results" in visible_text(client.get(links["Remove Status: Planned (3 results)"]))


def test_empty_state_offers_dropping_the_words_and_years(client, search_corpus):
    def suggestions(query: dict) -> list[str]:
        soup = soup_of(client.get(URL, query))
        return [" ".join(a.get_text().split()) for a in soup.select(".search__suggestions a")]

    # "shopkeepers" is only in a Turin practice of 2018.
    assert suggestions({"q": "shopkeepers", "type": "city"}) == [
        "Remove the words “shopkeepers” (3 results)",
        "Remove Type: City (1 result)",
    ]
    assert suggestions({"q": "shopkeepers", "year_from": 2019}) == [
        "Remove the words “shopkeepers” (5 results)",
        "Remove the year range (1 result)",
    ]


def test_pagination_keeps_every_other_parameter(client, search_corpus):
    query = {"type": ["practice", "city"], "q": "migrant", "per_page": 2, "page": 2}
    response = client.get(URL, query)
    soup = soup_of(response)
    nav = soup.select_one("nav.pagination")
    assert nav is not None
    kept = {"type": ["practice", "city"], "q": ["migrant"], "per_page": ["2"]}
    previous = nav.find("a", rel="prev")
    following = nav.find("a", rel="next")
    assert params(previous["href"]) == {**kept, "page": ["1"]}
    assert params(following["href"]) == {**kept, "page": ["3"]}
    current = nav.select_one("[aria-current=page]")
    assert params(current["href"]) == {**kept, "page": ["2"]}
    assert current.get_text(strip=True).endswith("2")
    assert soup.select_one(".search-results")["start"] == "3"
    # The CSV of the same search, whatever the page.
    export = soup.select_one(".search__export a")["href"]
    assert export.startswith("/api/search/export.csv?")
    assert params(export) == {"type": ["practice", "city"], "q": ["migrant"]}


def test_a_page_past_the_end_links_back_to_the_first(client, search_corpus):
    response = client.get(URL, {"page": 50})
    assert response.status_code == 200
    link = soup_of(response).find("a", string="Go to the first page")
    assert params(link["href"]) == {"page": ["1"]}


def test_facets_without_options_are_hidden(client, search_corpus):
    soup = soup_of(client.get(URL, {"type": "dialogue"}))
    names = {box["name"] for box in soup.select("input[type=checkbox]")}
    assert "type" in names  # other types still counted, ignoring the type selection
    assert "status" not in names  # a dialogue has no status


def test_form_works_without_javascript(client, search_corpus):
    soup = soup_of(client.get(URL, {"q": "desk", "sort": "title", "per_page": 5}))
    form = soup.find("form", id="search-form")
    assert form["method"] == "get" and form["action"] == URL
    assert form.find("button", type="submit") is not None
    assert soup.find("label", attrs={"for": "search-q"}) is not None
    assert form.find("input", attrs={"name": "q"})["value"] == "desk"
    assert (
        form.find("select", attrs={"name": "sort"}).find("option", selected=True)["value"]
        == "title"
    )
    assert form.find("input", attrs={"name": "per_page", "type": "hidden"})["value"] == "5"
    # The script is an enhancement from our own host: no inline script, no inline style.
    scripts = soup.find_all("script")
    assert [s.get("src") for s in scripts] == ["/static/js/search.js"]
    assert all(s.has_attr("defer") and not s.string for s in scripts)
    assert not soup.select("[style]") and not soup.find("style")


def test_title_reflects_the_search(client, search_corpus):
    soup = soup_of(client.get(URL, {"q": "domestic", "page": 1}))
    assert soup.title.get_text() == "“domestic” · Search · The Exchange"
    assert soup_of(client.get(URL)).title.get_text() == "Search · The Exchange"


def test_nav_links_to_search(client, search_corpus):
    soup = soup_of(client.get(search_corpus.tree.home.url))
    nav_link = soup.select_one(".primary-nav a[href='/search/']")
    assert nav_link is not None and "Search" in nav_link.get_text()
    header_form = soup.select_one("form.site-search")
    assert header_form["action"] == URL and header_form.find("input", attrs={"name": "q"})
    # The home page's challenges lead to the search, filtered by that challenge.
    theme_link = soup.select_one(".theme-list a[href='/search/?theme=safety-and-violence']")
    assert theme_link is not None


def test_engine_notice_is_shown(client, search_corpus, monkeypatch):
    from search import views

    real_run = views.run

    def run_with_notice(query):
        results = real_run(query)
        results.notice = "The main search service is not answering."
        return results

    monkeypatch.setattr(views, "run", run_with_notice)
    soup = soup_of(client.get(URL))
    notice = soup.select_one("[role=status]")
    assert notice is not None and "not answering" in notice.get_text()


BAD = [
    ({"theme": "no-such-theme"}, "theme", "Unknown challenge: no-such-theme."),
    ({"page": "two"}, "page", "Enter a whole number."),
    ({"per_page": "101"}, "per_page", "less than or equal to 100"),
    ({"year_from": "2020", "year_to": "2010"}, "year_to", "must not be before"),
    ({"q": "x" * 201}, "q", "200 characters or fewer"),
    ({"sort": "popular"}, "sort", "popular is not one of the available choices"),
]


@pytest.mark.parametrize(("query", "param", "message"), BAD, ids=[b[1] for b in BAD])
def test_bad_parameter_shows_message_and_400(client, search_corpus, query, param, message):
    response = client.get(URL, {**query, "type": "practice"})
    assert response.status_code == 400
    soup = soup_of(response)
    alert = soup.select_one("[role=alert]")
    assert alert is not None and message in " ".join(alert.get_text().split())
    assert not soup.select(".search-results")
    assert soup.title.get_text().startswith("Error:")
    # The way out keeps the good parameters and drops the bad one.
    way_out = alert.find("a", href=lambda h: h and h.startswith(URL + "?"))
    assert params(way_out["href"]).get(param) is None
    assert params(way_out["href"])["type"] == ["practice"]
    assert client.get(way_out["href"]).status_code == 200


def test_bad_year_is_marked_on_its_field(client, search_corpus):
    soup = soup_of(client.get(URL, {"year_from": "2020", "year_to": "2010"}))
    field = soup.find("input", id="search-year-to")
    assert field["aria-invalid"] == "true"
    assert "must not be before" in soup.find(id=field["aria-describedby"]).get_text()
    assert field["value"] == "2010"


@pytest.mark.parametrize("q", ["", "shelter", "practice", "city", "secret"])
def test_hidden_content_never_shown(client, search_corpus, q):
    response = client.get(URL, {"q": q} if q else {})
    assert response.status_code == 200
    text = " ".join(
        [t.get_text() for t in soup_of(response).select(".search-results, .search__filters")]
    ).lower()
    for secret in search_corpus.secrets:
        assert secret.lower() not in text
    for page in (search_corpus.draft, search_corpus.private, search_corpus.orphan):
        assert page.title not in response.content.decode()


def test_unfiltered_page_names_no_hidden_content_anywhere(client, search_corpus):
    html = client.get(URL).content.decode().lower()
    for secret in search_corpus.secrets:
        assert secret.lower() not in html


@pytest.mark.parametrize(
    "extra", [{}, {"theme": "rights-and-legal-status", "q": "migrant"}], ids=["all", "filtered"]
)
def test_query_count_does_not_grow_with_page_size(client, search_corpus, extra):
    few = count_queries(client, f"{URL}?{urlencode({**extra, 'per_page': 1}, doseq=True)}")
    many = count_queries(client, f"{URL}?{urlencode({**extra, 'per_page': 20}, doseq=True)}")
    assert few == many


def test_what_was_typed_is_shown_as_text_never_as_markup(client, search_corpus):
    typed = '<script>alert("x")</script>'
    for query in ({"q": typed}, {"q": typed, "theme": "nope"}, {"q": typed, "type": "city"}):
        response = client.get(URL, query)
        assert response.status_code in (200, 400)
        html = response.content.decode()
        assert typed not in html
        assert "&lt;script&gt;" in html


# What a GET form sends when nothing is typed: empty fields and the default order.
FORM_AS_SENT = {"q": "", "year_from": "", "year_to": "", "sort": "relevance"}


def test_links_leave_out_empty_fields_and_defaults(client, search_corpus):
    response = client.get(URL, {**FORM_AS_SENT, "type": "practice", "per_page": 1, "page": 2})
    soup = soup_of(response)
    hrefs = [a["href"] for a in soup.select("main a[href*='?']")]
    assert hrefs
    for href in hrefs:
        raw = parse_qs(urlsplit(href).query, keep_blank_values=True)
        assert not [name for name, values in raw.items() if "" in values], href
        assert raw.get("sort") != ["relevance"], href
    nav = soup.select_one("nav.pagination")
    assert params(nav.find("a", rel="prev")["href"]) == {
        "type": ["practice"],
        "per_page": ["1"],
        "page": ["1"],
    }
    assert params(chips(soup)["Type: Practice"]) == {"per_page": ["1"]}
    # A chosen order is not a default: it stays.
    soup = soup_of(client.get(URL, {**FORM_AS_SENT, "type": "practice", "sort": "title"}))
    assert params(chips(soup)["Type: Practice"]) == {"sort": ["title"]}


def test_filters_fold_under_a_summary_that_counts_them(client, search_corpus):
    soup = soup_of(client.get(URL, {"theme": "rights-and-legal-status", "status": "active"}))
    disclosure = soup.select_one("details.filters-disclosure")
    assert disclosure is not None and not disclosure.has_attr("open")
    assert disclosure.summary.get_text(strip=True) == "Filters (2)"
    assert disclosure.select_one("#f-status-active") is not None
    years = soup_of(client.get(URL, {"year_from": 2019, "type": "practice"}))
    assert years.select_one(".filters-disclosure > summary").get_text(strip=True) == "Filters (2)"
    bare = soup_of(client.get(URL))
    assert bare.select_one(".filters-disclosure > summary").get_text(strip=True) == "Filters (0)"
    # A wrong filter is shown unfolded, with its message.
    wrong = soup_of(client.get(URL, {"year_from": "soon"}))
    assert wrong.select_one("details.filters-disclosure").has_attr("open")


def test_skip_link_to_the_results_comes_before_the_filters(client, search_corpus):
    soup = soup_of(client.get(URL, {"theme": "rights-and-legal-status"}))
    skip = soup.select_one("main a[href='#results']")
    assert skip is not None and skip.get_text(strip=True) == "Skip to results"
    results = soup.select_one("#results")
    assert results["tabindex"] == "-1"
    assert results.select_one(".search-results") is not None
    order = [el for el in soup.select("main a[href='#results'], main .filters-disclosure")]
    assert order[0] is skip


def test_compare_links_carry_the_search(client, search_corpus):
    response = client.get(
        URL,
        {**FORM_AS_SENT, "q": "migrant", "theme": "rights-and-legal-status", "page": 1},
    )
    links = [a["href"] for a in soup_of(response).select(".compare-add a")]
    assert links
    for href in links:
        assert urlsplit(href).path == "/compare/"
        carried = parse_qs(params(href)["search"][0], keep_blank_values=True)
        assert carried == {"q": ["migrant"], "theme": ["rights-and-legal-status"]}
