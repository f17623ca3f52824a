"""Documents in a restricted collection: served only to those allowed, and never listed.

Wagtail serves documents through its own view (WAGTAILDOCS_SERVE_METHOD = "serve_view"),
which applies the collection's view restrictions: a visitor without the right is sent to
the login page or shown the password form, never the bytes. The file's storage address
(/media/documents/...) is not routed outside DEBUG, and WhiteNoise serves the collected
static files only, so there is no way round the view in production.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import Resolver404, resolve
from django.views.static import serve as static_serve
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction

from exchange.blocks import DocumentsBlock
from exchange.public_documents import public_document_blocks, public_documents

from .helpers import html_of

pytestmark = pytest.mark.django_db

BYTES = b"%PDF-1.4\n% board minutes, not for the public\n%%EOF\n"
PASSWORD = "open sesame"


def closed_collection(kind: str, group: Group | None = None) -> Collection:
    collection = Collection.get_first_root_node().add_child(name=f"Closed by {kind}")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type={
            "login": CollectionViewRestriction.LOGIN,
            "password": CollectionViewRestriction.PASSWORD,
            "group": CollectionViewRestriction.GROUPS,
        }[kind],
        password=PASSWORD if kind == "password" else "",
    )
    if group is not None:
        restriction.groups.set([group])
    return collection


def document(title: str, collection: Collection | None = None) -> Document:
    doc = Document(
        title=title,
        file=ContentFile(BYTES, name=f"{title.lower().replace(' ', '-')}.pdf"),
        collection=collection or Collection.get_first_root_node(),
    )
    doc.file_size = len(BYTES)
    doc.save()
    return doc


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture(autouse=True)
def files_on_disk(settings, tmp_path):
    """Serving reads the file from the disk, as FileSystemStorage does in production (the
    suite's in-memory storage has no files to send)."""
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }


@pytest.fixture
def insiders():
    return Group.objects.create(name="Board")


@pytest.fixture
def reader(django_user_model):
    return django_user_model.objects.create_user(username="reader", password="not-used")


@pytest.fixture
def insider(django_user_model, insiders):
    user = django_user_model.objects.create_user(username="insider", password="not-used")
    user.groups.add(insiders)
    return user


def test_documents_are_served_through_wagtails_view():
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"


@pytest.mark.parametrize("kind", ["login", "group"])
def test_anonymous_visitor_is_sent_to_log_in_not_given_the_file(client, kind, insiders):
    doc = document("Board minutes", closed_collection(kind, insiders))

    response = client.get(doc.url)

    assert response.status_code == 302
    assert urlsplit(response["Location"]).path == "/_util/login/"
    assert BYTES not in body(response)


def test_password_protected_document_shows_the_form_not_the_file(client):
    doc = document("Board minutes", closed_collection("password"))

    response = client.get(doc.url)

    assert response.status_code == 200
    assert 'type="password"' in html_of(response)
    assert BYTES not in response.content
    wrong = client.post(
        f"/documents/authenticate_with_password/{doc.collection.get_view_restrictions()[0].pk}/",
        {"password": "guess", "return_url": doc.url},
    )
    assert BYTES not in wrong.content
    assert BYTES not in body(client.get(doc.url))


def test_the_right_password_gives_the_file(client):
    doc = document("Board minutes", closed_collection("password"))
    restriction = doc.collection.get_view_restrictions()[0]

    client.post(
        f"/documents/authenticate_with_password/{restriction.pk}/",
        {"password": PASSWORD, "return_url": doc.url},
    )
    response = client.get(doc.url)

    assert response.status_code == 200
    assert body(response) == BYTES


def test_signed_in_user_outside_the_group_does_not_get_the_file(client, reader, insiders):
    doc = document("Board minutes", closed_collection("group", insiders))
    client.force_login(reader)

    response = client.get(doc.url)

    assert response.status_code == 302
    assert BYTES not in body(response)


