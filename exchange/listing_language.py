"""What a listing shows of each page in the visitor's language (issue 18).

Listings read the originals (`ExchangePageQuerySet.visible()`): relations, counts and
ordering are the same in every language. Only the words change: `show_in_language()`
attaches to each original the version to show — its live, public translation in the active
language when there is one, else the original itself, marked with its language so that
templates can set `lang`/`dir` and say "In English".

One query per page model in the list, whatever its length; none in the default language.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from taxonomy.collation import Collated
from taxonomy.languages import BY_CODE, INTERFACE_LANGUAGES, text_direction

from .localization import active_language, default_language

ATTRIBUTE = "shown"


@dataclass(frozen=True)
class Shown:
    """The page whose words a listing shows (a translation, or the original) and their
    language; `fallback` when that is not the visitor's language."""

    page: object
    language: str
    fallback: bool = False

    @property
    def title(self) -> str:
        return self.page.title

    @property
    def summary(self) -> str:
        return getattr(self.page, "summary", "") or ""

    @property
    def direction(self) -> str:
        return text_direction(self.language)

    @property
    def lang_attrs(self) -> SafeString:
        """` lang="en" dir="ltr"` on the element holding the words (WCAG 3.1.2). Nothing
        for an English visitor reading English; a translation says its language too, since
        it may sit inside an untranslated page whose content is marked English."""
        if not self.fallback and self.language == default_language():
            return mark_safe("")
        return format_html(' lang="{}" dir="{}"', self.language, self.direction)

    @property
    def visitor_lang_attrs(self) -> SafeString:
        """The visitor's language, for the "In English" tag (said in it, wherever it sits)."""
        language = active_language()
        return format_html(' lang="{}" dir="{}"', language, text_direction(language))

    @property
    def language_name(self) -> str:
        """ "In English": the discreet tag beside a fallback, in the visitor's language."""
        if not self.fallback:
            return ""
        language = BY_CODE.get(self.language)
        return str(language.in_language) if language else self.language


def marked_title(words: Shown) -> SafeString:
    """The title as HTML, inside a span carrying its language when it is the original's:
    for names inside a sentence or a line of facts ("reported by Sousse")."""
    if not words.lang_attrs:
        return conditional_escape(words.title)
    return format_html("<span{}>{}</span>", words.lang_attrs, words.title)


def shown(page) -> Shown:
    """What `show_in_language()` attached to `page`. A page nobody passed through it is
    shown as itself, marked as the original whenever the visitor reads another language:
    a listing that forgets the helper shows English, but never unmarked English."""
    found = getattr(page, ATTRIBUTE, None)
    if found is not None:
        return found
    default = default_language()
    return Shown(page, default, fallback=active_language() != default)


@dataclass(frozen=True)
class _Words:
    title: str
    summary: str = ""


def shown_text(title: str, language: str, summary: str = "") -> Shown:
    """A `Shown` for words a listing reads from elsewhere than a page (the search index
    holds the translations of city names): marked when `language` is not the visitor's."""
    return Shown(_Words(title, summary), language, fallback=language != active_language())


def show_in_language(pages: Iterable, language: str | None = None) -> list:
    """Attach `shown` (a `Shown`) to each of `pages` (originals, in any order, of any page
    models) and return them as a list, in the same order.

    A translation counts when it is live, published as a translation (not an alias, not a
    converted alias never published), in a public branch, and its original is public.
    """
    pages = list(pages)
    language = language or active_language()
    default = default_language()
    if language == default or not pages:
        for page in pages:
            setattr(page, ATTRIBUTE, Shown(page, default))
        return pages
    by_model = defaultdict(list)
    for page in pages:
        by_model[type(page)].append(page)
    translations = {}
    for model, group in by_model.items():
        translations.update(_translations(model, {p.translation_key for p in group}, language))
    for page in pages:
        translation = translations.get(page.translation_key)
        if translation is not None:
            setattr(page, ATTRIBUTE, Shown(translation, language))
        else:
            setattr(page, ATTRIBUTE, Shown(page, default, fallback=True))
    return pages


def live_translation_q(language: str) -> Q:
    """Pages published as translations into `language`: live, not an alias (its words are
    the original's), and not a converted alias never published since (no live revision)."""
    return Q(
        locale__language_code=language,
        alias_of__isnull=True,
        live=True,
        live_revision__isnull=False,
    )


def _translations(model, keys: set, language: str) -> dict:
    """{translation key: live public translation into `language`} for pages of `model`."""
    manager = model.objects
    found = (
        manager.visible_in_any_locale()
        if hasattr(manager, "visible_in_any_locale")
        else manager.live().public()
    )
    # The locale is read with them: a translation's URL prefix is its locale's language.
    found = found.select_related("locale").filter(
        live_translation_q(language), translation_key__in=keys
    )
    return {page.translation_key: page for page in found}


def by_shown_title(queryset: QuerySet, *first, language: str | None = None) -> QuerySet:
    """`queryset` (originals) ordered by `first`, then alphabetically by the title the
    visitor is shown — the live translation's in their language, else the original's — in
    that language's order; in the database, so that pages of a long list are right. Each
    row carries that title as `shown_title`."""
    language = language or active_language()
    if language == default_language():
        return queryset.annotate(shown_title=F("title")).order_by(
            *first, Collated("title", language), "pk"
        )
    translated = queryset.model.objects.filter(
        live_translation_q(language), translation_key=OuterRef("translation_key")
    ).values("title")[:1]
    return queryset.annotate(shown_title=Coalesce(Subquery(translated), F("title"))).order_by(
        *first, Collated("shown_title", language), "pk"
    )


class UnknownLanguage(ValueError):
    """A `lang` parameter naming no interface language; the message says which exist."""


def requested_language(params, name: str = "lang") -> str:
    """The language a CSV of records is written in: `params[name]` when given (a machine
    asking for French whatever its Accept-Language), else the active language.

    Raises UnknownLanguage, with a message for the visitor, for anything else.
    """
    value = (params.get(name) or "").strip()
    if not value:
        return active_language()
    if value in INTERFACE_LANGUAGES:
        return value
    raise UnknownLanguage(
        _("Unknown language “%(lang)s”: use one of %(languages)s.")
        % {"lang": value[:20], "languages": ", ".join(INTERFACE_LANGUAGES)}
    )
