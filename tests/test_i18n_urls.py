"""Language URLs: English unprefixed, the other languages prefixed, machine URLs unique; the
browser's language on a first visit; the switcher's choice remembered in a cookie."""

from __future__ import annotations

import pytest
from django.conf import settings
from wagtail.models import Locale

from .helpers import html_of

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
OTHER_LANGUAGES = ["fr", "es", "ar", "pt"]


@pytest.fixture
def full_content(module_full_content, db):
    return module_full_content


def test_interface_languages_and_their_wagtail_locales():
    assert [code for code, _name in settings.LANGUAGES] == ["en", "fr", "es", "ar", "pt"]
    assert settings.WAGTAIL_I18N_ENABLED
    assert set(Locale.objects.values_list("language_code", flat=True)) >= {
        "en",
        "fr",
        "es",
        "ar",
        "pt",
    }


def test_english_contract_urls_stay_unprefixed(client, full_content):
    for url in [
        "/",
        "/cities/",
        "/cities/sousse/",
        full_content.practice.url,
        full_content.dialogue.url,
        "/search/?q=women",
        "/compare/",
        "/submit/",
        "/explore/",
        "/api/search/",
        "/api/search/export.csv",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        if "html" in response["Content-Type"]:
            assert '<html lang="en" dir="ltr">' in html_of(response), url
    assert full_content.practice.url.startswith("/cities/sousse/")


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_other_languages_are_prefixed(client, full_content, language):
    direction = "rtl" if language == "ar" else "ltr"
    for path in ["/", "/cities/sousse/", "/search/?q=women", "/compare/", "/submit/"]:
        response = client.get(f"/{language}{path}")
        assert response.status_code == 200, path
        assert f'<html lang="{language}" dir="{direction}">' in html_of(response), path


def test_machine_urls_have_no_language_prefix(client, full_content):
    for url in ["/fr/api/search/", "/ar/api/search/export.csv", "/fr/healthz/", "/es/admin/"]:
        assert client.get(url).status_code == 404, url


def test_unknown_language_prefix_is_a_404_not_a_500(client, full_content):
    assert client.get("/xx/search/").status_code == 404
    assert client.get("/it/search/").status_code == 404  # Italian has no catalogue yet


class TestFirstVisit:
    def test_browser_preferring_french_goes_to_the_french_page(self, client, full_content):
        response = client.get(
            "/search/?q=women&type=practice",
            HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9,en;q=0.5",
            HTTP_USER_AGENT=BROWSER,
        )
        assert response.status_code == 302
        assert response["Location"] == "/fr/search/?q=women&type=practice"
        assert "Accept-Language" in response["Vary"] and "Cookie" in response["Vary"]

    @pytest.mark.parametrize("accept, prefix", [("ar-TN,ar;q=0.9", "ar"), ("pt-BR", "pt")])
    def test_regional_variants_go_to_their_language(self, client, full_content, accept, prefix):
        response = client.get(
            "/cities/sousse/", HTTP_ACCEPT_LANGUAGE=accept, HTTP_USER_AGENT=BROWSER
        )
        assert response.status_code == 302
        assert response["Location"] == f"/{prefix}/cities/sousse/"

    def test_english_or_unknown_languages_stay(self, client, full_content):
        for accept in ["en-GB,en;q=0.9", "de-DE,de;q=0.9", "", "it"]:
            response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept, HTTP_USER_AGENT=BROWSER)
            assert response.status_code == 200, accept
            assert "Accept-Language" in response["Vary"]

    def test_chosen_language_wins_over_the_browser(self, client, full_content):
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        response = client.get("/search/", HTTP_ACCEPT_LANGUAGE="fr", HTTP_USER_AGENT=BROWSER)
        assert response.status_code == 200
        assert '<html lang="en"' in html_of(response)

    def test_bots_and_head_requests_are_not_redirected(self, client, full_content):
        bot = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
        assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr", HTTP_USER_AGENT=bot).status_code == 200
        head = client.head("/", HTTP_ACCEPT_LANGUAGE="fr", HTTP_USER_AGENT=BROWSER)
        assert head.status_code == 200

    def test_machine_urls_are_never_redirected(self, client, full_content):
        for url in ["/api/search/?q=women", "/healthz", "/api/search/export.csv"]:
            response = client.get(url, HTTP_ACCEPT_LANGUAGE="fr", HTTP_USER_AGENT=BROWSER)
            assert response.status_code == 200, url

    def test_prefixed_pages_are_not_redirected(self, client, full_content):
        response = client.get("/fr/search/", HTTP_ACCEPT_LANGUAGE="ar", HTTP_USER_AGENT=BROWSER)
        assert response.status_code == 200
        assert '<html lang="fr"' in html_of(response)


class TestSetLanguage:
    def test_choosing_a_language_remembers_it_and_goes_to_the_page(self, client, full_content):
        response = client.post("/language/", {"language": "en", "next": "/search/?q=women"})
        assert response.status_code == 302
        assert response["Location"] == "/search/?q=women"
        assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
        # From now on a French browser stays in English.
        response = client.get("/search/", HTTP_ACCEPT_LANGUAGE="fr", HTTP_USER_AGENT=BROWSER)
        assert response.status_code == 200

    def test_unknown_language_is_a_400_with_a_message(self, client, full_content):
        response = client.post("/language/", {"language": "xx", "next": "/"})
        assert response.status_code == 400
        assert (
            b"Select a valid choice. xx is not one of the available choices." in response.content
        )
        assert settings.LANGUAGE_COOKIE_NAME not in response.cookies

    def test_next_elsewhere_goes_to_the_home_page_in_that_language(self, client, full_content):
        response = client.post(
            "/language/", {"language": "ar", "next": "https://evil.example.org/"}
        )
        assert response.status_code == 302
        assert response["Location"] == "/ar/"

    def test_get_is_refused(self, client, full_content):
        assert client.get("/language/?language=fr").status_code == 405


def test_machine_urls_answer_in_the_language_the_client_asks_for(client, full_content):
    french = client.get("/api/search/?year_from=abc", HTTP_ACCEPT_LANGUAGE="fr")
    english = client.get("/api/search/?year_from=abc")
    assert french.status_code == english.status_code == 400
    assert french.json()["errors"] != english.json()["errors"]
    assert "Accept-Language" in french["Vary"]
