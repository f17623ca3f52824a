"""Cities like mine: which public cities resemble a profile, and why.

A profile is what we know of a city (or what a visitor says of theirs): region, size,
mandate, migration context, share of women among migrants, and the themes and barrier
categories it works on. Every other public city gets a weighted score for what it shares
with the profile; only known values can match, so an empty field never makes two cities
look alike.

Themes and barrier categories come from the cities' search documents, which already hold
what each city's public practices and records are filed under (search/documents.py), so
the whole ranking costs a fixed number of queries however many cities and practices exist.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from exchange.choices import Mandate

# How much each shared trait weighs. Region, size and mandate say most about whether a
# city's approach can travel; each shared theme or barrier category adds a little.
WEIGHTS = {
    "region": 3.0,
    "size": 2.0,
    "mandate": 3.0,
    "context": 1.0,  # per shared role: origin, transit, destination
    "women_share": 1.5,
    "theme": 1.0,  # per shared theme
    "barrier": 1.0,  # per shared barrier category
}
WOMEN_SHARE_TOLERANCE = Decimal(10)  # percentage points
DEFAULT_LIMIT = 5  # on the full list
SECTION_LIMIT = 3  # on the city page

# (upper bound exclusive, key, label); the last band has no upper bound.
SIZE_BANDS: tuple[tuple[int | None, str, object], ...] = (
    (100_000, "small", gettext_lazy("fewer than 100,000 inhabitants")),
    (1_000_000, "medium", gettext_lazy("100,000 to 1 million inhabitants")),
    (5_000_000, "large", gettext_lazy("1 to 5 million inhabitants")),
    (None, "very-large", gettext_lazy("more than 5 million inhabitants")),
)
CONTEXT_ROLES: tuple[tuple[str, object], ...] = (
    ("origin", gettext_lazy("origin")),
    ("transit", gettext_lazy("transit")),
    ("destination", gettext_lazy("destination")),
)


def _share(value: Decimal) -> str:
    # 52.0 -> "52", 48.5 -> "48.5"; normalize() alone would print 50 as "5E+1".
    return number_format(value, decimal_pos=0 if value % 1 == 0 else 1, use_l10n=True)


def size_band(population: int | None) -> str | None:
    """The size band key of a population, or None when the population is not known."""
    if not population:
        return None
    for upper, key, _label in SIZE_BANDS:
        if upper is None or population < upper:
            return key
    return None  # pragma: no cover - the last band has no bound


def size_band_label(key: str) -> str:
    return str(next(label for _upper, k, label in SIZE_BANDS if k == key))


@dataclass(frozen=True)
class Profile:
    """What is known of a city; None, "" and empty sets mean "not known"."""

    region: str | None = None  # region slug
    population: int | None = None
    mandate: str = ""
    roles: frozenset[str] = frozenset()  # of "origin", "transit", "destination"
    women_share: Decimal | None = None
    themes: frozenset[str] = frozenset()  # theme slugs
    barriers: frozenset[str] = frozenset()  # barrier category slugs

    @property
    def is_empty(self) -> bool:
        return not (
            self.region
            or self.population
            or self.mandate
            or self.roles
            or self.women_share is not None
            or self.themes
            or self.barriers
        )


@dataclass
class Match:
    city: object  # CityProfilePage
    score: float
    reasons: list[str] = field(default_factory=list)


@dataclass
class _Labels:
    regions: dict[str, str]
    themes: dict[str, str]
    barriers: dict[str, str]


def _names(labels: dict[str, str], slugs: Iterable[str]) -> str:
    # Vocabulary order (labels are read in sort order), so reasons read the same every time.
    chosen = set(slugs)
    return ", ".join(name for slug, name in labels.items() if slug in chosen)


def compare(profile: Profile, other: Profile, labels: _Labels) -> tuple[float, list[str]]:
    """The score of `other` against `profile`, and the reasons, in the order they weigh."""
    score = 0.0
    reasons: list[str] = []
    if profile.region and profile.region == other.region:
        score += WEIGHTS["region"]
        name = labels.regions.get(other.region, other.region)
        reasons.append(_("Same region: %(region)s") % {"region": name})
    band = size_band(profile.population)
    if band and band == size_band(other.population):
        score += WEIGHTS["size"]
        reasons.append(_("Same size: %(band)s") % {"band": size_band_label(band)})
    if profile.mandate and profile.mandate == other.mandate:
        score += WEIGHTS["mandate"]
        reasons.append(_("Same mandate: %(mandate)s") % {"mandate": Mandate(other.mandate).label})
    roles = profile.roles & other.roles
    if roles:
        score += WEIGHTS["context"] * len(roles)
        names = ", ".join(str(label) for key, label in CONTEXT_ROLES if key in roles)
        reasons.append(_("Both places of %(roles)s") % {"roles": names})
    if (
        profile.women_share is not None
        and other.women_share is not None
        and abs(profile.women_share - other.women_share) <= WOMEN_SHARE_TOLERANCE
    ):
        score += WEIGHTS["women_share"]
        reasons.append(
            _("Similar share of women among migrants: %(share)s%%")
            % {"share": _share(other.women_share)}
        )
    themes = profile.themes & other.themes
    if themes:
        score += WEIGHTS["theme"] * len(themes)
        reasons.append(_("Both work on %(themes)s") % {"themes": _names(labels.themes, themes)})
    barriers = profile.barriers & other.barriers
    if barriers:
        score += WEIGHTS["barrier"] * len(barriers)
        reasons.append(
            ngettext(
                "Both face this barrier: %(barriers)s",
                "Both face these barriers: %(barriers)s",
                len(barriers),
            )
            % {"barriers": _names(labels.barriers, barriers)}
        )
    return score, reasons


def _labels() -> _Labels:
    from exchange.vocabularies import BarrierCategory, Region, Theme

    return _Labels(
        regions=dict(Region.objects.values_list("slug", "name")),
        themes=dict(Theme.objects.values_list("slug", "name")),
        barriers=dict(BarrierCategory.objects.values_list("slug", "name")),
    )


def _city_facets() -> dict[int, dict[str, set[str]]]:
    """City page id -> {"theme": slugs, "barrier": slugs}, from the public city documents."""
    from search.facets import DocumentType
    from search.models import FacetValue

    found: dict[int, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    rows = FacetValue.objects.filter(
        document__type=DocumentType.CITY, facet__in=("theme", "barrier")
    ).values_list("document_id", "facet", "value")
    for document_id, facet, value in rows:
        found[document_id][facet].add(value)
    return found


def profile_of(city, facets: dict[str, set[str]] | None = None) -> Profile:
    """The profile of a city page; `facets` are its themes and barriers (see _city_facets)."""
    facets = facets or {}
    roles = {
        key
        for key, flag in (
            ("origin", city.is_origin),
            ("transit", city.is_transit),
            ("destination", city.is_destination),
        )
        if flag
    }
    return Profile(
        region=city.region.slug if city.region_id else None,
        population=city.population,
        mandate=city.mandate or "",
        roles=frozenset(roles),
        women_share=city.women_share_of_migrants,
        themes=frozenset(facets.get("theme", ())),
        barriers=frozenset(facets.get("barrier", ())),
    )


def similar_cities(
    profile: Profile | None = None, *, city=None, limit: int = DEFAULT_LIMIT
) -> list[Match]:
    """The `limit` public cities most like `profile` (or like `city`), best first.

    Cities that share nothing known are left out. Ties go by name. Five queries: cities,
    their facets, and the labels of regions, themes and barrier categories.
    """
    from .models import CityProfilePage

    cities = list(CityProfilePage.objects.visible().select_related("region").order_by("title"))
    facets = _city_facets()
    if city is not None:
        profile = profile_of(city, facets.get(city.pk))
    if profile is None or profile.is_empty:
        return []
    labels = _labels()
    matches = []
    for other in cities:
        if city is not None and other.pk == city.pk:
            continue
        score, reasons = compare(profile, profile_of(other, facets.get(other.pk)), labels)
        if score > 0:
            matches.append(Match(city=other, score=score, reasons=reasons))
    matches.sort(key=lambda m: -m.score)  # stable: equal scores keep the order by name
    return matches[:limit]
