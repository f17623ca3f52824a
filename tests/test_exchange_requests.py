"""Peer exchange requests: from a practice page to the city's editors, and back."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.test import Client
from django.urls import reverse

from exchange.roles import city_editors_group
from practices.models import ExchangeRequest

from .factories import PracticePageFactory
from .helpers import html_of, visible_text
from .test_submissions import make_user, refused

pytestmark = pytest.mark.django_db

MESSAGE = "We run a similar service in Banjul and would like to learn how you found partners."


@pytest.fixture
def full_content(module_full_content, db):
    return module_full_content


@pytest.fixture
def editors(full_content):
    c = full_content
    return {
        "sousse": make_user("sousse-editor", city_editors_group(c.city)),
        "turin": make_user("turin-editor", city_editors_group(c.peer)),
    }


@pytest.fixture
def official(db):
    user = make_user("official")
    user.first_name, user.last_name = "Fatou", "Official"
    user.save()
    return user


def request_url(practice) -> str:
    return reverse("exchange_request", args=[practice.pk])


def ask(client, practice, message=MESSAGE, **extra):
    return client.post(request_url(practice), {"message": message}, **extra)


# -- The practice page ------------------------------------------------------------------------


def test_anonymous_visitors_see_a_sign_in_link_not_the_form(client, full_content):
    c = full_content
    response = client.get(c.practice.url)
    html = html_of(response)
    assert "Ask Sousse for an exchange" in visible_text(response)
    assert f'action="{request_url(c.practice)}"' not in html
    assert f'href="/_util/login/?next={c.practice.url}"' in html


def test_signed_in_users_see_the_form_and_nobody_else_s_requests(client, full_content, official):
    c = full_content
    other = make_user("other-official")
    ExchangeRequest.objects.create(
        practice=c.practice, city=c.city, requester=other, message="Secret plans of another city"
    )
    client.force_login(official)
    response = client.get(c.practice.url)
    html = html_of(response)
    assert f'action="{request_url(c.practice)}"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert "Secret plans" not in html and "You asked on" not in html
    # The page now differs by visitor: caches must key it on the session cookie.
    assert "Cookie" in response.get("Vary", "")


def test_practice_page_queries_stay_the_same_for_anonymous_visitors(client, full_content):
    from .helpers import count_queries

    c = full_content
    before = count_queries(client, c.practice.url)
    for _ in range(3):
        ExchangeRequest.objects.create(
            practice=c.practice, city=c.city, requester=make_user(f"u{_}"), message="Hello"
        )
    assert count_queries(client, c.practice.url) == before


# -- Sending a request ------------------------------------------------------------------------


def test_request_reaches_the_city_s_editors_by_email_and_in_the_admin(
    client, full_content, editors, official
):
    c = full_content
    client.force_login(official)
    response = ask(client, c.practice)
    assert response.status_code == 302
    assert response["Location"] == reverse("my_exchange_requests")

    request = ExchangeRequest.objects.get()
    assert request.practice.specific == c.practice and request.city.specific == c.city
    assert request.requester == official and request.status == "new"
    assert request.message == MESSAGE

    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["sousse-editor@city.example.org"]
    assert "turin-editor@city.example.org" not in email.to
    assert c.practice.title in email.subject
    assert "Fatou Official" in email.body and MESSAGE in email.body
    assert f"http://testserver{reverse('exchange_requests:edit', args=[request.pk])}" in email.body

    # The requester sees it listed with its status, and the confirmation.
    mine = client.get(response["Location"])
    assert mine.status_code == 200
    text = visible_text(mine)
    assert "Your request was sent to Sousse" in text
    assert c.practice.title in text and "New" in text
    # ...and on the practice page.
    assert "You asked on" in visible_text(client.get(c.practice.url))


def test_no_email_without_editors_but_the_request_is_kept(client, full_content, official):
    c = full_content
    client.force_login(official)
    assert ask(client, c.practice).status_code == 302
    assert ExchangeRequest.objects.count() == 1
    assert mail.outbox == []


def test_a_mail_server_failure_does_not_lose_the_request(
    client, full_content, editors, official, settings
):
    c = full_content
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens there
    client.force_login(official)
    assert ask(client, c.practice).status_code == 302
    assert ExchangeRequest.objects.count() == 1


def test_anonymous_post_is_sent_to_sign_in_and_stores_nothing(client, full_content):
    c = full_content
    response = ask(client, c.practice)
    assert response.status_code == 302
    assert response["Location"].startswith("/_util/login/?next=")
    assert ExchangeRequest.objects.count() == 0
    assert client.get(reverse("my_exchange_requests")).status_code == 302


@pytest.mark.parametrize(
    ("message", "error"),
    [
        ("", "This field is required"),
        ("x" * 3001, "Ensure this value has at most 3000 characters"),
        ("<b>Hello</b> there", "We removed HTML code"),
    ],
)
def test_bad_messages_are_400_and_store_nothing(
    client, full_content, official, editors, message, error
):
    c = full_content
    client.force_login(official)
    response = ask(client, c.practice, message)
    assert response.status_code == 400
    assert error in visible_text(response)
    assert ExchangeRequest.objects.count() == 0
    assert mail.outbox == []


def test_unknown_or_draft_practices_are_404(client, full_content, official):
    c = full_content
    draft = PracticePageFactory(parent=c.city, title="Draft", slug="draft", live=False)
    client.force_login(official)
    for practice_id in (draft.pk, c.city.pk, 999999, 10**30):
        response = client.post(f"/practices/{practice_id}/exchange-request/", {"message": "Hi"})
        assert response.status_code == 404
    assert ExchangeRequest.objects.count() == 0


def test_get_goes_back_to_the_practice(client, full_content, official):
    c = full_content
    client.force_login(official)
    response = client.get(request_url(c.practice))
    assert response.status_code == 302 and response["Location"] == f"{c.practice.url}#exchange"


def test_requests_are_rate_limited_per_user(client, full_content, official, settings):
    c = full_content
    settings.EXCHANGE_REQUEST_RATE = "2/h"
    client.force_login(official)
    assert ask(client, c.practice).status_code == 302
    assert ask(client, c.practice).status_code == 302
    response = ask(client, c.practice)
    assert response.status_code == 429
    assert "please wait an hour" in visible_text(response)
    assert ExchangeRequest.objects.count() == 2


def test_my_requests_list_only_mine_with_replies(client, full_content, official):
    c = full_content
    other = make_user("other-official")
    ExchangeRequest.objects.create(
        practice=c.practice,
        city=c.city,
        requester=official,
        message="Mine",
        status="accepted",
        reply="Call us on Monday.",
    )
    ExchangeRequest.objects.create(
        practice=c.practice, city=c.city, requester=other, message="Theirs", reply="Not you"
    )
    client.force_login(official)
    text = visible_text(client.get(reverse("my_exchange_requests")))
    assert "Accepted" in text and "Call us on Monday." in text
    assert "Not you" not in text


# -- The admin: each city sees its own --------------------------------------------------------


@pytest.fixture
def two_requests(full_content, official):
    c = full_content
    turin_practice = PracticePageFactory(parent=c.peer, title="Turin's help desk", slug="desk")
    sousse = ExchangeRequest.objects.create(
        practice=c.practice, city=c.city, requester=official, message="For Sousse only"
    )
    turin = ExchangeRequest.objects.create(
        practice=turin_practice, city=c.peer, requester=official, message="For Turin only"
    )
    return {"sousse": sousse, "turin": turin}


def test_turin_editor_cannot_see_sousse_requests(client, full_content, editors, two_requests):
    client.force_login(editors["turin"])
    listing = client.get(reverse("exchange_requests:index"))
    assert listing.status_code == 200
    text = visible_text(listing)
    assert "Turin's help desk" in text
    assert "Working with migrant women" not in text
    sousse = two_requests["sousse"].pk
    for view in ("edit", "inspect", "history", "delete"):
        assert refused(client.get(reverse(f"exchange_requests:{view}", args=[sousse]))), view
    response = client.post(
        reverse("exchange_requests:edit", args=[sousse]), {"status": "declined", "reply": "x"}
    )
    assert refused(response)
    two_requests["sousse"].refresh_from_db()
    assert two_requests["sousse"].status == "new"


def test_sousse_editor_answers_a_request_and_the_requester_sees_it(
    client, full_content, editors, two_requests, official
):
    sousse = two_requests["sousse"]
    client.force_login(editors["sousse"])
    edit = client.get(reverse("exchange_requests:edit", args=[sousse.pk]))
    assert edit.status_code == 200
    assert "For Sousse only" in html_of(edit)
    response = client.post(
        reverse("exchange_requests:edit", args=[sousse.pk]),
        {"status": "accepted", "reply": "Our team will call you."},
    )
    assert response.status_code == 302
    sousse.refresh_from_db()
    assert sousse.status == "accepted" and sousse.reply == "Our team will call you."
    # Editors neither create nor delete requests.
    assert refused(client.get(reverse("exchange_requests:add")))
    assert refused(client.get(reverse("exchange_requests:delete", args=[sousse.pk])))

    requester = Client()
    requester.force_login(official)
    text = visible_text(requester.get(reverse("my_exchange_requests")))
    assert "Accepted" in text and "Our team will call you." in text


def test_moderators_and_coordinators_with_the_permission_see_all(
    client, full_content, two_requests
):
    group, _ = Group.objects.get_or_create(name="Moderators")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_exchangerequest"),
        Permission.objects.get(codename="change_exchangerequest"),
    )
    client.force_login(make_user("moderator", group))
    text = visible_text(client.get(reverse("exchange_requests:index")))
    assert "Turin's help desk" in text and "Working with migrant women" in text


def test_users_without_a_role_see_no_requests_in_the_admin(client, full_content, two_requests):
    user = make_user("nobody")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert refused(client.get(reverse("exchange_requests:index")))
    assert refused(client.get(reverse("exchange_requests:edit", args=[two_requests["turin"].pk])))
