"""Translated pages under /fr/, /ar/…, and the original with a notice where none exists."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale, Page, PageViewRestriction

from exchange.localization import translate_page
from taxonomy.models import Region

from .factories import CityProfilePageFactory, PracticePageFactory
from .helpers import count_queries, html_of, visible_text

pytestmark = pytest.mark.django_db

NOTICE = "notice--untranslated"
NOTICE_FR = "pas encore traduite"


@pytest.fixture
def locales(db) -> dict[str, Locale]:
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGS}


LANGS = ("en", "fr", "es", "ar", "pt")


@pytest.fixture
def sousse(site_tree, locales):
    city = CityProfilePageFactory(
        parent=site_tree.cities,
        title="Sousse",
        slug="sousse",
        country="TN",
        region=Region.objects.get(slug="mena"),
    )
    practice = PracticePageFactory(
        parent=city,
        title="Working with migrant women's associations",
        slug="associations",
        summary="The city works with the associations of migrant women.",
    )
    return city, practice


def translate(page, language: str, publish: bool = True, **fields):
    return translate_page(page, Locale.objects.get(language_code=language), fields, publish)


def has_notice(response) -> bool:
    return NOTICE in html_of(response)


def test_untranslated_page_is_served_under_every_prefix_with_the_notice(client, sousse):
    for language in ("fr", "es", "ar", "pt"):
        for path in ("/cities/sousse/", "/cities/sousse/associations/", "/cities/", "/"):
            response = client.get(f"/{language}{path}")
            assert response.status_code == 200, (language, path)
            assert has_notice(response)
            if language == "fr":
                assert NOTICE_FR in visible_text(response), "the notice speaks French"
            html = html_of(response)
            assert f'<html lang="{language}"' in html
            # The page's own words are marked English; nothing wraps the interface.
            assert '<h1 lang="en" dir="ltr">' in html, (language, path)
            assert '<div lang="en"' not in html


def test_untranslated_page_under_ar_is_marked_english_inside_an_rtl_interface(client, sousse):
    _city, _ = sousse
    response = client.get("/ar/cities/sousse/")
    assert response.status_code == 200
    html = html_of(response)
    assert 'lang="ar" dir="rtl"' in html
    assert '<h1 lang="en" dir="ltr">' in html
    assert '<p class="lead" lang="en" dir="ltr">' in html


def test_untranslated_page_leaves_its_interface_in_the_visitors_language(client, sousse):
    """Only the page's words are marked English: the headings and labels the interface puts
    around them are French, and carry no English mark (screen readers read them in French)."""
    html = html_of(client.get("/fr/cities/sousse/associations/"))
    article = html[html.index("<article") :]
    facts = article[article.index('id="facts-heading"') - 60 : article.index('id="facts-heading"')]
    assert 'lang="en"' not in facts
    before_facts = article[: article.index('id="facts-heading"')]
    # Every English mark before the facts closes before them: the h1 and the summary only.
    assert before_facts.count('lang="en"') == before_facts.count('lang="en" dir="ltr">')
    assert "<dt>Ville</dt>" in html or "<dt>\nVille" in html or ">Ville<" in html


def test_links_of_an_untranslated_page_keep_the_visitor_under_the_prefix(client, sousse):
    _city, _practice = sousse
    html = html_of(client.get("/fr/cities/sousse/"))
    assert 'href="/fr/cities/sousse/associations/"' in html
    assert 'href="/cities/sousse/associations/"' not in html


def test_english_pages_have_no_notice(client, sousse):
    for path in ("/cities/sousse/", "/cities/sousse/associations/"):
        response = client.get(path)
        assert response.status_code == 200
        assert not has_notice(response)
        assert 'lang="en"' not in html_of(response).split("<main", 1)[1]


def test_translated_practice_shows_french_content_and_interface(client, sousse):
    _city, practice = sousse
    translate(
        practice,
        "fr",
        title="Travailler avec les associations de femmes migrantes",
        summary="La ville travaille avec les associations de femmes migrantes.",
    )
    response = client.get("/fr/cities/sousse/associations/")
    assert response.status_code == 200
    text = visible_text(response)
    assert "La ville travaille avec les associations de femmes migrantes." in text
    assert "The city works with" not in text
    assert not has_notice(response)
    assert '<html lang="fr"' in html_of(response)
    # The English page is unchanged, and the city around it is still untranslated.
    assert "The city works with" in visible_text(client.get("/cities/sousse/associations/"))
    assert has_notice(client.get("/fr/cities/sousse/"))


def test_a_draft_translation_never_shows(client, sousse):
    _city, practice = sousse
    translate(practice, "fr", publish=False, summary="Brouillon en cours de relecture.")
    response = client.get("/fr/cities/sousse/associations/")
    assert response.status_code == 200
    text = visible_text(response)
    assert "Brouillon" not in text
    assert "The city works with" in text
    assert has_notice(response)


def test_a_private_original_never_shows_in_any_locale(client, sousse):
    _city, practice = sousse
    translate(practice, "fr", summary="La ville travaille avec les associations.")
    PageViewRestriction.objects.create(page=practice, restriction_type="login")
    for url in (
        "/cities/sousse/associations/",
        "/fr/cities/sousse/associations/",
        "/es/cities/sousse/associations/",
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/login/" in response["Location"]


def test_translations_are_never_listed_twice(client, sousse):
    def links() -> dict:
        counts = {}
        for prefix in ("", "/fr", "/es"):
            city = html_of(client.get(f"{prefix}/cities/sousse/"))
            index = html_of(client.get(f"{prefix}/cities/"))
            home = visible_text(client.get(f"{prefix}/"))
            counts[prefix] = (
                city.count('/cities/sousse/associations/"'),
                index.count('/cities/sousse/"'),
                home,
            )
        return counts

    before = links()
    city, practice = sousse
    translate(practice, "fr", title="Travailler avec les associations")
    translate(practice, "es", title="Trabajar con las asociaciones")
    translate(city, "es", summary="Sousse, ciudad tunecina.")
    after = links()
    for prefix in before:
        assert after[prefix][:2] == before[prefix][:2], prefix
        assert after[prefix][0] >= 1
    # The home page's counts of cities and practices are those of the originals.
    assert after[""][2] == before[""][2]


def test_missing_page_under_a_prefix_is_404(client, sousse):
    assert client.get("/fr/cities/nowhere/").status_code == 404


def test_query_counts_of_city_and_practice_pages_do_not_depend_on_translations(client, sousse):
    _city, practice = sousse
    urls = ("/cities/sousse/", "/cities/sousse/associations/")
    before = {url: count_queries(client, url) for url in urls}
    translate(practice, "fr", title="Travailler avec les associations")
    translate(practice, "ar", title="العمل مع الجمعيات")
    for url in urls:
        assert count_queries(client, url) == before[url]


def test_city_editor_may_translate_her_citys_practice_and_no_other(client, sousse, site_tree):
    from django.contrib.auth import get_user_model

    from exchange.roles import city_editors_group

    city, practice = sousse
    other = CityProfilePageFactory(
        parent=site_tree.cities, title="Turin", slug="turin", country="IT",
        region=Region.objects.get(slug="europe"),
    )  # fmt: skip
    other_practice = PracticePageFactory(parent=other, title="Women in the neighbourhood")
    editor = get_user_model().objects.create_user("sousse-ed", password="x")
    editor.groups.add(city_editors_group(city))
    Group.objects.get(name="City editors: Sousse")  # the group roles made with the city
    client.force_login(editor)
    url = f"/admin/localize/submit/page/{practice.pk}/"
    response = client.post(url, {"locales": [Locale.objects.get(language_code="fr").pk]})
    assert response.status_code == 302, response.content[:500]
    french = Page.objects.get(
        translation_key=practice.translation_key, locale__language_code="fr"
    ).specific
    # She edits the translation in wagtail-localize's editor.
    assert client.get(f"/admin/pages/{french.pk}/edit/").status_code == 200
    # Another city's practice is out of her reach, in every locale.
    refused = client.post(
        f"/admin/localize/submit/page/{other_practice.pk}/",
        {"locales": [Locale.objects.get(language_code="fr").pk]},
    )
    assert refused.status_code in (302, 403)
    assert not Page.objects.filter(
        translation_key=other_practice.translation_key, locale__language_code="fr"
    ).exists()


def test_city_editors_hold_the_translations_of_their_city(sousse):
    from wagtail.models import GroupPagePermission

    from exchange.roles import city_editors_group

    city, practice = sousse
    translate(practice, "fr", title="Travailler avec les associations")  # aliases the city
    french_city = city.get_translation(Locale.objects.get(language_code="fr"))
    group = city_editors_group(city)
    held = set(GroupPagePermission.objects.filter(group=group).values_list("page_id", flat=True))
    assert held == {city.pk, french_city.pk}
    # One group per city, whatever the number of its translations.
    assert Group.objects.filter(name__startswith="City editors: Sousse").count() == 1


def test_the_approval_workflow_applies_to_translations(sousse):
    from exchange.roles import WORKFLOW_NAME, sync_roles

    sync_roles()
    _city, practice = sousse
    french = translate(practice, "fr", publish=False, title="Travailler avec les associations")
    workflow = french.get_workflow()
    assert workflow is not None and workflow.name == WORKFLOW_NAME


def sitemap_paths(client) -> set[str]:
    from urllib.parse import urlsplit
    from xml.etree import ElementTree as ET

    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    return {urlsplit(loc.text).path for loc in ET.fromstring(response.content).iter(f"{ns}loc")}


@pytest.mark.parametrize("restricted", ["practice", "city"])
def test_a_private_original_keeps_its_translations_out_of_every_listing(
    client, sousse, restricted
):
    """A restriction set on the original (or on its city) covers its translations: they
    are served as the original is (login asked), and no listing, sitemap or feed names
    them."""
    city, practice = sousse
    translate(city, "es", summary="Sousse, ciudad tunecina.")
    translate(practice, "fr", title="Travailler avec les associations")
    translate(practice, "es", title="Trabajar con las asociaciones")
    before = sitemap_paths(client)
    assert "/fr/cities/sousse/associations/" in before
    assert "/es/cities/sousse/associations/" in before

    PageViewRestriction.objects.create(
        page=practice if restricted == "practice" else city,
        restriction_type="password",
        password="only-for-us",
    )
    after = sitemap_paths(client)
    assert not any("associations" in path for path in after)
    if restricted == "city":
        assert not any("sousse" in path for path in after)
    for prefix in ("", "/fr", "/es"):
        response = client.get(f"{prefix}/cities/sousse/")
        if restricted == "city":
            assert response.status_code == 200 and "only-for-us" not in html_of(response)
            assert "password" in html_of(response).lower(), prefix
            continue
        assert response.status_code == 200, prefix
        listing = html_of(response)
        assert "/associations/" not in listing, prefix
        assert "Trabajar con" not in listing and "Travailler avec" not in listing, prefix
    feed = html_of(client.get("/practices/feed.atom"))
    assert "associations" not in feed
