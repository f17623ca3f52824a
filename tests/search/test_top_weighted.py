"""`facet_index.top_weighted`: the bit-sliced weighted count behind similar practices."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from search.facet_index import bitset, top_weighted

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
