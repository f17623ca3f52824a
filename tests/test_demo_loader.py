"""The demo content: the founding dialogue, its 22 cities and three cities' practices.

`load_demo` runs once for the module (inside a transaction rolled back at the end); each
test runs in its own savepoint on top, so tests that change things do not see each other.
"""

from __future__ import annotations

import datetime
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Locale, Page, Revision, Site

from cities.models import CityIndexPage, CityProfilePage, Organisation
from dialogues.models import DialogueIndexPage, DialoguePage, RecommendationPage
from exchange.demo.loader import load_demo
from exchange.models import HomePage
from practices.models import BarrierPage, OpportunityPage, PracticePage
from resources.models import ResourceIndexPage, ResourcePage
from search import index as search_index
from search.models import SearchDocument

from .factories import PracticePageFactory
from .helpers import visible_text

DEMO_CITIES = {
    "amman",
    "banjul",
    "barcelona",
    "bizerte",
    "campillos",
    "casablanca",
    "oujda",
    "gipuzkoa",
    "grenoble",
    "irbid",
    "libreville",
    "gwangju",
    "mandlakazi",
    "mexico-city",
    "montevideo",
    "rabat",
    "ramallah",
    "sao-paulo",
    "sfax",
    "sousse",
    "turin",
    "tunis",
}


@pytest.fixture(scope="module")
def demo_first_run(django_db_setup, django_db_blocker):
    """What the first `load_demo` created; the content stays for the module's tests."""
    with django_db_blocker.unblock(), transaction.atomic():
        out = StringIO()
        call_command("load_demo", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_first_run, db):
    return demo_first_run


def city(slug: str) -> CityProfilePage:
    """The original (English) city; its translations and aliases share the slug."""
    return CityProfilePage.objects.get(slug=slug, locale__language_code="en")


def practices_of(slug: str):
    return PracticePage.objects.child_of(city(slug))


def snapshot() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "organisations": Organisation.objects.count(),
        "sites": Site.objects.count(),
        "practices": PracticePage.objects.count(),
        "barriers": BarrierPage.objects.count(),
        "opportunities": OpportunityPage.objects.count(),
        "recommendations": RecommendationPage.objects.count(),
    }


def test_first_run_reports_what_it_created(demo):
    assert "city profiles" in demo
    assert " 22 created" in demo


def test_site_structure(demo):
    # One of each in English; the other languages hold translations and aliases of them.
    english = {"locale__language_code": "en"}
    assert HomePage.objects.filter(**english).count() == 1
    assert CityIndexPage.objects.filter(**english).count() == 1
    assert DialogueIndexPage.objects.filter(**english).count() == 1
    # The resource library, empty: the sources name no resource the demo could cite.
    library = ResourceIndexPage.objects.get(**english)
    assert library.live and library.url == "/resources/"
    assert not ResourcePage.objects.exists()
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()


def test_every_participating_city_has_a_profile(demo):
    assert set(CityProfilePage.objects.values_list("slug", flat=True)) == DEMO_CITIES
    # 22 originals; translations of the founding practices alias their cities in 4 languages.
    assert CityProfilePage.objects.live().filter(locale__language_code="en").count() == 22
    assert city("gipuzkoa").government_kind == "province"
    assert city("sousse").country == "TN"
    assert city("turin").region.slug == "europe"
    assert city("sao-paulo").region.slug == "americas"


def test_the_founding_dialogue(demo):
    dialogue = DialoguePage.objects.get(locale__language_code="en")
    assert dialogue.date == datetime.date(2020, 9, 10)
    assert dialogue.live
    assert dialogue.participating_cities.count() == 22
    assert dialogue.sessions.count() >= 4


def test_the_practices_presented(demo):
    assert PracticePage.objects.live().count() >= 4
    sousse = practices_of("sousse")
    assert sousse.count() >= 1
    assert all(p.mandate == "outside-mandate" for p in sousse)
    turin = sorted(p.title for p in practices_of("turin"))
    assert len(turin) == 2
    assert any("neighbourhood" in t for t in turin)
    assert any("Community" in t for t in turin)
    assert practices_of("sao-paulo").count() >= 1


