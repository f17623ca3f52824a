"""The resource library: listing and filters, resource pages, links both ways, uploads, search."""

from __future__ import annotations

import datetime
import io
import re
from html import unescape
from types import SimpleNamespace
from urllib.parse import urlencode

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import QueryDict
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from dialogues.models import DialogueResource
from practices.models import PracticeResource
from resources.models import ResourceCity, ResourceLanguage, ResourcePage
from search import index
from search.models import FacetValue, SearchDocument
from search.query import parse
from search.results import run
from taxonomy.models import Region, Theme

from .factories import (
    CityProfilePageFactory,
    DialoguePageFactory,
    OrganisationFactory,
    PracticePageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
)
from .helpers import count_queries, html_of, visible_text

pytestmark = pytest.mark.django_db

Document = get_document_model()
Image = get_image_model()

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def png() -> bytes:
    """A valid 1x1 PNG."""
    buffer = io.BytesIO()
    PILImage.new("RGB", (1, 1), "white").save(buffer, format="PNG")
    return buffer.getvalue()


PNG = png()


def theme(slug: str) -> Theme:
    return Theme.objects.get(slug=slug)


def languages(*codes: str) -> list[ResourceLanguage]:
    return [ResourceLanguage(language=code, sort_order=i) for i, code in enumerate(codes)]


def make_document(title: str, collection: Collection | None = None) -> Document:
    document = Document(
        title=title,
        file=ContentFile(PDF, name=f"{title.lower().replace(' ', '-')}.pdf"),
        collection=collection or Collection.get_first_root_node(),
    )
    document.file_size = len(PDF)
    document.save()
    return document


def restricted_collection() -> Collection:
    collection = Collection.get_first_root_node().add_child(name="Coordinators only")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return collection


@pytest.fixture
def library(site_tree) -> SimpleNamespace:
    t = site_tree
    index_page = ResourceIndexPageFactory(parent=t.home)
    habitat = OrganisationFactory(name="UN-Habitat", acronym="UN-Habitat", kind="un-agency")
    uclg = OrganisationFactory(name="United Cities and Local Governments", acronym="UCLG")
    sousse = CityProfilePageFactory(parent=t.cities, title="Sousse", slug="sousse")
    toolkit = ResourcePageFactory(
        parent=index_page,
        title="Toolkit on safe public space",
        slug="safe-public-space",
        kind="toolkit",
        year=2021,
        summary="Steps to map where women feel unsafe, with walks and workshops.",
        publisher=habitat,
        document=make_document("Safe space toolkit"),
        external_url="",
        themes=[theme("safety-and-violence")],
        language_links=languages("fr", "ar"),
        related_cities=[ResourceCity(city=sousse, sort_order=0)],
    )
    report = ResourcePageFactory(
        parent=index_page,
        title="Report on domestic work",
        slug="domestic-work",
        kind="report",
        year=2020,
        summary="How migrant domestic workers reach municipal services.",
        publisher=uclg,
        external_url="https://reports.example.org/domestic-work",
        themes=[theme("economic-empowerment")],
        language_links=languages("en"),
    )
    guide = ResourcePageFactory(
        parent=index_page,
        title="Guide to migrants' councils",
        slug="migrants-councils",
        kind="guide",
        year=2019,
        summary="Setting up a municipal council where migrant women have seats.",
        themes=[theme("inclusion-and-participation")],
        language_links=languages("pt", "en"),
    )
    draft = ResourcePageFactory(
        parent=index_page,
        title="Unfinished checklist",
        slug="unfinished",
        live=False,
        language_links=languages("en"),
    )
    private = ResourcePageFactory(
        parent=index_page,
        title="Internal briefing",
        slug="internal-briefing",
        language_links=languages("en"),
    )
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    return SimpleNamespace(
        **vars(t),
        index=index_page,
        habitat=habitat,
        sousse=sousse,
        toolkit=toolkit,
        report=report,
        guide=guide,
        draft=draft,
        private=private,
    )


def listed(response) -> list[str]:
    """The titles of the resource cards, in page order."""
    titles = re.findall(r'class="card__title"><a href="[^"]*">([^<]*)</a>', html_of(response))
    return [unescape(t) for t in titles]


