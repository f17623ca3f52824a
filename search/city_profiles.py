"""What the search index knows of public cities, for pages of apps below search: the
profiles of "cities like mine" (hook `exchange_public_city_profiles`) and the terms and
counts of compare (hook `exchange_city_facet_terms`)."""

from __future__ import annotations

from collections import defaultdict

from cities.models import CityProfilePage
from cities.similarity import PROFILE_FIELDS, Profile, profile_from_row
from practices.compare import CityFacetTerms

from . import facet_index
from .facet_index import positions
from .facets import FACETS, DocumentType


def public_city_profiles() -> list[tuple[int, Profile]]:
    """(page id, profile) of every public city (those with a search document), by name.

    Kept with the facet index version: a city's profile is its published fields and the
    themes and barriers of its public content, so it changes only when documents do, and a
    city page then ranks 2,000 cities without reading them.
    """
    index = facet_index.current()
    return index.memo("cities.similarity.profiles", lambda: _read_profiles(index))


def _read_profiles(index) -> list[tuple[int, Profile]]:
    city_docs = index.postings.get("type", {}).get(DocumentType.CITY, 0)
    facets: dict[int, dict[str, set[str]]] = defaultdict(dict)
    for facet in ("theme", "barrier"):
        for city_id, values in index.values_by_document(facet, city_docs).items():
            facets[city_id][facet] = values
    public = [index.ids[pos] for pos in positions(city_docs)]
    rows = CityProfilePage.objects.filter(pk__in=public).order_by("title").values(*PROFILE_FIELDS)
    return [(row["pk"], profile_from_row(row, facets.get(row["pk"]))) for row in rows]


def city_facet_terms(cities: list) -> CityFacetTerms:
    """Per city: its public practices counted, and the themes of its practices and the
    categories of its barriers and opportunities, as {city id: {slug: (order, label)}}."""
    # Counts and terms come from the search documents' facet bitsets: they hold only public
    # content, and reading them costs the same for a city with five practices or 12,000.
    index = facet_index.current()
    postings = index.postings
    city_bits = {c.id: postings.get("city", {}).get(c.slug, 0) for c in cities}

    def of_type(kind: str) -> int:
        return postings.get("type", {}).get(kind, 0)

    def terms_by_city(facet: str, kind: str) -> dict[int, dict[str, tuple[int, str]]]:
        labels = FACETS[facet].labels(None)
        order = {slug: i for i, slug in enumerate(labels)}
        found: dict[int, dict[str, tuple[int, str]]] = defaultdict(dict)
        for slug, bits in postings.get(facet, {}).items():
            bits &= of_type(kind)
            for city_id, city in city_bits.items():
                if bits & city and slug in labels:
                    found[city_id][slug] = (order[slug], labels[slug])
        return found

    return CityFacetTerms(
        practice_counts={
            c.id: (city_bits[c.id] & of_type("practice")).bit_count() for c in cities
        },
        themes=terms_by_city("theme", "practice"),
        barriers=terms_by_city("barrier", "barrier"),
        opportunities=terms_by_city("opportunity", "opportunity"),
    )
