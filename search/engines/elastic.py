"""The Elasticsearch engine: elasticsearch-dsl's FacetedSearch on Elasticsearch 8 or OpenSearch.

Matching follows the database engine exactly (see search/text.py): every document also
carries its stems as analysed by `search.text.analyse` in whitespace-split fields, and the
query is the same OR over languages of AND over stem phrases that FTS5 and PostgreSQL run.
So every engine returns the same hits whatever the server's own analysis does. The
per-language analyzers (standard tokenizer, lowercase, asciifolding, stop words, Snowball)
analyse title, summary and body for ranking, with the title weighted above the summary
and the summary above the body.

Facets are FacetedSearch TermsFacets: the selection of each facet is a post_filter and
every facet's aggregation is filtered by the *other* facets' selections, so each facet's
counts ignore its own selection (disjunctive facets).

The elasticsearch client refuses servers that are not Elasticsearch, so on OpenSearch the
request FacetedSearch builds is sent through opensearch-py and its answer wrapped back
into the DSL's response class.
"""

from __future__ import annotations

import logging
import threading
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from django.conf import settings
from elasticsearch_dsl import (
    FacetedSearch,
    Index,
    Mapping,
    Q,
    TermsFacet,
    analyzer,
    token_filter,
)
from elasticsearch_dsl.field import Date, Integer, Keyword, Text

from taxonomy.collation import sort_key_text

from ..facets import FACET_NAMES
from ..models import SearchDocument
from ..query import SearchQuery
from ..text import DEFAULT_LANGUAGE, LANGUAGES, ParsedQuery, analyse, parse_query
from .base import EngineUnavailable, RawResults

logger = logging.getLogger(__name__)

# Enough buckets for every value a facet can have (cities and tags grow with the network).
FACET_SIZE = 10_000
TEXT_FIELDS = ("title", "summary", "body")
# Title above summary above body, as in the database engine.
BOOSTS = {"title": 10, "summary": 4, "body": 1}
STEMS = {field: f"stems_{field}" for field in TEXT_FIELDS}
# Sort by title in each language: the collation key of the title shown in that language, as
# text whose byte order is the collation's (taxonomy.collation.sort_key_text), so a keyword
# sort gives the database engine's order.
TITLE_KEYS = {code: f"title_key_{code}" for code in LANGUAGES}
BULK_CHUNK = 500


def language_analyzer(code: str):
    language = LANGUAGES[code]
    if code == "ar":
        # Lucene's Arabic normaliser and light stemmer (Elasticsearch's own `arabic`
        # analyzer): ranking only, matching is on search.text's Snowball stems.
        return analyzer(
            "exchange_ar",
            tokenizer="standard",
            filter=[
                "lowercase",
                token_filter("exchange_ar_stop", "stop", stopwords="_arabic_"),
                "arabic_normalization",
                token_filter("exchange_ar_stem", "stemmer", language="arabic"),
            ],
        )
    return analyzer(
        f"exchange_{code}",
        tokenizer="standard",
        filter=[
            "lowercase",
            "asciifolding",
            token_filter(f"exchange_{code}_stop", "stop", stopwords=f"_{language}_"),
            token_filter(f"exchange_{code}_stem", "snowball", language=language.capitalize()),
        ],
    )


# The stems of search.text.analyse, one per whitespace-separated token, positions kept.
STEMS_ANALYZER = analyzer("exchange_stems", tokenizer="whitespace")


def mapping() -> Mapping:
    m = Mapping()
    m.field("doc_id", Integer())
    for name in TEXT_FIELDS:
        m.field(
            name,
            Text(
                analyzer=language_analyzer(DEFAULT_LANGUAGE),
                fields={
                    code: Text(analyzer=language_analyzer(code))
                    for code in LANGUAGES
                    if code != DEFAULT_LANGUAGE
                },
            ),
        )
        m.field(STEMS[name], Text(analyzer=STEMS_ANALYZER))
    m.field("language", Keyword())
    m.field("title_sort", Keyword())
    for name in TITLE_KEYS.values():
        m.field(name, Keyword())
    m.field("year", Integer())
    m.field("published_at", Date())
    for facet in FACET_NAMES:
        m.field(facet, Keyword())
    return m


def index_body(name: str) -> dict[str, Any]:
    """Settings (analyzers) and mappings of the index, as one create-index body."""
    index = Index(name)
    # One shard: the index is small, and one shard keeps relevance scores comparable.
    index.settings(number_of_shards=1)
    index.mapping(mapping())
    return index.to_dict()


