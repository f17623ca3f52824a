"""A city editor sees, in the admin, what they may edit or the public may see, nothing else.

Sousse's editor against Turin: a draft and a login-restricted practice of Turin must not
give their titles away in the page chooser, the explorer, the move and bulk-action
confirmations; documents of a restricted collection must not appear in the document
chooser, nor may the editor upload into that collection. Their own work is untouched.
"""

from __future__ import annotations

import html
import json
from types import SimpleNamespace

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from .factories import PracticePageFactory

DRAFT_TITLE = "Zanzibar draft of Turin"
PRIVATE_TITLE = "Quetzal private practice of Turin"
SECRET_DOC = "Xylophone board minutes"
SECRET_FILE = "xylophone-board-minutes"
PUBLIC_DOC = "Open annual report"
PDF = b"%PDF-1.4\n%%EOF\n"
SECRETS = (DRAFT_TITLE, PRIVATE_TITLE)


def make_document(title: str, collection: Collection) -> Document:
    doc = Document(
        title=title,
        file=ContentFile(PDF, name=f"{title.lower().replace(' ', '-')}.pdf"),
        collection=collection,
    )
    doc.file_size = len(PDF)
    doc.save()
    return doc


@pytest.fixture
def w(roles) -> SimpleNamespace:
    draft = PracticePageFactory(parent=roles.peer, title=DRAFT_TITLE, slug="zanzibar", live=False)
    private = PracticePageFactory(parent=roles.peer, title=PRIVATE_TITLE, slug="quetzal")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    public_turin = PracticePageFactory(parent=roles.peer, title="Open Turin practice", slug="open")
    own_draft = PracticePageFactory(
        parent=roles.city, title="Sousse own unfinished draft", slug="own-draft", live=False
    )
    root = Collection.get_first_root_node()
    closed = root.add_child(name="Board")
    CollectionViewRestriction.objects.create(
        collection=closed, restriction_type=CollectionViewRestriction.LOGIN
    )
    return SimpleNamespace(
        **vars(roles),
        draft=draft,
        private=private,
        public_turin=public_turin,
        own_draft=own_draft,
        closed=closed,
        secret_doc=make_document(SECRET_DOC, closed),
        public_doc=make_document(PUBLIC_DOC, root),
    )


def text_of(response) -> str:
    """The page's text, from an HTML page or a chooser's JSON, with entities decoded."""
    body = response.content.decode()
    if response.get("Content-Type", "").startswith("application/json"):
        body = json.loads(body).get("html", "")
    return html.unescape(body)


def assert_no_secret(response) -> None:
    text = text_of(response)
    for secret in SECRETS:
        assert secret not in text, response.request["PATH_INFO"]


def editor(client, w):
    client.force_login(w.sousse_editor)
    return client


# -- Page chooser ---------------------------------------------------------------------------


def test_chooser_browse_of_another_city_hides_its_draft_and_private_pages(client, w):
    response = editor(client, w).get(f"/admin/choose-page/{w.peer.pk}/")
    assert response.status_code == 200
    assert_no_secret(response)
    assert "Open Turin practice" in text_of(response)


@pytest.mark.parametrize("query", ["Zanzibar", "Quetzal", "Turin"])
def test_chooser_search_hides_drafts_and_private_pages(client, w, query):
    response = editor(client, w).get("/admin/choose-page/search/", {"q": query})
    assert response.status_code == 200
    assert_no_secret(response)


def test_chooser_browse_into_a_hidden_page_is_not_found(client, w):
    for page in (w.draft, w.private):
        response = editor(client, w).get(f"/admin/choose-page/{page.pk}/")
        assert response.status_code == 404
        assert_no_secret(response)


def test_editor_still_browses_down_to_and_chooses_own_and_public_pages(client, w):
    client = editor(client, w)
    for parent in (w.root, w.home, w.cities):
        assert client.get(f"/admin/choose-page/{parent.pk}/").status_code == 200
    assert w.city.title in text_of(client.get(f"/admin/choose-page/{w.cities.pk}/"))
    own = text_of(client.get(f"/admin/choose-page/{w.city.pk}/"))
    assert w.own_draft.title in own and w.practice.title in own
    found = text_of(client.get("/admin/choose-page/search/", {"q": "unfinished"}))
    assert w.own_draft.title in found
    found = text_of(client.get("/admin/choose-page/search/", {"q": "Open Turin"}))
    assert "Open Turin practice" in found


def test_coordinator_still_sees_everything_in_the_chooser(client, w):
    client.force_login(w.coordinator)
    text = text_of(client.get(f"/admin/choose-page/{w.peer.pk}/"))
    assert DRAFT_TITLE in text and PRIVATE_TITLE in text


# -- Explorer, per-page views, move, bulk actions -----------------------------------------


