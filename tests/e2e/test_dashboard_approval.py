"""Approving from the dashboard in a browser: the first click opens the form, nothing is
approved until its button is pressed, and the dashboard then says what was approved."""

from __future__ import annotations

import re

from playwright.sync_api import expect


def test_dashboard_approval_asks_then_confirms(roles, live_server, page):
    from practices.models import PracticePage

    from ..factories import PracticePageFactory

    draft = PracticePageFactory(parent=roles.city, title="Night classes", live=False)
    draft.save_revision(user=roles.sousse_editor)
    draft.get_workflow().start(draft, roles.sousse_editor)

    page.goto(live_server.url + "/admin/login/?next=/admin/")
    page.fill("#id_username", "coordinator")
    page.fill("#id_password", "not-used-here")
    with page.expect_navigation():
        page.locator("form button[type=submit]").first.click()
    assert "Awaiting your review" in page.content()

    page.get_by_role("button", name="Actions").first.click()
    page.locator("[data-workflow-action-url*='/approve/']").first.click()
    # A form, not an approval: the page is still a draft while it is open.
    modal = page.locator(".modal form")
    expect(modal).to_be_visible()
    assert not PracticePage.objects.get(pk=draft.pk).live

    with page.expect_navigation():
        modal.locator("button[type=submit]").click()
    expect(page.get_by_text(re.compile("“Night classes” approved."))).to_be_visible()
    assert PracticePage.objects.get(pk=draft.pk).live
