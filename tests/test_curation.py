"""Dialogue curation: outcomes from a session in a few clicks, provenance both ways, and
the commitments follow-up report."""

from __future__ import annotations

import csv
import datetime
import io
from html import unescape

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.formats import date_format
from wagtail.models import GroupPagePermission, PageLogEntry

from dialogues.models import DialogueCommitment, DialoguePage, DialogueSession, RecommendationPage
from exchange.roles import COORDINATORS, city_editors_group, sync_roles
from practices.models import BarrierPage

from .factories import DialoguePageFactory, DialogueSessionFactory
from .helpers import count_queries, html_of, visible_text

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()
PAST = TODAY - datetime.timedelta(days=30)
FUTURE = TODAY + datetime.timedelta(days=30)


def user_with_pages(django_user_model, name: str, pages, actions=("add", "change", "publish")):
    """An admin user whose group may act on `pages` (and what lies below them)."""
    group = Group.objects.create(name=name)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for page in pages:
        for action in actions:
            GroupPagePermission.objects.create(
                group=group,
                page=page,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=f"{action}_page"
                ),
            )
    user = django_user_model.objects.create_user(username=name.lower().replace(" ", "-"))
    user.groups.add(group)
    return user


def member_of(django_user_model, group: Group):
    user = django_user_model.objects.create_user(username=group.name.lower().replace(" ", "-"))
    user.groups.add(group)
    return user


@pytest.fixture
def coordinator(django_user_model, full_content):
    """A member of the real coordinators' group (exchange.roles)."""
    sync_roles()
    return member_of(django_user_model, Group.objects.get(name=COORDINATORS))


@pytest.fixture
def city_editor(django_user_model, full_content):
    """A member of the real Sousse editors' group (exchange.roles)."""
    return member_of(django_user_model, city_editors_group(full_content.city))


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


def outcomes_url(dialogue, *parts: str) -> str:
    return "/".join([f"/admin/dialogues/{dialogue.pk}/outcomes", *parts]) + "/"


# -- Creating records from a session ------------------------------------------------------


def test_dialogue_edit_page_links_to_its_outcomes(coordinator_client, full_content):
    c = full_content
    html = html_of(coordinator_client.get(f"/admin/pages/{c.dialogue.pk}/edit/"))
    assert outcomes_url(c.dialogue) in html
    assert outcomes_url(c.dialogue) not in html_of(
        coordinator_client.get(f"/admin/pages/{c.dialogues.pk}/edit/")
    )


def test_outcomes_page_lists_sessions_records_and_add_buttons(coordinator_client, full_content):
    c = full_content
    response = coordinator_client.get(outcomes_url(c.dialogue))
    assert response.status_code == 200
    text = unescape(html_of(response))
    assert c.session.title in text
    for record in (c.barrier, c.network_barrier, c.network_opportunity, c.practice):
        assert f"/admin/pages/{record.pk}/edit/" in text
    assert "Share the survey questionnaire with peer cities." in text
    for kind in ("barrier", "opportunity", "recommendation", "commitment"):
        assert outcomes_url(c.dialogue, "add", kind) + f"?session={c.session.pk}" in text


def test_barrier_from_a_session_is_a_draft_with_provenance(coordinator_client, full_content):
    c = full_content
    form_url = outcomes_url(c.dialogue, "add", "barrier") + f"?session={c.session.pk}"
    form = coordinator_client.get(form_url)
    assert form.status_code == 200
    assert f'<option value="{c.session.pk}" selected>' in html_of(form)

    response = coordinator_client.post(
        outcomes_url(c.dialogue, "add", "barrier"),
        {
            "title": "No interpreters at the clinic",
            "summary": "Women cannot explain their symptoms.",
            "source_session": c.session.pk,
            "category": c.network_barrier.category.pk,
        },
    )

    barrier = BarrierPage.objects.get(title="No interpreters at the clinic")
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{barrier.pk}/edit/"
    assert barrier.get_parent().pk == c.dialogue.pk
    assert (barrier.source_dialogue_id, barrier.source_session_id) == (c.dialogue.pk, c.session.pk)
    assert not barrier.live
    assert barrier.latest_revision is not None
    assert PageLogEntry.objects.filter(page=barrier, action="wagtail.create").exists()
    # A draft is not public: not served, not listed on the dialogue page.
    assert coordinator_client.get(barrier.url or "/dialogues/x/").status_code == 404
    coordinator_client.logout()
    assert "No interpreters at the clinic" not in visible_text(
        coordinator_client.get(c.dialogue.url)
    )

    barrier.save_revision().publish()
    response = coordinator_client.get(c.dialogue.url)
    assert f'href="{barrier.url}"' in html_of(response)


