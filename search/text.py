"""Text analysis shared by every engine: accents, stop words, stems, query parsing, snippets.

Documents are stemmed in their own language (a document holding several translations, each
translation in its own); a query's language is unknown, so it is
analysed once per supported language and a document matches when it holds every term of
the query in at least one of those analyses (an OR of ANDs). PostgreSQL's per-language
configurations and the Elasticsearch analyzers follow the same rule, which keeps the
engines' hits the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from pathlib import Path

import snowballstemmer
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from exchange.text import unaccent
from taxonomy import languages

# Content languages with a stemmer. The keys are the codes stored on search documents.
LANGUAGES: dict[str, str] = {language.code: language.stemmer for language in languages.LANGUAGES}
DEFAULT_LANGUAGE = languages.DEFAULT
MAX_QUERY_LENGTH = 200

_WORD = re.compile(r"\w+", re.UNICODE)
_QUERY_PART = re.compile(r'(-?)"([^"]*)"|(-?)(\S+)')
_STOPWORDS_DIR = Path(__file__).parent / "stopwords"


def words(text: str) -> list[str]:
    return _WORD.findall(unaccent(text))


@cache
def _stemmer(language: str):
    return snowballstemmer.stemmer(LANGUAGES[language])


@cache
def stopwords(language: str) -> frozenset[str]:
    # PostgreSQL 15 ships no Arabic stop-word list (its `arabic` configuration drops no
    # word), so neither do we: both sides must drop the same words.
    path = _STOPWORDS_DIR / f"{LANGUAGES[language]}.stop"
    if not path.exists():
        return frozenset()
    return frozenset(unaccent(w) for w in path.read_text(encoding="utf-8").split())


def analyse(text: str, language: str = DEFAULT_LANGUAGE) -> list[str]:
    """The stems a document in `language` is indexed under, stop words removed."""
    language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    stop = stopwords(language)
    stem = _stemmer(language).stemWord
    return [stem(w) for w in words(text) if w not in stop]


@dataclass(frozen=True)
class QueryTerm:
    """A word or a quoted phrase of a query, possibly excluded with a leading minus."""

    words: tuple[str, ...]
    excluded: bool = False


@dataclass(frozen=True)
class ParsedQuery:
    terms: tuple[QueryTerm, ...] = ()
    # language -> required groups (each a tuple of stems forming a phrase) and excluded groups
    analyses: dict[str, tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]]] = field(
        default_factory=dict
    )

    # phrase -> distance between each pair of its stems in the words typed, counting the
    # stop words dropped between them ("plan for immigrants": (2,)). PostgreSQL keeps a
    # stop word's position in a document, so its phrase operator needs that distance.
    distances: dict[tuple[str, ...], tuple[int, ...]] = field(default_factory=dict)
    # Per required term, its groups in every language ("housing": ("hous",), ("housing",)),
    # for scoring where each term is found.
    term_groups: tuple[tuple[tuple[str, ...], ...], ...] = ()

    def __bool__(self) -> bool:
        return any(required for required, _ in self.analyses.values())

    def stems(self) -> set[str]:
        """Every stem a matching word may have, for highlighting."""
        return {
            stem for required, _ in self.analyses.values() for group in required for stem in group
        }


def parse_query(q: str) -> ParsedQuery:
    """Split a query into words, "quoted phrases" and -exclusions, analysed per language.

    A query made only of exclusions, or of words every language ignores, has nothing to
    match, so it is treated as no text query at all (the caller then lists everything).
    """
    terms: list[QueryTerm] = []
    for match in _QUERY_PART.finditer(q or ""):
        minus_phrase, phrase, minus_word, word = match.groups()
        raw = phrase if phrase is not None else word
        tokens = tuple(words(raw))
        if tokens:
            terms.append(QueryTerm(tokens, excluded=bool(minus_phrase or minus_word)))
    # A stop word in any of the languages is dropped from every analysis: "the" or "in"
    # must not require a French or Italian word that no document indexes. When that would
    # leave nothing ("São" is a Portuguese stop word), each language drops only its own.
    union = frozenset().union(*(stopwords(language) for language in LANGUAGES))
    only_stop_words = all(w in union for t in terms if not t.excluded for w in t.words)
    analyses = {}
    distances: dict[tuple[str, ...], tuple[int, ...]] = {}
    term_groups: dict[int, dict[tuple[str, ...], None]] = {}
    for language in LANGUAGES:
        stop = stopwords(language) if only_stop_words else union
        stem = _stemmer(language).stemWord
        required, excluded = [], []
        for number, term in enumerate(terms):
            kept = [i for i, w in enumerate(term.words) if w not in stop]
            group = tuple(stem(term.words[i]) for i in kept)
            if group:
                (excluded if term.excluded else required).append(group)
                distances.setdefault(group, tuple(b - a for a, b in pairwise(kept)))
                if not term.excluded:
                    term_groups.setdefault(number, {})[group] = None
        if required:
            analyses[language] = (tuple(required), tuple(excluded))
    # An exclusion holds in every language: a document matched through one analysis must
    # not slip through because another language stems the excluded word differently
    # ("immigrants -municipal" kept "Municipal plan" via the French stem "municipal").
    excluded_anywhere = tuple(
        dict.fromkeys(group for _, excluded in analyses.values() for group in excluded)
    )
    analyses = {
        language: (required, excluded_anywhere) for language, (required, _) in analyses.items()
    }
    # The same analysis in several languages matches the same documents: keep one.
    unique: dict[tuple, str] = {}
    for language, analysis in analyses.items():
        unique.setdefault(analysis, language)
    return ParsedQuery(
        tuple(terms),
        {lang: a for a, lang in unique.items()},
        distances,
        tuple(tuple(groups) for groups in term_groups.values()),
    )


def snippet(text: str, query: ParsedQuery, language: str, *, size: int = 32) -> SafeString:
    """A window of `size` words around the first match, matches wrapped in <mark>.

    Every piece of the source is escaped before marking, so stored text can never
    inject markup.
    """
    tokens = re.split(r"(\w+)", text)
    if not tokens or len(tokens) == 1:
        return mark_safe(escape(text[: size * 8]))
    stems = query.stems()
    stem = _stemmer(language if language in LANGUAGES else DEFAULT_LANGUAGE).stemWord
    alt_stems = [_stemmer(lang).stemWord for lang in LANGUAGES]
    word_positions = list(range(1, len(tokens), 2))
    hits = set()
    if stems:
        for pos in word_positions:
            plain = unaccent(tokens[pos])
            if stem(plain) in stems or any(s(plain) in stems for s in alt_stems):
                hits.add(pos)
    first = min(hits) if hits else 1
    index = word_positions.index(first)
    start_word = max(0, index - size // 4)
    end_word = min(len(word_positions), start_word + size)
    start = word_positions[start_word] if start_word else 0
    end = word_positions[end_word - 1] + 1 if end_word < len(word_positions) else len(tokens)
    parts = []
    for pos in range(start, end):
        piece = escape(tokens[pos])
        parts.append(f"<mark>{piece}</mark>" if pos in hits else piece)
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(tokens) else ""
    return mark_safe(prefix + "".join(parts).strip() + suffix)
