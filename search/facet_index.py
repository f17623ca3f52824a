"""Facet postings as bitsets, loaded from the facet-value table and kept per index version.

Counting facets with GROUP BY over the facet-value table grows with the number of matching
documents times their values: measured at 20,000 practices it took 240 ms (p50) on SQLite
and 150 ms on PostgreSQL, far from the 100k targets. Here every (facet, value) holds a
bitset of document positions (a Python int), so a count is one AND and one popcount, done
in C whatever the size of the match. The bitsets are read once from the table and reused
until `IndexState` says the documents changed.

A facet with many sparse values (2,000 cities) would cost thousands of ANDs a search
(14 ms at 100,000 practices); its counts come instead from one numpy `bincount` over its
(document, value) pairs, in time proportional to the pairs whatever the number of values.
Both ways give the same counts (tests/search/test_facet_index.py).
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
from django.db import connection
from django.db.models.fields.json import KT

from taxonomy.collation import sort_key

from .models import FacetValue, IndexState, SearchDocument
from .text import DEFAULT_LANGUAGE, LANGUAGES

# For each byte value, the positions of its set bits (low bit first).
_BYTE_BITS = tuple(tuple(bit for bit in range(8) if byte >> bit & 1) for byte in range(256))


def positions(bits: int) -> list[int]:
    """The positions of the set bits of `bits`, ascending."""
    found: list[int] = []
    raw = bits.to_bytes((bits.bit_length() + 7) // 8, "little")
    for index, byte in enumerate(raw):
        if byte:
            base = index * 8
            found.extend(base + bit for bit in _BYTE_BITS[byte])
    return found


def bitset(positions_: Iterable[int], size: int) -> int:
    raw = bytearray((size + 7) // 8)
    for pos in positions_:
        raw[pos >> 3] |= 1 << (pos & 7)
    return int.from_bytes(raw, "little")


def mask_of(bits: int, size: int) -> np.ndarray:
    """The bitset `bits` as `size` booleans (position -> set)."""
    raw = np.frombuffer(bits.to_bytes((size + 7) // 8, "little"), dtype=np.uint8)
    return np.unpackbits(raw, count=size, bitorder="little").view(bool)


def bits_of(mask: np.ndarray) -> int:
    """The bitset of a boolean array (the inverse of `mask_of`)."""
    return int.from_bytes(np.packbits(mask, bitorder="little").tobytes(), "little")


# A facet whose values hold on average fewer documents than one position in this many is
# counted by `ValueTally`. An AND and popcount per value costs about size / 64 machine words,
# a tally about one step per pair: measured at 100,000 practices, 2,000 cities cost 14 ms as
# bitsets and 1 ms as a tally, while 300 tags (900 documents each) and 42 countries are
# cheaper as bitsets.
SPARSE_DENSITY = 256


@dataclass(frozen=True)
class ValueTally:
    """One facet's (document position, value) pairs, for counting with `np.bincount`."""

    values: np.ndarray  # the facet's values (Python strings)
    positions: np.ndarray  # position of the document of each pair
    codes: np.ndarray  # index in `values` of each pair's value

    @classmethod
    def of(cls, values: dict[str, list[int]]) -> ValueTally:
        return cls(
            values=np.array(list(values), dtype=object),
            positions=np.fromiter(
                (pos for found in values.values() for pos in found), dtype=np.int32
            ),
            codes=np.repeat(
                np.arange(len(values), dtype=np.int32), [len(found) for found in values.values()]
            ),
        )

    @staticmethod
    def suits(values: dict[str, list[int]], size: int) -> bool:
        pairs = sum(len(found) for found in values.values())
        return pairs * SPARSE_DENSITY < len(values) * size

    def counts(self, mask: np.ndarray) -> dict[str, int]:
        tally = np.bincount(self.codes[mask[self.positions]], minlength=len(self.values))
        found = np.flatnonzero(tally)
        return dict(zip(self.values[found].tolist(), tally[found].tolist(), strict=True))


