"""Live search engines for the tests: osmem-server always, a real one when SEARCH_URL is set.

`elastic_engine` points the settings at the engine, indexes the search corpus into a
fresh index there and gives the engine back; after the test the index is dropped and the
engine cache emptied, so no other test sees it. `search_engines` is every engine
available, database first, for the parity test.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from osmem_server import OsmemServer

from search import engines, index

# Read once: the base settings also read SEARCH_URL, but the suite runs on the database
# engine unless a fixture below says otherwise.
REAL_SEARCH_URL = os.environ.get("SEARCH_URL", "")
ENGINE_TARGETS = ["osmem", "real"]


@pytest.fixture(scope="session")
def osmem_server() -> Iterator[OsmemServer]:
    """One osmem-server for the session, without Japanese analysis (starts faster)."""
    server = OsmemServer.start(japanese=False)
    yield server
    server.close()


@pytest.fixture(params=ENGINE_TARGETS)
def engine_url(request) -> Iterator[str]:
    """The address of a live engine: an osmem clone, or the real one from SEARCH_URL."""
    if request.param == "real":
        if not REAL_SEARCH_URL:
            pytest.skip("SEARCH_URL is not set: no real Elasticsearch/OpenSearch to test")
        yield REAL_SEARCH_URL
        return
    clone = request.getfixturevalue("osmem_server").clone()
    try:
        yield clone.url
    finally:
        clone.close()


def use_engine(settings, url: str) -> engines.SearchEngine:
    """Configure the elasticsearch engine at `url` on an index no one else uses."""
    settings.SEARCH_ENGINE = "elasticsearch"
    settings.SEARCH_URL = url
    settings.SEARCH_INDEX = f"exchange-test-{uuid.uuid4().hex[:12]}"
    engines._engine.cache_clear()
    return engines.get_engine()


def _drop(engine) -> None:
    try:
        if engine.client.indices.exists(index=engine.index_name):
            engine.client.indices.delete(index=engine.index_name)
    except Exception:  # the engine may be the one a test shut down; nothing to drop then
        pass


@pytest.fixture
def elastic_engine(settings, search_corpus, engine_url):
    """The elasticsearch engine with the search corpus indexed (osmem, and real if set)."""
    engine = use_engine(settings, engine_url)
    index.rebuild()
    yield engine
    _drop(engine)
    engines._engine.cache_clear()


@pytest.fixture
def osmem_engine(settings, search_corpus, osmem_server):
    """The elasticsearch engine on a fresh osmem clone, corpus indexed."""
    clone = osmem_server.clone()
    engine = use_engine(settings, clone.url)
    index.rebuild()
    yield engine
    engines._engine.cache_clear()
    clone.close()


@pytest.fixture
def down_engine(settings, search_corpus):
    """The elasticsearch engine configured at a closed port (nothing listens on 9)."""
    settings.SEARCH_TIMEOUT = 2
    engine = use_engine(settings, "http://127.0.0.1:9")
    yield engine
    engines._engine.cache_clear()
