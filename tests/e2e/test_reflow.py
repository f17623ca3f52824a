"""WCAG 1.4.10 Reflow at 320 CSS pixels, and the search page with JavaScript turned off."""

from __future__ import annotations

import pytest

from .axe import assert_no_violations
from .conftest import NARROW, assert_loaded_cleanly, language_params, localized
from .pages import NAMES, paths

LANGS = language_params()

# What sticks out past the viewport's sides, for the failure message.
OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth;
  return [...document.querySelectorAll('body *')]
    .filter(el => { const r = el.getBoundingClientRect();
                    return r.width > 0 && (r.right > width + 1 || r.left < -1); })
    // A table scrolls in its own box; what is absolutely positioned may escape it.
    .filter(el => !el.closest('.skip-link') && !(el.closest('.table-wrap')
                  && getComputedStyle(el).position !== 'absolute'))
    .slice(0, 8)
    .map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : '')
               + ' ' + Math.round(el.getBoundingClientRect().width) + 'px');
}"""


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", NAMES)
def test_page_reflows_at_320_pixels(world, open_page, name, lang):
    """No horizontal scrolling of the page at 320 px (a data table may scroll in its own
    region, which 1.4.10 allows), and still no axe violation at that size."""
    page = open_page(viewport=NARROW)
    response = page.goto(world.base + localized(lang, paths(world)[name]))
    assert response.status == 200
    assert_loaded_cleanly(page)
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= NARROW["width"], (
        f"{name} is {scroll_width}px wide at 320px; too wide: {page.evaluate(OVERFLOWING)}"
    )
    assert_no_violations(page)


@pytest.mark.parametrize("lang", LANGS)
def test_search_filters_work_without_javascript(world, open_page, lang):
    page = open_page(java_script_enabled=False)
    page.goto(world.base + localized(lang, "/search/"))
    assert_loaded_cleanly(page)
    assert page.locator(".search-result").count() == 12
    apply = page.locator("[data-search-apply]")
    # search.js hides the button; without it, the button is how the filters are sent.
    assert apply.is_visible()
    page.locator("#f-theme-rights-and-legal-status").check()
    # The status group starts folded (<details>): open it as a visitor would.
    page.locator("details.facet:has(#f-status-active) > summary").click()
    page.locator("#f-status-active").check()
    with page.expect_navigation():
        apply.click()
    assert "theme=rights-and-legal-status" in page.url
    assert "status=active" in page.url
    titles = page.locator(".search-result h3").all_inner_texts()
    assert sorted(titles) == ["Domestic workers desk", "Reference centre for immigrants"]
    # Each chip is a plain link that removes its filter: here the status one.
    chip = page.locator(".chips--removable a[href*='theme=']:not([href*='status='])")
    with page.expect_navigation():
        chip.click()
    assert "status=active" not in page.url
    assert page.locator(".search-result").count() == 6  # every kind of result on rights
