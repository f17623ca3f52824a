"""The map of the cities on the city index: public cities drawn as links, all of them listed."""

from __future__ import annotations

import json
import math
import re
from decimal import Decimal
from html import unescape

import pytest
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.models import PageViewRestriction
from wagtail.signal_handlers import disable_reference_index_auto_update

from cities import map as city_map_module
from cities.map import (
    HEIGHT,
    MARKER_GAP,
    MARKER_RADIUS,
    WIDTH,
    CityMap,
    Marker,
    outline_path,
    project,
    spread,
)
from taxonomy.models import Region

from .factories import CityProfilePageFactory
from .helpers import count_queries, html_of, visible_text
from .test_deployment import WEIGHT_LIMIT, transfer_size

# Turin, Sousse and São Paulo are public and placed; Gafsa is public without coordinates;
# the others must never show.
PUBLIC_PLACED = {
    "Turin": ("IT", "europe", "45.07", "7.69"),
    "Sousse": ("TN", "mena", "35.83", "10.64"),
    "São Paulo": ("BR", "americas", "-23.55", "-46.63"),
}
HIDDEN_WORDS = ("Draftville", "Privateburg", "Lyon")


def city(parent, title, country, region, lat=None, lon=None, **kwargs):
    return CityProfilePageFactory(
        parent=parent,
        title=title,
        country=country,
        region=Region.objects.get(slug=region),
        latitude=Decimal(lat) if lat is not None else None,
        longitude=Decimal(lon) if lon is not None else None,
        **kwargs,
    )


@pytest.fixture
def cities(site_tree):
    made = {title: city(site_tree.cities, title, *data) for title, data in PUBLIC_PLACED.items()}
    made["Gafsa"] = city(site_tree.cities, "Gafsa", "TN", "mena")
    # Drawn nowhere, listed nowhere: a draft, a members-only city, and a withdrawn one.
    city(site_tree.cities, "Draftville", "FR", "europe", "48.1", "2.1", live=False)
    private = city(site_tree.cities, "Privateburg", "DE", "europe", "52.5", "13.4")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    lyon = city(site_tree.cities, "Lyon", "FR", "europe", "45.76", "4.84")
    lyon.unpublish()
    return made


def svg_of(response) -> str:
    match = re.search(r"<svg class=\"city-map__svg\".*?</svg>", html_of(response), re.S)
    assert match, "no map on the page"
    return match.group(0)


def markers(svg: str) -> list[dict]:
    found = re.findall(
        r'<a class="city-map__marker" href="([^"]*)" aria-label="([^"]*)">'
        r'<title>([^<]*)</title><circle cx="([^"]*)" cy="([^"]*)" r="[^"]*"/></a>',
        svg,
    )
    return [
        {"href": h, "label": unescape(a), "title": unescape(t), "x": float(x), "y": float(y)}
        for h, a, t, x, y in found
    ]


def leaders(svg: str) -> dict[tuple[float, float], tuple[float, float]]:
    """Leader lines: from a moved marker's centre to the city's true position."""
    found = re.findall(
        r'<line class="city-map__leader" x1="([^"]*)" y1="([^"]*)" x2="([^"]*)" y2="([^"]*)"/>',
        svg,
    )
    return {(float(a), float(b)): (float(c), float(d)) for a, b, c, d in found}


# Projection


def test_projection_of_known_points():
    assert project(-180, 85) == (0, 0)  # the map's north-west corner
    assert project(180, -60) == pytest.approx((WIDTH, HEIGHT), abs=0.05)  # south-east
    x, y = project(0, 0)  # Gulf of Guinea: the middle, 85 degrees below the top
    assert x == 500
    assert y == pytest.approx(85 * WIDTH / 360)
    # Equirectangular: a degree is the same length both ways.
    x1, y1 = project(Decimal("10.64"), Decimal("35.83"))
    x2, y2 = project(Decimal("11.64"), Decimal("34.83"))
    assert x2 - x1 == pytest.approx(WIDTH / 360)
    assert y2 - y1 == pytest.approx(WIDTH / 360)


