"""Every key page in every interface language; the language switcher and the hreflang
alternates keep the visitor on the same page."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Locale

from exchange.templatetags.language_tags import language_links

from .helpers import html_of, key_pages

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "fr", "es", "ar", "pt"]
NAMES = {"en": "English", "fr": "Français", "es": "Español", "ar": "العربية", "pt": "Português"}


@pytest.fixture
def full_content(module_full_content, db):
    return module_full_content


def prefixed(language: str, path: str) -> str:
    return path if language == "en" else f"/{language}{path}"


def switcher_targets(html: str) -> dict[str, str]:
    """The `next` address of each language's form in the switcher."""
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    forms = re.findall(
        r'name="next" value="([^"]*)">\s*<button[^>]*name="language" value="(\w+)"', nav
    )
    return {language: unescape(url) for url, language in forms}


def choose(client, html: str, language: str):
    """Press the switcher's button for `language`, as a browser without JavaScript would."""
    target = switcher_targets(html)[language]
    response = client.post("/language/", {"language": language, "next": target})
    assert response.status_code == 302
    return client.get(response["Location"]), response["Location"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_key_pages_render_in_each_language(client, full_content, language):
    direction = "rtl" if language == "ar" else "ltr"
    for name, path in key_pages(full_content).items():
        response = client.get(prefixed(language, path))
        assert response.status_code == 200, name
        html = html_of(response)
        assert f'<html lang="{language}" dir="{direction}">' in html, name
        if language != "ar":  # right to left only around Arabic words (the switcher's)
            for tag in re.findall(r'<[^>]*dir="rtl"[^>]*>', html):
                assert 'lang="ar"' in tag, (name, tag)


def test_only_arabic_is_right_to_left(client, full_content):
    for language in LANGUAGES:
        html = html_of(client.get(prefixed(language, "/search/")))
        assert ('<html lang="ar" dir="rtl">' in html) == (language == "ar")
        assert ('dir="ltr">' in html.split("<head>")[0]) == (language != "ar")


def test_switcher_names_each_language_in_itself_and_marks_the_current_one(client, full_content):
    html = html_of(client.get("/fr/search/?q=women"))
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    for code, name in NAMES.items():
        assert re.search(rf'lang="{code}"[^>]*>{name}<', nav), code
    current = re.findall(r'<span[^>]*aria-current="true"[^>]*>([^<]*)<', nav)
    assert current == ["Français"]
    assert set(switcher_targets(html)) == {"en", "es", "ar", "pt"}


def test_switcher_round_trip_keeps_the_search_and_its_query_string(client, full_content):
    html = html_of(client.get("/search/?q=women&type=practice"))
    french, location = choose(client, html, "fr")
    assert location == "/fr/search/?q=women&type=practice"
    assert '<html lang="fr"' in html_of(french)
    english, location = choose(client, html_of(french), "en")
    assert location == "/search/?q=women&type=practice"
    assert '<html lang="en"' in html_of(english)


@pytest.mark.parametrize("page", ["compare", "submit", "city", "practice"])
def test_switcher_keeps_the_visitor_on_the_same_page(client, full_content, page):
    path = key_pages(full_content)[page]
    targets = switcher_targets(html_of(client.get(path)))
    assert targets == {language: prefixed(language, path) for language in LANGUAGES[1:]}


def test_switcher_goes_to_the_page_translation_when_there_is_one(client, full_content):
    city = full_content.city
    french = city.copy_for_translation(Locale.objects.get(language_code="fr"), copy_parents=True)
    french.title, french.slug = "Sousse (fr)", "sousse-fr"
    french.save_revision().publish()
    french.refresh_from_db()

    targets = switcher_targets(html_of(client.get("/cities/sousse/?page=1")))
    assert targets["fr"] == "/fr/cities/sousse-fr/?page=1"
    assert targets["es"] == "/es/cities/sousse/?page=1"  # no Spanish translation: same path

    response, location = choose(client, html_of(client.get("/cities/sousse/")), "fr")
    assert location == "/fr/cities/sousse-fr/"
    assert response.status_code == 200
    assert "Sousse (fr)" in html_of(response)
    # And back to the original, unprefixed.
    assert switcher_targets(html_of(response))["en"] == "/cities/sousse/"


def test_switcher_never_offers_a_draft_translation(client, full_content):
    city = full_content.city
    french = city.copy_for_translation(Locale.objects.get(language_code="fr"), copy_parents=True)
    french.slug = "brouillon"
    french.save_revision()  # never published
    targets = switcher_targets(html_of(client.get("/cities/sousse/")))
    assert targets["fr"] == "/fr/cities/sousse/"


def test_switcher_costs_one_query_whatever_the_number_of_languages(
    full_content, django_assert_num_queries
):
    request = RequestFactory().get(full_content.city.url)
    assert full_content.city.get_url(request)  # warms Wagtail's site roots, as the page does
    with translation.override("en"), django_assert_num_queries(1):
        links = language_links(request, full_content.city)
    assert [link.code for link in links] == LANGUAGES
    with django_assert_num_queries(0):  # the header and <head> share it
        language_links(request, full_content.city)


def test_hreflang_alternates_for_every_language_and_x_default(client, full_content):
    for path in ["/search/?q=women", full_content.city.url]:
        html = html_of(client.get(f"/ar{path}"))
        alternates = dict(
            (code, unescape(url))
            for code, url in re.findall(
                r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html
            )
        )
        expected = {lang: f"http://testserver{prefixed(lang, path)}" for lang in LANGUAGES}
        expected["x-default"] = f"http://testserver{path}"
        assert alternates == expected
