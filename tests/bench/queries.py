"""The fixed query set of the benchmark, and the Wagtail baseline that answers it.

Queries are plain `SearchQuery` objects, as the search page and the API build them. A few
take a value from the corpus (its biggest city, its most used tag); both are fixed by the
corpus seed, so every run asks the same questions.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q
from django.db.models.functions import Length, Substr
from wagtail.search.backends import get_search_backend
from wagtail.search.query import MATCH_ALL

from cities.models import CityProfilePage
from practices.models import PracticePage
from search.query import SearchQuery

from .corpus import SyntheticCorpus


@dataclass(frozen=True)
class BenchQuery:
    name: str
    kind: str
    query: SearchQuery


def bench_queries(corpus: SyntheticCorpus) -> list[BenchQuery]:
    big_city = corpus.cities[corpus._city_order[0]].slug
    top_tag = corpus.tags[0][0] if corpus.tags else ""
    Sq = SearchQuery
    rows = [
        ("everything", "landing", Sq()),
        ("en common word", "text", Sq(q="women")),
        ("en two words", "text", Sq(q="domestic workers")),
        ("fr two words", "text", Sq(q="femmes migrantes")),
        ("es accented", "text", Sq(q="formación")),
        ("pt without accents", "text", Sq(q="informacao saude")),
        ("it two words", "text", Sq(q="sportello lavoro")),
        ("en rare word", "text", Sq(q="glassblowing")),
        ("fr rare word", "text", Sq(q="apiculture")),
        ("en phrase", "text", Sq(q='"legal rights"')),
        ("en exclusion", "text", Sq(q="shelter -violence")),
        ("1 facet", "facets", Sq(filters={"theme": ("safety-and-violence",)})),
        (
            "2 facets",
            "facets",
            Sq(filters={"theme": ("economic-empowerment",), "status": ("active",)}),
        ),
        (
            "3 facets",
            "facets",
            Sq(
                filters={
                    "region": ("europe",),
                    "evidence": ("evaluated",),
                    "mandate": ("outside-mandate",),
                }
            ),
        ),
        (
            "multi-value OR",
            "facets",
            Sq(
                filters={
                    "theme": ("safety-and-violence", "rights-and-legal-status"),
                    "target_group": ("domestic-workers", "newly-arrived-women"),
                }
            ),
        ),
        ("biggest city", "facets", Sq(filters={"city": (big_city,)})),
        ("top tag", "facets", Sq(filters={"tag": (top_tag,)})),
        (
            "barrier + opportunity",
            "facets",
            Sq(filters={"barrier": ("trust",), "opportunity": ("protection",)}),
        ),
        (
            "text + 3 facets (en)",
            "text+facets",
            Sq(
                q="women",
                filters={
                    "theme": ("inclusion-and-participation",),
                    "status": ("active",),
                    "evidence": ("monitored",),
                },
            ),
        ),
        (
            "text + 3 facets (fr)",
            "text+facets",
            Sq(
                q="logement",
                filters={
                    "country": ("FR", "BE"),
                    "action_type": ("service-provision",),
                    "sdg": ("5-2",),
                },
            ),
        ),
        (
            "deep page, facet",
            "deep page",
            Sq(filters={"theme": ("rights-and-legal-status",)}, page=200),
        ),
        ("deep page, text", "deep page", Sq(q="women", page=200)),
        ("zero hits, text", "zero-hit", Sq(q="xylophone")),
        (
            "zero hits, facets",
            "zero-hit",
            Sq(filters={"type": ("city",), "status": ("active",)}),
        ),
        ("year range", "year", Sq(year_from=2015, year_to=2020)),
        ("text + year", "year", Sq(q="training", year_from=2020)),
        ("sort title", "sort", Sq(filters={"theme": ("economic-empowerment",)}, sort="title")),
        ("text sorted newest", "sort", Sq(q="health", sort="newest")),
    ]
    return [BenchQuery(name, kind, query) for name, kind, query in rows]


# ---------------------------------------------------------------------- Wagtail baseline
# What a Wagtail developer would write: the page queryset, `.search()`, and `.facet()` on the
# FilterFields PracticePage declares. Filters on relations go through `id__in` subqueries
# (Wagtail only filters on FilterFields); `.facet()` only counts FilterFields, so the
# baseline counts 3 facets (status, evidence, mandate) where our engines count all 14.
BASELINE_FACETS = ("status", "evidence", "mandate")
_DIRECT = {"status", "evidence", "mandate"}
_RELATED = {
    "theme": "themes__slug__in",
    "target_group": "target_groups__slug__in",
    "sdg": "sdg_targets__slug__in",
    "tag": "tags__slug__in",
    "action_type": "action_type__slug__in",
}
_CITY = {"city": "slug__in", "country": "country__in", "region": "region__slug__in"}


class Unsupported(Exception):
    """The baseline cannot express this query (barrier/opportunity links are not generated)."""


def baseline_queryset(query: SearchQuery):
    qs = PracticePage.objects.live()
    for facet, values in query.filters.items():
        if facet == "type":
            if "practice" not in values:
                qs = qs.none()
        elif facet in _DIRECT:
            qs = qs.filter(**{f"{facet}__in": values})
        elif facet in _RELATED:
            qs = qs.filter(
                id__in=PracticePage.objects.filter(**{_RELATED[facet]: values}).values("pk")
            )
        elif facet in _CITY:
            # A practice lives directly under its city: its path starts with the city's path.
            city_paths = CityProfilePage.objects.filter(**{_CITY[facet]: values}).values("path")
            qs = qs.filter(
                id__in=PracticePage.objects.annotate(
                    parent=Substr("path", 1, Length("path") - PracticePage.steplen)
                )
                .filter(parent__in=city_paths)
                .values("pk")
            )
        else:
            raise Unsupported(facet)
    years = Q()
    if query.year_from:
        years &= Q(start_year__gte=query.year_from)
    if query.year_to:
        years &= Q(start_year__lte=query.year_to)
    if years:
        qs = qs.filter(id__in=PracticePage.objects.filter(years).values("pk"))
    return qs


def baseline_search(query: SearchQuery) -> tuple[int, list[int], dict[str, dict]]:
    """Total, ids of the page and facet counts, the Wagtail way."""
    qs = baseline_queryset(query)
    sort = query.effective_sort
    if sort == "title":
        qs = qs.order_by("title")
    elif sort == "newest":
        qs = qs.order_by("-first_published_at")
    relevance = sort == "relevance"
    results = qs.search(query.q or MATCH_ALL, order_by_relevance=relevance)
    total = results.count()
    ids = [p.pk for p in results[query.offset : query.offset + query.per_page]]
    facets = {name: dict(results.facet(name)) for name in BASELINE_FACETS}
    return total, ids, facets


def baseline_index(page_ids: list[int]) -> None:
    """Add pages to Wagtail's own (database) search index, as `update_index` does."""
    backend = get_search_backend()
    for start in range(0, len(page_ids), 1000):
        backend.add_bulk(
            PracticePage, list(PracticePage.objects.filter(pk__in=page_ids[start : start + 1000]))
        )
