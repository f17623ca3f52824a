"""Every CSV the admin writes is formula-safe: Wagtail's own reports ("Site history",
"Aging pages"…) and ours. A title typed by an editor, even in a draft nobody approved,
reaches a coordinator's spreadsheet at once, so no cell may start a formula."""

from __future__ import annotations

import csv
import io

import pytest

from .factories import PracticePageFactory

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("https://evil.example","click")'
DRAFT_FORMULA = "@SUM(1)"
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")

EXPORTS = {
    "practices to verify": "/admin/reports/practices-to-verify/",
    "site history": "/admin/reports/site-history/",
    "aging pages": "/admin/reports/aging-pages/",
    "locked pages": "/admin/reports/locked/",
    "workflows": "/admin/reports/workflow/",
    "commitments": "/admin/reports/commitments/",
    "translation status": "/admin/reports/translation-status/",
}


@pytest.fixture
def poisoned(roles, django_user_model):
    practice = PracticePageFactory(parent=roles.city, title=FORMULA, slug="formula")
    practice.save_revision(user=roles.coordinator, log_action=True).publish(user=roles.coordinator)
    practice.locked, practice.locked_by = True, roles.sousse_editor
    practice.save()
    draft = practice.specific
    draft.title = DRAFT_FORMULA
    draft.save_revision(user=roles.sousse_editor, log_action=True)
    return django_user_model.objects.create_superuser("admin", "admin@example.org", "x")


@pytest.mark.parametrize("report", EXPORTS)
def test_admin_csv_exports_never_start_a_formula(client, poisoned, report):
    client.force_login(poisoned)
    response = client.get(EXPORTS[report], {"export": "csv"})
    assert response.status_code == 200, report
    text = b"".join(response.streaming_content if response.streaming else [response.content])
    rows = list(csv.reader(io.StringIO(text.decode("utf-8-sig"))))
    cells = [cell for row in rows for cell in row]
    if report in ("practices to verify", "site history", "aging pages", "locked pages"):
        assert any("HYPERLINK" in cell or "SUM(1)" in cell for cell in cells), rows
    dangerous = [cell for cell in cells if cell.startswith(DANGEROUS)]
    assert not dangerous, dangerous
