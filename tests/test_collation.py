"""Alphabetical order in each language (taxonomy.collation): "São Paulo" among the S, "Élan"
among the E, "ñ" after "n" in Spanish, Arabic in Arabic order; the same order from Python,
from each database, and from both search engines."""

from __future__ import annotations

import re
import uuid
from dataclasses import replace
from html import unescape

import pytest
from django.http import QueryDict
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st
from wagtail.models import Locale

from cities.models import CityProfilePage
from exchange.localization import translate_page
from search import index
from search.engines import database_engine
from search.engines.elastic import ElasticsearchEngine
from search.models import IndexState, SearchDocument
from search.query import parse
from taxonomy.collation import Collated, collation_name, sort_key, sort_key_text, sorted_by
from taxonomy.models import Region, Theme

from .factories import CityProfilePageFactory
from .helpers import html_of
from .search.engines_fixtures import osmem_server  # noqa: F401 (a fixture)

LANGUAGES = ["en", "fr", "es", "ar", "pt"]

# São Paulo sorts with the S in every language; by code point ("ã" is U+00E3) it comes last.
S_CITIES = ["Salvador", "São Paulo", "Sarajevo", "Sousse"]
# Abha, Irbid, Aswan, Cairo, Beirut. An alef with a hamza or madda is an alef to Arabic
# readers (the next letter decides), while its code point comes before the plain alef's.
ARABIC = ["ابها", "إربد", "أسوان", "القاهرة", "بيروت"]


def codepoint_sorted(words: list[str]) -> list[str]:
    return sorted(words)


# ----------------------------------------------------------------- the collator


@pytest.mark.parametrize("language", LANGUAGES)
def test_sao_paulo_sorts_with_the_s_in_every_language(language):
    assert sorted_by(reversed(S_CITIES), str, language) == S_CITIES
    assert codepoint_sorted(S_CITIES)[-1] == "São Paulo"  # what the collator puts right


def test_french_accents_sort_with_their_letter():
    words = ["Zagreb", "Élan", "Eagle", "Ensemble", "Étude", "élève"]
    assert sorted_by(words, str, "fr") == ["Eagle", "Élan", "élève", "Ensemble", "Étude", "Zagreb"]
    assert codepoint_sorted(words).index("Élan") > codepoint_sorted(words).index("Zagreb")


def test_spanish_n_tilde_is_a_letter_after_n():
    words = ["Oso", "Ñandú", "Nube"]
    assert sorted_by(words, str, "es") == ["Nube", "Ñandú", "Oso"]
    # Elsewhere ñ is an n with an accent: "Ñandú" reads as "Nandu", before "Nube".
    assert sorted_by(words, str, "en") == ["Ñandú", "Nube", "Oso"]
    assert sorted_by(words, str, "pt") == ["Ñandú", "Nube", "Oso"]


def test_arabic_in_arabic_order_and_first_in_arabic():
    assert sorted_by(reversed(ARABIC), str, "ar") == ARABIC
    assert codepoint_sorted(ARABIC) != ARABIC
    mixed = ["Sousse", "بيروت", "Amman", "القاهرة"]
    assert sorted_by(mixed, str, "ar") == ["القاهرة", "بيروت", "Amman", "Sousse"]
    assert sorted_by(mixed, str, "en") == ["Amman", "Sousse", "القاهرة", "بيروت"]


def test_the_active_language_is_the_default():
    words = ["Oso", "Ñandú", "Nube"]
    with translation.override("es"):
        assert sorted_by(words, str) == ["Nube", "Ñandú", "Oso"]
    with translation.override("fr"):
        assert sorted_by(words, str) == ["Ñandú", "Nube", "Oso"]


def test_equal_in_the_collation_means_ordered_by_code_point():
    # ICU finds these equal (a zero-width joiner is ignorable); they still have one order.
    a, b = "Sousse", "Sous\u200dse"
    assert sort_key(a, "en")[0] == sort_key(b, "en")[0]
    assert sorted_by([b, a], str, "en") == sorted([a, b])


# Titles of up to a few words of Latin, accented and Arabic letters, spaces and hyphens.
titles = st.text(
    alphabet=st.sampled_from("aAeEnNoOsSzZ ãáéÉèñÑçÇ-'اأإبتدعلمنؤي"), min_size=0, max_size=12
)


@settings(max_examples=300, deadline=None)
@given(st.lists(titles, min_size=2, max_size=8), st.sampled_from(LANGUAGES))
def test_search_engine_sort_keys_order_as_the_collator(words, language):
    """The text keys the Elasticsearch index sorts on (bytewise) give the collator's order."""
    by_key_text = sorted(words, key=lambda w: sort_key_text(w, language).encode())
    assert by_key_text == sorted_by(words, str, language)


