"""Charts drawn on the server as inline SVG: no script, no library, nothing from other hosts.

A chart is an image for sighted readers (role="img" with a <title> and a <desc> that
carries every number) and always comes with its data as a table (see
templates/search/includes/chart_bar.html), where the links are: links inside an image role
would be hidden from screen readers yet still take keyboard focus.

Bars are horizontal and the drawing is fixed left to right, whatever the page direction:
labels sit above their bar and values after its end, outside the bar, so nothing depends
on a text direction and long or right-to-left labels never collide with the bars.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WIDTH = 640
ROW_HEIGHT = 44
LABEL_BASELINE = 16  # from the top of a row
BAR_TOP = 22
BAR_HEIGHT = 14
VALUE_ROOM = 64  # room after the longest bar for its value
LEGEND_HEIGHT = 28
MAX_LABEL = 60  # characters drawn; the full label is in the data table and the <desc>
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


def _short(label: str) -> str:
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1].rstrip() + "…"


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


def bar_chart_svg(chart: BarChart) -> SafeString:
    bars = chart.bars
    scale_max = max(
        [bar.value for bar in bars] + [chart.reference.value if chart.reference else 0]
    )
    scale_max = max(scale_max, 1)
    bar_room = WIDTH - VALUE_ROOM
    rows_height = max(len(bars), 1) * ROW_HEIGHT
    height = rows_height + (LEGEND_HEIGHT if chart.reference else 0) + 4
    title_id, desc_id = f"{chart.id}-title", f"{chart.id}-desc"
    description = chart.description
    if bars:
        description = f"{description} {summary(bars)}."
    if chart.reference:
        description = f"{description} {chart.reference.label}."
    parts = [
        f"<svg {_attrs(xmlns='http://www.w3.org/2000/svg', viewBox=f'0 0 {WIDTH} {height}')}"
        f' class="chart__svg" role="img" direction="ltr" font-size="14"'
        f' aria-labelledby="{title_id}" aria-describedby="{desc_id}">',
        f'<title id="{title_id}">{escape(chart.title)}</title>',
        f'<desc id="{desc_id}">{escape(description)}</desc>',
    ]
    for row, bar in enumerate(bars):
        top = row * ROW_HEIGHT
        length = round(bar_room * bar.value / scale_max) if bar.value else 0
        parts.append(
            f"<text {_attrs(x=0, y=top + LABEL_BASELINE, fill=INK)}"
            f' class="chart__label">{escape(_short(bar.label))}</text>'
        )
        if length:
            parts.append(
                f"<rect {_attrs(x=0, y=top + BAR_TOP, width=max(length, 2), height=BAR_HEIGHT)}"
                f' fill="{BAR}" class="chart__bar"/>'
            )
        parts.append(
            f"<text {_attrs(x=length + 6, y=top + BAR_TOP + BAR_HEIGHT - 2, fill=INK)}"
            f' class="chart__value" font-weight="600">{bar.value}</text>'
        )
    if chart.reference:
        x = round(bar_room * chart.reference.value / scale_max)
        parts.append(
            f"<line {_attrs(x1=x, y1=0, x2=x, y2=rows_height, stroke=REFERENCE)}"
            ' stroke-width="2" stroke-dasharray="5 4" class="chart__reference"/>'
        )
        parts.append(
            f'<text {_attrs(x=0, y=rows_height + 20, fill=INK)} class="chart__legend">'
            f"{escape(chart.reference.label)}</text>"
        )
    parts.append("</svg>")
    # Every label and title went through escape(); numbers are ints.
    return mark_safe("".join(parts))
