""" "Add to comparison" links and the selection carried through the search, without JavaScript."""

from __future__ import annotations

from django import template

from practices.compare import CARRY_PARAM, MAX_ITEMS, Selection, compare_url
from taxonomy.languages import text_direction

register = template.Library()


def _selection(context) -> Selection:
    request = context.get("request")
    return Selection.from_params(request.GET) if request is not None else Selection()


@register.inclusion_tag("practices/includes/compare_add.html", takes_context=True)
def compare_add(context, kind: str, key, title: str = "", language: str = "") -> dict:
    """A link adding this city (key: slug) or practice (key: id) to the comparison;
    `language`: the title's, when it is not the visitor's."""
    selection = _selection(context)
    return {
        # The search page names its search (compare_search); elsewhere there is none.
        **selection.link(kind, str(key), search=context.get("compare_search") or ""),
        "title": title,
        "language": language,
        "direction": text_direction(language) if language else "",
        "count": len(selection.keys),
        "max_items": MAX_ITEMS,
    }


@register.inclusion_tag("practices/includes/compare_carry.html", takes_context=True)
def compare_carry(context) -> dict:
    """Hidden inputs (inside a GET form) that keep the selection, and a way back to it."""
    selection = _selection(context)
    return {
        "param": CARRY_PARAM,
        "tokens": selection.tokens(),
        "kind": selection.kind,
        "count": len(selection.keys),
        "url": compare_url(
            selection.kind, selection.keys, search=context.get("compare_search") or ""
        )
        if selection.keys
        else "",
    }