def test_projection_keeps_far_south_and_north_on_the_map():
    assert project(0, -80)[1] == pytest.approx(HEIGHT, abs=0.05)
    assert project(0, 89)[1] == 0


# The outline


def absolute_points(d: str) -> list[tuple[float, float]]:
    """The points a browser draws from our path data (M x y, then relative l steps, z)."""
    points = []
    for ring in re.findall(r"M([^Mz]*)z", d):
        start, _, steps = ring.partition("l")
        x, y = (float(n) for n in start.split())
        points.append((x, y))
        numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", steps)]
        for dx, dy in zip(numbers[::2], numbers[1::2], strict=True):
            x, y = x + dx, y + dy
            points.append((x, y))
    return points


def test_outline_is_light_local_and_drawn_where_the_land_is():
    d = outline_path()
    # Path data only: no URL, no markup, nothing that could fetch.
    assert re.fullmatch(r"(M[-0-9. ]+l[-0-9. ]*z)+", d)
    assert len(d.encode()) < 60 * 1024, f"outline is {len(d.encode())} bytes"

    with city_map_module.LAND_FILE.open() as f:
        land = json.load(f)
    expected = [
        tuple(round(v, 1) for v in project(lon, lat))
        for polygon in land["coordinates"]
        for ring in polygon
        for lon, lat in ring
    ]
    drawn = absolute_points(d)
    # Repeated points are dropped when drawing; every drawn point is a projected land point.
    assert len(drawn) <= len(expected)
    assert {(round(x, 1), round(y, 1)) for x, y in drawn} == set(expected)
    assert all(-0.05 <= x <= WIDTH + 0.05 and -0.05 <= y <= HEIGHT + 0.05 for x, y in drawn)


def test_outline_is_read_once_per_process():
    outline_path()
    before = outline_path.cache_info()
    assert outline_path() is outline_path()
    after = outline_path.cache_info()
    assert after.misses == before.misses
    assert after.hits == before.hits + 2


# The page


@pytest.mark.django_db
def test_public_cities_with_coordinates_are_drawn_as_links(client, cities):
    response = client.get("/cities/")
    assert response.status_code == 200
    drawn = markers(svg_of(response))
    assert {m["title"] for m in drawn} == {"São Paulo, Brazil", "Sousse, Tunisia", "Turin, Italy"}
    for marker in drawn:
        page = cities[marker["title"].split(",")[0]]
        assert marker["href"] == page.url
        assert marker["label"] == marker["title"]
        assert (marker["x"], marker["y"]) == pytest.approx(
            project(page.longitude, page.latitude), abs=0.05
        )
        # The link leads to the city's page.
        assert client.get(marker["href"]).status_code == 200
    # West to east, the order the Tab key takes.
    assert [m["title"].split(",")[0] for m in drawn] == ["São Paulo", "Turin", "Sousse"]
    assert "3 cities on the map; each marker links to its profile." in visible_text(response)


@pytest.mark.django_db
def test_city_without_coordinates_is_listed_not_drawn(client, cities):
    response = client.get("/cities/")
    assert "Gafsa" not in svg_of(response)
    assert "Gafsa, Tunisia (not on the map)" in visible_text(response)
    assert "1 city has no coordinates yet and is listed but not drawn on the map." in (
        visible_text(response)
    )


@pytest.mark.django_db
def test_fallback_list_groups_every_public_city_by_region(client, cities):
    response = client.get("/cities/")
    html = html_of(response)
    section = html[html.index('id="city-map-list-heading"') :]
    groups = re.findall(r"<h4[^>]*>([^<]*)</h4>\s*<ul>(.*?)</ul>", section, re.S)
    listed = {
        unescape(name): [
            (unescape(text), href)
            for href, text in re.findall(r'<a href="([^"]*)">([^<]*)</a>', ul)
        ]
        for name, ul in groups
    }
    regions = {slug: Region.objects.get(slug=slug).name for slug in ("europe", "mena", "americas")}
    assert listed == {
        regions["americas"]: [("São Paulo, Brazil", cities["São Paulo"].url)],
        regions["europe"]: [("Turin, Italy", cities["Turin"].url)],
        regions["mena"]: [
            ("Gafsa, Tunisia", cities["Gafsa"].url),
            ("Sousse, Tunisia", cities["Sousse"].url),
        ],
    }
    # Regions in the vocabulary's order, as the filters show them.
    order = [r.name for r in Region.objects.filter(slug__in=regions)]
    assert list(listed) == order


