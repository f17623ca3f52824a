"""Aggregates for the explore pages: the theme matrix and the insights, from search documents.

Every number is counted on the facet bitsets of `facet_index` (public, live content only,
the same bits the database engine filters on), so a matrix cell equals the total the search
shows for the cell's link, and a page costs the same few queries however big the network:
the index token, the vocabularies' labels and, for city columns, the city documents.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import gettext as _

from exchange.listing_language import Shown, shown_text
from exchange.localization import active_language
from taxonomy.collation import collation_language, sort_key

from . import facet_index
from .charts import BarChart, Reference, bar_chart
from .facet_index import FacetIndex, positions
from .facets import FACETS, DocumentType
from .models import SearchDocument

COLUMN_KINDS = ("region", "city")
# A table wider than this is unreadable and, at 2,000 cities, slow to send: city columns
# come a page at a time.
CITY_COLUMNS_PER_PAGE = 25
MAX_PAGE = 100_000


def search_url(*params: tuple[str, str]) -> str:
    """The search page for `params`, in the order given (type first reads best)."""
    return reverse("search") + "?" + urlencode([(k, v) for k, v in params if v])


@dataclass
class Cell:
    count: int
    url: str = ""  # the search that lists what was counted; none for an empty cell

    @property
    def empty(self) -> bool:
        return not self.count


@dataclass
class Column:
    key: str
    label: str
    total: Cell
    # A city's name: its language, marked when it is the original's, not the visitor's.
    words: Shown | None = None


@dataclass
class Row:
    key: str
    label: str
    cells: list[Cell]
    total: Cell


@dataclass
class Matrix:
    id: str
    caption: str
    row_heading: str
    columns: list[Column]
    rows: list[Row]
    total: Cell
    total_label: str
    note: str = ""
    # For city columns: the page of cities shown (None when every column is shown).
    column_page: Page | None = None

    @property
    def gaps(self) -> int:
        return sum(cell.empty for row in self.rows for cell in row.cells)


class _CityName(str):
    """A city's name as a column label, carrying the language it is written in."""

    words: Shown | None = None


@dataclass(frozen=True)
class City:
    slug: str
    name: str  # in the visitor's language where the city page is translated
    region: str  # region slug, "" when the city gives none
    words: Shown | None = None


@dataclass(frozen=True)
class MatrixParams:
    columns: str = "region"
    region: str = ""
    page: int = 1


def _cell(bits: int, *params: tuple[str, str]) -> Cell:
    count = bits.bit_count()
    return Cell(count, search_url(*params) if count else "")


def _postings(index: FacetIndex, facet: str) -> dict[str, int]:
    return index.postings.get(facet, {})


def _type_bits(index: FacetIndex, type_: str) -> int:
    return _postings(index, "type").get(type_, 0)


def _region_bits(index: FacetIndex, region: str) -> int:
    return _postings(index, "region").get(region, 0) if region else index.everything


def public_cities(index: FacetIndex) -> list[City]:
    """Public cities (those with a search document) by name, each with its region (1 query)."""
    city_docs = _type_bits(index, DocumentType.CITY)
    region_of: dict[int, str] = {}
    for region, bits in _postings(index, "region").items():
        for pos in positions(bits & city_docs):
            region_of[index.ids[pos]] = region
    rows = (
        SearchDocument.objects.filter(type=DocumentType.CITY)
        .order_by("pk")
        .values_list("pk", "city_slug", "city_name", "language", "translations")
    )
    language = active_language()
    cities = []
    for pk, slug, name, own_language, translations in rows:
        if not slug:
            continue
        # The published translation's title, as the search shows it (results.shown_version).
        translated = (translations or {}).get(language, {}).get("title")
        words = shown_text(translated, language) if translated else shown_text(name, own_language)
        cities.append(City(slug, words.title, region_of.get(pk, ""), words))
    # By the name shown, in the reader's alphabetical order: São Paulo among the S.
    collation = collation_language()
    cities.sort(key=lambda city: sort_key(city.name, collation))
    return cities


