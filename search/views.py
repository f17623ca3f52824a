"""The search page, the JSON API and the CSV export: thin layers over `query` and `results`.

All three read the same GET parameters through `query.parse` and answer bad ones with a
400 and the messages (in the page, or as `{"errors": {...}}`), never a 500.
"""

from __future__ import annotations

from dataclasses import replace

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from exchange.breadcrumbs import crumbs
from exchange.csv_export import csv_download
from exchange.listing_language import UnknownLanguage, requested_language
from exchange.querystrings import without_empty
from taxonomy.collation import sorted_by

from .export import EXPORT_COLUMNS, export_row
from .facets import FACET_NAMES, FACETS
from .query import DEFAULT_PER_PAGE, SORTS, SearchForm, SearchQuery, parse
from .results import FacetOption, SearchResults, run

# Facet groups open on first load; the others start folded so the page stays short.
FACETS_OPEN_BY_DEFAULT = 3
# Options shown per facet before "Show N more".
TOP_OPTIONS = 8
# Options "Show N more" unfolds. A facet with more than that (cities, tags: thousands at
# network scale) links to a page of its own listing them all, so the search page keeps its
# weight and its rendering time whatever the size of the network.
MORE_OPTIONS = 40
# The export stops here: a spreadsheet of every document is not what a search is for.
EXPORT_CAP = 5_000
# Results are fetched for the export in batches, so no SQL statement has thousands of
# parameters (SQLite caps them) and memory stays flat.
EXPORT_BATCH = 500


# Parameters a link leaves out when they hold these values: the search reads a missing one
# the same way, and a shared address stays short.
DEFAULT_VALUES = {"sort": "relevance", "page": "1", "per_page": str(DEFAULT_PER_PAGE)}
# What a comparison does not carry of the search: where the visitor was in it, the selection
# (carried on its own), and the type (the comparison's kind decides it).
NOT_CARRIED_TO_COMPARE = ("page", "per_page", "compare", "type")


def clean_params(params: QueryDict) -> QueryDict:
    """A mutable copy of `params` without empty values and the search's defaults."""
    return without_empty(params, DEFAULT_VALUES)


def compare_search(params: QueryDict) -> str:
    """The current search as a query string, for the comparison to come back to."""
    clean = clean_params(params)
    for name in NOT_CARRIED_TO_COMPARE:
        clean.pop(name, None)
    return clean.urlencode()


def _url(params: QueryDict, path: str = "") -> str:
    """The search page URL (or `path`) for `params` (the bare page when there are none)."""
    query_string = clean_params(params).urlencode()
    return (path or reverse("search")) + (f"?{query_string}" if query_string else "")


def _without(request: HttpRequest, param: str, value: str | None = None) -> str:
    """The current URL with `param` (or only its `value`) dropped, back on page 1."""
    params = _without_page(request.GET)
    if value is None:
        params.pop(param, None)
    else:
        params.setlist(param, [v for v in params.getlist(param) if v.strip() != value])
    return _url(params)


def _field_label(param: str) -> str:
    if param in FACETS:
        return str(FACETS[param].label)
    field = SearchForm.base_fields.get(param)
    return str(field.label) if field is not None else param


def _chips(request: HttpRequest, results: SearchResults) -> list[dict]:
    """One removable chip per active filter value, the words and the year range."""
    query = results.query
    chips = []
    if query.q:
        chips.append({"group": _("Words"), "label": query.q, "url": _without(request, "q")})
    for name in FACET_NAMES:
        labels = {o.value: o.label for o in results.facets.get(name, []) if o.selected}
        for value in query.selected(name):
            chips.append(
                {
                    "group": str(FACETS[name].label),
                    "label": labels.get(value, value),
                    "url": _without(request, name, value),
                }
            )
    if query.year_from:
        chips.append(
            {
                "group": _field_label("year_from"),
                "label": str(query.year_from),
                "url": _without(request, "year_from"),
            }
        )
    if query.year_to:
        chips.append(
            {
                "group": _field_label("year_to"),
                "label": str(query.year_to),
                "url": _without(request, "year_to"),
            }
        )
    return chips


def _active_filters(query: SearchQuery) -> int:
    """How many filters narrow the search (the words are not one: they have their own box)."""
    return (
        sum(len(query.selected(name)) for name in FACET_NAMES)
        + bool(query.year_from)
        + bool(query.year_to)
    )


