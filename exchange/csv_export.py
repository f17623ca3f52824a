"""CSV downloads that spreadsheets open safely: UTF-8 they recognise, no formulas run.

Every CSV the site or its admin writes goes through here: ours through `csv_download`'s
writer, Wagtail's (reports such as "Site history" and "Aging pages", model listings, form
submissions) through `SpreadsheetExportMixin`, which `protect_wagtail_exports` wraps once
at start-up. A title typed by anyone, even in an unapproved draft, reaches a coordinator's
spreadsheet, so no cell may start a formula.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any

from django.http import HttpResponse

# Spreadsheets run cells starting with these as formulas (OWASP "CSV injection").
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> object:
    """A value a spreadsheet shows as text, never runs as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class SafeWriter:
    """`csv.writer` whose every cell is `spreadsheet_safe`."""

    def __init__(self, stream: Any) -> None:
        self._writer = csv.writer(stream)

    def writerow(self, row: Iterable[object]) -> Any:
        return self._writer.writerow([spreadsheet_safe(value) for value in row])

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        for row in rows:
            self.writerow(row)


def csv_download(filename: str) -> tuple[HttpResponse, SafeWriter]:
    """An attachment response named `filename`, and a formula-safe writer into it."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # The byte order mark makes spreadsheet programs read the file as UTF-8.
    response.write("\ufeff")
    return response, SafeWriter(response)


def protect_wagtail_exports() -> None:
    """Make the CSV and XLSX exports of Wagtail's admin formula-safe (called once, from
    ExchangeConfig.ready).

    Wagtail writes cells as typed (its XLSX rows turn formulas back into text, its CSV rows
    and its headings do not); every admin export inherits these two methods, so wrapping
    them covers the reports, listings and submissions of every app, ours included.
    """
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    if getattr(SpreadsheetExportMixin, "_exchange_formula_safe", False):
        return
    preprocess = SpreadsheetExportMixin.preprocess_field_value
    get_heading = SpreadsheetExportMixin.get_heading

    def safe_preprocess(self, field, value, export_format):
        return spreadsheet_safe(preprocess(self, field, value, export_format))

    def safe_heading(self, queryset, field):
        return spreadsheet_safe(get_heading(self, queryset, field))

    SpreadsheetExportMixin.preprocess_field_value = safe_preprocess
    SpreadsheetExportMixin.get_heading = safe_heading
    SpreadsheetExportMixin._exchange_formula_safe = True
