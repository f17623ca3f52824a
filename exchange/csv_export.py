"""CSV downloads that spreadsheets open safely: UTF-8 they recognise, no formulas run."""

from __future__ import annotations

import csv

from django.http import HttpResponse

# Spreadsheets run cells starting with these as formulas (OWASP "CSV injection").
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> object:
    """A value a spreadsheet shows as text, never runs as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def csv_download(filename: str) -> tuple[HttpResponse, csv.writer]:
    """An attachment response named `filename`, and a writer into it."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # The byte order mark makes spreadsheet programs read the file as UTF-8.
    response.write("\ufeff")
    return response, csv.writer(response)