def parse_matrix_params(data: QueryDict) -> tuple[MatrixParams | None, dict[str, list[str]]]:
    """(params, {}) for good parameters, (None, {param: [message]}) for bad ones."""
    errors: dict[str, list[str]] = {}
    columns = data.get("columns", "").strip() or "region"
    if columns not in COLUMN_KINDS:
        errors["columns"] = [_("Choose columns by “region” or by “city”.")]
    region = data.get("region", "").strip()
    if region and (len(region) > 100 or region not in FACETS["region"].labels([region])):
        errors["region"] = [_("There is no region “%(region)s”.") % {"region": region[:100]}]
    page_text = data.get("page", "").strip() or "1"
    page = int(page_text) if page_text.isdecimal() and len(page_text) < 7 else 0
    if not 1 <= page <= MAX_PAGE:
        errors["page"] = [
            _("The page must be a whole number from 1 to %(max)d.") % {"max": MAX_PAGE}
        ]
    if errors:
        return None, errors
    return MatrixParams(columns=columns, region=region, page=page), {}


# A column: key, label, the documents it counts, and the search parameter it links with.
ColumnSpec = tuple[str, str, int, tuple[str, str]]


def _city_columns(
    index: FacetIndex, documents: int, params: MatrixParams, cities: list[City] | None
) -> list[ColumnSpec]:
    """One column per public city (of `params.region`, if any) holding some of `documents`."""
    city_bits = _postings(index, "city")
    columns = []
    for city in public_cities(index) if cities is None else cities:
        if params.region and city.region != params.region:
            continue
        bits = documents & city_bits.get(city.slug, 0)
        if bits:
            label = _CityName(city.name)
            label.words = city.words
            columns.append((city.slug, label, bits, ("city", city.slug)))
    return columns


def _matrix(
    index: FacetIndex,
    facet: str,
    type_: str,
    columns: list[ColumnSpec],
    scope: tuple[int, tuple[str, str]],
    column_page: Page | None = None,
    **text: str,
) -> Matrix:
    """Rows of `facet`'s values by `columns`; every count links to the search it equals."""
    if column_page is not None:
        columns = list(column_page)
    postings = _postings(index, facet)
    type_param = ("type", type_)
    scope_bits, scope_param = scope
    rows = []
    for slug, label in FACETS[facet].labels(None).items():
        value = postings.get(slug, 0)
        value_param = (facet, slug)
        rows.append(
            Row(
                key=slug,
                label=label,
                cells=[
                    _cell(value & bits, type_param, value_param, param)
                    for *_, bits, param in columns
                ],
                total=_cell(value & scope_bits, type_param, value_param, scope_param),
            )
        )
    return Matrix(
        row_heading=str(FACETS[facet].label),
        columns=[
            Column(key, label, _cell(bits, type_param, param), getattr(label, "words", None))
            for key, label, bits, param in columns
        ],
        rows=rows,
        total=_cell(scope_bits, type_param, scope_param),
        column_page=column_page,
        **text,
    )


def _city_page(columns: list[ColumnSpec], params: MatrixParams) -> Page:
    """The page of city columns asked for; past the last page, the last (each matrix has its
    own number of cities, and both share the `page` parameter)."""
    return Paginator(columns, CITY_COLUMNS_PER_PAGE).get_page(params.page)


def theme_matrix(
    params: MatrixParams, index: FacetIndex | None = None, cities: list[City] | None = None
) -> Matrix:
    """Practices per challenge (rows) and region or city (columns)."""
    index = index or facet_index.current()
    practices = _type_bits(index, DocumentType.PRACTICE)
    column_page = None
    if params.columns == "region":
        columns = [
            (slug, label, practices & _region_bits(index, slug), ("region", slug))
            for slug, label in FACETS["region"].labels(None).items()
        ]
        scope = (practices, ("region", ""))
        caption = _("Public practices by challenge and region")
    else:
        columns = _city_columns(index, practices, params, cities)
        column_page = _city_page(columns, params)
        scope = (practices & _region_bits(index, params.region), ("region", params.region))
        caption = _("Public practices by challenge and city")
    return _matrix(
        index,
        "theme",
        DocumentType.PRACTICE,
        columns,
        scope,
        column_page,
        id="theme-matrix",
        caption=caption,
        total_label=_("All practices"),
        note=_(
            "A practice that works on several challenges is counted in each of their rows; "
            "the totals count it once."
        ),
    )


def barrier_matrix(
    params: MatrixParams, index: FacetIndex | None = None, cities: list[City] | None = None
) -> Matrix:
    """Public barrier records per category (rows) and city (columns): who faces what.

    A record counts for its own city and for every public city that reported it."""
    index = index or facet_index.current()
    records = _type_bits(index, DocumentType.BARRIER)
    columns = _city_columns(index, records, params, cities)
    # A record is filed under the regions of its cities, so the region filter matches the
    # records of exactly these columns.
    return _matrix(
        index,
        "barrier",
        DocumentType.BARRIER,
        columns,
        (records & _region_bits(index, params.region), ("region", params.region)),
        _city_page(columns, params),
        id="barrier-matrix",
        caption=_("Public barrier records by category and city"),
        total_label=_("All barrier records"),
        note=_(
            "A record counts for the city that published it and for each city that reported "
            "it; the totals count it once and include findings of dialogues not tied to a city."
        ),
    )


