"""Moderation: a city editor's change waits for a coordinator's approval before it is live;
coordinators see the queue; authors hear the outcome with the reviewer's comment."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from wagtail.models import WorkflowState

from exchange.roles import WORKFLOW_NAME
from practices.models import BarrierPage, PracticePage

from .factories import PracticePageFactory
from .helpers import visible_text
from .test_roles import edit, practice_form

pytestmark = pytest.mark.django_db


def submit_new_practice(client, roles, slug="night-classes", title="Night classes"):
    client.force_login(roles.sousse_editor)
    response = client.post(
        f"/admin/pages/add/practices/practicepage/{roles.city.pk}/",
        practice_form(title, slug, "submit"),
    )
    assert response.status_code == 302
    return PracticePage.objects.get(slug=slug)


def workflow_action(client, page, action: str, comment: str = ""):
    task_state = page.current_workflow_task_state
    return client.post(
        f"/admin/pages/workflow/action/{page.pk}/{action}/{task_state.pk}/",
        {"comment": comment},
    )


def mail_to(user) -> list:
    return [message for message in mail.outbox if user.email in message.to]


@pytest.mark.parametrize("parent", ["city", "dialogue"])
def test_every_editable_page_goes_to_coordinator_approval(roles, parent):
    practice_or_record = (
        roles.practice
        if parent == "city"
        else BarrierPage.objects.child_of(roles.dialogue).first()
    )
    for page in (practice_or_record, roles.city, roles.dialogue):
        assert page.get_workflow().name == WORKFLOW_NAME


def test_an_editors_draft_is_not_public_until_a_coordinator_approves(client, roles):
    page = submit_new_practice(client, roles)
    assert not page.live
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == roles.sousse_editor
    client.logout()
    assert client.get("/cities/sousse/night-classes/").status_code == 404
    assert "Night classes" not in visible_text(client.get("/cities/sousse/"))

    client.force_login(roles.coordinator)
    assert workflow_action(client, page, "approve").status_code == 302
    client.logout()
    page.refresh_from_db()
    assert page.live
    response = client.get("/cities/sousse/night-classes/")
    assert response.status_code == 200
    assert "Night classes" in visible_text(response)


def test_an_edit_to_a_live_page_waits_for_approval(client, roles):
    client.force_login(roles.sousse_editor)
    page = PracticePageFactory(parent=roles.city, title="Help desk", slug="help-desk")
    assert edit(client, page, "submit", title="Help desk, now closed").status_code == 302
    client.logout()
    assert "Help desk, now closed" not in visible_text(client.get("/cities/sousse/help-desk/"))

    client.force_login(roles.coordinator)
    page.refresh_from_db()
    assert workflow_action(client, page, "approve").status_code == 302
    client.logout()
    assert "Help desk, now closed" in visible_text(client.get("/cities/sousse/help-desk/"))


def test_coordinators_hear_of_submissions_and_see_the_queue(client, roles):
    page = submit_new_practice(client, roles)
    submitted = mail_to(roles.coordinator)
    assert len(submitted) == 1
    assert "Night classes" in submitted[0].subject
    assert f"/admin/pages/{page.pk}/edit/" in submitted[0].body
    assert not mail_to(roles.turin_editor) and not mail_to(roles.moderator)

    client.force_login(roles.coordinator)
    dashboard = client.get("/admin/")
    assert "Awaiting your review" in dashboard.content.decode()
    assert "Night classes" in dashboard.content.decode()
    report = client.get("/admin/reports/workflow/")
    assert report.status_code == 200
    assert "Night classes" in report.content.decode()
    assert "Night classes" in client.get("/admin/reports/workflow_tasks/").content.decode()


def test_editors_and_moderators_do_not_review(client, roles):
    page = submit_new_practice(client, roles)
    # Another city's editor and a moderator may not even see the draft: 404, not 403
    # (exchange/admin_confinement.py).
    for user, refusal in (
        (roles.sousse_editor, 403),
        (roles.turin_editor, 404),
        (roles.moderator, 404),
    ):
        client.force_login(user)
        assert "Awaiting your review" not in client.get("/admin/").content.decode()
        assert workflow_action(client, page, "approve").status_code == refusal
    page.refresh_from_db()
    assert not page.live


def test_the_author_is_told_of_the_approval_with_the_comment(client, roles):
    page = submit_new_practice(client, roles)
    mail.outbox.clear()
    client.force_login(roles.coordinator)
    workflow_action(client, page, "approve", comment="Clear and well sourced, thank you.")
    [message] = mail_to(roles.sousse_editor)
    assert "approved" in message.subject
    assert "Night classes" in message.subject
    assert "Clear and well sourced, thank you." in message.body
    assert message.from_email == "The Exchange <noreply@localhost>"


def test_the_author_is_told_of_the_rejection_with_the_comment(client, roles):
    page = submit_new_practice(client, roles)
    mail.outbox.clear()
    client.force_login(roles.coordinator)
    workflow_action(client, page, "reject", comment="Please add the year it started.")
    [message] = mail_to(roles.sousse_editor)
    assert "rejected" in message.subject
    assert "Please add the year it started." in message.body
    assert f"/admin/pages/{page.pk}/edit/" in message.body
    page.refresh_from_db()
    assert not page.live
    client.logout()
    assert client.get("/cities/sousse/night-classes/").status_code == 404


# Approving from the dashboard: asked first, confirmed after (exchange.moderation)


def approve_url(page) -> str:
    task_state = page.current_workflow_task_state
    return f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/"


def test_approving_says_so_on_the_dashboard(client, roles):
    page = submit_new_practice(client, roles)
    client.force_login(roles.coordinator)
    response = client.post(approve_url(page), {"comment": "", "next": "/admin/"}, follow=True)
    assert response.redirect_chain == [("/admin/", 302)]
    assert "“Night classes” approved." in visible_text(response)
    page.refresh_from_db()
    assert page.live
    # Said once: the next visit to the dashboard is quiet.
    assert "approved." not in visible_text(client.get("/admin/"))


def test_approving_through_the_dashboards_modal_says_so_after(client, roles):
    page = submit_new_practice(client, roles)
    client.force_login(roles.coordinator)
    response = client.post(
        approve_url(page),
        {"comment": "Fine.", "next": "/admin/"},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.json()["step"] == "success"
    # Wagtail's script then loads the address it was given, where the message shows.
    assert "“Night classes” approved." in visible_text(client.get(response.json()["redirect"]))


def test_a_get_does_not_approve_it_asks(client, roles):
    page = submit_new_practice(client, roles)
    client.force_login(roles.coordinator)
    url = approve_url(page)
    response = client.get(url, {"next": "/admin/"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Approve “Night classes”?" in visible_text(response)
    assert f'<form action="{url}" method="post">' in html
    assert '<button type="submit" class="button">Approve</button>' in html
    # The modal Wagtail's script asks for: a form too, nothing done.
    modal = client.get(url, headers={"x-requested-with": "XMLHttpRequest"})
    assert modal.json()["step"] == "action"
    page.refresh_from_db()
    assert not page.live
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert "approved." not in visible_text(client.get("/admin/"))


def test_who_may_not_approve_is_not_asked(client, roles):
    page = submit_new_practice(client, roles)
    client.force_login(roles.sousse_editor)
    assert client.get(approve_url(page)).status_code == 403
    assert client.post(approve_url(page)).status_code == 403
    page.refresh_from_db()
    assert not page.live


def test_the_dashboards_approve_opens_the_form_first(client, roles):
    submit_new_practice(client, roles)
    client.force_login(roles.coordinator)
    html = client.get("/admin/").content.decode()
    panel = html[html.index("Awaiting your review") :]
    buttons = re.findall(r"<button data-workflow-action-url=\"([^\"]*)\"([^>]*)>", panel)
    assert any("/approve/" in url for url, _attrs in buttons)
    # Every action opens its form (the confirmation); none posts on the first click.
    assert all("data-launch-modal" in attrs for _url, attrs in buttons), buttons