def _total(query: SearchQuery) -> int:
    # One result is enough to learn the total; fewer hits to load.
    return run(replace(query, page=1, per_page=1)).total


def _suggestions(request: HttpRequest, results: SearchResults) -> list[dict]:
    """For an empty answer: what dropping each filter (a whole facet, the words, the years)
    would give. One search per selected facet, plus one each for words and years: bounded
    by what the visitor chose, not by the data."""
    query = results.query
    suggestions = []
    for name in FACET_NAMES:
        values = query.selected(name)
        if not values:
            continue
        labels = {o.value: o.label for o in results.facets.get(name, []) if o.selected}
        suggestions.append(
            {
                "label": f"{FACETS[name].label}: {', '.join(labels.get(v, v) for v in values)}",
                "url": _without(request, name),
                "count": _total(query.without(name)),
            }
        )
    if query.year_from or query.year_to:
        params = clean_params(request.GET)
        for param in ("year_from", "year_to", "page"):
            params.pop(param, None)
        suggestions.append(
            {
                "label": _("the year range"),
                "url": _url(params),
                "count": _total(replace(query, year_from=None, year_to=None)),
            }
        )
    if query.q and suggestions:
        suggestions.append(
            {
                "label": _("the words “%(q)s”") % {"q": query.q},
                "url": _without(request, "q"),
                "count": _total(replace(query, q="")),
            }
        )
    suggestions.sort(key=lambda s: -s["count"])
    return suggestions


def _facet_groups(request: HttpRequest, results: SearchResults) -> list[dict]:
    """Facets that have options, each split into the top ones, the rest up to
    MORE_OPTIONS (plus any selected value beyond them) and a link to all of them."""
    groups = []
    for name, options in results.facets.items():
        if not options:
            continue
        selected = [o for o in options if o.selected]
        top: list[FacetOption] = options[:TOP_OPTIONS]
        more: list[FacetOption] = options[TOP_OPTIONS : TOP_OPTIONS + MORE_OPTIONS]
        beyond = options[TOP_OPTIONS + MORE_OPTIONS :]
        more += [o for o in beyond if o.selected]
        groups.append(
            {
                "name": name,
                "label": FACETS[name].label,
                "top": top,
                "more": more,
                "all_count": len(options),
                # Some values are on neither list: the page of the facet shows them all.
                "all_url": _facet_url(request, name)
                if any(not o.selected for o in beyond)
                else "",
                "open": bool(selected) or len(groups) < FACETS_OPEN_BY_DEFAULT,
                "more_open": any(o.selected for o in more),
                "selected_count": len(selected),
            }
        )
    return groups


def _facet_url(request: HttpRequest, name: str) -> str:
    """The page listing every value of facet `name` for the current search."""
    return _url(_without_page(request.GET), reverse("search_facet", args=[name]))


def _error_list(request: HttpRequest, errors: dict[str, list[str]]) -> list[dict]:
    return [
        {
            "param": param,
            "label": _field_label(param),
            "messages": messages,
            "url": _without(request, param),
        }
        for param, messages in errors.items()
    ]


def _form_values(request: HttpRequest, query: SearchQuery | None, errors: dict) -> dict:
    """What the form's inputs show: the parsed query, or what was typed when it is bad."""
    if query is not None:
        return {
            "q": query.q,
            "sort": query.sort,
            "year_from": query.year_from or "",
            "year_to": query.year_to or "",
            "per_page": query.per_page if query.per_page != DEFAULT_PER_PAGE else "",
            "hidden": [],
        }
    get = request.GET
    # Facet values that were fine are carried along, so fixing one field keeps the rest.
    hidden = [
        (name, value.strip())
        for name in FACET_NAMES
        if name not in errors
        for value in get.getlist(name)
        if value.strip()
    ]
    return {
        "q": get.get("q", ""),
        "sort": get.get("sort", "") if "sort" not in errors else "",
        "year_from": get.get("year_from", ""),
        "year_to": get.get("year_to", ""),
        "per_page": get.get("per_page", "") if "per_page" not in errors else "",
        "hidden": hidden,
    }