def get(client, **params):
    return client.get("/resources/?" + urlencode(params, doseq=True))


# --- the library -------------------------------------------------------------------------


def test_lists_public_resources_newest_first(client, library):
    response = client.get("/resources/")
    assert response.status_code == 200
    assert listed(response) == [
        "Toolkit on safe public space",
        "Report on domestic work",
        "Guide to migrants' councils",
    ]
    text = visible_text(response)
    assert "3 resources" in text
    assert "Unfinished checklist" not in text and "Internal briefing" not in text
    # Each card says what it is, who published it, when, and in which languages.
    assert "Toolkit · UN-Habitat · 2021" in text
    assert "French, Arabic" in text


def test_library_is_in_the_main_navigation(client, library):
    html = html_of(client.get("/"))
    assert re.search(r'<nav class="primary-nav".*href="/resources/"', html, re.S)


@pytest.mark.parametrize(
    "params,expected",
    [
        ({"theme": "safety-and-violence"}, ["Toolkit on safe public space"]),
        ({"kind": "report"}, ["Report on domestic work"]),
        ({"language": "en"}, ["Report on domestic work", "Guide to migrants' councils"]),
        ({"language": "ar"}, ["Toolkit on safe public space"]),
        ({"year": "2019"}, ["Guide to migrants' councils"]),
        ({"kind": "guide", "language": "pt", "year": "2019"}, ["Guide to migrants' councils"]),
        ({"theme": "inclusion-and-participation", "language": "fr"}, []),
    ],
)
def test_filters(client, library, params, expected):
    response = get(client, **params)
    assert response.status_code == 200
    assert listed(response) == expected
    text = visible_text(response)
    if expected:
        assert f"{len(expected)} resource" in text and "match" in text
    else:
        assert "No resource matches these filters." in text


def test_the_filters_offer_only_what_exists(client, library):
    html = html_of(client.get("/resources/"))
    years = re.findall(r'<option value="(\d{4})"', html)
    assert years == ["2021", "2020", "2019"]  # the draft's and the private page's too: 2021
    assert '<option value="ar">Arabic</option>' in html
    assert '<label for="id_language">Language</label>' in html


@pytest.mark.parametrize(
    "params,field",
    [
        ({"theme": "no-such-theme"}, "Challenge"),
        ({"kind": "video"}, "Kind"),
        ({"language": "de"}, "Language"),  # a real language, not one the library knows
        ({"language": "<script>"}, "Language"),
        ({"year": "1999"}, "Year"),
        ({"year": "twenty"}, "Year"),
        ({"page": "0"}, "Page"),
        ({"page": "x"}, "Page"),
    ],
)
def test_bad_parameters_are_a_400_with_a_message(client, library, params, field):
    response = get(client, **params)
    assert response.status_code == 400
    text = visible_text(response)
    assert "The filters could not be applied" in text
    assert f"{field}:" in text
    assert "<script>" not in html_of(response).split("<main", 1)[1].replace("&lt;script&gt;", "")
    # The library is still there, unfiltered.
    assert len(listed(response)) == 3


def test_pagination_keeps_the_filters(client, library):
    for i in range(30):
        ResourcePageFactory(
            parent=library.index,
            title=f"Leaflet {i:02}",
            kind="guide",
            year=2018,
            language_links=languages("es"),
        )
    first = get(client, language="es")
    assert len(listed(first)) == 24
    assert "30 resources match the filters" in visible_text(first)
    assert 'href="?language=es&amp;page=2"' in html_of(first)
    second = get(client, language="es", page=2)
    assert second.status_code == 200
    assert listed(second) == [f"Leaflet {i:02}" for i in range(24, 30)]
    # Past the last page: the last page, not an error.
    assert listed(get(client, language="es", page=9)) == listed(second)


def test_empty_library(client, site_tree):
    ResourceIndexPageFactory(parent=site_tree.home)
    response = client.get("/resources/")
    assert response.status_code == 200
    assert "No resources have been published yet." in visible_text(response)