def source(doc: SearchDocument) -> dict[str, Any]:
    """The indexed form of a stored document (its `facet_values` prefetched)."""
    body: dict[str, Any] = {
        "doc_id": doc.pk,
        "language": doc.language,
        "title_sort": doc.title_sort,
        **title_keys(doc),
        "year": doc.year,
        "published_at": doc.published_at.isoformat() if doc.published_at else None,
    }
    # Each translation is one value of an array field: its stems stay in its own language,
    # and a phrase never runs from one translation into the next (position gap).
    versions = [({name: getattr(doc, name) for name in TEXT_FIELDS}, doc.language)]
    versions += [(t, t.get("language", "")) for t in (doc.translations or {}).values()]
    for name in TEXT_FIELDS:
        texts = [fields.get(name) or "" for fields, _language in versions]
        stems = [" ".join(analyse(fields.get(name) or "", lang)) for fields, lang in versions]
        body[name] = texts if len(texts) > 1 else texts[0]
        body[STEMS[name]] = stems if len(stems) > 1 else stems[0]
    facets: dict[str, list[str]] = defaultdict(list)
    for row in doc.facet_values.all():
        facets[row.facet].append(row.value)
    body.update(facets)
    return body


def title_keys(doc: SearchDocument) -> dict[str, str]:
    """{field: sort key} of the title a visitor reading each language is shown (its
    translation's, else the canonical one), in that language's order."""
    translations = doc.translations or {}
    return {
        field: sort_key_text((translations.get(code) or {}).get("title") or doc.title, code)
        for code, field in TITLE_KEYS.items()
    }


def title_key_field(language: str) -> str:
    return TITLE_KEYS.get(language or DEFAULT_LANGUAGE, TITLE_KEYS[DEFAULT_LANGUAGE])


def _group(stems: tuple[str, ...]) -> Q:
    """A word or phrase of stems, found in any one of the text fields (as in FTS5)."""
    phrase = " ".join(stems)
    return Q(
        "bool",
        should=[Q("match_phrase", **{field: phrase}) for field in STEMS.values()],
        minimum_should_match=1,
    )


def text_filter(parsed: ParsedQuery) -> Q:
    """OR over languages of (every required group AND NOT any excluded group)."""
    return Q(
        "bool",
        should=[
            Q(
                "bool",
                filter=[_group(g) for g in required],
                must_not=[_group(g) for g in excluded],
            )
            for required, excluded in parsed.analyses.values()
        ],
        minimum_should_match=1,
    )


def _ranking(query: SearchQuery) -> Q:
    """Scores only: the words of the query in the per-language analysed fields."""
    wanted = " ".join(" ".join(t.words) for t in parse_query(query.q).terms if not t.excluded)
    return Q(
        "multi_match",
        query=wanted,
        fields=[
            f"{name}{'' if code == DEFAULT_LANGUAGE else '.' + code}^{BOOSTS[name]}"
            for name in TEXT_FIELDS
            for code in LANGUAGES
        ],
    )


class ExchangeFacetedSearch(FacetedSearch):
    facets = {name: TermsFacet(field=name, size=FACET_SIZE) for name in FACET_NAMES}

    def __init__(self, query: SearchQuery, index: str, using: Any = "default"):
        self.index = index
        self.using = using
        self.search_query = query
        self.parsed = parse_query(query.q)
        super().__init__(
            query=query.q,
            filters={name: list(values) for name, values in query.filters.items()},
            sort=self.sort_keys(),
        )

    def sort_keys(self) -> list[Any]:
        sort = self.search_query.effective_sort
        by_title = title_key_field(self.search_query.language)
        if sort == "title":
            return [by_title, "doc_id"]
        if sort == "newest" or not self.parsed:
            return [
                {"year": {"order": "desc", "missing": "_last"}},
                {"published_at": {"order": "desc", "missing": "_last"}},
                "doc_id",
            ]
        return ["_score", by_title, "doc_id"]

    def query(self, search, query):
        """Text and year range narrow everything, facet counts included (not a post_filter)."""
        filters = []
        if self.parsed:
            filters.append(text_filter(self.parsed))
        years = {}
        if self.search_query.year_from:
            years["gte"] = self.search_query.year_from
        if self.search_query.year_to:
            years["lte"] = self.search_query.year_to
        if years:
            filters.append(Q("range", year=years))
        if not filters:
            return search
        should = [_ranking(self.search_query)] if self.parsed else []
        return search.query(Q("bool", filter=filters, should=should))

    def build_search(self):
        q = self.search_query
        # Exact totals (Elasticsearch stops counting at 10,000 by default); ids only.
        return (
            super()
            .build_search()
            .extra(track_total_hits=True, _source=False)[q.offset : q.offset + q.per_page]
        )


