"""Bar charts follow the reading direction: in Arabic bars grow from the right edge, labels
start there and values sit to the left of each bar's end; in English the mirror image. The
text is drawn at a real 16 px, never scaled down by a viewBox."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from search.charts import FONT_SIZE, LINE_CHARS, Reference, bar_chart, label_lines

LONG = "Access to housing, employment and language courses for newly arrived women"


def chart():
    return bar_chart(
        "chart-t",
        [("Europe", 4, "/e/"), (LONG, 1, "/l/"), ("Asia", 0, "")],
        title="Practices by region",
        description="How many.",
        label_heading="Region",
        value_heading="Practices",
        reference=Reference(2, "Half of the network"),
    )


def drawn(lang: str) -> BeautifulSoup:
    with translation.override(lang):
        return BeautifulSoup(str(chart().svg), "html.parser")


def percent(value: str) -> float:
    assert value.endswith("%"), value
    return float(value[:-1])


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_bars_grow_from_the_reading_side(lang):
    svg = drawn(lang)
    rects = svg.select("rect.chart__bar")
    assert len(rects) == 2  # the zero has no bar
    longest, short = rects
    assert percent(longest["width"]) > percent(short["width"]) > 0
    for rect in rects:
        left, width = percent(rect["x"]), percent(rect["width"])
        if lang == "ar":
            assert left + width == pytest.approx(100)  # right edges on the right edge
        else:
            assert left == 0
    assert svg.svg["direction"] == ("rtl" if lang == "ar" else "ltr")


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_labels_start_on_the_reading_side_and_values_follow_the_bar(lang):
    svg = drawn(lang)
    edge = 100 if lang == "ar" else 0
    for label in svg.select("text.chart__label, text.chart__legend"):
        assert percent(label["x"]) == edge
        assert label.get("text-anchor", "start") == "start"  # start is the side `direction` says
    rects = svg.select("rect.chart__bar")
    values = svg.select("text.chart__value")
    assert [v.get_text() for v in values] == ["4", "1", "0"]
    for rect, value in zip(rects, values, strict=False):
        end = percent(rect["x"]) if lang == "ar" else percent(rect["x"]) + percent(rect["width"])
        assert percent(value["x"]) == pytest.approx(end)
        # Moved away from the bar, outside it: leftwards in Arabic.
        assert int(value["dx"]) == (-6 if lang == "ar" else 6)
    assert percent(values[-1]["x"]) == edge  # a zero sits at the edge bars grow from


def test_the_reference_line_is_mirrored():
    en = percent(drawn("en").select_one("line.chart__reference")["x1"])
    ar = percent(drawn("ar").select_one("line.chart__reference")["x1"])
    assert en == pytest.approx(100 - ar)
    assert 0 < en < 100


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_text_is_at_least_14px_and_never_scaled(lang):
    svg = drawn(lang).svg
    assert "viewbox" not in svg.attrs  # a viewBox would shrink the text with the width
    assert svg["width"] == "100%"
    assert int(svg["font-size"]) == FONT_SIZE >= 14
    assert not any(t.get("font-size") for t in svg.find_all(["text", "tspan"]))


def test_long_labels_wrap_instead_of_running_off_a_phone_screen():
    lines = label_lines(LONG)
    assert len(lines) == 2
    assert all(len(line) <= LINE_CHARS for line in lines)
    assert " ".join(lines).rstrip("…") in LONG
    svg = drawn("en")
    label = svg.select("text.chart__label")[1]
    assert [t.get_text() for t in label.find_all("tspan")] == lines
    # The next bar starts below the second line, not across it.
    first_line = int(label["y"])
    assert int(svg.select("rect.chart__bar")[1]["y"]) > first_line + 20
    assert label_lines("Europe") == ["Europe"]
    assert label_lines("x" * 100) == ["x" * (LINE_CHARS - 1), "x" * (LINE_CHARS - 1) + "…"]
