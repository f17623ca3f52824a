"""A phone (375 CSS pixels): results before the filters, and tables that scroll sideways with
their first column kept in view, left to right and right to left."""

from __future__ import annotations

import os

import pytest

from .conftest import DESKTOP, assert_loaded_cleanly, language_params, localized
from .pages import FILTERED_SEARCH

PHONE = {"width": 375, "height": 667}
LANGS = language_params()

# Where each box is, in viewport pixels.
BOX = """s => { const r = document.querySelector(s).getBoundingClientRect();
               return {top: r.top, bottom: r.bottom, left: r.left, right: r.right}; }"""


@pytest.mark.parametrize("lang", LANGS)
def test_results_start_on_the_first_screen_of_a_phone(world, open_page, lang):
    page = open_page(viewport=PHONE)
    page.goto(world.base + localized(lang, FILTERED_SEARCH))
    assert_loaded_cleanly(page)
    header = page.evaluate(BOX, ".site-header")
    # It was 256 px here (about 300 with the search box of other pages): 121 now.
    assert header["bottom"] <= 150, f"the header is {header['bottom']:.0f}px tall"
    # The filters are one line, folded, saying how many are on (theme and status here).
    summary = page.locator(".filters-disclosure > summary")
    assert summary.is_visible()
    assert "2" in summary.inner_text()
    assert not page.locator("#f-status-active").is_visible()
    count = page.evaluate(BOX, "#result-count")
    assert count["bottom"] <= PHONE["height"], f"results start at {count['top']:.0f}px"
    # Unfolded, they are all there.
    summary.click()
    assert page.locator("#f-status-active").is_visible()


@pytest.mark.parametrize("lang", LANGS)
def test_filters_stay_unfolded_on_a_wide_screen(world, open_page, lang):
    page = open_page(viewport=DESKTOP, java_script_enabled=False)
    page.goto(world.base + localized(lang, FILTERED_SEARCH))
    assert_loaded_cleanly(page)
    assert not page.locator(".filters-disclosure > summary").is_visible()
    assert page.locator("#f-status-active").is_visible()
    assert page.locator("#filters-heading").is_visible()


@pytest.mark.parametrize("lang", LANGS)
def test_few_tab_presses_reach_the_first_add_to_comparison(world, open_page, lang):
    page = open_page(viewport=PHONE)
    page.goto(world.base + localized(lang, "/search/"))
    assert_loaded_cleanly(page)
    presses = 0
    while not page.evaluate("document.activeElement.matches('a[href=\"#results\"]')"):
        page.keyboard.press("Tab")
        presses += 1
        assert presses <= 20, "no skip link to the results near the top"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "results"
    presses = 0
    while not page.evaluate("!!document.activeElement.closest('.compare-add')"):
        page.keyboard.press("Tab")
        presses += 1
        assert presses <= 6, "the first “Add to comparison” is far past the skip link"


def test_a_ticked_box_sends_no_empty_fields(world, open_page):
    """search.js leaves empty fields and the default order out of the address it loads."""
    page = open_page(viewport=PHONE)
    page.goto(world.base + "/search/")
    page.locator(".filters-disclosure > summary").click()
    with page.expect_navigation():
        page.locator("#f-theme-rights-and-legal-status").check()
    query = page.url.partition("?")[2]
    assert query == "theme=rights-and-legal-status", page.url
    # Focus comes back to the box, in the filters unfolded again.
    assert page.evaluate("document.activeElement.id") == "f-theme-rights-and-legal-status"
    assert page.locator("#f-theme-rights-and-legal-status").is_visible()


# Scrolls the region to its far end (inline-end), whatever the direction of the page; says
# where the first column's cell and a cell of the last column are before and after.
SCROLL = """([region, first, last]) => {
  const box = document.querySelector(region);
  const rtl = getComputedStyle(box).direction === 'rtl';
  const at = () => ({
    box: box.getBoundingClientRect().toJSON(),
    first: document.querySelector(first).getBoundingClientRect().toJSON(),
    last: document.querySelector(last).getBoundingClientRect().toJSON(),
  });
  const before = at();
  box.scrollLeft = rtl ? -box.scrollWidth : box.scrollWidth;
  return {rtl, overflows: box.scrollWidth > box.clientWidth + 1, before, after: at()};
}"""


def assert_first_column_stays(page, region: str, first: str, last: str) -> None:
    found = page.evaluate(SCROLL, [region, first, last])
    assert found["overflows"], "the table fits: nothing to test at this width"
    before, after, rtl = found["before"], found["after"], found["rtl"]
    assert rtl == page.evaluate("document.dir === 'rtl'")
    # The last column moved into view...
    assert abs(after["last"]["left"] - before["last"]["left"]) > 50
    # ...and the first column did not leave its side of the box.
    if rtl:
        assert abs(after["first"]["right"] - after["box"]["right"]) <= 2, found
    else:
        assert abs(after["first"]["left"] - after["box"]["left"]) <= 2, found
    # Nothing of the scrolled columns shows through the fixed one.
    colour = page.evaluate(f"getComputedStyle(document.querySelector('{first}')).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")


@pytest.mark.parametrize("lang", LANGS)
def test_compare_table_keeps_its_first_column_in_view(world, open_page, lang):
    page = open_page(viewport=PHONE)
    page.goto(
        world.base
        + localized(lang, f"/compare/?practice={world.desk.id}&practice={world.centre.id}")
    )
    assert_loaded_cleanly(page)
    hint = page.locator(".table-hint")
    assert hint.first.is_visible()
    region = page.locator(".table-wrap.compare")
    assert region.get_attribute("tabindex") == "0"
    assert region.get_attribute("role") == "region"
    assert_first_column_stays(
        page,
        ".table-wrap.compare",
        ".compare__table tbody tr:first-child th",
        ".compare__table tbody tr:first-child td:last-child",
    )


@pytest.mark.parametrize("lang", LANGS)
def test_matrix_keeps_its_first_column_in_view(world, open_page, lang):
    page = open_page(viewport=PHONE)
    page.goto(world.base + localized(lang, "/explore/matrix/?columns=city"))
    assert_loaded_cleanly(page)
    assert page.locator(".table-hint").first.is_visible()
    assert_first_column_stays(
        page,
        ".table-wrap.matrix",
        ".matrix__table tbody tr:first-child th",
        ".matrix__table tbody tr:first-child td:last-child",
    )


# Screenshots to look at, not to compare: E2E_SCREENSHOTS=/some/dir pytest tests/e2e/test_phone.py
SHOTS = os.environ.get("E2E_SCREENSHOTS", "")


@pytest.mark.skipif(not SHOTS, reason="set E2E_SCREENSHOTS to a folder to take screenshots")
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", [1280, 375])
def test_screenshots(world, open_page, lang, width):
    page = open_page(viewport={"width": width, "height": 900 if width > 1000 else 667})
    pages = {
        "search": FILTERED_SEARCH,
        "compare": f"/compare/?practice={world.desk.id}&practice={world.centre.id}",
        "matrix": "/explore/matrix/?columns=city",
    }
    for name, path in pages.items():
        page.goto(world.base + localized(lang, path))
        page.screenshot(path=os.path.join(SHOTS, f"{name}-{lang}-{width}.png"), full_page=True)
