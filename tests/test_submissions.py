"""/submit/: proposals and corrections from the public, end to end, and every rejection."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, Revision

from exchange.roles import city_editors_group
from practices.basics import BASICS
from practices.models import PracticePage, Submission
from taxonomy.models import TargetGroup, Theme

from .factories import CityProfilePageFactory, PracticePageFactory
from .helpers import count_queries, html_of, visible_text

pytestmark = pytest.mark.django_db

SUBMIT = "/submit/"
THANKS = "/submit/thanks/"
SECRET_NAME = "Amina Secret-Sender"
SECRET_EMAIL = "amina.sender@private.example.org"


@pytest.fixture
def full_content(module_full_content, db):
    # Built once for the module; each test's writes are rolled back after it.
    return module_full_content


def proposal_data(c, **overrides) -> dict:
    data = {
        "city": str(c.city.pk),
        "title": "Night school for domestic workers",
        "summary": "Evening classes where domestic workers learn about their rights.",
        "description": "Run twice a week.\n\nTaught by volunteers & lawyers.",
        "themes": [str(Theme.objects.get(slug="rights-and-legal-status").pk)],
        "target_groups": [str(TargetGroup.objects.get(slug="mothers-and-children").pk)],
        "status": "active",
        "start_year": "2022",
        "contact_name": SECRET_NAME,
        "contact_email": SECRET_EMAIL,
        "contact_consent": "on",
        "reference_code": "",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def correction_data(**overrides) -> dict:
    data = {
        "what_is_wrong": "The practice ended in 2022.",
        "proposed_text": "Status: completed.",
        "contact_name": SECRET_NAME,
        "contact_email": SECRET_EMAIL,
        "contact_consent": "on",
        "reference_code": "",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


class Counts:
    """Rows that a rejected submission must not add."""

    def __init__(self):
        self.before = self.now()

    @staticmethod
    def now() -> tuple[int, int, int]:
        return Submission.objects.count(), Page.objects.count(), Revision.objects.count()

    def unchanged(self) -> bool:
        return self.now() == self.before


# -- The form --------------------------------------------------------------------------------


def test_form_lists_only_published_cities_and_has_a_hidden_trap(client, full_content):
    c = full_content
    CityProfilePageFactory(parent=c.cities, title="Draft town", slug="draft-town", live=False)
    response = client.get(SUBMIT)
    assert response.status_code == 200
    html = html_of(response)
    assert "Sousse" in html and "Turin" in html
    assert "Draft town" not in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert '<div class="form-trap" aria-hidden="true">' in html
    assert "Leave this field empty" in html
    assert 'tabindex="-1"' in html


def test_home_page_and_footer_link_to_the_form_and_practice_pages_to_corrections(
    client, full_content
):
    c = full_content
    home = html_of(client.get("/"))
    assert home.count(f'href="{SUBMIT}"') >= 2  # the civil-society card and the footer
    practice = html_of(client.get(c.practice.url))
    assert f'href="{SUBMIT}?correction={c.practice.pk}"' in practice
    assert "Suggest a correction" in practice


def test_form_page_queries_do_not_grow_with_the_cities(client, full_content):
    c = full_content
    before = count_queries(client, SUBMIT)
    for i in range(5):
        CityProfilePageFactory(parent=c.cities, title=f"Extra city {i}", slug=f"extra-{i}")
    assert count_queries(client, SUBMIT) == before


# -- A proposal, end to end --------------------------------------------------------------------


def test_proposal_creates_a_draft_in_moderation_and_keeps_the_submission(client, full_content):
    c = full_content
    response = client.post(SUBMIT, proposal_data(c))
    assert response.status_code == 302
    assert response["Location"] == THANKS

    submission = Submission.objects.get()
    assert submission.kind == "proposal"
    assert submission.status == "new"
    assert submission.city.specific == c.city
    assert (submission.contact_name, submission.contact_email) == (SECRET_NAME, SECRET_EMAIL)
    assert submission.contact_consent is True
    assert [t.slug for t in submission.themes.all()] == ["rights-and-legal-status"]
    assert [g.slug for g in submission.target_groups.all()] == ["mothers-and-children"]
    assert submission.start_year == 2022

    page = PracticePage.objects.get(title="Night school for domestic workers")
    assert submission.practice_id == page.pk
    assert page.live is False
    assert page.get_parent().specific == c.city
    assert page.status == "active" and page.start_year == 2022
    assert [t.slug for t in page.themes.all()] == ["rights-and-legal-status"]
    assert [g.slug for g in page.target_groups.all()] == ["mothers-and-children"]
    # Plain text becomes escaped paragraphs.
    assert page.description == "<p>Run twice a week.</p><p>Taught by volunteers &amp; lawyers.</p>"
    assert page.provenance_note.startswith("Proposed through the public form on ")
    # No personal data on the page, in any field or revision.
    latest = page.get_latest_revision()
    assert latest is not None
    # The draft's revision carries the proposed terms, so the reviewer's preview shows them.
    assert latest.as_object().themes.all()[0].slug == "rights-and-legal-status"
    for text in (str(latest.content), page.provenance_note, page.contact_email):
        assert SECRET_NAME not in text and SECRET_EMAIL not in text

    # In the moderation workflow the page's tree gives it, waiting for a reviewer.
    workflow = page.get_workflow()
    assert workflow is not None
    state = page.current_workflow_state
    assert state is not None and state.workflow_id == workflow.pk
    assert state.status == "in_progress" and state.requested_by is None
    assert state.current_task_state is not None


@pytest.mark.parametrize("name", BASICS)
def test_a_practice_and_a_proposal_declare_their_basics_once(name):
    # Same kind, labels, choices and checks: what the public proposes fits the practice made
    # of it, and a change to one is a change to both.
    page_field, proposed_field = (
        model._meta.get_field(name) for model in (PracticePage, Submission)
    )
    assert type(page_field) is type(proposed_field)
    assert page_field.deconstruct()[1:] == proposed_field.deconstruct()[1:]
    assert page_field.model is PracticePage and proposed_field.model is Submission


def test_thank_you_page_reveals_nothing(client, full_content):
    c = full_content
    response = client.post(SUBMIT, proposal_data(c), follow=True)
    assert response.status_code == 200
    page = PracticePage.objects.get(title="Night school for domestic workers")
    html = html_of(response)
    text = visible_text(response)
    assert "Thank you" in text
    for secret in ("Night school", "Evening classes", SECRET_NAME, SECRET_EMAIL, c.city.title):
        assert secret not in html
    assert str(page.pk) not in response.request["PATH_INFO"]
    assert response.redirect_chain == [(THANKS, 302)]


def test_proposed_draft_is_not_public_nor_searchable(client, full_content):
    c = full_content
    client.post(SUBMIT, proposal_data(c))
    page = PracticePage.objects.get(title="Night school for domestic workers")
    call_command("search_index", "rebuild", verbosity=0)

    assert client.get(f"{c.city.url}{page.slug}/").status_code == 404
    assert "Night school" not in html_of(client.get(c.city.url))
    found = client.get("/api/search/", {"q": "Night school"}).json()
    assert found["total"] == 0
    search_page = visible_text(client.get("/search/", {"q": "Night school"}))
    assert "Nothing matches" in search_page and "Evening classes" not in search_page
    # The search itself works: the published practice is found.
    assert client.get("/api/search/", {"q": "associations"}).json()["total"] >= 1


def test_personal_data_never_reaches_public_pages_api_or_csv(client, full_content):
    c = full_content
    client.post(SUBMIT, proposal_data(c))
    client.post(f"{SUBMIT}?correction={c.practice.pk}", correction_data())
    call_command("search_index", "rebuild", verbosity=0)
    urls = [
        "/",
        c.city.url,
        c.practice.url,
        c.cities.url,
        "/search/?q=Amina",
        "/api/search/?q=Amina",
        "/api/search/export.csv?type=practice",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert SECRET_NAME not in body and SECRET_EMAIL not in body, url
        assert "The practice ended in 2022" not in body, url


def test_proposal_without_contact_needs_no_consent(client, full_content):
    c = full_content
    data = proposal_data(c, contact_name="", contact_email="", contact_consent=None)
    assert client.post(SUBMIT, data).status_code == 302
    submission = Submission.objects.get()
    assert (submission.contact_name, submission.contact_email) == ("", "")
    assert submission.contact_consent is False


def test_proposal_title_taken_in_the_city_gets_a_free_slug(client, full_content):
    c = full_content
    PracticePageFactory(
        parent=c.city, title="Night school", slug="night-school-for-domestic-workers"
    )
    assert client.post(SUBMIT, proposal_data(c)).status_code == 302
    page = PracticePage.objects.get(title="Night school for domestic workers")
    assert page.slug != "night-school-for-domestic-workers"
    assert page.slug.startswith("night-school-for-domestic-workers")


# -- A correction -----------------------------------------------------------------------------


def test_correction_is_stored_for_the_city_and_leaves_the_page_alone(client, full_content):
    c = full_content
    url = f"{SUBMIT}?correction={c.practice.pk}"
    form = client.get(url)
    assert form.status_code == 200
    assert c.practice.title in visible_text(form)
    pages_before = Page.objects.count()
    revisions_before = Revision.objects.count()

    response = client.post(url, correction_data())
    assert response.status_code == 302 and response["Location"] == THANKS

    submission = Submission.objects.get()
    assert submission.kind == "correction" and submission.status == "new"
    assert submission.practice.specific == c.practice
    assert submission.city.specific == c.city
    assert submission.what_is_wrong == "The practice ended in 2022."
    assert Page.objects.count() == pages_before
    assert Revision.objects.count() == revisions_before
    c.practice.refresh_from_db()
    assert c.practice.status == "completed" and c.practice.live


@pytest.mark.parametrize("value", ["abc", "-3", "0", "1.5", "", "9" * 30])
def test_malformed_correction_id_is_a_400_and_stores_nothing(client, full_content, value):
    counts = Counts()
    response = client.get(SUBMIT, {"correction": value})
    assert response.status_code == 400
    assert "does not name a practice" in visible_text(response)
    response = client.post(f"{SUBMIT}?correction={value}", correction_data())
    assert response.status_code == 400
    assert counts.unchanged()


def test_correction_of_an_unknown_or_draft_practice_is_a_404(client, full_content):
    c = full_content
    draft = PracticePageFactory(parent=c.city, title="Unpublished", slug="unpublished", live=False)
    counts = Counts()
    for practice_id in (999999, draft.pk, c.city.pk):
        assert client.get(SUBMIT, {"correction": practice_id}).status_code == 404
        response = client.post(f"{SUBMIT}?correction={practice_id}", correction_data())
        assert response.status_code == 404
    assert counts.unchanged()


# -- Rejections: each one stores nothing ------------------------------------------------------


def test_honeypot_is_answered_like_success_and_stores_nothing(client, full_content):
    c = full_content
    counts = Counts()
    response = client.post(SUBMIT, proposal_data(c, reference_code="http://spam.example"))
    assert response.status_code == 302 and response["Location"] == THANKS
    response = client.post(
        f"{SUBMIT}?correction={c.practice.pk}", correction_data(reference_code="x")
    )
    assert response.status_code == 302
    assert counts.unchanged()


def test_rate_limit_per_address_answers_429_and_stores_nothing(client, full_content, settings):
    c = full_content
    settings.SUBMISSION_RATE = "3/h"
    for i in range(3):
        response = client.post(SUBMIT, proposal_data(c, title=f"Practice number {i}"))
        assert response.status_code == 302
    counts = Counts()
    response = client.post(SUBMIT, proposal_data(c, title="One too many"))
    assert response.status_code == 429
    assert "please wait an hour" in visible_text(response)
    response = client.post(f"{SUBMIT}?correction={c.practice.pk}", correction_data())
    assert response.status_code == 429
    assert counts.unchanged()
    # Another address is not limited; reading the form never is.
    assert client.get(SUBMIT).status_code == 200
    other = client.post(SUBMIT, proposal_data(c, title="From elsewhere"), REMOTE_ADDR="10.1.2.3")
    assert other.status_code == 302


def _redis_answers() -> bool:
    import socket

    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
        return True
    except OSError:
        return False


@pytest.mark.skipif(not _redis_answers(), reason="no Redis on 127.0.0.1:6379")
def test_rate_limit_holds_on_the_redis_cache_production_uses(client, full_content, settings):
    # Production shares one Redis between workers (REDIS_URL); the limit must count there.
    import uuid

    from django.core.cache import caches

    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/15",  # a database of its own: clear() empties it
            "KEY_PREFIX": f"exchange-test-{uuid.uuid4().hex}",
        }
    }
    settings.SUBMISSION_RATE = "1/h"
    c = full_content
    try:
        assert client.post(SUBMIT, proposal_data(c, title="First")).status_code == 302
        counts = Counts()
        assert client.post(SUBMIT, proposal_data(c, title="Second")).status_code == 429
        assert counts.unchanged()
        assert caches["default"]._cache.get_client().dbsize() > 0  # the count lived in Redis
    finally:
        caches["default"].clear()


def test_rate_limit_counts_the_address_the_local_proxy_saw(client, full_content, settings):
    c = full_content
    settings.SUBMISSION_RATE = "1/h"
    proxy = {"REMOTE_ADDR": "127.0.0.1"}
    first = client.post(
        SUBMIT, proposal_data(c, title="First"), HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy
    )
    assert first.status_code == 302
    again = client.post(
        SUBMIT, proposal_data(c, title="Again"), HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy
    )
    assert again.status_code == 429
    other = client.post(
        SUBMIT, proposal_data(c, title="Other"), HTTP_X_FORWARDED_FOR="203.0.113.9", **proxy
    )
    assert other.status_code == 302


@pytest.mark.parametrize(
    ("field", "length"),
    [("title", 201), ("summary", 1001), ("description", 10001), ("contact_name", 201)],
)
def test_oversized_proposal_fields_are_refused(client, full_content, field, length):
    c = full_content
    counts = Counts()
    response = client.post(SUBMIT, proposal_data(c, **{field: "x" * length}))
    assert response.status_code == 400
    assert "Ensure this value has at most" in visible_text(response)
    assert counts.unchanged()


@pytest.mark.parametrize(("field", "length"), [("what_is_wrong", 5001), ("proposed_text", 10001)])
def test_oversized_correction_fields_are_refused(client, full_content, field, length):
    c = full_content
    counts = Counts()
    response = client.post(
        f"{SUBMIT}?correction={c.practice.pk}", correction_data(**{field: "x" * length})
    )
    assert response.status_code == 400
    assert counts.unchanged()


def test_html_is_stripped_shown_back_and_nothing_stored_until_sent_again(client, full_content):
    c = full_content
    counts = Counts()
    data = proposal_data(
        c,
        title="<b>Night school</b> for domestic workers",
        summary='Classes <script>alert("x")</script>on rights.',
    )
    response = client.post(SUBMIT, data)
    assert response.status_code == 400
    assert counts.unchanged()
    html = html_of(response)
    assert "We removed HTML code from this text" in visible_text(response)
    assert "<script>" not in html and "&lt;script&gt;" not in html
    assert 'value="Night school for domestic workers"' in html
    assert "Classes alert(&quot;x&quot;)on rights.</textarea>" in html

    # Sent again as shown, it is accepted, and only plain text is stored.
    data.update(title="Night school for domestic workers", summary='Classes alert("x")on rights.')
    assert client.post(SUBMIT, data).status_code == 302
    submission = Submission.objects.get()
    assert "<" not in submission.title + submission.summary
    page = PracticePage.objects.get(pk=submission.practice_id)
    assert "<script" not in page.summary and "<b>" not in page.title


def test_html_in_a_correction_is_refused_too(client, full_content):
    c = full_content
    counts = Counts()
    response = client.post(
        f"{SUBMIT}?correction={c.practice.pk}",
        correction_data(what_is_wrong='<a href="http://x.example">Wrong</a> date'),
    )
    assert response.status_code == 400
    assert "We removed HTML code" in visible_text(response)
    assert counts.unchanged()


def test_contact_without_consent_is_refused(client, full_content):
    c = full_content
    counts = Counts()
    response = client.post(SUBMIT, proposal_data(c, contact_consent=None))
    assert response.status_code == 400
    assert "Tick this box to let us keep your contact details" in visible_text(response)
    only_email = correction_data(contact_name="", contact_consent=None)
    response = client.post(f"{SUBMIT}?correction={c.practice.pk}", only_email)
    assert response.status_code == 400
    assert counts.unchanged()


@pytest.mark.parametrize(
    "overrides",
    [
        {"city": "999999"},
        {"city": "abc"},
        {"title": ""},
        {"summary": "   "},
        {"status": "forever"},
        {"start_year": "1800"},
        {"start_year": "next year"},
        {"themes": ["999999"]},
        # Beyond 64 bits: SQLite raised OverflowError (a 500) before these were checked.
        {"city": "99999999999999999999"},
        {"themes": ["99999999999999999999"]},
        {"target_groups": ["-99999999999999999999"]},
        {"contact_email": "not-an-address"},
        {"title": "Null\x00byte"},
    ],
)
def test_bad_proposals_are_400_with_a_message_and_store_nothing(client, full_content, overrides):
    c = full_content
    counts = Counts()
    response = client.post(SUBMIT, proposal_data(c, **overrides))
    assert response.status_code == 400
    assert "Please check what you entered" in visible_text(response)
    assert counts.unchanged()


def test_draft_city_cannot_be_chosen(client, full_content):
    c = full_content
    draft = CityProfilePageFactory(parent=c.cities, title="Hidden", slug="hidden", live=False)
    counts = Counts()
    assert client.post(SUBMIT, proposal_data(c, city=str(draft.pk))).status_code == 400
    assert counts.unchanged()


def test_csrf_is_enforced(full_content):
    c = full_content
    strict = Client(enforce_csrf_checks=True)
    counts = Counts()
    assert strict.post(SUBMIT, proposal_data(c)).status_code == 403
    assert counts.unchanged()


def test_only_get_and_post(client, full_content):
    assert client.put(SUBMIT).status_code == 405
    assert client.post(THANKS).status_code == 405


# -- Who sees submissions in the admin ----------------------------------------------------------


def refused(response) -> bool:
    """Wagtail's admin answers a refusal with a redirect to the dashboard and a message."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def make_user(username: str, *groups: Group):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@city.example.org", password="pw"
    )
    user.groups.add(*groups)
    return user


