"""Side by side: 2 to 4 public cities, or 2 to 4 public practices, one column each.

The selection lives in the URL (`/compare/?city=a&city=b`, `/compare/?practice=12&…`), so a
comparison can be bookmarked, shared and printed without JavaScript. Elsewhere on the site
(search results, city and practice pages) the selection travels as `compare=<kind>:<key>`
parameters, read by `Selection` and turned into "Add to comparison" links.

Every lookup goes through `visible()`: an unknown key, a draft and a private page get the same
message, so the page says nothing about what is not public. The work per comparison is a
fixed set of queries, one per kind of related data, whatever the number of items.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Prefetch
from django.http import HttpRequest, QueryDict
from django.urls import reverse
from django.utils.formats import date_format, number_format
from django.utils.html import format_html, strip_tags
from django.utils.safestring import SafeString
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from cities.models import CityProfilePage, GovernanceBody
from exchange.listing_language import Shown, by_shown_title, marked_title, show_in_language
from exchange.pagetools import attach_parents
from exchange.provided import provided
from exchange.rich_text import public_rich_text
from taxonomy.collation import sort_key

from .models import (
    BarrierPage,
    OpportunityPage,
    PracticeBarrier,
    PracticeOpportunity,
    PracticePage,
    PracticePartner,
)

MIN_ITEMS = 2
MAX_ITEMS = 4
KINDS = ("city", "practice")
# Page ids are positive 32-bit integers; anything longer would only make the database fail.
PRACTICE_ID = re.compile(r"^[0-9]{1,9}$")
SLUG = re.compile(r"^[-\w]{1,255}$")
# The parameter that carries a selection through the search and the item pages.
CARRY_PARAM = "compare"
# The search a comparison was started from, as one query string (`search=q%3Dwork…`): the
# search's own names would collide with these (`city` is a filter there, a kind here).
SEARCH_PARAM = "search"
# What a carried search may hold; the search page checks the values themselves.
SEARCH_NAME = re.compile(r"^[a-z_]{1,30}$")
MAX_SEARCH_LENGTH = 2000
# Not part of what was searched for: the selection travels on its own, and a comparison
# adding practices asks for practices whatever the search was.
NOT_SEARCHED = {CARRY_PARAM, "page", "per_page", "type"}


def compare_url(kind: str, keys: Iterable[str], export: bool = False, search: str = "") -> str:
    """The comparison (or its CSV) of `keys` of `kind`, in that order, remembering the
    search it came from."""
    base = reverse("compare_export" if export else "compare")
    pairs = [(kind, key) for key in keys]
    if search and not export:
        pairs.append((SEARCH_PARAM, search))
    query = urlencode(pairs)
    return f"{base}?{query}" if query else base


def carried_search(params: QueryDict) -> str:
    """The `search` parameter, reduced to plain names with non-empty values (or "")."""
    raw = params.get(SEARCH_PARAM, "")[:MAX_SEARCH_LENGTH]
    kept = [
        (name, value.strip())
        for name, values in QueryDict(raw).lists()
        if SEARCH_NAME.match(name) and name not in NOT_SEARCHED
        for value in values
        if value.strip()
    ]
    return urlencode(kept)


def _shown(value: str) -> str:
    """A visitor's value quoted back in a message: short, whatever was typed."""
    return Truncator(value).chars(40)


# The selection carried on other pages ----------------------------------------------------


@dataclass(frozen=True)
class Selection:
    """What a visitor has picked so far, read from `compare=<kind>:<key>` parameters.

    Outside the compare page a bad token is dropped rather than reported: it is not that
    page's job to judge it, and the compare page will, once the visitor gets there.
    """

    kind: str = ""
    keys: tuple[str, ...] = ()

    @classmethod
    def from_params(cls, params: QueryDict) -> Selection:
        kind, keys = "", []
        for token in params.getlist(CARRY_PARAM):
            token_kind, _sep, key = token.strip().partition(":")
            if token_kind not in KINDS or not _valid_key(token_kind, key):
                continue
            kind = kind or token_kind
            if token_kind == kind and key not in keys:
                keys.append(key)
        return cls(kind, tuple(keys[:MAX_ITEMS]))

    def tokens(self) -> list[str]:
        return [f"{self.kind}:{key}" for key in self.keys]

    def link(self, kind: str, key: str, search: str = "") -> dict:
        """The "Add to comparison" link for one item: what it does and where it goes.
        `search` is the search it is shown in, for the compare page to offer again."""
        key = str(key)
        if kind != self.kind or not self.keys:
            # Nothing chosen yet (or things of the other kind): start a new comparison.
            return {"state": "start", "url": compare_url(kind, [key], search=search)}
        if key in self.keys:
            return {"state": "chosen", "url": compare_url(kind, self.keys, search=search)}
        if len(self.keys) >= MAX_ITEMS:
            return {"state": "full", "url": compare_url(kind, self.keys, search=search)}
        return {"state": "add", "url": compare_url(kind, [*self.keys, key], search=search)}


