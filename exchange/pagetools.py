"""Which pages the public may see, and helpers that keep listings at constant queries."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Exists, OuterRef, Q, Value
from django.db.models.functions import Greatest, Length, Substr
from django.http import Http404
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet

from .listing_language import show_in_language
from .localization import original_filter


def parent_path(page: Page) -> str:
    return page.path[: -Page.steplen]


def attach_parents(pages: Iterable[Page], parent_model: type[Page], attr: str = "city") -> list:
    """Set `page.<attr>` to each page's live, public parent of `parent_model`, in one query.

    Listings show "Practice — City"; fetching each parent separately would cost a query
    per row. The parents' names are shown in the visitor's language (`show_in_language`).
    """
    pages = list(pages)
    paths = {parent_path(p) for p in pages}
    parents = (
        {p.path: p for p in parent_model.objects.visible().filter(path__in=paths)} if paths else {}
    )
    show_in_language(parents.values())
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
    found = model.objects.visible().filter(id__in=ids)
    if related:
        found = found.select_related(*related)
    by_id = {page.id: page for page in found}
    return [by_id[i] for i in dict.fromkeys(ids) if i in by_id]


def _ancestor_unpublished(levels_up: int) -> Exists:
    """True when the page `levels_up` steps above the row's page exists and is not live."""
    # Greatest(): PostgreSQL rejects a negative length for pages near the root.
    length = Greatest(Length(OuterRef("path")) - levels_up * Page.steplen, Value(0))
    ancestor_path = Substr(OuterRef("path"), 1, length)
    return Exists(Page.objects.filter(live=False, depth__gt=1, path=ancestor_path).values("pk"))


class ExchangePageQuerySet(PageQuerySet):
    def visible(self) -> ExchangePageQuerySet:
        """What the public may see: live, not private, and not below an unpublished page.

        Wagtail serves a live page under an unpublished parent; a practice must go offline
        with its city. Our tree is shallow (index, city, practice), so the parent and the
        grandparent are checked, each by an indexed lookup on `path`.

        Originals only: a translation (or an alias wagtail-localize made for one) is the
        same item in another language, never a second one in a listing or a count
        (exchange/localization.py). `visible_in_any_locale()` keeps them.
        """
        return self._live_in_public_branch(self.private_q()).filter(**original_filter())

    def visible_in_any_locale(self) -> ExchangePageQuerySet:
        """`visible()` with the translations and aliases of every locale.

        A restriction set on an original (or on its city) covers its translations, which
        live in other trees where Wagtail's `public()` does not look: the site serves them
        as the original, behind its login or password (exchange/localization.py).
        """
        private = self.private_q()
        private_originals = Page.objects.filter(private, **original_filter()).values(
            "translation_key"
        )
        return self._live_in_public_branch(private).exclude(translation_key__in=private_originals)

    def _live_in_public_branch(self, private: Q) -> ExchangePageQuerySet:
        return (
            self.live()
            .exclude(private)
            .exclude(_ancestor_unpublished(1))
            .exclude(_ancestor_unpublished(2))
        )


ExchangePageManager = PageManager.from_queryset(ExchangePageQuerySet)


class HidesDescendantsWhenUnpublished:
    """Serve nothing below this page while it is unpublished (defence beside `visible()`)."""

    def route(self, request, path_components):
        if path_components and not self.live:
            raise Http404
        return super().route(request, path_components)


class FormErrorsAre400:
    """A page whose query-string form (named in `query_forms`, found in the context) did not
    validate answers 400: the message is on the page, and the status tells it was the
    visitor's input, not the server."""

    query_forms: tuple[str, ...] = ()

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        context = getattr(response, "context_data", None) or {}
        if any(form.errors for name in self.query_forms if (form := context.get(name))):
            response.status_code = 400
        return response
