"""The database engine: full text in SQLite FTS5 or PostgreSQL, facets from bitsets.

The database finds the documents that hold the words and scores them (one query); filters,
disjunctive facet counts, sorting and paging work on the bitsets of `search.facet_index`,
read from the indexed facet-value table and kept until the documents change. A search
costs two queries (index version, words) whatever the number of documents or facets.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from django.db import connection

from .. import facet_index
from ..facets import FACET_NAMES
from ..models import SearchDocument
from ..query import SearchQuery
from ..text import DEFAULT_LANGUAGE, LANGUAGES, ParsedQuery, analyse, parse_query
from .base import RawResults


def fts5_expression(parsed: ParsedQuery) -> str:
    """OR over languages of (all required groups AND NOT any excluded group)."""
    alternatives = []
    for required, excluded in parsed.analyses.values():
        expr = " AND ".join(_phrase(g) for g in required)
        for group in excluded:
            expr = f"({expr}) NOT {_phrase(group)}"
        alternatives.append(f"({expr})")
    return " OR ".join(alternatives)


def _phrase(stems: tuple[str, ...]) -> str:
    # FTS5 phrase: tokens joined by "+" inside quotes-free form; each token quoted.
    return " + ".join(f'"{s}"' for s in stems) if len(stems) > 1 else f'"{stems[0]}"'


def tsquery_expression(parsed: ParsedQuery) -> str:
    """The same rule as FTS5, as a to_tsquery('simple', ...) string of stems."""
    alternatives = []
    for required, excluded in parsed.analyses.values():
        parts = [_tsphrase(g, parsed) for g in required]
        parts += [f"!({_tsphrase(g, parsed)})" for g in excluded]
        alternatives.append("(" + " & ".join(f"({p})" for p in parts) + ")")
    return " | ".join(alternatives)


def _tsphrase(stems: tuple[str, ...], parsed: ParsedQuery) -> str:
    """Stems in order, as far apart as in the query: "plan for immigrants" is 'plan' <2> 'immigr'.

    PostgreSQL counts a dropped stop word's position, so `<->` alone would never match a
    phrase with a stop word inside.
    """
    distances = parsed.distances.get(stems) or (1,) * (len(stems) - 1)
    phrase = f"'{stems[0]}'"
    for stem, distance in zip(stems[1:], distances, strict=True):
        phrase += f" <{distance}> '{stem}'"
    return phrase


TEXT_FIELDS = ("title", "summary", "body")


def _config(expression: str) -> str:
    """SQL: the text search configuration of the language code `expression` (the default
    language's when search does not know it)."""
    known = ", ".join(repr(code) for code in LANGUAGES)
    code = f"CASE WHEN {expression} IN ({known}) THEN {expression} ELSE '{DEFAULT_LANGUAGE}' END"
    return f"('exchange_' || {code})::regconfig"


def stems(document: SearchDocument, name: str) -> str:
    """The stems of one text field of a document and of each of its translations, each
    analysed in its own language (FTS5 and Elasticsearch match on these)."""
    parts = [analyse(getattr(document, name), document.language)]
    for translation in (document.translations or {}).values():
        parts.append(analyse(translation.get(name, ""), translation.get("language", "")))
    return " ".join(stem for part in parts for stem in part)


# PostgreSQL (migration 0009): per document, the vectors of its titles, of its summaries
# and of all its text, each translation in its own language's configuration.
POSTGRES_INDEX_SQL = (
    "INSERT INTO search_vectors (document_id, title, summary, body) "
    "SELECT d.page_id, exchange_tsvector_agg(to_tsvector(t.cfg, t.title)), "
    "exchange_tsvector_agg(to_tsvector(t.cfg, t.summary)), "
    "exchange_tsvector_agg(to_tsvector(t.cfg, t.title || ' ' || t.summary || ' ' || t.body)) "
    "FROM search_searchdocument d, LATERAL ("
    "SELECT " + _config("d.language") + " AS cfg, d.title, d.summary, d.body "
    "UNION ALL SELECT " + _config("(v.value->>'language')") + ", "
    "coalesce(v.value->>'title', ''), coalesce(v.value->>'summary', ''), "
    "coalesce(v.value->>'body', '') FROM jsonb_each(d.translations) AS v) AS t "
    "WHERE d.page_id = ANY(%s) GROUP BY d.page_id "
    "ON CONFLICT (document_id) DO UPDATE SET title = EXCLUDED.title, "
    "summary = EXCLUDED.summary, body = EXCLUDED.body"
)
# What a query term scores, by the field it is found in (the best one). The sum over the
# terms orders the matches, ties by title, on both databases. PostgreSQL adds it up from the
# small title and summary vectors (ts_rank read every match's whole vector: 200 ms for a
# common word at 100,000 practices); SQLite from the column matches of FTS5, as bitsets
# (bm25 over every match cost as much as the rest of the search together).
FIELD_SCORES = {"title": 10, "summary": 4}
BODY_SCORE = 1


@dataclass
class TextMatches:
    """The documents that match the words, as positions of the facet index."""

    bits: int
    # The matches grouped by score, best first (a single group when not ranked).
    tiers: list[int] = field(default_factory=list)


class DatabaseEngine:
    name = "database"

    # ----------------------------------------------------------------- searching
    def search(self, query: SearchQuery) -> RawResults:
        facets = facet_index.current()
        parsed = parse_query(query.q)
        base = facets.everything
        text = None
        if parsed:
            # Scores cost more than the matches alone: only relevance needs them.
            text = self._text_matches(parsed, facets, query.effective_sort == "relevance")
            base = text.bits
        if query.year_from or query.year_to:
            base &= facets.year_mask(query.year_from, query.year_to)
        selections = {
            facet: facets.selection(facet, values) for facet, values in query.filters.items()
        }
        matching = base
        for bits in selections.values():
            matching &= bits
        return RawResults(
            total=matching.bit_count(),
            ids=self._page_ids(facets, matching, query, text),
            facets=self._facet_counts(facets, base, matching, selections),
        )

    @staticmethod
    def _text_matches(
        parsed: ParsedQuery, facets: facet_index.FacetIndex, ranked: bool
    ) -> TextMatches:
        if connection.vendor == "postgresql":
            tiers = [facets.bitset_of_ids(ids) for ids in _postgres_matches(parsed, ranked)]
        else:
            tiers = _sqlite_tiers(parsed, ranked, facets)
        bits = 0
        for tier in tiers:
            bits |= tier
        return TextMatches(bits, tiers=tiers)

    @staticmethod
    def _page_ids(
        facets: facet_index.FacetIndex,
        matching: int,
        query: SearchQuery,
        text: TextMatches | None,
    ) -> list[int]:
        end = query.offset + query.per_page
        sort = query.effective_sort
        if sort == "title":
            found = facets.first_in_order(matching, end, facets.title_order(query.language))
        elif sort == "newest" or text is None:
            found = facets.first_in_order(matching, end, facets.by_newest)
        else:
            found = []
            by_title = facets.title_order(query.language)
            for tier in text.tiers:
                found += facets.first_in_order(tier & matching, end - len(found), by_title)
                if len(found) >= end:
                    break
        return found[query.offset : end]

    @staticmethod
    def _facet_counts(
        facets: facet_index.FacetIndex, base: int, matching: int, selections: dict[str, int]
    ) -> dict[str, dict[str, int]]:
        """Unselected facets count over every filter; a selected one over all but its own."""
        counts = {}
        for name in FACET_NAMES:
            if name in selections:
                others = base
                for facet, bits in selections.items():
                    if facet != name:
                        others &= bits
                counts[name] = facets.counts(name, others)
            else:
                counts[name] = facets.counts(name, matching)
        return counts

    # ----------------------------------------------------------------- indexing
    def index(self, documents: Sequence[SearchDocument]) -> None:
        """Write the full-text side of stored documents (the rows themselves are the index)."""
        if not documents:
            return
        ids = [d.pk for d in documents]
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(POSTGRES_INDEX_SQL, [ids])
            else:
                cursor.execute(
                    f"DELETE FROM search_fts WHERE rowid IN ({', '.join(['%s'] * len(ids))})",
                    ids,
                )
                cursor.executemany(
                    "INSERT INTO search_fts (rowid, title, summary, body) VALUES (%s, %s, %s, %s)",
                    [(d.pk, *(stems(d, name) for name in TEXT_FIELDS)) for d in documents],
                )

    def delete(self, ids: Iterable[int]) -> None:
        """Stored rows are deleted by the store; a trigger deletes their full text with them."""

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                "DELETE FROM search_fts"
                if connection.vendor == "sqlite"
                else "DELETE FROM search_vectors"
            )

    def count(self) -> int:
        return SearchDocument.objects.count()

    def health(self) -> str:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return "ok"