class ElasticsearchEngine:
    name = "elasticsearch"

    def __init__(self, url: str, index: str):
        if not url:
            raise ValueError("SEARCH_URL must be set for the elasticsearch engine")
        self.url = url
        self.index_name = index
        self.timeout = float(getattr(settings, "SEARCH_TIMEOUT", 5))
        self._client: Any = None
        self._opensearch = False
        self._index_ready = False
        self._lock = threading.Lock()

    # ----------------------------------------------------------------- connection
    def _errors(self) -> tuple[type[BaseException], ...]:
        # The clients load only where this engine is configured (the database engine is
        # the default): importing them costs every worker start-up otherwise.
        import elastic_transport
        import elasticsearch
        import opensearchpy

        return (
            opensearchpy.exceptions.OpenSearchException,
            elastic_transport.TransportError,
            elasticsearch.ApiError,
            OSError,
        )

    @property
    def client(self) -> Any:
        """The client matching the server, chosen from `GET /` on first use."""
        if self._client is None:
            with self._lock:
                if self._client is None:
                    self._client = self._connect()
        return self._client

    def _connect(self) -> Any:
        from opensearchpy import OpenSearch

        # opensearch-py talks to either server, so it asks which one this is.
        probe = OpenSearch(hosts=[self.url], timeout=self.timeout, max_retries=0)
        try:
            info = probe.info()
        except self._errors() as exc:
            raise EngineUnavailable(f"{self.url}: {exc}") from exc
        if info.get("version", {}).get("distribution") == "opensearch":
            self._opensearch = True
            return probe
        from elasticsearch import Elasticsearch

        return Elasticsearch(self.url, request_timeout=self.timeout, max_retries=0)

    def _call(self, fn, *args, **kwargs) -> Any:
        try:
            return fn(*args, **kwargs)
        except EngineUnavailable:
            raise
        except self._errors() as exc:
            logger.warning("search engine at %s failed: %s", self.url, exc)
            raise EngineUnavailable(str(exc)) from exc

    # ----------------------------------------------------------------- searching
    def search(self, query: SearchQuery) -> RawResults:
        client = self.client
        faceted = ExchangeFacetedSearch(
            query, self.index_name, using="default" if self._opensearch else client
        )
        response = self._call(self._execute, client, faceted)
        return RawResults(
            total=response.hits.total.value,
            ids=[int(hit.meta.id) for hit in response.hits],
            facets={
                name: {value: count for value, count, _selected in options if count}
                for name, options in response.facets.to_dict().items()
            },
        )

    def _execute(self, client: Any, faceted: ExchangeFacetedSearch):
        if not self._opensearch:
            return faceted.execute()
        s = faceted._s
        raw = client.search(index=self.index_name, body=s.to_dict())
        response = s._response_class(s, raw)
        response._faceted_search = faceted
        return response

    # ----------------------------------------------------------------- indexing
    def _ensure_index(self) -> None:
        if self._index_ready:
            return
        client = self.client
        if not self._call(client.indices.exists, index=self.index_name):
            self._create_index()
        self._index_ready = True

    def _create_index(self) -> None:
        body = index_body(self.index_name)
        if self._opensearch:
            self._call(self.client.indices.create, index=self.index_name, body=body)
        else:
            self._call(self.client.indices.create, index=self.index_name, **body)

    def _bulk(self, actions: list[dict[str, Any]], missing_ok: bool = False) -> None:
        if not actions:
            return
        if self._opensearch:
            from opensearchpy.helpers import bulk
        else:
            from elasticsearch.helpers import bulk
        _ok, errors = self._call(
            bulk, self.client, actions, chunk_size=BULK_CHUNK, raise_on_error=False
        )
        failed = [
            e
            for e in errors
            if not (missing_ok and next(iter(e.values()), {}).get("status") == 404)
        ]
        if failed:
            raise EngineUnavailable(f"{len(failed)} documents refused, first: {failed[0]}")
        # Make the change visible to the next search (a page editor checks at once).
        self._call(self.client.indices.refresh, index=self.index_name)

    def index(self, documents: Sequence[SearchDocument]) -> None:
        if not documents:
            return
        self._ensure_index()
        self._bulk(
            [
                {"_op_type": "index", "_index": self.index_name, "_id": d.pk, "_source": source(d)}
                for d in documents
            ]
        )

    def delete(self, ids: Iterable[int]) -> None:
        ids = list(ids)
        if not ids:
            return
        self._ensure_index()
        self._bulk(
            [{"_op_type": "delete", "_index": self.index_name, "_id": pk} for pk in ids],
            missing_ok=True,
        )

    def clear(self) -> None:
        client = self.client
        if self._call(client.indices.exists, index=self.index_name):
            self._call(client.indices.delete, index=self.index_name)
        self._create_index()
        self._index_ready = True

    def count(self) -> int:
        client = self.client
        if not self._call(client.indices.exists, index=self.index_name):
            return 0
        return int(self._call(client.count, index=self.index_name)["count"])

    def health(self) -> str:
        self._call(self.client.info)
        return "ok"
