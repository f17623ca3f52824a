"""Drafts and private pages never reach anonymous visitors, directly or through listings."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.urls import reverse
from wagtail.models import PageViewRestriction

from practices.models import PracticeBarrier

from .factories import (
    BarrierPageFactory,
    CityProfilePageFactory,
    DialoguePageFactory,
    PracticePageFactory,
)
from .helpers import html_of, visible_text

pytestmark = pytest.mark.django_db


def public_listings(client, c) -> dict[str, str]:
    """The HTML of every public page that lists practices, records, cities or dialogues."""
    pages = {
        "home": "/",
        "city index": c.cities.url,
        "dialogue index": c.dialogues.url,
        "city": c.city.url,
        "peer city": c.peer.url,
        "barrier": c.barrier.url,
        "network barrier": c.network_barrier.url,
        "opportunity": c.opportunity.url,
        "dialogue": c.dialogue.url,
        "practice": c.practice.url,
    }
    listings = {}
    for name, url in pages.items():
        response = client.get(url)
        if response.status_code == 200:
            listings[name] = html_of(response)
    return listings


def assert_not_listed(client, c, page):
    leaks = [
        name
        for name, html in public_listings(client, c).items()
        if f'href="{page.url}"' in html or page.title in visible_text(html)
    ]
    assert not leaks, f"{page.title!r} is shown on: {', '.join(leaks)}"


def add_draft_practice(c):
    """A draft linked to everything a published practice is linked to."""
    return PracticePageFactory(
        parent=c.city,
        title="A practice nobody has approved",
        slug="unapproved",
        live=False,
        themes=list(c.practice.themes.all()),
        barrier_links=[PracticeBarrier(barrier=c.barrier, sort_order=0)],
        source_dialogue=c.dialogue,
    )


# -- Drafts ---------------------------------------------------------------------------------


def test_draft_practice_is_not_found_and_not_listed(client, full_content):
    c = full_content
    draft = add_draft_practice(c)

    assert client.get(draft.url).status_code == 404
    assert_not_listed(client, c, draft)
    home = visible_text(client.get("/"))
    assert "1 practice responds to this challenge" in home  # the draft is not counted
    assert "1 practice " in visible_text(client.get(c.cities.url))


def test_unpublished_practice_disappears(client, full_content):
    c = full_content
    assert client.get(c.practice.url).status_code == 200

    c.practice.unpublish()

    assert client.get(c.practice.url).status_code == 404
    assert_not_listed(client, c, c.practice)


def test_unpublished_city_disappears_from_the_index_and_the_home_counts(client, full_content):
    c = full_content
    c.peer.unpublish()

    assert client.get(c.peer.url).status_code == 404
    assert_not_listed(client, c, c.peer)
    assert "1 city" in visible_text(client.get("/"))


def test_unpublished_city_takes_its_practices_and_records_offline(client, full_content):
    c = full_content
    assert c.barrier.get_parent().pk == c.city.pk  # reported by the city, under it
    c.city.unpublish()  # Wagtail leaves the pages below it live

    assert client.get(c.practice.url).status_code == 404
    assert client.get(c.barrier.url).status_code == 404
    assert_not_listed(client, c, c.practice)
    assert_not_listed(client, c, c.barrier)
    home = visible_text(client.get("/"))
    assert "0 practices" in home
    assert "0 practices respond to this challenge" in home


def test_draft_barrier_is_not_found_and_not_listed(client, full_content):
    c = full_content
    draft = BarrierPageFactory(parent=c.city, title="An unchecked barrier", live=False)
    PracticeBarrier.objects.create(page=c.practice, barrier=draft, sort_order=5)

    assert client.get(draft.url).status_code == 404
    assert_not_listed(client, c, draft)


def test_draft_dialogue_is_not_found_not_listed_and_not_named_as_a_source(client, full_content):
    c = full_content
    draft = DialoguePageFactory(parent=c.dialogues, title="A dialogue still being written")
    draft.unpublish()
    c.practice.source_dialogue = draft
    c.practice.source_session = None
    c.practice.save()

    assert client.get(draft.url).status_code == 404
    assert_not_listed(client, c, draft)
    practice = html_of(client.get(c.practice.url))
    assert f'href="{draft.url}"' not in practice


# -- Private pages --------------------------------------------------------------------------


def restrict_to_logged_in_users(page):
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )


def test_login_restricted_practice_sends_visitors_to_the_login_page(client, full_content):
    c = full_content
    restrict_to_logged_in_users(c.practice)

    response = client.get(c.practice.url)

    assert response.status_code == 302
    location = urlsplit(response["Location"])
    # Wagtail's front-end login page unless the settings name another.
    login_url = getattr(settings, "WAGTAIL_FRONTEND_LOGIN_URL", reverse("wagtailcore_login"))
    assert location.path == login_url
    assert parse_qs(location.query)["next"] == [c.practice.url]
    login_page = client.get(response["Location"])
    assert login_page.status_code == 200
    assert 'type="password"' in html_of(login_page)
    assert c.practice.summary not in visible_text(response)


def test_login_restricted_practice_is_shown_to_logged_in_users(
    client, full_content, django_user_model
):
    c = full_content
    restrict_to_logged_in_users(c.practice)
    user = django_user_model.objects.create_user(username="reader", password="secret-enough")
    client.force_login(user)

    response = client.get(c.practice.url)

    assert response.status_code == 200
    assert c.practice.summary in visible_text(response)


def test_login_restricted_practice_is_not_listed(client, full_content):
    c = full_content
    restrict_to_logged_in_users(c.practice)
    assert_not_listed(client, c, c.practice)


def test_practices_of_a_private_city_are_not_listed(client, full_content):
    c = full_content
    restrict_to_logged_in_users(c.city)

    assert client.get(c.city.url).status_code == 302
    assert client.get(c.practice.url).status_code == 302  # restrictions apply below too
    assert_not_listed(client, c, c.practice)
    assert_not_listed(client, c, c.barrier)
    listings = public_listings(client, c)
    assert f'href="{c.city.url}"' not in listings["city index"]


def test_password_protected_city_shows_the_password_form_not_the_content(client, full_content):
    c = full_content
    PageViewRestriction.objects.create(
        page=c.city, restriction_type=PageViewRestriction.PASSWORD, password="open sesame"
    )

    response = client.get(c.city.url)

    html, text = html_of(response), visible_text(response)
    assert response.status_code == 200
    assert 'type="password"' in html
    assert c.city.summary not in text
    assert "Foreign residents" not in text
    assert c.practice.title not in text
    for url in ("/", c.cities.url):
        listing = client.get(url)
        assert f'href="{c.city.url}"' not in html_of(listing)
        assert "Sousse" not in visible_text(listing)


def test_private_city_is_not_named_on_a_dialogue_page(client, full_content):
    """Neither among the participants nor as the owner of a commitment."""
    c = full_content
    restrict_to_logged_in_users(c.city)

    dialogue = client.get(c.dialogue.url)

    assert f'href="{c.city.url}"' not in html_of(dialogue)
    assert "Sousse" not in visible_text(dialogue)


def test_draft_city_is_not_listed_with_the_records_it_reported(client, full_content):
    c = full_content
    draft = CityProfilePageFactory(parent=c.cities, title="Draft town", live=False)
    c.barrier.reporting_cities.create(city=draft, sort_order=3)

    barrier = html_of(client.get(c.barrier.url))

    assert "Draft town" not in visible_text(barrier)


def test_page_passwords_are_throttled_like_logins(client, full_content):
    """Five wrong passwords from one address lock that page's form for an hour, even for
    the right password; another address and another page are not affected."""
    c = full_content
    restriction = PageViewRestriction.objects.create(
        page=c.city, restriction_type=PageViewRestriction.PASSWORD, password="open sesame"
    )
    action = reverse("wagtailcore_authenticate_with_password", args=[restriction.id, c.city.id])
    assert action in html_of(client.get(c.city.url))

    def attempt(password: str, address: str = "203.0.113.7"):
        return client.post(
            action,
            {"password": password, "return_url": c.city.url},
            REMOTE_ADDR=address,
        )

    for _ in range(5):
        response = attempt("guess")
        assert response.status_code == 200
        assert "not correct" in visible_text(response)
    refused = attempt("open sesame")
    assert refused.status_code == 429
    assert "Too many wrong passwords" in visible_text(refused)
    assert client.get(c.city.url).status_code == 200  # still the form: not let in
    assert c.city.summary not in visible_text(client.get(c.city.url))

    elsewhere = attempt("open sesame", address="198.51.100.4")
    assert elsewhere.status_code == 302
    assert client.get(c.city.url).status_code == 200
    assert c.city.summary in visible_text(client.get(c.city.url))
