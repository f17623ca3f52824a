"""Search parameters: good ones become a SearchQuery, each bad one a message on its field.

The page shows these messages and the API returns them with a 400, so each must land on
the parameter the user got wrong.
"""

from __future__ import annotations

import pytest
from django.http import QueryDict

from search.query import MAX_PER_PAGE, SearchQuery, parse

from ..factories import PracticePageFactory

pytestmark = pytest.mark.django_db


def errors_of(qs: str | QueryDict) -> dict[str, list[str]]:
    query, errors = parse(qs if isinstance(qs, QueryDict) else QueryDict(qs))
    assert query is None, "bad parameters must not give a query"
    assert errors
    return errors


def query_of(qs: str | QueryDict) -> SearchQuery:
    query, errors = parse(qs if isinstance(qs, QueryDict) else QueryDict(qs))
    assert errors == {}
    return query


def q_of(text: str) -> QueryDict:
    data = QueryDict(mutable=True)
    data["q"] = text
    return data


@pytest.mark.parametrize(
    "qs,field,words",
    [
        ("theme=nowhere", "theme", ["nowhere"]),
        ("theme=safety-and-violence&theme=nowhere", "theme", ["nowhere"]),
        ("type=person", "type", ["person"]),
        ("barrier=walls", "barrier", ["walls"]),
        ("opportunity=luck", "opportunity", ["luck"]),
        ("country=XX", "country", ["XX"]),
        ("region=atlantis", "region", ["atlantis"]),
        ("target_group=everyone", "target_group", ["everyone"]),
        ("action_type=magic", "action_type", ["magic"]),
        ("mandate=total", "mandate", ["total"]),
        ("status=frozen", "status", ["frozen"]),
        ("evidence=proven", "evidence", ["proven"]),
        ("sdg=99-9", "sdg", ["99-9"]),
        ("city=atlantis", "city", ["atlantis"]),
        ("tag=no-such-tag", "tag", ["no-such-tag"]),
    ],
)
def test_unknown_facet_value(search_corpus, qs, field, words):
    errors = errors_of(qs)
    assert list(errors) == [field]
    message = errors[field][0]
    assert message.startswith("Unknown ")
    for word in words:
        assert word in message
    # Only the unknown value is named, not the good one next to it.
    assert "safety-and-violence" not in message


@pytest.mark.parametrize("city", ["lyon", "Lyon"])
def test_a_hidden_city_is_as_unknown_as_a_made_up_one(search_corpus, city):
    """Lyon exists but is unpublished: accepting it would tell that it exists."""
    assert "city" in errors_of(f"city={city}")


def test_a_tag_used_only_by_hidden_pages_is_unknown(search_corpus):
    PracticePageFactory(
        parent=search_corpus.turin, slug="draft-tag", live=False, tags=["draft-only"]
    )
    assert "tag" in errors_of("tag=draft-only")


def test_known_open_values_are_accepted(search_corpus):
    query = query_of("city=sao-paulo&tag=peer-support")
    assert query.filters == {"city": ("sao-paulo",), "tag": ("peer-support",)}


@pytest.mark.parametrize("value", ["abc", "1.5", "", "2e3"])
def test_page_must_be_a_whole_number(db, value):
    if value == "":
        assert query_of("page=").page == 1  # an empty field means the default
        return
    assert list(errors_of(f"page={value}")) == ["page"]


@pytest.mark.parametrize("value", ["0", "-1"])
def test_page_starts_at_one(db, value):
    assert list(errors_of(f"page={value}")) == ["page"]


def test_page_has_an_upper_bound(db):
    assert list(errors_of("page=99999999999")) == ["page"]


def test_per_page_over_the_limit(db):
    errors = errors_of(f"per_page={MAX_PER_PAGE + 1}")
    assert list(errors) == ["per_page"]
    assert str(MAX_PER_PAGE) in errors["per_page"][0]
    assert query_of(f"per_page={MAX_PER_PAGE}").per_page == MAX_PER_PAGE


