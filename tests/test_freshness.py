"""Freshness: pages show when a practice was last verified; a report and the dashboard list
the practices nobody has confirmed for twelve months, by city, for those who edit them."""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import Locale

from exchange.localization import translate_page
from practices.freshness import is_stale, stale_counts_by_city, stale_cutoff, stale_practices

from .factories import PracticePageFactory
from .helpers import visible_text

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/practices-to-verify/"


def days_ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


@pytest.fixture
def practices(roles):
    """Sousse: the fixture's practice (verified in March 2024), one never verified, one
    verified last month, one draft never verified; Turin: one verified two years ago."""
    return {
        "old": roles.practice,
        "never": PracticePageFactory(parent=roles.city, title="Never checked", slug="never"),
        "fresh": PracticePageFactory(
            parent=roles.city, title="Checked lately", slug="fresh", last_verified=days_ago(30)
        ),
        "draft": PracticePageFactory(parent=roles.city, title="Unpublished idea", live=False),
        "turin": PracticePageFactory(
            parent=roles.peer, title="Turin neighbourhoods", last_verified=days_ago(800)
        ),
    }


def titles(response) -> str:
    return visible_text(response)


def test_the_cutoff_is_twelve_months():
    assert stale_cutoff(datetime.date(2026, 11, 23)) == datetime.date(2025, 11, 23)
    assert stale_cutoff(datetime.date(2028, 2, 29)) == datetime.date(2027, 2, 28)


def test_stale_means_never_verified_or_over_a_year_ago(roles, practices):
    found = {p.pk for p in stale_practices()}
    assert found == {practices[k].pk for k in ("old", "never", "turin")}
    assert is_stale(practices["never"]) and not is_stale(practices["fresh"])
    assert not is_stale(practices["fresh"], today=practices["fresh"].last_verified)


def test_practice_pages_show_the_verification(client, roles, practices):
    old = visible_text(client.get(roles.practice.url))
    assert "Last verified: 15 March 2024" in old or "Last verified: March 15, 2024" in old
    assert "More than a year ago" in old
    fresh = visible_text(client.get(practices["fresh"].url))
    assert "Last verified:" in fresh and "More than a year ago" not in fresh
    assert "Not verified yet" in visible_text(client.get(practices["never"].url))


def test_coordinators_see_every_city_in_the_report(client, roles, practices):
    client.force_login(roles.coordinator)
    response = client.get(REPORT)
    assert response.status_code == 200
    text = titles(response)
    for key in ("old", "never", "turin"):
        assert practices[key].title in text
    assert "Checked lately" not in text and "Unpublished idea" not in text
    # grouped by city: Sousse's rows together, before Turin's
    assert text.index("Never checked") < text.index("Turin neighbourhoods")
    assert text.index(roles.practice.title) < text.index("Turin neighbourhoods")

    only_turin = titles(client.get(REPORT, {"city": roles.peer.pk}))
    assert "Turin neighbourhoods" in only_turin and "Never checked" not in only_turin
    never = titles(client.get(REPORT, {"never": "true"}))
    assert "Never checked" in never and "Turin neighbourhoods" not in never


def test_a_city_editor_sees_only_their_city(client, roles, practices):
    client.force_login(roles.sousse_editor)
    text = titles(client.get(REPORT))
    assert "Never checked" in text and roles.practice.title in text
    assert "Turin neighbourhoods" not in text
    # asking for another city is not a way in
    response = client.get(REPORT, {"city": roles.peer.pk})
    assert response.status_code == 200
    assert "Turin neighbourhoods" not in titles(response)


@pytest.mark.parametrize("query", [{"city": "abc"}, {"city": "999999"}, {"never": "maybe"}])
def test_bad_filters_are_refused_without_error(client, roles, practices, query):
    client.force_login(roles.coordinator)
    response = client.get(REPORT, query)
    assert response.status_code in (200, 400)


