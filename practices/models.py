"""What cities do (practices) and what they meet on the way (barriers, opportunities)."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    MultipleChooserPanel,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cities.api_fields import CityField
from cities.models import YEAR_VALIDATORS
from exchange.api_fields import LicenceField, PartnersField, TermField, TermsField
from exchange.licences import LicenceMixin
from exchange.localization import TranslatedPage
from exchange.pagetools import ExchangePageManager
from exchange.panels import RICH_TEXT_FEATURES, tabs
from exchange.roles import EditorsMayUnpublish
from taxonomy.choices import BudgetBand, Evidence, Mandate, PracticeStatus

# The pages' context and the helpers below read this module's models at call time.
from . import exchange_request_views, listings
from .basics import PracticeBasics

# Models kept in modules of their own, imported here so Django registers them with the app.
from .exchange_requests import ExchangeRequest  # noqa: F401
from .submissions import Submission  # noqa: F401


class ProvenanceMixin(models.Model):
    """Where a record came from: a dialogue session, a city's submission, or an editor."""

    source_dialogue = models.ForeignKey(
        "dialogues.DialoguePage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("from dialogue"),
        help_text=_("The dialogue where this was presented or found."),
    )
    source_session = models.ForeignKey(
        "dialogues.DialogueSession",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("from session"),
        help_text=_("The session of that dialogue, if known."),
    )
    provenance_note = models.CharField(
        _("other source"),
        max_length=300,
        blank=True,
        help_text=_("e.g. submitted by the city's human rights office in 2024."),
    )

    provenance_panels = [
        MultiFieldPanel(
            [
                FieldPanel("source_dialogue"),
                FieldPanel("source_session"),
                FieldPanel("provenance_note"),
            ],
            heading=_("Provenance"),
        )
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.source_session_id and self.source_session.page_id != self.source_dialogue_id:
            raise ValidationError(
                {"source_session": _("Choose a session of the dialogue named above.")}
            )


class PracticeTag(TaggedItemBase):
    content_object = ParentalKey(
        "practices.PracticePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class PracticePage(
    TranslatedPage, EditorsMayUnpublish, ProvenanceMixin, LicenceMixin, PracticeBasics, Page
):
    """Something a city does for migrant women, with how far it got and what it taught."""

    description = RichTextField(
        _("description"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("How it works in practice: steps, people involved, services offered."),
    )
    action_type = models.ForeignKey(
        "taxonomy.ActionType",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="practices",
        verbose_name=_("type of action"),
        help_text=_("The main kind of action."),
    )
    mandate = models.CharField(
        _("mandate used"),
        max_length=20,
        choices=Mandate.choices,
        blank=True,
        help_text=_("Under which competence the city acts in this practice."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=PracticeStatus.choices,
        default=PracticeStatus.ACTIVE,
        help_text=_("Where the practice stands today."),
    )
    end_year = models.PositiveSmallIntegerField(
        _("end year"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_("Only for completed or discontinued practices."),
    )
    funding = models.CharField(
        _("funding"),
        max_length=300,
        blank=True,
        help_text=_("Who pays for it, e.g. municipal budget, EU project."),
    )
    budget_band = models.CharField(
        _("budget band"),
        max_length=20,
        choices=BudgetBand.choices,
        blank=True,
        help_text=_("Leave empty if the budget is not known."),
    )
    evidence = models.CharField(
        _("evidence"),
        max_length=20,
        choices=Evidence.choices,
        default=Evidence.DESCRIBED,
        help_text=_(
            "Described: an account only. Monitored: results are tracked. "
            "Evaluated: an evaluation was carried out."
        ),
    )
    results = RichTextField(
        _("results"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("What changed, with sources for any figure."),
    )
    lessons = RichTextField(
        _("lessons learned"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("What worked, what did not, what the city would do differently."),
    )
    transferability = RichTextField(
        _("transferability"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("What another city would need to do the same."),
    )
    sdg_targets = ParentalManyToManyField(
        "taxonomy.SDGTarget",
        blank=True,
        related_name="practices",
        verbose_name=_("SDG targets"),
        help_text=_("Sustainable Development Goal targets the practice contributes to."),
    )
    tags = ClusterTaggableManager(through=PracticeTag, blank=True, verbose_name=_("tags"))
    contact_role = models.CharField(
        _("contact role"),
        max_length=200,
        blank=True,
        help_text=_("The office or function to contact about this practice."),
    )
    contact_email = models.EmailField(
        _("contact email"),
        blank=True,
        help_text=_("Shown publicly: use a shared office mailbox, not a personal one."),
    )
    last_verified = models.DateField(
        _("last verified"),
        null=True,
        blank=True,
        help_text=_("The date someone last confirmed that this description is still true."),
    )

    objects = ExchangePageManager()

    parent_page_types = ["cities.CityProfilePage"]
    subpage_types: list[str] = []

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("results"),
        index.SearchField("lessons"),
        index.FilterField("status"),
        index.FilterField("evidence"),
        index.FilterField("mandate"),
    ]

    # Wagtail API v2 (/api/v2/pages/?type=practices.PracticePage): what the page shows, no
    # provenance (it may point to drafts) and nothing of submissions or exchange requests.
    api_fields = [
        APIField("city", serializer=CityField()),
        APIField("summary"),
        APIField("description"),
        APIField("themes", serializer=TermsField()),
        APIField("target_groups", serializer=TermsField()),
        APIField("action_type", serializer=TermField()),
        APIField("mandate"),
        APIField("status"),
        APIField("start_year"),
        APIField("end_year"),
        APIField("funding"),
        APIField("budget_band"),
        APIField("partners", serializer=PartnersField()),
        APIField("evidence"),
        APIField("results"),
        APIField("lessons"),
        APIField("transferability"),
        APIField("sdg_targets", serializer=TermsField()),
        APIField("tags"),
        # The office mailbox the page itself shows (editors are told it is public).
        APIField("contact_role"),
        APIField("contact_email"),
        APIField("last_verified"),
        APIField("licence", serializer=LicenceField()),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("description"),
        LicenceMixin.licence_panel,
    ]
    detail_panels = [
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
                FieldPanel("action_type"),
                FieldPanel("sdg_targets", widget=forms.CheckboxSelectMultiple),
                FieldPanel("tags"),
            ],
            heading=_("Classification"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("status"), FieldPanel("mandate")]),
                FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]),
                FieldRowPanel([FieldPanel("funding"), FieldPanel("budget_band")]),
            ],
            heading=_("Status and resources"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("evidence"),
                FieldPanel("results"),
                FieldPanel("lessons"),
                FieldPanel("transferability"),
            ],
            heading=_("Results and learning"),
        ),
    ]
    relation_panels = [
        MultipleChooserPanel(
            "barrier_links", chooser_field_name="barrier", heading=_("Barriers it addresses")
        ),
        MultipleChooserPanel(
            "opportunity_links",
            chooser_field_name="opportunity",
            heading=_("Opportunities it builds on"),
        ),
        MultipleChooserPanel("partners", chooser_field_name="organisation", heading=_("Partners")),
        MultipleChooserPanel(
            "resource_links", chooser_field_name="resource", heading=_("Related resources")
        ),
        MultiFieldPanel(
            [FieldPanel("contact_role"), FieldPanel("contact_email"), FieldPanel("last_verified")],
            heading=_("Contact and verification"),
        ),
        *ProvenanceMixin.provenance_panels,
    ]
    edit_handler = tabs(content_panels, detail_panels, relation_panels)

    class Meta:
        verbose_name = _("practice")
        verbose_name_plural = _("practices")

    def clean(self):
        super().clean()
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("The end year cannot be before the start year.")})

    @property
    def verification_overdue(self) -> bool:
        """Not confirmed for twelve months, or never: readers are told to check."""
        # The freshness report is a Wagtail admin report, which loads only once the models are.
        from .freshness import is_stale

        return is_stale(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(listings.practice_context(self.original))
        context.update(
            exchange_request_views.exchange_request_context(
                self.original, context.get("city"), request
            )
        )
        return context


class RecordPage(TranslatedPage, EditorsMayUnpublish, ProvenanceMixin, LicenceMixin, Page):
    """A barrier, opportunity or recommendation: reported by a city, or found by a dialogue."""

    summary = models.TextField(_("summary"), help_text=_("The finding, in one or two sentences."))
    description = RichTextField(
        _("description"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Causes, who is affected, and examples."),
    )

    objects = ExchangePageManager()

    parent_page_types = ["cities.CityProfilePage", "dialogues.DialoguePage"]
    subpage_types: list[str] = []

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("description"),
    ]

    api_fields = [
        APIField("city", serializer=CityField()),
        APIField("summary"),
        APIField("description"),
        APIField("licence", serializer=LicenceField()),
    ]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(listings.record_context(self.original))
        return context


class BarrierPage(RecordPage):
    category = models.ForeignKey(
        "taxonomy.BarrierCategory",
        on_delete=models.PROTECT,
        related_name="records",
        verbose_name=_("category"),
        help_text=_("The kind of barrier to local government action."),
    )

    api_fields = [*RecordPage.api_fields, APIField("category", serializer=TermField())]

    content_panels = [
        *Page.content_panels,
        FieldPanel("category"),
        FieldPanel("summary"),
        FieldPanel("description"),
        LicenceMixin.licence_panel,
    ]
    relation_panels = [
        MultipleChooserPanel(
            "reporting_cities", chooser_field_name="city", heading=_("Cities that reported it")
        ),
        *ProvenanceMixin.provenance_panels,
    ]
    edit_handler = tabs(content_panels, relations=relation_panels)

    class Meta:
        verbose_name = _("barrier")
        verbose_name_plural = _("barriers")


class OpportunityPage(RecordPage):
    category = models.ForeignKey(
        "taxonomy.OpportunityCategory",
        on_delete=models.PROTECT,
        related_name="records",
        verbose_name=_("category"),
        help_text=_("The kind of opportunity for local action."),
    )

    api_fields = [*RecordPage.api_fields, APIField("category", serializer=TermField())]

    content_panels = BarrierPage.content_panels
    relation_panels = [
        MultipleChooserPanel(
            "reporting_cities", chooser_field_name="city", heading=_("Cities that reported it")
        ),
        *ProvenanceMixin.provenance_panels,
    ]
    edit_handler = tabs(content_panels, relations=relation_panels)

    class Meta:
        verbose_name = _("opportunity")
        verbose_name_plural = _("opportunities")


class PracticeBarrier(Orderable):
    page = ParentalKey(PracticePage, on_delete=models.CASCADE, related_name="barrier_links")
    barrier = models.ForeignKey(
        BarrierPage,
        on_delete=models.CASCADE,
        related_name="practice_links",
        verbose_name=_("barrier"),
        help_text=_("A barrier record this practice helps to overcome."),
    )
    panels = [FieldPanel("barrier")]


class PracticeOpportunity(Orderable):
    page = ParentalKey(PracticePage, on_delete=models.CASCADE, related_name="opportunity_links")
    opportunity = models.ForeignKey(
        OpportunityPage,
        on_delete=models.CASCADE,
        related_name="practice_links",
        verbose_name=_("opportunity"),
        help_text=_("An opportunity record this practice builds on."),
    )
    panels = [FieldPanel("opportunity")]


class PracticePartner(Orderable):
    page = ParentalKey(PracticePage, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(
        "cities.Organisation",
        on_delete=models.CASCADE,
        related_name="practice_partnerships",
        verbose_name=_("organisation"),
        help_text=_("An organisation that runs or funds the practice with the city."),
    )
    panels = [FieldPanel("organisation")]


class PracticeResource(Orderable):
    page = ParentalKey(PracticePage, on_delete=models.CASCADE, related_name="resource_links")
    resource = models.ForeignKey(
        "resources.ResourcePage",
        on_delete=models.CASCADE,
        related_name="practice_links",
        verbose_name=_("resource"),
        help_text=_("A toolkit, report or guide about this practice or useful to repeat it."),
    )
    panels = [FieldPanel("resource")]


class BarrierReportingCity(Orderable):
    page = ParentalKey(BarrierPage, on_delete=models.CASCADE, related_name="reporting_cities")
    city = models.ForeignKey(
        "cities.CityProfilePage",
        on_delete=models.CASCADE,
        related_name="reported_barriers",
        verbose_name=_("city"),
        help_text=_("A city that reported this barrier."),
    )
    panels = [FieldPanel("city")]


class OpportunityReportingCity(Orderable):
    page = ParentalKey(OpportunityPage, on_delete=models.CASCADE, related_name="reporting_cities")
    city = models.ForeignKey(
        "cities.CityProfilePage",
        on_delete=models.CASCADE,
        related_name="reported_opportunities",
        verbose_name=_("city"),
        help_text=_("A city that reported this opportunity."),
    )
    panels = [FieldPanel("city")]


def dialogue_model() -> type[Page]:
    """DialoguePage, reached through the provenance link: dialogues build on practices, so
    practices name them only by their model label (docs/architecture.md)."""
    return PracticePage._meta.get_field("source_dialogue").related_model


def resource_model() -> type[Page]:
    """ResourcePage, reached through the citation link, as `dialogue_model` is."""
    return PracticeResource._meta.get_field("resource").related_model
