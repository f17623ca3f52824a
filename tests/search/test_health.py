"""When the search engine is down, search answers from the database with a notice, and
/healthz says so; when the database is down, /healthz answers 503 (never a 500)."""

from __future__ import annotations

import socket

import pytest
from django.db import connections
from django.db.utils import OperationalError
from django.http import QueryDict
from wagtail.models import Page

from search.engines import EngineUnavailable
from search.engines.elastic import ElasticsearchEngine
from search.query import parse
from search.results import run

from ..factories import PracticePageFactory


def search(qs: str):
    query, errors = parse(QueryDict(qs))
    assert not errors, errors
    return run(query)


def test_search_falls_back_to_the_database_with_a_notice(down_engine):
    results = search("q=workers")
    assert results.engine == "database"
    assert results.notice
    assert [hit.title for hit in results.hits] == ["Domestic workers desk"]
    everything = search("")
    assert everything.total == 12
    assert {o.value: o.count for o in everything.facets["type"]}["practice"] == 5


def test_a_down_engine_raises_engine_unavailable(down_engine):
    query, _ = parse(QueryDict(""))
    for call in (
        lambda: down_engine.search(query),
        down_engine.health,
        down_engine.count,
        down_engine.clear,
        lambda: down_engine.delete([1]),
    ):
        with pytest.raises(EngineUnavailable):
            call()


def test_an_engine_that_never_answers_times_out_as_unavailable(settings, search_corpus):
    # A socket that accepts connections but never replies: the client must give up after
    # SEARCH_TIMEOUT and report the engine unavailable, not hang or raise something else.
    settings.SEARCH_TIMEOUT = 0.5
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        port = silent.getsockname()[1]
        engine = ElasticsearchEngine(url=f"http://127.0.0.1:{port}", index="exchange")
        with pytest.raises(EngineUnavailable):
            engine.health()


def test_publishing_while_the_engine_is_down_still_saves_and_searches(
    down_engine, search_corpus, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = PracticePageFactory(
            parent=Page.objects.get(pk=search_corpus.turin.pk).specific,
            title="Night bus for carers",
            slug="night-bus",
            live=False,
        )
        page.save_revision().publish()
    assert Page.objects.get(pk=page.pk).live
    results = search("q=night+bus")
    assert [hit.title for hit in results.hits] == ["Night bus for carers"]
    assert results.notice


@pytest.mark.django_db
def test_healthz_ok_on_the_database_engine(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "search": "ok"}


def test_healthz_ok_when_the_elasticsearch_engine_answers(client, osmem_engine):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "search": "ok"}


def test_healthz_degraded_but_up_when_the_engine_is_down(client, down_engine):
    response = client.get("/healthz")
    # Search still works through the database, so the site stays in rotation.
    assert response.status_code == 200
    assert response.json() == {
        "status": "degraded",
        "database": "ok",
        "search": "degraded (database fallback)",
    }


@pytest.mark.django_db
def test_healthz_503_when_the_database_is_down(client, monkeypatch):
    def broken(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(type(connections["default"]), "cursor", broken)
    response = client.get("/healthz")
    monkeypatch.undo()
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"
    assert response.json()["status"] == "error"
