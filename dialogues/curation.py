"""Dialogue curation: turning what a session produced into records and commitments.

Coordinators work from a dialogue's curation page in the admin; the functions here do the
work so that the views stay thin and the rules (who may, what is stored) live in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import find_available_slug
from wagtail.models import Page

from practices.models import PracticePage

from .models import DialogueCommitment, DialoguePage, DialogueSession


@dataclass(frozen=True)
class OutcomeKind:
    """A kind of record a session can produce: its URL key, page model and wording."""

    key: str
    model_path: str
    label: str

    @property
    def model(self) -> type[Page]:
        return apps.get_model(self.model_path)


OUTCOME_KINDS: dict[str, OutcomeKind] = {
    kind.key: kind
    for kind in (
        OutcomeKind("barrier", "practices.BarrierPage", _("barrier")),
        OutcomeKind("opportunity", "practices.OpportunityPage", _("opportunity")),
        OutcomeKind("recommendation", "dialogues.RecommendationPage", _("recommendation")),
    )
}


def can_curate(dialogue: DialoguePage, user: AbstractBaseUser) -> bool:
    """Whoever may edit the dialogue may curate it (coordinators, in the roles we give)."""
    return dialogue.permissions_for_user(user).can_edit()


def can_add_outcome(dialogue: DialoguePage, kind: OutcomeKind, user: AbstractBaseUser) -> bool:
    return (
        kind.model.can_create_at(dialogue)
        and dialogue.permissions_for_user(user).can_add_subpage()
    )


def create_outcome(
    dialogue: DialoguePage, kind: OutcomeKind, user: AbstractBaseUser, **fields
) -> Page:
    """A draft record below `dialogue`, its provenance pointing at the dialogue.

    The same steps as the admin's create view: the page is saved in the tree as a draft,
    and a first revision by `user` is logged, so history and the audit log show who made
    it. Publishing stays a separate, deliberate step (and goes through moderation).
    `fields` holds the record's own fields, `source_session` among them.
    """
    page = kind.model(source_dialogue=dialogue, owner=user, live=False, **fields)
    page.slug = find_available_slug(dialogue, slugify(page.title, allow_unicode=True) or kind.key)
    with transaction.atomic():
        dialogue.add_child(instance=page)
        page.save_revision(user=user, log_action=True)
    return page


def add_commitment(
    dialogue: DialoguePage, commitment: DialogueCommitment, user: AbstractBaseUser
) -> bool:
    """Add `commitment` to the dialogue through a new revision; True when it went live.

    Commitments belong to the dialogue page and travel with its revisions: a row written
    beside them would be lost the next time an older revision is published. The new
    revision is published at once only when that publishes nothing else: the dialogue is
    live, has no pending draft and no moderation under way, and the user may publish.
    Otherwise it waits in the draft for the dialogue's next publication.
    """
    draft = dialogue.get_latest_revision_as_object()
    existing = list(draft.commitments.all())
    commitment.sort_order = max((c.sort_order or 0 for c in existing), default=-1) + 1
    draft.commitments.add(commitment)
    publish_now = (
        dialogue.live
        and not dialogue.has_unpublished_changes
        and not dialogue.workflow_in_progress
        and dialogue.permissions_for_user(user).can_publish()
    )
    with transaction.atomic():
        revision = draft.save_revision(user=user, log_action=True)
        if publish_now:
            revision.publish(user=user)
    return publish_now


@dataclass
class SessionOutcomes:
    """One row of the curation page: a session (None: the whole dialogue) and its outcomes."""

    session: DialogueSession | None
    records: list = field(default_factory=list)
    commitments: list = field(default_factory=list)


def curation_overview(dialogue: DialoguePage) -> dict:
    """Every outcome of `dialogue`, drafts included, grouped by session, for coordinators.

    Sessions and commitments are read from the latest revision, so what a coordinator just
    added shows even before the dialogue is published again; outcomes can only point to
    sessions already saved, so a session added since the last publication is listed apart.
    """
    draft = dialogue.get_latest_revision_as_object()
    saved = {s.pk for s in DialogueSession.objects.filter(page=dialogue)}
    groups = {s.pk: SessionOutcomes(session=s) for s in draft.sessions.all() if s.pk in saved}
    general = SessionOutcomes(session=None)
    from_here = Q(source_dialogue=dialogue) | Q(
        path__startswith=dialogue.path, depth=dialogue.depth + 1
    )
    for model in [kind.model for kind in OUTCOME_KINDS.values()] + [PracticePage]:
        for page in model.objects.filter(from_here).order_by("path"):
            groups.get(page.source_session_id, general).records.append(page)
    for commitment in draft.commitments.all():
        groups.get(commitment.source_session_id, general).commitments.append(commitment)
    return {
        "dialogue": dialogue,
        "groups": [*groups.values(), general],
        "unsaved_sessions": [s for s in draft.sessions.all() if s.pk not in saved],
        "has_draft_changes": dialogue.has_unpublished_changes,
    }
