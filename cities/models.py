"""City profiles: who a city is, what it may do, and the figures behind it."""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.contrib.routable_page.models import path as subpage_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from exchange.api_fields import CountryCodeField, LicenceField, TermField
from exchange.blocks import DocumentsBlock
from exchange.licences import LicenceMixin
from exchange.localization import TranslatedPage
from exchange.pagetools import (
    ExchangePageManager,
    FormErrorsAre400,
    HidesDescendantsWhenUnpublished,
)
from exchange.panels import RICH_TEXT_FEATURES, tabs
from taxonomy.choices import GovernmentKind, Mandate, OrganisationKind

# The pages' context and sub-pages; these modules read this one's models at call time.
from . import listings, similarity, views

YEAR_VALIDATORS = [MinValueValidator(1900), MaxValueValidator(2100)]

# A city names a focal point when any of these is filled (its page, and the home page's offer).
FOCAL_POINT_FIELDS = ("focal_point_role", "focal_point_email", "focal_point_url")


def names_a_focal_point() -> Q:
    """The cities that name a focal point, as a filter."""
    return reduce(or_, (~Q(**{name: ""}) for name in FOCAL_POINT_FIELDS))


# Sub-pages of the city index and of each city (RoutablePageMixin routes win over child
# slugs), so no child page may take these slugs: it would never be reachable.
LIKE_MINE_SLUG = "like-mine"
SIMILAR_SLUG = "similar"


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
        # Made in the `exchange` app: the table keeps its name (cities/migrations/0007).
        db_table = "exchange_organisation"
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