def test_unpublished_library_hides_its_resources(client, library):
    library.index.unpublish()
    assert client.get("/resources/").status_code == 404
    assert client.get(library.toolkit.url).status_code == 404
    assert "/resources/" not in html_of(client.get("/"))


# --- a resource --------------------------------------------------------------------------


def test_resource_page_shows_what_it_is_and_where_to_get_it(client, library):
    response = client.get("/resources/safe-public-space/")
    assert response.status_code == 200
    text = visible_text(response)
    for expected in [
        "Toolkit on safe public space",
        "Steps to map where women feel unsafe",
        "Published by UN-Habitat",
        "Year 2021",
        "Languages French, Arabic",
        "Safety and violence" if False else theme("safety-and-violence").name,
        "Sousse",
        "PDF",
    ]:
        assert expected in text
    html = html_of(response)
    assert f'href="{library.toolkit.document.url}"' in html
    assert 'href="/cities/sousse/"' in html
    assert "publisher" not in text.split("Published by")[0]  # no link elsewhere


def test_resource_elsewhere_links_out(client, library):
    response = client.get("/resources/domestic-work/")
    assert response.status_code == 200
    html = html_of(response)
    assert 'href="https://reports.example.org/domestic-work" rel="external"' in html
    assert "Read it on the publisher" in visible_text(response)
    assert "/documents/" not in html


def test_draft_and_private_resources_are_not_served(client, library):
    assert client.get("/resources/unfinished/").status_code == 404
    response = client.get("/resources/internal-briefing/")
    assert response.status_code == 302 and "/login" in response["Location"]


def test_document_in_a_restricted_collection_is_never_linked(client, library):
    document = make_document("Internal notes", restricted_collection())
    ResourcePage.objects.filter(pk=library.guide.pk).update(document=document, external_url="")
    for url in ("/resources/migrants-councils/", "/resources/"):
        html = html_of(client.get(url))
        assert document.url not in html
        assert "internal-notes" not in html
    assert "This resource is not available to the public online." in visible_text(
        client.get("/resources/migrants-councils/")
    )
    # The public document of another resource is still linked.
    assert library.toolkit.document.url in html_of(client.get("/resources/"))


# --- linked from practices and dialogues, and back ------------------------------------------


@pytest.fixture
def citations(library):
    c = library
    practice = PracticePageFactory(
        parent=c.sousse,
        title="Safety walks with migrant women",
        slug="safety-walks",
        resource_links=[
            PracticeResource(resource=c.toolkit, sort_order=0),
            PracticeResource(resource=c.draft, sort_order=1),
            PracticeResource(resource=c.private, sort_order=2),
            PracticeResource(resource=c.report, sort_order=3),
        ],
    )
    draft_practice = PracticePageFactory(
        parent=c.sousse,
        title="Unpublished practice",
        slug="unpublished-practice",
        live=False,
        resource_links=[PracticeResource(resource=c.toolkit, sort_order=0)],
    )
    dialogue = DialoguePageFactory(
        parent=c.dialogues,
        title="Migrant women in cities",
        slug="migrant-women-in-cities",
        date=datetime.date(2020, 9, 10),
        resource_links=[DialogueResource(resource=c.toolkit, sort_order=0)],
    )
    return SimpleNamespace(
        **vars(c), practice=practice, draft_practice=draft_practice, dialogue=dialogue
    )


def test_practice_shows_its_public_resources_in_order(client, citations):
    c = citations
    response = client.get(c.practice.url)
    assert response.status_code == 200
    text = visible_text(response)
    assert "Related resources" in text
    assert text.index("Toolkit on safe public space") < text.index("Report on domestic work")
    assert "Unfinished checklist" not in text and "Internal briefing" not in text
    assert c.toolkit.document.url in html_of(response)


def test_dialogue_shows_its_resources(client, citations):
    response = client.get(citations.dialogue.url)
    text = visible_text(response)
    assert "Related resources" in text and "Toolkit on safe public space" in text


