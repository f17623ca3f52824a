"""The database engine: full text in SQLite FTS5 or PostgreSQL, facets from bitsets.

The database finds the documents that hold the words and scores them (one query); filters,
disjunctive facet counts, sorting and paging work on the bitsets of `search.facet_index`,
read from the indexed facet-value table and kept until the documents change. A search
costs two queries (index version, words) whatever the number of documents or facets.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import connection

from .. import facet_index
from ..facets import FACET_NAMES
from ..models import SearchDocument
from ..query import SearchQuery
from ..text import DEFAULT_LANGUAGE, LANGUAGES, ParsedQuery, analyse, parse_query
from .base import RawResults

# Title counts above the summary, the summary above the rest (bm25 column weights on
# SQLite; tsvector weights A, B, C on PostgreSQL).
SQLITE_WEIGHTS = (10.0, 4.0, 1.0)


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


def _config_code(expression: str) -> str:
    """SQL: the language code of `expression` when search knows it, else the default."""
    known = ", ".join(repr(code) for code in LANGUAGES)
    return f"CASE WHEN {expression} IN ({known}) THEN {expression} ELSE '{DEFAULT_LANGUAGE}' END"


def stems(document: SearchDocument, name: str) -> str:
    """The stems of one text field of a document and of each of its translations, each
    analysed in its own language (FTS5 and Elasticsearch match on these)."""
    parts = [analyse(getattr(document, name), document.language)]
    for translation in (document.translations or {}).values():
        parts.append(analyse(translation.get(name, ""), translation.get("language", "")))
    return " ".join(stem for part in parts for stem in part)


# The canonical page's vector in its language's configuration, then the vectors of its
# other translations, each in its own (an empty `translations` adds nothing).
POSTGRES_INDEX_SQL = (
    "UPDATE search_searchdocument SET search_vector = "
    "setweight(to_tsvector(cfg, title), 'A') || "
    "setweight(to_tsvector(cfg, summary), 'B') || "
    "setweight(to_tsvector(cfg, body), 'C') || "
    "coalesce((SELECT exchange_tsvector_agg("
    "setweight(to_tsvector(tc.cfg, coalesce(t.value->>'title', '')), 'A') || "
    "setweight(to_tsvector(tc.cfg, coalesce(t.value->>'summary', '')), 'B') || "
    "setweight(to_tsvector(tc.cfg, coalesce(t.value->>'body', '')), 'C')) "
    "FROM jsonb_each(translations) AS t, LATERAL (SELECT ('exchange_' || "
    + _config_code("(t.value->>'language')")
    + ")::regconfig AS cfg) AS tc), ''::tsvector) "
    "FROM (SELECT page_id AS id, ('exchange_' || "
    + _config_code("language")
    + ")::regconfig AS cfg FROM search_searchdocument WHERE page_id = ANY(%s)) AS langs "
    "WHERE page_id = langs.id"
)


class DatabaseEngine:
    name = "database"

    # ----------------------------------------------------------------- searching
    def search(self, query: SearchQuery) -> RawResults:
        facets = facet_index.current()
        parsed = parse_query(query.q)
        base = facets.everything
        scores: dict[int, float] = {}
        if parsed:
            # Scores cost a read of every matching vector: only relevance needs them.
            ranked = query.effective_sort == "relevance"
            scores = self._text_scores(parsed, facets, ranked)
            base = facet_index.bitset(scores, len(facets.ids))
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
            ids=self._page_ids(facets, matching, query, parsed, scores),
            facets=self._facet_counts(facets, base, matching, selections),
        )

    @staticmethod
    def _text_scores(
        parsed: ParsedQuery, facets: facet_index.FacetIndex, ranked: bool
    ) -> dict[int, float]:
        """Position -> score (lower ranks first; 0 when not `ranked`) of every match."""
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                score = "-ts_rank('{0.1, 0.2, 0.4, 1.0}', search_vector, q)" if ranked else "0"
                cursor.execute(
                    f"SELECT page_id, {score} "
                    "FROM search_searchdocument, to_tsquery('simple', %s) AS q "
                    "WHERE search_vector @@ q",
                    [tsquery_expression(parsed)],
                )
            elif ranked:
                cursor.execute(
                    "SELECT rowid, bm25(search_fts, %s, %s, %s) FROM search_fts "
                    "WHERE search_fts MATCH %s",
                    [*SQLITE_WEIGHTS, fts5_expression(parsed)],
                )
            else:
                cursor.execute(
                    "SELECT rowid, 0 FROM search_fts WHERE search_fts MATCH %s",
                    [fts5_expression(parsed)],
                )
            position = facets.position
            return {position[pk]: score for pk, score in cursor.fetchall() if pk in position}

    @staticmethod
    def _page_ids(
        facets: facet_index.FacetIndex,
        matching: int,
        query: SearchQuery,
        parsed: ParsedQuery,
        scores: dict[int, float],
    ) -> list[int]:
        sort = query.effective_sort
        if sort == "title":
            key = facets.title_rank.__getitem__
        elif sort == "newest" or not parsed:
            key = facets.newest_rank.__getitem__
        else:
            title_rank = facets.title_rank

            def key(pos: int) -> tuple[float, int]:
                return scores[pos], title_rank[pos]

        end = query.offset + query.per_page
        return facets.first(matching, end, key)[query.offset : end]

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
        """Stored rows are deleted by the store; SQLite's trigger empties FTS with them."""

    def clear(self) -> None:
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("DELETE FROM search_fts")

    def count(self) -> int:
        return SearchDocument.objects.count()

    def health(self) -> str:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return "ok"
