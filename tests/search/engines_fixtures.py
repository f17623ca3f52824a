"""Live search engines for the tests: osmem-server always, a real one when SEARCH_URL is set.

`elastic_engine` points the settings at the engine, indexes the search corpus into a
fresh index there and gives the engine back; after the test the index is dropped and the
engine cache emptied, so no other test sees it. `search_engines` is every engine
available, database first, for the parity test.
"""

from __future__ import annotations

import json
import os
import threading
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

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


class _ElasticsearchFace(BaseHTTPRequestHandler):
    """Forwards to osmem and answers as Elasticsearch 8 does (product header, version), so
    the engine's Elasticsearch path (the elasticsearch client, DSL `execute`) runs live."""

    upstream = ""

    def _forward(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        data = self.rfile.read(length) if length else None
        kind = self.headers.get("Content-Type", "application/json")
        kind = "application/x-ndjson" if "ndjson" in kind else "application/json"
        request = urllib.request.Request(self.upstream + self.path, data=data, method=self.command)
        request.add_header("Content-Type", kind)
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                status, body = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, body = error.code, error.read()
        if self.command == "GET" and self.path == "/":
            info = json.loads(body)
            info["version"] = {"number": "8.15.0", "build_flavor": "default"}
            info["tagline"] = "You Know, for Search"
            body = json.dumps(info).encode()
        self.send_response(status)
        self.send_header("X-Elastic-Product", "Elasticsearch")
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _forward

    def log_message(self, *args) -> None:  # keep the test output quiet
        pass


@pytest.fixture
def elasticsearch8_url(osmem_server) -> Iterator[str]:
    """An address that looks like Elasticsearch 8 to the elasticsearch client."""
    clone = osmem_server.clone()
    handler = type("Face", (_ElasticsearchFace,), {"upstream": clone.url})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        clone.close()
