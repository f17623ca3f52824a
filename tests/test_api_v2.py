"""Wagtail API v2 at /api/v2/: published content with its licence, nothing private."""

from __future__ import annotations

import pytest
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from exchange.licences import Licence

from .factories import OrganisationFactory, PracticePageFactory

PAGES = "/api/v2/pages/"
PRACTICE_TYPE = "?type=practices.PracticePage"
PRACTICES = f"{PAGES}{PRACTICE_TYPE}"


def listed_ids(client, url: str) -> set[int]:
    response = client.get(url)
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


def test_api_lists_published_practices_with_vocabularies_and_licence(client, full_content):
    c = full_content
    url = f"{PRACTICES}&fields=city,themes,status,evidence,partners,licence,tags,last_verified"
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    (item,) = [i for i in response.json()["items"] if i["id"] == c.practice.pk]
    assert item["title"] == c.practice.title
    assert item["meta"]["type"] == "practices.PracticePage"
    assert item["city"] == {"id": c.city.pk, "slug": c.city.slug, "name": c.city.title}
    themes = {(t.slug, t.name) for t in c.practice.themes.all()}
    assert themes, "the fixture practice has themes"
    assert {(t["slug"], t["name"]) for t in item["themes"]} == themes
    assert item["status"] == c.practice.status
    assert item["licence"] == {
        "code": "cc-by-4.0",
        "name": "CC BY 4.0",
        "url": "https://creativecommons.org/licenses/by/4.0/",
    }
    assert [p["name"] for p in item["partners"]] == [c.association.name]


def test_api_detail_shows_public_fields_and_no_provenance_or_moderation(client, full_content):
    c = full_content
    response = client.get(f"{PAGES}{c.practice.pk}/")
    assert response.status_code == 200
    data = response.json()
    assert data["summary"] == c.practice.summary
    assert data["licence"]["code"] == Licence.CC_BY_4
    for hidden in ("source_dialogue", "source_session", "provenance_note", "owner"):
        assert hidden not in data


def test_api_gives_the_licence_chosen_by_the_editor(client, full_content):
    c = full_content
    c.practice.licence = Licence.ALL_RIGHTS_RESERVED
    c.practice.save_revision().publish()
    data = client.get(f"{PAGES}{c.practice.pk}/").json()
    assert data["licence"] == {
        "code": "all-rights-reserved",
        "name": "All rights reserved",
        "url": None,
    }


def test_api_filters_by_field_and_vocabulary_slug(client, full_content):
    c = full_content
    other = PracticePageFactory(parent=c.peer, title="A planned idea", status="planned")
    assert listed_ids(client, f"{PRACTICES}&status=planned") == {other.pk}
    assert c.practice.pk in listed_ids(client, f"{PRACTICES}&status={c.practice.status}")
    theme = c.practice.themes.first()
    assert listed_ids(client, f"{PRACTICES}&themes={theme.slug}") == {c.practice.pk}
    assert listed_ids(client, f"{PRACTICES}&licence=cc0-1.0") == set()
    response = client.get(
        f"{PAGES}?type=cities.CityProfilePage&country={c.city.country}&fields=country,region"
    )
    (city,) = [i for i in response.json()["items"] if i["id"] == c.city.pk]
    assert city["country"] == str(c.city.country)
    assert city["region"] == {"slug": c.city.region.slug, "name": c.city.region.name}


@pytest.mark.parametrize(
    "query",
    [
        "?type=practices.NoSuchPage",
        "?status=active",  # a practice field, but no type given
        f"{PRACTICE_TYPE}&start_year=soon",
        f"{PRACTICE_TYPE}&last_verified=yesterday",
        f"{PRACTICE_TYPE}&action_type=1%00",
        "?limit=1000",
        "?limit=many",
        "?order=no_such_field",
        "?child_of=abc",
        "?colour=blue",
    ],
)
def test_bad_parameters_are_400_with_a_message(client, full_content, query):
    response = client.get(f"{PAGES}{query}")
    assert response.status_code == 400, response.content
    assert response.json()["message"]


HUGE = "99999999999999999999"


def test_values_the_database_cannot_take_are_400_not_500(client, full_content, admin_user):
    """Each of these answered 500 (issue 21): an offset beyond 64 bits, a NUL, an unknown
    search operator, a filter on a reverse relation."""
    public = [
        f"{PAGES}?offset={HUGE}",
        f"{PAGES}?limit={HUGE}",
        f"{PAGES}?offset=%C2%B2",  # "²": a digit to str.isdigit, not to int()
        f"/api/v2/documents/?offset={HUGE}",
        f"/api/v2/organisations/?offset={HUGE}",
        f"{PAGES}?search=%00",
        f"{PAGES}?search_operator=xor&search=a",
        f"{PRACTICES}&partners=1",
        f"{PAGES}find/?html_path=%00",
    ]
    for url in public:
        response = client.get(url)
        assert response.status_code == 400, url
        assert response.json()["message"], url
    assert "offset" in client.get(f"{PAGES}?offset={HUGE}").json()["message"]
    assert client.get(f"{PAGES}?search_operator=or&search=a").status_code == 200
    client.force_login(admin_user)
    for url in [f"/admin/api/main/pages/?offset={HUGE}", "/admin/api/main/pages/?search=%00"]:
        assert client.get(url).status_code == 400, url
    assert client.get("/admin/api/main/pages/?offset=0").status_code == 200


