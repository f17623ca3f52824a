"""The header's search box shows its whole placeholder, in every interface language, on a
desktop (1280 px) and a phone (375 px): the French one used to be cut off mid-word."""

from __future__ import annotations

import pytest
from django.conf import settings

from .conftest import DESKTOP, assert_loaded_cleanly, localized

PHONE = {"width": 375, "height": 667}

# The placeholder's width in the box's own font, and the room the box gives it.
FIT = """() => {
  const box = document.getElementById('site-search-q');
  const style = getComputedStyle(box);
  const context = document.createElement('canvas').getContext('2d');
  context.font = style.font;
  const padding = parseFloat(style.paddingInlineStart) + parseFloat(style.paddingInlineEnd);
  return {placeholder: box.placeholder, text: context.measureText(box.placeholder).width,
          room: box.clientWidth - padding};
}"""


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280px", "375px"])
@pytest.mark.parametrize("lang", [code for code, _name in settings.LANGUAGES])
def test_the_header_search_placeholder_fits_its_box(world, open_page, lang, viewport):
    page = open_page(viewport=viewport)
    page.goto(world.base + localized(lang, "/"))
    assert_loaded_cleanly(page)
    fit = page.evaluate(FIT)
    assert fit["placeholder"], "the header's search box has no placeholder"
    assert fit["text"] <= fit["room"], (
        f"{fit['placeholder']!r} needs {fit['text']:.0f}px; the box gives it {fit['room']:.0f}px"
    )
