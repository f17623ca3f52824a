"""Search per language (issue 7, part 4): one document per group of translations, each
translation's words stemmed in its own language, results shown in the visitor's language.

Translations are made as editors make them: `copy_for_translation` (which creates the
missing parents as aliases, as wagtail-localize's synchronised trees do), then publishing a
revision. Every change reaches search through the signals, never through `index.sync`.
"""

from __future__ import annotations

import csv
import io
import uuid
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from django.http import QueryDict
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Page, PageViewRestriction, Site

from search import engines, index
from search.engines import database_engine
from search.models import FacetValue, SearchDocument
from search.query import parse
from search.results import run

from ..helpers import count_queries
from .engines_fixtures import use_engine

pytestmark = pytest.mark.django_db

FRENCH_DESK = {
    "title": "Guichet des travailleuses domestiques",
    "slug": "guichet-des-travailleuses-domestiques",
    "summary": "Un guichet où chaque travailleuse domestique sans papiers trouve conseil.",
}
SPANISH_DESK = {
    "title": "Oficina de trabajadoras del hogar",
    "slug": "oficina-de-trabajadoras",
    "summary": "Una oficina donde la trabajadora del hogar sin papeles recibe asesoría.",
}


@pytest.fixture(autouse=True)
def i18n(settings):
    """Wagtail's localisation on (the `i18n` work turns it on for the site)."""
    settings.WAGTAIL_I18N_ENABLED = True
    Site.clear_site_root_paths_cache()
    yield
    Site.clear_site_root_paths_cache()


def translate(page: Page, code: str, *, publish: bool = True, **fields) -> Page:
    """A translation of `page` into `code` with `fields` changed, published unless told."""
    locale, _created = Locale.objects.get_or_create(language_code=code)
    copy = Page.objects.get(pk=page.pk).specific.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save()
    if publish:
        copy.save_revision().publish()
    return Page.objects.get(pk=copy.pk).specific


def search(qs: str = "", language: str = "en"):
    query, errors = parse(QueryDict(qs))
    assert not errors, errors
    return run(query, language=language)


def ids(qs: str) -> list[int]:
    return [hit.id for hit in search(qs).hits]


def counts(results) -> dict[str, dict[str, int]]:
    return {name: {o.value: o.count for o in options} for name, options in results.facets.items()}


def get_in(client, language: str, path_name: str, params: dict):
    """GET a search URL as a visitor reading `language`: under its `/fr/` prefix once the
    URLs carry one, and with the language active for the request either way."""
    with translation.override(language):
        url = reverse(path_name)
        return client.get(f"{url}?{urlencode(params)}", HTTP_ACCEPT_LANGUAGE=language)


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


# ----------------------------------------------------------------------------- stemming
@pytest.mark.parametrize(
    "code,fields,query",
    [
        ("fr", FRENCH_DESK, "travailleuses"),  # the text says "travailleuse"
        ("fr", {"summary": "Des femmes conseillées au guichet."}, "femme"),
        ("fr", {"summary": "Une femme conseillée au guichet."}, "femmes"),
        ("es", SPANISH_DESK, "trabajadoras"),  # the text says "trabajadora"
        ("pt", {"summary": "Cada trabalhadora doméstica recebe apoio."}, "trabalhadoras"),
        ("ar", {"summary": "مكتب يستقبل كل عاملة منزلية مهاجرة."}, "المهاجرات"),
    ],
)
def test_a_plural_finds_the_singular_in_a_translation(search_corpus, code, fields, query):
    desk = search_corpus.desk
    assert ids(f"q={query}") == []
    translate(desk, code, **fields)
    assert ids(f"q={query}") == [desk.pk]


def test_translations_are_one_hit_and_count_once_in_every_facet(search_corpus):
    desk = search_corpus.desk
    before = search("type=practice")
    before_all = search("")
    fr = translate(desk, "fr", **FRENCH_DESK)
    es = translate(desk, "es", **SPANISH_DESK)

    # Words of the three languages at once find the one practice, under the original's id.
    assert ids("q=domestic") == [desk.pk]
    assert ids("q=travailleuses") == [desk.pk]
    assert ids("q=trabajadoras") == [desk.pk]
    for qs in ("type=practice", ""):
        after = search(qs)
        assert after.total == (before if qs else before_all).total
        assert counts(after) == counts(before if qs else before_all)
    assert not SearchDocument.objects.filter(pk__in=[fr.pk, es.pk]).exists()
    # The translated trees' alias pages (home, cities, Sousse) are never documents.
    aliases = Page.objects.filter(alias_of__isnull=False, locale__language_code__in=["fr", "es"])
    assert aliases.exists()
    assert not SearchDocument.objects.filter(pk__in=aliases.values("pk")).exists()
    state = index.status()
    assert state.in_step and state.expected == SearchDocument.objects.count()