def _sqlite_tiers(parsed: ParsedQuery, ranked: bool, facets: facet_index.FacetIndex) -> list[int]:
    """The matches grouped by score, best first, as bitsets. FTS5 answers the whole query
    and, per term, which of its matches hold the term in their titles or summaries (bm25
    over every match cost as much as the rest of the search together); the scores are
    summed over those sets as bitsets."""
    query = fts5_expression(parsed)
    expressions = [query]
    if ranked:
        for groups in parsed.term_groups:
            term = " OR ".join(_phrase(g) for g in groups)
            expressions += [f"({query}) AND {{title summary}} : ({term})"]
            expressions += [f"({query}) AND title : ({term})"]
    # Each set crosses as one string of comma-separated ids rather than as rows.
    select = "(SELECT group_concat(rowid) FROM search_fts WHERE search_fts MATCH %s)"
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join([select] * len(expressions)), expressions)
        found = [
            facets.bitset_of_ids(np.fromstring(ids, dtype=np.int64, sep=",") if ids else [])
            for ids in cursor.fetchone()
        ]
    matches = found[0]
    if not ranked or not matches:
        return [matches] if matches else []
    weighted = [(matches, BODY_SCORE * len(parsed.term_groups))]
    heads = iter(found[1:])
    for title_or_summary, title in zip(heads, heads, strict=True):
        weighted.append((title_or_summary, FIELD_SCORES["summary"] - BODY_SCORE))
        weighted.append((title, FIELD_SCORES["title"] - FIELD_SCORES["summary"]))
    return [tier for _, tier in facet_index.score_tiers(weighted)]


