"""What a practice and a public proposal of one have in common, declared once.

`PracticePage` and `Submission` (a proposal as the public sent it) both inherit
`PracticeBasics`, so a proposal holds its summary, challenges, groups and start year in the
same kind of field, with the same names, choices, checks and labels, as the draft practice
made from it (`BASICS` is what `submissions.record_proposal` copies across).

Not shared, because the two hold them in different kinds: the description (rich text on the
page, the plain text the public typed on the proposal) and the practice's status (`status` on
the page; a submission's `status` is its review, so the proposed one is `practice_status`).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel

from cities.models import YEAR_VALIDATORS

# The fields of PracticeBasics, in the order a proposal copies them to its draft practice.
BASICS = ("summary", "themes", "target_groups", "start_year")


class PracticeBasics(ClusterableModel):
    # Parental, so a page's revisions and previews carry its terms; a proposal keeps them
    # in memory until it is saved, like a page.
    summary = models.TextField(
        _("summary"), help_text=_("Two or three sentences: what the city does, for whom, why.")
    )
    # No reverse accessor: what lists practices by term reads the search index, and a term
    # would otherwise need one name for pages and another for submissions.
    themes = ParentalManyToManyField(
        "taxonomy.Theme",
        blank=True,
        related_name="+",
        verbose_name=_("challenges addressed"),
        help_text=_("The challenges migrant women face that this practice responds to."),
    )
    target_groups = ParentalManyToManyField(
        "taxonomy.TargetGroup",
        blank=True,
        related_name="+",
        verbose_name=_("for whom"),
        help_text=_("The people the practice is meant to reach."),
    )
    start_year = models.PositiveSmallIntegerField(
        _("start year"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_("Leave empty if not known."),
    )

    class Meta:
        abstract = True
