"""Translated pages and the fallback to the original (issue 7).

The Exchange writes every page once, in the default language (English), in the default
locale's tree. Editors translate pages with wagtail-localize; a translation lives in its
locale's tree (`/fr/...`), and wagtail-localize creates the parents a translation needs as
*aliases* (copies that follow the original). Nothing else is copied: there are no
synchronised trees, so a page nobody translated has no row in the other locales.

A visitor under `/fr/` therefore gets, for every address:

- the live French translation when there is one;
- otherwise the original, with a notice saying it is not translated yet and `lang` set to
  the language of its content (aliases count as untranslated: their content is the
  original's). Links keep the `/fr/` prefix, so the interface stays French.

Listings always read the originals (`ExchangePageQuerySet.visible()`), so a translated
page is never counted twice, and pages compute their listings from `page.original`.
"""

from __future__ import annotations

from functools import cached_property

from django.conf import settings
from django.http import Http404
from django.urls import get_script_prefix
from django.utils import translation
from django.utils.translation import get_language_from_path
from wagtail.models import Locale, Page
from wagtail.url_routing import RouteResult


def default_language() -> str:
    return settings.LANGUAGE_CODE


def active_language() -> str:
    return translation.get_language() or default_language()


def original_filter() -> dict:
    """Filter keeping the pages of the default locale: the originals, one per translation
    group. A join on the locale table, no extra query."""
    return {"locale__language_code": default_language()}


class TranslatedPage:
    """Mixin of every page model: the original of a translation, and links that keep the
    visitor's language."""

    @cached_property
    def original(self) -> Page:
        """The page in the default locale that this one translates (itself if original).

        Listings, relations and counts are computed from it: they are the same in every
        language, and translations only change the words.
        """
        if self.pk is None or self.locale.language_code == default_language():
            # Itself: a preview keeps its unsaved edits (relations included).
            return self
        found = (
            type(self)
            .objects.filter(translation_key=self.translation_key, **original_filter())
            .first()
        )
        return found or self

    def get_url_parts(self, request=None):
        """Wagtail links a page under its own locale's prefix: an original (English) page
        would take a French visitor back to the English interface. Untranslated pages are
        served under every prefix (the fallback), so link them under the active one."""
        parts = super().get_url_parts(request)
        language = active_language()
        if not parts or parts[2] is None or language == default_language():
            return parts
        site_id, root_url, page_path = parts
        if get_language_from_path(page_path) is None:  # an unprefixed (default) address
            prefix = get_script_prefix()
            page_path = f"{prefix}{language}/{page_path[len(prefix) :]}"
        return site_id, root_url, page_path


def route_with_fallback(root: Page, request, path_components: list[str]) -> RouteResult:
    """Route from the site's root in the active locale; when the page is missing, a draft,
    an alias, or a translation of a private original, serve the original instead.

    In the default language nothing changes and nothing is queried.
    """
    if active_language() == default_language():
        return Page.route(root, request, path_components)
    original_root = root.original
    if original_root.pk != root.pk:  # the site's root is translated: try its tree first
        try:
            result = Page.route(root, request, path_components)
        except Http404:
            result = None
        if result and _is_live_translation(result.page):
            return result  # a live translation, in the active language
    result = Page.route(original_root, request, path_components)
    # The original, served under the active prefix: tell the template its content language.
    result.page.content_fallback_language = default_language()
    return result


def _is_live_translation(page: Page) -> bool:
    """Translated content, published, of a public original. An alias holds the original's
    content; an alias being translated (converted, not yet published) still does."""
    if page.alias_of_id is not None or page.live_revision_id is None:
        return False
    return not _original_is_private(page)


def _original_is_private(page: Page) -> bool:
    original = getattr(page, "original", None)
    if original is None or original.pk == page.pk:
        return False
    return original.get_view_restrictions().exists()


def content_language(page) -> str | None:
    """The language of `page`'s content when it differs from the interface's (the page is
    shown untranslated), else None."""
    return getattr(page, "content_fallback_language", None)


def translate_page(page: Page, locale: Locale, fields: dict, publish: bool = True) -> Page:
    """Create or update `page`'s translation into `locale` with `fields`, as an editor
    would: Wagtail's copy for translation (missing parents become aliases), the words
    replaced, a revision saved and, if `publish`, published. Editors keep editing the
    result in the admin like any other translation."""
    target = page.get_translation_or_none(locale)
    if target is None:
        target = page.copy_for_translation(locale, copy_parents=True)
    target = target.specific
    if target.alias_of_id is not None:  # an alias becomes a page of its own, as in the admin
        target.alias_of = None
        target.save(update_fields=["alias_of"], clean=False)
    for name, value in fields.items():
        setattr(target, name, value)
    revision = target.save_revision()
    if publish:
        revision.publish()
    return target
