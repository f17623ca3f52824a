"""Approving a page from the dashboard: asked for first, then confirmed with a message.

Wagtail's "Awaiting your review" panel offered an "Approve" that posted on the first
click, and came back to the dashboard saying nothing. Here (1) the panel opens the
approval form (with its optional comment and a clear button) for every action, so a
stray click approves nothing; (2) the action's address, taken over in exchange.urls
before Wagtail's, answers a plain GET with a confirmation page instead of acting (the
form there posts); (3) after an approval the admin shows "“Title” approved.".
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.auth import require_admin_access
from wagtail.admin.utils import get_latest_str, get_valid_next_url_from_request
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.models import Page, TaskState

APPROVE = "approve"


def _is_xhr(request: HttpRequest) -> bool:
    return request.headers.get("x-requested-with") == "XMLHttpRequest"


@require_admin_access
def page_workflow_action(
    request: HttpRequest, page_id: int, action_name: str, task_state_id: int
) -> HttpResponse:
    """Wagtail's workflow action for pages, with a confirmation page and a success message."""
    page = get_object_or_404(Page, id=page_id).specific
    wagtail_view = WorkflowActionView.as_view()
    kwargs = {"page_id": page_id, "action_name": action_name, "task_state_id": task_state_id}
    if request.method == "GET" and not _is_xhr(request) and action_name == APPROVE:
        return _confirm_approval(request, page, task_state_id)
    if request.method != "POST" or action_name != APPROVE:
        return wagtail_view(request, **kwargs)
    response = wagtail_view(request, **kwargs)
    approved = TaskState.objects.filter(
        id=task_state_id, status=TaskState.STATUS_APPROVED
    ).exists()
    if approved:
        messages.success(request, _("“%(title)s” approved.") % {"title": get_latest_str(page)})
    return response


def _confirm_approval(request: HttpRequest, page: Page, task_state_id: int) -> HttpResponse:
    task_state = get_object_or_404(TaskState, id=task_state_id)
    in_progress = task_state.status == TaskState.STATUS_IN_PROGRESS
    actions = task_state.task.specific.get_actions(page, request.user) if in_progress else []
    if not any(name == APPROVE for name, _label, _modal in actions):
        raise PermissionDenied
    next_url = get_valid_next_url_from_request(request) or reverse("wagtailadmin_home")
    return render(
        request,
        "exchange/admin/confirm_approval.html",
        {
            "title": get_latest_str(page),
            "action_url": request.path,
            "next_url": next_url,
        },
    )


class ConfirmingModerationPanel(WorkflowObjectsToModeratePanel):
    """Wagtail's "Awaiting your review", each action opening its form before it acts."""

    def get_context_data(self, parent_context: Any) -> Any:
        context = super().get_context_data(parent_context)
        for state in context["states"]:
            with_form = {name for name, _label, modal in state["actions"] if modal}
            # An action without a form of its own ("Approve") goes where its twin with a
            # form ("Approve with comment") goes: the form, whose button is the confirmation.
            state["actions"] = [
                (name, label, True)
                for name, label, modal in state["actions"]
                if modal or name not in with_form
            ]
        return context


def confirm_moderation_actions(request: HttpRequest, panels: list) -> None:
    """Swap Wagtail's review panel for the one that asks first (construct_homepage_panels)."""
    for i, panel in enumerate(panels):
        if type(panel) is WorkflowObjectsToModeratePanel:
            panels[i] = ConfirmingModerationPanel()
