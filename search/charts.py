"""Charts drawn on the server as inline SVG: no script, no library, nothing from other hosts.

A chart is an image for sighted readers (role="img" with a <title> and a <desc> that
carries every number) and always comes with its data as a table (see
templates/search/includes/chart_bar.html), where the links are: links inside an image role
would be hidden from screen readers yet still take keyboard focus.

Bars are horizontal and follow the page's reading direction: in English they grow from the
left edge, in Arabic from the right, with labels above their bar on the reading side and values
just past its end, outside the bar, so long or right-to-left labels never collide with the bars.

The drawing has no viewBox, so it is never scaled down: text stays at its real size (16 px) at
any width. Lengths across the chart are percentages of its width; lengths down it are pixels.
A label too long for a phone-width line is wrapped onto a second line rather than shrunk.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language_bidi

FONT_SIZE = 16  # CSS pixels, never scaled (no viewBox)
LINE_HEIGHT = 20  # one line of label
LABEL_BASELINE = 16  # from the top of a row
BAR_GAP = 6  # between the last label line and its bar
BAR_HEIGHT = 16
ROW_GAP = 12  # between a bar and the next row's label
BAR_ROOM = 85  # per cent of the width the longest bar takes; the rest holds its value
VALUE_GAP = 6  # pixels between a bar's end and its value
LEGEND_HEIGHT = 32
# A label line holds this many characters: at 16 px that fits a 320 px wide phone screen.
LINE_CHARS = 34
MAX_LINES = 2  # the full label is in the data table and the <desc>
# Colours meet WCAG 2.2 AA on white: text 15:1, bars 7:1 (non-text needs 3:1).
INK = "#1c2329"
BAR = "#0a5c73"
REFERENCE = "#9a3b00"


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    href: str = ""


@dataclass(frozen=True)
class Reference:
    """A dashed line across the bars at `value`, explained by `label` under the chart."""

    value: int
    label: str


@dataclass
class BarChart:
    id: str
    title: str
    description: str
    label_heading: str
    value_heading: str
    bars: list[Bar] = field(default_factory=list)
    reference: Reference | None = None

    @property
    def svg(self) -> SafeString:
        return bar_chart_svg(self)

    @property
    def total(self) -> int:
        return sum(bar.value for bar in self.bars)


def label_lines(label: str, width: int = LINE_CHARS, most: int = MAX_LINES) -> list[str]:
    """`label` broken between words into lines of at most `width` characters, at most `most`
    lines; what does not fit ends in "…". A word longer than a line is cut."""
    lines: list[str] = []
    words = label.split()
    while words and len(lines) < most:
        line = words.pop(0)
        while words and len(line) + 1 + len(words[0]) <= width:
            line = f"{line} {words.pop(0)}"
        if len(line) > width:
            words.insert(0, line[width - 1 :])
            line = line[: width - 1]
        lines.append(line)
    if words:
        last = lines[-1]
        lines[-1] = (last if len(last) < width else last[: width - 1]).rstrip() + "…"
    return lines or [""]


def _attrs(**attrs: object) -> str:
    return " ".join(f'{name.replace("_", "-")}="{escape(value)}"' for name, value in attrs.items())


def summary(bars: Iterable[Bar]) -> str:
    """Every value in words, for the chart's <desc>: "Africa: 0; Europe: 2"."""
    return "; ".join(f"{bar.label}: {bar.value}" for bar in bars)


def bar_chart(
    chart_id: str,
    bars: Sequence[tuple[str, int, str]],
    *,
    title: str,
    description: str,
    label_heading: str,
    value_heading: str,
    reference: Reference | None = None,
) -> BarChart:
    """A horizontal bar chart of `bars`, given as (label, value, link) in display order."""
    return BarChart(
        id=chart_id,
        title=title,
        description=description,
        label_heading=label_heading,
        value_heading=value_heading,
        bars=[Bar(str(label), int(value), href) for label, value, href in bars],
        reference=reference,
    )