def test_resource_lists_the_public_practices_and_dialogues_that_cite_it(client, citations):
    c = citations
    response = client.get(c.toolkit.url)
    text = visible_text(response)
    assert "Practices that cite it" in text and "Safety walks with migrant women" in text
    assert "Dialogues that cite it" in text and "Migrant women in cities" in text
    assert "Unpublished practice" not in text
    html = html_of(response)
    assert f'href="{c.practice.url}"' in html and f'href="{c.dialogue.url}"' in html
    # Not cited: no empty sections.
    guide_text = visible_text(client.get(c.guide.url))
    assert "cite it" not in guide_text


def test_pages_without_resources_have_no_resource_section(client, citations):
    other = PracticePageFactory(parent=citations.sousse, title="Other practice")
    assert "Related resources" not in visible_text(client.get(other.url))


# --- queries stay constant ---------------------------------------------------------------


def grow(c, n: int) -> None:
    themes = list(Theme.objects.all())
    for i in range(n):
        city = CityProfilePageFactory(
            parent=c.cities, title=f"Grown city {i}", region=Region.objects.get(slug="europe")
        )
        resource = ResourcePageFactory(
            parent=c.index,
            title=f"Grown resource {i:02}",
            kind=["toolkit", "report", "guide"][i % 3],
            year=2000 + i,
            publisher=OrganisationFactory(name=f"Grown publisher {i}"),
            document=make_document(f"Grown document {i}"),
            themes=themes[: 1 + i % len(themes)],
            language_links=languages("en", "fr", "es"),
            related_cities=[ResourceCity(city=city, sort_order=0)],
        )
        PracticeResource.objects.create(page=c.practice, resource=resource, sort_order=10 + i)
        DialogueResource.objects.create(page=c.dialogue, resource=resource, sort_order=10 + i)
        cited_by = PracticePageFactory(parent=city, title=f"Grown practice {i}")
        PracticeResource.objects.create(page=cited_by, resource=c.toolkit, sort_order=0)
        DialogueResource.objects.create(
            page=DialoguePageFactory(parent=c.dialogues, title=f"Grown dialogue {i}"),
            resource=c.toolkit,
            sort_order=0,
        )
        ResourceCity.objects.create(page=c.toolkit, city=city, sort_order=1 + i)


def test_query_counts_do_not_grow_with_the_library(client, citations):
    c = citations
    urls = {
        "library": "/resources/",
        "filtered": "/resources/?language=fr&kind=toolkit",
        "resource": c.toolkit.url,
        "practice": c.practice.url,
        "dialogue": c.dialogue.url,
    }
    before = {name: count_queries(client, url) for name, url in urls.items()}
    grow(c, 12)
    after = {name: count_queries(client, url) for name, url in urls.items()}
    assert after == before
    assert before["library"] <= 20, before
    # and the grown content is really shown
    assert "Grown practice 11" in visible_text(client.get(c.toolkit.url))
    assert "Grown resource 11" in visible_text(client.get(c.practice.url))


# --- editors -----------------------------------------------------------------------------


def resource_form(**overrides) -> dict:
    data = nested_form_data(
        {
            "title": "Checklist for welcoming desks",
            "slug": "welcoming-desks",
            "kind": "guide",
            "year": 2022,
            "summary": "What a city desk needs to welcome newly arrived women.",
            "document": "",
            "external_url": "https://guides.example.org/desks",
            "publisher": "",
            "related_cities": inline_formset([]),
            "comments": inline_formset([]),
            "licence": "cc-by-4.0",
            "action-publish": "publish",
            **overrides,
        }
    )
    data["languages"] = ["fr", "en"]
    data["themes"] = [str(theme("rights-and-legal-status").pk)]
    return data


def add_resource(admin_client, library, data):
    return admin_client.post(f"/admin/pages/add/resources/resourcepage/{library.index.pk}/", data)


def test_coordinator_publishes_a_resource_from_the_admin(admin_client, client, library):
    response = add_resource(admin_client, library, resource_form())
    if response.status_code != 302:
        pytest.fail(f"not saved: {response.context['form'].errors}")
    resource = ResourcePage.objects.get(slug="welcoming-desks")
    assert resource.live
    assert [link.language for link in resource.language_links.all()] == ["fr", "en"]
    assert "Checklist for welcoming desks" in listed(client.get("/resources/?language=fr"))
    # Published through Wagtail, so the signals indexed it.
    assert SearchDocument.objects.filter(pk=resource.pk, type="resource").exists()
    # The edit form shows the languages ticked.
    edit = html_of(admin_client.get(f"/admin/pages/{resource.pk}/edit/"))
    assert re.search(r'value="fr"[^>]*checked|checked[^>]*value="fr"', edit)


