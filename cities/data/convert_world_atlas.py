"""Turn world-atlas's TopoJSON into the small land outline the city map draws.

Run once, at development time, with the Python standard library only (no network):

    python cities/data/convert_world_atlas.py path/to/countries-110m.json > cities/data/land.json

See README.md beside this file for where the input comes from and its licence. The output is
GeoJSON (a MultiPolygon of the land, longitude/latitude in degrees), simplified for a map about
a thousand pixels wide: at that size one pixel is a third of a degree, so anything finer than a
tenth of a degree is weight nobody sees.
"""

from __future__ import annotations

import json
import math
import sys

# Douglas-Peucker tolerance, in degrees: about a quarter of a pixel on the drawn map.
TOLERANCE = 0.1
# Decimal places kept: 0.1 degree, in line with the tolerance.
PLACES = 1
# Rings smaller than this (in square degrees of their bounding box) are left out: islands too
# small to see. A city on such an island still gets its marker.
MIN_BOX = 0.6
# The map stops here (see cities/map.py): land wholly south of it is Antarctica.
SOUTH_LIMIT = -60.0


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """The arcs as absolute longitude/latitude points (TopoJSON stores quantised deltas)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(ring: list[int], arcs: list[list[tuple[float, float]]]) -> list:
    """A ring from its arc indexes; a negative index ~i means arc i reversed."""
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        # Consecutive arcs share their joining point: keep it once.
        points.extend(arc[1:] if points else arc)
    return points


def unwrap(points: list) -> list:
    """Longitudes made continuous across the 180th meridian (179 then -179 becomes 181).

    Natural Earth's land joins Russia's Chukotka and Fiji across that meridian; drawn as is, the
    jump would paint a line across the whole map.
    """
    unwrapped = [points[0]]
    for x, y in points[1:]:
        previous = unwrapped[-1][0]
        while x - previous > 180:
            x -= 360
        while previous - x > 180:
            x += 360
        unwrapped.append((x, y))
    return unwrapped


def clip(ring: list, edge: float, keep_west: bool) -> list:
    """Sutherland-Hodgman against one vertical line: the part of the ring on one side of it.

    A concave ring may come out with edges running along the line itself; they lie on the map's
    border, where nobody sees them, and the filled area is right.
    """

    def inside(point) -> bool:
        return point[0] <= edge if keep_west else point[0] >= edge

    result = []
    for i, current in enumerate(ring):
        previous = ring[i - 1]
        if inside(current) != inside(previous):
            (x1, y1), (x2, y2) = previous, current
            result.append((edge, y1 + (y2 - y1) * (edge - x1) / (x2 - x1)))
        if inside(current):
            result.append(current)
    return result


def split(rings: list[list]) -> list[list[list]]:
    """The polygon cut at the 180th meridian, the part beyond it moved to the other side."""
    xs = [x for ring in rings for x, _ in ring]
    if max(xs) > 180:
        edge, shift = 180, -360
    elif min(xs) < -180:
        edge, shift = -180, 360
    else:
        return [rings]
    home = [clip(ring, edge, keep_west=edge > 0) for ring in rings]
    away = [[(x + shift, y) for x, y in clip(ring, edge, keep_west=edge < 0)] for ring in rings]
    return [[r for r in part if len(r) >= 3] for part in (home, away)]


def simplify(points: list, tolerance: float) -> list:
    """Douglas-Peucker, iterative (a long coast would overflow a recursive one)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        length = math.hypot(x2 - x1, y2 - y1)
        worst, worst_at = 0.0, None
        for i in range(first + 1, last):
            x, y = points[i]
            if length:
                distance = abs((x2 - x1) * (y1 - y) - (x1 - x) * (y2 - y1)) / length
            else:
                distance = math.hypot(x - x1, y - y1)
            if distance > worst:
                worst, worst_at = distance, i
        if worst_at is not None and worst > tolerance:
            keep[worst_at] = True
            stack.extend([(first, worst_at), (worst_at, last)])
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def rounded(ring: list) -> list[list[float]]:
    """The ring's points to PLACES decimals, without repeats, closed as GeoJSON wants."""
    points: list[list[float]] = []
    for x, y in ring:
        point = [round(x, PLACES), round(y, PLACES)]
        if not points or points[-1] != point:
            points.append(point)
    if points and points[0] != points[-1]:
        points.append(points[0])
    return points


def convert(topology: dict) -> dict:
    arcs = decode_arcs(topology)
    land = topology["objects"]["land"]
    polygons = []
    for geometry in land["geometries"]:
        parts = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in parts:
            rings = []
            for ring in polygon:
                points = unwrap(ring_points(ring, arcs))
                xs, ys = [p[0] for p in points], [p[1] for p in points]
                if max(ys) < SOUTH_LIMIT:
                    continue
                if (max(xs) - min(xs)) * (max(ys) - min(ys)) < MIN_BOX:
                    continue
                rings.append(simplify(points, TOLERANCE))
            for part in split(rings) if rings else []:
                part = [rounded(ring) for ring in part]
                part = [ring for ring in part if len(ring) >= 4]
                if part:
                    polygons.append(part)
    return {
        "type": "MultiPolygon",
        "coordinates": polygons,
    }


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        topology = json.load(f)
    json.dump(convert(topology), sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
