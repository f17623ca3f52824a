"""Small helpers that keep listing pages at a constant number of queries."""

from __future__ import annotations

from collections.abc import Iterable

from wagtail.models import Page


def parent_path(page: Page) -> str:
    return page.path[: -Page.steplen]


def attach_parents(pages: Iterable[Page], parent_model: type[Page], attr: str = "city") -> list:
    """Set `page.<attr>` to each page's live, public parent of `parent_model`, in one query.

    Listings show "Practice — City"; fetching each parent separately would cost a query
    per row.
    """
    pages = list(pages)
    paths = {parent_path(p) for p in pages}
    parents = (
        {p.path: p for p in parent_model.objects.live().public().filter(path__in=paths)}
        if paths
        else {}
    )
    for page in pages:
        setattr(page, attr, parents.get(parent_path(page)))
    return pages


def linked_pages(links, fk_name: str, model: type[Page], *related: str) -> list:
    """The pages that `links` (an inline relation) point to, keeping the editor's order.

    Drops drafts and private pages. Reading the ids from the relation, rather than
    joining in SQL, keeps previews of unpublished edits truthful.
    """
    ids = [getattr(link, f"{fk_name}_id") for link in links.all()]
    if not ids:
        return []
    found = model.objects.live().public().filter(id__in=ids)
    if related:
        found = found.select_related(*related)
    by_id = {page.id: page for page in found}
    return [by_id[i] for i in dict.fromkeys(ids) if i in by_id]
