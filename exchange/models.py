"""The project's own page: the home page, root of the site in every language."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page

from . import listings
from .localization import TranslatedPage, route_with_fallback
from .pagetools import ExchangePageManager
from .panels import RICH_TEXT_FEATURES, tabs


class HomePage(TranslatedPage, Page):
    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("Two or three sentences saying what the Exchange is, shown at the top."),
    )
    body = RichTextField(
        _("about the Exchange"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Longer text below the entry points: who runs the Exchange and how to join."),
    )

    objects = ExchangePageManager()

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "cities.CityIndexPage",
        "dialogues.DialogueIndexPage",
        "resources.ResourceIndexPage",
    ]
    max_count = 1

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    edit_handler = tabs(content_panels)
    api_fields = [APIField("intro"), APIField("body")]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(listings.home_context(self.original))
        return context

    def route(self, request, path_components):
        # The site's root: where a missing or untranslated page falls back to the original.
        return route_with_fallback(self, request, path_components)
