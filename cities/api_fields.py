"""The city of a page in the read API (/api/v2/)."""

from __future__ import annotations

from rest_framework import serializers

from exchange.pagetools import parent_path

from .models import CityProfilePage


class CityField(serializers.Field):
    """The city a record lives under (`{"id", "slug", "name"}`), or null for network records.

    Only live, public cities: the API lists nothing below an unpublished or private city,
    so a record reaching this field has a visible parent whenever it has a city at all.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        kwargs.setdefault("source", "*")
        super().__init__(**kwargs)

    def to_representation(self, page) -> dict | None:
        city = (
            CityProfilePage.objects.visible()
            .filter(path=parent_path(page))
            .only("id", "slug", "title")
            .first()
        )
        return {"id": city.pk, "slug": city.slug, "name": city.title} if city else None