def test_sao_paulo_mandate_and_migrant_council(demo):
    sao_paulo = city("sao-paulo")
    assert sao_paulo.mandate == "own-competence"
    assert sao_paulo.governance_bodies.filter(women_quota=50, since_year=2015).exists()


def test_barriers_and_opportunities_with_their_categories(demo):
    dialogue = DialoguePage.objects.get(locale__language_code="en")
    for model in (BarrierPage, OpportunityPage):
        records = model.objects.live()
        assert records.child_of(dialogue).exists(), f"no {model.__name__} found by the dialogue"
        assert records.filter(path__startswith=city("sousse").path).exists()
        assert all(record.category_id for record in records)
    categories = set(BarrierPage.objects.values_list("category__slug", flat=True))
    assert len(categories) >= 4
    # Practices say which barriers they address.
    assert PracticePage.objects.filter(barrier_links__isnull=False).exists()


def test_the_ways_forward_are_recommendations_of_the_closing_session(client, demo):
    dialogue = DialoguePage.objects.get(locale__language_code="en")
    recommendations = RecommendationPage.objects.live().child_of(dialogue)
    assert recommendations.count() == 6
    closing = dialogue.sessions.get(kind="closing")
    assert {r.source_session_id for r in recommendations} == {closing.pk}
    # Nobody is named as the audience: the record does not say.
    assert not any(r.audience for r in recommendations)
    html = client.get(dialogue.url).content.decode()
    block = html[html.index(f'id="session-{closing.pk}"') :]
    assert "Build trust and safety" in block


def test_second_run_changes_nothing(demo):
    before = snapshot()

    call_command("load_demo", stdout=StringIO())
    created = load_demo()

    assert snapshot() == before
    assert not any(created.values()), created


def test_an_editors_change_survives_a_second_run(demo):
    sousse = city("sousse")
    sousse.summary = "Rewritten by the city's own editor."
    sousse.save_revision().publish()

    call_command("load_demo", stdout=StringIO())

    assert city("sousse").summary == "Rewritten by the city's own editor."


def test_a_page_an_editor_added_under_a_city_survives(demo):
    sousse = city("sousse")
    count = practices_of("sousse").count()
    added = PracticePageFactory(parent=sousse, title="Night-time safety walks")

    call_command("load_demo", stdout=StringIO())

    assert PracticePage.objects.filter(pk=added.pk, title="Night-time safety walks").exists()
    assert practices_of("sousse").count() == count + 1


def test_every_demo_page_renders(client, demo):
    failures = []
    for page in Page.objects.live().filter(depth__gt=1).specific():
        response = client.get(page.url)
        if response.status_code != 200:
            failures.append(f"{page.url}: {response.status_code}")
        elif re.search(r"\bNone\b", visible_text(response)):
            failures.append(f"{page.url}: shows 'None'")
    assert not failures, "\n".join(failures)
    assert Page.objects.live().filter(depth__gt=1).count() > 40


def test_every_demo_record_is_published_under_cc_by_and_says_so(client, demo):
    record_models = [
        CityProfilePage,
        DialoguePage,
        PracticePage,
        BarrierPage,
        OpportunityPage,
        RecommendationPage,
    ]
    for model in record_models:
        pages = model.objects.live()
        assert pages.exists(), model
        assert set(pages.values_list("licence", flat=True)) == {"cc-by-4.0"}, model
    practice = PracticePage.objects.live().first()
    assert 'rel="license" href="https://creativecommons.org/licenses/by/4.0/"' in (
        client.get(practice.url).content.decode()
    )


def test_demo_home_shows_the_demo(client, demo):
    text = visible_text(client.get("/"))
    assert "22 cities" in text
    assert "Migrant women in cities" in text


# -- Translations ------------------------------------------------------------------------

TRANSLATED_PRACTICES = {
    ("sousse", "cooperation-with-migrant-womens-associations"): {
        "fr": "Travailler avec les associations de femmes migrantes",
        "es": "Trabajar con las asociaciones de mujeres migrantes",
        "ar": "العمل مع جمعيات النساء المهاجرات",
        "pt": "Trabalhar com as associações de mulheres migrantes",
    },
    ("turin", "women-in-the-neighbourhood"): {"fr": "Femmes dans le quartier"},
    ("turin", "community-association"): {"es": "Asociación comunitaria"},
    ("sao-paulo", "municipal-policy-for-immigrants"): {
        "pt": "Política municipal para a população imigrante"
    },
}