def test_recommendation_from_a_session_and_its_page(coordinator_client, full_content):
    c = full_content
    response = coordinator_client.post(
        outcomes_url(c.dialogue, "add", "recommendation"),
        {
            "title": "Talk to national government together",
            "summary": "Cities raise shared issues with ministries as a group.",
            "source_session": c.session.pk,
            "audience": "national-governments",
        },
    )
    assert response.status_code == 302
    recommendation = RecommendationPage.objects.get(slug="talk-to-national-government-together")
    recommendation.save_revision().publish()

    page = coordinator_client.get(recommendation.url)
    html, text = html_of(page), visible_text(page)
    assert "Recommendation" in text
    assert "National governments" in text
    # record -> dialogue and session (the session's anchor on the dialogue page)
    assert f'href="{c.dialogue.url}#session-{c.session.pk}"' in html
    dialogue_html = html_of(coordinator_client.get(c.dialogue.url))
    assert f'id="session-{c.session.pk}"' in dialogue_html
    assert f'href="{recommendation.url}"' in dialogue_html


def test_dialogue_wide_outcome_without_a_session(coordinator_client, full_content):
    c = full_content
    response = coordinator_client.post(
        outcomes_url(c.dialogue, "add", "opportunity"),
        {
            "title": "Shared training",
            "summary": "Train staff together.",
            "source_session": "",
            "category": c.network_opportunity.category.pk,
        },
    )
    assert response.status_code == 302
    page = c.dialogue.get_children().get(title="Shared training").specific
    assert page.source_session_id is None and page.source_dialogue_id == c.dialogue.pk


def test_session_of_another_dialogue_is_refused(coordinator_client, full_content):
    c = full_content
    other = DialoguePageFactory(parent=c.dialogues, title="Another dialogue")
    foreign = DialogueSessionFactory(page=other, sort_order=0)

    form = coordinator_client.get(
        outcomes_url(c.dialogue, "add", "barrier") + f"?session={foreign.pk}"
    )
    assert form.status_code == 400
    assert "Choose a session of this dialogue." in unescape(html_of(form))
    for bad in ("abc", "%C2%B2", "99999999999999999999"):  # "²" raised ValueError (a 500)
        url = outcomes_url(c.dialogue, "add", "barrier") + f"?session={bad}"
        assert coordinator_client.get(url).status_code == 400, bad

    before = BarrierPage.objects.count()
    response = coordinator_client.post(
        outcomes_url(c.dialogue, "add", "barrier"),
        {
            "title": "Wrong",
            "summary": "Wrong.",
            "source_session": foreign.pk,
            "category": c.network_barrier.category.pk,
        },
    )
    assert response.status_code == 400
    assert "Choose a session of this dialogue." in unescape(html_of(response))
    assert BarrierPage.objects.count() == before

    commitments = DialogueCommitment.objects.count()
    response = coordinator_client.post(
        outcomes_url(c.dialogue, "add", "commitment"),
        {"text": "Wrong.", "source_session": foreign.pk, "status": "open"},
    )
    assert response.status_code == 400
    assert DialogueCommitment.objects.count() == commitments


@pytest.mark.parametrize(
    "data,message",
    [
        ({"title": "", "summary": "x"}, "This field is required."),
        ({"title": "x" * 256, "summary": "x"}, "at most 255 characters"),
        ({"title": "Fine", "summary": "x", "category": "999999"}, "Select a valid choice"),
    ],
)
def test_bad_record_input_is_refused_with_a_message(
    coordinator_client, full_content, data, message
):
    c = full_content
    data.setdefault("category", c.network_barrier.category.pk)
    before = BarrierPage.objects.count()
    response = coordinator_client.post(outcomes_url(c.dialogue, "add", "barrier"), data)
    assert response.status_code == 400
    assert message in unescape(html_of(response))
    assert BarrierPage.objects.count() == before