@require_GET
def search_page(request: HttpRequest) -> HttpResponse:
    query, errors = parse(request.GET)
    context: dict = {
        "errors": _error_list(request, errors),
        "field_errors": {param: " ".join(messages) for param, messages in errors.items()},
        "form": _form_values(request, query, errors),
        "sorts": [(value, str(label)) for value, label in SORTS.items()],
        "query": query,
        "search_url": reverse("search"),
        "crumbs": crumbs(),
        "current": {"title": _("Search")},
    }
    if query is None:
        return render(request, "search/search_page.html", context, status=400)

    results = run(query)
    paginator = Paginator(range(results.total), query.per_page)
    page_numbers = (
        list(paginator.get_elided_page_range(query.page, on_each_side=2, on_ends=1))
        if query.page <= paginator.num_pages
        else []
    )
    context.update(
        {
            "results": results,
            "hits": results.hits,
            "groups": _facet_groups(request, results),
            "chips": _chips(request, results),
            "suggestions": _suggestions(request, results) if not results.total else [],
            "page_numbers": page_numbers,
            "ellipsis": Paginator.ELLIPSIS,
            "has_previous": 1 < query.page <= results.pages,
            "has_next": query.page < results.pages,
            "beyond_last_page": results.total and query.page > results.pages,
            "first_result": query.offset + 1,
            # What the page's own links start from: no empty values, no defaults.
            "link_params": clean_params(request.GET),
            "compare_search": compare_search(request.GET),
            "active_filters": _active_filters(results.query),
        }
    )
    return render(request, "search/search_page.html", context)


@require_GET
def facet_page(request: HttpRequest, name: str) -> HttpResponse:
    """Every value of one facet, with its count for the current search, as checkboxes that
    go back to the search page with the other filters kept."""
    facet = FACETS.get(name)
    if facet is None:
        raise Http404(_("There is no such filter."))
    query, errors = parse(request.GET)
    params = _without_page(request.GET)
    back = _url(params)
    context: dict = {
        "facet": facet,
        "errors": _error_list(request, errors),
        "search_url": reverse("search"),
        "back_url": back,
        "crumbs": crumbs({"title": _("Search"), "url": back}),
        "current": {"title": facet.label},
    }
    if query is None:
        return render(request, "search/facet_page.html", context, status=400)
    results = run(replace(query, page=1, per_page=1))
    options = sorted_by(results.facets[name], lambda o: o.label)
    # The other parameters ride along as hidden fields; this facet's are the checkboxes.
    hidden = [
        (param, value) for param, values in params.lists() if param != name for value in values
    ]
    context.update(
        {
            "group": {"name": name, "label": facet.label},
            "options": options,
            "hidden": hidden,
            "total": results.total,
            "selected_count": sum(o.selected for o in options),
        }
    )
    return render(request, "search/facet_page.html", context)


def _without_page(params: QueryDict) -> QueryDict:
    """A mutable copy of `params` without the page number (a new search starts at page 1)."""
    params = clean_params(params)
    params.pop("page", None)
    return params


def _errors_response(errors: dict[str, list[str]]) -> JsonResponse:
    return JsonResponse({"errors": errors}, status=400, json_dumps_params={"ensure_ascii": False})


@require_GET
def search_api(request: HttpRequest) -> JsonResponse:
    query, errors = parse(request.GET)
    if query is None:
        return _errors_response(errors)
    response = JsonResponse(run(query).as_json(), json_dumps_params={"ensure_ascii": False})
    patch_cache_control(response, public=True, max_age=60)
    return response


@require_GET
def search_export(request: HttpRequest) -> HttpResponse:
    query, errors = parse(request.GET)
    try:
        language = requested_language(request.GET)
    except UnknownLanguage as error:
        errors = {**(errors or {}), "lang": [str(error)]}
        query = None
    if query is None:
        return _errors_response(errors)
    # Titles, summaries and names in `lang`: a script fetching the CSV asks for a language
    # whatever its client's Accept-Language says.
    with translation.override(language):
        return _search_csv(request, query, language)


def _search_csv(request: HttpRequest, query, language: str) -> HttpResponse:

    response, writer = csv_download("exchange-search.csv")
    writer.writerow(EXPORT_COLUMNS)
    written, total = 0, 0
    for page in range(1, EXPORT_CAP // EXPORT_BATCH + 2):
        results = run(replace(query, page=page, per_page=EXPORT_BATCH), language)
        total = results.total
        for hit in results.hits:
            if written >= EXPORT_CAP:
                break
            writer.writerow(export_row(hit, request))
            written += 1
        if written >= EXPORT_CAP or page >= results.pages:
            break
    response["X-Total-Count"] = str(total)
    if written >= EXPORT_CAP and total > EXPORT_CAP:
        response["X-Truncated"] = "true"
    patch_cache_control(response, public=True, max_age=60)
    return response