def test_home_and_founding_practices_are_translated_into_four_languages(demo):
    home = HomePage.objects.get(locale__language_code="en")
    for language in ("fr", "es", "ar", "pt"):
        translated = home.get_translation(Locale.objects.get(language_code=language))
        assert translated.live and translated.alias_of_id is None
        assert translated.live_revision_id is not None  # published as from the editor
        assert translated.title != home.title
    for (city_slug, slug), titles in TRANSLATED_PRACTICES.items():
        original = practices_of(city_slug).get(slug=slug)
        assert original.get_translations().filter(alias_of__isnull=True, live=True).count() == 4
        for language, title in titles.items():
            translated = original.get_translation(Locale.objects.get(language_code=language))
            assert translated.title == title


def test_translated_demo_practices_are_served_in_their_language(client, demo):
    page = "/cities/sousse/cooperation-with-migrant-womens-associations/"
    french = client.get(f"/fr{page}")
    assert french.status_code == 200
    text = visible_text(french)
    assert "Travailler avec les associations de femmes migrantes" in text
    assert "notice--untranslated" not in french.content.decode()
    arabic = client.get(f"/ar{page}")
    assert "العمل مع جمعيات النساء المهاجرات" in visible_text(arabic)
    assert 'lang="ar" dir="rtl"' in arabic.content.decode()
    home = visible_text(client.get("/pt/"))
    assert "O Intercâmbio reúne" in home
    # The city around the practice is translated too.
    spanish = client.get("/es/cities/sousse/")
    assert "Sousse es un centro turístico" in visible_text(spanish)
    assert "notice--untranslated" not in spanish.content.decode()


def test_translations_do_not_add_practices_to_listings(client, demo):
    english = visible_text(client.get("/"))
    french = visible_text(client.get("/fr/"))
    assert "22 cities" in english
    assert re.search(r"\b22\b", french)
    sousse = client.get("/fr/cities/sousse/").content.decode()
    practice = "/fr/cities/sousse/cooperation-with-migrant-womens-associations/"
    assert f'href="{practice}"' in sousse
    assert 'href="/cities/sousse/cooperation' not in sousse


# Every page of these kinds gets a translation in each language: a new demo page of one of
# them without its translations fails here.
TRANSLATED_KINDS = [
    CityIndexPage,
    CityProfilePage,
    DialogueIndexPage,
    ResourceIndexPage,
    DialoguePage,
    BarrierPage,
    OpportunityPage,
    RecommendationPage,
]
LANGUAGES = ("fr", "es", "ar", "pt")
DIALOGUE = "/dialogues/migrant-women-in-cities-2020/"


def words(page) -> str:
    """The text a page of these kinds shows under its title."""
    return getattr(page, "intro", None) or page.summary


def test_every_index_city_dialogue_and_record_is_translated_into_four_languages(demo):
    missing = []
    for model in TRANSLATED_KINDS:
        originals = model.objects.filter(locale__language_code="en")
        assert originals.exists(), model
        for original in originals:
            for language in LANGUAGES:
                translated = original.get_translation_or_none(
                    Locale.objects.get(language_code=language)
                )
                if translated is None or not translated.live or translated.alias_of_id:
                    missing.append(f"{original.url_path} in {language}")
                elif words(translated.specific) == words(original):
                    missing.append(f"{original.url_path} in {language}: text still English")
    assert not missing, "\n".join(missing)


def heading_and_breadcrumb(response) -> tuple[str, str]:
    html = response.content.decode()
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)
    crumbs = re.search(r'<nav class="breadcrumbs[^>]*>(.*?)</nav>', html, re.S).group(1)
    return visible_text(heading), visible_text(crumbs)