@pytest.fixture
def moderator(db):
    group, _ = Group.objects.get_or_create(name="Moderators")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_submission"),
        Permission.objects.get(codename="change_submission"),
    )
    return make_user("moderator", group)


def test_moderators_see_submissions_with_contact_details(client, full_content, moderator):
    c = full_content
    client.post(SUBMIT, proposal_data(c))
    submission = Submission.objects.get()
    client.force_login(moderator)
    listing = client.get(reverse("submissions:index"))
    assert listing.status_code == 200
    assert "Night school for domestic workers" in html_of(listing)
    edit = client.get(reverse("submissions:edit", args=[submission.pk]))
    assert edit.status_code == 200
    assert SECRET_EMAIL in html_of(edit)
    response = client.post(
        reverse("submissions:edit", args=[submission.pk]),
        {"status": "accepted", "review_note": "Checked with the city."},
    )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == "accepted"
    assert refused(client.get(reverse("submissions:add")))


def test_city_editors_see_their_corrections_without_personal_data(client, full_content):
    c = full_content
    client.post(f"{SUBMIT}?correction={c.practice.pk}", correction_data())
    correction = Submission.objects.get()
    sousse = make_user("sousse-editor", city_editors_group(c.city))
    turin = make_user("turin-editor", city_editors_group(c.peer))

    client.force_login(sousse)
    assert refused(client.get(reverse("submissions:index")))
    assert refused(client.get(reverse("submissions:edit", args=[correction.pk])))
    listing = client.get(reverse("corrections:index"))
    assert listing.status_code == 200
    assert c.practice.title in visible_text(listing)
    edit = client.get(reverse("corrections:edit", args=[correction.pk]))
    assert edit.status_code == 200
    assert "The practice ended in 2022" in html_of(edit)
    assert SECRET_EMAIL not in html_of(edit) and SECRET_NAME not in html_of(edit)
    inspect = client.get(reverse("corrections:inspect", args=[correction.pk]))
    assert inspect.status_code == 200
    assert SECRET_EMAIL not in html_of(inspect)
    response = client.post(
        reverse("corrections:edit", args=[correction.pk]), {"status": "declined"}
    )
    assert response.status_code == 302
    correction.refresh_from_db()
    assert correction.status == "declined"

    client = Client()
    client.force_login(turin)
    listing = client.get(reverse("corrections:index"))
    assert listing.status_code == 200
    assert c.practice.title not in visible_text(listing)
    # Turin's empty list speaks of corrections, not of the public submissions it reads.
    assert "There are no corrections to display" in visible_text(listing)
    assert "public submissions" not in visible_text(listing)
    for view in ("edit", "inspect", "history", "delete"):
        url = reverse(f"corrections:{view}", args=[correction.pk])
        assert refused(client.get(url)), view


def test_people_without_a_role_see_no_submissions(client, full_content):
    c = full_content
    client.post(SUBMIT, proposal_data(c))
    nobody = make_user("nobody")
    nobody.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(nobody)
    assert refused(client.get(reverse("submissions:index")))
    assert refused(client.get(reverse("corrections:index")))
