"""Editors can open every page type, and the snippets, in the Wagtail admin."""

from __future__ import annotations

import re
from html import unescape

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from practices.models import PracticePage

from .helpers import html_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_content(module_full_content, db):
    """Built once for this module, whose tests only read it."""
    return module_full_content


PAGES = [
    "home",
    "cities",
    "dialogues",
    "city",
    "practice",
    "barrier",
    "opportunity",
    "dialogue",
    "network_barrier",
    "network_opportunity",
]


@pytest.mark.parametrize("name", PAGES)
def test_edit_view_loads_for_every_page_type(admin_client, full_content, name):
    page = getattr(full_content, name)
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    assert page.title in unescape(html_of(response))


@pytest.mark.parametrize(
    "parent,model",
    [
        ("city", "practices/practicepage"),
        ("city", "practices/barrierpage"),
        ("dialogue", "practices/opportunitypage"),
        ("dialogue", "dialogues/recommendationpage"),
        ("cities", "cities/cityprofilepage"),
        ("dialogues", "dialogues/dialoguepage"),
    ],
)
def test_add_view_loads(admin_client, full_content, parent, model):
    parent_page = getattr(full_content, parent)
    response = admin_client.get(f"/admin/pages/add/{model}/{parent_page.pk}/")
    assert response.status_code == 200


def test_practice_cannot_be_added_outside_a_city(admin_client, full_content):
    response = admin_client.get(
        f"/admin/pages/add/practices/practicepage/{full_content.dialogue.pk}/"
    )
    assert response.status_code in (302, 403)  # refused, not a broken form


def test_add_subpage_offers_only_the_allowed_types(admin_client, full_content):
    html = html_of(admin_client.get(f"/admin/pages/{full_content.city.pk}/add_subpage/"))
    offered = set(re.findall(r"/admin/pages/add/(\w+/\w+)/", html))
    assert offered == {
        "practices/practicepage",
        "practices/barrierpage",
        "practices/opportunitypage",
        "dialogues/recommendationpage",
    }


def test_practice_can_be_created_and_published_from_the_admin(admin_client, full_content):
    """The editor's form works end to end, inline panels and classification included."""
    c = full_content
    themes = list(c.practice.themes.all())
    data = nested_form_data(
        {
            "title": "Language courses at the library",
            "slug": "language-courses",
            "summary": "Free courses for newly arrived women.",
            "description": rich_text("<p>Twice a week.</p>"),
            "results": rich_text(""),
            "lessons": rich_text(""),
            "transferability": rich_text(""),
            "status": "active",
            "evidence": "described",
            "licence": "cc-by-4.0",
            "start_year": 2023,
            "end_year": "",
            "barrier_links": inline_formset([{"barrier": c.barrier.pk}]),
            "opportunity_links": inline_formset([]),
            "partners": inline_formset([{"organisation": c.association.pk}]),
            "resource_links": inline_formset([]),
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )
    data["themes"] = [str(t.pk) for t in themes]

    response = admin_client.post(f"/admin/pages/add/practices/practicepage/{c.city.pk}/", data)

    if response.status_code != 302:
        pytest.fail(f"not saved: {response.context['form'].errors}")
    practice = PracticePage.objects.get(slug="language-courses")
    assert practice.live
    assert practice.get_parent().pk == c.city.pk
    assert set(practice.themes.all()) == set(themes)
    assert [link.barrier_id for link in practice.barrier_links.all()] == [c.barrier.pk]
    assert [p.organisation_id for p in practice.partners.all()] == [c.association.pk]
    # and it shows up where visitors look
    assert practice.title in unescape(html_of(admin_client.get(c.city.url)))


@pytest.mark.parametrize(
    "url",
    [
        "/admin/snippets/cities/organisation/",
        "/admin/snippets/taxonomy/theme/",
        "/admin/snippets/taxonomy/sdgtarget/",
        "/admin/snippets/taxonomy/region/",
    ],
)
def test_snippet_lists_load(admin_client, full_content, url):
    response = admin_client.get(url)
    assert response.status_code == 200


def test_organisation_list_shows_the_organisations(admin_client, full_content):
    html = unescape(html_of(admin_client.get("/admin/snippets/cities/organisation/")))
    assert "UN Women" in html
    assert "Migrant Women's Collective (MWC)" in html


def test_organisation_edit_view_loads(admin_client, full_content):
    pk = full_content.un_women.pk
    assert admin_client.get(f"/admin/snippets/cities/organisation/edit/{pk}/").status_code == 200


def test_anonymous_visitors_are_sent_to_the_admin_login(client, full_content):
    response = client.get(f"/admin/pages/{full_content.city.pk}/edit/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_admin_avatars_are_not_fetched_from_gravatar(admin_client, django_user_model):
    # An account with an email address: Wagtail would ask gravatar.com for its face.
    django_user_model.objects.filter(is_superuser=True).update(email="someone@example.org")
    for url in ("/admin/", "/admin/account/"):
        html = html_of(admin_client.get(url))
        assert "gravatar" not in html.lower()
        assert "avatar" in html  # Wagtail's own default avatar is shown instead
