"""`facet_index`: facet counts by bitsets and by tallies agree; ids map to positions."""

from __future__ import annotations

import numpy as np
from django.http import QueryDict
from hypothesis import given
from hypothesis import strategies as st

from search import facet_index
from search.facet_index import FacetIndex, ValueTally, bits_of, bitset, mask_of
from search.query import parse
from search.results import run

SIZE = 300
position = st.integers(min_value=0, max_value=SIZE - 1)
# A facet: value -> the positions of its documents (a document may hold several values).
facet_values = st.dictionaries(
    st.text(min_size=1, max_size=6), st.lists(position, unique=True, max_size=40), max_size=30
)


@given(facet_values, st.lists(position, max_size=SIZE))
def test_a_tally_counts_what_the_bitsets_count(values, matching_positions):
    matching = bitset(matching_positions, SIZE)
    index = FacetIndex(
        token="t",
        ids=list(range(SIZE)),
        postings={"f": {value: bitset(found, SIZE) for value, found in values.items()}},
    )
    by_bitsets = index.counts("f", matching)
    index.tallies["f"] = ValueTally.of(values)
    assert index.counts("f", matching) == by_bitsets


@given(st.lists(position, max_size=SIZE))
def test_mask_and_bits_are_inverse(found):
    bits = bitset(found, SIZE)
    mask = mask_of(bits, SIZE)
    assert sorted(np.flatnonzero(mask).tolist()) == sorted(set(found))
    assert bits_of(mask) == bits


def test_only_sparse_facets_are_tallied():
    # 100 values of one document each among 1,000: sparse; 3 values of 300 each: dense.
    sparse = {f"city-{n}": [n] for n in range(100)}
    dense = {f"theme-{n}": list(range(n, 900, 3)) for n in range(3)}
    assert ValueTally.suits(sparse, 1000)
    assert not ValueTally.suits(dense, 1000)


def test_bitset_of_ids_takes_arrays_and_leaves_out_unknown_ids():
    index = FacetIndex(token="t", ids=[5, 9, 12])
    assert index.bitset_of_ids(np.array([12, 7, 5, 40, -1], dtype=">i4")) == 0b101
    assert index.bitset_of_ids([12, 7, 5]) == 0b101
    assert index.bitset_of_ids([]) == 0


def test_search_counts_are_the_same_with_every_facet_tallied(search_corpus, monkeypatch):
    """Loaded from the stored documents, tallies give the page the counts bitsets give."""

    def counts(qs: str) -> dict:
        facet_index._cached = None
        query, errors = parse(QueryDict(qs))
        assert not errors
        results = run(query)
        return {name: {o.value: o.count for o in opts} for name, opts in results.facets.items()}

    monkeypatch.setattr(facet_index, "_cached", None)  # put back after the test
    queries = ["", "q=women", "theme=safety-and-violence&type=practice", "city=sousse"]
    by_bitsets = [counts(qs) for qs in queries]
    assert not facet_index.current().tallies
    monkeypatch.setattr(ValueTally, "suits", staticmethod(lambda values, size: True))
    assert [counts(qs) for qs in queries] == by_bitsets
    assert set(facet_index.current().tallies) >= {"city", "theme", "type"}
