"""Search parameters: parsed and validated once, for the page, the JSON API and the CSV export."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from .facets import FACET_NAMES, FACETS, unknown_values
from .text import MAX_QUERY_LENGTH

SORTS = {
    "relevance": _("Relevance"),
    "newest": _("Newest"),
    "title": _("Title (A to Z)"),
}
DEFAULT_PER_PAGE = 20
MAX_PER_PAGE = 100
MAX_PAGE = 10_000
MAX_VALUES_PER_FACET = 50
YEAR_MIN, YEAR_MAX = 1900, 2100


@dataclass(frozen=True)
class SearchQuery:
    q: str = ""
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    year_from: int | None = None
    year_to: int | None = None
    sort: str = "relevance"
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE
    # Whose alphabetical order sorts by title (taxonomy.collation); "" is the default
    # language's. Not a parameter: results.run sets the visitor's.
    language: str = ""

    @property
    def effective_sort(self) -> str:
        """Relevance needs words to rank by; without them, newest first."""
        return "newest" if self.sort == "relevance" and not self.q.strip() else self.sort

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    def selected(self, facet: str) -> tuple[str, ...]:
        return self.filters.get(facet, ())

    def without(self, facet: str) -> SearchQuery:
        """The same query with `facet`'s selection dropped (for disjunctive counts)."""
        return replace(self, filters={k: v for k, v in self.filters.items() if k != facet})

    def is_empty(self) -> bool:
        return not (self.q.strip() or self.filters or self.year_from or self.year_to)


class SearchForm(forms.Form):
    """The scalar parameters; facet lists are checked in `clean` against known values."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        strip=True,
        error_messages={
            "max_length": _("Keep the search to %(limit_value)d characters or fewer.")
        },
    )
    year_from = forms.IntegerField(
        label=_("From year"), required=False, min_value=YEAR_MIN, max_value=YEAR_MAX
    )
    year_to = forms.IntegerField(
        label=_("To year"), required=False, min_value=YEAR_MIN, max_value=YEAR_MAX
    )
    sort = forms.ChoiceField(
        label=_("Sort by"), required=False, choices=list(SORTS.items()), initial="relevance"
    )
    page = forms.IntegerField(label=_("Page"), required=False, min_value=1, max_value=MAX_PAGE)
    per_page = forms.IntegerField(
        label=_("Results per page"), required=False, min_value=1, max_value=MAX_PER_PAGE
    )

    def __init__(self, data: QueryDict, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.facet_values = {
            name: [v.strip() for v in data.getlist(name) if v.strip()] for name in FACET_NAMES
        }

    def clean_q(self) -> str:
        q = self.cleaned_data.get("q") or ""
        if "\x00" in q:
            raise forms.ValidationError(_("The search contains a character that is not allowed."))
        return q

    def clean(self):
        cleaned = super().clean()
        year_from, year_to = cleaned.get("year_from"), cleaned.get("year_to")
        if year_from and year_to and year_from > year_to:
            self.add_error("year_to", _("“To year” must not be before “From year”."))
        for name, values in self.facet_values.items():
            if len(values) > MAX_VALUES_PER_FACET:
                self.errors[name] = self.error_class(
                    [_("Choose at most %(n)d values per filter.") % {"n": MAX_VALUES_PER_FACET}]
                )
                continue
            if any(len(v) > 100 or "\x00" in v for v in values):
                self.errors[name] = self.error_class([_("This value is not one we know.")])
                continue
            unknown = unknown_values(name, values) if values else []
            if unknown:
                self.errors[name] = self.error_class(
                    [
                        _("Unknown %(facet)s: %(values)s.")
                        % {"facet": str(FACETS[name].label).lower(), "values": ", ".join(unknown)}
                    ]
                )
        return cleaned

    def to_query(self) -> SearchQuery:
        data = self.cleaned_data
        return SearchQuery(
            q=data.get("q") or "",
            filters={
                name: tuple(dict.fromkeys(values))
                for name, values in self.facet_values.items()
                if values
            },
            year_from=data.get("year_from"),
            year_to=data.get("year_to"),
            sort=data.get("sort") or "relevance",
            page=data.get("page") or 1,
            per_page=data.get("per_page") or DEFAULT_PER_PAGE,
        )


def parse(data: QueryDict) -> tuple[SearchQuery | None, dict[str, list[str]]]:
    """(query, {}) for good parameters, (None, {param: [messages]}) for bad ones."""
    form = SearchForm(data)
    if not form.is_valid():
        return None, {
            ("q" if key == "__all__" else key): [str(m) for m in messages]
            for key, messages in form.errors.items()
        }
    return form.to_query(), {}
