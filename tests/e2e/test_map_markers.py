"""Every city on the map can be reached, even where cities crowd together.

Tunis, Bizerte, Sousse and Sfax (and Amman, Irbid and Ramallah) are a few drawing units
apart: drawn where they are, their markers covered one another and some could not be
clicked. At a desktop and at a phone's width, the point at the centre of each marker
belongs to that city's link, a click there opens that city, and Tab reaches every marker.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from .. import test_map
from ..factories import CityProfilePageFactory
from ..worlds import make_site_tree
from .axe import assert_no_violations
from .conftest import DESKTOP, assert_loaded_cleanly, language_params, localized

CROWDED = {**test_map.CROWDED, "Turin": ("IT", "45.07", "7.69")}
PHONE = {"width": 375, "height": 812}

# The link that the centre of each marker's disc hits, or null.
HIT = """() => [...document.querySelectorAll('.city-map__marker')].map(a => {
  const r = a.querySelector('circle').getBoundingClientRect();
  const x = r.left + r.width / 2, y = r.top + r.height / 2;
  const hit = document.elementFromPoint(x, y);
  const link = hit && hit.closest('a');
  return {href: a.getAttribute('href'), hit: link && link.getAttribute('href'), x, y};
})"""


@pytest.fixture
def crowded(live_server):
    from taxonomy.models import Region

    tree = make_site_tree()
    mena = Region.objects.get(slug="mena")
    return {
        title: CityProfilePageFactory(
            parent=tree.cities,
            title=title,
            country=country,
            region=mena,
            latitude=Decimal(lat),
            longitude=Decimal(lon),
        )
        for title, (country, lat, lon) in CROWDED.items()
    }


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "375"])
@pytest.mark.parametrize("lang", language_params())
def test_every_crowded_marker_can_be_clicked_and_tabbed_to(
    crowded, live_server, open_page, lang, viewport
):
    page = open_page(viewport=viewport)
    index = live_server.url + localized(lang, "/cities/")
    page.goto(index)
    assert_loaded_cleanly(page)
    # Leader lines and spread markers add no violation.
    assert_no_violations(page)
    page.locator(".city-map__svg").scroll_into_view_if_needed()
    urls = {localized(lang, p.url) for p in crowded.values()} | {p.url for p in crowded.values()}

    hits = page.evaluate(HIT)
    assert len(hits) == len(CROWDED)
    assert {h["href"] for h in hits} <= urls
    for hit in hits:
        assert hit["hit"] == hit["href"], f"the centre of {hit['href']} hits {hit['hit']}"

    # A real click on each marker's centre opens that city.
    for hit in hits:
        page.goto(index)
        page.locator(".city-map__svg").scroll_into_view_if_needed()
        (where,) = [h for h in page.evaluate(HIT) if h["href"] == hit["href"]]
        with page.expect_navigation():
            page.mouse.click(where["x"], where["y"])
        assert page.url == live_server.url + hit["href"]

    # Tab reaches each marker, in the order of the map's links.
    page.goto(index)
    reached = []
    for _step in range(300):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => document.activeElement.matches('.city-map__marker')"
            " ? document.activeElement.getAttribute('href') : null"
        )
        if focused:
            reached.append(focused)
        if len(reached) == len(CROWDED):
            break
    assert sorted(reached) == sorted(h["href"] for h in hits)