@pytest.mark.parametrize(
    "view",
    [
        "/admin/pages/{pk}/",
        "/admin/pages/{pk}/history/",
        "/admin/pages/{pk}/edit/",
        "/admin/pages/{pk}/move/",
        "/admin/pages/{pk}/revisions/",
        "/admin/pages/{pk}/usage/",
    ],
)
def test_admin_views_of_a_hidden_page_are_not_found(client, w, view):
    client = editor(client, w)
    for page in (w.draft, w.private):
        response = client.get(view.format(pk=page.pk))
        assert response.status_code == 404, view
        assert_no_secret(response)


def test_move_confirmation_to_or_of_a_hidden_page_is_not_found(client, w):
    client = editor(client, w)
    into_hidden = client.get(f"/admin/pages/{w.practice.pk}/move/{w.draft.pk}/confirm/")
    assert into_hidden.status_code == 404
    assert_no_secret(into_hidden)
    of_hidden = client.get(f"/admin/pages/{w.private.pk}/move/{w.city.pk}/confirm/")
    assert of_hidden.status_code == 404
    assert_no_secret(of_hidden)


@pytest.mark.parametrize("action", ["delete", "move", "publish", "unpublish"])
def test_bulk_action_confirmations_do_not_name_hidden_pages(client, w, action):
    client = editor(client, w)
    url = f"/admin/bulk/wagtailcore/page/{action}/"
    named = client.get(url, {"id": [w.draft.pk, w.private.pk]})
    assert named.status_code == 404
    assert_no_secret(named)
    for every in ({"childOf": w.peer.pk}, {"childOf": w.cities.pk, "q": "Turin"}, {}):
        response = client.get(url, {"id": "all", **every})
        assert response.status_code == 404, every
        assert_no_secret(response)


def test_editor_keeps_explorer_moves_and_bulk_actions_in_own_city(client, w):
    client = editor(client, w)
    explorer = client.get(f"/admin/pages/{w.city.pk}/")
    assert explorer.status_code == 200
    assert w.own_draft.title in text_of(explorer)
    assert client.get(f"/admin/pages/{w.own_draft.pk}/edit/").status_code == 200
    move = client.get(f"/admin/pages/{w.own_draft.pk}/move/{w.city.pk}/confirm/")
    assert move.status_code == 200
    bulk = client.get("/admin/bulk/wagtailcore/page/delete/", {"id": [w.own_draft.pk]})
    assert bulk.status_code == 200
    assert w.own_draft.title in text_of(bulk)


def test_another_citys_public_page_is_still_refused_with_403(client, w):
    # Public pages are no secret: Wagtail's refusal (a 403, exchange/admin_refusals.py) stays.
    assert editor(client, w).get(f"/admin/pages/{w.public_turin.pk}/edit/").status_code == 403


# -- Documents ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url, params",
    [
        ("/admin/documents/chooser/", {}),
        ("/admin/documents/chooser/results/", {}),
        ("/admin/documents/chooser/results/", {"q": "Xylophone"}),
        ("/admin/documents/chooser/results/", {"collection_id": "COLLECTION"}),
    ],
)
def test_document_chooser_hides_restricted_documents(client, w, url, params):
    params = {k: (w.closed.pk if v == "COLLECTION" else v) for k, v in params.items()}
    response = editor(client, w).get(url, params)
    assert response.status_code == 200
    text = text_of(response)
    assert SECRET_DOC not in text and SECRET_FILE not in text
    if not params:
        assert PUBLIC_DOC in text


def test_coordinator_sees_restricted_documents_in_the_chooser(client, w):
    client.force_login(w.coordinator)
    assert SECRET_DOC in text_of(client.get("/admin/documents/chooser/"))


def upload(client, collection: Collection, name: str):
    return client.post(
        "/admin/documents/add/",
        {
            "title": name,
            "file": SimpleUploadedFile(f"{name}.pdf", PDF, content_type="application/pdf"),
            "collection": collection.pk,
        },
    )


def test_editor_cannot_upload_into_a_restricted_collection(client, w):
    response = upload(editor(client, w), w.closed, "smuggled")
    assert response.status_code == 200
    assert "This collection is restricted" in text_of(response)
    assert not Document.objects.filter(title="smuggled").exists()


def test_editor_uploads_into_a_public_collection_and_a_coordinator_anywhere(client, w):
    assert upload(editor(client, w), Collection.get_first_root_node(), "open").status_code == 302
    assert Document.objects.filter(title="open").exists()
    client.force_login(w.coordinator)
    assert upload(client, w.closed, "minutes").status_code == 302
    assert Document.objects.filter(title="minutes", collection=w.closed).exists()


def test_editor_cannot_upload_into_a_restricted_collection_with_the_multiple_uploader(client, w):
    client = editor(client, w)
    response = client.post(
        "/admin/documents/multiple/add/",
        {
            "files[]": SimpleUploadedFile("smuggled.pdf", PDF, content_type="application/pdf"),
            "collection": w.closed.pk,
        },
    )
    assert response.status_code == 200
    # The file is kept aside for the editor to choose another collection (Wagtail's uploader).
    assert "uploaded_file_id" in response.json()
    assert not Document.objects.filter(collection=w.closed).exclude(pk=w.secret_doc.pk).exists()