# A match as it crosses from PostgreSQL: its document id and its score, big-endian (int4send,
# int2send), packed into one string for all the matches.
_PACKED_MATCH = np.dtype([("id", ">i4"), ("score", ">i2")])


def _postgres_matches(parsed: ParsedQuery, ranked: bool) -> list[np.ndarray]:
    """The ids of the matching documents, one array per score, best first (a single one
    when not `ranked`). Tens of thousands of matches cross as one string of 6-byte records
    rather than as rows, and are grouped here: grouping and sorting them in the database
    cost more than finding them (25 ms for a common word at 100,000 practices)."""
    params: list[str] = []
    score = "0"
    if ranked:
        cases = []
        for groups in parsed.term_groups:
            term = " | ".join(f"({_tsphrase(g, parsed)})" for g in groups)
            whens = []
            for name, points in FIELD_SCORES.items():
                whens.append(f"WHEN {name} @@ to_tsquery('simple', %s) THEN {points}")
                params.append(term)
            cases.append(f"CASE {' '.join(whens)} ELSE {BODY_SCORE} END")
        score = " + ".join(cases) or "0"
    params.append(tsquery_expression(parsed))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT string_agg(int4send(document_id) || int2send(({score})::int2), '') "
            "FROM search_vectors WHERE body @@ to_tsquery('simple', %s)",
            params,
        )
        (packed,) = cursor.fetchone()
    if not packed:
        return []
    matches = np.frombuffer(packed, dtype=_PACKED_MATCH)
    scores = matches["score"]
    return [matches["id"][scores == points] for points in np.unique(scores)[::-1]]