def test_unknown_kind_is_not_found(coordinator_client, full_content):
    assert (
        coordinator_client.get(outcomes_url(full_content.dialogue, "add", "practice")).status_code
        == 404
    )


def test_model_validation_rejects_a_foreign_session(full_content):
    c = full_content
    other = DialoguePageFactory(parent=c.dialogues, title="Another dialogue")
    foreign = DialogueSessionFactory(page=other, sort_order=0)
    commitment = DialogueCommitment(page=c.dialogue, text="x", source_session=foreign)
    with pytest.raises(ValidationError) as error:
        commitment.full_clean()
    assert "source_session" in error.value.message_dict


# -- Permissions --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path,method",
    [
        ((), "get"),
        (("add", "barrier"), "get"),
        (("add", "barrier"), "post"),
        (("add", "commitment"), "get"),
        (("add", "commitment"), "post"),
    ],
)
def test_users_without_rights_on_the_dialogue_get_403(
    client, city_editor, full_content, path, method
):
    c = full_content
    client.force_login(city_editor)
    data = {
        "title": "Sneaky",
        "summary": "x",
        "text": "Sneaky",
        "status": "open",
        "category": c.network_barrier.category.pk,
    }
    response = getattr(client, method)(outcomes_url(c.dialogue, *path), data)
    assert response.status_code == 403
    assert not BarrierPage.objects.filter(title="Sneaky").exists()
    assert not DialogueCommitment.objects.filter(text="Sneaky").exists()
    assert outcomes_url(c.dialogue) not in html_of(client.get(f"/admin/pages/{c.city.pk}/"))


def test_editor_without_dialogues_cannot_open_the_report(client, city_editor, full_content):
    client.force_login(city_editor)
    assert client.get(reverse("exchange_commitments_report")).status_code == 403


def test_anonymous_visitors_are_sent_to_login(client, full_content):
    response = client.get(outcomes_url(full_content.dialogue))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


# -- Commitments --------------------------------------------------------------------------


def test_commitment_from_a_session_is_published_with_the_dialogue(
    coordinator_client, full_content
):
    c = full_content
    response = coordinator_client.post(
        outcomes_url(c.dialogue, "add", "commitment"),
        {
            "text": "Publish a shared checklist.",
            "source_session": c.session.pk,
            "owner_city": c.peer.pk,
            "owner_organisation": "",
            "due_date": PAST.isoformat(),
            "status": "in-progress",
        },
    )
    assert response.status_code == 302
    commitment = DialogueCommitment.objects.get(text="Publish a shared checklist.")
    assert commitment.page_id == c.dialogue.pk
    assert commitment.source_session_id == c.session.pk
    dialogue = DialoguePage.objects.get(pk=c.dialogue.pk)
    assert not dialogue.has_unpublished_changes
    # The revision holds it, so later edits of the dialogue keep it.
    assert "Publish a shared checklist." in [
        x.text for x in dialogue.get_latest_revision_as_object().commitments.all()
    ]

    coordinator_client.logout()
    page = coordinator_client.get(c.dialogue.url)
    text = visible_text(page)
    assert "Publish a shared checklist." in text
    assert f"overdue since {date_format(PAST, 'DATE_FORMAT')}" in text
    # grouped under its session
    html = html_of(page)
    session_block = html[html.index(f'id="session-{c.session.pk}"') :]
    assert "Publish a shared checklist." in session_block


def test_commitment_waits_in_the_draft_when_the_dialogue_has_pending_changes(
    coordinator_client, full_content
):
    c = full_content
    draft = c.dialogue.get_latest_revision_as_object()
    draft.summary = "An unpublished change."
    draft.save_revision()
    response = coordinator_client.post(
        outcomes_url(c.dialogue, "add", "commitment"),
        {"text": "Hold a second meeting.", "status": "open"},
    )
    assert response.status_code == 302
    assert not DialogueCommitment.objects.filter(text="Hold a second meeting.").exists()
    latest = DialoguePage.objects.get(pk=c.dialogue.pk).get_latest_revision_as_object()
    assert "Hold a second meeting." in [x.text for x in latest.commitments.all()]
    assert latest.summary == "An unpublished change."
    listing = unescape(html_of(coordinator_client.get(outcomes_url(c.dialogue))))
    assert "Hold a second meeting." in listing