@dataclass(frozen=True)
class Axis:
    """Where things go across the chart, for one reading direction.

    Positions are per cent of the width, measured from the edge bars grow from.
    """

    rtl: bool

    def x(self, percent: float) -> str:
        return f"{round(100 - percent if self.rtl else percent, 2):g}%"

    def bar_x(self, percent: float) -> str:
        """The left edge of a bar `percent` long (SVG rectangles extend to the right)."""
        return self.x(percent) if self.rtl else self.x(0)

    @property
    def outward(self) -> int:
        """The sign of a step away from the edge bars grow from, in pixels."""
        return -1 if self.rtl else 1


def bar_chart_svg(chart: BarChart, *, rtl: bool | None = None) -> SafeString:
    """The chart as inline SVG, drawn for the active language's direction unless `rtl` is given.

    Text is anchored at its start, which the SVG's own `direction` puts on the reading side, so
    a label begins at the edge its bar grows from.
    """
    axis = Axis(get_language_bidi() if rtl is None else rtl)
    bars = chart.bars
    scale_max = max(
        [bar.value for bar in bars] + [chart.reference.value if chart.reference else 0]
    )
    scale_max = max(scale_max, 1)
    title_id, desc_id = f"{chart.id}-title", f"{chart.id}-desc"
    description = chart.description
    if bars:
        description = f"{description} {summary(bars)}."
    if chart.reference:
        description = f"{description} {chart.reference.label}."
    rows: list[str] = []
    top = 0
    for bar in bars:
        lines = label_lines(bar.label)
        rows.append(_text(axis, 0, top + LABEL_BASELINE, lines, "chart__label"))
        bar_top = top + LABEL_BASELINE + (len(lines) - 1) * LINE_HEIGHT + BAR_GAP
        length = BAR_ROOM * bar.value / scale_max if bar.value else 0
        if length:
            rows.append(
                f"<rect {_attrs(x=axis.bar_x(length), y=bar_top, width=f'{round(length, 2):g}%')}"
                f' height="{BAR_HEIGHT}" fill="{BAR}" class="chart__bar"/>'
            )
        rows.append(
            f"<text {_attrs(x=axis.x(length), dx=axis.outward * VALUE_GAP)}"
            f' y="{bar_top + BAR_HEIGHT - 3}" fill="{INK}" class="chart__value"'
            f' font-weight="600">{bar.value}</text>'
        )
        top = bar_top + BAR_HEIGHT + ROW_GAP
    rows_height = max(top, BAR_HEIGHT + ROW_GAP)
    height = rows_height
    if chart.reference:
        x = axis.x(BAR_ROOM * chart.reference.value / scale_max)
        rows.append(
            f"<line {_attrs(x1=x, y1=0, x2=x, y2=rows_height - ROW_GAP // 2, stroke=REFERENCE)}"
            ' stroke-width="2" stroke-dasharray="5 4" class="chart__reference"/>'
        )
        lines = label_lines(chart.reference.label)
        rows.append(_text(axis, 0, rows_height + 20, lines, "chart__legend"))
        height += LEGEND_HEIGHT + (len(lines) - 1) * LINE_HEIGHT
    direction = "rtl" if axis.rtl else "ltr"
    parts = [
        f"<svg {_attrs(xmlns='http://www.w3.org/2000/svg', width='100%', height=height)}"
        f' class="chart__svg" role="img" direction="{direction}" font-size="{FONT_SIZE}"'
        f' aria-labelledby="{title_id}" aria-describedby="{desc_id}">',
        f'<title id="{title_id}">{escape(chart.title)}</title>',
        f'<desc id="{desc_id}">{escape(description)}</desc>',
        *rows,
        "</svg>",
    ]
    # Every label and title went through escape(); numbers are ints.
    return mark_safe("".join(parts))


def _text(axis: Axis, percent: float, baseline: int, lines: list[str], css_class: str) -> str:
    """Lines of text starting at `percent` across, the first on `baseline`, one under another."""
    x = axis.x(percent)
    spans = "".join(
        f"<tspan {_attrs(x=x, **({'dy': LINE_HEIGHT} if i else {}))}>{escape(line)}</tspan>"
        for i, line in enumerate(lines)
    )
    return f'<text {_attrs(x=x, y=baseline, fill=INK)} class="{css_class}">{spans}</text>'
