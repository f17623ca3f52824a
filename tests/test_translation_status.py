"""Translation status: coordinators see, record by record and city by city, which
languages are translated, only drafted, outdated or missing; a visitor reading an outdated
translation is told that the original changed since."""

from __future__ import annotations

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from openpyxl import load_workbook
from wagtail.models import Locale, Page

from exchange.localization import translate_page
from exchange.translation_status import counts_by_city, outdated_original, records_for

from .factories import PracticePageFactory
from .helpers import html_of, visible_text

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/translation-status/"


def locale(code: str) -> Locale:
    return Locale.objects.get_or_create(language_code=code)[0]


def republish(page: Page) -> None:
    page.refresh_from_db()
    page.specific.save_revision().publish()


@pytest.fixture
def translated(roles):
    """The Sousse practice: French published before the original changed again (outdated),
    Arabic published after (translated), Spanish a draft, Portuguese none. A Turin practice
    nobody translated, and a Sousse practice that is only a draft."""
    practice = roles.practice
    french = translate_page(practice, locale("fr"), {"title": "Pratique de Sousse"})
    republish(practice)
    arabic = translate_page(practice, locale("ar"), {"title": "ممارسة سوسة"})
    translate_page(practice, locale("es"), {"title": "Práctica de Susa"}, publish=False)
    turin = PracticePageFactory(parent=roles.peer, title="Turin neighbourhoods")
    draft = PracticePageFactory(parent=roles.city, title="Unpublished idea", live=False)
    with translation.override("en"):
        english_url = practice.url
    return {
        "english_url": english_url,
        "practice": practice,
        "fr": french,
        "ar": arabic,
        "turin": turin,
        "draft": draft,
    }


def rows(response) -> dict[str, dict[str, str]]:
    """The CSV export, by record title."""
    assert response.status_code == 200
    text = response.getvalue().decode("utf-8-sig")
    return {row["Record"]: row for row in csv.DictReader(io.StringIO(text))}


def test_each_language_has_its_status(roles, translated):
    record = records_for(roles.coordinator).get(pk=roles.practice.pk)
    assert (record.status_fr, record.status_ar, record.status_es, record.status_pt) == (
        "outdated",
        "translated",
        "draft",
        "missing",
    )
    # Sousse itself was only copied as the alias its practice's translations need: missing.
    city = records_for(roles.coordinator).get(pk=roles.city.pk)
    assert (city.status_fr, city.status_ar) == ("missing", "missing")
    # Publishing the French translation again brings it up to date.
    republish(translated["fr"])
    assert records_for(roles.coordinator).get(pk=roles.practice.pk).status_fr == "translated"


def test_the_report_shows_the_statuses_as_words(client, roles, translated):
    client.force_login(roles.coordinator)
    response = client.get(REPORT)
    assert response.status_code == 200
    text = visible_text(response)
    assert roles.practice.title in text and "Turin neighbourhoods" in text
    assert roles.city.title in text and roles.dialogue.title in text
    # originals only, published only
    assert "Pratique de Sousse" not in text and "Unpublished idea" not in text
    exported = rows(client.get(REPORT, {"export": "csv"}))
    practice = exported[roles.practice.title]
    assert (practice["French"], practice["Arabic"], practice["Spanish"]) == (
        "outdated",
        "translated",
        "draft only",
    )
    assert practice["Portuguese"] == "missing"
    assert practice["City"] == "Sousse" and practice["Type"] == "Practice"
    assert exported["Turin neighbourhoods"]["City"] == "Turin"
    assert exported[roles.dialogue.title]["City"] == ""  # network-wide


def test_filters_by_type_city_language_and_need(client, roles, translated):
    client.force_login(roles.coordinator)

    practices = rows(
        client.get(REPORT, {"record_type": "practices.practicepage", "export": "csv"})
    )
    assert roles.practice.title in practices and roles.city.title not in practices

    turin = rows(client.get(REPORT, {"city": roles.peer.pk, "export": "csv"}))
    assert "Turin neighbourhoods" in turin and roles.practice.title not in turin

    # One language chosen: one status column.
    french = rows(client.get(REPORT, {"language": "fr", "export": "csv"}))
    assert (
        "French" in french[roles.practice.title] and "Arabic" not in french[roles.practice.title]
    )

    # Needs French (outdated) and Portuguese (missing); not Arabic (current) nor Spanish
    # (a draft is work under way, not missing).
    def needs(language: str) -> set[str]:
        query = {"language": language, "needs_translation": "true", "export": "csv"}
        return set(rows(client.get(REPORT, query)))

    assert roles.practice.title in needs("fr") and roles.practice.title in needs("pt")
    assert roles.practice.title not in needs("ar") and roles.practice.title not in needs("es")
    assert "Turin neighbourhoods" in needs("ar")
    # Without a language: missing or outdated in any.
    anyone = rows(client.get(REPORT, {"needs_translation": "true", "export": "csv"}))
    assert roles.practice.title in anyone