def test_public_page_marks_only_overdue_commitments(client, full_content):
    c = full_content
    for i, (text, due, status) in enumerate(
        [
            ("Late and open", PAST, "open"),
            ("Late but done", PAST, "done"),
            ("Late but dropped", PAST, "dropped"),
            ("Not due yet", FUTURE, "open"),
        ]
    ):
        DialogueCommitment.objects.create(
            page=c.dialogue, text=text, due_date=due, status=status, sort_order=5 + i
        )
    html = html_of(client.get(c.dialogue.url))
    # Each card up to its end: a commitment card holds no nested list item.
    chunks = [chunk[: chunk.index("</li>")] for chunk in html.split('<li class="card')[1:]]

    def card(text: str) -> str:
        return next(visible_text("<p" + chunk) for chunk in chunks if text in chunk)

    assert f"overdue since {date_format(PAST, 'DATE_FORMAT')}" in card("Late and open")
    assert "overdue since" in card("Share the survey questionnaire")
    for calm in ("Late but done", "Late but dropped", "Not due yet"):
        assert "overdue since" not in card(calm), calm


# -- Provenance both ways -----------------------------------------------------------------


def test_records_link_to_dialogue_and_session_and_back(client, full_content):
    c = full_content
    dialogue_html = html_of(client.get(c.dialogue.url))
    session_block = dialogue_html[dialogue_html.index(f'id="session-{c.session.pk}"') :]
    for record in (c.barrier, c.opportunity, c.network_barrier, c.network_opportunity, c.practice):
        assert f'href="{record.url}"' in session_block, record.title
        html = html_of(client.get(record.url))
        assert f'href="{c.dialogue.url}"' in html
        assert f'href="{c.dialogue.url}#session-{c.session.pk}"' in html


def test_unpublished_records_are_not_listed_on_the_dialogue(client, full_content):
    c = full_content
    c.network_barrier.unpublish()
    c.practice.unpublish()
    html = html_of(client.get(c.dialogue.url))
    assert f'href="{c.network_barrier.url}"' not in html
    assert c.practice.title not in html
    assert f'href="{c.barrier.url}"' in html


def test_session_participants_are_shown_without_drafts(client, full_content):
    c = full_content
    session = DialogueSession.objects.get(pk=c.session.pk)
    session.participating_cities.set([c.city, c.peer])
    session.participating_organisations.set([c.association])
    session.approx_participants = 30
    session.save()
    c.peer.unpublish()
    text = visible_text(client.get(c.dialogue.url))
    assert "Taking part" in text
    assert "about 30 people" in text
    assert "Migrant Women's Collective" in text
    assert "Turin" not in text


def test_dialogue_page_queries_stay_constant(client, full_content):
    c = full_content
    before = count_queries(client, c.dialogue.url)
    sessions = [DialogueSessionFactory(page=c.dialogue, sort_order=5 + i) for i in range(3)]
    for i, session in enumerate(sessions):
        session.participating_cities.set([c.city, c.peer])
        session.participating_organisations.set([c.association])
        page = RecommendationPage(
            title=f"Advice {i}",
            summary="Do it.",
            source_dialogue=c.dialogue,
            source_session=session,
        )
        c.dialogue.add_child(instance=page)
        page.save_revision().publish()
        DialogueCommitment.objects.create(
            page=c.dialogue,
            text=f"Promise {i}",
            source_session=session,
            owner_city=c.peer,
            due_date=PAST,
            sort_order=10 + i,
        )
    after = count_queries(client, c.dialogue.url)
    text = visible_text(client.get(c.dialogue.url))
    assert "Advice 2" in text and "Promise 2" in text
    assert after == before


# -- Commitments follow-up report ---------------------------------------------------------


