"""What every search engine provides: the same query in, the same raw answer out.

Engines find matching document ids and count facet values; `search.results` turns that
raw answer into what pages and the API show (labels, selected values, snippets), so the
engines stay small and their answers comparable.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from ..models import SearchDocument
from ..query import SearchQuery


@dataclass
class RawResults:
    total: int
    ids: list[int]
    # facet -> {value: count}; each facet's counts ignore that facet's own selection.
    facets: dict[str, dict[str, int]] = field(default_factory=dict)


class EngineUnavailable(Exception):
    """The engine cannot answer now (down, unreachable, timing out)."""


class SearchEngine(Protocol):
    name: str

    def search(self, query: SearchQuery) -> RawResults: ...

    def index(self, documents: Sequence[SearchDocument]) -> None:
        """Add or replace `documents` (each with `facet_values` prefetched)."""

    def delete(self, ids: Iterable[int]) -> None: ...

    def clear(self) -> None:
        """Empty the index (before a rebuild)."""

    def count(self) -> int: ...

    def health(self) -> str:
        """'ok', or raise EngineUnavailable."""
