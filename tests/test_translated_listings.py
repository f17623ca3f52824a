"""Every listing shows a record in the visitor's language (issue 18): its published
translation, or the original marked with its language (lang/dir and an "In English" tag).

The world: Turin (translated into fr and ar) and Sousse (not translated); in Turin a
practice translated into fr and ar under its own slug, and one nobody translated; in Sousse
a practice whose translations are drafts; barriers, one translated, one not; a dialogue.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Page
from wagtail.users.models import UserProfile

from exchange import listing_language
from exchange.localization import translate_page
from exchange.roles import city_editors_group
from practices.exchange_requests import create_exchange_request
from search import index
from taxonomy.languages import BY_CODE
from taxonomy.models import Theme

from .factories import BarrierPageFactory, DialoguePageFactory, PracticePageFactory
from .test_submissions import make_user
from .worlds import add_city, kept_for_module, make_site_tree, themes

pytestmark = pytest.mark.django_db

LANGUAGES = ("fr", "ar")
THEME = "rights-and-legal-status"

TRANSLATIONS = {
    "neighbourhood": {
        "fr": {
            "title": "Femmes dans le quartier",
            "slug": "femmes-dans-le-quartier",
            "summary": "Les femmes migrantes trouvent les services par les commerçants.",
        },
        "ar": {
            "title": "نساء في الحي",
            "slug": "nisa-fi-al-hay",
            "summary": "تصل النساء المهاجرات إلى الخدمات عن طريق تجار الحي.",
        },
    },
    "mistrust": {
        "fr": {"title": "Méfiance envers les institutions", "slug": "mefiance"},
        "ar": {"title": "انعدام الثقة في المؤسسات", "slug": "inidam-al-thiqa"},
    },
    "turin": {"fr": {"title": "Turin"}, "ar": {"title": "تورينو"}},
}
DRAFTS = {"fr": "Guichet encore en brouillon", "ar": "شباك ما زال مسودة"}
ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
UNTRANSLATED = ("Community association", "Municipal desk", "No mandate", "Sousse")


def locale(code: str) -> Locale:
    return Locale.objects.get_or_create(language_code=code)[0]


@pytest.fixture(scope="module")
def module_world(django_db_setup, django_db_blocker):
    with kept_for_module(django_db_blocker):
        yield build_world(make_site_tree())


@pytest.fixture
def world(module_world, db):
    """Built once per module; each test's changes are rolled back."""
    return module_world


def build_world(t) -> dict:
    for code in ("en", *LANGUAGES):
        locale(code)
    turin = add_city(t.cities, "turin", latitude=Decimal("45.07"), longitude=Decimal("7.69"))
    sousse = add_city(t.cities, "sousse", latitude=Decimal("35.83"), longitude=Decimal("10.64"))
    mistrust = BarrierPageFactory(parent=turin, title="Mistrust of institutions", slug="mistrust")
    no_mandate = BarrierPageFactory(parent=turin, title="No mandate", slug="no-mandate")
    neighbourhood = PracticePageFactory(
        parent=turin,
        title="Women in the neighbourhood",
        slug="women-in-the-neighbourhood",
        summary="Migrant women reach services through local shopkeepers.",
        themes=themes(THEME),
    )
    association = PracticePageFactory(
        parent=turin,
        title="Community association",
        slug="community-association",
        summary="An association of migrant women runs the neighbourhood centre.",
        themes=themes(THEME),
    )
    desk = PracticePageFactory(
        parent=sousse,
        title="Municipal desk",
        slug="municipal-desk",
        summary="A desk at the town hall answers migrant women's questions.",
        themes=themes(THEME),
    )
    for page in (association, desk):
        page.barrier_links.create(barrier=mistrust)
        page.barrier_links.create(barrier=no_mandate)
        page.save_revision().publish()
    dialogue = DialoguePageFactory(parent=t.dialogues, title="Peer dialogue on housing")
    dialogue.participating_cities.create(city=turin)
    dialogue.save_revision().publish()
    pages = {"turin": turin, "neighbourhood": neighbourhood, "mistrust": mistrust}
    translated = {}
    for key, by_language in TRANSLATIONS.items():
        for code, fields in by_language.items():
            translated[key, code] = translate_page(pages[key], locale(code), fields)
    for code, title in DRAFTS.items():
        translate_page(desk, locale(code), {"title": title}, publish=False)
    index.rebuild()
    return {
        "tree": t,
        "turin": turin,
        "sousse": sousse,
        "neighbourhood": neighbourhood,
        "association": association,
        "desk": desk,
        "mistrust": mistrust,
        "no_mandate": no_mandate,
        "dialogue": dialogue,
        "translated": translated,
    }