def test_limit_is_capped_at_100(client, full_content):
    assert client.get(f"{PAGES}?limit=100").status_code == 200
    assert client.get(f"{PAGES}?limit=101").status_code == 400


def _all_ways(client, c, page) -> dict[str, bool]:
    """Where `page` would show through the API: listing, detail, child_of, search."""
    parent = page.get_parent()
    found = {
        "list": page.pk in listed_ids(client, f"{PAGES}?limit=100"),
        "detail": client.get(f"{PAGES}{page.pk}/").status_code != 404,
        "search": page.pk in listed_ids(client, f"{PAGES}?search={page.title.split()[0]}"),
    }
    response = client.get(f"{PAGES}?child_of={parent.pk}")
    found["child_of"] = response.status_code == 200 and page.pk in {
        i["id"] for i in response.json()["items"]
    }
    return found


def test_a_published_practice_is_found_every_way(client, full_content):
    """The check below is not vacuous: the same lookups do find a public page."""
    c = full_content
    assert _all_ways(client, c, c.practice) == dict.fromkeys(
        ("list", "detail", "search", "child_of"), True
    )


def test_a_draft_never_appears(client, full_content):
    c = full_content
    draft = PracticePageFactory(parent=c.city, title="Unapproved scheme", live=False)
    assert not any(_all_ways(client, c, draft).values())


@pytest.mark.parametrize("kind", ["password", "login", "groups"])
def test_a_private_city_and_its_practices_never_appear(client, full_content, kind):
    c = full_content
    restriction = PageViewRestriction.objects.create(
        page=c.city, restriction_type=kind, password="open sesame" if kind == "password" else ""
    )
    if kind == "groups":
        from django.contrib.auth.models import Group

        restriction.groups.set([Group.objects.create(name="Insiders")])
    for page in (c.city, c.practice, c.barrier):
        assert not any(_all_ways(client, c, page).values()), page.title


def test_a_private_page_stays_hidden_from_a_signed_in_user(client, full_content, admin_user):
    """The API answers the same to everyone: what the public may see."""
    c = full_content
    PageViewRestriction.objects.create(page=c.practice, restriction_type="login")
    client.force_login(admin_user)
    assert client.get(f"{PAGES}{c.practice.pk}/").status_code == 404


def test_a_live_practice_under_an_unpublished_city_never_appears(client, full_content):
    c = full_content
    c.city.unpublish()
    assert not any(_all_ways(client, c, c.practice).values())


def test_documents_of_restricted_collections_are_not_listed(client, db):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    Document = get_document_model()
    root = Collection.get_first_root_node()
    private = root.add_child(name="Internal")
    below = private.add_child(name="Internal drafts")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    public_doc = Document.objects.create(
        title="Public report", file=ContentFile(b"hello", name="public.txt"), collection=root
    )
    hidden = [
        Document.objects.create(
            title=f"Internal note {n}", file=ContentFile(b"x", name=f"n{n}.txt"), collection=col
        )
        for n, col in enumerate((private, below))
    ]
    assert listed_ids(client, "/api/v2/documents/") == {public_doc.pk}
    for doc in hidden:
        assert client.get(f"/api/v2/documents/{doc.pk}/").status_code == 404


def test_organisations_endpoint_is_read_only(client, db):
    org = OrganisationFactory(name="Women Migrants Network", acronym="WMN")
    response = client.get("/api/v2/organisations/")
    assert response.status_code == 200
    (item,) = response.json()["items"]
    assert (item["name"], item["acronym"]) == ("Women Migrants Network", "WMN")
    assert client.get(f"/api/v2/organisations/{org.pk}/").json()["kind"] == org.kind
    assert client.post("/api/v2/organisations/", {"name": "x"}).status_code == 405


def test_every_published_page_type_answers_in_detail(client, full_content):
    from .factories import ResourceIndexPageFactory, ResourcePageFactory

    c = full_content
    resources = ResourceIndexPageFactory(parent=c.home)
    resource = ResourcePageFactory(parent=resources, title="Shelter toolkit", year=2021)
    for page in (
        c.home,
        c.city,
        c.practice,
        c.barrier,
        c.network_opportunity,
        c.dialogue,
        resource,
    ):
        response = client.get(f"{PAGES}{page.pk}/")
        assert response.status_code == 200, (page.title, response.content)
    city = client.get(f"{PAGES}{c.city.pk}/").json()
    assert city["licence"]["code"] == "cc-by-4.0"
    assert city["key_figures"] and "source" in city["key_figures"][0]
    assert client.get(f"{PAGES}{c.network_opportunity.pk}/").json()["city"] is None
    assert client.get(f"{PAGES}{resource.pk}/").json()["year"] == 2021
