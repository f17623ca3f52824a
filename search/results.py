"""Running a search and shaping its answer for the page, the JSON API and the CSV export."""

from __future__ import annotations

import logging
import math
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from .engines import EngineUnavailable, RawResults, database_engine, get_engine
from .facets import FACETS, DocumentType
from .models import FacetValue, SearchDocument
from .query import SearchQuery
from .text import parse_query, snippet

logger = logging.getLogger(__name__)
FACETS_SHOWN_IN_CARDS = ("theme",)


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Hit:
    id: int
    type: str
    type_label: str
    title: str
    url: str
    summary: str
    snippet: SafeString
    city_slug: str
    city_name: str
    country: str
    status: str
    status_label: str
    year: int | None
    themes: list[tuple[str, str]] = field(default_factory=list)  # (slug, label)

    def as_json(self) -> dict:
        return {
            "id": self.id,
            "type": self.type,
            "title": self.title,
            "url": self.url,
            "summary": self.summary,
            "city": {"slug": self.city_slug, "name": self.city_name} if self.city_slug else None,
            "country": self.country or None,
            "themes": [slug for slug, _label in self.themes],
            "status": self.status or None,
            "year": self.year,
        }


@dataclass
class SearchResults:
    query: SearchQuery
    total: int
    hits: list[Hit]
    facets: dict[str, list[FacetOption]]
    engine: str
    notice: str = ""

    @property
    def page(self) -> int:
        return self.query.page

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.query.per_page))

    def as_json(self) -> dict:
        return {
            "total": self.total,
            "page": self.page,
            "pages": self.pages,
            "results": [hit.as_json() for hit in self.hits],
            "facets": {
                name: [
                    {"value": o.value, "label": o.label, "count": o.count, "selected": o.selected}
                    for o in options
                ]
                for name, options in self.facets.items()
            },
        }


def _raw(query: SearchQuery) -> tuple[RawResults, str, str]:
    engine = get_engine()
    try:
        return engine.search(query), engine.name, ""
    except EngineUnavailable:
        logger.warning("search engine %s unavailable; answering from the database", engine.name)
        notice = _(
            "The main search service is not answering; these results come from the backup "
            "search and may be a few minutes behind."
        )
        return database_engine().search(query), "database", str(notice)


def _facet_options(query: SearchQuery, counts: dict[str, dict[str, int]]) -> dict:
    """Labelled options per facet: most frequent first, selected values always present."""
    facets = {}
    for name, facet in FACETS.items():
        values = dict(counts.get(name, {}))
        selected = query.selected(name)
        for value in selected:
            values.setdefault(value, 0)
        labels = facet.labels(values.keys()) if values else {}
        options = [
            FacetOption(value, labels.get(value, value), n, value in selected)
            for value, n in values.items()
        ]
        if facet.ordered:
            order = list(facet.labels(None))
            options.sort(key=lambda o: order.index(o.value) if o.value in order else len(order))
        else:
            options.sort(key=lambda o: (-o.count, o.label.casefold()))
        facets[name] = options
    return facets


def _hits(ids: list[int], query: SearchQuery) -> list[Hit]:
    if not ids:
        return []
    rows = SearchDocument.objects.in_bulk(ids)
    themes = defaultdict(list)
    for document_id, value in FacetValue.objects.filter(
        document_id__in=ids, facet="theme"
    ).values_list("document_id", "value"):
        themes[document_id].append(value)
    theme_labels = FACETS["theme"].labels({v for vs in themes.values() for v in vs})
    type_labels = dict(DocumentType.choices)
    status_labels = FACETS["status"].labels(None)
    parsed = parse_query(query.q)
    hits = []
    for pk in ids:
        doc = rows.get(pk)
        if doc is None:  # removed between the engine's answer and now
            continue
        text = doc.summary if not parsed else f"{doc.summary}\n{doc.body}"
        hits.append(
            Hit(
                id=doc.pk,
                type=doc.type,
                type_label=str(type_labels.get(doc.type, doc.type)),
                title=doc.title,
                url=doc.url,
                summary=doc.summary,
                snippet=snippet(text, parsed, doc.language),
                city_slug=doc.city_slug,
                city_name=doc.city_name,
                country=doc.country,
                status=doc.status,
                status_label=status_labels.get(doc.status, ""),
                year=doc.year,
                themes=sorted(
                    ((slug, theme_labels.get(slug, slug)) for slug in themes[pk]),
                    key=lambda t: t[1],
                ),
            )
        )
    return hits


def run(query: SearchQuery) -> SearchResults:
    raw, engine, notice = _raw(query)
    return SearchResults(
        query=query,
        total=raw.total,
        hits=_hits(raw.ids, query),
        facets=_facet_options(query, raw.facets),
        engine=engine,
        notice=notice,
    )
