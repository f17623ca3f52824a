"""The public pages the end-to-end tests visit, as paths in the test world."""

from __future__ import annotations

from types import SimpleNamespace

# A search with facets applied: the rights theme and the active status (two hits).
FILTERED_SEARCH = "/search/?theme=rights-and-legal-status&status=active"

NAMES = ["home", "search", "search filter", "city", "practice", "dialogue", "compare", "submit"]


def paths(world: SimpleNamespace) -> dict[str, str]:
    """Each page of NAMES by name, unprefixed (English)."""
    return {
        "home": "/",
        "search": FILTERED_SEARCH,
        # Every value of one facet, for the filtered search.
        "search filter": FILTERED_SEARCH.replace("/search/", "/search/filters/city/"),
        "city": world.sousse.url,
        "practice": world.desk.url,
        "dialogue": world.dialogue.url,
        "compare": f"/compare/?practice={world.desk.id}&practice={world.centre.id}",
        "submit": "/submit/",
    }
