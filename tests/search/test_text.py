"""Text analysis: what a word is indexed under, how a query is read, what a snippet shows."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from search.text import QueryTerm, analyse, parse_query, snippet, unaccent


@pytest.mark.parametrize(
    "text,expected",
    [
        ("São Paulo", "sao paulo"),
        ("Ça VA", "ca va"),
        ("Straße", "strasse"),
        ("Ñuñoa, Bogotá, Zürich, Kraków", "nunoa, bogota, zurich, krakow"),
        ("plain", "plain"),
    ],
)
def test_unaccent(text, expected):
    assert unaccent(text) == expected


@pytest.mark.parametrize(
    "text,language,expected",
    [
        ("The domestic workers of the city", "en", ["domest", "worker", "citi"]),
        ("Las trabajadoras domésticas", "es", ["trabaj", "domest"]),
        ("As trabalhadoras domésticas", "pt", ["trabalh", "domest"]),
        ("Le lavoratrici domestiche", "it", ["lavor", "domest"]),
        ("Les travailleuses domestiques de la ville", "fr", ["le", "travaill", "domest", "vill"]),
    ],
)
def test_analyse_stems_in_the_document_language(text, language, expected):
    # "les" is not on PostgreSQL's French stop list (which ours copies): it stems to "le".
    assert analyse(text, language) == expected


def test_analyse_falls_back_to_english_for_other_languages():
    assert analyse("The workers", "de") == analyse("The workers", "en") == ["worker"]


def test_analyse_ignores_accents_and_case():
    assert analyse("SÃO Paulo") == analyse("sao paulo")


def test_parse_query_words_phrases_and_exclusions():
    parsed = parse_query('Domestic "legal advice" -shelter')
    assert parsed.terms == (
        QueryTerm(("domestic",)),
        QueryTerm(("legal", "advice")),
        QueryTerm(("shelter",), excluded=True),
    )
    required, excluded = parsed.analyses["en"]
    assert required == (("domest",), ("legal", "advic"))
    # An exclusion is checked under every language's stem of the word.
    assert set(excluded) == {("shelter",), ("shelt",)}
    assert {"domest", "legal", "advic"} <= parsed.stems()
    assert bool(parsed)


def test_parse_query_keeps_one_analysis_per_distinct_reading():
    parsed = parse_query("immigrants")
    # Languages that stem the query alike would match the same documents: kept once.
    readings = [required for required, _ in parsed.analyses.values()]
    assert len(readings) == len(set(readings))
    assert (("immigr",),) in readings


def test_exclusions_are_shared_by_every_reading():
    """'-municipal' must exclude in every language, or another stem lets the page through."""
    parsed = parse_query("immigrants -municipal")
    for _required, excluded in parsed.analyses.values():
        assert ("municip",) in excluded and ("municipal",) in excluded


@pytest.mark.parametrize("q", ["", "   ", "-shelter", '""', "***"])
def test_queries_without_searchable_words_are_empty(q):
    assert not parse_query(q)
    assert parse_query(q).stems() == set()


@pytest.mark.parametrize(
    ("q", "ignored_in"), [("sao", "pt"), ("São", "pt"), ("the", "en"), ("the of and", "en")]
)
def test_a_query_of_stop_words_keeps_the_languages_where_they_are_words(q, ignored_in):
    # "são" ("are") is a Portuguese stop word, yet the first word of São Paulo.
    parsed = parse_query(q)
    assert parsed, "some language still searches the words"
    assert ignored_in not in parsed.analyses


def test_stop_word_in_any_language_is_dropped_everywhere():
    # "la" is French and Spanish, not English: no English reading may require it.
    parsed = parse_query("la shelter")
    for required, _ in parsed.analyses.values():
        assert all("la" not in group for group in required)


def test_phrase_keeps_word_order():
    required, _ = parse_query('"workers desk"').analyses["en"]
    assert required == (("worker", "desk"),)


def test_phrase_remembers_the_place_of_dropped_stop_words():
    parsed = parse_query('"plan for the immigrants" "domestic workers"')
    assert parsed.distances[("plan", "immigr")] == (3,)
    assert parsed.distances[("domest", "worker")] == (1,)


def test_snippet_marks_matches_and_escapes_everything_else():
    html = snippet(
        "Women <b>fear</b> that asking for help exposes them.", parse_query("helping"), "en"
    )
    assert html == "Women &lt;b&gt;fear&lt;/b&gt; that asking for <mark>help</mark> exposes them."


def test_snippet_marks_accented_words_for_unaccented_queries():
    html = snippet("Le centre de Bogotá accueille.", parse_query("bogota"), "fr")
    assert "<mark>Bogotá</mark>" in html


def test_snippet_escapes_script_even_inside_a_match():
    html = snippet("<script>alert(1)</script> outreach", parse_query("script"), "en")
    assert "<script>" not in html
    assert "&lt;<mark>script</mark>&gt;" in html


def test_snippet_windows_around_the_first_match():
    text = (
        " ".join(f"w{i}" for i in range(100)) + " shelter " + " ".join(f"x{i}" for i in range(100))
    )
    html = snippet(text, parse_query("shelter"), "en", size=32)
    assert html.startswith("… ") and html.endswith(" …")
    assert "<mark>shelter</mark>" in html
    assert "w0 " not in html and "x99" not in html
    assert len(html.split()) <= 32 + 2  # the window and its two ellipses


def test_snippet_without_a_match_starts_at_the_beginning():
    text = " ".join(f"w{i}" for i in range(100))
    html = snippet(text, parse_query(""), "en", size=10)
    assert html.startswith("w0 w1") and html.endswith(" …")
    assert "<mark>" not in html


def test_snippet_of_short_text_is_all_of_it():
    assert snippet("Short & sweet", parse_query("sweet"), "en") == "Short &amp; <mark>sweet</mark>"
    assert snippet("", parse_query("x"), "en") == ""


@given(st.text(max_size=50))
def test_unaccent_drops_every_combining_mark_and_keeps_the_rest(text):
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    expected = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    assert unaccent(text) == expected