@dataclass
class FacetIndex:
    token: str
    ids: list[int] = field(default_factory=list)  # position -> document id
    position: dict[int, int] = field(default_factory=dict)  # document id -> position
    postings: dict[str, dict[str, int]] = field(default_factory=dict)  # facet -> value -> bits
    tallies: dict[str, ValueTally] = field(default_factory=dict)  # facets with many values
    years: dict[int, int] = field(default_factory=dict)  # year -> bits
    titles: list[str] = field(default_factory=list)  # position -> the canonical title
    # language -> {position: the title of the document's translation in that language}
    translated_titles: dict[str, dict[int, str]] = field(default_factory=dict)
    by_newest: np.ndarray = field(default_factory=lambda: _no_positions)  # newest first
    # What other modules derive from the public documents, kept as long as this version.
    derived: dict[str, object] = field(default_factory=dict)

    @cached_property
    def everything(self) -> int:
        # Read by every search and every facet count: built once, not per call.
        return (1 << len(self.ids)) - 1

    @cached_property
    def id_array(self) -> np.ndarray:
        """Position -> document id."""
        return np.asarray(self.ids, dtype=np.int64)

    @cached_property
    def id_positions(self) -> np.ndarray:
        """Document id -> position, -1 for an id not in the index."""
        table = np.full(max(self.ids, default=-1) + 1, -1, dtype=np.int32)
        table[self.id_array] = np.arange(len(self.ids), dtype=np.int32)
        return table

    @cached_property
    def _title_orders(self) -> dict[str, np.ndarray]:
        return {}

    def title_order(self, language: str) -> np.ndarray:
        """Positions in the alphabetical order of `language` (taxonomy.collation) of the
        titles a visitor reading it is shown: the translation's, else the canonical one
        (as results.shown_version). Ties by document id. Computed once per language."""
        language = language or DEFAULT_LANGUAGE
        order = self._title_orders.get(language)
        if order is None:
            own = self.translated_titles.get(language, {})
            keys = [
                sort_key(own.get(pos, title), language) for pos, title in enumerate(self.titles)
            ]
            ids = self.ids
            order = np.array(
                sorted(range(len(keys)), key=lambda p: (keys[p], ids[p])), dtype=np.int32
            )
            self._title_orders[language] = order
        return order

    @classmethod
    def load(cls, token: str) -> FacetIndex:
        others = [code for code in LANGUAGES if code != DEFAULT_LANGUAGE]
        rows = list(
            SearchDocument.objects.order_by("pk").values_list(
                "pk",
                "title",
                "year",
                "published_at",
                *(KT(f"translations__{code}__title") for code in others),
            )
        )
        index = cls(token=token, ids=[row[0] for row in rows])
        index.position = {pk: pos for pos, pk in enumerate(index.ids)}
        size = len(rows)
        index.titles = [row[1] for row in rows]
        index.translated_titles = {
            code: {pos: row[4 + i] for pos, row in enumerate(rows) if row[4 + i]}
            for i, code in enumerate(others)
        }
        # Newest: year, then publication, descending, unknowns last; ties by id ascending.
        by_newest = sorted(
            range(size),
            key=lambda p: (
                rows[p][2] is None,
                -(rows[p][2] or 0),
                rows[p][3] is None,
                -(rows[p][3].timestamp() if rows[p][3] else 0),
                rows[p][0],
            ),
        )
        index.by_newest = np.array(by_newest, dtype=np.int32)
        years = defaultdict(list)
        for pos, row in enumerate(rows):
            if row[2] is not None:
                years[row[2]].append(pos)
        index.years = {year: bitset(found, size) for year, found in years.items()}
        grouped: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT document_id, facet, value FROM {FacetValue._meta.db_table}")
            position = index.position
            for document_id, facet, value in cursor.fetchall():
                pos = position.get(document_id)
                if pos is not None:
                    grouped[facet][value].append(pos)
        index.postings = {
            facet: {value: bitset(found, size) for value, found in values.items()}
            for facet, values in grouped.items()
        }
        index.tallies = {
            facet: ValueTally.of(values)
            for facet, values in grouped.items()
            if ValueTally.suits(values, size)
        }
        return index

    def bitset_of_ids(self, ids: Iterable[int] | np.ndarray) -> int:
        """The positions of the documents `ids` (ids not in the index are left out)."""
        ids = np.asarray(ids if isinstance(ids, np.ndarray) else list(ids), dtype=np.int64)
        table = self.id_positions
        found = table[ids[(ids >= 0) & (ids < len(table))]]
        mask = np.zeros(len(self.ids), dtype=bool)
        mask[found[found >= 0]] = True
        return bits_of(mask)

    def year_mask(self, year_from: int | None, year_to: int | None) -> int:
        bits = 0
        for year, found in self.years.items():
            if (year_from is None or year >= year_from) and (year_to is None or year <= year_to):
                bits |= found
        return bits

    def selection(self, facet: str, values: Iterable[str]) -> int:
        """Documents with any of `values` (OR within a facet)."""
        postings = self.postings.get(facet, {})
        bits = 0
        for value in values:
            bits |= postings.get(value, 0)
        return bits

    def counts(self, facet: str, matching: int) -> dict[str, int]:
        if matching == self.everything:
            # The landing page and every unfiltered facet: the same answer all along.
            return self.memo(f"counts:{facet}", lambda: self._counts(facet, matching))
        return self._counts(facet, matching)

    def _counts(self, facet: str, matching: int) -> dict[str, int]:
        tally = self.tallies.get(facet)
        if tally is not None:
            return tally.counts(mask_of(matching, len(self.ids)))
        found = {}
        for value, bits in self.postings.get(facet, {}).items():
            n = (bits & matching).bit_count()
            if n:
                found[value] = n
        return found

    def memo(self, key: str, build):
        """`build()`, computed once for this version of the documents.

        Only for data that changes when public documents do (every publish, unpublish,
        move or privacy change writes the documents and so makes a new version).
        """
        try:
            return self.derived[key]
        except KeyError:
            value = self.derived[key] = build()
            return value

    def values_by_document(self, facet: str, documents: int) -> dict[int, set[str]]:
        """Document id -> the values of `facet` it is filed under, for the `documents` bits."""
        found: dict[int, set[str]] = defaultdict(set)
        ids = self.ids
        for value, bits in self.postings.get(facet, {}).items():
            for pos in positions(bits & documents):
                found[ids[pos]].add(value)
        return found

    def first_in_order(self, matching: int, count: int, order: np.ndarray) -> list[int]:
        """Document ids of the `count` first matching positions in `order`."""
        if count <= 0 or not matching:
            return []
        in_order = order[mask_of(matching, len(self.ids))[order]]
        return self.id_array[in_order[:count]].tolist()


