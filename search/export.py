"""The columns of the search CSV (/api/search/export.csv) and one row per hit.

Each coded value (type, country, challenges, status) comes with its name beside it in the
visitor's language, as the compare CSV gives names: codes for programs joining tables,
names for people reading the sheet. Name columns come last, so files read by position
before they were added read the same.
"""

from __future__ import annotations

from django.http import HttpRequest
from django_countries import countries

from exchange.licences import licence_info
from exchange.public_address import absolute_url

from .results import Hit

EXPORT_COLUMNS = (
    "id",
    "type",
    "title",
    "url",
    "summary",
    "city",
    "country",
    "themes",
    "status",
    "year",
    "language",
    "licence",
    "licence_url",
    "type_name",
    "country_name",
    "theme_names",
    "status_name",
)


def export_row(hit: Hit, request: HttpRequest) -> list[object]:
    licence = licence_info(hit.licence)
    return [
        hit.id,
        hit.type,
        hit.title,
        absolute_url(request, hit.url) if hit.url else "",
        hit.summary,
        hit.city_name,
        hit.country,
        ";".join(slug for slug, _label in hit.themes),
        hit.status,
        hit.year if hit.year is not None else "",
        hit.language,
        licence["code"],
        licence["url"] or "",
        hit.type_label,
        str(countries.name(hit.country)) if hit.country else "",
        ";".join(str(label) for _slug, label in hit.themes),
        hit.status_label,
    ]
