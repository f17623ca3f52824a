"""The map of the cities: a world outline shipped with the code, drawn on the server as SVG.

No tiles, no script, nothing fetched: the land outline lives in cities/data/land.json (see the
README there for its source and licence) and is projected here once per process. Each city with
coordinates becomes a marker that links to its page; every city, placed or not, is also in a
plain list grouped by region, for screen readers and anything that does not show SVG.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from exchange.listing_language import Shown, show_in_language
from taxonomy.collation import collation_language, sort_key

LAND_FILE = Path(__file__).parent / "data" / "land.json"

# Equirectangular ("plate carrée") projection: longitude and latitude map straight to x and y,
# which keeps the arithmetic checkable by hand. The map shows 85°N to 60°S: the Arctic ocean
# and Antarctica hold no member city, and cutting them makes the inhabited land larger.
WIDTH = 1000
NORTH = 85.0
SOUTH = -60.0
SCALE = WIDTH / 360  # drawing units per degree, the same both ways
HEIGHT = round((NORTH - SOUTH) * SCALE, 1)

# Outline coordinates are rounded to this many decimals of a drawing unit. At 1000 units wide a
# unit is a pixel or so on a laptop: finer is weight nobody sees.
OUTLINE_PLACES = 1


def project(longitude: float | Decimal, latitude: float | Decimal) -> tuple[float, float]:
    """Drawing coordinates (x to the east, y to the south) of a point in degrees.

    Latitudes beyond the map's edges are held at the edge, so a marker is never drawn off it.
    """
    lon = float(longitude)
    lat = min(max(float(latitude), SOUTH), NORTH)
    return ((lon + 180) * SCALE, (NORTH - lat) * SCALE)


def _number(value: float) -> str:
    """Shortest text for a coordinate: 12 not 12.0, -0.5 not -0.50, 0 not -0."""
    text = f"{round(value, OUTLINE_PLACES):.{OUTLINE_PLACES}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def ring_path(points: Iterable[tuple[float, float]]) -> str:
    """One closed ring as SVG path data: an absolute move, then relative lines.

    Relative steps between neighbouring coast points are small numbers, which is what keeps the
    outline light (and it compresses well).
    """
    commands: list[str] = []
    previous: tuple[float, float] | None = None
    for lon, lat in points:
        x, y = project(lon, lat)
        # Snap to the grid first, so the relative steps add up to the rounded points exactly.
        x, y = round(x, OUTLINE_PLACES), round(y, OUTLINE_PLACES)
        if previous is None:
            commands.append(f"M{_number(x)} {_number(y)}l")
        else:
            dx, dy = x - previous[0], y - previous[1]
            if dx or dy:
                step = f"{_number(dx)} {_number(dy)}"
                # A minus sign or the command letter separates numbers; else a space must.
                separate = len(commands) > 1 and not step.startswith("-")
                commands.append(f" {step}" if separate else step)
        previous = (x, y)
    return "".join(commands) + "z" if commands else ""


@lru_cache(maxsize=1)
def outline_path() -> str:
    """The land as the `d` of one SVG path; read and projected once per process."""
    with LAND_FILE.open(encoding="utf-8") as f:
        land = json.load(f)
    return "".join(ring_path(ring) for polygon in land["coordinates"] for ring in polygon)


# A marker's radius, and the least room between two markers' edges, in drawing units. Cities
# closer than MIN_DISTANCE (Tunis and Bizerte are under two units apart) would cover each
# other's links, so they are moved apart: see spread().
MARKER_RADIUS = 6
MARKER_GAP = 3
MIN_DISTANCE = 2 * MARKER_RADIUS + MARKER_GAP
# Spread with a little to spare: rounding to a tenth of a unit moves a point by up to 0.071.
_ROOM = MIN_DISTANCE + 0.2


@dataclass(frozen=True)
class Marker:
    title: str
    label: str
    url: str
    x: float
    y: float
    # Where the city really is, when the marker had to be moved off it (a leader line joins
    # the two); None when the marker sits on the city.
    true_x: float | None = None
    true_y: float | None = None

    @property
    def moved(self) -> bool:
        return self.true_x is not None


@dataclass(frozen=True)
class ListedCity:
    title: str
    label: str
    url: str
    on_map: bool
    # The name's language, when it is the original's rather than the visitor's.
    words: Shown | None = None
    country: str = ""

    @property
    def label_html(self) -> SafeString:
        """The label, the city's name marked with its language when it is the original's
        (the country is always in the visitor's language)."""
        if self.words is None or not self.words.lang_attrs:
            return conditional_escape(self.label)
        name = format_html("<span{}>{}</span>", self.words.lang_attrs, self.title)
        if not self.country:
            return name
        pattern = conditional_escape(_("%(city)s, %(country)s"))
        return mark_safe(pattern % {"city": name, "country": conditional_escape(self.country)})


@dataclass
class RegionGroup:
    name: str
    cities: list[ListedCity] = field(default_factory=list)


@dataclass
class CityMap:
    markers: list[Marker]
    regions: list[RegionGroup]
    width: int = WIDTH
    height: float = HEIGHT
    marker_radius: int = MARKER_RADIUS

    @property
    def outline(self) -> str:
        return outline_path()

    @property
    def unplaced_count(self) -> int:
        return sum(not city.on_map for group in self.regions for city in group.cities)


def _ring(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """New places for a group of close points: evenly on a circle around their centroid.

    The circle is just large enough for neighbours on it to be MIN_DISTANCE apart. Each point
    takes the slot nearest its own direction from the centroid, in order of that direction,
    so the ring keeps the group's rough geography (Bizerte stays north of Sfax).
    """
    n = len(points)
    cx = sum(x for x, _y in points) / n
    cy = sum(y for _x, y in points) / n
    radius = _ROOM / (2 * math.sin(math.pi / n))
    # The whole ring stays inside the drawing, so no marker is cut by the map's edge.
    margin = radius + MARKER_RADIUS + 1
    cx = min(max(cx, margin), WIDTH - margin)
    cy = min(max(cy, margin), HEIGHT - margin)
    angles = [math.atan2(y - cy, x - cx) for x, y in points]
    order = sorted(range(n), key=lambda i: (angles[i], points[i]))
    # The first point keeps its own direction; the others follow it round, one slot each.
    start = angles[order[0]]
    placed: list[tuple[float, float]] = [(0.0, 0.0)] * n
    for slot, i in enumerate(order):
        angle = start + 2 * math.pi * slot / n
        placed[i] = (cx + radius * math.cos(angle), cy + radius * math.sin(angle))
    return placed


def spread(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Places for markers at `points` such that no two are closer than MIN_DISTANCE.

    Points closer than that are grouped (transitively) and each group is laid out on a ring
    around its centroid; when a ring then comes too close to another marker or ring, the two
    groups become one and are laid out again. Groups only ever merge, so this ends, and the
    result depends on the points alone: the same map on every request.
    """
    n = len(points)
    group = list(range(n))  # each point's group: the smallest index in it

    def merge(a: int, b: int) -> None:
        ga, gb = group[a], group[b]
        if ga != gb:
            keep, drop = min(ga, gb), max(ga, gb)
            for i in range(n):
                if group[i] == drop:
                    group[i] = keep

    for i in range(n):
        for j in range(i + 1, n):
            if math.dist(points[i], points[j]) < _ROOM:
                merge(i, j)
    while True:
        placed = list(points)
        for g in sorted(set(group)):
            members = [i for i in range(n) if group[i] == g]
            if len(members) > 1:
                for i, where in zip(members, _ring([points[i] for i in members]), strict=True):
                    placed[i] = where
        clash = next(
            (
                (i, j)
                for i in range(n)
                for j in range(i + 1, n)
                if group[i] != group[j] and math.dist(placed[i], placed[j]) < _ROOM
            ),
            None,
        )
        if clash is None:
            return placed
        merge(*clash)


def _spread_markers(markers: list[Marker]) -> list[Marker]:
    points = [(m.x, m.y) for m in markers]
    result = []
    for marker, (x, y) in zip(markers, spread(points), strict=True):
        x, y = round(x, 1), round(y, 1)
        if (x, y) == (marker.x, marker.y):
            result.append(marker)
        else:
            result.append(Marker(marker.title, marker.label, marker.url, x, y, marker.x, marker.y))
    return result


def _label(city) -> str:
    """What a marker or list entry is called: the city (in the visitor's language where
    translated) and its country."""
    if not city.country:
        return city.shown.title
    return _("%(city)s, %(country)s") % {"city": city.shown.title, "country": city.country.name}


def city_map(cities: Iterable, request=None) -> CityMap:
    """Markers and the region-grouped list for `cities`: CityProfilePages, region selected.

    Callers pass only public cities (`visible()`): this draws whatever it is given.
    """
    markers: list[Marker] = []
    groups: dict[int, tuple[tuple, RegionGroup]] = {}
    language = collation_language()
    for city in show_in_language(cities):
        url = city.shown.page.get_url(request)
        label = _label(city)
        placed = city.latitude is not None and city.longitude is not None
        if placed:
            x, y = project(city.longitude, city.latitude)
            markers.append(Marker(city.shown.title, label, url, round(x, 1), round(y, 1)))
        region = city.region
        key = (region.sort_order, sort_key(region.label, language), region.pk)
        _key, group = groups.setdefault(region.pk, (key, RegionGroup(region.label)))
        country = str(city.country.name) if city.country else ""
        group.cities.append(ListedCity(city.shown.title, label, url, placed, city.shown, country))
    for _key, group in groups.values():
        group.cities.sort(key=lambda c: sort_key(c.title, language))
    # Sorted before spreading too, so the layout does not depend on the database's order.
    markers.sort(key=lambda m: (m.x, m.y, m.title))
    markers = _spread_markers(markers)
    # West to east, so that the Tab key moves across the map the way the eye reads it.
    markers.sort(key=lambda m: (m.x, m.y, m.title))
    return CityMap(
        markers=markers,
        regions=[group for _key, group in sorted(groups.values(), key=lambda kv: kv[0])],
    )