@pytest.mark.parametrize(
    "overrides,message",
    [
        ({"external_url": ""}, "Choose the document, or give the address"),
        ({"kind": "podcast"}, "Select a valid choice"),
        ({"year": 1850}, "greater than or equal to 1900"),
        ({"external_url": "javascript:alert(1)"}, "Enter a valid URL"),
    ],
)
def test_resource_form_refuses_bad_input(admin_client, library, overrides, message):
    response = add_resource(admin_client, library, resource_form(**overrides))
    assert response.status_code == 200
    assert message in unescape(html_of(response))
    assert not ResourcePage.objects.filter(slug="welcoming-desks").exists()


def test_resource_form_requires_a_known_language(admin_client, library):
    data = resource_form()
    data["languages"] = ["de"]
    response = add_resource(admin_client, library, data)
    assert response.status_code == 200
    assert "Select a valid choice" in unescape(html_of(response))
    data["languages"] = []
    assert "This field is required" in html_of(add_resource(admin_client, library, data))
    assert not ResourcePage.objects.filter(slug="welcoming-desks").exists()


def test_resource_form_refuses_a_document_the_public_cannot_fetch(admin_client, library):
    document = make_document("Internal notes", restricted_collection())
    data = resource_form(document=document.pk, external_url="")
    response = add_resource(admin_client, library, data)
    assert response.status_code == 200
    assert "closed to the public" in unescape(html_of(response))
    assert not ResourcePage.objects.filter(slug="welcoming-desks").exists()


def test_editors_can_open_the_resource_pages(admin_client, citations):
    c = citations
    for page in (c.index, c.toolkit, c.practice, c.dialogue):
        assert admin_client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    edit = html_of(admin_client.get(f"/admin/pages/{c.practice.pk}/edit/"))
    assert "Related resources" in edit


# --- uploads -----------------------------------------------------------------------------


def stored(folder: str) -> set[str]:
    """Files in the (in-memory) media storage, which outlives each test's transaction."""
    try:
        return set(default_storage.listdir(folder)[1])
    except FileNotFoundError:
        return set()


def upload_document(admin_client, name: str, content: bytes):
    return admin_client.post(
        "/admin/documents/add/",
        {
            "title": "Uploaded",
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("big.pdf", PDF + b"0" * (20 * 1024 * 1024), "This file is too big"),
        ("page.html", b"<html><body>hi</body></html>", "File extension “html” is not allowed"),
        ("run.exe", b"MZ\x90\x00", "File extension “exe” is not allowed"),
        ("report.pdf", b"<html><script>alert(1)</script></html>", "not a real .pdf file"),
        ("slides.pptx", b"%PDF-1.4 not a zip", "not a real .pptx file"),
        ("data.csv", b"a,b\n\x00\x01\x02", "must be plain text in UTF-8"),
    ],
    ids=["oversized", "html", "exe", "html-as-pdf", "pdf-as-pptx", "binary-csv"],
)
def test_document_upload_refused(admin_client, db, name, content, message):
    files_before = stored("documents")
    response = upload_document(admin_client, name, content)
    assert response.status_code == 200
    assert message in unescape(html_of(response))
    assert Document.objects.count() == 0
    assert stored("documents") == files_before


