"""Keeping search documents in step with pages: sync a few, rebuild all, report status.

The document table is always written (it is the database engine's index and the source
of every other engine); when another engine is configured, it gets the same documents.
A document stands for a group of translations (see search.documents): syncing any page
syncs its whole group, and rebuild and status count groups, not pages.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.db import transaction
from wagtail.models import Page

from cities.models import CityProfilePage
from dialogues.models import DialogueParticipantCity
from practices.models import (
    BarrierReportingCity,
    OpportunityReportingCity,
    PracticeBarrier,
    PracticeOpportunity,
)
from resources.models import ResourceCity

from .documents import (
    INDEXED_MODELS,
    Document,
    build_documents,
    public_pages,
    translation_group_ids,
)
from .engines import EngineUnavailable, database_engine, get_engine
from .models import FacetValue, IndexState, SearchDocument

logger = logging.getLogger(__name__)
BATCH = 500


def _store(documents: list[Document]) -> list[SearchDocument]:
    """Replace the stored rows of `documents` with their new content."""
    ids = [d.page_id for d in documents]
    IndexState.bump()
    FacetValue.objects.filter(document_id__in=ids).delete()
    SearchDocument.objects.filter(page_id__in=ids).delete()
    rows = SearchDocument.objects.bulk_create(
        [
            SearchDocument(
                page_id=d.page_id,
                type=d.type,
                title=d.title[:255],
                title_sort=d.title_sort,
                summary=d.summary,
                body=d.body,
                language=d.language,
                translations=d.translations,
                url=d.url,
                city_slug=d.city_slug,
                city_name=d.city_name,
                country=d.country,
                status=d.status,
                year=d.year,
                licence=d.licence,
                published_at=d.published_at,
            )
            for d in documents
        ]
    )
    FacetValue.objects.bulk_create(
        [
            FacetValue(document_id=d.page_id, facet=facet, value=value[:100], label=label[:255])
            for d in documents
            for facet, values in d.facets.items()
            for value, label in values.items()
        ]
    )
    return rows


def _with_facets(ids: Iterable[int]) -> list[SearchDocument]:
    return list(SearchDocument.objects.filter(pk__in=list(ids)).prefetch_related("facet_values"))


def _forward(index_ids: list[int], delete_ids: list[int]) -> None:
    """Pass changes to a non-database engine; a failure there must not undo the page save."""
    engine = get_engine()
    if engine.name == "database":
        return
    try:
        if delete_ids:
            engine.delete(delete_ids)
        if index_ids:
            engine.index(_with_facets(index_ids))
    except EngineUnavailable:
        logger.warning(
            "search engine %s unavailable: %d documents not sent; run "
            "`manage.py search_index rebuild` when it is back",
            engine.name,
            len(index_ids) + len(delete_ids),
        )


def sync(page_ids: Iterable[int]) -> tuple[int, int]:
    """Re-index `page_ids` and their translations: write one document per visible group,
    remove the rest (a group whose canonical page changed loses its old document).
    Returns (written, removed)."""
    page_ids = translation_group_ids(page_ids)
    if not page_ids:
        return 0, 0
    with transaction.atomic():
        documents = build_documents(page_ids)
        rows = _store(documents)
        database_engine().index(rows)
        gone = page_ids - {d.page_id for d in documents}
        removed = (
            SearchDocument.objects.filter(page_id__in=gone)
            .delete()[1]
            .get("search.SearchDocument", 0)
        )
    written = [d.page_id for d in documents]
    transaction.on_commit(lambda: _forward(written, sorted(gone)))
    return len(written), removed


def remove(page_ids: Iterable[int]) -> None:
    """Drop documents at once (a page being deleted); other engines follow on commit."""
    page_ids = list(page_ids)
    SearchDocument.objects.filter(page_id__in=page_ids).delete()
    IndexState.bump()
    transaction.on_commit(lambda: _forward([], page_ids))


def indexable_page_ids() -> Iterator[int]:
    """One visible, non-alias page per translation group (a group makes one document)."""
    seen = set()
    for model in INDEXED_MODELS:
        rows = (
            public_pages(model)
            .filter(alias_of__isnull=True)
            .values_list("translation_key", "pk")
            .iterator()
        )
        for key, pk in rows:
            if key not in seen:
                seen.add(key)
                yield pk


def rebuild(stdout=None) -> int:
    """Recreate every document from the pages; returns how many there are."""
    ids = sorted(set(indexable_page_ids()))
    with transaction.atomic():
        FacetValue.objects.all().delete()
        SearchDocument.objects.all().delete()
        IndexState.bump()
        database_engine().clear()
        for start in range(0, len(ids), BATCH):
            rows = _store(build_documents(ids[start : start + BATCH]))
            database_engine().index(rows)
            if stdout is not None:
                stdout.write(f"  {min(start + BATCH, len(ids))}/{len(ids)} documents")
    engine = get_engine()
    if engine.name != "database":
        engine.clear()
        for start in range(0, len(ids), BATCH):
            engine.index(_with_facets(ids[start : start + BATCH]))
    return SearchDocument.objects.count()


@dataclass
class IndexStatus:
    engine: str
    expected: int
    stored: int
    engine_count: int | None
    engine_error: str = ""

    @property
    def in_step(self) -> bool:
        return self.expected == self.stored and self.engine_count in (None, self.stored)


def status() -> IndexStatus:
    engine = get_engine()
    count, error = None, ""
    if engine.name != "database":
        try:
            count = engine.count()
        except EngineUnavailable as exc:
            error = str(exc) or "unavailable"
    return IndexStatus(
        engine=engine.name,
        expected=sum(1 for _ in indexable_page_ids()),
        stored=SearchDocument.objects.count(),
        engine_count=count,
        engine_error=error,
    )


def affected_page_ids(page: Page) -> set[int]:
    """Pages whose documents may change when `page` changes.

    Every translation of each of them (a group makes one document), the page and
    everything below it (unpublishing a city hides its practices), the pages
    above it (a city is filed under its practices' themes), and the pages that borrow
    from it through links (a barrier takes themes from the practices addressing it; a
    dialogue lists its cities by name).
    """
    ids = _ids(Page.objects.descendant_of(page, inclusive=True), "pk")
    ids |= _ids(Page.objects.ancestor_of(page).filter(depth__gt=1), "pk")
    ids |= _ids(PracticeBarrier.objects.filter(page_id__in=ids), "barrier_id")
    ids |= _ids(PracticeOpportunity.objects.filter(page_id__in=ids), "opportunity_id")
    linked = _ids(PracticeBarrier.objects.filter(barrier_id__in=ids), "page_id")
    linked |= _ids(PracticeOpportunity.objects.filter(opportunity_id__in=ids), "page_id")
    ids |= linked
    # A city is filed under the categories of the records its practices address: when a
    # record changes, the cities of the practices linked to it change too.
    parent_paths = {
        path[: -Page.steplen] for path in _ids(Page.objects.filter(pk__in=linked), "path")
    }
    ids |= _ids(Page.objects.filter(path__in=parent_paths), "pk")
    city_ids = set(CityProfilePage.objects.filter(pk__in=ids).values_list("pk", flat=True))
    for model in (BarrierReportingCity, OpportunityReportingCity, ResourceCity):
        ids |= set(model.objects.filter(city_id__in=city_ids).values_list("page_id", flat=True))
        ids |= set(model.objects.filter(page_id__in=ids).values_list("city_id", flat=True))
    ids |= set(
        DialogueParticipantCity.objects.filter(city_id__in=city_ids).values_list(
            "page_id", flat=True
        )
    )
    return translation_group_ids(ids)


def _ids(queryset, field: str) -> set[int]:
    return set(queryset.values_list(field, flat=True))
