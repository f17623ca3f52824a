"""/sitemap.xml (wagtail.contrib.sitemaps) and /robots.txt pointing to it.

Wagtail's sitemap lists live pages without a view restriction; ours also leaves out pages
below an unpublished page (the rule of `ExchangePageQuerySet.visible`), which Wagtail would
list although the site answers 404 for them. With Wagtail's locales, each translation is a
page of its own tree: it is listed as its own entry, and every entry of a page that has
published translations names them all with `<xhtml:link rel="alternate" hreflang>` (from
the same list of pages, so no query per page).
"""

from __future__ import annotations

from collections import defaultdict

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from .pagetools import ExchangePageQuerySet
from .public_address import absolute_url


class PublicSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        roots = [root]
        if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
            roots += list(root.get_translations())
        in_site = Page.objects.none()
        for page in roots:
            in_site |= Page.objects.descendant_of(page, inclusive=True)
        # Every locale's published pages (visible() lists the originals only); never an alias,
        # which repeats its original's content under another address.
        visible = (
            ExchangePageQuerySet(Page)
            .visible_in_any_locale()
            .filter(alias_of__isnull=True)
            .values("pk")
        )
        return in_site.filter(pk__in=visible).order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        languages = {pk: locale.language_code for pk, locale in Locale.objects.in_bulk().items()}
        locations = {p.pk: absolute_url(self.request, p.get_url(self.request)) for p in pages}
        translations = defaultdict(list)
        for p in pages:
            translations[p.translation_key].append(p)
        urls = []
        for p in pages:
            url = {
                "item": p,
                "location": locations[p.pk],
                "lastmod": p.last_published_at or p.latest_revision_created_at,
            }
            group = translations[p.translation_key]
            if len(group) > 1:
                url["alternates"] = [
                    {"location": locations[t.pk], "lang_code": languages[t.locale_id]}
                    for t in group
                ]
            urls.append(url)
        lastmods = [u["lastmod"] for u in urls]
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls


@require_GET
@cache_control(public=True, max_age=3600)
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {absolute_url(request, reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
