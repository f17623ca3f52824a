"""Controlled vocabularies of the Exchange.

Rows are seeded by data migrations; their slugs are contracts used in URLs, search facets
and exports, so editors may reword names and descriptions but never change a slug.

Each term is one row in every language: its name and description in English (`name`,
`description`) and in each other interface language (`name_fr`, `description_fr`…),
edited side by side in the snippet admin. Pages, facets, charts and comparisons show
`term.label` and `term.localized_description`, which follow the active language and fall
back to English. (wagtail-localize's per-locale copies would duplicate the slugs.)
"""

from django.db import models
from django.db.models import Expression, F, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from .collation import Collated, collation_language
from .forms import TermForm
from .languages import TRANSLATED_LANGUAGES


def name_field(language: str) -> str:
    """The column holding a term's name in `language` ("name" for English)."""
    return f"name_{language}" if language in TRANSLATED_LANGUAGES else "name"


def active_name_field() -> str:
    return name_field((translation.get_language() or "en").split("-")[0])


def localized_name(row: dict | object, language: str | None = None) -> str:
    """The name of a term (a model instance or a dict of `values()`) in `language` (the
    active one by default), or its English name when it has no translation."""
    field = name_field(language) if language else active_name_field()
    get = row.get if isinstance(row, dict) else lambda name, default="": getattr(row, name)
    return get(field, "") or get("name", "")


class NameInActiveLanguage(Expression):
    """Orders terms by the name visitors read (`label`), in their language's alphabetical
    order. It becomes the real expression when the query is compiled, so a list follows the
    language active when it is read, not when its queryset was made (a form's choices)."""

    def resolve_expression(
        self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False
    ):
        language = collation_language()
        field = name_field(language)
        name = F("name") if field == "name" else Coalesce(NullIf(F(field), Value("")), "name")
        return Collated(name, language).resolve_expression(
            query, allow_joins, reuse, summarize, for_save
        )


class TermManager(models.Manager):
    def get_queryset(self) -> models.QuerySet:
        # Not Meta.ordering: modelcluster sorts unsaved relations by it in Python, and knows
        # only field names. English name order stays there for it.
        return super().get_queryset().order_by("sort_order", NameInActiveLanguage())


# The tables keep the names they had when the vocabularies lived in the `exchange` app, so
# that a database made then migrates in place (taxonomy/migrations/0001_initial.py).


class Term(index.Indexed, models.Model):
    slug = models.SlugField(
        _("slug"),
        max_length=60,
        unique=True,
        help_text=_("Fixed identifier used in web addresses and filters. It never changes."),
    )
    name = models.CharField(
        _("name"), max_length=120, help_text=_("The term as visitors read it; you may reword it.")
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("One or two sentences on what this covers.")
    )
    name_fr = models.CharField(_("name in French"), max_length=120, blank=True)
    description_fr = models.TextField(_("description in French"), blank=True)
    name_es = models.CharField(_("name in Spanish"), max_length=120, blank=True)
    description_es = models.TextField(_("description in Spanish"), blank=True)
    name_ar = models.CharField(_("name in Arabic"), max_length=120, blank=True)
    description_ar = models.TextField(_("description in Arabic"), blank=True)
    name_pt = models.CharField(_("name in Portuguese"), max_length=120, blank=True)
    description_pt = models.TextField(_("description in Portuguese"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("slug"),
        FieldPanel("name"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                field
                for language in TRANSLATED_LANGUAGES
                for field in (
                    FieldPanel(f"name_{language}"),
                    FieldPanel(f"description_{language}"),
                )
            ],
            heading=_("Translations"),
            help_text=_("Left empty, visitors read the English name and description."),
        ),
        FieldPanel("sort_order"),
    ]
    base_form_class = TermForm
    objects = TermManager()
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """The name in the active language, else the English name. Show terms with it."""
        return localized_name(self)

    @property
    def localized_description(self) -> str:
        language = (translation.get_language() or "en").split("-")[0]
        if language in TRANSLATED_LANGUAGES:
            return getattr(self, f"description_{language}") or self.description
        return self.description


class Theme(Term):
    """A challenge migrant women face (`theme` facet)."""

    class Meta(Term.Meta):
        db_table = "exchange_theme"
        verbose_name = _("theme")
        verbose_name_plural = _("themes")


class BarrierCategory(Term):
    """A kind of barrier to local government action (`barrier` facet)."""

    class Meta(Term.Meta):
        db_table = "exchange_barriercategory"
        verbose_name = _("barrier category")
        verbose_name_plural = _("barrier categories")


class OpportunityCategory(Term):
    """A kind of opportunity for local action (`opportunity` facet)."""

    class Meta(Term.Meta):
        db_table = "exchange_opportunitycategory"
        verbose_name = _("opportunity category")
        verbose_name_plural = _("opportunity categories")


class TargetGroup(Term):
    class Meta(Term.Meta):
        db_table = "exchange_targetgroup"
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class ActionType(Term):
    class Meta(Term.Meta):
        db_table = "exchange_actiontype"
        verbose_name = _("action type")
        verbose_name_plural = _("action types")


class SDGTarget(Term):
    """A Sustainable Development Goal target, e.g. 5.2; the slug writes the dot as a dash."""

    code = models.CharField(_("code"), max_length=8, help_text=_("The target number, e.g. 5.2."))

    panels = [FieldPanel("code"), *Term.panels]

    class Meta(Term.Meta):
        db_table = "exchange_sdgtarget"
        verbose_name = _("SDG target")
        verbose_name_plural = _("SDG targets")

    def __str__(self) -> str:
        return f"{self.code} {self.label}"


class Region(Term):
    class Meta(Term.Meta):
        db_table = "exchange_region"
        verbose_name = _("region")
        verbose_name_plural = _("regions")


VOCABULARIES = [
    Theme,
    BarrierCategory,
    OpportunityCategory,
    TargetGroup,
    ActionType,
    SDGTarget,
    Region,
]