def _valid_key(kind: str, key: str) -> bool:
    return bool(PRACTICE_ID.match(key) if kind == "practice" else SLUG.match(key))


# Cells, rows and the comparison ----------------------------------------------------------


@dataclass
class CityFacetTerms:
    """What the search index knows of the compared cities (empty without search)."""

    practice_counts: dict[int, int] = field(default_factory=dict)
    # {city id: {slug: (order, label)}}
    themes: dict[int, dict[str, tuple[int, str]]] = field(default_factory=dict)
    barriers: dict[int, dict[str, tuple[int, str]]] = field(default_factory=dict)
    opportunities: dict[int, dict[str, tuple[int, str]]] = field(default_factory=dict)


@dataclass
class Cell:
    """One item's value for one field. Empty cells read "not reported"."""

    text: str = ""
    note: str = ""
    items: list[tuple[str, str]] = field(default_factory=list)  # (label, url or "")
    html: SafeString | str = ""
    # The words shown when they are the original's, not in the visitor's language.
    words: Shown | None = None

    @property
    def empty(self) -> bool:
        return not (self.text or self.note or self.items or self.html)

    @property
    def plain(self) -> str:
        """The value as one line of text, for the CSV and to compare values."""
        labels = (
            html.unescape(strip_tags(label)) if isinstance(label, SafeString) else label
            for label, _url in self.items
        )
        parts = [self.text, *labels, self.note]
        if self.html:
            parts.append(html.unescape(strip_tags(str(self.html))))
        return re.sub(r"\s+", " ", "; ".join(p for p in parts if p)).strip()


@dataclass
class Row:
    label: str
    cells: list[Cell]

    @property
    def differs(self) -> bool:
        return len({cell.plain.casefold() for cell in self.cells}) > 1

    @property
    def all_empty(self) -> bool:
        return all(cell.empty for cell in self.cells)


@dataclass
class Item:
    key: str
    title: str
    url: str
    eyebrow: str = ""
    remove_url: str = ""
    # The version shown (a translation, or the original marked with its language).
    words: Shown | None = None


@dataclass
class CompareError:
    message: str
    fix_url: str = ""
    fix_label: str = ""


@dataclass
class Comparison:
    kind: str = ""
    items: list[Item] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    errors: list[CompareError] = field(default_factory=list)
    # A selection of one is not a mistake, only unfinished: said politely, with status 200.
    notice: str = ""
    # For the "add another" form: public cities not chosen yet (slug, name).
    city_options: list[tuple[str, str]] = field(default_factory=list)
    # The search the visitor came from (a query string), offered again to add practices.
    search: str = ""

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def keys(self) -> list[str]:
        return [item.key for item in self.items]

    @property
    def can_add(self) -> bool:
        return len(self.items) < MAX_ITEMS

    @property
    def carry_tokens(self) -> list[str]:
        return [f"{self.kind}:{key}" for key in self.keys]

    @property
    def search_q(self) -> str:
        return QueryDict(self.search).get("q", "")

    @property
    def search_filters(self) -> list[tuple[str, str]]:
        """The carried search but its words, as hidden inputs beside the search box."""
        return [
            (name, value)
            for name, values in QueryDict(self.search).lists()
            if name != "q"
            for value in values
        ]

    @property
    def export_url(self) -> str:
        return compare_url(self.kind, self.keys, export=True)

    @property
    def differing(self) -> int:
        return sum(row.differs for row in self.rows)


