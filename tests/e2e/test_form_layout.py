"""Forms as a visitor sees them: each checkbox stands on the line of its own label."""

from __future__ import annotations

import pytest

from .conftest import NARROW, assert_loaded_cleanly, language_params, localized

LANGS = language_params()
FORMS = ["/submit/", "/cities/like-mine/"]

# Each checkbox of a list, with the label it belongs to: are their vertical extents apart?
MISPLACED = """() => [...document.querySelectorAll('.checkbox-list input[type=checkbox]')]
  .map(box => {
    const label = document.querySelector(`label[for="${box.id}"]`);
    const b = box.getBoundingClientRect(), l = label.getBoundingClientRect();
    const apart = b.bottom <= l.top || l.bottom <= b.top;
    return apart ? `${box.id}: box ${Math.round(b.top)}-${Math.round(b.bottom)}, `
                   + `label ${Math.round(l.top)}-${Math.round(l.bottom)}` : null;
  }).filter(Boolean)"""


@pytest.mark.parametrize("viewport", [None, NARROW], ids=["1280px", "320px"])
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", FORMS)
def test_checkboxes_sit_beside_their_labels(world, open_page, path, lang, viewport):
    page = open_page(**({"viewport": viewport} if viewport else {}))
    page.goto(world.base + localized(lang, path))
    assert_loaded_cleanly(page)
    assert page.locator(".checkbox-list input[type=checkbox]").count() > 0
    assert page.evaluate(MISPLACED) == []
    # A choice's label reads as a choice, not as the heading of the next one.
    weight = page.evaluate(
        "getComputedStyle(document.querySelector('.checkbox-list label')).fontWeight"
    )
    assert int(weight) < 600