def soup_of(response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def in_language_tag(language: str) -> str:
    with translation.override(language):
        return str(BY_CODE["en"].in_language)


def translated_url(world, key: str, language: str) -> str:
    page = Page.objects.get(pk=world["translated"][key, language].pk)
    with translation.override(language):
        return page.get_url()


def links_named(soup, text: str) -> list:
    return [a for a in soup.find_all("a") if a.get_text(" ", strip=True) == text]


def nearest_lang(element):
    while element is not None and not element.get("lang"):
        element = element.parent
    return element


def marked_english(element) -> bool:
    """The nearest element with a `lang` says English, written left to right."""
    element = nearest_lang(element)
    return element is not None and element.get("lang") == "en" and element.get("dir") == "ltr"


def assert_shown_translated(soup, world, key: str, language: str):
    title = TRANSLATIONS[key][language]["title"]
    links = links_named(soup, title)
    assert links, f"{title} not linked"
    url = translated_url(world, key, language)
    assert {a["href"] for a in links} == {url}
    assert all(nearest_lang(a).get("lang") == language for a in links)


def assert_shown_as_original(soup, title: str, language: str):
    """Linked inside an element marked English, with the "In English" tag beside it."""
    links = links_named(soup, title)
    assert links, f"{title} not linked"
    for a in links:
        assert marked_english(a), a
        tag = a.find_next_sibling(class_="in-language")
        assert tag is not None and tag.get_text(strip=True) == in_language_tag(language)
        assert nearest_lang(tag).get("lang") == language  # the tag speaks the visitor's


def assert_no_drafts(response):
    text = response.content.decode()
    for title in DRAFTS.values():
        assert title not in text


# -- Each surface, in French and Arabic -----------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_cards(client, world, language):
    response = client.get(f"/{language}/")
    soup = soup_of(response)
    assert_shown_translated(soup, world, "neighbourhood", language)
    assert_shown_as_original(soup, "Community association", language)
    assert_shown_as_original(soup, "Municipal desk", language)
    assert_shown_as_original(soup, "Peer dialogue on housing", language)
    assert_no_drafts(response)


def test_nothing_is_marked_for_an_english_visitor(client, world):
    for url in ("/", "/cities/", "/cities/turin/", world["association"].url):
        soup = soup_of(client.get(url))
        assert not soup.select(".in-language")
        assert not soup.main.select("[lang]"), url


@pytest.mark.parametrize("language", LANGUAGES)
def test_city_page_lists_practices_and_records(client, world, language):
    response = client.get(f"/{language}/cities/turin/")
    soup = soup_of(response)
    assert_shown_translated(soup, world, "neighbourhood", language)
    assert_shown_translated(soup, world, "mistrust", language)
    assert_shown_as_original(soup, "Community association", language)
    assert_shown_as_original(soup, "No mandate", language)
    assert_shown_as_original(soup, "Peer dialogue on housing", language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_practice_page_records_and_similar_practices(client, world, language):
    response = client.get(f"/{language}/cities/sousse/municipal-desk/")
    soup = soup_of(response)
    assert_shown_translated(soup, world, "mistrust", language)  # its barriers
    assert_shown_as_original(soup, "No mandate", language)
    assert_shown_translated(soup, world, "neighbourhood", language)  # similar practices
    assert_shown_as_original(soup, "Community association", language)
    # The reasons name the challenge in the visitor's language, as city pages do.
    theme = Theme.objects.get(slug=THEME)
    reasons = " ".join(li.get_text() for li in soup.select(".similar li, .card li, li"))
    assert getattr(theme, f"name_{language}") in reasons
    assert theme.name not in reasons


@pytest.mark.parametrize("language", LANGUAGES)
def test_compare_columns(client, world, language):
    n, a = world["neighbourhood"].pk, world["association"].pk
    response = client.get(f"/{language}/compare/?practice={n}&practice={a}")
    soup = soup_of(response)
    assert_shown_translated(soup, world, "neighbourhood", language)
    assert_shown_as_original(soup, "Community association", language)
    summaries = soup.select(".compare__value")
    translated = TRANSLATIONS["neighbourhood"][language]["summary"]
    assert any(
        p.get_text(strip=True) == translated and p.get("lang") == language for p in summaries
    )
    original = world["association"].summary
    assert any(p.get_text(strip=True) == original and marked_english(p) for p in summaries)


@pytest.mark.parametrize("language", LANGUAGES)
def test_compare_cities(client, world, language):
    response = client.get(f"/{language}/compare/?city=turin&city=sousse")
    soup = soup_of(response)
    assert_shown_translated(soup, world, "turin", language)
    assert_shown_as_original(soup, "Sousse", language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_matrix_city_columns(client, world, language):
    soup = soup_of(client.get(f"/{language}/explore/matrix/?columns=city"))
    headings = soup.select("#theme-matrix thead th")
    turin = TRANSLATIONS["turin"][language]["title"]
    [translated] = [th for th in headings if th.get_text(strip=True) == turin]
    assert translated.select_one("[lang]")["lang"] == language
    [original] = [th for th in headings if th.get_text(" ", strip=True).startswith("Sousse")]
    assert marked_english(original.find(string="Sousse").parent)
    assert original.select_one(".in-language").get_text() == in_language_tag(language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_city_index_cards_and_map_list(client, world, language):
    soup = soup_of(client.get(f"/{language}/cities/"))
    turin = TRANSLATIONS["turin"][language]["title"]
    card = soup.select_one(".card__title")
    assert card is not None
    assert_shown_as_original(soup, "Sousse", language)  # the card
    map_list = soup.select_one(".city-map__list")
    names = [span for span in map_list.find_all("span") if span.get_text() == "Sousse"]
    assert names and all(marked_english(span) for span in names)
    assert turin in map_list.get_text()
    assert map_list.select(".in-language")


@pytest.mark.parametrize("language", LANGUAGES)
def test_dialogue_index_lists_dialogues(client, world, language):
    soup = soup_of(client.get(f"/{language}/dialogues/"))
    assert_shown_as_original(soup, "Peer dialogue on housing", language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_feed_answers_in_the_clients_language(client, world, language):
    response = client.get(reverse("practices_feed"), HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    feed = ElementTree.fromstring(response.content)
    entries = {entry.find(f"{ATOM}title").text: entry for entry in feed.iter(f"{ATOM}entry")}
    translated = entries[TRANSLATIONS["neighbourhood"][language]["title"]]
    assert translated.get(XML_LANG) is None
    href = translated.find(f"{ATOM}link").get("href")
    assert href.endswith(translated_url(world, "neighbourhood", language))
    assert entries["Community association"].get(XML_LANG) == "en"
    assert not set(DRAFTS.values()) & set(entries)
    theme = Theme.objects.get(slug=THEME)
    terms = {category.get("term") for category in feed.iter(f"{ATOM}category")}
    assert getattr(theme, f"name_{language}") in terms


def test_feed_in_english_marks_nothing(client, world):
    response = client.get(reverse("practices_feed"), HTTP_ACCEPT_LANGUAGE="en")
    assert b"xml:lang" not in response.content.split(b"<entry", 1)[1]
    assert b"Women in the neighbourhood" in response.content


# -- CSV of records -------------------------------------------------------------------------


def csv_rows(response) -> list[dict]:
    assert response.status_code == 200, response.content
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_search_csv_in_the_language_asked_for(client, world):
    rows = csv_rows(client.get("/api/search/export.csv?type=practice&lang=fr"))
    titles = {row["title"]: row for row in rows}
    assert "Femmes dans le quartier" in titles
    assert titles["Femmes dans le quartier"]["language"] == "fr"
    assert "/fr/" in titles["Femmes dans le quartier"]["url"]
    assert titles["Community association"]["language"] == "en"
    assert "Guichet encore en brouillon" not in titles
    english = {row["title"] for row in csv_rows(client.get("/api/search/export.csv"))}
    assert "Women in the neighbourhood" in english


def test_search_csv_refuses_an_unknown_language(client, world):
    response = client.get("/api/search/export.csv?lang=klingon")
    assert response.status_code == 400
    assert "klingon" in response.json()["errors"]["lang"][0]


def test_compare_csv_in_the_language_asked_for(client, world):
    n, a = world["neighbourhood"].pk, world["association"].pk
    url = f"/compare/export.csv?practice={n}&practice={a}"
    header = next(csv.reader(io.StringIO(client.get(url + "&lang=ar").content.decode())))
    assert header[1:] == ["نساء في الحي", "Community association"]
    response = client.get(url + "&lang=xx")
    assert response.status_code == 400
    assert "“xx”" in response.content.decode()


# -- The editors' email ---------------------------------------------------------------------


def test_editors_are_told_of_a_request_in_their_admin_language(world):
    city, practice = world["turin"], world["neighbourhood"]
    french = make_user("turin-fr", city_editors_group(city))
    UserProfile.get_for_user(french)
    UserProfile.objects.filter(user=french).update(preferred_language="fr")
    make_user("turin-en", city_editors_group(city))
    official = make_user("official")
    create_exchange_request(practice, city, official, "Could we talk?")
    subjects = {tuple(message.to): message.subject for message in mail.outbox}
    assert "Femmes dans le quartier" in subjects[(french.email,)]
    assert "Women in the neighbourhood" in subjects[("turin-en@city.example.org",)]


# -- Query counts ---------------------------------------------------------------------------


def queries(client, url: str, **headers) -> int:
    assert client.get(url, **headers).status_code == 200  # warm the caches
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, **headers).status_code == 200
    return len(captured)


def surfaces(world) -> dict[str, str]:
    n, a = world["neighbourhood"].pk, world["association"].pk
    return {
        "home": "/",
        "city": "/cities/turin/",
        "compare": f"/compare/?practice={n}&practice={a}",
        "matrix": "/explore/matrix/?columns=city",
    }


def counts(client, world) -> dict[tuple[str, str], int]:
    found = {}
    for name, url in surfaces(world).items():
        for language in ("en", *LANGUAGES):
            prefixed = url if language == "en" else f"/{language}{url}"
            found[name, language] = queries(client, prefixed)
    for language in ("en", *LANGUAGES):
        feed = reverse("practices_feed")
        found["feed", language] = queries(client, feed, HTTP_ACCEPT_LANGUAGE=language)
    return found


def test_query_counts_are_the_same_in_every_translated_language_and_do_not_grow(
    client, world, monkeypatch
):
    before = counts(client, world)
    for name in ("home", "city", "compare", "matrix", "feed"):
        assert before[name, "fr"] == before[name, "ar"], name
    # What showing translations costs: one query per page model a listing holds (a city
    # page: its practices, barriers, opportunities, dialogues, similar cities, and the
    # translations' locales and parents), whatever the number of records. Measured against
    # the same pages with no translation looked up (the rest is the fallback routing of
    # untranslated pages).
    with monkeypatch.context() as patched:
        patched.setattr(listing_language, "_translations", lambda *args: {})
        unlooked = counts(client, world)
    for name in ("home", "city", "compare", "matrix", "feed"):
        assert before[name, "fr"] - unlooked[name, "fr"] <= 8, (name, before, unlooked)
    assert {k: v for k, v in before.items() if k[1] == "en"} == {
        k: v for k, v in unlooked.items() if k[1] == "en"
    }
    # More translated records, the same counts.
    for code in LANGUAGES:
        translate_page(world["association"], locale(code), {"title": f"Association ({code})"})
        translate_page(world["no_mandate"], locale(code), {"title": f"Sans mandat ({code})"})
        translate_page(world["sousse"], locale(code), {"title": f"Sousse ({code})"})
    index.rebuild()
    assert counts(client, world) == before


# -- The walk: no untranslated title outside an element marked English ----------------------


def walk_pages(world) -> list[str]:
    n, a = world["neighbourhood"].pk, world["association"].pk
    return [
        "/",
        "/cities/",
        "/cities/turin/",
        "/cities/sousse/",
        world["dialogue"].url,
        "/dialogues/",
        f"/compare/?practice={n}&practice={a}",
        "/compare/?city=turin&city=sousse",
        "/explore/matrix/?columns=city",
        "/search/?q=",
        "/search/?type=practice",
    ]


def unmarked_occurrences(soup, title: str) -> list[str]:
    """Text nodes holding `title` whose nearest `lang` is not English. The page's <head>
    and the map's SVG are not listings of words: the SVG names its markers in attributes,
    and the same names are listed, marked up, below the map."""
    body = soup.body
    for svg in body.find_all("svg"):
        svg.decompose()
    found = []
    for node in body.find_all(string=lambda s: s and title in s):
        if not marked_english(node.parent):
            found.append(str(node.parent)[:200])
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_walk_every_untranslated_title_is_marked_english(client, world, language):
    problems = {}
    for url in walk_pages(world):
        soup = soup_of(client.get(f"/{language}{url}"))
        for title in UNTRANSLATED:
            found = unmarked_occurrences(soup, title)
            if found:
                problems[url, title] = found
    assert not problems, "\n".join(f"{key}: {found}" for key, found in problems.items())
