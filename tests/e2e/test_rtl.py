"""Right to left, measured in the browser: each page drawn in English and in Arabic, at a
desktop and a phone width, and its geometry read from the DOM.

In Arabic the charts' bars grow from the right and their labels start there; the first
(sticky) column of the compare table and the theme matrix is on the right and stays there
when the table scrolls; "Next page" is to the left of "Previous page"; the map's list reads
right to left while the map itself is not mirrored. Chart text is at least 14 CSS pixels as
rendered. axe finds nothing on any of them. Each pair (English beside Arabic) is saved as a
screenshot in tests/e2e/artifacts/rtl/ for people to look at (the folder is not committed).
"""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pytest

from .axe import assert_no_violations
from .conftest import DESKTOP, assert_loaded_cleanly, localized
from .pages import paths

PHONE = {"width": 375, "height": 812}
ARTIFACTS = Path(__file__).parent / "artifacts" / "rtl"
EDGE = 1.5  # CSS pixels of rounding allowed between edges said to line up
# A glyph may reach a little past its text's box (the bearings of a letter's shape).
GLYPH = 3
# Collapsed table borders straddle the cell's edge: half of the 4 px mark of a row that differs.
BORDER = 2 + EDGE

# Boxes of what `selector` matches, in CSS pixels, with the direction they are laid out in.
BOXES = """selector => [...document.querySelectorAll(selector)].map(el => {
  const r = el.getBoundingClientRect();
  return {left: r.left, right: r.right, top: r.top, width: r.width,
          dir: getComputedStyle(el).direction};
})"""

# Each chart: its box, its bars' and labels' boxes, and the font size of each piece of text
# as drawn on screen (the computed size times the drawing's scale on screen).
CHARTS = """() => [...document.querySelectorAll('svg.chart__svg')].map(svg => {
  const box = el => {
    const r = el.getBoundingClientRect();
    return {left: r.left, right: r.right};
  };
  const scale = svg.getScreenCTM().a;
  return {
    svg: box(svg),
    bars: [...svg.querySelectorAll('.chart__bar')].map(box),
    labels: [...svg.querySelectorAll('.chart__label, .chart__legend')].map(box),
    sizes: [...svg.querySelectorAll('text')].map(
      t => parseFloat(getComputedStyle(t).fontSize) * scale),
  };
})"""

PAGES = ["explore", "map", "compare", "matrix", "listing"]


def page_paths(world) -> dict[str, str]:
    return {
        "explore": "/explore/",
        "map": "/cities/",
        "compare": paths(world)["compare"],
        "matrix": "/explore/matrix/",
        # One result a page: page 2 has both a previous and a next page.
        "listing": "/search/?per_page=1&page=2",
    }


@pytest.fixture
def placed(world):
    """The corpus's cities, given coordinates so that the map draws them."""
    from cities.models import CityProfilePage

    spots = {
        "turin": ("45.07", "7.69"),
        "sousse": ("35.83", "10.64"),
        "sao-paulo": ("-23.55", "-46.63"),
    }
    for slug, (lat, lon) in spots.items():
        CityProfilePage.objects.filter(slug=slug).update(
            latitude=Decimal(lat), longitude=Decimal(lon)
        )
    return world


def near(a: float, b: float, within: float = EDGE) -> bool:
    return abs(a - b) <= within


def check_charts(page, rtl: bool) -> None:
    charts = page.evaluate(CHARTS)
    assert len(charts) == 5
    assert any(chart["bars"] for chart in charts)
    for chart in charts:
        svg = chart["svg"]
        for bar in chart["bars"]:
            if rtl:
                assert near(bar["right"], svg["right"]), (bar, svg)
                assert bar["left"] > svg["left"] + EDGE
            else:
                assert near(bar["left"], svg["left"]), (bar, svg)
        for label in chart["labels"]:
            # Begins at the reading side and stays inside the drawing.
            assert svg["left"] - GLYPH <= label["left"] and label["right"] <= svg["right"] + GLYPH
            start = label["right"] if rtl else label["left"]
            assert abs(start - svg["right" if rtl else "left"]) <= GLYPH
        assert chart["sizes"] and min(chart["sizes"]) >= 14, chart["sizes"]


def check_first_column(page, rtl: bool) -> None:
    wrap = page.evaluate(BOXES, ".table-wrap--sticky")[0]
    heads = page.evaluate(BOXES, ".table-wrap--sticky tbody tr > th:first-child")
    assert heads
    for head in heads:
        side = head["right"] if rtl else head["left"]
        assert near(side, wrap["right" if rtl else "left"], BORDER), (head, wrap)
    # Scrolled to the far end, the column is still on its side.
    page.evaluate(
        """rtl => { const w = document.querySelector('.table-wrap--sticky');
                   w.scrollLeft = rtl ? -w.scrollWidth : w.scrollWidth; }""",
        rtl,
    )
    head = page.evaluate(BOXES, ".table-wrap--sticky tbody tr > th:first-child")[0]
    side = head["right"] if rtl else head["left"]
    assert near(side, wrap["right" if rtl else "left"], BORDER), (head, wrap)
    page.evaluate("() => { document.querySelector('.table-wrap--sticky').scrollLeft = 0; }")


