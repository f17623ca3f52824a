"""Running a search and shaping its answer for the page, the JSON API and the CSV export."""

from __future__ import annotations

import logging
import math
from collections import defaultdict
from dataclasses import dataclass, field, replace

from django.conf import settings
from django.urls import translate_url
from django.utils.safestring import SafeString
from django.utils.translation import (
    get_language,
    get_language_from_path,
    override,
)
from django.utils.translation import gettext_lazy as _

from exchange.licences import licence_info
from taxonomy import languages
from taxonomy.collation import collation_language, sort_key, sorted_by
from taxonomy.languages import text_direction

from .engines import EngineUnavailable, RawResults, database_engine, get_engine
from .facets import FACETS, DocumentType
from .models import FacetValue, SearchDocument
from .query import SearchQuery
from .text import parse_query, snippet

logger = logging.getLogger(__name__)
FACETS_SHOWN_IN_CARDS = ("theme",)
# The badge on a hit shown in another language than the visitor's: whole phrases, so each
# language can say them its own way ("En anglais", "بالإنكليزية").
IN_LANGUAGE = {language.code: language.in_language for language in languages.LANGUAGES}


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
    licence: str = ""
    themes: list[tuple[str, str]] = field(default_factory=list)  # (slug, label)
    # The language of the title, summary and URL shown, and whether it differs from the
    # visitor's (the item has no live translation in their language).
    language: str = ""
    other_language: bool = False

    @property
    def language_badge(self) -> str:
        """ "In English" when the hit is shown in another language than the visitor's."""
        if not self.other_language:
            return ""
        return str(IN_LANGUAGE.get(self.language, self.language))

    @property
    def direction(self) -> str:
        return text_direction(self.language)

    @property
    def marked_language(self) -> str:
        """The title's language where it must be marked (not the visitor's), else ""."""
        return self.language if self.other_language else ""

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
            "language": self.language,
            "licence": licence_info(self.licence),
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
    language = collation_language()  # the language of the labels
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
            options.sort(key=lambda o: (-o.count, sort_key(o.label, language)))
        facets[name] = options
    return facets


def request_language() -> str:
    """The visitor's language code ("fr" from "fr-ca"), as LocaleMiddleware activated it."""
    return (get_language() or "").split("-")[0].lower()


def shown_version(doc: SearchDocument, language: str) -> tuple[dict[str, str], str]:
    """The title, summary, body and URL to show for `doc` to a visitor reading `language`,
    and their language: the translation in `language` when there is a live public one,
    else the canonical page's."""
    translation = (doc.translations or {}).get(language)
    if translation:
        return translation, language
    url = doc.url
    if url and language and get_language_from_path(url) is None:
        # An original without a language prefix is also served, in its own language, under
        # the visitor's prefix (/fr/cities/...): the visitor stays in their interface.
        # Resolving a path reads no database. The path is resolved in the default language,
        # the one whose URLs carry no prefix (translate_url resolves in the active one).
        with override(settings.LANGUAGE_CODE):
            url = translate_url(url, language)
    canonical = {"title": doc.title, "summary": doc.summary, "body": doc.body, "url": url}
    return canonical, doc.language


def _hits(ids: list[int], query: SearchQuery, language: str) -> list[Hit]:
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
        shown, shown_language = shown_version(doc, language)
        summary = shown.get("summary", "")
        text = summary if not parsed else f"{summary}\n{shown.get('body', '')}"
        hits.append(
            Hit(
                id=doc.pk,
                type=doc.type,
                type_label=str(type_labels.get(doc.type, doc.type)),
                title=shown.get("title", ""),
                url=shown.get("url", ""),
                summary=summary,
                snippet=snippet(text, parsed, shown_language),
                city_slug=doc.city_slug,
                city_name=doc.city_name,
                country=doc.country,
                status=doc.status,
                status_label=status_labels.get(doc.status, ""),
                year=doc.year,
                licence=doc.licence,
                themes=sorted_by(
                    ((slug, theme_labels.get(slug, slug)) for slug in themes[pk]),
                    lambda t: t[1],
                ),
                language=shown_language,
                other_language=shown_language != language,
            )
        )
    return hits


def run(query: SearchQuery, language: str | None = None) -> SearchResults:
    """Search; hits are shown in `language` where translated (default: the active one), and
    sorted by title in its alphabetical order."""
    language = language or request_language()
    if not query.language:
        query = replace(query, language=collation_language(language))
    raw, engine, notice = _raw(query)
    return SearchResults(
        query=query,
        total=raw.total,
        hits=_hits(raw.ids, query, language),
        facets=_facet_options(query, raw.facets),
        engine=engine,
        notice=notice,
    )
