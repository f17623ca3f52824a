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

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from exchange.listing_language import show_in_language
from exchange.provided import provided
from taxonomy.choices import Mandate
from taxonomy.models import BarrierCategory, Region, Theme, localized_name

# cities.models imports this module; its models are read at call time.
from . import models

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


def score(profile: Profile, other: Profile) -> float:
    """How much `other` shares with `profile` (what `compare` explains, without the words)."""
    total = 0.0
    if profile.region and profile.region == other.region:
        total += WEIGHTS["region"]
    band = size_band(profile.population)
    if band and band == size_band(other.population):
        total += WEIGHTS["size"]
    if profile.mandate and profile.mandate == other.mandate:
        total += WEIGHTS["mandate"]
    total += WEIGHTS["context"] * len(profile.roles & other.roles)
    if _close_shares(profile, other):
        total += WEIGHTS["women_share"]
    total += WEIGHTS["theme"] * len(profile.themes & other.themes)
    total += WEIGHTS["barrier"] * len(profile.barriers & other.barriers)
    return total


def _close_shares(profile: Profile, other: Profile) -> bool:
    return (
        profile.women_share is not None
        and other.women_share is not None
        and abs(profile.women_share - other.women_share) <= WOMEN_SHARE_TOLERANCE
    )


def compare(profile: Profile, other: Profile, labels: _Labels) -> tuple[float, list[str]]:
    """The score of `other` against `profile`, and the reasons, in the order they weigh."""
    reasons: list[str] = []
    if profile.region and profile.region == other.region:
        name = labels.regions.get(other.region, other.region)
        reasons.append(_("Same region: %(region)s") % {"region": name})
    band = size_band(profile.population)
    if band and band == size_band(other.population):
        reasons.append(_("Same size: %(band)s") % {"band": size_band_label(band)})
    if profile.mandate and profile.mandate == other.mandate:
        reasons.append(_("Same mandate: %(mandate)s") % {"mandate": Mandate(other.mandate).label})
    roles = profile.roles & other.roles
    if roles:
        names = ", ".join(str(label) for key, label in CONTEXT_ROLES if key in roles)
        reasons.append(_("Both places of %(roles)s") % {"roles": names})
    if _close_shares(profile, other):
        reasons.append(
            _("Similar share of women among migrants: %(share)s%%")
            % {"share": _share(other.women_share)}
        )
    themes = profile.themes & other.themes
    if themes:
        reasons.append(_("Both work on %(themes)s") % {"themes": _names(labels.themes, themes)})
    barriers = profile.barriers & other.barriers
    if barriers:
        reasons.append(
            ngettext(
                "Both face this barrier: %(barriers)s",
                "Both face these barriers: %(barriers)s",
                len(barriers),
            )
            % {"barriers": _names(labels.barriers, barriers)}
        )
    return score(profile, other), reasons


def _labels() -> _Labels:
    def labels(model) -> dict[str, str]:
        return {row["slug"]: localized_name(row) for row in model.objects.values()}

    return _Labels(regions=labels(Region), themes=labels(Theme), barriers=labels(BarrierCategory))


def _public_profiles() -> list[tuple[int, Profile]]:
    """(page id, profile) of every public city, by name: the search index knows which cities
    are public and the themes and barriers of their content (hook
    `exchange_public_city_profiles`, search/city_profiles.py)."""
    return provided("exchange_public_city_profiles", default=[])


# The fields a profile reads, so that ranking 2,000 cities does not load 2,000 pages.
PROFILE_FIELDS = (
    "pk",
    "region__slug",
    "population",
    "mandate",
    "is_origin",
    "is_transit",
    "is_destination",
    "women_share_of_migrants",
)


def profile_of(city, facets: dict[str, set[str]] | None = None) -> Profile:
    """The profile of a city page; `facets` are its themes and barriers (see _read_profiles)."""
    return profile_from_row(
        {
            "region__slug": city.region.slug if city.region_id else None,
            **{name: getattr(city, name) for name in PROFILE_FIELDS[2:]},
        },
        facets,
    )


def profile_from_row(row: dict, facets: dict[str, set[str]] | None) -> Profile:
    facets = facets or {}
    roles = {
        key
        for key, flag in (
            ("origin", row["is_origin"]),
            ("transit", row["is_transit"]),
            ("destination", row["is_destination"]),
        )
        if flag
    }
    return Profile(
        region=row["region__slug"] or None,
        population=row["population"],
        mandate=row["mandate"] or "",
        roles=frozenset(roles),
        women_share=row["women_share_of_migrants"],
        themes=frozenset(facets.get("theme", ())),
        barriers=frozenset(facets.get("barrier", ())),
    )


def similar_cities(
    profile: Profile | None = None, *, city=None, limit: int = DEFAULT_LIMIT
) -> list[Match]:
    """The `limit` public cities most like `profile` (or like `city`), best first.

    Cities that share nothing known are left out. Ties go by name. Five queries: the index
    version, the pages of the best, and the labels of regions, themes and barrier
    categories (and, once per version of the documents, the cities' profiles).
    """
    profiles = _public_profiles()
    if city is not None:
        # The page's own fields (a preview shows unsaved ones); its themes and barriers are
        # those of its public content.
        known = next((p for pk, p in profiles if pk == city.pk), Profile())
        profile = replace(profile_of(city), themes=known.themes, barriers=known.barriers)
    if profile is None or profile.is_empty:
        return []
    scored = []
    for pk, other in profiles:
        if city is not None and pk == city.pk:
            continue
        points = score(profile, other)
        if points > 0:
            scored.append((points, other, pk))
    scored.sort(key=lambda found: -found[0])  # stable: equal scores keep the order by name
    best = scored[:limit]
    if not best:
        return []
    pages = models.CityProfilePage.objects.select_related("region").in_bulk(
        [pk for *_, pk in best]
    )
    # Their names (and links) in the visitor's language where a translation is published.
    show_in_language(pages[pk] for *_, pk in best if pk in pages)
    labels = _labels()
    matches = []
    for points, other, pk in best:
        _points, reasons = compare(profile, other, labels)
        matches.append(Match(city=pages[pk], score=points, reasons=reasons))
    return matches
