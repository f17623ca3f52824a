"""OpenAPI 3.1 description of the search API (/api/search/ and its CSV export).

Built from the same constants the parser uses (facet names, sorts, limits, closed value
sets), so the description cannot drift from what the views accept. Served at
/api/search/openapi.json; the test suite runs schemathesis against it.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from exchange.licences import Licence
from taxonomy.choices import PracticeStatus

from .export import EXPORT_COLUMNS
from .facets import FACET_NAMES, FACETS, DocumentType
from .query import MAX_PAGE, MAX_PER_PAGE, MAX_VALUES_PER_FACET, SORTS, YEAR_MAX, YEAR_MIN
from .text import MAX_QUERY_LENGTH


def _facet_parameter(name: str) -> dict[str, Any]:
    item: dict[str, Any] = {"type": "string", "maxLength": 100}
    if FACETS[name].fixed:
        item = {"type": "string", "enum": list(FACETS[name].fixed)}
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": (
            f"{FACETS[name].label} filter ({FACETS[name].hint})."
            " Repeat the parameter for several values: OR within a facet, AND across facets."
        ),
        "style": "form",
        "explode": True,
        "schema": {"type": "array", "items": item, "maxItems": MAX_VALUES_PER_FACET},
    }


def _integer(name: str, description: str, minimum: int, maximum: int) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": {"type": "integer", "minimum": minimum, "maximum": maximum},
    }


PARAMETERS: list[dict[str, Any]] = [
    {
        "name": "q",
        "in": "query",
        "required": False,
        "description": "Words to search for; quotes for a phrase.",
        "schema": {"type": "string", "maxLength": MAX_QUERY_LENGTH},
    },
    *(_facet_parameter(name) for name in FACET_NAMES),
    _integer("year_from", "Only items of this year or later.", YEAR_MIN, YEAR_MAX),
    _integer(
        "year_to", "Only items of this year or earlier (not before year_from).", YEAR_MIN, YEAR_MAX
    ),
    {
        "name": "sort",
        "in": "query",
        "required": False,
        "description": "Order of the results; relevance without words sorts by newest.",
        "schema": {"type": "string", "enum": list(SORTS), "default": "relevance"},
    },
    _integer("page", "Page of results, from 1.", 1, MAX_PAGE),
    _integer("per_page", "Results per page (default 20).", 1, MAX_PER_PAGE),
]

NULLABLE_STRING = {"type": ["string", "null"]}


def _closed_object(properties: dict[str, Any]) -> dict[str, Any]:
    """An object with exactly these properties, every one of them always present."""
    return {
        "type": "object",
        "required": list(properties),
        "additionalProperties": False,
        "properties": properties,
    }


SCHEMAS: dict[str, Any] = {
    "Licence": _closed_object(
        {
            "code": {"type": "string", "enum": Licence.values},
            "name": {"type": "string"},
            "url": {"type": ["string", "null"], "format": "uri"},
        }
    ),
    "Result": _closed_object(
        {
            "id": {"type": "integer", "description": "The page id, as in /api/v2/pages/<id>/."},
            "type": {"type": "string", "enum": DocumentType.values},
            "title": {"type": "string"},
            "url": {"type": "string"},
            "summary": {"type": "string"},
            "city": {
                "oneOf": [
                    {"type": "null"},
                    _closed_object({"slug": {"type": "string"}, "name": {"type": "string"}}),
                ]
            },
            "country": NULLABLE_STRING,
            "themes": {"type": "array", "items": {"type": "string"}},
            "status": {"type": ["string", "null"], "enum": [*PracticeStatus.values, None]},
            "year": {"type": ["integer", "null"]},
            "language": {
                "type": "string",
                "description": "Language code of the title, summary and URL given.",
            },
            "licence": {"$ref": "#/components/schemas/Licence"},
        }
    ),
    "FacetOption": _closed_object(
        {
            "value": {"type": "string"},
            "label": {"type": "string"},
            "count": {"type": "integer", "minimum": 0},
            "selected": {"type": "boolean"},
        }
    ),
    "SearchResults": _closed_object(
        {
            "total": {"type": "integer", "minimum": 0},
            "page": {"type": "integer", "minimum": 1},
            "pages": {"type": "integer", "minimum": 1},
            "results": {"type": "array", "items": {"$ref": "#/components/schemas/Result"}},
            "facets": _closed_object(
                {
                    name: {"type": "array", "items": {"$ref": "#/components/schemas/FacetOption"}}
                    for name in FACET_NAMES
                }
            ),
        }
    ),
    "Errors": _closed_object(
        {
            "errors": {
                "type": "object",
                "description": "Messages per parameter name.",
                "minProperties": 1,
                "additionalProperties": {
                    "type": "array",
                    "items": {"type": "string"},
                    "minItems": 1,
                },
            }
        }
    ),
}

BAD_REQUEST = {
    "description": "A parameter is not valid; the messages say why, per parameter.",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Errors"}}},
}


def openapi_document() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "The Exchange: search API",
            "version": "1.0.0",
            "description": (
                "Faceted search over the public, published records of the Exchange: "
                "practices, cities, barriers, opportunities, recommendations, dialogues and "
                "resources. Each record states its licence. The full records are at /api/v2/."
            ),
        },
        "paths": {
            "/api/search/": {
                "get": {
                    "operationId": "search",
                    "summary": "Search, with facet counts",
                    "parameters": PARAMETERS,
                    "responses": {
                        "200": {
                            "description": "One page of results and the facet counts.",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/SearchResults"}
                                }
                            },
                        },
                        "400": BAD_REQUEST,
                    },
                }
            },
            "/api/search/export.csv": {
                "get": {
                    "operationId": "searchExport",
                    "summary": "The same search as CSV (all matching rows, up to 5,000)",
                    "description": "Paging parameters are accepted and ignored.",
                    "parameters": PARAMETERS,
                    "responses": {
                        "200": {
                            "description": (
                                f"UTF-8 CSV with a header row: {', '.join(EXPORT_COLUMNS)}. "
                                "type_name, country_name, theme_names and status_name name the "
                                "codes of type, country, themes and status, in the language of "
                                "the request."
                            ),
                            "headers": {
                                "X-Total-Count": {
                                    "description": "Number of matching records.",
                                    "schema": {"type": "string", "pattern": "^[0-9]+$"},
                                }
                            },
                            "content": {"text/csv": {"schema": {"type": "string"}}},
                        },
                        "400": BAD_REQUEST,
                    },
                }
            },
        },
        "components": {"schemas": SCHEMAS},
    }


@require_GET
@cache_control(public=True, max_age=3600)
def openapi_view(request: HttpRequest) -> JsonResponse:
    return JsonResponse(openapi_document(), json_dumps_params={"ensure_ascii": False})
