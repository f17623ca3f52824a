"""Query strings for the links a page builds from the one it was asked with."""

from __future__ import annotations

from collections.abc import Mapping

from django.http import QueryDict


def without_empty(params: QueryDict, defaults: Mapping[str, str] | None = None) -> QueryDict:
    """A mutable copy of `params` without empty values, nor values equal to `defaults`
    (name: value): a GET form sends `year_from=&sort=relevance`, and a link built from it
    should not repeat what says nothing."""
    defaults = defaults or {}
    clean = QueryDict(mutable=True)
    for name, values in params.lists():
        kept = [v for v in values if v.strip() and defaults.get(name) != v.strip()]
        if kept:
            clean.setlist(name, kept)
    return clean
