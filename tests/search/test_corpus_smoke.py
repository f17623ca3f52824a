from django.http import QueryDict

from search.query import parse
from search.results import run


def search(qs: str):
    query, errors = parse(QueryDict(qs))
    assert not errors, errors
    return run(query)


def test_corpus_counts(search_corpus):
    results = search("")
    counts = {o.value: o.count for o in results.facets["type"]}
    assert counts == {"practice": 5, "city": 3, "barrier": 2, "opportunity": 1, "dialogue": 1}
    assert results.total == 12