@pytest.mark.django_db
def test_draft_private_and_unpublished_cities_never_drawn_nor_listed(client, cities):
    response = client.get("/cities/")
    html = html_of(response)
    for word in HIDDEN_WORDS:
        assert word not in html
    assert len(markers(svg_of(response))) == 3


@pytest.mark.django_db
def test_city_names_are_escaped_in_the_svg(client, site_tree):
    city(site_tree.cities, 'Ana "<b>x</b>" & Co', "TN", "mena", "36.8", "10.18")
    response = client.get("/cities/")
    svg = svg_of(response)
    assert "<b>" not in svg
    assert "&quot;&lt;b&gt;x&lt;/b&gt;&quot; &amp; Co" in svg
    (marker,) = markers(svg)
    assert marker["label"] == marker["title"] == 'Ana "<b>x</b>" & Co, Tunisia'


@pytest.mark.django_db
def test_svg_loads_nothing_from_outside(client, cities):
    svg = svg_of(client.get("/cities/"))
    for forbidden in ("http:", "https:", "//", "url(", "xlink", "<image", "<use", "<script"):
        assert forbidden not in svg, forbidden
    assert "<foreignObject" not in svg and " style=" not in svg
    hrefs = re.findall(r'href="([^"]*)"', svg)
    assert hrefs and all(h.startswith("/cities/") for h in hrefs)


@pytest.mark.django_db
def test_map_is_announced_and_markers_are_keyboard_links(client, cities):
    response = client.get("/cities/")
    html, svg = html_of(response), svg_of(response)
    # A group, not an image: role="img" would hide the links inside from screen readers.
    assert 'role="group" aria-labelledby="city-map-caption"' in svg
    assert 'id="city-map-caption"' in html
    assert 'aria-hidden="true"' in svg  # the land itself says nothing
    assert "tabindex" not in svg  # an SVG link with href is in the Tab order already
    assert svg.count("<a ") == svg.count("href=") == 3


@pytest.mark.django_db
def test_map_follows_the_filters(client, cities):
    drawn = markers(svg_of(client.get("/cities/?region=europe")))
    assert [m["title"] for m in drawn] == ["Turin, Italy"]


@pytest.mark.django_db
def test_no_map_without_cities(client, site_tree):
    response = client.get("/cities/")
    assert response.status_code == 200
    assert "city-map" not in html_of(response)
    assert "No city profiles have been published yet." in visible_text(response)


def test_coordinates_are_not_localised():
    # A locale with a decimal comma must not turn "500.0" into "500,0".
    drawing = CityMap(
        markers=[Marker("Turin", "Turin, Italy", "/cities/turin/", 519.5, 110.9)], regions=[]
    )
    with translation.override("fr"):
        html = render_to_string("cities/includes/map.html", {"city_map": drawing})
    assert 'cx="519.5" cy="110.9"' in html
    assert f'viewBox="0 0 {WIDTH} {HEIGHT}"' in html


# Crowded places: close cities must each stay reachable

# Real coordinates; on a 1000-unit world Tunis and Bizerte are under two units apart.
CROWDED = {
    "Tunis": ("TN", "36.81", "10.18"),
    "Bizerte": ("TN", "37.27", "9.87"),
    "Sousse": ("TN", "35.83", "10.64"),
    "Sfax": ("TN", "34.74", "10.76"),
    "Amman": ("JO", "31.95", "35.93"),
    "Irbid": ("JO", "32.56", "35.85"),
    "Ramallah": ("PS", "31.90", "35.20"),
}


