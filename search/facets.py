"""The search facets: their names (URL parameters), labels and valid values."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.apps import apps
from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from taxonomy.choices import Evidence, Mandate, PracticeStatus
from taxonomy.models import active_name_field


class DocumentType(TextChoices):
    PRACTICE = "practice", _("Practice")
    CITY = "city", _("City")
    BARRIER = "barrier", _("Barrier")
    OPPORTUNITY = "opportunity", _("Opportunity")
    RECOMMENDATION = "recommendation", _("Recommendation")
    DIALOGUE = "dialogue", _("Dialogue")
    RESOURCE = "resource", _("Resource")


@dataclass(frozen=True)
class Facet:
    name: str
    label: str
    # Returns {value: label} for the given values (or for every known value when None).
    labels: Callable[[Iterable[str] | None], dict[str, str]]
    # Open facets (cities, tags) accept only values that some public document carries;
    # closed ones accept their whole vocabulary even when no document uses a value yet.
    open: bool = False
    # Facets whose values are few and meaningful in their own order keep that order.
    ordered: bool = False
    # What a value looks like, for the API's description (OpenAPI) of the parameter.
    hint: str = "one of the listed values"
    # Values fixed in code (choices), listed as an enum in the API's description; the
    # others (vocabularies, cities, countries, tags) are checked against the database.
    fixed: tuple[str, ...] = ()


def _choices(choices: type[TextChoices]) -> Callable[[Iterable[str] | None], dict[str, str]]:
    def labels(values: Iterable[str] | None) -> dict[str, str]:
        known = {value: str(label) for value, label in choices.choices}
        return known if values is None else {v: known[v] for v in values if v in known}

    return labels


def _closed(name: str, label: str, choices: type[TextChoices]) -> Facet:
    """A facet of values fixed in code, shown in their own order."""
    return Facet(name, label, _choices(choices), ordered=True, fixed=tuple(choices.values))


def _vocabulary(model_path: str) -> Callable[[Iterable[str] | None], dict[str, str]]:
    def labels(values: Iterable[str] | None) -> dict[str, str]:
        model = apps.get_model(model_path)
        rows = model.objects.all()
        if values is not None:
            rows = rows.filter(slug__in=list(values))
        # Labels follow the request's language (the English name where none is given).
        field = active_name_field()
        if model_path == "taxonomy.SDGTarget":
            return {
                slug: f"{code} {translated or name}"
                for slug, code, name, translated in rows.values_list("slug", "code", "name", field)
            }
        return {
            slug: translated or name
            for slug, name, translated in rows.values_list("slug", "name", field)
        }

    return labels


def _countries(values: Iterable[str] | None) -> dict[str, str]:
    if values is None:
        return {code: str(name) for code, name in countries}
    return {v: str(countries.name(v)) for v in values if v and countries.name(v)}


def _document_titles(facet: str) -> Callable[[Iterable[str] | None], dict[str, str]]:
    """Labels stored with the facet values of public documents (city names, tag names)."""

    def labels(values: Iterable[str] | None) -> dict[str, str]:
        # Read once per version of the documents: at 100,000 practices the DISTINCT over
        # the facet-value table took most of a search page's time (0.8 s for the tags).
        # search.models imports this module (DocumentType): the index is read at call time.
        from . import facet_index

        known = facet_index.current().memo(f"labels:{facet}", lambda: _stored_labels(facet))
        return dict(known) if values is None else {v: known[v] for v in values if v in known}

    return labels


def _stored_labels(facet: str) -> dict[str, str]:
    # search.models imports this module (DocumentType): its models are read at call time.
    from .models import FacetValue

    return dict(FacetValue.objects.filter(facet=facet).values_list("value", "label").distinct())


FACETS: dict[str, Facet] = {
    facet.name: facet
    for facet in [
        _closed("type", _("Type"), DocumentType),
        Facet(
            "theme",
            _("Challenge"),
            _vocabulary("taxonomy.Theme"),
            hint="slug of a challenge theme, e.g. safety-and-violence",
        ),
        Facet(
            "barrier",
            _("Barrier"),
            _vocabulary("taxonomy.BarrierCategory"),
            hint="slug of a barrier category",
        ),
        Facet(
            "opportunity",
            _("Opportunity"),
            _vocabulary("taxonomy.OpportunityCategory"),
            hint="slug of an opportunity category",
        ),
        Facet(
            "city",
            _("City"),
            _document_titles("city"),
            open=True,
            hint="slug of a city with public content, e.g. sousse",
        ),
        Facet("country", _("Country"), _countries, hint="ISO 3166-1 alpha-2 code, e.g. TN"),
        Facet(
            "region",
            _("Region"),
            _vocabulary("taxonomy.Region"),
            hint="slug of a world region, e.g. mena",
        ),
        Facet(
            "target_group",
            _("Target group"),
            _vocabulary("taxonomy.TargetGroup"),
            hint="slug of a target group",
        ),
        Facet(
            "action_type",
            _("Type of action"),
            _vocabulary("taxonomy.ActionType"),
            hint="slug of a type of action",
        ),
        _closed("mandate", _("Mandate"), Mandate),
        _closed("status", _("Status"), PracticeStatus),
        _closed("evidence", _("Evidence"), Evidence),
        Facet(
            "sdg",
            _("SDG target"),
            _vocabulary("taxonomy.SDGTarget"),
            hint="slug of an SDG target, e.g. sdg-5-2",
        ),
        Facet(
            "tag",
            _("Tag"),
            _document_titles("tag"),
            open=True,
            hint="slug of a free tag carried by public content",
        ),
    ]
}
FACET_NAMES: tuple[str, ...] = tuple(FACETS)


def unknown_values(name: str, values: Iterable[str]) -> list[str]:
    """The values of `values` that facet `name` does not know, in the order given."""
    values = list(dict.fromkeys(values))
    known = FACETS[name].labels(values)
    return [v for v in values if v not in known]
