"""Template tags of the public site: navigation, breadcrumbs and small display helpers.

Each tag costs at most one query per request, whatever the size of the site.
"""

from __future__ import annotations

from django import template
from django.contrib.contenttypes.models import ContentType
from django.http import QueryDict
from django.urls import reverse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import Page

from cities.models import CityIndexPage
from dialogues.models import DialogueIndexPage
from resources.models import ResourceIndexPage
from taxonomy.languages import text_direction

from ..breadcrumbs import page_crumbs
from ..listing_language import Shown, marked_title, shown_text
from ..listing_language import shown as shown_version
from ..localization import content_language, default_language, original_filter
from ..public_documents import public_document_blocks
from ..querystrings import without_empty
from ..rich_text import public_rich_text

register = template.Library()

_SECTIONS_CACHE = "_exchange_sections"


def _sections(request) -> dict:
    """The live section index pages (cities, dialogues, resources) by key, in one query.

    A section whose page is missing or unpublished is left out, so no link is ever broken.
    The result is kept on the request: the header and the page body may both ask.
    """
    if request is not None and hasattr(request, _SECTIONS_CACHE):
        return getattr(request, _SECTIONS_CACHE)

    keys = {
        ContentType.objects.get_for_model(CityIndexPage).pk: "cities",
        ContentType.objects.get_for_model(DialogueIndexPage).pk: "dialogues",
        ContentType.objects.get_for_model(ResourceIndexPage).pk: "resources",
    }
    sections: dict = {}
    for page in (
        Page.objects.live()
        .public()
        .filter(content_type_id__in=keys, **original_filter())
        .order_by("path")
    ):
        key = keys[page.content_type_id]
        if key not in sections:
            url = page.get_url(request=request)
            if url:
                sections[key] = {"page": page, "url": url, "title": page.title}
    if request is not None:
        setattr(request, _SECTIONS_CACHE, sections)
    return sections


@register.simple_tag(takes_context=True)
def exchange_sections(context) -> dict:
    """`{% exchange_sections as sections %}` then `sections.cities.url` (may be missing)."""
    return _sections(context.get("request"))


@register.inclusion_tag("includes/primary_nav.html", takes_context=True)
def primary_nav(context) -> dict:
    request = context.get("request")
    sections = _sections(request)
    current = context.get("page")
    items = []
    for key in ("cities", "dialogues", "resources"):
        section = sections.get(key)
        if not section:
            continue
        here = None
        if current is not None and getattr(current, "path", None):
            if current.pk == section["page"].pk:
                here = "page"
            elif current.path.startswith(section["page"].path):
                here = "true"
        items.append({"key": key, "url": section["url"], "current": here})
    # The search page is a plain Django view, always there; it costs no query.
    search_url = reverse("search")
    on_search = request is not None and request.path == search_url
    items.append({"key": "search", "url": search_url, "current": "page" if on_search else None})
    # The explore pages (insights, theme matrix): plain views too, no query.
    explore_url = reverse("explore")
    path = request.path if request is not None else ""
    here = "page" if path == explore_url else "true" if path.startswith(explore_url) else None
    items.append({"key": "explore", "url": explore_url, "current": here})
    return {"items": items}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page=None) -> dict:
    """Ancestors from the home page down (one query), then the current page.

    An unpublished ancestor is left out rather than named: drafts never leak.
    """
    page = page or context.get("page")
    if page is None or getattr(page, "depth", 0) <= 2:
        return {"crumbs": [], "current": None}
    return {"crumbs": page_crumbs(page, context.get("request")), "current": page}


@register.filter
def verbose_name(obj) -> str:
    """The model's singular name, e.g. "barrier", for mixed lists of records."""
    try:
        return str(obj._meta.verbose_name)
    except AttributeError:
        return ""


@register.filter
def widget_described(bound_field):
    """Render a form widget that points at its error message with aria-describedby."""
    if bound_field.errors:
        return bound_field.as_widget(attrs={"aria-describedby": f"{bound_field.auto_id}_error"})
    return bound_field.as_widget()


@register.simple_tag
def elided_page_range(page_obj, on_each_side=2, on_ends=1):
    """Page numbers around the current one, with the paginator's ELLIPSIS for gaps."""
    return list(
        page_obj.paginator.get_elided_page_range(
            page_obj.number, on_each_side=on_each_side, on_ends=on_ends
        )
    )


@register.filter
def public_only(documents) -> list:
    """The document links of a DocumentsBlock stream the public may download (two queries
    at most); links to documents in restricted collections are left out."""
    return public_document_blocks(documents)


@register.filter
def public_richtext(value) -> str:
    """Like Wagtail's `richtext`, keeping only the markup the editor can produce: stored
    scripts, event handlers and javascript: links never reach a visitor."""
    return public_rich_text(value)


@register.simple_tag(takes_context=True)
def page_querystring(context, page, params=None) -> str:
    """`?…&page=N` from `params` (a QueryDict the view cleaned) or else the request's own,
    without the empty values a GET form sends (`year_from=`), which say nothing."""
    if not isinstance(params, QueryDict):
        params = context["request"].GET
    query = without_empty(params)
    query.pop("page", None)  # at the end, where readers look for it
    query["page"] = page
    return f"?{query.urlencode()}"


@register.filter
def shown(page) -> Shown:
    """The version of `page` a listing shows in the visitor's language (a translation, or
    the original marked with its language): see exchange/listing_language.py."""
    return shown_version(page)


@register.filter
def shown_name(page) -> SafeString:
    """`page`'s title in the visitor's language, marked with its own when it is the
    original's: for a name inside a line of text (a practice's city)."""
    return marked_title(shown_version(page))


@register.filter
def shown_page(page):
    """The page to link to for `page`: its translation when one is shown."""
    return shown_version(page).page


@register.filter
def original_name(name: str) -> SafeString:
    """A name read from the search index in the default language (a hit's city, a city
    facet's option), marked with that language for a visitor reading another."""
    return marked_title(shown_text(name, default_language()))


@register.filter
def content_lang(page) -> SafeString:
    """` lang="en" dir="ltr"` for an element holding `page`'s own words when the page is
    shown untranslated (WCAG 3.1.2), else nothing. Only the words are marked: the
    interface around them (headings, labels, forms) stays in the visitor's language."""
    language = content_language(page)
    if not language:
        return mark_safe("")
    return format_html(' lang="{}" dir="{}"', language, text_direction(language))


@register.filter
def content_title(page) -> SafeString:
    """`page`'s title for a sentence of the interface ("All cities like Sousse"): inside a
    span carrying its language when the page is shown untranslated."""
    attrs = content_lang(page)
    if not attrs:
        return conditional_escape(page.title)
    return format_html("<span{}>{}</span>", attrs, page.title)
