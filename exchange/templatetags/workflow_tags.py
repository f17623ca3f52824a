"""Tags for Wagtail's moderation emails."""

from __future__ import annotations

from django import template
from wagtail.models import TaskState, WorkflowState

register = template.Library()


@register.simple_tag
def approval_comments(obj, workflow) -> list[str]:
    """The reviewers' comments on the approval that just finished for `obj`.

    Wagtail's approval email carries no comment (its rejection email does); authors are
    told the outcome with the reviewer's words either way. The notification is sent as
    the workflow finishes, so the latest approved state of `workflow` is that approval.
    """
    state = (
        WorkflowState.objects.for_instance(obj)
        .filter(workflow=workflow, status=WorkflowState.STATUS_APPROVED)
        .order_by("-created_at", "-pk")
        .first()
    )
    if state is None:
        return []
    comments = (
        state.task_states.filter(status=TaskState.STATUS_APPROVED)
        .exclude(comment="")
        .order_by("started_at", "pk")
        .values_list("comment", flat=True)
    )
    return list(comments)
