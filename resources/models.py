"""The resource library: toolkits, reports and guides, each a page under /resources/.

A resource is a document uploaded here or a link to where it lives elsewhere. Practices
and dialogues cite resources (their `resource_links`); a resource lists who cites it.
The tables keep the names they had in the `exchange` app, so that a database made then
migrates in place (resources/migrations/0001_initial.py).
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.conf.locale import LANG_INFO
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, MultipleChooserPanel
from wagtail.api import APIField
from wagtail.models import Orderable, Page
from wagtail.search import index

from exchange.api_fields import LicenceField, OrganisationField, TermsField
from exchange.licences import LicenceMixin
from exchange.localization import TranslatedPage
from exchange.pagetools import (
    ExchangePageManager,
    FormErrorsAre400,
    HidesDescendantsWhenUnpublished,
)
from exchange.panels import tabs
from exchange.public_documents import is_public_document, restricted_collection_paths
from taxonomy.choices import ResourceKind

from . import listings


def resource_languages() -> list[tuple[str, str]]:
    """(ISO 639-1 code, name) of the languages a resource may be in, from the settings."""
    return [
        (code, _(LANG_INFO[code]["name"]) if code in LANG_INFO else code)
        for code in getattr(settings, "EXCHANGE_RESOURCE_LANGUAGES", ["en"])
    ]


def language_name(code: str) -> str:
    return str(dict(resource_languages()).get(code, code))


class ResourcePageForm(WagtailAdminPageForm):
    """Adds the languages as ticks; they are stored as `language_links` rows (filterable)."""

    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Every language the document is available in."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["languages"].choices = resource_languages()
        self.initial.setdefault(
            "languages", [link.language for link in self.instance.language_links.all()]
        )

    def clean(self):
        cleaned = super().clean()
        document, url = cleaned.get("document"), cleaned.get("external_url")
        if not document and not url:
            self.add_error(
                "document", _("Choose the document, or give the address where it is published.")
            )
        if document and not is_public_document(document, restricted_collection_paths()):
            self.add_error(
                "document",
                _(
                    "This document is in a collection closed to the public, who could not "
                    "download it. Move it to a public collection or choose another."
                ),
            )
        return cleaned

    def save(self, commit=True):
        page = super().save(commit=False)
        page.language_links = [
            ResourceLanguage(language=code, sort_order=i)
            for i, code in enumerate(self.cleaned_data["languages"])
        ]
        if commit:
            page.save()
        return page


class ResourceIndexPage(TranslatedPage, FormErrorsAre400, HidesDescendantsWhenUnpublished, Page):
    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A few sentences above the list of resources."),
    )

    objects = ExchangePageManager()
    query_forms = ("filter_form",)

    parent_page_types = ["exchange.HomePage"]
    subpage_types = ["resources.ResourcePage"]
    max_count = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    edit_handler = tabs(content_panels)

    class Meta:
        verbose_name = _("resource library")
        db_table = "exchange_resourceindexpage"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(listings.resource_index_context(self.original, request))
        return context


class ResourcePage(TranslatedPage, LicenceMixin, Page):
    """A toolkit, report or guide that cities can use, with who published it and when."""

    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=ResourceKind.choices,
        help_text=_("What sort of resource it is."),
    )
    summary = models.TextField(
        _("summary"), help_text=_("Two or three sentences: what it covers and who it is for.")
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("document"),
        help_text=_("The file itself, in a public collection."),
    )
    external_url = models.URLField(
        _("link"),
        blank=True,
        help_text=_("Where the publisher offers it, if not uploaded here (https://…)."),
    )
    publisher = models.ForeignKey(
        "cities.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="resources",
        verbose_name=_("publisher"),
        help_text=_("The organisation that published it."),
    )
    year = models.PositiveSmallIntegerField(
        _("year"),
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
        help_text=_("The year of publication."),
    )
    themes = ParentalManyToManyField(
        "taxonomy.Theme",
        blank=True,
        related_name="resources",
        verbose_name=_("challenges addressed"),
        help_text=_("The challenges migrant women face that it helps with."),
    )

    objects = ExchangePageManager()

    parent_page_types = ["resources.ResourceIndexPage"]
    subpage_types: list[str] = []
    base_form_class = ResourcePageForm

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.FilterField("kind"),
        index.FilterField("year"),
    ]

    # Wagtail API v2. The uploaded document is left out: it may sit in a restricted
    # collection; the page links it only when the public may fetch it.
    api_fields = [
        APIField("kind"),
        APIField("summary"),
        APIField("year"),
        APIField("external_url"),
        APIField("publisher", serializer=OrganisationField()),
        APIField("themes", serializer=TermsField()),
        APIField("licence", serializer=LicenceField()),
    ]

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("kind"), FieldPanel("year")]),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("document"), FieldPanel("external_url")],
            heading=_("The resource"),
            help_text=_("Upload the document, or link to it, or both."),
        ),
        FieldPanel("languages"),
        LicenceMixin.licence_panel,
    ]
    detail_panels = [
        FieldPanel("publisher"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        MultipleChooserPanel(
            "related_cities", chooser_field_name="city", heading=_("Cities it concerns")
        ),
    ]
    edit_handler = tabs(content_panels, detail_panels)

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        db_table = "exchange_resourcepage"

    @classmethod
    def cited_by(cls, page) -> list:
        """The public resources `page` (a practice or dialogue) cites, in the editor's order."""
        return listings.related_resources(page)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(listings.resource_context(self.original))
        return context


class ResourceLanguage(Orderable):
    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="language_links")
    language = models.CharField(_("language"), max_length=8)

    class Meta(Orderable.Meta):
        verbose_name = _("language of a resource")
        db_table = "exchange_resourcelanguage"
        constraints = [
            models.UniqueConstraint(fields=["page", "language"], name="resource_language_unique")
        ]
        indexes = [models.Index(fields=["language"], name="resource_language")]

    def __str__(self) -> str:
        return language_name(self.language)


class ResourceCity(Orderable):
    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="related_cities")
    city = models.ForeignKey(
        "cities.CityProfilePage",
        on_delete=models.CASCADE,
        related_name="resource_mentions",
        verbose_name=_("city"),
        help_text=_("A city the resource is about or was written with."),
    )
    panels = [FieldPanel("city")]

    class Meta(Orderable.Meta):
        db_table = "exchange_resourcecity"
