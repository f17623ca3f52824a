"""`facet_index`: the bit-sliced weighted count behind similar practices, and the ordering
of matches behind every result page."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from search.facet_index import FacetIndex, bitset, positions, score_tiers, top_weighted

members = st.lists(st.integers(min_value=0, max_value=299), max_size=120)


@given(
    st.lists(st.tuples(members, st.integers(min_value=1, max_value=9)), max_size=8),
    st.integers(min_value=1, max_value=60),
)
def test_top_weighted_equals_summing_one_position_at_a_time(sets, count):
    totals: dict[int, int] = {}
    for positions_, weight in sets:
        for pos in set(positions_):
            totals[pos] = totals.get(pos, 0) + weight
    expected = sorted(totals.items(), key=lambda item: (-item[1], item[0]))[:count]
    weighted = [(bitset(positions_, 300), weight) for positions_, weight in sets]
    assert top_weighted(weighted, count) == expected


def test_nothing_shared_gives_nothing():
    assert top_weighted([], 5) == []
    assert top_weighted([(0, 3)], 5) == []


@given(
    st.lists(st.integers(min_value=0, max_value=299), max_size=300),
    st.permutations(range(300)),
    st.integers(min_value=0, max_value=320),
)
def test_first_in_order_equals_sorting_the_matches(members_, order, count):
    index = FacetIndex(token="t", ids=[1000 + p for p in range(300)])
    rank = [0] * 300
    for place, pos in enumerate(order):
        rank[pos] = place
    matching = bitset(members_, 300)
    expected = [1000 + p for p in sorted(set(members_), key=rank.__getitem__)][:count]
    assert index.first_in_order(matching, count, np.array(order)) == expected


@given(st.lists(st.tuples(members, st.integers(min_value=1, max_value=12)), max_size=6))
def test_score_tiers_group_every_position_by_its_exact_sum(sets):
    totals: dict[int, int] = {}
    for positions_, weight in sets:
        for pos in set(positions_):
            totals[pos] = totals.get(pos, 0) + weight
    expected = {}
    for pos, total in totals.items():
        expected.setdefault(total, set()).add(pos)
    tiers = list(score_tiers([(bitset(positions_, 300), weight) for positions_, weight in sets]))
    assert [total for total, _ in tiers] == sorted(expected, reverse=True)
    assert {total: set(positions(bits)) for total, bits in tiers} == expected