# ----------------------------------------------------------------- databases


@pytest.fixture
def cities(site_tree):
    europe = Region.objects.get(slug="europe")
    titles = ["Sousse", "Sarajevo", "Élan", "Nantes", "Nuremberg", "Ñuñoa", "Oslo"]
    titles += ["São Paulo", "Salvador"]
    titles += ["بيروت", "القاهرة"]
    return {
        title: CityProfilePageFactory(parent=site_tree.cities, title=title, region=europe)
        for title in titles
    }


def ordered_titles(cities, language: str) -> list[str]:
    pages = CityProfilePage.objects.filter(pk__in=[c.pk for c in cities.values()])
    return list(pages.order_by(Collated("title", language), "pk").values_list("title", flat=True))


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_database_orders_as_the_collator(cities, language):
    """On SQLite (our collations) and PostgreSQL (ICU's own) alike."""
    assert ordered_titles(cities, language) == sorted_by(cities, str, language)


@pytest.mark.django_db
def test_the_database_sorts_each_language_its_own_way(cities):
    pt, es, ar = (ordered_titles(cities, code) for code in ("pt", "es", "ar"))
    assert pt[pt.index("Salvador") : pt.index("Sousse") + 1] == S_CITIES
    # Spanish: ñ after every n; elsewhere "Ñuñoa" reads as "Nunoa", before "Nuremberg".
    assert es.index("Nuremberg") + 1 == es.index("Ñuñoa")
    assert pt.index("Ñuñoa") + 1 == pt.index("Nuremberg")
    assert ar[:2] == ["القاهرة", "بيروت"]
    assert pt[-2:] == ["القاهرة", "بيروت"]


def test_collation_names_are_postgresqls_icu_names():
    assert collation_name("fr") == "fr-x-icu"
    assert collation_name("pt") == "pt-PT-x-icu"
    assert collation_name("pt-br") == "pt-PT-x-icu"
    assert collation_name("xx") == "und-x-icu"


@pytest.mark.django_db
def test_postgresql_has_every_collation_we_name(django_db_setup):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's own collations")
    with connection.cursor() as cursor:
        cursor.execute("SELECT collname FROM pg_collation WHERE collprovider = 'i'")
        known = {row[0] for row in cursor.fetchall()}
    assert {collation_name(code) for code in [*LANGUAGES, "it", "xx"]} <= known


def listed(response) -> list[str]:
    titles = re.findall(r'class="card__title"><a href="[^"]*"[^>]*>([^<]*)</a>', html_of(response))
    return [unescape(t) for t in titles]


@pytest.mark.django_db
@pytest.mark.parametrize("prefix", ["/pt", "/es", ""])
def test_the_city_index_lists_sao_paulo_among_the_s(client, cities, prefix):
    shown = listed(client.get(f"{prefix}/cities/"))
    assert shown.index("Salvador") < shown.index("São Paulo") < shown.index("Sarajevo")
    assert shown.index("Sarajevo") < shown.index("Sousse")


@pytest.mark.django_db
def test_the_city_index_in_arabic_lists_arabic_names_first(client, cities):
    shown = listed(client.get("/ar/cities/"))
    assert shown[:2] == ["القاهرة", "بيروت"]
    assert listed(client.get("/fr/cities/"))[-2:] == ["القاهرة", "بيروت"]


@pytest.mark.django_db
def test_vocabulary_terms_sort_by_their_name_in_the_active_language(db):
    names = {
        # slug: (English, French, Spanish, Arabic)
        "a": ("Zeal", "Élan", "Ñu", "بيروت"),
        "b": ("Eagle", "Zèbre", "Nube", "القاهرة"),
        "c": ("Élite", "Eau", "Oso", ""),  # no Arabic name: read (and sorted) in English
    }
    Theme.objects.all().delete()
    for slug, (en, fr, es, ar) in names.items():
        Theme.objects.create(slug=slug, name=en, name_fr=fr, name_es=es, name_ar=ar)

    def labels(language):
        with translation.override(language):
            return [t.label for t in Theme.objects.all()]

    assert labels("en") == ["Eagle", "Élite", "Zeal"]
    assert labels("fr") == ["Eau", "Élan", "Zèbre"]
    assert labels("es") == ["Nube", "Ñu", "Oso"]
    assert labels("ar") == ["القاهرة", "بيروت", "Élite"]
    assert labels("pt") == ["Eagle", "Élite", "Zeal"]  # no Portuguese names: English