def top_weighted(weighted: Iterable[tuple[int, int]], count: int) -> list[tuple[int, int]]:
    """The `count` positions with the highest sum of weights, as (position, sum), best first.

    `weighted` holds (bits, weight) pairs; a position scores the weights of the bitsets it is
    set in. Ties go to the lower position (the lower document id).
    """
    found: list[tuple[int, int]] = []
    for total, exact in score_tiers(weighted):
        found.extend((pos, total) for pos in positions(exact)[: count - len(found)])
        if len(found) >= count:
            break
    return found


def score_tiers(weighted: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """(sum, positions with exactly that sum) for every sum some position reaches, highest
    first; `weighted` as for `top_weighted`.

    The sums are kept as a bit-sliced counter, one bitset per binary digit, so adding a set
    of 50,000 documents costs a few big-integer operations instead of 50,000 additions.
    """
    digits: list[int] = []
    for bits, weight in weighted:
        level = 0
        while weight:
            if weight & 1:
                carry = bits
                k = level
                while carry:
                    while k >= len(digits):
                        digits.append(0)
                    digits[k], carry = digits[k] ^ carry, digits[k] & carry
                    k += 1
            weight >>= 1
            level += 1
    remaining = 0
    for digit in digits:
        remaining |= digit
    for total in range((1 << len(digits)) - 1, 0, -1):
        if not remaining:
            return
        exact = remaining
        for k, digit in enumerate(digits):
            exact &= digit if total >> k & 1 else ~digit
            if not exact:
                break
        if exact:
            remaining &= ~exact
            yield total, exact


_no_positions = np.zeros(0, dtype=np.int32)


_lock = threading.Lock()
_cached: FacetIndex | None = None


def current() -> FacetIndex:
    """The facet index of the stored documents as they are now (one query when unchanged)."""
    global _cached
    token = IndexState.current()
    cached = _cached
    if token and cached is not None and cached.token == token:
        return cached
    with _lock:
        if not token or _cached is None or _cached.token != token:
            _cached = FacetIndex.load(token)
        return _cached
