"""Dialogues between cities: sessions, participants, commitments, and the recommendations
that came out of them (their barriers and opportunities are practices' record pages)."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
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

from cities.models import Organisation
from exchange.api_fields import LicenceField, PartnersField
from exchange.blocks import DocumentsBlock, GuidingQuestionsBlock, SpeakerBlock
from exchange.licences import LicenceMixin
from exchange.listing_language import by_shown_title, show_in_language
from exchange.localization import TranslatedPage
from exchange.pagetools import ExchangePageManager, HidesDescendantsWhenUnpublished
from exchange.panels import RICH_TEXT_FEATURES, tabs
from practices.models import ProvenanceMixin, RecordPage
from taxonomy.choices import (
    SETTLED_COMMITMENT_STATUSES,
    CommitmentStatus,
    DialogueFormat,
    RecommendationAudience,
    SessionKind,
)

from . import listings

# The tables keep the names they had in the `exchange` app, so that a database made then
# migrates in place (dialogues/migrations/0001_initial.py).


class DialogueIndexPage(TranslatedPage, HidesDescendantsWhenUnpublished, Page):
    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A few sentences above the list of dialogues."),
    )

    objects = ExchangePageManager()

    parent_page_types = ["exchange.HomePage"]
    subpage_types = ["dialogues.DialoguePage"]
    max_count = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    edit_handler = tabs(content_panels)

    class Meta:
        verbose_name = _("dialogue index")
        db_table = "exchange_dialogueindexpage"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["dialogues"] = show_in_language(
            by_shown_title(DialoguePage.objects.child_of(self.original).visible(), "-date")
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

    parent_page_types = ["dialogues.DialogueIndexPage"]
    subpage_types = [
        "practices.BarrierPage",
        "practices.OpportunityPage",
        "dialogues.RecommendationPage",
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
        db_table = "exchange_dialoguepage"

    def clean(self):
        super().clean()
        if self.end_date and self.date and self.end_date < self.date:
            raise ValidationError({"end_date": _("The end date cannot be before the start.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(listings.dialogue_context(self.original, shown=self))
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

    class Meta(Orderable.Meta):
        db_table = "exchange_dialogueorganiser"


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

    class Meta(Orderable.Meta):
        db_table = "exchange_dialogueparticipantcity"


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

    class Meta(Orderable.Meta):
        db_table = "exchange_dialogueparticipantorganisation"


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
        db_table = "exchange_dialoguesession"

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
        db_table = "exchange_dialoguecommitment"

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


class DialogueResource(Orderable):
    page = ParentalKey(DialoguePage, on_delete=models.CASCADE, related_name="resource_links")
    resource = models.ForeignKey(
        "resources.ResourcePage",
        on_delete=models.CASCADE,
        related_name="dialogue_links",
        verbose_name=_("resource"),
        help_text=_("A toolkit, report or guide the dialogue produced or drew on."),
    )
    panels = [FieldPanel("resource")]

    class Meta(Orderable.Meta):
        db_table = "exchange_dialogueresource"


class RecommendationPage(RecordPage):
    """What a dialogue (or a city) advises someone to do, e.g. national governments."""

    audience = models.CharField(
        _("addressed to"),
        max_length=30,
        choices=RecommendationAudience.choices,
        blank=True,
        help_text=_("Who is asked to act on it; leave empty if the source does not say."),
    )

    api_fields = [*RecordPage.api_fields, APIField("audience")]

    content_panels = [
        *Page.content_panels,
        FieldPanel("audience"),
        FieldPanel("summary"),
        FieldPanel("description"),
        LicenceMixin.licence_panel,
    ]
    relation_panels = [*ProvenanceMixin.provenance_panels]
    edit_handler = tabs(content_panels, relations=relation_panels)

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        # Made in the practices app, beside the other record pages.
        db_table = "practices_recommendationpage"

    def get_context(self, request, *args, **kwargs):
        context = Page.get_context(self, request, *args, **kwargs)
        context.update(listings.recommendation_context(self.original))
        return context
