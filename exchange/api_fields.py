"""Serializer fields for the `api_fields` of our page models (Wagtail API v2, /api/v2/).

Kept apart from the models: they say how a value looks to reusers, not what it is. None of
them import models, so every models.py may use them.
"""

from __future__ import annotations

from rest_framework import serializers

from .licences import licence_info


class TermsField(serializers.Field):
    """Vocabulary terms (themes, target groups, SDG targets) as slugs with their names."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, terms) -> list[dict]:
        return [{"slug": term.slug, "name": term.name} for term in terms.all()]


class TermField(serializers.Field):
    """One vocabulary term (region, action type, category) as its slug and name, or null."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        # A null foreign key is a legitimate "not known", not an error.
        return getattr(instance, self.source, None)

    def to_representation(self, term) -> dict | None:
        return {"slug": term.slug, "name": term.name} if term is not None else None


def organisation_json(organisation) -> dict:
    """An organisation's public facts: what its snippet shows on the site."""
    return {
        "id": organisation.pk,
        "name": organisation.name,
        "acronym": organisation.acronym,
        "kind": organisation.kind,
        "country": str(organisation.country) or None,
        "website": organisation.website or None,
    }


class PartnersField(serializers.Field):
    """A practice's partner organisations, in the editor's order."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, links) -> list[dict]:
        return [organisation_json(link.organisation) for link in links.all()]


class OrganisationField(TermField):
    def to_representation(self, organisation) -> dict | None:
        return organisation_json(organisation) if organisation is not None else None


class LicenceField(serializers.Field):
    """The licence as `{"code", "name", "url"}`, as in the search JSON."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, code: str) -> dict:
        return licence_info(code)


class CountryCodeField(serializers.Field):
    """A country as its ISO 3166 code (django-countries gives an object JSON cannot hold)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, country) -> str | None:
        return str(country) or None
