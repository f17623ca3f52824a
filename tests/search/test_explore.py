"""The explore pages: the theme matrix (/explore/matrix/) and the insights (/explore/).

Counts are checked against the corpus of conftest.py and against the search itself: a cell
must show what the search lists for the cell's link.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.http import QueryDict

from search import explore, index
from search.charts import bar_chart
from search.query import parse
from search.results import run
from taxonomy.models import BarrierCategory, Region, Theme

from ..factories import BarrierPageFactory, CityProfilePageFactory, PracticePageFactory
from ..helpers import count_queries, visible_text
from ..test_deployment import INLINE_CODE
from ..worlds import term

MATRIX = "/explore/matrix/"
INSIGHTS = "/explore/"


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def table(soup: BeautifulSoup, table_id: str) -> dict:
    """{"columns": [...], "rows": {row label: {column label: cell text}}} of a matrix."""
    found = soup.find("table", id=table_id)
    assert found is not None, table_id
    columns = [th.get_text(" ", strip=True) for th in found.thead.find_all("th")][1:]
    rows = {}
    for tr in [*found.tbody.find_all("tr"), *found.tfoot.find_all("tr")]:
        label = tr.th.get_text(" ", strip=True)
        cells = [td.get_text(" ", strip=True) for td in tr.find_all("td")]
        rows[label] = dict(zip(columns, cells, strict=True))
    return {"columns": columns, "rows": rows}


def search_total(url: str) -> int:
    parts = urlsplit(url)
    assert parts.path == "/search/"
    query, errors = parse(QueryDict(parts.query))
    assert not errors, (url, errors)
    return run(query).total


# Theme matrix


@pytest.mark.parametrize(
    "params", ["", "?columns=region", "?columns=city", "?columns=city&region=europe"]
)
def test_every_matrix_count_equals_what_the_search_shows_for_its_link(
    client, search_corpus, params
):
    response = client.get(MATRIX + params)
    assert response.status_code == 200
    soup = soup_of(response)
    links = soup.select("table.matrix__table td a")
    assert links
    for link in links:
        assert int(link.get_text()) == search_total(link["href"]), link["href"]


def test_matrix_by_region_counts_public_practices(client, search_corpus):
    soup = soup_of(client.get(MATRIX))
    matrix = table(soup, "theme-matrix")
    assert matrix["columns"] == [
        *Region.objects.values_list("name", flat=True),
        "Total",
    ]
    rows = matrix["rows"]
    europe, americas, mena = (term(Region, s).name for s in ("europe", "americas", "mena"))
    rights = term(Theme, "rights-and-legal-status").name
    inclusion = term(Theme, "inclusion-and-participation").name
    safety = term(Theme, "safety-and-violence").name
    assert rows[rights][americas] == "2"
    assert rows[rights][mena] == "1"
    assert rows[rights]["Total"] == "3"
    assert rows[inclusion][europe] == "2"
    # The draft (Turin) and the private practice (Sousse) are about safety: never counted.
    assert rows[safety][mena] == "1"
    assert rows[safety]["Total"] == "1"
    # Totals count a practice once, whatever its number of challenges.
    assert rows["All practices"]["Total"] == "5"
    assert rows["All practices"][europe] == "2"


def test_empty_cells_are_visible_gaps_read_as_none(client, search_corpus):
    soup = soup_of(client.get(MATRIX))
    europe = term(Region, "europe").name
    safety = term(Theme, "safety-and-violence").name
    matrix = table(soup, "theme-matrix")
    assert matrix["rows"][safety][europe] == "0 none"
    gaps = soup.select("#theme-matrix td.matrix__gap")
    assert gaps
    for gap in gaps:
        assert gap.find("a") is None
        assert gap.select_one(".visually-hidden").get_text() == "none"


def test_cells_link_to_the_filtered_search(client, search_corpus):
    soup = soup_of(client.get(MATRIX))
    hrefs = {a["href"] for a in soup.select("#theme-matrix td a")}
    assert "/search/?type=practice&theme=rights-and-legal-status&region=americas" in hrefs
    assert "/search/?type=practice&theme=rights-and-legal-status" in hrefs  # row total
    assert "/search/?type=practice&region=europe" in hrefs  # column total
    soup = soup_of(client.get(MATRIX + "?columns=city"))
    hrefs = {a["href"] for a in soup.select("#theme-matrix td a")}
    assert "/search/?type=practice&theme=rights-and-legal-status&city=sao-paulo" in hrefs


def test_city_columns_are_public_cities_with_practices_by_name(client, search_corpus):
    soup = soup_of(client.get(MATRIX + "?columns=city"))
    matrix = table(soup, "theme-matrix")
    # São Paulo sorts as "Sao Paulo"; Lyon is unpublished.
    assert matrix["columns"] == ["São Paulo", "Sousse", "Turin", "Total"]
    inclusion = term(Theme, "inclusion-and-participation").name
    assert matrix["rows"][inclusion] == {
        "São Paulo": "1",
        "Sousse": "0 none",
        "Turin": "2",
        "Total": "3",
    }
    narrowed = table(soup_of(client.get(MATRIX + "?columns=city&region=europe")), "theme-matrix")
    assert narrowed["columns"] == ["Turin", "Total"]
    assert narrowed["rows"]["All practices"] == {"Turin": "2", "Total": "2"}


def test_city_columns_come_a_page_at_a_time(client, search_corpus, monkeypatch):
    monkeypatch.setattr(explore, "CITY_COLUMNS_PER_PAGE", 2)
    soup = soup_of(client.get(MATRIX + "?columns=city"))
    assert table(soup, "theme-matrix")["columns"] == ["São Paulo", "Sousse", "Total"]
    assert "Cities 1 to 2 of 3, by name." in soup.get_text()
    nav = soup.select_one(
        'nav[aria-label="Pages of cities: Public practices by challenge and city"]'
    )
    assert nav.select_one("a[rel=next]")["href"] == "?columns=city&page=2"
    second = soup_of(client.get(MATRIX + "?columns=city&page=2"))
    matrix = table(second, "theme-matrix")
    assert matrix["columns"] == ["Turin", "Total"]
    # Totals count every city of the scope, not only the cities on the page.
    assert matrix["rows"]["All practices"] == {"Turin": "2", "Total": "5"}
    # The barrier matrix has two cities: one page, no navigation; past its end it stays whole.
    assert table(second, "barrier-matrix")["columns"] == ["Sousse", "Turin", "Total"]
    assert len(second.select("nav.pagination")) == 1
    # Past the last page: the last page.
    far = table(soup_of(client.get(MATRIX + "?columns=city&page=99")), "theme-matrix")
    assert far["columns"] == ["Turin", "Total"]


def test_a_city_without_public_practices_gets_no_column(client, search_corpus):
    CityProfilePageFactory(parent=search_corpus.tree.cities, title="Rabat", slug="rabat")
    index.rebuild()
    soup = soup_of(client.get(MATRIX + "?columns=city"))
    assert "Rabat" not in table(soup, "theme-matrix")["columns"]


def test_barrier_categories_by_city(client, search_corpus):
    soup = soup_of(client.get(MATRIX))
    matrix = table(soup, "barrier-matrix")
    assert matrix["columns"] == ["Sousse", "Turin", "Total"]
    trust = term(BarrierCategory, "trust").name
    mandate = term(BarrierCategory, "mandate-and-resources").name
    # The dialogue's "mistrust" finding was reported by Turin and Sousse.
    assert matrix["rows"][trust] == {"Sousse": "1", "Turin": "1", "Total": "1"}
    assert matrix["rows"][mandate] == {"Sousse": "1", "Turin": "0 none", "Total": "1"}
    assert matrix["rows"]["All barrier records"]["Total"] == "2"
    hrefs = {a["href"] for a in soup.select("#barrier-matrix td a")}
    assert "/search/?type=barrier&barrier=trust&city=sousse" in hrefs
    europe = table(soup_of(client.get(MATRIX + "?region=europe")), "barrier-matrix")
    assert europe["columns"] == ["Turin", "Total"]


def test_the_form_keeps_the_choice(client, search_corpus):
    soup = soup_of(client.get(MATRIX + "?columns=city&region=europe"))
    assert soup.select_one("#matrix-columns option[selected]")["value"] == "city"
    assert soup.select_one("#matrix-region option[selected]")["value"] == "europe"
    assert soup.select_one("label[for=matrix-region]")


@pytest.mark.parametrize(
    "params, message",
    [
        ("?columns=country", "Choose columns by"),
        ("?columns=", None),  # empty: the default, fine
        ("?region=atlantis", "There is no region “atlantis”."),
        ("?columns=city&region=" + "x" * 500, "There is no region"),
        ("?region=%3Cscript%3Ealert(1)%3C/script%3E", "There is no region"),
        ("?columns=city&page=abc", "The page must be a whole number"),
        ("?columns=city&page=0", "The page must be a whole number"),
        ("?columns=city&page=-1", "The page must be a whole number"),
        ("?columns=city&page=99999999999999999999", "The page must be a whole number"),
    ],
)
def test_bad_parameters_get_a_400_with_the_message(client, search_corpus, params, message):
    response = client.get(MATRIX + params)
    if message is None:
        assert response.status_code == 200
        return
    assert response.status_code == 400
    assert message in visible_text(response)
    assert "<script>alert" not in response.content.decode()
    assert soup_of(response).select_one("[role=alert]")


# Insights


def chart_data(soup: BeautifulSoup, chart_id: str) -> dict[str, str]:
    caption = soup.find(id=f"{chart_id}-table-caption")
    assert caption is not None, chart_id
    rows = caption.find_parent("table").tbody.find_all("tr")
    return {tr.th.get_text(strip=True): tr.td.get_text(strip=True) for tr in rows}


def test_insights_count_public_practices(client, search_corpus):
    soup = soup_of(client.get(INSIGHTS))
    label = {s: term(Theme, s).name for s in Theme.objects.values_list("slug", flat=True)}
    assert chart_data(soup, "chart-theme") == {
        label["safety-and-violence"]: "1",
        label["rights-and-legal-status"]: "3",
        label["inclusion-and-participation"]: "3",
        label["economic-empowerment"]: "1",
    }
    regions = chart_data(soup, "chart-region")
    assert regions[term(Region, "europe").name] == "2"
    assert regions[term(Region, "americas").name] == "2"
    assert regions[term(Region, "mena").name] == "1"
    assert regions[term(Region, "africa").name] == "0"
    assert chart_data(soup, "chart-status") == {
        "Planned": "1",
        "Active": "3",
        "Completed": "1",
        "Discontinued": "0",
    }
    assert chart_data(soup, "chart-evidence") == {
        "Described": "2",
        "Monitored": "1",
        "Evaluated": "2",
    }
    # The data tables link to the search; their numbers are what it finds.
    for link in soup.select(".chart__data a"):
        assert int(link.find_parent("tr").td.get_text()) == search_total(link["href"])


def test_charts_are_accessible_svg_with_their_data(client, search_corpus):
    soup = soup_of(client.get(INSIGHTS))
    charts = soup.select("figure.chart")
    assert len(charts) == 5
    for figure in charts:
        svg = figure.find("svg")
        assert svg["role"] == "img"
        title = svg.find("title")
        desc = svg.find("desc")
        assert title.get_text() and desc.get_text()
        assert svg["aria-labelledby"] == title["id"]
        assert svg["aria-describedby"] == desc["id"]
        assert svg.find_all("text")  # labels and values written out, not only bars
        details = figure.find("details")
        assert details.summary.get_text(strip=True) == "Show the data"
        data = details.find("table")
        assert data.caption.get_text(strip=True)
        assert data.select("thead th[scope=col]")
        assert data.select("tbody th[scope=row]")
    # Every number is in the description too, for screen readers.
    theme_desc = soup.select_one("#chart-theme-desc").get_text()
    assert f"{term(Theme, 'rights-and-legal-status').name}: 3" in theme_desc


def test_coverage_gaps_list_theme_and_region_without_practices(client, search_corpus):
    soup = soup_of(client.get(INSIGHTS))
    gaps = {
        li.strong.get_text(strip=True): set(
            li.get_text(strip=True).partition(":")[2].strip().split(", ")
        )
        for li in soup.select("ul.gaps li")
    }
    safety = term(Theme, "safety-and-violence").name
    rights = term(Theme, "rights-and-legal-status").name
    assert term(Region, "americas").name in gaps[safety]
    assert term(Region, "europe").name in gaps[safety]
    assert term(Region, "mena").name not in gaps[safety]
    assert term(Region, "europe").name in gaps[rights]
    # Regions with no public city are named apart, not as gaps of every challenge.
    assert not any(term(Region, "africa").name in regions for regions in gaps.values())
    section = visible_text(str(soup.find(id="gaps-heading").parent))
    assert f"Regions with no public city yet: {term(Region, 'africa').name}" in section


def test_parity_counts_cities_working_on_each_challenge(client, search_corpus):
    response = client.get(INSIGHTS)
    soup = soup_of(response)
    rows = {
        tr.th.get_text(strip=True): [td.get_text(strip=True) for td in tr.find_all("td")]
        for tr in soup.select("table.parity tbody tr")
    }
    # 3 public cities (Lyon is unpublished): half of the network is 2.
    assert rows[term(Theme, "rights-and-legal-status").name] == ["2", "3", "none: half reached"]
    assert rows[term(Theme, "inclusion-and-participation").name] == [
        "2",
        "3",
        "none: half reached",
    ]
    # Only Sousse's desk is public on safety: the draft and the private practice do not count.
    assert rows[term(Theme, "safety-and-violence").name] == ["1", "3", "1"]
    assert rows[term(Theme, "economic-empowerment").name] == ["1", "3", "1"]
    text = visible_text(response)
    assert "half of the network means at least 2 of them" in text
    for link in soup.select("table.parity a"):
        assert int(link.get_text()) == search_total(link["href"])


# Both pages


@pytest.mark.parametrize("url", [INSIGHTS, MATRIX, MATRIX + "?columns=city"])
def test_unpublished_draft_and_private_content_is_never_named(client, search_corpus, url):
    response = client.get(url)
    html = response.content.decode()
    for secret in ("Lyon", "lyon", "Secret draft", "Private shelter", "orphan", "members-only"):
        assert secret not in html
    assert not INLINE_CODE.search(html)


def test_explore_is_in_the_main_navigation(client, search_corpus):
    soup = soup_of(client.get(MATRIX))
    link = soup.select_one(".primary-nav a[href='/explore/']")
    assert link.get_text(strip=True) == "Explore"
    assert link["aria-current"] == "true"
    soup = soup_of(client.get(INSIGHTS))
    assert soup.select_one(".primary-nav a[href='/explore/']")["aria-current"] == "page"


def test_chart_labels_are_escaped():
    chart = bar_chart(
        "chart-x",
        [('<script>alert("x")</script> & co', 3, "/search/")],
        title="<b>Title</b>",
        description="Bars & more",
        label_heading="Label",
        value_heading="Value",
    )
    svg = str(chart.svg)
    assert "<script>" not in svg and "<b>" not in svg
    assert "&lt;script&gt;" in svg
    assert "&amp; co" in svg


# Query counts: the same with 3 cities or 30.

# Anonymous GETs: the index token, the vocabularies' labels, the navigation's sections and
# (matrix) the city documents.
EXPECTED_QUERIES = {
    INSIGHTS: 6,
    MATRIX: 9,
    MATRIX + "?columns=city": 8,
    MATRIX + "?columns=city&region=europe": 9,
}


def grow(corpus, extra_cities: int) -> None:
    regions = list(Region.objects.all())
    themes = list(Theme.objects.all())
    for n in range(extra_cities):
        city = CityProfilePageFactory(
            parent=corpus.tree.cities, title=f"Extra city {n}", region=regions[n % len(regions)]
        )
        PracticePageFactory(parent=city, themes=[themes[n % len(themes)]])
        BarrierPageFactory(parent=city)
    index.rebuild()


@pytest.mark.parametrize("url", list(EXPECTED_QUERIES))
def test_query_count_is_the_same_with_3_cities_or_30(client, search_corpus, url):
    few = count_queries(client, url)
    grow(search_corpus, 27)
    many = count_queries(client, url)
    assert few == many == EXPECTED_QUERIES[url]