def test_document_upload_refused_by_the_multiple_uploader(admin_client, db):
    response = admin_client.post(
        "/admin/documents/multiple/add/",
        {
            "files[]": SimpleUploadedFile("report.pdf", b"<html></html>"),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.json()["success"] is False
    assert "not a real .pdf file" in response.json()["error_message"]
    assert Document.objects.count() == 0


@pytest.mark.parametrize(
    "name,content",
    [
        ("toolkit.pdf", PDF),
        ("figures.csv", "city,share\nSão Paulo,50\n".encode()),
        ("notes.txt", "Réunion du comité".encode()),
    ],
)
def test_document_upload_accepted(admin_client, db, name, content):
    files_before = stored("documents")
    response = upload_document(admin_client, name, content)
    assert response.status_code == 302
    document = Document.objects.get()
    assert stored("documents") - files_before == {document.file.name.split("/")[-1]}
    assert document.file.read() == content


def upload_image(admin_client, name: str, content: bytes):
    return admin_client.post(
        "/admin/images/add/",
        {
            "title": "Picture",
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("huge.png", PNG + b"\0" * (10 * 1024 * 1024), "This file is too big"),
        ("drawing.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "Not a supported image"),
        ("photo.png", PDF, "Upload a valid image"),
    ],
    ids=["oversized", "svg", "not-an-image"],
)
def test_image_upload_refused(admin_client, db, name, content, message):
    files_before = stored("original_images")
    response = upload_image(admin_client, name, content)
    assert response.status_code == 200
    assert message in unescape(html_of(response))
    assert Image.objects.count() == 0
    assert stored("original_images") == files_before


def test_image_upload_accepted(admin_client, db):
    assert upload_image(admin_client, "dot.png", PNG).status_code == 302
    assert Image.objects.count() == 1


# --- search ------------------------------------------------------------------------------


def search(qs: str) -> list[str]:
    query, errors = parse(QueryDict(qs))
    assert not errors, errors
    return [hit.title for hit in run(query).hits]


@pytest.fixture
def indexed_library(library):
    index.rebuild()
    return library


def test_search_finds_resources_by_text_and_type(indexed_library):
    assert search("q=public+space") == ["Toolkit on safe public space"]
    assert search("q=UCLG") == ["Report on domestic work"]
    assert sorted(search("type=resource")) == [
        "Guide to migrants' councils",
        "Report on domestic work",
        "Toolkit on safe public space",
    ]
    assert search("type=resource&theme=economic-empowerment") == ["Report on domestic work"]
    assert search("type=resource&city=sousse") == ["Toolkit on safe public space"]
    assert search("type=resource&year_from=2020&year_to=2020") == ["Report on domestic work"]


def test_resource_search_document(indexed_library):
    c = indexed_library
    doc = SearchDocument.objects.get(pk=c.toolkit.pk)
    assert (doc.type, doc.year, doc.language, doc.url) == (
        "resource",
        2021,
        "fr",
        "/resources/safe-public-space/",
    )
    facets = set(FacetValue.objects.filter(document=doc).values_list("facet", "value"))
    assert facets == {
        ("type", "resource"),
        ("theme", "safety-and-violence"),
        ("city", "sousse"),
        ("country", "TN"),
        ("region", "mena"),
    }


def test_type_facet_counts_resources(client, indexed_library):
    facets = client.get("/api/search/").json()["facets"]
    assert {o["value"]: o["count"] for o in facets["type"]}["resource"] == 3
    labels = {o["value"]: o["label"] for o in facets["type"]}
    assert labels["resource"] == "Resource"


def test_draft_and_private_resources_are_not_searchable(indexed_library):
    c = indexed_library
    assert not SearchDocument.objects.filter(pk__in=[c.draft.pk, c.private.pk]).exists()
    assert "Unfinished checklist" not in search("q=unfinished+checklist")
    assert "Internal briefing" not in search("q=internal+briefing")


def test_search_follows_publishing_and_unpublishing(indexed_library):
    c = indexed_library
    draft = ResourcePage.objects.get(pk=c.draft.pk)
    draft.save_revision().publish()
    assert search("q=unfinished+checklist") == ["Unfinished checklist"]
    draft.refresh_from_db()
    draft.unpublish()
    assert search("q=unfinished+checklist") == []
    # Making a resource private takes it out at once.
    PageViewRestriction.objects.create(page=c.report, restriction_type=PageViewRestriction.LOGIN)
    assert "Report on domestic work" not in search("type=resource")


def test_unpublished_city_is_not_named_by_a_resource(indexed_library):
    c = indexed_library
    c.sousse.unpublish()
    facets = set(FacetValue.objects.filter(document_id=c.toolkit.pk).values_list("facet", "value"))
    assert ("city", "sousse") not in facets
