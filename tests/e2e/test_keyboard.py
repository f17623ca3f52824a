"""Keyboard only, from search to compare: Tab, Shift+Tab, Space and Enter, nothing else.

At every step the focused element shows a focus indicator, and Tab always moves on (focus
is never trapped). The way from search to a comparison of two practices works without a
mouse and without JavaScript: a result's page links to the comparison, the comparison's
"Find practices" form searches with the choice carried along, and each practice found
has an "Add to comparison" link.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from .conftest import assert_loaded_cleanly, language_params, localized

# Describes document.activeElement, and whether it shows a focus indicator: an outline, a
# box shadow, or (the map's SVG markers) a changed stroke.
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  const shadow = style.boxShadow && style.boxShadow !== 'none';
  const rect = el.getBoundingClientRect();
  return {
    id: el.id, cls: el.className && String(el.className),
    indicator: outline || shadow, visible: rect.width > 0 && rect.height > 0,
    key: el.outerHTML.slice(0, 300),
  };
}"""


def focused(page: Page) -> dict | None:
    return page.evaluate(FOCUSED)


def press(page: Page, key: str) -> dict:
    """Press a focus-moving key; the new focus must be visible, indicated, and new."""
    before = focused(page)
    page.keyboard.press(key)
    now = focused(page)
    assert now is not None, f"{key} sent focus to the page body (from {before})"
    assert now["visible"], f"{key} focused an element that cannot be seen: {now['key']}"
    assert now["indicator"], f"no visible focus indicator on {now['key']}"
    assert before is None or now["key"] != before["key"], f"{key} left focus on {now['key']}"
    return now


def tab_to(page: Page, selector: str, limit: int = 120) -> dict:
    """Tab forward until the element matching `selector` has focus."""
    for _step in range(limit):
        now = press(page, "Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return now
    raise AssertionError(f"{selector} not reached in {limit} presses of Tab")


def activate(page: Page, key: str = "Enter") -> None:
    """Press Enter (a link, a button) or Space and wait for the page it loads."""
    with page.expect_navigation():
        page.keyboard.press(key)
    assert_loaded_cleanly(page)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("lang", language_params())
def test_keyboard_walkthrough_from_search_to_compare(world, open_page, lang, javascript):
    page = open_page(java_script_enabled=javascript)
    page.goto(world.base + localized(lang, "/search/"))
    assert_loaded_cleanly(page)

    # The first Tab reaches the skip link, shown on focus; Enter moves to the content.
    skip = press(page, "Tab")
    assert "skip-link" in skip["cls"]
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    # Shift+Tab goes back, Tab comes again: nothing traps the focus.
    first = tab_to(page, "#search-q")
    press(page, "Shift+Tab")
    assert press(page, "Tab")["key"] == first["key"]

    # Tick a theme.
    tab_to(page, "#f-theme-rights-and-legal-status")
    if javascript:
        # search.js sends the form when a box is ticked, then puts the focus back on it.
        activate(page, "Space")
        assert page.evaluate("document.activeElement.id") == "f-theme-rights-and-legal-status"
    else:
        page.keyboard.press("Space")
        assert page.locator("#f-theme-rights-and-legal-status").is_checked()
        tab_to(page, "[data-search-apply]")
        activate(page)
    assert "theme=rights-and-legal-status" in page.url
    assert page.locator("#f-theme-rights-and-legal-status").is_checked()
    assert page.locator(".search-result").count() == 6  # every kind of result on rights

    # Open a result: the Sousse desk.
    tab_to(page, f".search-result h3 a[href$='{world.desk.url}']")
    activate(page)
    assert page.url.endswith(localized(lang, world.desk.url))

    # Its page starts a comparison with it.
    tab_to(page, ".compare-add a")
    activate(page)
    assert f"practice={world.desk.id}" in page.url

    # The comparison's search form finds practices, the desk carried along.
    tab_to(page, ".compare-form button[type=submit]")
    activate(page)
    assert f"compare=practice%3A{world.desk.id}" in page.url

    # Add the São Paulo centre from the results.
    tab_to(page, f".search-result--practice:has(a[href$='{world.centre.url}']) .compare-add a")
    activate(page)
    assert page.url.endswith(
        localized(lang, f"/compare/?practice={world.desk.id}&practice={world.centre.id}")
    )
    headers = page.locator(".compare__table thead th").all_inner_texts()
    assert len(headers) == 2
    assert "Domestic workers desk" in headers[0]
    assert "Reference centre for immigrants" in headers[1]

    # The table scrolls in its own region, reachable by keyboard; and Tab goes on past it.
    tab_to(page, ".table-wrap")
    press(page, "Tab")
