"""Choosing the engine: `SEARCH_ENGINE` ("database" or "elasticsearch") and `SEARCH_URL`."""

from __future__ import annotations

from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string

from .base import EngineUnavailable, RawResults, SearchEngine
from .database import DatabaseEngine

ENGINES = {
    "database": "search.engines.database.DatabaseEngine",
    "elasticsearch": "search.engines.elastic.ElasticsearchEngine",
}

__all__ = ["EngineUnavailable", "RawResults", "SearchEngine", "database_engine", "get_engine"]


@cache
def _engine(name: str, url: str, index: str) -> SearchEngine:
    if name == "database":
        return DatabaseEngine()
    return import_string(ENGINES[name])(url=url, index=index)


def get_engine() -> SearchEngine:
    """The configured engine (one instance per setting combination, so clients are reused)."""
    name = getattr(settings, "SEARCH_ENGINE", "database")
    if name not in ENGINES:
        raise ValueError(f"SEARCH_ENGINE must be one of {', '.join(ENGINES)}, not {name!r}")
    return _engine(
        name,
        getattr(settings, "SEARCH_URL", "") or "",
        getattr(settings, "SEARCH_INDEX", "exchange") or "exchange",
    )


def database_engine() -> DatabaseEngine:
    return _engine("database", "", "")
