"""The OpenAPI description of /api/search/ and schemathesis runs against it.

schemathesis loads the description the site serves (through the WSGI app, as a client
would) and sends generated requests: no answer may be a server error, and every answer must
have a documented status, content type and shape. A fixed seed and Hypothesis's
derandomized mode make the run the same every time; few examples keep it short.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from search.facets import FACET_NAMES

OPENAPI = "/api/search/openapi.json"
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]

config = schemathesis.Config.from_dict(
    {
        "seed": 20260908,
        "generation": {"max-examples": 20, "deterministic": True, "database": "none"},
        # Examples and fuzzing only: the coverage phase's hundreds of boundary cases would
        # take minutes here, and the parameters' limits have tests of their own.
        "phases": {"coverage": {"enabled": False}, "stateful": {"enabled": False}},
    }
)
# Loading reads no database: the description is built from constants.
schema = schemathesis.openapi.from_wsgi(OPENAPI, get_wsgi_application(), config=config)


@contextmanager
def keeping_the_test_connection() -> Iterator[None]:
    """schemathesis calls the WSGI app directly, so Django's request signals close the
    database connection around each request, as in production. Inside the test's
    transaction that closes it under the test (PostgreSQL: "the connection is closed").
    Django's test client disconnects the same handler for each of its requests, and
    connects it again afterwards, so this wraps each schemathesis call, not a whole test."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def test_description_is_served_and_matches_the_parameters(client, db):
    response = client.get(OPENAPI)
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.1")
    search = document["paths"]["/api/search/"]["get"]
    names = {p["name"] for p in search["parameters"]}
    assert names == {"q", "year_from", "year_to", "sort", "page", "per_page", *FACET_NAMES}
    by_name = {p["name"]: p for p in search["parameters"]}
    assert by_name["per_page"]["schema"]["maximum"] == 100
    assert by_name["q"]["schema"]["maxLength"] == 200
    assert by_name["sort"]["schema"]["enum"] == ["relevance", "newest", "title"]
    assert by_name["theme"]["schema"]["type"] == "array"  # repeatable
    assert set(search["responses"]) == {"200", "400"}
    assert "/api/search/export.csv" in document["paths"]


def test_schemathesis_loads_both_operations():
    labels = {result.ok().label for result in schema.get_all_operations()}
    assert labels == {"GET /api/search/", "GET /api/search/export.csv"}


@pytest.mark.parametrize(
    ("query", "status"),
    [({"sort": "title", "per_page": 3}, 200), ({"per_page": 101}, 400), ({"q": "x" * 201}, 400)],
)
def test_answers_conform_to_the_description(client, search_corpus, query, status):
    """A hand-picked good and bad request, validated against the description."""
    operation = schema["/api/search/"]["GET"]
    response = client.get("/api/search/", query)
    assert response.status_code == status
    case = operation.Case(query=query)
    with keeping_the_test_connection():
        operation.validate_response(case.call(app=schema.app))


@schema.parametrize()
@settings(
    deadline=None,
    derandomize=True,
    max_examples=20,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_search_api_conforms_to_its_description(case, search_corpus):
    with keeping_the_test_connection():
        case.call_and_validate(checks=CHECKS)