KIND_LABELS = {"city": gettext_lazy("cities"), "practice": gettext_lazy("practices")}


def build(params: QueryDict, request: HttpRequest) -> Comparison:
    """Read the parameters, check them, and build the table (or say what is wrong)."""
    chosen = {kind: [v.strip() for v in params.getlist(kind) if v.strip()] for kind in KINDS}
    if chosen["city"] and chosen["practice"]:
        return Comparison(
            errors=[
                CompareError(
                    _("Compare either cities or practices, not both at once."),
                    compare_url("city", chosen["city"]),
                    _("Compare only the cities"),
                ),
                CompareError(
                    "",
                    compare_url("practice", chosen["practice"]),
                    _("Compare only the practices"),
                ),
            ]
        )
    kind = "city" if chosen["city"] else "practice" if chosen["practice"] else ""
    if not kind:
        # The bare page: a starting point, not an error.
        return Comparison(city_options=_city_options([]))
    keys = chosen[kind]
    errors = _check(kind, keys)
    if errors:
        return Comparison(kind=kind, errors=errors)

    pages = _find(kind, keys)
    missing = [key for key in keys if key not in pages]
    if missing:
        return Comparison(
            kind=kind,
            errors=[
                CompareError(
                    (
                        _("There is no public city with the address “%(key)s”.")
                        if kind == "city"
                        else _("There is no public practice number %(key)s.")
                    )
                    % {"key": _shown(key)},
                    compare_url(kind, [k for k in keys if k != key]),
                    _("Compare without “%(key)s”") % {"key": _shown(key)},
                )
                for key in missing
            ],
        )

    # Rows and columns come from the originals; titles and summaries in the visitor's
    # language where a translation is published.
    ordered = show_in_language(pages[key] for key in keys)
    search = carried_search(params)
    if kind == "city":
        comparison = Comparison(kind=kind, rows=_city_rows(ordered, request))
        comparison.city_options = _city_options(keys) if len(keys) < MAX_ITEMS else []
    else:
        comparison = Comparison(kind=kind, rows=_practice_rows(ordered, request))
    comparison.items = [
        Item(
            key=key,
            title=page.shown.title,
            url=page.shown.page.get_url(request) or "",
            words=page.shown,
            eyebrow=(
                page.country.name
                if kind == "city"
                else (marked_title(page.city.shown) if getattr(page, "city", None) else "")
            ),
            remove_url=compare_url(kind, [k for k in keys if k != key], search=search),
        )
        for key, page in zip(keys, ordered, strict=True)
    ]
    comparison.search = search
    if len(keys) < MIN_ITEMS:
        comparison.notice = (
            _("Choose at least one more city to compare with.")
            if kind == "city"
            else _("Choose at least one more practice to compare with.")
        )
    return comparison


def _check(kind: str, keys: list[str]) -> list[CompareError]:
    """Errors found without the database: how many, repeated, badly formed."""
    unique = list(dict.fromkeys(keys))
    if len(keys) > MAX_ITEMS:
        return [
            CompareError(
                ngettext(
                    "You chose %(n)d item; compare at most %(max)d at a time.",
                    "You chose %(n)d items; compare at most %(max)d at a time.",
                    len(keys),
                )
                % {"n": len(keys), "max": MAX_ITEMS},
                compare_url(kind, unique[:MAX_ITEMS]),
                _("Compare the first %(max)d") % {"max": MAX_ITEMS},
            )
        ]
    errors = []
    if len(unique) < len(keys):
        errors.append(
            CompareError(
                _("The same item was chosen more than once."),
                compare_url(kind, unique),
                _("Compare each item once"),
            )
        )
    for key in unique:
        if kind == "practice" and not PRACTICE_ID.match(key):
            errors.append(
                CompareError(
                    _("“%(key)s” is not a practice number.") % {"key": _shown(key)},
                    compare_url(kind, [k for k in keys if k != key]),
                    _("Compare without “%(key)s”") % {"key": _shown(key)},
                )
            )
    return errors


