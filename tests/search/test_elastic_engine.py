"""The Elasticsearch engine, live: on osmem-server always, on a real engine when SEARCH_URL is set.

Every search here goes through `search.results.run` and must be answered by the
elasticsearch engine itself (no database fallback), with the corpus numbers of
tests/search/conftest.py.
"""

from __future__ import annotations

import pytest
from django.http import QueryDict
from wagtail.models import Page, PageViewRestriction

from search import engines, index
from search.query import parse
from search.results import SearchResults, run

from ..factories import PracticePageFactory
from .engines_fixtures import use_engine


def search(qs: str) -> SearchResults:
    query, errors = parse(QueryDict(qs))
    assert not errors, errors
    results = run(query)
    assert results.engine == "elasticsearch", results.notice
    assert not results.notice
    return results


def titles(results: SearchResults) -> list[str]:
    return [hit.title for hit in results.hits]


def fresh(page: Page) -> Page:
    """The page as stored now: the corpus objects are shared by the module's tests, and a
    test that unpublished or deleted one leaves the Python object changed after rollback."""
    return Page.objects.get(pk=page.pk).specific


def counts(results: SearchResults, facet: str) -> dict[str, int]:
    return {o.value: o.count for o in results.facets[facet]}


def test_everything_public_is_found_with_its_facet_counts(elastic_engine):
    results = search("per_page=100")
    assert results.total == 12
    assert elastic_engine.count() == 12
    assert counts(results, "type") == {
        "practice": 5,
        "city": 3,
        "barrier": 2,
        "opportunity": 1,
        "dialogue": 1,
    }
    practices = search("type=practice")
    assert counts(practices, "status") == {"planned": 1, "active": 3, "completed": 1}
    assert counts(practices, "evidence") == {"described": 2, "monitored": 1, "evaluated": 2}
    assert counts(practices, "city") == {"turin": 2, "sousse": 1, "sao-paulo": 2}


def test_facets_are_or_within_and_across(elastic_engine):
    # OR within theme: safety (the desk) or economic (the association).
    either = search("type=practice&theme=safety-and-violence&theme=economic-empowerment")
    assert sorted(titles(either)) == ["Community association", "Domestic workers desk"]
    # Theme's own counts ignore the theme selection: every practice's themes count.
    assert counts(either, "theme") == {
        "inclusion-and-participation": 3,
        "rights-and-legal-status": 3,
        "economic-empowerment": 1,
        "safety-and-violence": 1,
    }
    # AND across facets: of those two, only the desk is active.
    active = search(
        "type=practice&theme=safety-and-violence&theme=economic-empowerment&status=active"
    )
    assert titles(active) == ["Domestic workers desk"]
    assert counts(active, "status") == {"active": 1, "completed": 1}
    # Type's counts ignore type but respect the theme selection.
    assert counts(active, "type")["practice"] == 1


def test_selected_value_without_hits_is_still_offered(elastic_engine):
    results = search("type=practice&status=discontinued")
    assert results.total == 0
    options = {o.value: o for o in results.facets["status"]}
    assert options["discontinued"].selected and options["discontinued"].count == 0
    assert options["active"].count == 3


@pytest.mark.parametrize("q", ["workers", "worker", "WORKERS"])
def test_words_match_their_stems(elastic_engine, q):
    assert "Domestic workers desk" in titles(search(f"q={q}"))


@pytest.mark.parametrize("q", ["Sao Paulo", "São Paulo", "sao paulo"])
def test_accents_are_ignored(elastic_engine, q):
    assert "São Paulo" in titles(search(f"q={q}"))


def test_phrases_and_exclusions(elastic_engine):
    assert titles(search('q="domestic workers"')) == ["Domestic workers desk"]
    assert search('q="workers domestic"').total == 0
    with_plan = titles(search("q=immigrants"))
    assert sorted(with_plan) == [
        "Municipal plan for immigrants",
        "Reference centre for immigrants",
    ]
    assert titles(search("q=immigrants -plan")) == ["Reference centre for immigrants"]
    assert titles(search("q=immigrants -municipal")) == ["Reference centre for immigrants"]


def test_title_ranks_above_summary_above_body(elastic_engine):
    hits = titles(search("q=women"))
    # In the title first; then the summaries (Mistrust, Sousse); the desk's body last.
    assert set(hits[:2]) == {"Women in the neighbourhood", "Migrant women in cities"}
    assert hits[-1] == "Domestic workers desk"
    # Sousse says "households" in its summary, the desk only in its body.
    assert titles(search("q=households")) == ["Sousse", "Domestic workers desk"]


