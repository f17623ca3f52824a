"""The JSON API /api/search/ and the CSV export /api/search/export.csv."""

from __future__ import annotations

import csv
import io
from urllib.parse import urlencode

import pytest

from search import index, views
from search.facets import FACET_NAMES
from taxonomy.models import Theme

from ..factories import PracticePageFactory
from ..helpers import count_queries
from ..worlds import term

API = "/api/search/"
CSV = "/api/search/export.csv"


def csv_rows(response) -> list[dict[str, str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff"), "spreadsheets need the byte order mark to read UTF-8"
    return list(csv.DictReader(io.StringIO(text[1:])))


# ------------------------------------------------------------------------------ JSON


def test_json_shape_and_totals(client, search_corpus):
    response = client.get(API, {"per_page": 5})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert set(data) == {"total", "page", "pages", "results", "facets"}
    assert (data["total"], data["page"], data["pages"]) == (12, 1, 3)
    assert len(data["results"]) == 5
    for result in data["results"]:
        assert set(result) == {
            "id",
            "type",
            "title",
            "url",
            "summary",
            "city",
            "country",
            "themes",
            "status",
            "year",
            "language",
            "licence",
        }
        assert result["licence"]["code"] == "cc-by-4.0"
    assert set(data["facets"]) == set(FACET_NAMES)
    for options in data["facets"].values():
        for option in options:
            assert set(option) == {"value", "label", "count", "selected"}


def test_json_facet_counts_on_the_corpus(client, search_corpus):
    facets = client.get(API).json()["facets"]

    def counts(name):
        return {o["value"]: o["count"] for o in facets[name]}

    assert counts("type") == {
        "practice": 5,
        "city": 3,
        "barrier": 2,
        "opportunity": 1,
        "dialogue": 1,
    }
    assert counts("status") == {"planned": 1, "active": 3, "completed": 1}
    assert counts("evidence") == {"described": 2, "monitored": 1, "evaluated": 2}
    assert counts("tag") == {"peer-support": 4, "domestic-work": 2}
    assert "lyon" not in counts("city") and "FR" not in counts("country")
    labels = {o["value"]: o["label"] for o in facets["city"]}
    assert labels["sao-paulo"] == "São Paulo"


def test_json_results_values(client, search_corpus):
    data = client.get(API, {"type": ["dialogue", "practice"], "city": "sousse"}).json()
    # OR within type, AND with the city: the Sousse desk, and the dialogue Sousse took part in.
    assert data["total"] == 2
    desk, dialogue = data["results"]  # newest first
    assert desk == {
        "id": search_corpus.desk.pk,
        "type": "practice",
        "title": "Domestic workers desk",
        "url": search_corpus.desk.url,
        "summary": "A desk where domestic workers without papers get legal advice and shelter.",
        "city": {"slug": "sousse", "name": "Sousse"},
        "country": "TN",
        "themes": ["rights-and-legal-status", "safety-and-violence"],
        "status": "active",
        "year": 2021,
        "language": "en",
        "licence": {
            "code": "cc-by-4.0",
            "name": "CC BY 4.0",
            "url": "https://creativecommons.org/licenses/by/4.0/",
        },
    }
    assert dialogue["title"] == "Migrant women in cities"
    assert dialogue["city"] is None
    assert dialogue["themes"] == []
    assert dialogue["status"] is None
    assert dialogue["year"] == 2020


def test_json_selected_values_marked_and_kept_at_zero(client, search_corpus):
    data = client.get(API, {"theme": "safety-and-violence", "status": "planned"}).json()
    assert data["total"] == 0 and data["results"] == [] and data["pages"] == 1
    status = {o["value"]: o for o in data["facets"]["status"]}
    assert status["planned"] == {
        "value": "planned",
        "label": "Planned",
        "count": 0,
        "selected": True,
    }
    assert status["active"]["selected"] is False and status["active"]["count"] == 1


def test_json_pages_and_sort(client, search_corpus):
    first = client.get(API, {"sort": "title", "per_page": 2}).json()
    second = client.get(API, {"sort": "title", "per_page": 2, "page": 2}).json()
    titles = [r["title"] for r in first["results"] + second["results"]]
    assert titles == sorted(titles, key=str.casefold)
    assert second["page"] == 2 and second["pages"] == 6
    assert {r["id"] for r in first["results"]}.isdisjoint(r["id"] for r in second["results"])


BAD = [
    ({"theme": "no-such-theme"}, "theme"),
    ({"city": "lyon"}, "city"),  # unpublished: not a value anyone may filter by
    ({"page": "1.5"}, "page"),
    ({"page": "0"}, "page"),
    ({"per_page": "101"}, "per_page"),
    ({"year_from": "2020", "year_to": "2010"}, "year_to"),
    ({"year_from": "soon"}, "year_from"),
    ({"q": "x" * 201}, "q"),
    ({"sort": "popular"}, "sort"),
]


@pytest.mark.parametrize(("query", "param"), BAD, ids=[f"{b[1]}-{i}" for i, b in enumerate(BAD)])
def test_json_bad_parameter_gives_field_errors(client, search_corpus, query, param):
    response = client.get(API, query)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    errors = response.json()["errors"]
    assert list(errors) == [param]
    assert errors[param] and all(isinstance(m, str) and m for m in errors[param])


def test_json_unknown_value_named_in_the_message(client, search_corpus):
    errors = client.get(API, {"theme": ["rights-and-legal-status", "nope"]}).json()["errors"]
    assert errors == {"theme": ["Unknown challenge: nope."]}


@pytest.mark.parametrize("q", ["", "secret", "shelter", "Lyon", "orphan", "members"])
def test_json_never_returns_hidden_content(client, search_corpus, q):
    body = client.get(API, {"q": q, "per_page": 100}).content.decode().lower()
    for secret in search_corpus.secrets:
        assert secret.lower() not in body


@pytest.mark.parametrize("extra", [{}, {"type": "practice", "q": "migrant"}])
def test_json_query_count_does_not_grow_with_page_size(client, search_corpus, extra):
    few = count_queries(client, f"{API}?{urlencode({**extra, 'per_page': 1})}")
    many = count_queries(client, f"{API}?{urlencode({**extra, 'per_page': 20})}")
    assert few == many


# ------------------------------------------------------------------------------- CSV


def test_csv_has_every_matching_row(client, search_corpus):
    response = client.get(CSV, {"per_page": 1, "page": 2})  # the export ignores paging
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="exchange-search.csv"'
    assert response["X-Total-Count"] == "12"
    assert not response.has_header("X-Truncated")
    rows = csv_rows(response)
    assert len(rows) == 12
    assert list(rows[0]) == [
        "id",
        "type",
        "title",
        "url",
        "summary",
        "city",
        "country",
        "themes",
        "status",
        "year",
        "language",
        "licence",
        "licence_url",
        "type_name",
        "country_name",
        "theme_names",
        "status_name",
    ]
    desk = next(r for r in rows if r["id"] == str(search_corpus.desk.pk))
    assert desk == {
        "id": str(search_corpus.desk.pk),
        "type": "practice",
        "title": "Domestic workers desk",
        "url": f"http://testserver{search_corpus.desk.url}",
        "summary": "A desk where domestic workers without papers get legal advice and shelter.",
        "city": "Sousse",
        "country": "TN",
        "themes": "rights-and-legal-status;safety-and-violence",
        "status": "active",
        "year": "2021",
        "language": "en",
        "licence": "cc-by-4.0",
        "licence_url": "https://creativecommons.org/licenses/by/4.0/",
        # The codes' names, as the compare CSV gives them.
        "type_name": "Practice",
        "country_name": "Tunisia",
        "theme_names": "Rights and legal status;Safety and violence",
        "status_name": "Active",
    }


def test_csv_follows_the_filters_and_order(client, search_corpus):
    rows = csv_rows(client.get(CSV, {"type": "practice", "sort": "title"}))
    assert [r["title"] for r in rows] == [
        "Community association",
        "Domestic workers desk",
        "Municipal plan for immigrants",
        "Reference centre for immigrants",
        "Women in the neighbourhood",
    ]


def test_csv_capped_and_says_so(client, search_corpus, monkeypatch):
    monkeypatch.setattr(views, "EXPORT_CAP", 5)
    monkeypatch.setattr(views, "EXPORT_BATCH", 2)
    response = client.get(CSV, {"sort": "title"})
    rows = csv_rows(response)
    assert len(rows) == 5
    assert len({r["id"] for r in rows}) == 5  # batches neither overlap nor skip
    assert response["X-Total-Count"] == "12"
    assert response["X-Truncated"] == "true"
    every = [r["title"] for r in csv_rows(client.get(CSV, {"sort": "title"}))]
    monkeypatch.setattr(views, "EXPORT_CAP", 5000)
    assert [r["title"] for r in rows] == every[:5]


def test_csv_cells_never_run_as_formulas(client, search_corpus):
    page = PracticePageFactory(
        parent=search_corpus.turin,
        title='=HYPERLINK("http://evil.example","click")',
        slug="formula",
        summary="@SUM(A1:A2)",
        themes=[term(Theme, "safety-and-violence")],
        status="active",
        start_year=2022,
    )
    other = PracticePageFactory(
        parent=search_corpus.turin,
        title="+cmd",
        slug="plus",
        summary="-2+3",
        status="active",
        start_year=2022,
    )
    index.sync([page.pk, other.pk])
    rows = {r["id"]: r for r in csv_rows(client.get(CSV, {"year_from": 2022}))}
    assert rows[str(page.pk)]["title"] == '\'=HYPERLINK("http://evil.example","click")'
    assert rows[str(page.pk)]["summary"] == "'@SUM(A1:A2)"
    assert rows[str(other.pk)]["title"] == "'+cmd"
    assert rows[str(other.pk)]["summary"] == "'-2+3"
    # Ordinary text is left as it is.
    assert rows[str(page.pk)]["city"] == "Turin"


@pytest.mark.parametrize(("query", "param"), BAD, ids=[f"{b[1]}-{i}" for i, b in enumerate(BAD)])
def test_csv_bad_parameter_gives_json_errors(client, search_corpus, query, param):
    response = client.get(CSV, query)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert list(response.json()["errors"]) == [param]


@pytest.mark.parametrize("q", ["", "secret", "shelter", "Lyon", "orphan"])
def test_csv_never_contains_hidden_content(client, search_corpus, q):
    body = client.get(CSV, {"q": q}).content.decode().lower()
    for secret in search_corpus.secrets:
        assert secret.lower() not in body