@pytest.mark.django_db
def test_the_editors_order_comes_before_the_alphabet(db):
    Theme.objects.all().delete()
    Theme.objects.create(slug="a", name="Zeal", sort_order=1)
    Theme.objects.create(slug="b", name="Eagle", sort_order=2)
    assert [t.name for t in Theme.objects.all()] == ["Zeal", "Eagle"]


@pytest.mark.django_db
def test_a_term_with_an_empty_translation_sorts_by_its_english_name(db):
    Theme.objects.all().delete()
    Theme.objects.create(slug="a", name="Beta", name_fr="")
    Theme.objects.create(slug="b", name="Alpha", name_fr="Zulu")
    with translation.override("fr"):
        assert [t.label for t in Theme.objects.all()] == ["Beta", "Zulu"]
    assert [t.label for t in Theme.objects.all()] == ["Alpha", "Beta"]


# ----------------------------------------------------------------- search engines


@pytest.fixture
def indexed(cities):
    index.rebuild()
    docs = {d.title: d for d in SearchDocument.objects.all()}
    # Translated titles: the sort follows the title the visitor is shown (shown_version).
    for title, language, translated in [
        ("Oslo", "pt", "Zurique"),
        ("Sousse", "ar", "سوسة"),
        ("Nantes", "fr", "Écully"),
    ]:
        doc = docs[title]
        doc.translations = {
            **doc.translations,
            language: {"title": translated, "summary": "", "body": "", "url": doc.url},
        }
        doc.save(update_fields=["translations"])
    IndexState.bump()
    return cities


def search_titles(engine, qs: str, language: str) -> list[str]:
    query, errors = parse(QueryDict(qs))
    assert not errors
    ids = engine.search(replace(query, language=language)).ids
    docs = SearchDocument.objects.in_bulk(ids)
    return [
        (docs[pk].translations.get(language) or {}).get("title") or docs[pk].title for pk in ids
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_database_engine_sorts_titles_as_the_visitor_reads_them(indexed, language):
    shown = search_titles(database_engine(), "type=city&sort=title&per_page=100", language)
    assert shown == sorted_by(shown, str, language)
    assert len(shown) == len(indexed)


@pytest.mark.django_db
def test_database_engine_sorts_translated_titles_where_they_are_read(indexed):
    pt = search_titles(database_engine(), "type=city&sort=title&per_page=100", "pt")
    assert pt[-3:] == ["Zurique", "القاهرة", "بيروت"]
    ar = search_titles(database_engine(), "type=city&sort=title&per_page=100", "ar")
    assert ar[:3] == ["القاهرة", "بيروت", "سوسة"]
    fr = search_titles(database_engine(), "type=city&sort=title&per_page=100", "fr")
    assert fr.index("Écully") == fr.index("Élan") - 1


@pytest.mark.django_db
def test_pages_of_a_title_sort_follow_one_another(indexed):
    whole = search_titles(database_engine(), "type=city&sort=title&per_page=100", "es")
    pages = [
        search_titles(database_engine(), f"type=city&sort=title&per_page=3&page={n}", "es")
        for n in (1, 2, 3, 4)
    ]
    assert [title for page in pages for title in page] == whole


@pytest.fixture
def elastic(indexed, osmem_server):  # noqa: F811
    clone = osmem_server.clone()
    engine = ElasticsearchEngine(url=clone.url, index=f"exchange-collation-{uuid.uuid4().hex[:8]}")
    engine.clear()
    engine.index(list(SearchDocument.objects.prefetch_related("facet_values")))
    yield engine
    clone.close()


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "qs",
    ["type=city&sort=title&per_page=100", "sort=title&per_page=4&page=2", "q=works&sort=title"],
)
def test_both_engines_give_the_same_order(elastic, language, qs):
    assert search_titles(elastic, qs, language) == search_titles(database_engine(), qs, language)


@pytest.mark.django_db
def test_the_city_index_sorts_by_the_names_it_shows(client, site_tree):
    """Cities are listed by the name the visitor reads: in Arabic, by their Arabic names
    (Turin's تورينو before سوسة), not in the order of their English titles; the pages of the
    list follow the same order."""
    europe = Region.objects.get(slug="europe")
    arabic = Locale.objects.get(language_code="ar")
    names = {"Sousse": "سوسة", "Turin": "تورينو", "São Paulo": "ساو باولو"}
    for title, translated in names.items():
        city = CityProfilePageFactory(parent=site_tree.cities, title=title, region=europe)
        translate_page(city, arabic, {"title": translated})
    assert listed(client.get("/cities/")) == ["São Paulo", "Sousse", "Turin"]
    shown = [re.sub(r"\s+", " ", t).strip() for t in listed(client.get("/ar/cities/"))]
    assert shown == ["تورينو", "ساو باولو", "سوسة"]