def test_the_report_exports_csv_and_xlsx(client, roles, practices):
    client.force_login(roles.coordinator)
    response = client.get(REPORT, {"export": "csv"})
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    by_title = {row["Practice"]: row for row in rows}
    assert set(by_title) == {roles.practice.title, "Never checked", "Turin neighbourhoods"}
    assert by_title["Turin neighbourhoods"]["City"] == "Turin"
    assert by_title["Never checked"]["Last verified (empty: never)"] in ("", "None")
    assert by_title[roles.practice.title]["Last verified (empty: never)"] == "2024-03-15"

    response = client.get(REPORT, {"export": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    assert sheet.max_row == 4  # headings + three practices


def test_the_report_is_for_editors_only(client, roles, practices):
    client.force_login(roles.moderator)
    assert client.get(REPORT).status_code == 403
    client.logout()
    assert client.get(REPORT).status_code == 302  # to the login


def test_the_report_is_in_the_reports_menu(client, roles):
    client.force_login(roles.sousse_editor)
    assert REPORT in client.get("/admin/").content.decode()
    client.force_login(roles.moderator)
    assert REPORT not in client.get("/admin/").content.decode()


def test_a_city_editors_dashboard_lists_their_stale_practices(client, roles, practices):
    client.force_login(roles.sousse_editor)
    text = visible_text(client.get("/admin/"))
    assert "2 published practices have not been verified for 12 months" in text
    assert "Never checked" in text and roles.practice.title in text
    assert "Turin neighbourhoods" not in text and "Checked lately" not in text


def test_a_coordinators_dashboard_counts_per_city(client, roles, practices):
    assert [(row["city"].title, row["count"]) for row in stale_counts_by_city()] == [
        ("Sousse", 2),
        ("Turin", 1),
    ]
    client.force_login(roles.coordinator)
    text = visible_text(client.get("/admin/"))
    assert "3 published practices have not been verified" in text
    assert "Sousse 2" in text and "Turin 1" in text


def test_a_translated_practice_is_one_practice_to_verify(client, roles, practices):
    # A French and an Arabic translation of the Sousse practice (their city becomes an
    # alias in each tree): still one practice to verify, in one Sousse.
    for code in ("fr", "ar"):
        locale = Locale.objects.get_or_create(language_code=code)[0]
        translate_page(roles.practice, locale, {"title": f"{roles.practice.title} ({code})"})
    assert [(row["city"].title, row["count"]) for row in stale_counts_by_city()] == [
        ("Sousse", 2),
        ("Turin", 1),
    ]
    client.force_login(roles.coordinator)
    text = visible_text(client.get("/admin/"))
    assert "3 published practices have not been verified" in text
    assert text.count("Sousse 2") == 1 and "Sousse 1" not in text
    report = client.get(REPORT)
    assert "(fr)" not in visible_text(report) and "(ar)" not in visible_text(report)
    # The report's city filter offers each city once.
    assert report.content.decode().count(">Sousse</option>") == 1
    client.force_login(roles.sousse_editor)
    text = visible_text(client.get("/admin/"))
    assert "2 published practices have not been verified for 12 months" in text


def test_no_panel_when_everything_is_fresh(client, roles):
    roles.practice.last_verified = days_ago(1)
    roles.practice.save()
    client.force_login(roles.sousse_editor)
    assert "have not been verified" not in visible_text(client.get("/admin/"))


def queries(client, url: str) -> int:
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("who", ["sousse_editor", "coordinator"])
@pytest.mark.parametrize("url", [REPORT, "/admin/"])
def test_query_counts_stay_constant_as_practices_grow(client, roles, practices, who, url):
    client.force_login(getattr(roles, who))
    before = queries(client, url)
    for n in range(8):
        PracticePageFactory(parent=roles.city, title=f"Another old one {n}")
        PracticePageFactory(parent=roles.peer, title=f"Turin old one {n}")
    assert queries(client, url) == before