# Insights


@dataclass
class Gap:
    theme: str
    regions: list[str]


@dataclass
class Parity:
    theme: str
    label: str
    cities: int
    url: str
    needed: int  # more cities needed to reach half of the network


@dataclass
class Insights:
    practices: int
    cities: int
    half: int
    charts: list[BarChart] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)
    regions_without_cities: list[str] = field(default_factory=list)
    parity: list[Parity] = field(default_factory=list)
    parity_chart: BarChart | None = None


def _counts(
    index: FacetIndex, facet: str, labels: dict[str, str], scope: int, type_: str
) -> list[tuple[str, int, str]]:
    postings = _postings(index, facet)
    return [
        (
            label,
            (postings.get(value, 0) & scope).bit_count(),
            search_url(("type", type_), (facet, value)),
        )
        for value, label in labels.items()
    ]


def _chart(chart_id: str, title: str, heading: str, bars: Iterable) -> BarChart:
    return bar_chart(
        chart_id,
        list(bars),
        title=title,
        description=_(
            "Horizontal bars; the number of public practices is written after each bar."
        ),
        label_heading=heading,
        value_heading=_("Practices"),
    )


def insights(index: FacetIndex | None = None) -> Insights:
    index = index or facet_index.current()
    practices = _type_bits(index, DocumentType.PRACTICE)
    city_docs = _type_bits(index, DocumentType.CITY)
    practice = DocumentType.PRACTICE
    theme_labels = FACETS["theme"].labels(None)
    region_labels = FACETS["region"].labels(None)
    cities_total = city_docs.bit_count()
    # Half of the network: at least half of the public cities, rounded up.
    half = (cities_total + 1) // 2
    result = Insights(practices=practices.bit_count(), cities=cities_total, half=half)
    result.charts = [
        _chart(
            "chart-theme",
            _("Public practices by challenge"),
            str(FACETS["theme"].label),
            _counts(index, "theme", theme_labels, practices, practice),
        ),
        _chart(
            "chart-region",
            _("Public practices by region"),
            str(FACETS["region"].label),
            _counts(index, "region", region_labels, practices, practice),
        ),
        _chart(
            "chart-status",
            _("Public practices by status"),
            str(FACETS["status"].label),
            _counts(index, "status", FACETS["status"].labels(None), practices, practice),
        ),
        _chart(
            "chart-evidence",
            _("Public practices by evidence level"),
            str(FACETS["evidence"].label),
            _counts(index, "evidence", FACETS["evidence"].labels(None), practices, practice),
        ),
    ]
    themes = _postings(index, "theme")
    regions = _postings(index, "region")
    # Gaps only where a public city could have filled them; regions without any public city
    # are listed apart (every challenge is missing there).
    regions_with_cities = {slug for slug in region_labels if regions.get(slug, 0) & city_docs}
    result.regions_without_cities = [
        label for slug, label in region_labels.items() if slug not in regions_with_cities
    ]
    for slug, label in theme_labels.items():
        theme = themes.get(slug, 0) & practices
        missing = [
            region_label
            for region, region_label in region_labels.items()
            if region in regions_with_cities and not theme & regions.get(region, 0)
        ]
        if missing:
            result.gaps.append(Gap(label, missing))
        # A city document is filed under the themes of its public practices, so this counts
        # the public cities with at least one public practice on the challenge.
        working = (themes.get(slug, 0) & city_docs).bit_count()
        result.parity.append(
            Parity(
                theme=slug,
                label=label,
                cities=working,
                url=search_url(("type", DocumentType.CITY), ("theme", slug)),
                needed=max(0, half - working),
            )
        )
    result.parity_chart = bar_chart(
        "chart-parity",
        [(p.label, p.cities, p.url) for p in result.parity],
        title=_("Cities working on each challenge"),
        description=_(
            "Horizontal bars; the number of public cities with at least one public practice "
            "on the challenge is written after each bar."
        ),
        label_heading=str(FACETS["theme"].label),
        value_heading=_("Cities"),
        reference=Reference(
            half,
            _("Dashed line: half of the network, %(half)d of %(total)d cities")
            % {"half": half, "total": cities_total},
        ),
    )
    return result