@pytest.mark.parametrize(
    ("url", "title", "trail"),
    [
        ("/fr/cities/", "Villes", ["Villes"]),
        ("/ar/cities/", "المدن", ["المدن"]),
        ("/fr/resources/", "Ressources", ["Ressources"]),
        ("/ar/resources/", "الموارد", ["الموارد"]),
        (
            f"/fr{DIALOGUE}",
            "Les femmes migrantes dans les villes : un dialogue entre villes",
            ["Dialogues", "Les femmes migrantes dans les villes"],
        ),
        (
            f"/ar{DIALOGUE}",
            "النساء المهاجرات في المدن: حوار بين المدن",
            ["الحوارات", "النساء المهاجرات في المدن: حوار بين المدن"],
        ),
        (
            f"/ar{DIALOGUE}lack-of-mandate-and-resources/",
            "غياب الولاية الرسمية والميزانية والموظفين",
            ["الحوارات", "النساء المهاجرات في المدن", "غياب الولاية الرسمية"],
        ),
        ("/ar/cities/sousse/", "سوسة", ["المدن", "سوسة"]),
        ("/es/cities/turin/", "Turín", ["Ciudades", "Turín"]),
        (
            "/pt/cities/sousse/precarious-work-and-exploitation/",
            "Trabalho precário e risco de exploração",
            ["Cidades", "Trabalho precário e risco de exploração"],
        ),
    ],
)
def test_translated_pages_show_their_title_in_heading_and_breadcrumb(
    client, demo, url, title, trail
):
    response = client.get(url)
    assert response.status_code == 200
    heading, breadcrumb = heading_and_breadcrumb(response)
    assert heading == title
    for crumb in trail:
        assert crumb in breadcrumb
    assert "notice--untranslated" not in response.content.decode()


def test_the_translated_dialogue_keeps_its_sessions_in_their_language(demo):
    original = DialoguePage.objects.get(locale__language_code="en")
    arabic = original.get_translation(Locale.objects.get(language_code="ar"))
    sessions, translated = list(original.sessions.all()), list(arabic.sessions.all())
    assert [s.kind for s in translated] == [s.kind for s in sessions]
    assert translated[0].title == "حلقة النقاش الافتتاحية"
    assert [b.value["organisation"] for b in translated[0].speakers] == [
        b.value["organisation"] for b in sessions[0].speakers
    ]
    assert translated[0].speakers[0].value["role"] == "متحدث في حلقة النقاش"
    questions = translated[2].guiding_questions[0].value
    assert len(questions) == 3 and questions[0].endswith("؟")
    # Only words change: a translated record still comes from the original session.
    record = BarrierPage.objects.get(slug="structural-racism", locale__language_code="fr")
    assert record.title == "Racisme structurel"
    assert record.source_session.page_id == original.pk


def test_translated_cities_keep_their_figures_with_translated_words(demo):
    original = city("sao-paulo")
    french = original.get_translation(Locale.objects.get(language_code="fr"))
    body, figure = french.governance_bodies.get(), french.key_figures.get()
    assert body.name == "Conseil municipal des immigrants"
    assert (body.women_quota, body.since_year) == (50, 2015)
    assert figure.unit == "actions" and figure.value == original.key_figures.get().value
    assert figure.year == 2020
    arabic = city("turin").get_translation(Locale.objects.get(language_code="ar"))
    assert arabic.title == "تورينو"
    assert arabic.women_share_of_migrants == city("turin").women_share_of_migrants


def test_search_holds_the_demo_as_a_full_rebuild_would(demo):
    # The loader syncs the search index once at the end instead of after every publish.
    def documents():
        return sorted(SearchDocument.objects.values_list("page_id", "title", "translations"))

    loaded = documents()
    assert len(loaded) > 40
    search_index.rebuild()
    assert documents() == loaded


def test_translated_pages_show_their_sessions_and_bodies_in_their_language(client, demo):
    """The dialogue page lists its sessions from the original (their order, outcomes and
    links) but with the translation's words; a city page its governance bodies likewise."""
    original = DialoguePage.objects.get(locale__language_code="en")
    arabic = original.get_translation(Locale.objects.get(language_code="ar"))
    html = client.get(arabic.url).content.decode()
    assert "حلقة النقاش الافتتاحية" in html
    assert original.sessions.first().title not in html
    assert "متحدث في حلقة النقاش" in html
    french = city("sao-paulo").get_translation(Locale.objects.get(language_code="fr"))
    assert "Conseil municipal des immigrants" in client.get(french.url).content.decode()
