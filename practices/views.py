"""The comparison page and its CSV: thin layers over `compare.build`."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from exchange.breadcrumbs import crumbs
from exchange.csv_export import csv_download
from exchange.listing_language import UnknownLanguage, requested_language
from exchange.public_address import absolute_url

from . import compare


@require_GET
def compare_page(request: HttpRequest) -> HttpResponse:
    comparison = compare.build(request.GET, request)
    context = {
        "comparison": comparison,
        "kind_label": compare.KIND_LABELS.get(comparison.kind, ""),
        "max_items": compare.MAX_ITEMS,
        "search_url": reverse("search"),
        "compare_url": reverse("compare"),
        "crumbs": crumbs(),
        "current": {"title": _("Compare")},
    }
    # A bad selection is the visitor's error: the page explains it, with status 400.
    return render(
        request, "practices/compare.html", context, status=400 if comparison.errors else 200
    )


@require_GET
def compare_export(request: HttpRequest) -> HttpResponse:
    try:
        language = requested_language(request.GET)
    except UnknownLanguage as error:
        return HttpResponse(f"{error}\n", status=400, content_type="text/plain; charset=utf-8")
    # Titles, summaries and labels in `lang` (default: the visitor's language).
    with translation.override(language):
        return _compare_csv(request)


def _compare_csv(request: HttpRequest) -> HttpResponse:
    comparison = compare.build(request.GET, request)
    if comparison.errors or comparison.notice or not comparison.items:
        # A spreadsheet of one column compares nothing: the CSV needs a full selection.
        messages = [e.message for e in comparison.errors if e.message]
        if comparison.notice:
            messages.append(comparison.notice)
        messages = messages or [
            _("Choose 2 to %(max)d cities or practices to compare.") % {"max": compare.MAX_ITEMS}
        ]
        return HttpResponse(
            "\n".join(messages) + "\n", status=400, content_type="text/plain; charset=utf-8"
        )
    response, writer = csv_download(f"exchange-compare-{comparison.kind}.csv")
    writer.writerow([_("Field"), *(item.title for item in comparison.items)])
    writer.writerow(
        [_("Web address"), *(absolute_url(request, item.url) for item in comparison.items)]
    )
    for row in comparison.rows:
        writer.writerow([row.label, *(cell.plain for cell in row.cells)])
    return response
