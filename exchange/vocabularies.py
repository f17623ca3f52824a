"""Controlled vocabularies of the Exchange.

Rows are seeded by data migrations; their slugs are contracts used in URLs, search facets
and exports, so editors may reword names and descriptions but never change a slug.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from .forms import TermForm


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
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("slug"),
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    base_form_class = TermForm
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


class Theme(Term):
    """A challenge migrant women face (`theme` facet)."""

    class Meta(Term.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")


class BarrierCategory(Term):
    """A kind of barrier to local government action (`barrier` facet)."""

    class Meta(Term.Meta):
        verbose_name = _("barrier category")
        verbose_name_plural = _("barrier categories")


class OpportunityCategory(Term):
    """A kind of opportunity for local action (`opportunity` facet)."""

    class Meta(Term.Meta):
        verbose_name = _("opportunity category")
        verbose_name_plural = _("opportunity categories")


class TargetGroup(Term):
    class Meta(Term.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class ActionType(Term):
    class Meta(Term.Meta):
        verbose_name = _("action type")
        verbose_name_plural = _("action types")


class SDGTarget(Term):
    """A Sustainable Development Goal target, e.g. 5.2; the slug writes the dot as a dash."""

    code = models.CharField(_("code"), max_length=8, help_text=_("The target number, e.g. 5.2."))

    panels = [FieldPanel("code"), *Term.panels]

    class Meta(Term.Meta):
        verbose_name = _("SDG target")
        verbose_name_plural = _("SDG targets")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Region(Term):
    class Meta(Term.Meta):
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