class CityIndexPage(
    TranslatedPage, FormErrorsAre400, HidesDescendantsWhenUnpublished, RoutablePageMixin, Page
):
    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("A few sentences above the list of cities.")
    )

    objects = ExchangePageManager()
    query_forms = ("filter_form",)

    parent_page_types = ["exchange.HomePage"]
    subpage_types = ["cities.CityProfilePage"]
    max_count = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    edit_handler = tabs(content_panels)

    class Meta:
        verbose_name = _("city index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(listings.city_index_context(self.original, request))
        return context

    @subpage_path(f"{LIKE_MINE_SLUG}/", name="like_mine")
    def like_mine(self, request):
        """ "Describe your city" and the cities like it; nothing is stored."""
        return views.describe_city(request, self)


class CityProfilePage(
    TranslatedPage,
    FormErrorsAre400,
    HidesDescendantsWhenUnpublished,
    RoutablePageMixin,
    LicenceMixin,
    Page,
):
    """A local government that shares its work; its practices and records live below it."""

    country = CountryField(
        _("country"), help_text=_("The country the local government belongs to.")
    )
    region = models.ForeignKey(
        "taxonomy.Region",
        on_delete=models.PROTECT,
        related_name="cities",
        verbose_name=_("region"),
        help_text=_("World region, used to filter and compare cities."),
    )
    government_kind = models.CharField(
        _("kind of local government"),
        max_length=30,
        choices=GovernmentKind.choices,
        default=GovernmentKind.MUNICIPALITY,
        help_text=_("The level of local government this profile describes."),
    )
    population = models.PositiveBigIntegerField(
        _("population"), null=True, blank=True, help_text=_("Leave empty if not known.")
    )
    population_year = models.PositiveSmallIntegerField(
        _("population year"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_("The year the population figure refers to."),
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_(
            "Of the city centre, in decimal degrees (e.g. 35.83); places the city on the map."
        ),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("Of the city centre, in decimal degrees (e.g. 10.64)."),
    )
    mandate = models.CharField(
        _("mandate on migrant inclusion"),
        max_length=20,
        choices=Mandate.choices,
        blank=True,
        help_text=_(
            "Whether the law gives the city competence for migrant inclusion. "
            "Leave empty if unclear."
        ),
    )
    mandate_note = models.TextField(
        _("about the mandate"),
        blank=True,
        help_text=_("How the city's role is defined, e.g. by a local law or by funding rules."),
    )
    is_origin = models.BooleanField(
        _("place of origin"), default=False, help_text=_("People emigrate from here.")
    )
    is_transit = models.BooleanField(
        _("place of transit"), default=False, help_text=_("People pass through on their way.")
    )
    is_destination = models.BooleanField(
        _("place of destination"), default=False, help_text=_("People settle here.")
    )
    women_share_of_migrants = models.DecimalField(
        _("share of women among migrants (%)"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Only from a published source; leave empty if not known."),
    )
    women_share_source = models.CharField(
        _("source of the share of women"),
        max_length=300,
        blank=True,
        help_text=_("Who published the share, e.g. the city's presentation at a dialogue."),
    )
    women_share_year = models.PositiveSmallIntegerField(
        _("year of the share of women"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_("The year the share refers to, if the source gives one."),
    )
    summary = models.TextField(
        _("summary"), help_text=_("Two or three sentences about the city and its approach.")
    )
    migration_context = RichTextField(
        _("migration context"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Who migrates to, from or through the city, and what has changed."),
    )
    focal_point_role = models.CharField(
        _("focal point role"),
        max_length=200,
        blank=True,
        help_text=_("The office or function to contact, e.g. Human Rights Office."),
    )
    focal_point_email = models.EmailField(
        _("focal point email"),
        blank=True,
        help_text=_("Shown publicly: use a shared office mailbox, not a personal one."),
    )
    focal_point_url = models.URLField(
        _("focal point web page"),
        blank=True,
        help_text=_("A public web page of the office, if there is one."),
    )
    documents = StreamField(
        DocumentsBlock(),
        blank=True,
        verbose_name=_("documents"),
        help_text=_("Policies, plans or reports the city has published."),
    )

    objects = ExchangePageManager()
    query_forms = ("page_form",)

    parent_page_types = ["cities.CityIndexPage"]
    subpage_types = [
        "practices.PracticePage",
        "practices.BarrierPage",
        "practices.OpportunityPage",
        "dialogues.RecommendationPage",
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("migration_context"),
        index.FilterField("country"),
        index.FilterField("region_id"),
        index.FilterField("mandate"),
    ]

    # Wagtail API v2: the facts the profile page shows, the focal point's office included
    # (a shared office mailbox, which editors are told is public).
    api_fields = [
        APIField("country", serializer=CountryCodeField()),
        APIField("region", serializer=TermField()),
        APIField("government_kind"),
        APIField("population"),
        APIField("population_year"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("mandate"),
        APIField("mandate_note"),
        APIField("is_origin"),
        APIField("is_transit"),
        APIField("is_destination"),
        APIField("women_share_of_migrants"),
        APIField("women_share_source"),
        APIField("women_share_year"),
        APIField("summary"),
        APIField("migration_context"),
        APIField("governance_bodies"),
        APIField("key_figures"),
        APIField("focal_point_role"),
        APIField("focal_point_email"),
        APIField("focal_point_url"),
        APIField("licence", serializer=LicenceField()),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("migration_context"),
        LicenceMixin.licence_panel,
    ]
    detail_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("country"), FieldPanel("region")]),
                FieldPanel("government_kind"),
                FieldRowPanel([FieldPanel("population"), FieldPanel("population_year")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Place"),
        ),
        MultiFieldPanel([FieldPanel("mandate"), FieldPanel("mandate_note")], heading=_("Mandate")),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("is_origin"),
                        FieldPanel("is_transit"),
                        FieldPanel("is_destination"),
                    ]
                ),
                FieldPanel("women_share_of_migrants"),
                FieldRowPanel([FieldPanel("women_share_source"), FieldPanel("women_share_year")]),
            ],
            heading=_("Migration"),
        ),
        InlinePanel("governance_bodies", heading=_("Governance bodies"), label=_("body")),
        InlinePanel("key_figures", heading=_("Key figures"), label=_("figure")),
    ]
    relation_panels = [
        MultiFieldPanel(
            [
                FieldPanel("focal_point_role"),
                FieldPanel("focal_point_email"),
                FieldPanel("focal_point_url"),
            ],
            heading=_("Focal point"),
        ),
        FieldPanel("documents"),
    ]
    edit_handler = tabs(content_panels, detail_panels, relation_panels)

    class Meta:
        verbose_name = _("city profile")
        verbose_name_plural = _("city profiles")

    def clean(self):
        super().clean()
        if self.population_year and not self.population:
            raise ValidationError(
                {"population_year": _("Give the population figure as well as its year.")}
            )
        if self.slug == LIKE_MINE_SLUG:
            raise ValidationError(
                {"slug": _("This address is taken by the “cities like mine” page.")}
            )

    @property
    def has_focal_point(self) -> bool:
        return any(getattr(self, name) for name in FOCAL_POINT_FIELDS)

    @property
    def migration_roles(self) -> list[str]:
        roles = [
            (self.is_origin, _("origin")),
            (self.is_transit, _("transit")),
            (self.is_destination, _("destination")),
        ]
        return [str(label) for flag, label in roles if flag]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(listings.city_profile_context(self.original, request, shown=self))
        context["similar_cities"] = similarity.similar_cities(
            city=self.original, limit=similarity.SECTION_LIMIT
        )
        context["similar_url"] = self.similar_url(request)
        return context

    def similar_url(self, request=None) -> str:
        return (self.get_url(request=request) or "") + self.reverse_subpage("similar")

    def route(self, request, path_components):
        # A child page slugged "similar" (made before the route existed) keeps its address:
        # hiding published content is worse than losing this city's list of similar cities.
        if (
            self.live
            and path_components == [SIMILAR_SLUG]
            and self.get_children().filter(slug=SIMILAR_SLUG).exists()
        ):
            return Page.route(self, request, path_components)
        return super().route(request, path_components)

    @subpage_path(f"{SIMILAR_SLUG}/", name="similar")
    def similar(self, request):
        """The cities most like this one, with the reasons."""
        return views.similar_to_city(request, self)


