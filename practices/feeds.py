"""Atom feed of new practices (/practices/feed.atom): the latest first published.

Built on Django's syndication framework. Entries are read in a fixed number of queries:
the practices with their themes, then their cities in one go.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from cities.models import CityProfilePage
from exchange.licences import LICENCE_URLS, Licence
from exchange.listing_language import show_in_language
from exchange.pagetools import attach_parents
from exchange.public_address import absolute_url

from .models import PracticePage

FEED_SIZE = 50


@dataclass
class Entry:
    title: str
    url: str
    summary: str
    city: str
    themes: list[str]
    published: datetime | None
    updated: datetime | None
    rights: str
    # The language of title and summary when it is not the feed's (no translation yet).
    language: str = ""


def _rights(code: str) -> str:
    """What <rights> says: the licence's name and where to read it."""
    name = str(Licence(code).label) if code in Licence.values else code
    url = LICENCE_URLS.get(code)
    return f"{name} ({url})" if url else name


def latest_entries(request: HttpRequest, size: int = FEED_SIZE) -> list[Entry]:
    practices = show_in_language(
        attach_parents(
            PracticePage.objects.visible()
            .filter(first_published_at__isnull=False)
            .order_by("-first_published_at", "-pk")
            .prefetch_related("themes")[:size],
            CityProfilePage,
        )
    )
    return [
        Entry(
            title=practice.shown.title,
            url=absolute_url(request, practice.shown.page.get_url(request=request) or "/"),
            summary=practice.shown.summary,
            city=practice.city.title if practice.city else "",
            themes=sorted(theme.label for theme in practice.themes.all()),
            published=practice.first_published_at,
            updated=practice.last_published_at or practice.first_published_at,
            rights=_rights(practice.licence),
            language=practice.shown.language if practice.shown.fallback else "",
        )
        for practice in practices
    ]


class EntryLanguageAtomFeed(Atom1Feed):
    """Atom with `xml:lang` on an entry written in another language than the feed's (a
    practice not translated yet), so readers and screen readers pronounce it right."""

    def item_attributes(self, item: dict) -> dict:
        attributes = super().item_attributes(item)
        if item.get("content_language"):
            attributes["xml:lang"] = item["content_language"]
        return attributes


class NewPracticesFeed(Feed):
    feed_type = EntryLanguageAtomFeed
    title = _("The Exchange: new practices")
    subtitle = _("What cities do for migrant women, as they publish it on the Exchange.")
    author_name = _("The Exchange")

    def get_object(self, request: HttpRequest, *args, **kwargs) -> HttpRequest:
        # The request, so that items() can build page URLs for the site asked for.
        return request

    def link(self, request: HttpRequest) -> str:
        site = Site.find_for_request(request)
        return absolute_url(request, site.root_page.get_url(request=request) if site else "/")

    def feed_url(self, request: HttpRequest) -> str:
        return absolute_url(request, reverse("practices_feed"))

    def items(self, request: HttpRequest) -> list[Entry]:
        return latest_entries(request)

    def item_title(self, entry: Entry) -> str:
        return entry.title

    def item_description(self, entry: Entry) -> str:
        return entry.summary

    def item_link(self, entry: Entry) -> str:
        return entry.url

    def item_guid(self, entry: Entry) -> str:
        return entry.url

    def item_author_name(self, entry: Entry) -> str:
        # The city publishes the practice; Atom wants an author for each entry.
        return entry.city or str(self.author_name)

    def item_categories(self, entry: Entry) -> list[str]:
        return entry.themes

    def item_pubdate(self, entry: Entry) -> datetime | None:
        return entry.published

    def item_updateddate(self, entry: Entry) -> datetime | None:
        return entry.updated

    def item_copyright(self, entry: Entry) -> str:
        return entry.rights

    def item_extra_kwargs(self, entry: Entry) -> dict:
        return {"content_language": entry.language}
