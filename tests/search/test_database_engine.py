"""The database engine, through the same path as the page and the API: parse, then run.

Numbers come from the corpus of `conftest.py`: 12 public documents (5 practices, 3 cities,
2 barriers, 1 opportunity, 1 dialogue). Theme counts over everything: inclusion 5 (Turin,
São Paulo, neighbourhood, association, centre), economic 2 (Turin, association), rights 6
(Sousse, São Paulo, desk, centre, plan, the Sousse barrier), safety 3 (Sousse, desk, the
Sousse barrier).
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.http import QueryDict
from wagtail.models import Locale

from search import index
from search.models import SearchDocument
from search.query import parse
from search.results import SearchResults, run

from ..factories import PracticePageFactory

pytestmark = pytest.mark.django_db

INCLUSION = "inclusion-and-participation"
ECONOMIC = "economic-empowerment"
RIGHTS = "rights-and-legal-status"
SAFETY = "safety-and-violence"
ALL_THEMES = {INCLUSION: 5, ECONOMIC: 2, RIGHTS: 6, SAFETY: 3}
ALL_TYPES = {"practice": 5, "city": 3, "barrier": 2, "opportunity": 1, "dialogue": 1}


def search(qs: str = "") -> SearchResults:
    query, errors = parse(QueryDict(qs))
    assert not errors, errors
    return run(query)


def counts(results: SearchResults, facet: str) -> dict[str, int]:
    return {o.value: o.count for o in results.facets[facet] if o.count}


def titles(results: SearchResults) -> set[str]:
    return {hit.title for hit in results.hits}


def title_list(results: SearchResults) -> list[str]:
    return [hit.title for hit in results.hits]


def add_practice(parent, **kwargs):
    """A new public practice, indexed (the engine's tests do not exercise the signals)."""
    page = PracticePageFactory(parent=parent, **kwargs)
    index.sync([page.pk])
    return page


# ---------------------------------------------------------------- hits and facet counts


def test_everything_without_a_query(search_corpus):
    results = search()
    assert results.total == 12
    assert len(results.hits) == 12
    assert counts(results, "type") == ALL_TYPES
    assert counts(results, "theme") == ALL_THEMES
    # A city's own page, its pages, and the dialogue (and its barrier) that name it.
    assert counts(results, "city") == {"turin": 5, "sousse": 5, "sao-paulo": 4}
    assert counts(results, "country") == {"IT": 5, "TN": 5, "BR": 4}
    assert counts(results, "status") == {"active": 3, "completed": 1, "planned": 1}
    assert counts(results, "evidence") == {"described": 2, "evaluated": 2, "monitored": 1}
    assert counts(results, "barrier") == {"mandate-and-resources": 3, "trust": 2}
    assert counts(results, "opportunity") == {"city-networking": 2}
    assert counts(results, "tag") == {"peer-support": 4, "domestic-work": 2}
    assert counts(results, "mandate") == {"own-competence": 2, "outside-mandate": 2}


def test_hidden_pages_are_never_hits(search_corpus):
    for q in ("secret", "shelter+list", "orphan", "lyon", "members"):
        assert search(f"q={q}").total == 0, q


def test_one_facet_value(search_corpus):
    results = search(f"theme={SAFETY}")
    assert titles(results) == {"Sousse", "Domestic workers desk", "No mandate for migration"}
    assert results.total == 3
    # The theme's own counts ignore its selection...
    assert counts(results, "theme") == ALL_THEMES
    # ...while every other facet is counted within it.
    assert counts(results, "type") == {"city": 1, "practice": 1, "barrier": 1}
    assert counts(results, "city") == {"sousse": 3}


def test_values_of_one_facet_are_ored(search_corpus):
    results = search(f"theme={SAFETY}&theme={ECONOMIC}")
    assert titles(results) == {
        "Sousse",
        "Domestic workers desk",
        "No mandate for migration",
        "Turin",
        "Community association",
    }
    assert counts(results, "theme") == ALL_THEMES
    selected = {o.value for o in results.facets["theme"] if o.selected}
    assert selected == {SAFETY, ECONOMIC}


def test_facets_are_anded(search_corpus):
    results = search(f"theme={INCLUSION}&type=practice")
    assert titles(results) == {
        "Women in the neighbourhood",
        "Community association",
        "Reference centre for immigrants",
    }
    # Each facet is counted with the other's selection only.
    assert counts(results, "type") == {"practice": 3, "city": 2}
    assert counts(results, "theme") == {INCLUSION: 3, ECONOMIC: 1, RIGHTS: 3, SAFETY: 1}


def test_three_facets(search_corpus):
    results = search(f"type=practice&status=active&theme={RIGHTS}")
    assert titles(results) == {"Domestic workers desk", "Reference centre for immigrants"}
    assert counts(results, "status") == {"active": 2, "planned": 1}
    assert counts(results, "evidence") == {"monitored": 1, "evaluated": 1}


def test_selected_value_with_no_hits_is_shown_selected_with_zero(search_corpus):
    results = search(f"type=dialogue&theme={ECONOMIC}")
    assert results.total == 0
    assert results.hits == []
    economic = next(o for o in results.facets["theme"] if o.value == ECONOMIC)
    assert (economic.count, economic.selected) == (0, True)
    dialogue = next(o for o in results.facets["type"] if o.value == "dialogue")
    assert (dialogue.count, dialogue.selected) == (0, True)
    assert counts(results, "type") == {"city": 1, "practice": 1}


def test_facet_labels_come_from_the_vocabularies(search_corpus):
    results = search()
    labels = {o.value: o.label for o in results.facets["city"]}
    assert labels["sao-paulo"] == "São Paulo"
    labels = {o.value: o.label for o in results.facets["country"]}
    assert labels["BR"] == "Brazil"
    assert {o.value: o.label for o in results.facets["type"]}["practice"] == "Practice"


def test_ordered_facets_keep_their_own_order(search_corpus):
    statuses = [o.value for o in search().facets["status"]]
    assert statuses == ["planned", "active", "completed"]


def test_year_range(search_corpus):
    assert titles(search("year_from=2020")) == {
        "Domestic workers desk",
        "Municipal plan for immigrants",
        "Migrant women in cities",
        "Mistrust of authorities",
        "Cities learning from cities",
    }
    assert titles(search("year_to=2016")) == {
        "Community association",
        "Reference centre for immigrants",
    }
    results = search("year_from=2016&year_to=2018&type=practice")
    assert titles(results) == {"Women in the neighbourhood", "Community association"}
    # Counts are taken within the years too.
    assert counts(results, "type") == {"practice": 2}
    assert counts(results, "theme") == {INCLUSION: 2, ECONOMIC: 1}


# ---------------------------------------------------------------- sorting and pages


def test_sort_by_title(search_corpus):
    results = search("type=practice&sort=title")
    assert title_list(results) == [
        "Community association",
        "Domestic workers desk",
        "Municipal plan for immigrants",
        "Reference centre for immigrants",
        "Women in the neighbourhood",
    ]


def test_sort_by_title_ignores_accents_and_case(search_corpus):
    results = search("type=city&sort=title")
    assert title_list(results) == ["São Paulo", "Sousse", "Turin"]


def test_newest_first(search_corpus):
    results = search("type=practice&sort=newest")
    assert [hit.year for hit in results.hits] == [2021, 2021, 2018, 2016, 2014]
    # Without words to rank by, relevance falls back to newest.
    assert title_list(search("type=practice")) == title_list(results)


def test_documents_without_a_year_come_last_when_newest_first(search_corpus):
    years = [hit.year for hit in search("sort=newest").hits]
    assert years[:8] == [2021, 2021, 2020, 2020, 2020, 2018, 2016, 2014]
    assert years[8:] == [None] * 4


def test_relevance_puts_a_title_match_above_a_body_match(search_corpus):
    c = search_corpus
    add_practice(
        c.turin,
        title="Legal clinic",
        slug="legal-clinic",
        summary="Lawyers answer questions.",
        description="<p>Also about housing contracts and housing benefits.</p>",
    )
    add_practice(
        c.sousse,
        title="Housing first",
        slug="housing-first",
        summary="Flats for women leaving violence.",
    )
    results = search("q=housing")
    assert title_list(results) == ["Housing first", "Legal clinic"]
    # The title sort still applies to the same hits when asked for.
    assert title_list(search("q=housing&sort=title")) == ["Housing first", "Legal clinic"]


def test_relevance_ranks_title_then_summary_then_text(search_corpus):
    c = search_corpus
    add_practice(c.turin, title="Language cafés", slug="cafes", description="<p>Mentoring.</p>")
    add_practice(c.turin, title="Night school", slug="school", summary="Mentoring for mothers.")
    add_practice(c.sousse, title="Mentoring circles", slug="circles", summary="Peer groups.")
    assert title_list(search("q=mentoring")) == [
        "Mentoring circles",
        "Night school",
        "Language cafés",
    ]


def test_relevance_adds_up_where_each_word_is_found(search_corpus):
    c = search_corpus
    # Both words in the title beat one word in the title and the other in the text, even
    # for a title that comes later in the alphabet.
    add_practice(
        c.turin,
        title="Childcare desk",
        slug="childcare-desk",
        description="<p>Open to every mother looking for work.</p>",
    )
    add_practice(c.sousse, title="Working mothers' childcare", slug="working-mothers")
    assert title_list(search("q=childcare+mothers")) == [
        "Working mothers' childcare",
        "Childcare desk",
    ]


def test_relevance_scores_are_the_same_sums_on_every_database(search_corpus):
    """Per word 10 in a title, 4 in a summary, 1 elsewhere; equal sums by title."""
    c = search_corpus
    # 10 + 1: one word in the title, the other in the text.
    add_practice(
        c.turin, title="Tailoring course", slug="tailoring", description="<p>For mothers.</p>"
    )
    # 4 + 4: both words in the summary, twice each (repeating a word adds nothing).
    add_practice(
        c.turin,
        title="Evening club",
        slug="club",
        summary="Tailoring for mothers, tailoring by mothers.",
    )
    # 10 + 1 again, under a title earlier in the alphabet.
    add_practice(c.sousse, title="Mothers' circle", slug="circle", description="<p>Tailoring.</p>")
    assert title_list(search("q=tailoring+mothers")) == [
        "Mothers' circle",
        "Tailoring course",
        "Evening club",
    ]


def test_pagination(search_corpus):
    first = search("per_page=5")
    second = search("per_page=5&page=2")
    last = search("per_page=5&page=3")
    assert first.pages == second.pages == last.pages == 3
    assert (len(first.hits), len(second.hits), len(last.hits)) == (5, 5, 2)
    ids = [h.id for r in (first, second, last) for h in r.hits]
    assert len(set(ids)) == 12
    assert second.total == 12
    assert second.as_json()["page"] == 2
    # A page past the end is empty, not an error; counts stay the same.
    beyond = search("per_page=5&page=4")
    assert beyond.hits == [] and beyond.total == 12
    assert counts(beyond, "type") == ALL_TYPES


# ---------------------------------------------------------------- language


def test_stemming(search_corpus):
    assert "Domestic workers desk" in titles(search("q=workers"))
    assert "Domestic workers desk" in titles(search("q=worker"))
    assert "Community association" in titles(search("q=associations"))
    assert titles(search("q=immigrant")) == {
        "Reference centre for immigrants",
        "Municipal plan for immigrants",
    }


def test_every_term_must_match(search_corpus):
    assert titles(search("q=domestic+advice")) == {"Domestic workers desk"}
    assert titles(search("q=domestic+shopkeepers")) == set()


@pytest.mark.parametrize("q", ["Sao Paulo", "são paulo", "SÃO PAULO", "Paulo"])
def test_accents_are_ignored_in_the_query(search_corpus, q):
    assert titles(search(QueryDict.fromkeys(["q"], q).urlencode())) == {"São Paulo"}


def test_unaccented_query_finds_accented_text(search_corpus):
    add_practice(
        search_corpus.sao_paulo,
        title="Welcome desk in Bogotá",
        slug="bogota",
        summary="Orientação para mulheres migrantes.",
    )
    for q in ("bogota", "BOGOTA", "Bogotá", "orientacao"):
        assert titles(search(f"q={q}")) == {"Welcome desk in Bogotá"}, q


def test_accented_query_finds_unaccented_text(search_corpus):
    assert "Turin" in titles(search("q=Turín"))
    assert "Domestic workers desk" in titles(search("q=doméstic"))


def test_text_in_another_language_is_stemmed(search_corpus):
    italian, _ = Locale.objects.get_or_create(language_code="it")
    add_practice(
        search_corpus.turin,
        locale=italian,
        title="Sportello per le lavoratrici domestiche",
        slug="sportello",
        summary="Le lavoratrici ricevono consulenza legale.",
    )
    # The query's language is unknown: it is tried in each one.
    assert "Sportello per le lavoratrici domestiche" in titles(search("q=lavoratrice"))


def test_phrase(search_corpus):
    assert titles(search('q="domestic+workers"')) == {"Domestic workers desk"}
    assert titles(search('q="workers+domestic"')) == set()
    assert titles(search("q=workers+domestic")) == {"Domestic workers desk"}


def test_exclusion(search_corpus):
    assert titles(search("q=immigrants")) == {
        "Reference centre for immigrants",
        "Municipal plan for immigrants",
    }
    assert titles(search("q=immigrants+-municipal")) == {"Reference centre for immigrants"}
    assert titles(search('q=immigrants+-"municipal+plan"')) == {"Reference centre for immigrants"}


def test_a_stop_word_of_one_language_is_still_a_word_in_the_others(search_corpus):
    # "são" is a Portuguese stop word but also the first word of a city's name.
    assert titles(search("q=S%C3%A3o")) >= {"São Paulo"}
    # "the" means nothing in English and is no word of the other languages: nothing to find.
    assert search("q=the").total == 0
    assert search("q=the+of+and").total == 0


def test_a_query_with_only_punctuation_lists_everything(search_corpus):
    assert search("q=%22%22+-+***").total == 12


def test_text_and_facets_together(search_corpus):
    results = search("q=immigrants&status=planned")
    assert titles(results) == {"Municipal plan for immigrants"}
    # The status counts are taken over the text matches, ignoring the status selection.
    assert counts(results, "status") == {"active": 1, "planned": 1}
    assert counts(results, "theme") == {RIGHTS: 1}


def test_no_hits(search_corpus):
    results = search("q=zzyzx")
    assert results.total == 0 and results.hits == []
    assert counts(results, "type") == {}
    assert results.pages == 1


# ---------------------------------------------------------------- snippets and JSON


def test_snippet_marks_the_matching_words(search_corpus):
    hit = next(h for h in search("q=shelter").hits if h.title == "Domestic workers desk")
    assert "<mark>shelter</mark>" in hit.snippet
    hit = next(h for h in search("q=households").hits if h.title == "Domestic workers desk")
    # A match in the body is shown even though the summary comes first.
    assert "<mark>households</mark>" in hit.snippet


def test_snippet_is_escaped(search_corpus):
    add_practice(
        search_corpus.turin,
        title="<script>alert(1)</script> Outreach",
        slug="outreach",
        summary="Outreach <script>alert('x')</script> & <b>bold</b> claims.",
    )
    hit = next(h for h in search("q=outreach").hits)
    assert "<script>" not in hit.snippet
    assert "<b>" not in hit.snippet
    assert "&lt;script&gt;" in hit.snippet
    assert "<mark>Outreach</mark>" in hit.snippet
    # Without words, the snippet is the summary, escaped as well.
    hit = next(h for h in search("type=practice&sort=title").hits if "Outreach" in h.title)
    assert "<script>" not in hit.snippet and "&lt;script&gt;" in hit.snippet


def test_json_shape(search_corpus):
    data = search(f"q=desk&theme={SAFETY}").as_json()
    assert set(data) == {"total", "page", "pages", "results", "facets"}
    assert (data["total"], data["page"], data["pages"]) == (1, 1, 1)
    assert data["results"] == [
        {
            "id": search_corpus.desk.pk,
            "type": "practice",
            "title": "Domestic workers desk",
            "url": "/cities/sousse/domestic-workers-desk/",
            "summary": search_corpus.desk.summary,
            "city": {"slug": "sousse", "name": "Sousse"},
            "country": "TN",
            "themes": [RIGHTS, SAFETY],  # by label: "Rights..." before "Safety..."
            "status": "active",
            "year": 2021,
            "language": "en",  # the language shown (beyond the first JSON shape: translations)
            "licence": {  # beyond the first JSON shape: licences
                "code": "cc-by-4.0",
                "name": "CC BY 4.0",
                "url": "https://creativecommons.org/licenses/by/4.0/",
            },
        }
    ]
    safety = next(o for o in data["facets"]["theme"] if o["value"] == SAFETY)
    assert safety["selected"] is True and safety["count"] == 1
    assert set(safety) == {"value", "label", "count", "selected"}


@pytest.mark.parametrize(
    "q,expected",
    [
        ("(domestic workers)", {"Domestic workers desk"}),
        ("domestic* workers^", {"Domestic workers desk"}),
        ('"domestic workers', {"Domestic workers desk"}),  # an unclosed quote
        ("workers:desk", {"Domestic workers desk"}),
        ("domestic' OR 1=1 --", set()),
        ("domestic & | ! <-> workers", {"Domestic workers desk"}),
        ("women's desk", {"Domestic workers desk"}),
        ("a_b", set()),
    ],
)
def test_query_syntax_of_the_databases_is_plain_text(search_corpus, q, expected):
    """FTS5 and tsquery operators typed by a user are words, never syntax (or a 500)."""
    data = QueryDict(mutable=True)
    data["q"] = q
    assert titles(search(data.urlencode())) == expected


@pytest.mark.parametrize("q", ['"plan for immigrants"', '"Municipal plan for immigrants"'])
def test_phrase_with_stop_words_inside(search_corpus, q):
    """PostgreSQL keeps a place for each stop word: a phrase must still match across it."""
    data = QueryDict(mutable=True)
    data["q"] = q
    assert titles(search(data.urlencode())) == {"Municipal plan for immigrants"}


def test_postgresql_full_text_rows_follow_the_documents(search_corpus):
    """PostgreSQL keeps the full text in a table of its own (migration 0009): one row per
    document, gone with the document, refilled by a rebuild."""
    if connection.vendor != "postgresql":
        pytest.skip("the full-text table is PostgreSQL's; SQLite's FTS5 table has its own test")

    def vector_ids() -> set[int]:
        with connection.cursor() as cursor:
            cursor.execute("SELECT document_id FROM search_vectors")
            return {pk for (pk,) in cursor.fetchall()}

    def document_ids() -> set[int]:
        return set(SearchDocument.objects.values_list("pk", flat=True))

    assert vector_ids() == document_ids()
    page = add_practice(search_corpus.turin, title="Sewing workshop", slug="sewing")
    assert page.pk in vector_ids()
    page.unpublish()
    index.sync([page.pk])
    assert page.pk not in vector_ids()
    assert vector_ids() == document_ids()
    index.rebuild()
    assert vector_ids() == document_ids()
    assert search("q=sewing").total == 0


def test_postgresql_connections_plan_for_ssd(db):
    """random_page_cost 1.1 (settings): at PostgreSQL's 4, a two-word search at 100,000
    practices scanned the whole full-text table instead of using its GIN index."""
    if connection.vendor != "postgresql":
        pytest.skip("a PostgreSQL setting")
    with connection.cursor() as cursor:
        cursor.execute("SHOW random_page_cost")
        assert cursor.fetchone()[0] == "1.1"