@pytest.fixture
def commitments(full_content):
    c = full_content
    other = DialoguePageFactory(parent=c.dialogues, title="Second dialogue")
    rows = {
        "late": DialogueCommitment.objects.create(
            page=c.dialogue,
            text="Late promise",
            owner_city=c.peer,
            due_date=PAST,
            status="open",
            source_session=c.session,
            sort_order=3,
        ),
        "done": DialogueCommitment.objects.create(
            page=c.dialogue,
            text="Kept promise",
            owner_city=c.city,
            due_date=PAST,
            status="done",
            sort_order=4,
        ),
        "future": DialogueCommitment.objects.create(
            page=other,
            text="=cmd|' /C calc'!A0",
            owner_city=c.city,
            due_date=FUTURE,
            status="in-progress",
            sort_order=0,
        ),
    }
    return rows


def report(client, query: str = ""):
    return client.get(reverse("exchange_commitments_report") + query)


def test_report_lists_commitments_with_owner_due_date_status_and_overdue(
    coordinator_client, full_content, commitments
):
    response = report(coordinator_client)
    assert response.status_code == 200
    text = visible_text(response)
    for fragment in (
        "Late promise",
        "Kept promise",
        "Share the survey questionnaire",
        "Turin",
        "Not started",
        "Done",
        "In progress",
    ):
        assert fragment in text, fragment
    assert text.count("Overdue since") == 2  # the late one and the fixture's 2021 one


@pytest.mark.parametrize(
    "query,shown,hidden",
    [
        ("?overdue=yes", ["Late promise", "Share the survey"], ["Kept promise", "calc"]),
        ("?overdue=no", ["Kept promise", "calc"], ["Late promise"]),
        ("?status=done", ["Kept promise"], ["Late promise", "calc"]),
        ("?owner_city={peer}", ["Late promise"], ["Kept promise", "calc"]),
        ("?dialogue={other}", ["calc"], ["Late promise", "Kept promise"]),
    ],
)
def test_report_filters(coordinator_client, full_content, commitments, query, shown, hidden):
    query = query.format(peer=full_content.peer.pk, other=commitments["future"].page_id)
    response = report(coordinator_client, query)
    assert response.status_code == 200
    text = visible_text(response)
    for fragment in shown:
        assert fragment in text, fragment
    for fragment in hidden:
        assert fragment not in text, fragment


@pytest.mark.parametrize("query", ["?status=bogus", "?overdue=maybe", "?dialogue=abc"])
def test_report_rejects_bad_filters(coordinator_client, full_content, commitments, query):
    response = report(coordinator_client, query)
    assert response.status_code == 400
    assert "Select a valid choice" in unescape(html_of(response))


def test_report_exports_csv_safely(coordinator_client, full_content, commitments):
    response = report(coordinator_client, "?export=csv&overdue=no")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == [
        "Dialogue",
        "Session",
        "Commitment",
        "Owner city",
        "Owner organisation",
        "Due date",
        "Status",
        "Overdue",
    ]
    texts = {row[2]: row for row in rows[1:]}
    assert "'=cmd|' /C calc'!A0" in texts  # a formula stays text
    assert texts["Kept promise"][6:] == ["Done", "no"]
    assert "Late promise" not in texts


def test_report_only_lists_dialogues_the_user_may_edit(
    client, django_user_model, full_content, commitments
):
    other = commitments["future"].page
    user = user_with_pages(django_user_model, "Second dialogue team", [other])
    client.force_login(user)
    text = visible_text(report(client))
    assert "calc" in text
    assert "Late promise" not in text


def test_report_queries_do_not_grow(coordinator_client, full_content, commitments):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse("exchange_commitments_report")
    coordinator_client.get(url)
    with CaptureQueriesContext(connection) as before:
        coordinator_client.get(url)
    for i in range(5):
        DialogueCommitment.objects.create(
            page=full_content.dialogue,
            text=f"More {i}",
            owner_city=full_content.peer,
            source_session=full_content.session,
            owner_organisation=full_content.association,
            due_date=PAST,
            sort_order=20 + i,
        )
    with CaptureQueriesContext(connection) as after:
        response = coordinator_client.get(url)
    assert "More 4" in visible_text(response)
    assert len(after) == len(before)
