"""The one way to build breadcrumbs: the site's name first, then the way down to the page.

Page templates get theirs from the `breadcrumbs` tag; plain views (search, compare, submit,
explore...) pass `crumbs` built here to includes/breadcrumbs.html. The root used to be the
home page's title on some pages and "Home" on others: it is now always the site's name, in
the visitor's language, linking to the home page in that language.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _


def root_crumb() -> dict:
    """The first crumb of every trail: "The Exchange", to the home page."""
    return {"title": _("The Exchange"), "url": reverse("wagtail_serve", args=[""])}


def crumbs(*extra: dict) -> list[dict]:
    """The root, then `extra` ({"title", "url"} each): for pages that are plain views."""
    return [root_crumb(), *extra]


def page_crumbs(page, request: HttpRequest | None = None, *, inclusive: bool = False) -> list:
    """The root, then the live ancestors of a Wagtail `page` below the home page (one query).

    With `inclusive`, `page` itself ends the trail as a link: for a view below a page (a
    city's "similar cities"). An unpublished ancestor is left out rather than named.
    """
    ancestors = page.get_ancestors(inclusive=inclusive).live().filter(depth__gt=2)
    return crumbs(*({"title": p.title, "url": p.get_url(request=request)} for p in ancestors))