def _find(kind: str, keys: list[str]) -> dict[str, object]:
    """The public pages for `keys`, by key; a malformed slug simply matches nothing."""
    if kind == "city":
        slugs = [k for k in keys if SLUG.match(k)]
        found = CityProfilePage.objects.visible().filter(slug__in=slugs).select_related("region")
        return {page.slug: page for page in found}
    practices = attach_parents(
        PracticePage.objects.visible()
        .filter(id__in=[int(k) for k in keys])
        .select_related("action_type")
        .prefetch_related(
            "themes",
            "target_groups",
            Prefetch("partners", queryset=PracticePartner.objects.select_related("organisation")),
        ),
        CityProfilePage,
    )
    return {str(page.id): page for page in practices}


def _city_options(chosen: Sequence[str]) -> list[tuple[str, str]]:
    options = CityProfilePage.objects.visible().exclude(slug__in=list(chosen))
    # In the reader's alphabetical order (São Paulo before Sousse), not by code point.
    return list(by_shown_title(options).values_list("slug", "shown_title"))


# Values ---------------------------------------------------------------------------------


def _rich(value: str) -> Cell:
    if not strip_tags(value or "").strip():
        return Cell()
    return Cell(html=public_rich_text(value))  # the editor's rich text, as pages show it


def _terms(terms: Iterable) -> Cell:
    return Cell(items=[(term.label, "") for term in terms])


def _city_rows(cities: list, request: HttpRequest) -> list[Row]:
    ids = [c.id for c in cities]
    # What the search index knows of each city's public content (hook
    # `exchange_city_facet_terms`, search/city_profiles.py).
    terms = provided("exchange_city_facet_terms", cities, default=None) or CityFacetTerms()
    practice_counts, themes = terms.practice_counts, terms.themes
    barriers, opportunities = terms.barriers, terms.opportunities
    bodies: dict[int, list] = defaultdict(list)
    for body in GovernanceBody.objects.filter(page_id__in=ids).order_by("sort_order", "id"):
        bodies[body.page_id].append(body)

    def sorted_names(terms: dict[str, tuple[int, str]]) -> Cell:
        # The editors' order, then the names in the reader's alphabetical order.
        ordered = sorted(terms.values(), key=lambda term: (term[0], sort_key(term[1])))
        return Cell(items=[(name, "") for _o, name in ordered])

    def population(c) -> Cell:
        if not c.population:
            return Cell()
        text = number_format(c.population, force_grouping=True)
        year = c.population_year
        return Cell(text=text, note=_("in %(year)s") % {"year": year} if year else "")

    def women_share(c) -> Cell:
        if c.women_share_of_migrants is None:
            return Cell()
        share = number_format(c.women_share_of_migrants.normalize(), use_l10n=True)
        notes = []
        if c.women_share_year:
            notes.append(str(c.women_share_year))
        if c.women_share_source:
            notes.append(_("source: %(source)s") % {"source": c.women_share_source})
        return Cell(text=f"{share}%", note="; ".join(notes))

    def body_label(body) -> str:
        details = []
        if body.women_quota is not None:
            details.append(_("at least %(quota)s%% women") % {"quota": body.women_quota})
        if body.since_year:
            details.append(_("since %(year)s") % {"year": body.since_year})
        return f"{body.name} ({', '.join(details)})" if details else body.name

    def focal_point(c) -> Cell:
        items = []
        if c.focal_point_email:
            items.append((c.focal_point_email, f"mailto:{c.focal_point_email}"))
        if c.focal_point_url:
            items.append((c.focal_point_url, c.focal_point_url))
        return Cell(text=c.focal_point_role, items=items)

    def row(label: str, value) -> Row:
        return Row(str(label), [value(c) for c in cities])

    count = {c.id: practice_counts.get(c.id, 0) for c in cities}
    return [
        row(_("Country"), lambda c: Cell(text=str(c.country.name))),
        row(_("Region"), lambda c: Cell(text=c.region.label)),
        row(_("Kind of local government"), lambda c: Cell(text=c.get_government_kind_display())),
        row(_("Population"), population),
        row(
            _("Mandate on migrant inclusion"),
            lambda c: Cell(text=c.get_mandate_display() if c.mandate else "", note=c.mandate_note),
        ),
        row(
            _("Place of migration"),
            lambda c: Cell(items=[(role.capitalize(), "") for role in c.migration_roles]),
        ),
        row(_("Share of women among migrants"), women_share),
        row(_("Migration context"), lambda c: _rich(c.migration_context)),
        row(
            _("Governance bodies"),
            lambda c: Cell(items=[(body_label(b), "") for b in bodies[c.id]]),
        ),
        row(_("Challenges its practices address"), lambda c: sorted_names(themes.get(c.id, {}))),
        row(_("Barriers reported"), lambda c: sorted_names(barriers.get(c.id, {}))),
        row(_("Opportunities reported"), lambda c: sorted_names(opportunities.get(c.id, {}))),
        row(_("Public practices"), lambda c: Cell(text=str(count[c.id]))),
        row(_("Focal point"), focal_point),
    ]


