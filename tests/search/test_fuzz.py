"""Whatever the query string, search answers 200 or 400 (with the errors), never a 5xx."""

from __future__ import annotations

from urllib.parse import urlencode

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.facets import FACET_NAMES

PATHS = ["/search/", "/api/search/", "/api/search/export.csv"]
PARAMS = [*FACET_NAMES, "q", "year_from", "year_to", "sort", "page", "per_page"]

# Values that pass validation, so the fuzz also reaches the engine and the templates.
GOOD_VALUES = [
    "practice",
    "city",
    "dialogue",
    "rights-and-legal-status",
    "safety-and-violence",
    "sousse",
    "sao-paulo",
    "TN",
    "europe",
    "active",
    "planned",
    "evaluated",
    "peer-support",
    "own-competence",
    "relevance",
    "newest",
    "title",
    "1",
    "2",
    "100",
    "2018",
    "2021",
    '"migrant women"',
    "-desk",
    "São Paulo",
    "domestic workers",
]

# Any printable or control character except lone surrogates, which no URL can carry.
text = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
value = st.one_of(
    st.sampled_from(GOOD_VALUES),
    text,
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from(
        ["", " ", "\x00", "NaN", "1e3", "0x10", "%", "'; --", "*", "\u202e", "x" * 201]
    ),
)
key = st.one_of(st.sampled_from(PARAMS), text)
query = st.lists(st.tuples(key, value), max_size=12)


@settings(
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(path=st.sampled_from(PATHS), pairs=query)
def test_any_query_string_gets_200_or_400(client, search_corpus, path, pairs):
    response = client.get(f"{path}?{urlencode(pairs)}")
    assert response.status_code in (200, 400), (path, pairs, response.status_code)
    if response.status_code == 400:
        if path == "/search/":
            assert b'role="alert"' in response.content
        else:
            assert response["Content-Type"] == "application/json"
            errors = response.json()["errors"]
            assert errors and all(isinstance(m, list) and m for m in errors.values())