class GovernanceBody(Orderable):
    page = ParentalKey(CityProfilePage, on_delete=models.CASCADE, related_name="governance_bodies")
    name = models.CharField(
        _("name"), max_length=200, help_text=_("e.g. Municipal Council of Immigrants.")
    )
    description = models.TextField(
        _("what it does"), blank=True, help_text=_("Its role and who sits on it.")
    )
    women_quota = models.PositiveSmallIntegerField(
        _("minimum share of women (%)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_("A quota set by rule, if there is one."),
    )
    since_year = models.PositiveSmallIntegerField(
        _("since"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_("The year it was set up or its current rule began."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("women_quota"), FieldPanel("since_year")]),
    ]
    api_fields = [
        APIField("name"),
        APIField("description"),
        APIField("women_quota"),
        APIField("since_year"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("governance body")
        verbose_name_plural = _("governance bodies")


class KeyFigure(Orderable):
    """A sourced number; without a source and a year a figure is not published."""

    page = ParentalKey(CityProfilePage, on_delete=models.CASCADE, related_name="key_figures")
    label = models.CharField(
        _("what it counts"),
        max_length=200,
        help_text=_("e.g. Foreign residents, Actions in the municipal plan."),
    )
    value = models.DecimalField(
        _("value"),
        max_digits=14,
        decimal_places=2,
        help_text=_("The number exactly as the source gives it."),
    )
    unit = models.CharField(_("unit"), max_length=40, blank=True, help_text=_("e.g. %, people."))
    year = models.PositiveSmallIntegerField(
        _("year"), validators=YEAR_VALIDATORS, help_text=_("The year the figure refers to.")
    )
    source = models.CharField(
        _("source"),
        max_length=300,
        help_text=_("Who published the figure, e.g. the national statistics office."),
    )
    source_url = models.URLField(
        _("source link"), blank=True, help_text=_("Where the figure can be checked.")
    )

    panels = [
        FieldPanel("label"),
        FieldRowPanel([FieldPanel("value"), FieldPanel("unit"), FieldPanel("year")]),
        FieldRowPanel([FieldPanel("source"), FieldPanel("source_url")]),
    ]
    api_fields = [
        APIField("label"),
        APIField("value"),
        APIField("unit"),
        APIField("year"),
        APIField("source"),
        APIField("source_url"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("key figure")
        verbose_name_plural = _("key figures")

    @property
    def display_value(self) -> str:
        # Grouped in the reader's locale, and without trailing zeros: 12,345 not 12345.00.
        value = self.value.normalize()
        places = max(0, -value.as_tuple().exponent)
        text = number_format(value, decimal_pos=places, use_l10n=True, force_grouping=True)
        return f"{text}%" if self.unit == "%" else f"{text} {self.unit}".strip()


class CityEditorGroup(models.Model):
    """Links a city to the group of its editors, so renaming either keeps the link.

    Kept in step by `exchange.roles` (`manage.py sync_roles`, and on every save of a
    city). When the city is deleted the link stays with no city, and the next sync
    removes the group: nothing would be left for it to edit.
    """

    group = models.OneToOneField(
        "auth.Group",
        on_delete=models.CASCADE,
        related_name="city_editors",
        verbose_name=_("group"),
    )
    city = models.OneToOneField(
        CityProfilePage,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="editor_group_link",
        verbose_name=_("city"),
    )

    class Meta:
        verbose_name = _("city editor group")
        verbose_name_plural = _("city editor groups")

    def __str__(self) -> str:
        return self.group.name
