"""The language switcher and the hreflang alternates: the current page in each language.

For a Wagtail page, its live translation in that language when there is one, else the same
address under that language's prefix (the page falls back to the original there). For the
other views (search with its query string, compare, submit), the same address and query
string under the other prefix. One query per request at most (the page's translations).
"""

from __future__ import annotations

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.utils import translation
from wagtail.models import Page

from taxonomy import languages

from ..i18n import url_in_language
from ..public_address import absolute_url

register = template.Library()

# Each language named in itself: a visitor who cannot read the current interface still
# recognises her own. Never translated.
NAMES_IN_THEMSELVES = {language.code: language.own_name for language in languages.LANGUAGES}

_CACHE = "_exchange_languages"


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    bidi: bool
    current: bool


def _page_translation_urls(page: Page, request: HttpRequest) -> dict[str, str]:
    """The URLs of `page`'s live translations (itself included), by language, in one query.

    Not filtered with .public() (a second query): the switcher shows only a language name
    and an address, and a private translation asks for its login like any private page."""
    urls = {}
    for translated in page.get_translations(inclusive=True).live().select_related("locale"):
        language = translated.locale.language_code
        # Reversed in that language: a page of another locale links under its own prefix.
        with translation.override(language):
            url = translated.get_url(request=request)
        if url:
            urls[language] = url
    return urls


def language_links(request: HttpRequest | None, page: Page | None = None) -> list[LanguageLink]:
    """The current page in every interface language, the current language marked."""
    if request is None:
        return []
    cached = getattr(request, _CACHE, None)
    if cached is not None:
        return cached
    current = translation.get_language()
    page_urls: dict[str, str] = {}
    if isinstance(page, Page) and page.pk and page.url == request.path:
        # The page itself, not one of its sub-routes (a city's "similar cities" keeps its path).
        page_urls = _page_translation_urls(page, request)
    query = request.META.get("QUERY_STRING", "")
    links = []
    for code, _name in settings.LANGUAGES:
        if code in page_urls:
            url = page_urls[code] + (f"?{query}" if query else "")
        else:
            url = url_in_language(request, code)
        info = translation.get_language_info(code)
        links.append(
            LanguageLink(code, NAMES_IN_THEMSELVES.get(code, info["name_local"]), url,
                         info["bidi"], code == current)
        )  # fmt: skip
    setattr(request, _CACHE, links)
    return links


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context) -> dict:
    return {"languages": language_links(context.get("request"), context.get("page"))}


@register.inclusion_tag("includes/hreflang_links.html", takes_context=True)
def hreflang_links(context) -> dict:
    """`<link rel="alternate" hreflang>` for every language and x-default (English, the
    unprefixed address that redirects a first visit to the browser's language)."""
    request = context.get("request")
    links = language_links(request, context.get("page"))
    alternates = [(link.code, absolute_url(request, link.url)) for link in links]
    default = dict(alternates).get(settings.LANGUAGE_CODE)
    if default:
        alternates.append(("x-default", default))
    return {"alternates": alternates}