def check_pagination(page, rtl: bool) -> None:
    (previous,) = page.evaluate(BOXES, ".pagination a[rel=prev]")
    (following,) = page.evaluate(BOXES, ".pagination a[rel=next]")
    middle = {
        k: (box["left"] + box["right"]) / 2 for k, box in (("p", previous), ("n", following))
    }
    assert (middle["n"] < middle["p"]) if rtl else (middle["p"] < middle["n"])
    arrow = page.evaluate(
        "() => getComputedStyle(document.querySelector('.pagination a[rel=next]'), '::after')"
        ".content"
    )
    assert ("←" if rtl else "→") in arrow


def check_map(page, rtl: bool) -> None:
    (section,) = page.evaluate(BOXES, ".city-map")
    assert section["dir"] == ("rtl" if rtl else "ltr")
    heads = page.evaluate(BOXES, ".city-map__region h4")
    lists = page.evaluate(BOXES, ".city-map__list")[0]
    assert near(heads[0]["right"] if rtl else heads[0]["left"], lists["right" if rtl else "left"])
    # The map is geography: not mirrored, and no marker or leader line drawn off its edges.
    (svg,) = page.evaluate(BOXES, ".city-map__svg")
    assert svg["dir"] == ("rtl" if rtl else "ltr")
    markers = page.evaluate(BOXES, ".city-map__marker circle, .city-map__leader")
    assert len(markers) >= 3
    for marker in markers:
        assert svg["left"] - EDGE <= marker["left"] and marker["right"] <= svg["right"] + EDGE
    x = page.evaluate(
        """() => { const a = [...document.querySelectorAll('.city-map__marker')]
                     .find(a => a.getAttribute('href').includes('sao-paulo'));
                   return a.querySelector('circle').getBoundingClientRect().left
                     - document.querySelector('.city-map__svg').getBoundingClientRect().left; }"""
    )
    assert x < svg["width"] / 2  # São Paulo is in the west, in Arabic too


CHECKS = {
    "explore": check_charts,
    "map": check_map,
    "compare": check_first_column,
    "matrix": check_first_column,
    "listing": check_pagination,
}


def side_by_side(shots: list[bytes], path: Path) -> None:
    from PIL import Image

    images = [Image.open(io.BytesIO(shot)) for shot in shots]
    gap = 24
    canvas = Image.new(
        "RGB",
        (sum(i.width for i in images) + gap, max(i.height for i in images)),
        "#7a7a7a",
    )
    canvas.paste(images[0], (0, 0))
    canvas.paste(images[1], (images[0].width + gap, 0))
    path.parent.mkdir(parents=True, exist_ok=True)
    canvas.save(path)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "375"])
@pytest.mark.parametrize("name", PAGES)
def test_pages_mirror_in_arabic(placed, open_page, name, viewport):
    shots = []
    for lang in ("en", "ar"):
        rtl = lang == "ar"
        page = open_page(viewport=viewport)
        response = page.goto(placed.base + localized(lang, page_paths(placed)[name]))
        assert response.status == 200
        assert_loaded_cleanly(page)
        assert page.evaluate("document.documentElement.dir") == ("rtl" if rtl else "ltr")
        CHECKS[name](page, rtl)
        assert_no_violations(page)
        shots.append(page.screenshot(full_page=True))
    side_by_side(shots, ARTIFACTS / f"{name}-{viewport['width']}.png")


def test_an_untranslated_page_keeps_the_arabic_interface(world, open_page, monkeypatch):
    """On an Arabic page whose content is shown untranslated, only the page's own words are
    marked English, left to right: its pagination and breadcrumbs are the Arabic interface
    and run right to left, their arrows pointing the way the pages go."""
    monkeypatch.setattr("cities.listings.CITIES_PER_PAGE", 1)
    page = open_page(viewport=DESKTOP)
    assert page.goto(world.base + localized("ar", "/cities/?page=2")).status == 200
    assert page.locator(".notice--untranslated").count() == 1
    check_pagination(page, rtl=True)
    assert page.locator('h1[lang="en"][dir="ltr"]').count() == 1
    separator = page.evaluate(
        "() => getComputedStyle(document.querySelector('.breadcrumbs li + li'), '::before')"
        ".content"
    )
    assert "\u2039" in separator  # single angle quotation mark pointing left
