"""The database engine: full text in SQLite FTS5 or PostgreSQL, facets by SQL aggregates.

Disjunctive facets: the documents matching every filter give the counts of facets with no
selection (one GROUP BY over the facet-value table); each facet with a selection is
counted again over the documents matching every *other* filter. So a query with k
selected facets costs k + 3 queries whatever the number of documents or values.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import connection
from django.db.models import Count, F, QuerySet
from django.db.models.expressions import RawSQL

from ..facets import FACET_NAMES
from ..models import FacetValue, SearchDocument
from ..query import SearchQuery
from ..text import LANGUAGES, ParsedQuery, analyse, parse_query
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


class DatabaseEngine:
    name = "database"

    # ----------------------------------------------------------------- searching
    def search(self, query: SearchQuery) -> RawResults:
        parsed = parse_query(query.q)
        base = self._text_filtered(parsed)
        if query.year_from:
            base = base.filter(year__gte=query.year_from)
        if query.year_to:
            base = base.filter(year__lte=query.year_to)
        matching = self._facet_filtered(base, query)
        total = matching.count()
        ids = self._page_ids(matching, query, parsed)
        narrowed = bool(parsed or query.year_from or query.year_to)
        return RawResults(total=total, ids=ids, facets=self._facet_counts(base, query, narrowed))

    def _text_filtered(self, parsed: ParsedQuery) -> QuerySet:
        docs = SearchDocument.objects.all()
        if not parsed:
            return docs
        if connection.vendor == "postgresql":
            return docs.filter(
                pk__in=RawSQL(
                    "SELECT page_id FROM search_searchdocument "
                    "WHERE search_vector @@ to_tsquery('simple', %s)",
                    (tsquery_expression(parsed),),
                )
            )
        return docs.filter(
            pk__in=RawSQL(
                "SELECT rowid FROM search_fts WHERE search_fts MATCH %s",
                (fts5_expression(parsed),),
            )
        )

    @staticmethod
    def _facet_filtered(docs: QuerySet, query: SearchQuery) -> QuerySet:
        for facet, values in query.filters.items():
            docs = docs.filter(
                pk__in=FacetValue.objects.filter(facet=facet, value__in=values).values(
                    "document_id"
                )
            )
        return docs

    def _page_ids(self, docs: QuerySet, query: SearchQuery, parsed: ParsedQuery) -> list[int]:
        window = slice(query.offset, query.offset + query.per_page)
        sort = query.effective_sort
        if sort == "title":
            docs = docs.order_by("title_sort", "pk")
        elif sort == "newest" or not parsed:
            docs = docs.order_by(
                F("year").desc(nulls_last=True), F("published_at").desc(nulls_last=True), "pk"
            )
        elif connection.vendor == "postgresql":
            rank = RawSQL(
                "ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', search_vector, to_tsquery('simple', %s))",
                (tsquery_expression(parsed),),
            )
            docs = docs.annotate(rank=rank).order_by("-rank", "title_sort", "pk")
        else:
            return self._sqlite_ranked_ids(docs, parsed, window)
        return list(docs.values_list("pk", flat=True)[window])

    @staticmethod
    def _sqlite_ranked_ids(docs: QuerySet, parsed: ParsedQuery, window: slice) -> list[int]:
        # bm25() only works in the statement that holds the MATCH; a correlated subquery
        # per row would run the full-text query once per matching document.
        inner_sql, inner_params = docs.values("pk").query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT d.page_id FROM search_fts JOIN search_searchdocument d "
                "ON d.page_id = search_fts.rowid WHERE search_fts MATCH %s "
                f"AND d.page_id IN ({inner_sql}) "
                "ORDER BY bm25(search_fts, %s, %s, %s), d.title_sort, d.page_id "
                "LIMIT %s OFFSET %s",
                [
                    fts5_expression(parsed),
                    *inner_params,
                    *SQLITE_WEIGHTS,
                    window.stop - window.start,
                    window.start,
                ],
            )
            return [row[0] for row in cursor.fetchall()]

    def _facet_counts(
        self, base: QuerySet, query: SearchQuery, narrowed: bool
    ) -> dict[str, dict[str, int]]:
        counts: dict[str, dict[str, int]] = {name: {} for name in FACET_NAMES}
        unselected = [name for name in FACET_NAMES if name not in query.filters]
        groups = [(unselected, query)] + [([name], query.without(name)) for name in query.filters]
        for facets, subquery in groups:
            if not facets:
                continue
            docs = self._facet_filtered(base, subquery)
            values = FacetValue.objects.filter(facet__in=facets)
            if narrowed or subquery.filters:  # anything narrower than the whole index
                values = values.filter(document_id__in=docs.values("pk"))
            rows = values.values_list("facet", "value").annotate(n=Count("id")).order_by()
            for facet, value, n in rows:
                counts[facet][value] = n
        return counts

    # ----------------------------------------------------------------- indexing
    def index(self, documents: Sequence[SearchDocument]) -> None:
        """Write the full-text side of stored documents (the rows themselves are the index)."""
        if not documents:
            return
        ids = [d.pk for d in documents]
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(
                    "UPDATE search_searchdocument SET search_vector = "
                    "setweight(to_tsvector(cfg, title), 'A') || "
                    "setweight(to_tsvector(cfg, summary), 'B') || "
                    "setweight(to_tsvector(cfg, body), 'C') "
                    "FROM (SELECT page_id AS id, ('exchange_' || CASE WHEN language IN "
                    f"({', '.join(repr(code) for code in LANGUAGES)}) THEN language "
                    "ELSE 'en' END)::regconfig AS cfg FROM search_searchdocument "
                    "WHERE page_id = ANY(%s)) AS langs WHERE page_id = langs.id",
                    [ids],
                )
            else:
                cursor.execute(
                    f"DELETE FROM search_fts WHERE rowid IN ({', '.join(['%s'] * len(ids))})",
                    ids,
                )
                cursor.executemany(
                    "INSERT INTO search_fts (rowid, title, summary, body) VALUES (%s, %s, %s, %s)",
                    [
                        (
                            d.pk,
                            " ".join(analyse(d.title, d.language)),
                            " ".join(analyse(d.summary, d.language)),
                            " ".join(analyse(d.body, d.language)),
                        )
                        for d in documents
                    ],
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
