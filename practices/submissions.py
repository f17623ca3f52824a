"""What the public sends through /submit/: a proposed practice or a correction to one.

A `Submission` keeps everything that was sent, contact details included, for the people who
review it in the admin. Nothing here is ever public: a proposal becomes a *draft* practice
(without any personal data) that enters the moderation workflow, and a correction only
informs the city's editors, who change the page themselves if they agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext, override
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import find_available_slug

from taxonomy.choices import PracticeStatus

# practices.models imports this module to register Submission; PracticePage is read from
# the module object at call time.
from . import models as pages
from .basics import BASICS, PracticeBasics

# Length limits, shared by the form and the model so neither can accept what the other refuses.
TITLE_MAX = 200
SUMMARY_MAX = 1_000
DESCRIPTION_MAX = 10_000
CORRECTION_MAX = 5_000
NAME_MAX = 200


class SubmissionKind(models.TextChoices):
    PROPOSAL = "proposal", _("Proposed practice")
    CORRECTION = "correction", _("Correction")


class ReviewStatus(models.TextChoices):
    NEW = "new", _("New")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")


class Submission(PracticeBasics):
    """One proposal or correction from the public form, as it was sent (plain text only).

    A correction leaves the practice's basics empty: it names the practice it is about.
    """

    kind = models.CharField(_("kind"), max_length=20, choices=SubmissionKind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=ReviewStatus.choices, default=ReviewStatus.NEW
    )
    city = models.ForeignKey(
        "cities.CityProfilePage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("city"),
        help_text=_("The city the practice belongs to."),
    )
    practice = models.ForeignKey(
        "practices.PracticePage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="submissions",
        verbose_name=_("practice"),
        help_text=_("The draft created from a proposal, or the practice a correction is about."),
    )
    title = models.CharField(_("title"), max_length=TITLE_MAX, blank=True)
    description = models.TextField(_("description"), max_length=DESCRIPTION_MAX, blank=True)
    practice_status = models.CharField(
        _("practice status"), max_length=20, choices=PracticeStatus.choices, blank=True
    )
    what_is_wrong = models.TextField(_("what is wrong"), max_length=CORRECTION_MAX, blank=True)
    proposed_text = models.TextField(_("proposed text"), max_length=DESCRIPTION_MAX, blank=True)
    contact_name = models.CharField(_("contact name"), max_length=NAME_MAX, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_consent = models.BooleanField(
        _("consent to be contacted"),
        default=False,
        help_text=_("The sender agreed that reviewers may contact them about this submission."),
    )
    review_note = models.TextField(
        _("review note"),
        blank=True,
        help_text=_("For reviewers only; never shown to the public or the sender."),
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("public submission")
        verbose_name_plural = _("public submissions")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["kind", "status"])]

    def __str__(self) -> str:
        subject = self.title or (self.practice.title if self.practice_id else "")
        return f"{self.get_kind_display()}: {subject}" if subject else self.get_kind_display()


@dataclass
class Contact:
    """The optional contact of a submission; kept only with the sender's consent."""

    name: str = ""
    email: str = ""
    consent: bool = False

    def stored(self) -> dict:
        if not self.consent or not (self.name or self.email):
            return {"contact_name": "", "contact_email": "", "contact_consent": False}
        return {"contact_name": self.name, "contact_email": self.email, "contact_consent": True}


@dataclass
class Proposal:
    city: models.Model
    title: str
    summary: str
    description: str = ""
    themes: list = field(default_factory=list)
    target_groups: list = field(default_factory=list)
    status: str = PracticeStatus.ACTIVE
    start_year: int | None = None
    contact: Contact = field(default_factory=Contact)


def plain_text_to_rich_text(text: str) -> str:
    """Plain text as rich text: each blank-line-separated block a paragraph, all escaped."""
    blocks = [b.strip() for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]
    return "".join(
        "<p>{}</p>".format("<br/>".join(escape(line) for line in block.split("\n")))
        for block in blocks
    )


def provenance_note_for(day) -> str:
    # Stored on the page, so written in the site's language, not the visitor's.
    with override(settings.LANGUAGE_CODE):
        return gettext("Proposed through the public form on %(date)s") % {
            "date": date_format(day, "DATE_FORMAT")
        }


def copy_basics(source: PracticeBasics, target: PracticeBasics) -> None:
    """Give `target` the summary, terms and start year of `source` (saved on its next save)."""
    for name in BASICS:
        if source._meta.get_field(name).many_to_many:
            getattr(target, name).set(getattr(source, name).all())
        else:
            setattr(target, name, getattr(source, name))


@transaction.atomic
def record_proposal(proposal: Proposal) -> Submission:
    """Store the proposal, and create its draft practice in the city's moderation workflow."""
    city = proposal.city
    submission = Submission(
        kind=SubmissionKind.PROPOSAL,
        city=city,
        title=proposal.title,
        summary=proposal.summary,
        description=proposal.description,
        practice_status=proposal.status,
        start_year=proposal.start_year,
        **proposal.contact.stored(),
    )
    submission.themes.set(proposal.themes)
    submission.target_groups.set(proposal.target_groups)

    slug = find_available_slug(city, slugify(proposal.title, allow_unicode=True) or "practice")
    page = pages.PracticePage(
        title=proposal.title,
        slug=slug,
        description=plain_text_to_rich_text(proposal.description),
        status=proposal.status,
        provenance_note=provenance_note_for(timezone.localdate()),
        live=False,
        has_unpublished_changes=True,
    )
    copy_basics(submission, page)
    city.add_child(instance=page)
    page.save_revision(log_action=True)
    # No account sends a public proposal: Wagtail records workflows and revisions
    # requested by nobody (as it does for scheduled publishing), so no pseudo-user is needed.
    workflow = page.get_workflow()
    if workflow is not None:
        workflow.start(page, None)

    submission.practice = page
    submission.save()
    return submission


def record_correction(
    practice, city, what_is_wrong: str, proposed_text: str, contact: Contact
) -> Submission:
    """Store a correction for the city's editors; the live page stays as it is."""
    return Submission.objects.create(
        kind=SubmissionKind.CORRECTION,
        city=city,
        practice=practice,
        what_is_wrong=what_is_wrong,
        proposed_text=proposed_text,
        **contact.stored(),
    )
