"""`manage.py search_index rebuild|status`: redo the documents, and tell when they drift."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.http import QueryDict

from search.models import FacetValue, SearchDocument
from search.query import parse
from search.results import run

from ..factories import PracticePageFactory

pytestmark = pytest.mark.django_db


def command(*args: str, verbosity: int = 1) -> str:
    out = StringIO()
    call_command("search_index", *args, stdout=out, verbosity=verbosity)
    return out.getvalue()


def total(qs: str) -> int:
    query, errors = parse(QueryDict(qs))
    assert not errors
    return run(query).total


def test_status_in_step(search_corpus):
    out = command("status")
    assert "public pages to index: 12" in out
    assert "documents stored: 12" in out
    assert "In step." in out


def test_status_fails_when_a_document_is_missing(search_corpus):
    SearchDocument.objects.filter(pk=search_corpus.desk.pk).delete()
    with pytest.raises(CommandError, match="out of step"):
        command("status")


def test_status_fails_when_a_page_was_added_without_indexing(search_corpus):
    # Factories save pages without Wagtail's publish signal: nothing indexes this one.
    PracticePageFactory(parent=search_corpus.turin, title="Unindexed", slug="unindexed")
    with pytest.raises(CommandError):
        command("status")


def test_rebuild_restores_what_was_lost(search_corpus):
    c = search_corpus
    SearchDocument.objects.filter(pk=c.desk.pk).delete()
    FacetValue.objects.filter(document_id=c.sousse.pk, facet="theme").delete()
    assert total("q=domestic+workers") == 0

    out = command("rebuild")

    assert "Indexed 12 documents." in out
    assert SearchDocument.objects.count() == 12
    assert total("q=domestic+workers") == 1
    assert total("theme=safety-and-violence&type=city") == 1
    assert "In step." in command("status")


def test_rebuild_drops_documents_of_pages_no_longer_public(search_corpus):
    c = search_corpus
    # Changed behind Wagtail's back (no signal): only a rebuild notices.
    type(c.desk).objects.filter(pk=c.desk.pk).update(live=False)
    assert total("q=domestic+workers") == 1
    command("rebuild")
    assert total("q=domestic+workers") == 0
    assert not SearchDocument.objects.filter(pk=c.private.pk).exists()
    assert SearchDocument.objects.count() == 11


def test_rebuild_reports_progress_when_verbose(search_corpus):
    out = command("rebuild", verbosity=2)
    assert "12/12 documents" in out


def test_rebuild_is_idempotent(search_corpus):
    command("rebuild")
    first = sorted(FacetValue.objects.values_list("document_id", "facet", "value"))
    command("rebuild")
    assert sorted(FacetValue.objects.values_list("document_id", "facet", "value")) == first
    assert total("q=immigrants") == 2


def test_unknown_action_is_refused(db):
    with pytest.raises(CommandError):
        command("compact")