@pytest.mark.parametrize("value", ["0", "abc"])
def test_per_page_must_be_a_positive_number(db, value):
    assert list(errors_of(f"per_page={value}")) == ["per_page"]


def test_year_from_after_year_to(db):
    errors = errors_of("year_from=2021&year_to=2019")
    assert list(errors) == ["year_to"]
    assert "before" in errors["year_to"][0]
    query = query_of("year_from=2019&year_to=2019")
    assert (query.year_from, query.year_to) == (2019, 2019)


@pytest.mark.parametrize("qs,field", [("year_from=abc", "year_from"), ("year_to=12", "year_to")])
def test_year_must_be_a_plausible_year(db, qs, field):
    assert list(errors_of(qs)) == [field]


def test_query_of_201_characters(db):
    errors = errors_of(q_of("a" * 201))
    assert list(errors) == ["q"]
    assert "200" in errors["q"][0]
    assert query_of(q_of("a" * 200)).q == "a" * 200


def test_unknown_sort(db):
    assert list(errors_of("sort=random")) == ["sort"]


@pytest.mark.parametrize("sort", ["relevance", "newest", "title"])
def test_known_sorts(db, sort):
    assert query_of(f"sort={sort}").sort == sort


def test_nul_byte_in_the_query(db):
    assert list(errors_of("q=shelter%00")) == ["q"]


def test_nul_byte_in_a_facet_value(db):
    assert list(errors_of("theme=safety%00")) == ["theme"]


def test_overlong_facet_value(db):
    assert list(errors_of("theme=" + "x" * 101)) == ["theme"]


def test_too_many_values_for_one_facet(db):
    qs = "&".join(f"theme=t{i}" for i in range(51))
    errors = errors_of(qs)
    assert list(errors) == ["theme"]
    assert "50" in errors["theme"][0]


def test_every_bad_parameter_is_reported_at_once(db):
    errors = errors_of("page=0&per_page=500&sort=x&theme=nowhere&year_from=2020&year_to=2010")
    assert set(errors) == {"page", "per_page", "sort", "theme", "year_to"}
    for messages in errors.values():
        assert messages and all(isinstance(m, str) and m for m in messages)


def test_no_parameters_give_the_defaults(db):
    assert query_of("") == SearchQuery()
    query = query_of("")
    assert (query.page, query.per_page, query.sort) == (1, 20, "relevance")
    assert query.is_empty()
    assert query.effective_sort == "newest"


def test_good_parameters(search_corpus):
    query = query_of(
        "q=+domestic+workers+&type=practice&type=city&theme=safety-and-violence"
        "&city=sousse&country=TN&region=mena&status=active&evidence=monitored"
        "&mandate=outside-mandate&tag=peer-support&year_from=2015&year_to=2022"
        "&sort=title&page=2&per_page=10"
    )
    assert query.q == "domestic workers"
    assert query.filters == {
        "type": ("practice", "city"),
        "theme": ("safety-and-violence",),
        "city": ("sousse",),
        "country": ("TN",),
        "region": ("mena",),
        "status": ("active",),
        "evidence": ("monitored",),
        "mandate": ("outside-mandate",),
        "tag": ("peer-support",),
    }
    assert (query.year_from, query.year_to) == (2015, 2022)
    assert (query.sort, query.page, query.per_page, query.offset) == ("title", 2, 10, 10)
    assert query.effective_sort == "title"
    assert not query.is_empty()


def test_repeated_values_are_counted_once_and_blanks_dropped(db):
    query = query_of("theme=safety-and-violence&theme=safety-and-violence&theme=&status=+active+")
    assert query.filters == {"theme": ("safety-and-violence",), "status": ("active",)}


def test_unknown_parameters_are_ignored(db):
    assert query_of("utm_source=newsletter&fbclid=1") == SearchQuery()


def test_without_drops_only_one_facet(db):
    query = query_of("theme=safety-and-violence&status=active")
    assert query.without("theme").filters == {"status": ("active",)}
    assert query.filters == {"theme": ("safety-and-violence",), "status": ("active",)}