def test_sorting(elastic_engine):
    by_title = titles(search("sort=title&per_page=100"))
    assert by_title == sorted(by_title, key=lambda t: t.casefold().replace("ã", "a"))
    newest = search("type=practice&sort=newest")
    years = [hit.year for hit in newest.hits]
    assert years == [2021, 2021, 2018, 2016, 2014]


def test_pagination_walks_the_same_order(elastic_engine):
    everything = titles(search("sort=title&per_page=100"))
    pages = [search(f"sort=title&per_page=5&page={n}") for n in (1, 2, 3)]
    assert [len(p.hits) for p in pages] == [5, 5, 2]
    assert [t for p in pages for t in titles(p)] == everything
    assert pages[2].pages == 3
    assert search("per_page=5&page=4").hits == []


@pytest.mark.parametrize("q", ["secret", "Lyon", "orphan", "members-only", "hidden"])
def test_drafts_private_and_hidden_pages_are_never_found(elastic_engine, q):
    assert search(f"q={q}").total == 0


def test_drafts_private_and_hidden_pages_are_never_indexed(elastic_engine, search_corpus):
    c = search_corpus
    hidden = {c.draft.pk, c.private.pk, c.lyon.pk, c.orphan.pk}
    indexed = {hit.id for hit in search("per_page=100").hits}
    assert len(indexed) == 12
    assert not indexed & hidden


def test_publishing_indexes_the_page(
    elastic_engine, search_corpus, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = PracticePageFactory(
            parent=fresh(search_corpus.turin),
            title="Night bus for carers",
            slug="night-bus",
            live=False,
            summary="A late bus route for care workers.",
        )
        page.save_revision().publish()
    assert titles(search("q=night+bus")) == ["Night bus for carers"]
    assert elastic_engine.count() == 13


def test_unpublishing_removes_the_page(
    elastic_engine, search_corpus, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        fresh(search_corpus.desk).unpublish()
    assert search("q=workers").total == 0
    assert elastic_engine.count() == 11


def test_making_a_page_private_removes_it(
    elastic_engine, search_corpus, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=fresh(search_corpus.desk), restriction_type="login"
        )
    assert search("q=workers").total == 0
    # The city above no longer counts the desk's tags.
    assert "domestic-work" not in counts(search(""), "tag")


def test_deleting_a_page_removes_it(
    elastic_engine, search_corpus, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        fresh(search_corpus.plan).delete()
    assert "Municipal plan for immigrants" not in titles(search("per_page=100"))
    assert elastic_engine.count() == 11


def test_delete_of_unknown_ids_is_harmless(elastic_engine):
    elastic_engine.delete([987654321])
    assert elastic_engine.count() == 12


def test_clear_empties_the_index(elastic_engine):
    elastic_engine.clear()
    assert elastic_engine.count() == 0
    assert elastic_engine.health() == "ok"


def test_index_mapping_has_an_analyzer_per_language(elastic_engine):
    client = elastic_engine.client
    settings = client.indices.get_settings(index=elastic_engine.index_name)
    analysis = next(iter(dict(settings).values()))["settings"]["index"]["analysis"]
    assert {"exchange_en", "exchange_fr", "exchange_es", "exchange_pt", "exchange_it"} <= set(
        analysis["analyzer"]
    )


def test_runs_through_the_elasticsearch_client_on_elasticsearch_8(
    settings, search_corpus, elasticsearch8_url
):
    from elasticsearch import Elasticsearch

    engine = use_engine(settings, elasticsearch8_url)
    index.rebuild()
    assert isinstance(engine.client, Elasticsearch)
    assert engine.count() == 12
    results = search("q=workers")
    assert titles(results) == ["Domestic workers desk"]
    either = search("type=practice&theme=safety-and-violence&theme=economic-empowerment")
    assert sorted(titles(either)) == ["Community association", "Domestic workers desk"]
    assert counts(either, "theme")["inclusion-and-participation"] == 3
    page_two = [hit.id for hit in search("sort=title&per_page=5&page=2").hits]
    assert page_two == [hit.id for hit in search("sort=title&per_page=100").hits][5:10]
    engine.delete([search_corpus.desk.pk, 987654321])
    assert engine.count() == 11
    engines._engine.cache_clear()
