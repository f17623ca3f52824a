"""The search tests' engines; the corpus they search is `search_corpus` (tests/worlds.py)."""

# Live engines (osmem-server, a real one when SEARCH_URL is set) for the engine tests.
from .engines_fixtures import (
    down_engine,
    elastic_engine,
    elasticsearch8_url,
    engine_url,
    osmem_engine,
    osmem_server,
)

__all__ = [
    "down_engine",
    "elastic_engine",
    "elasticsearch8_url",
    "engine_url",
    "osmem_engine",
    "osmem_server",
]
