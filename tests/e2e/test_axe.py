"""axe finds no WCAG 2.2 A/AA violation on the main public pages, in English and Arabic."""

from __future__ import annotations

import pytest

from .axe import assert_no_violations, report, violations
from .conftest import LANGUAGES, assert_loaded_cleanly, language_param, localized
from .pages import NAMES, paths

LANGS = [language_param(code) for code in LANGUAGES]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", NAMES)
def test_page_has_no_wcag_violations(world, page, name, lang):
    response = page.goto(world.base + localized(lang, paths(world)[name]))
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == lang
    assert_loaded_cleanly(page)
    assert_no_violations(page)


@pytest.mark.parametrize("lang", LANGS)
def test_search_results_show_the_filters_applied(world, page, lang):
    """The filtered search is what the axe test above checks: two hits, boxes ticked."""
    page.goto(world.base + localized(lang, paths(world)["search"]))
    assert page.locator(".search-result").count() == 2
    assert page.locator("#f-theme-rights-and-legal-status").is_checked()
    assert page.locator("#f-status-active").is_checked()


@pytest.mark.parametrize("lang", LANGS)
def test_submission_form_errors_have_no_wcag_violations(world, page, lang):
    """After an empty submit the form comes back with its errors, still accessible."""
    page.goto(world.base + localized(lang, "/submit/"))
    with page.expect_navigation():
        page.locator(".submit-form button[type=submit]").click()
    assert page.locator("[aria-invalid=true]").count() >= 1
    assert page.locator(".alert").count() == 1
    assert_loaded_cleanly(page)
    assert_no_violations(page)


def test_the_check_finds_violations(page):
    """The check itself works: a page with an unlabelled image, link and field fails it."""
    page.set_content(
        '<!doctype html><html lang="en"><head><title>Bad</title></head><body><main>'
        '<h1>Bad</h1><img src="data:,"><a href="/x"></a><input type="text">'
        '<p style="color:#bbb;background:#fff">Faint text</p></main></body></html>'
    )
    found = violations(page)
    assert {"image-alt", "link-name", "label", "color-contrast"} <= {v["id"] for v in found}
    assert "image-alt" in report(found)