def test_allowed_users_get_the_file(client, reader, insider, insiders):
    for_members = document("Members' notes", closed_collection("login"))
    for_board = document("Board minutes", closed_collection("group", insiders))

    client.force_login(reader)
    assert body(client.get(for_members.url)) == BYTES
    client.force_login(insider)
    assert body(client.get(for_board.url)) == BYTES


def test_the_storage_address_of_a_document_serves_nothing(client):
    """MEDIA_URL is routed only with DEBUG (exchange/urls.py); here, as in production, no
    view serves the file at its storage address."""
    doc = document("Board minutes", closed_collection("login"))
    media_path = settings.MEDIA_URL + doc.file.name
    assert (settings.MEDIA_ROOT / doc.file.name).read_bytes() == BYTES  # it is there

    try:
        view = resolve(media_path).func
    except Resolver404:
        view = None
    assert view is not static_serve
    response = client.get(media_path)
    assert response.status_code == 404
    assert BYTES not in body(response)


def test_whitenoise_serves_static_files_only():
    """WhiteNoise (production) serves STATIC_ROOT and, if set, WHITENOISE_ROOT: neither may
    hold the uploaded media."""
    media = str(settings.MEDIA_ROOT)
    assert str(settings.STATIC_ROOT) != media
    assert not str(settings.STATIC_ROOT).startswith(media)
    assert str(getattr(settings, "WHITENOISE_ROOT", "") or "") != media
    assert not settings.MEDIA_URL.startswith(settings.STATIC_URL)


# -- One way of deciding "public document", applied wherever documents are listed ----------


def test_public_documents_leaves_out_every_restricted_collection_and_those_below(insiders):
    public = document("Annual report")
    closed = closed_collection("login")
    below = closed.add_child(name="Minutes")
    hidden = [
        document("Members' notes", closed),
        document("Old minutes", below),
        document("Board minutes", closed_collection("group", insiders)),
        document("Locked", closed_collection("password")),
    ]

    shown = list(public_documents(Document.objects.all()))

    assert shown == [public]
    stream = DocumentsBlock().to_python(
        [
            {"type": "document", "value": {"document": d.pk, "title": "", "language": ""}}
            for d in [public, *hidden]
        ]
    )
    assert [b.value["document"] for b in public_document_blocks(stream)] == [public]


@pytest.mark.parametrize("page_name", ["city", "dialogue"])
def test_city_and_dialogue_pages_list_only_public_documents(client, full_content, page_name):
    page = getattr(full_content, page_name)
    public = document("Annual report")
    closed = document("Board minutes", closed_collection("login"))
    page.documents = DocumentsBlock().to_python(
        [
            {"type": "document", "value": {"document": d.pk, "title": "", "language": ""}}
            for d in (public, closed)
        ]
    )
    page.save_revision().publish()

    html = html_of(client.get(page.url))

    assert f'href="{public.url}"' in html
    assert closed.url not in html
    assert "Board minutes" not in html


def test_document_section_is_left_out_when_no_document_is_public(client, full_content):
    page = full_content.city
    closed = document("Board minutes", closed_collection("login"))
    page.documents = DocumentsBlock().to_python(
        [
            {
                "type": "document",
                "value": {"document": closed.pk, "title": "Minutes", "language": ""},
            }
        ]
    )
    page.save_revision().publish()

    html = html_of(client.get(page.url))

    assert 'id="documents-heading"' not in html
    assert "Minutes" not in html


def test_rich_text_links_to_a_closed_document_lose_their_address(client, full_content):
    public = document("Annual report")
    closed = document("Board minutes", closed_collection("login"))
    practice = full_content.practice
    practice.description = (
        f'<p><a linktype="document" id="{public.pk}">the report</a> and '
        f'<a linktype="document" id="{closed.pk}">the minutes</a></p>'
    )
    practice.save_revision().publish()

    html = html_of(client.get(practice.url))

    assert f'href="{public.url}"' in html
    assert "the minutes" in html  # the editor's words stay
    assert closed.url not in html
    assert closed.filename not in html