def test_rebuild_makes_one_document_per_group(search_corpus):
    translate(search_corpus.desk, "fr", **FRENCH_DESK)
    before = SearchDocument.objects.count()
    assert index.rebuild() == before
    doc = SearchDocument.objects.get(pk=search_corpus.desk.pk)
    assert doc.translations["fr"]["title"] == FRENCH_DESK["title"]
    assert ids("q=travailleuses") == [search_corpus.desk.pk]


# ----------------------------------------------------------------------------- shown language
def test_french_search_shows_the_french_title_and_url(client, search_corpus):
    fr = translate(search_corpus.desk, "fr", **FRENCH_DESK)
    params = {"q": "domestic"}

    page = soup(get_in(client, "fr", "search", params))
    link = page.select_one(".search-result .card__title a")
    assert link.get_text(strip=True) == FRENCH_DESK["title"]
    assert link["href"] == fr.get_url()
    assert FRENCH_DESK["slug"] in link["href"]
    assert not page.select(".search-result .language-badge")
    assert "travailleuse" in page.select_one(".search-result__snippet").get_text()

    page = soup(get_in(client, "en", "search", params))
    link = page.select_one(".search-result .card__title a")
    assert link.get_text(strip=True) == "Domestic workers desk"
    assert link["href"] == "/cities/sousse/domestic-workers-desk/"


def test_an_untranslated_hit_is_marked_with_its_language(client, search_corpus):
    translate(search_corpus.desk, "fr", **FRENCH_DESK)
    page = soup(get_in(client, "fr", "search", {"q": "immigrants"}))
    results = page.select(".search-result")
    assert {r.select_one(".card__title a").get_text(strip=True) for r in results} == {
        "Reference centre for immigrants",
        "Municipal plan for immigrants",
    }
    with translation.override("fr"):
        prefixed = reverse("search").startswith("/fr/")
    for result in results:
        assert result.select_one(".card__title")["lang"] == "en"
        assert result.select_one(".language-badge").get_text(strip=True)
        # The original, under the visitor's language prefix once URLs carry one.
        href = result.select_one(".card__title a")["href"]
        assert href.startswith("/fr/cities/sao-paulo/" if prefixed else "/cities/sao-paulo/")
    # A translated hit on the same French page carries no badge.
    page = soup(get_in(client, "fr", "search", {"q": "guichet"}))
    assert page.select_one(".card__title a").get_text(strip=True) == FRENCH_DESK["title"]
    assert not page.select(".language-badge")
    assert not page.select_one(".card__title").has_attr("lang")


def test_json_results_say_their_language(client, search_corpus):
    fr = translate(search_corpus.desk, "fr", **FRENCH_DESK)
    data = get_in(client, "fr", "search_api", {"q": "domestic", "sort": "title"}).json()
    hits = {r["id"]: r for r in data["results"]}
    desk = hits[search_corpus.desk.pk]
    assert (desk["title"], desk["url"], desk["language"]) == (
        FRENCH_DESK["title"],
        fr.get_url(),
        "fr",
    )
    assert desk["summary"] == FRENCH_DESK["summary"]
    english = get_in(client, "en", "search_api", {"q": "domestic"}).json()["results"]
    assert [(r["title"], r["language"]) for r in english] == [("Domestic workers desk", "en")]