@pytest.mark.parametrize(
    "query",
    [
        {"city": "abc"},
        {"city": "999999"},
        {"city": "9" * 30},
        {"language": "xx"},
        {"record_type": "x.y"},
    ],
)
def test_bad_filters_are_refused_with_a_message(client, roles, translated, query):
    client.force_login(roles.coordinator)
    assert client.get(REPORT, query).status_code == 400


def test_counts_per_city(client, roles, translated):
    counts = {row.city: row for row in counts_by_city(records_for(roles.coordinator))}
    sousse = {c.language: (c.lacking, c.outdated) for c in counts["Sousse"].languages}
    turin = {c.language: (c.lacking, c.outdated) for c in counts["Turin"].languages}
    sousse_records = counts["Sousse"].records
    # The city, its practice and its other records: all lack French but the practice,
    # whose French is outdated.
    assert sousse["fr"] == (sousse_records - 1, 1)
    assert sousse["ar"] == (sousse_records - 1, 0)
    assert sousse["es"] == (sousse_records, 0)  # a draft is no translation yet
    assert turin["fr"] == (counts["Turin"].records, 0)

    client.force_login(roles.coordinator)
    text = visible_text(client.get(REPORT))
    assert "Records without a current translation, by city" in text
    assert f"Sousse {sousse_records} {sousse_records - 1} missing, 1 outdated" in text


def test_the_export_cannot_run_formulas(client, roles, translated):
    PracticePageFactory(parent=roles.peer, title='=HYPERLINK("http://evil.example")')
    client.force_login(roles.coordinator)
    exported = rows(client.get(REPORT, {"export": "csv"}))
    assert '\'=HYPERLINK("http://evil.example")' in exported
    sheet = load_workbook(io.BytesIO(client.get(REPORT, {"export": "xlsx"}).getvalue())).active
    titles = [row[0].value for row in sheet.iter_rows(min_row=2)]
    assert not any(str(title).startswith("=") for title in titles)


def test_a_city_editor_sees_only_their_city(client, roles, translated):
    client.force_login(roles.sousse_editor)
    exported = rows(client.get(REPORT, {"export": "csv"}))
    assert roles.practice.title in exported and roles.city.title in exported
    assert "Turin neighbourhoods" not in exported and roles.dialogue.title not in exported
    # Asking for another city is no way in.
    response = client.get(REPORT, {"city": roles.peer.pk})
    assert "Turin neighbourhoods" not in visible_text(response)
    assert {row.city for row in counts_by_city(records_for(roles.sousse_editor))} == {"Sousse"}


def test_the_report_is_for_editors_only(client, roles, translated):
    client.force_login(roles.moderator)
    assert client.get(REPORT).status_code == 403
    assert REPORT not in html_of(client.get("/admin/"))
    client.force_login(roles.sousse_editor)
    assert REPORT in html_of(client.get("/admin/"))
    client.logout()
    assert client.get(REPORT).status_code == 302  # to the login


def queries(client, url: str) -> int:
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("who", ["sousse_editor", "coordinator"])
def test_the_report_costs_the_same_queries_with_more_records(client, roles, translated, who):
    client.force_login(getattr(roles, who))
    before = queries(client, REPORT)
    for n in range(6):
        practice = PracticePageFactory(parent=roles.city, title=f"Sousse practice {n}")
        translate_page(practice, locale("fr"), {"title": f"Pratique {n}"})
        PracticePageFactory(parent=roles.peer, title=f"Turin practice {n}")
    assert queries(client, REPORT) == before


# -- What visitors see --------------------------------------------------------------------


def test_an_outdated_translation_says_so_and_links_the_original(client, roles, translated):
    client.cookies["django_language"] = "fr"
    response = client.get(translated["fr"].url)
    assert response.status_code == 200
    html = html_of(response)
    # Served in French: the notice speaks French and links the English original.
    assert "Pratique de Sousse" in visible_text(response)
    assert "Cette traduction" in visible_text(response)
    assert f'href="{translated["english_url"]}" hreflang="en"' in html


def test_no_notice_on_a_current_translation_nor_an_original(client, roles, translated):
    response = client.get(translated["ar"].url)
    assert response.status_code == 200 and "ممارسة سوسة" in visible_text(response)
    assert 'class="notice notice--outdated"' not in html_of(response)
    original = client.get(translated["english_url"])
    assert 'class="notice notice--outdated"' not in html_of(original)
    # Portuguese is missing: the original is shown with the "not translated" notice only.
    portuguese = client.get("/pt" + translated["english_url"])
    assert portuguese.status_code == 200
    assert 'class="notice notice--outdated"' not in html_of(portuguese)


def test_the_notice_costs_one_query_on_a_translation_and_none_in_english(
    rf, roles, translated, django_assert_num_queries
):
    request = rf.get("/")
    french = Page.objects.get(pk=translated["fr"].pk).specific
    with translation.override("fr"):
        outdated_original(french, request)  # the site's root paths, cached per request
        with django_assert_num_queries(1):
            found = outdated_original(french, request)
    assert found is not None and found.language == "en"
    assert found.url == translated["english_url"]
    original = Page.objects.get(pk=roles.practice.pk).specific
    with django_assert_num_queries(0):
        assert outdated_original(original, request) is None
