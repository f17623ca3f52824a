"""Every engine gives the same answer: the same query through the database engine and the
Elasticsearch engine (osmem-server always, a real engine when SEARCH_URL is set) returns the
same total, the same hits (in the same order where the order is defined by data: title,
newest) and the same facet counts.
"""

from __future__ import annotations

import uuid
from dataclasses import replace

import pytest
from django.http import QueryDict

from search.engines import database_engine
from search.engines.elastic import ElasticsearchEngine
from search.models import SearchDocument
from search.query import parse

from .engines_fixtures import REAL_SEARCH_URL

QUERIES = [
    "",  # everything
    "q=workers",  # text only, stemmed
    "q=Sao+Paulo",  # accents
    "q=migrant+women",  # several words, all required
    "type=practice",  # one facet
    "theme=rights-and-legal-status&region=americas",  # two facets
    "q=migrant&type=practice",  # text and a facet
    "q=cities&type=barrier&type=opportunity&region=europe",  # text, OR within, AND across
    "type=practice&theme=safety-and-violence&theme=economic-empowerment",  # disjunctive
    "type=practice&theme=safety-and-violence&theme=economic-empowerment&status=active",
    "city=turin&tag=peer-support",
    "year_from=2016&year_to=2020",  # year range
    "year_from=2021&type=practice&q=plan",
    "q=zzyzzx",  # no hit
    "type=practice&status=discontinued",  # no hit, selected value kept
    "q=the+of+and",  # stop words only: no text query
    'q="domestic+workers"',  # phrase
    'q="workers+domestic"',  # phrase in the wrong order
    "q=immigrants+-plan",  # exclusion
    "q=immigrants+-municipal",  # exclusion whose stem differs between languages
    "sort=title",
    "sort=newest",
    "sort=newest&type=practice",
    "q=women&sort=relevance",
    "q=women&sort=title",
    "q=migrant&sort=newest",
    "sort=title&per_page=5&page=2",  # page 2
    "sort=newest&per_page=4&page=3",
]
ORDERED_SORTS = {"title", "newest"}
TITLE_QUERIES = ["sort=title", "q=women&sort=title", "sort=title&per_page=3&page=2"]


@pytest.fixture(scope="module", params=["osmem", "real"])
def other_engine(request, module_search_corpus, django_db_blocker):
    """An elasticsearch engine holding the module's corpus documents."""
    clone = None
    if request.param == "real":
        if not REAL_SEARCH_URL:
            pytest.skip("SEARCH_URL is not set: no real Elasticsearch/OpenSearch to compare")
        url = REAL_SEARCH_URL
    else:
        clone = request.getfixturevalue("osmem_server").clone()
        url = clone.url
    engine = ElasticsearchEngine(url=url, index=f"exchange-parity-{uuid.uuid4().hex[:12]}")
    with django_db_blocker.unblock():
        engine.clear()
        engine.index(list(SearchDocument.objects.prefetch_related("facet_values")))
    yield engine
    engine.client.indices.delete(index=engine.index_name)
    if clone is not None:
        clone.close()


@pytest.mark.parametrize("qs", QUERIES)
def test_engines_agree(search_corpus, other_engine, qs):
    query, errors = parse(QueryDict(qs))
    assert not errors, errors
    expected = database_engine().search(query)
    got = other_engine.search(query)
    assert got.total == expected.total
    if query.effective_sort in ORDERED_SORTS:
        assert got.ids == expected.ids
    else:
        assert set(got.ids) == set(expected.ids)
    assert got.facets == expected.facets


def test_the_queries_cover_hits_and_misses(search_corpus):
    """The parity cases are not all empty (a parity of nothing proves nothing)."""
    totals = [database_engine().search(parse(QueryDict(qs))[0]).total for qs in QUERIES]
    assert sum(1 for t in totals if t == 0) >= 3
    assert sum(1 for t in totals if 0 < t < 12) >= 10


@pytest.mark.parametrize("language", ["en", "fr", "es", "ar", "pt"])
@pytest.mark.parametrize("qs", TITLE_QUERIES)
def test_engines_agree_on_each_languages_alphabetical_order(
    search_corpus, other_engine, qs, language
):
    """Title order is the visitor's language's (taxonomy.collation) in both engines."""
    query = replace(parse(QueryDict(qs))[0], language=language)
    expected = database_engine().search(query)
    assert expected.ids
    assert other_engine.search(query).ids == expected.ids
