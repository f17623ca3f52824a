"""Network-level content: the home page, dialogues between cities, organisations."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultipleChooserPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from .api_fields import CountryCodeField, LicenceField, PartnersField
from .blocks import DocumentsBlock, GuidingQuestionsBlock, SpeakerBlock
from .choices import (
    SETTLED_COMMITMENT_STATUSES,
    CommitmentStatus,
    DialogueFormat,
    OrganisationKind,
    SessionKind,
)
from .licences import LicenceMixin
from .localization import TranslatedPage, route_with_fallback
from .pagetools import ExchangePageManager, HidesDescendantsWhenUnpublished
from .vocabularies import (  # noqa: F401 - Django finds models through this module
    VOCABULARIES,
    ActionType,
    BarrierCategory,
    OpportunityCategory,
    Region,
    SDGTarget,
    TargetGroup,
    Theme,
)

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


def tabs(content: list, details: list | None = None, relations: list | None = None):
    """Editor tabs used by every page type, so officials find fields in the same places."""
    groups = [ObjectList(content, heading=_("Content"))]
    if details:
        groups.append(ObjectList(details, heading=_("Details")))
    if relations:
        groups.append(ObjectList(relations, heading=_("Links and sources")))
    groups.append(ObjectList(Page.promote_panels, heading=_("Promote")))
    groups.append(ObjectList(Page.settings_panels, heading=_("Settings")))
    return TabbedInterface(groups)


@register_snippet
class Organisation(index.Indexed, models.Model):
    name = models.CharField(
        _("name"), max_length=200, unique=True, help_text=_("Full official name.")
    )
    acronym = models.CharField(
        _("acronym"), max_length=30, blank=True, help_text=_("Short name, e.g. UCLG.")
    )
    kind = models.CharField(
        _("kind"),
        max_length=40,
        choices=OrganisationKind.choices,
        help_text=_("What sort of body it is; used to group partners and participants."),
    )
    country = CountryField(
        _("country"), blank=True, help_text=_("Leave empty for international organisations.")
    )
    website = models.URLField(
        _("website"), blank=True, help_text=_("Official home page, starting with https://.")
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("One or two sentences on what it does.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("acronym"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("country")]),
        FieldPanel("website"),
        FieldPanel("description"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("acronym"),
        index.AutocompleteField("name"),
        index.FilterField("kind"),
    ]
    # The read-only /api/v2/organisations/ endpoint: what the site shows of a partner.
    api_fields = [
        APIField("name"),
        APIField("acronym"),
        APIField("kind"),
        APIField("country", serializer=CountryCodeField()),
        APIField("website"),
        APIField("description"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


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
        "exchange.DialogueIndexPage",
        "exchange.ResourceIndexPage",
    ]
    max_count = 1

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    edit_handler = tabs(content_panels)
    api_fields = [APIField("intro"), APIField("body")]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from . import listings

        context = super().get_context(request, *args, **kwargs)
        context.update(listings.home_context(self.original))
        return context

    def route(self, request, path_components):
        # The site's root: where a missing or untranslated page falls back to the original.
        return route_with_fallback(self, request, path_components)


class DialogueIndexPage(TranslatedPage, HidesDescendantsWhenUnpublished, Page):
    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A few sentences above the list of dialogues."),
    )

    objects = ExchangePageManager()

    parent_page_types = ["exchange.HomePage"]
    subpage_types = ["exchange.DialoguePage"]
    max_count = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    edit_handler = tabs(content_panels)

    class Meta:
        verbose_name = _("dialogue index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["dialogues"] = (
            DialoguePage.objects.child_of(self.original).visible().order_by("-date", "title")
        )
        return context


class DialoguePage(TranslatedPage, HidesDescendantsWhenUnpublished, LicenceMixin, Page):
    """A dialogue between cities; its outcomes are the record pages below it (and elsewhere).

    Barriers, opportunities and recommendations found by the dialogue live below it; records
    a city reported there live under the city and point back here through their provenance.
    """

    date = models.DateField(_("date"), help_text=_("The day the dialogue took place (or began)."))
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Only for dialogues over several days.")
    )
    format = models.CharField(
        _("format"),
        max_length=20,
        choices=DialogueFormat.choices,
        blank=True,
        help_text=_("How participants met."),
    )
    summary = models.TextField(
        _("summary"), help_text=_("What the dialogue was about and who took part, in brief.")
    )
    body = RichTextField(
        _("account"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("How the dialogue unfolded and what was said, in your own words."),
    )
    approx_participants = models.PositiveIntegerField(
        _("approximate number of participants"),
        null=True,
        blank=True,
        help_text=_("Leave empty if not known."),
    )
    ways_forward = RichTextField(
        _("ways forward"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Directions the participants agreed to pursue after the dialogue."),
    )
    documents = StreamField(
        DocumentsBlock(),
        blank=True,
        verbose_name=_("reports and documents"),
        help_text=_("The report, agenda or presentations, uploaded as documents."),
    )

    objects = ExchangePageManager()

    parent_page_types = ["exchange.DialogueIndexPage"]
    subpage_types = [
        "practices.BarrierPage",
        "practices.OpportunityPage",
        "practices.RecommendationPage",
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    # Wagtail API v2. Sessions are left out: speakers may be named people, and what the
    # page shows of them depends on the editor's choices there.
    api_fields = [
        APIField("date"),
        APIField("end_date"),
        APIField("format"),
        APIField("summary"),
        APIField("body"),
        APIField("ways_forward"),
        APIField("approx_participants"),
        APIField("organisers", serializer=PartnersField()),
        APIField("participating_organisations", serializer=PartnersField()),
        APIField("licence", serializer=LicenceField()),
    ]

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("date"), FieldPanel("end_date"), FieldPanel("format")]),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("ways_forward"),
        LicenceMixin.licence_panel,
    ]
    participant_panels = [
        FieldPanel("approx_participants"),
        MultipleChooserPanel(
            "organisers", chooser_field_name="organisation", heading=_("Organisers")
        ),
        MultipleChooserPanel(
            "participating_cities", chooser_field_name="city", heading=_("Participating cities")
        ),
        MultipleChooserPanel(
            "participating_organisations",
            chooser_field_name="organisation",
            heading=_("Participating organisations"),
        ),
    ]
    session_panels = [
        InlinePanel("sessions", heading=_("Sessions"), label=_("session")),
        InlinePanel("commitments", heading=_("Commitments"), label=_("commitment")),
        FieldPanel("documents"),
        MultipleChooserPanel(
            "resource_links", chooser_field_name="resource", heading=_("Related resources")
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(participant_panels, heading=_("Participants")),
            ObjectList(session_panels, heading=_("Sessions and follow-up")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    class Meta:
        verbose_name = _("dialogue")
        verbose_name_plural = _("dialogues")

    def clean(self):
        super().clean()
        if self.end_date and self.date and self.end_date < self.date:
            raise ValidationError({"end_date": _("The end date cannot be before the start.")})

    def get_context(self, request, *args, **kwargs):
        from . import listings

        context = super().get_context(request, *args, **kwargs)
        context.update(listings.dialogue_context(self.original))
        return context


class DialogueOrganiser(Orderable):
    page = ParentalKey(DialoguePage, on_delete=models.CASCADE, related_name="organisers")
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("organisation"),
        help_text=_("An organisation that convened or hosted the dialogue."),
    )
    panels = [FieldPanel("organisation")]


class DialogueParticipantCity(Orderable):
    page = ParentalKey(DialoguePage, on_delete=models.CASCADE, related_name="participating_cities")
    city = models.ForeignKey(
        "cities.CityProfilePage",
        on_delete=models.CASCADE,
        related_name="dialogue_participations",
        verbose_name=_("city"),
        help_text=_("A local government that took part."),
    )
    panels = [FieldPanel("city")]


class DialogueParticipantOrganisation(Orderable):
    page = ParentalKey(
        DialoguePage, on_delete=models.CASCADE, related_name="participating_organisations"
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="dialogue_participations",
        verbose_name=_("organisation"),
        help_text=_("An organisation that took part."),
    )
    panels = [FieldPanel("organisation")]


class DialogueSession(Orderable, ClusterableModel):
    """One part of a dialogue; outcome records point back to the session they came from."""

    page = ParentalKey(DialoguePage, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=SessionKind.choices,
        help_text=_("The part of the programme this session was."),
    )
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("What was presented or discussed.")
    )
    guiding_questions = StreamField(
        [("questions", GuidingQuestionsBlock(label=_("Guiding questions")))],
        blank=True,
        max_num=1,
        verbose_name=_("guiding questions"),
        help_text=_("The questions put to participants to structure the discussion."),
    )
    speakers = StreamField(
        [("speaker", SpeakerBlock())],
        blank=True,
        verbose_name=_("speakers"),
        help_text=_("Who spoke, by organisation."),
    )
    # Breakout groups mix cities and organisations: who sat at which table matters when
    # a finding is traced back to the people who raised it.
    participating_cities = ParentalManyToManyField(
        "cities.CityProfilePage",
        blank=True,
        related_name="session_participations",
        verbose_name=_("cities taking part"),
        help_text=_("Local governments present in this session, if known."),
    )
    participating_organisations = ParentalManyToManyField(
        Organisation,
        blank=True,
        related_name="session_participations",
        verbose_name=_("organisations taking part"),
        help_text=_("Organisations present in this session, if known."),
    )
    approx_participants = models.PositiveIntegerField(
        _("approximate number of participants"),
        null=True,
        blank=True,
        help_text=_("Leave empty if not known."),
    )

    panels = [
        FieldRowPanel([FieldPanel("title"), FieldPanel("kind")]),
        FieldPanel("summary"),
        FieldPanel("guiding_questions"),
        FieldPanel("speakers"),
        FieldPanel("participating_cities"),
        FieldPanel("participating_organisations"),
        FieldPanel("approx_participants"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("dialogue session")
        verbose_name_plural = _("dialogue sessions")

    def __str__(self) -> str:
        return f"{self.page.title}: {self.title}" if self.page_id else self.title

    @property
    def questions(self) -> list[str]:
        return [q for block in self.guiding_questions for q in block.value]

    @property
    def anchor(self) -> str:
        """The fragment id of this session on the dialogue page, for links back to it."""
        return f"session-{self.pk}"


class CommitmentQuerySet(models.QuerySet):
    def overdue(self, today: datetime.date | None = None) -> CommitmentQuerySet:
        """Past their due date and neither done nor dropped."""
        return self.filter(due_date__lt=today or timezone.localdate()).exclude(
            status__in=SETTLED_COMMITMENT_STATUSES
        )

    def with_overdue(self, today: datetime.date | None = None) -> CommitmentQuerySet:
        """Annotate `is_overdue`, so lists can filter and sort on it in SQL."""
        late = models.Q(due_date__lt=today or timezone.localdate()) & ~models.Q(
            status__in=SETTLED_COMMITMENT_STATUSES
        )
        return self.annotate(
            is_overdue=models.Case(
                models.When(late, then=models.Value(True)),
                default=models.Value(False),
                output_field=models.BooleanField(),
            )
        )


class DialogueCommitment(Orderable):
    page = ParentalKey(DialoguePage, on_delete=models.CASCADE, related_name="commitments")
    source_session = models.ForeignKey(
        DialogueSession,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="commitments",
        verbose_name=_("from session"),
        help_text=_("The session of this dialogue where the commitment was made, if known."),
    )
    text = models.TextField(_("commitment"), help_text=_("What was promised, in one sentence."))
    owner_city = models.ForeignKey(
        "cities.CityProfilePage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="commitments",
        verbose_name=_("owner city"),
        help_text=_("The city that took on the commitment, if any."),
    )
    owner_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="commitments",
        verbose_name=_("owner organisation"),
        help_text=_("The organisation that took on the commitment, if any."),
    )
    due_date = models.DateField(
        _("due date"), null=True, blank=True, help_text=_("When it should be done, if agreed.")
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=CommitmentStatus.choices,
        default=CommitmentStatus.OPEN,
        help_text=_("Where the commitment stands today."),
    )

    objects = CommitmentQuerySet.as_manager()

    panels = [
        FieldPanel("text"),
        FieldPanel("source_session"),
        FieldRowPanel([FieldPanel("owner_city"), FieldPanel("owner_organisation")]),
        FieldRowPanel([FieldPanel("due_date"), FieldPanel("status")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")

    def __str__(self) -> str:
        return self.text

    def clean(self):
        super().clean()
        if self.source_session_id and self.source_session.page_id != self.page_id:
            raise ValidationError(
                {"source_session": _("Choose a session of this commitment's own dialogue.")}
            )

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        return bool(
            self.due_date
            and self.status not in SETTLED_COMMITMENT_STATUSES
            and self.due_date < (today or timezone.localdate())
        )


# At the end: the resource pages use `tabs` above, and DialoguePage's `resource_links`.
from .resources import (  # noqa: E402, F401 - Django finds models through this module
    DialogueResource,
    ResourceCity,
    ResourceIndexPage,
    ResourceLanguage,
    ResourcePage,
)