def _practice_rows(practices: list, request: HttpRequest) -> list[Row]:
    ids = [p.id for p in practices]

    def linked(link_model, fk: str, model) -> dict[int, list[tuple[str, str]]]:
        """Public records each practice links to, in the editor's order: one query."""
        found: dict[int, list[tuple[str, str]]] = defaultdict(list)
        links = (
            link_model.objects.filter(
                page_id__in=ids, **{f"{fk}__in": model.objects.visible().values("id")}
            )
            .select_related(f"{fk}__category")
            .order_by("page_id", "sort_order", "id")
        )
        links = list(links)
        # Titles in the visitor's language where translated, else marked as the original's.
        show_in_language(getattr(link, fk) for link in links)
        for link in links:
            record = getattr(link, fk)
            words = record.shown
            label = format_html("{} ({})", marked_title(words), record.category.label)
            found[link.page_id].append((label, words.page.get_url(request) or ""))
        return found

    barriers = linked(PracticeBarrier, "barrier", BarrierPage)
    opportunities = linked(PracticeOpportunity, "opportunity", OpportunityPage)

    def years(p) -> Cell:
        if p.start_year and p.end_year:
            return Cell(text=f"{p.start_year}\u2013{p.end_year}")
        if p.start_year:
            return Cell(text=_("since %(year)s") % {"year": p.start_year})
        if p.end_year:
            return Cell(text=_("until %(year)s") % {"year": p.end_year})
        return Cell()

    def contact(p) -> Cell:
        items = [(p.contact_email, f"mailto:{p.contact_email}")] if p.contact_email else []
        return Cell(text=p.contact_role, items=items)

    def city(p) -> Cell:
        if not getattr(p, "city", None):
            return Cell()
        words = p.city.shown
        return Cell(items=[(words.title, words.page.get_url(request) or "")], words=words)

    def row(label: str, value) -> Row:
        return Row(str(label), [value(p) for p in practices])

    return [
        row(_("City"), city),
        row(_("Summary"), lambda p: Cell(text=p.shown.summary, words=p.shown)),
        row(_("Challenges addressed"), lambda p: _terms(p.themes.all())),
        row(_("For whom"), lambda p: _terms(p.target_groups.all())),
        row(
            _("Type of action"),
            lambda p: Cell(text=p.action_type.label if p.action_type else ""),
        ),
        row(_("Mandate used"), lambda p: Cell(text=p.get_mandate_display() if p.mandate else "")),
        row(_("Status"), lambda p: Cell(text=p.get_status_display())),
        row(_("Years"), years),
        row(_("Evidence"), lambda p: Cell(text=p.get_evidence_display())),
        row(
            _("Budget"),
            lambda p: Cell(text=p.get_budget_band_display() if p.budget_band else ""),
        ),
        row(_("Funding"), lambda p: Cell(text=p.funding)),
        row(
            _("Partners"),
            lambda p: Cell(items=[(str(link.organisation), "") for link in p.partners.all()]),
        ),
        row(_("Barriers it addresses"), lambda p: Cell(items=barriers[p.id])),
        row(_("Opportunities it builds on"), lambda p: Cell(items=opportunities[p.id])),
        row(_("Results"), lambda p: _rich(p.results)),
        row(_("Lessons learned"), lambda p: _rich(p.lessons)),
        row(_("What another city would need"), lambda p: _rich(p.transferability)),
        row(_("Contact"), contact),
        row(
            _("Last verified"),
            lambda p: Cell(text=date_format(p.last_verified) if p.last_verified else ""),
        ),
    ]