@pytest.mark.django_db
def test_close_cities_are_spread_so_none_covers_another(client, site_tree):
    pages = {
        title: city(site_tree.cities, title, country, "mena", lat, lon)
        for title, (country, lat, lon) in CROWDED.items()
    }
    # A far city, which has no reason to move.
    turin = city(site_tree.cities, "Turin", "IT", "europe", "45.07", "7.69")
    svg = svg_of(client.get("/cities/"))
    drawn = markers(svg)
    assert sorted(m["title"].split(",")[0] for m in drawn) == sorted([*CROWDED, "Turin"])
    # Each marker's clickable disc stays clear of every other one, with a gap.
    for i, a in enumerate(drawn):
        for b in drawn[i + 1 :]:
            distance = math.dist((a["x"], a["y"]), (b["x"], b["y"]))
            assert distance >= 2 * MARKER_RADIUS + MARKER_GAP, (a["title"], b["title"], distance)
    lines = leaders(svg)
    for marker in drawn:
        page = {**pages, "Turin": turin}[marker["title"].split(",")[0]]
        # A link with the city's name, to the city.
        assert marker["href"] == page.url
        assert marker["label"] == marker["title"]
        assert marker["title"].startswith(page.title)
        true = project(page.longitude, page.latitude)
        centre = (marker["x"], marker["y"])
        if page.title == "Turin":
            assert centre == pytest.approx(true, abs=0.05)
            assert centre not in lines
        else:
            # Moved, but not far, and a line leads from the marker to where the city is.
            assert math.dist(centre, true) > 1
            assert math.dist(centre, true) < 40
            assert lines[centre] == pytest.approx(true, abs=0.05)
    assert len(lines) == len(CROWDED)
    # Leader lines are decoration: hidden, and they never take a click.
    assert '<g class="city-map__leaders" aria-hidden="true">' in svg
    assert svg.count("<a ") == len(CROWDED) + 1
    # The same map on every request.
    assert svg_of(client.get("/cities/")) == svg


def test_spread_leaves_far_points_alone_and_is_deterministic():
    far = [(100.0, 100.0), (200.0, 100.0), (100.0, 200.0)]
    assert spread(far) == far
    close = [(500.0, 100.0), (501.0, 100.5), (500.5, 101.0), (499.0, 99.0), (520.0, 100.0)]
    placed = spread(close)
    assert placed == spread(close)
    for i, a in enumerate(placed):
        for b in placed[i + 1 :]:
            assert math.dist(a, b) >= 2 * MARKER_RADIUS + MARKER_GAP
    # Near the map's edge the spread markers stay on the map.
    corner = spread([(0.5, 0.5), (1.0, 1.0), (0.0, 1.0)])
    assert all(
        MARKER_RADIUS <= x <= WIDTH - MARKER_RADIUS
        and MARKER_RADIUS <= y <= HEIGHT - MARKER_RADIUS
        for x, y in corner
    )


# Queries


def add_cities(parent, n: int, start: int) -> None:
    regions = list(Region.objects.all())
    with disable_reference_index_auto_update():
        for i in range(start, start + n):
            lat, lon = (
                (None, None) if i % 5 == 0 else (f"{(i * 7) % 120 - 50}", f"{i * 11 % 340 - 170}")
            )
            city(parent, f"Town {i}", "TN", regions[i % len(regions)].slug, lat, lon)


@pytest.mark.django_db
def test_city_index_query_count_does_not_grow_with_cities(client, site_tree):
    add_cities(site_tree.cities, 3, 0)
    three = count_queries(client, "/cities/")
    add_cities(site_tree.cities, 27, 3)
    response = client.get("/cities/")
    assert len(markers(svg_of(response))) == 24  # every fifth town has no coordinates
    thirty = count_queries(client, "/cities/")
    assert three == thirty == CITY_INDEX_QUERIES


# Measured: 19 for the page without the map (one of them Wagtail's lookup of the visitor's
# locale, one the language switcher's translations of the page, one more since pages are
# served through content translation, exchange.localization).
CITY_INDEX_QUERIES = 20


@pytest.mark.django_db
def test_city_index_with_the_map_stays_light(client, site_tree):
    add_cities(site_tree.cities, 30, 0)
    svg = svg_of(client.get("/cities/"))
    assert len(svg.encode()) < 60 * 1024
    # HTML and stylesheet, gzipped, as the demo pages are measured.
    assert transfer_size(client, "/cities/") < WEIGHT_LIMIT