def test_csv_has_a_language_column(client, search_corpus):
    translate(search_corpus.desk, "fr", **FRENCH_DESK)
    response = get_in(client, "fr", "search_export", {"q": "domestic workers", "sort": "title"})
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [(r["title"], r["language"]) for r in rows] == [(FRENCH_DESK["title"], "fr")]
    response = get_in(client, "fr", "search_export", {"q": "immigrants", "sort": "title"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert {r["language"] for r in rows} == {"en"}


# ----------------------------------------------------------------------------- what is public
def test_a_draft_translation_adds_nothing(client, search_corpus):
    translate(search_corpus.desk, "fr", publish=False, **FRENCH_DESK)
    assert ids("q=guichet") == []
    assert SearchDocument.objects.get(pk=search_corpus.desk.pk).translations == {}
    page = soup(get_in(client, "fr", "search", {"q": "domestic"}))
    assert page.select_one(".card__title a").get_text(strip=True) == "Domestic workers desk"
    assert FRENCH_DESK["title"] not in str(page)


def test_a_private_translation_adds_nothing(client, search_corpus):
    fr = translate(search_corpus.desk, "fr", **FRENCH_DESK)
    assert ids("q=guichet") == [search_corpus.desk.pk]
    PageViewRestriction.objects.create(page=fr, restriction_type="login")
    assert ids("q=guichet") == []
    api = get_in(client, "fr", "search_api", {"q": "domestic"}).json()
    assert [r["title"] for r in api["results"]] == ["Domestic workers desk"]


def test_a_translation_of_a_private_original_adds_nothing(search_corpus):
    fr = translate(search_corpus.desk, "fr", **FRENCH_DESK)
    assert ids("q=guichet") == [search_corpus.desk.pk]
    PageViewRestriction.objects.create(page=search_corpus.desk, restriction_type="login")
    assert ids("q=guichet") == []
    assert not SearchDocument.objects.filter(pk__in=[search_corpus.desk.pk, fr.pk]).exists()
    index.rebuild()
    assert ids("q=guichet") == []


def test_a_page_never_published_as_a_translation_adds_nothing(search_corpus):
    """wagtail-localize turns an alias being translated into a live page holding the
    original's text until the translation is published: that text is not French."""
    fr = translate(search_corpus.desk, "fr", publish=False, **FRENCH_DESK)
    Page.objects.filter(pk=fr.pk).update(live=True)
    index.sync([fr.pk])
    assert ids("q=guichet") == []
    assert SearchDocument.objects.get(pk=search_corpus.desk.pk).translations == {}


def test_unpublishing_a_translation_removes_its_words(search_corpus):
    fr = translate(search_corpus.desk, "fr", **FRENCH_DESK)
    assert ids("q=guichet") == [search_corpus.desk.pk]
    fr.unpublish()
    assert ids("q=guichet") == []
    assert ids("q=domestic") == [search_corpus.desk.pk]
    assert search("q=domestic", language="fr").hits[0].title == "Domestic workers desk"


def test_unpublishing_the_original_moves_the_document_to_a_translation(search_corpus):
    desk = search_corpus.desk
    fr = translate(desk, "fr", **FRENCH_DESK)
    total = search("type=practice").total
    Page.objects.get(pk=desk.pk).unpublish()

    assert not SearchDocument.objects.filter(pk=desk.pk).exists()
    assert ids("q=guichet") == [fr.pk]
    assert ids("q=workers") == []  # the English words went with the English page
    assert search("type=practice").total == total
    assert set(
        FacetValue.objects.filter(document_id=fr.pk, facet="city").values_list("value", flat=True)
    ) == {"sousse"}
    hit = search("q=guichet", language="en").hits[0]
    assert (hit.title, hit.language, hit.other_language) == (FRENCH_DESK["title"], "fr", True)
    # Deleting the last translation removes the document.
    Page.objects.get(pk=fr.pk).delete()
    assert ids("q=guichet") == []
    assert search("type=practice").total == total - 1


# ----------------------------------------------------------------------------- engines, cost
PARITY_QUERIES = [
    "q=travailleuses",
    "q=trabajadoras",
    "q=domestic",
    "q=guichet+domestic",
    "q=trabalhadoras&type=practice",
    "q=المهاجرات",
    "type=practice",
    "theme=rights-and-legal-status",
    "q=immigrants+-guichet",
    "",
]


def test_every_engine_agrees_on_translated_content(settings, search_corpus, osmem_server):
    translate(search_corpus.desk, "fr", **FRENCH_DESK)
    translate(search_corpus.desk, "es", **SPANISH_DESK)
    translate(search_corpus.centre, "pt", summary="Cada trabalhadora migrante encontra apoio.")
    translate(search_corpus.plan, "ar", summary="خطة بلدية للنساء المهاجرات.")
    expected = {}
    for qs in PARITY_QUERIES:
        query, _errors = parse(QueryDict(qs))
        expected[qs] = database_engine().search(query)
    assert sum(1 for r in expected.values() if r.total) == len(PARITY_QUERIES)

    clone = osmem_server.clone()
    try:
        settings.SEARCH_INDEX = f"exchange-lang-{uuid.uuid4().hex[:12]}"
        engine = use_engine(settings, clone.url)
        index.rebuild()
        for qs in PARITY_QUERIES:
            query, _errors = parse(QueryDict(qs))
            got = engine.search(query)
            assert (got.total, set(got.ids), got.facets) == (
                expected[qs].total,
                set(expected[qs].ids),
                expected[qs].facets,
            ), qs
    finally:
        engines._engine.cache_clear()
        clone.close()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_query_count_is_constant_with_translations(client, search_corpus, language):
    for page, code, fields in (
        (search_corpus.desk, "fr", FRENCH_DESK),
        (search_corpus.desk, "es", SPANISH_DESK),
        (search_corpus.centre, "fr", {"title": "Centre de référence pour les immigrés"}),
    ):
        translate(page, code, **fields)
    with translation.override(language):
        url = reverse("search")
        few = count_queries(client, f"{url}?q=&per_page=1")
        many = count_queries(client, f"{url}?q=&per_page=20")
    assert few == many
