"""Alphabetical order in each language: one ICU collator per language, and the same order in
both databases (docs/architecture.md, "Sorting").

Code points put "São Paulo" after "Sousse" and "Élan" after "Zagreb"; ICU's collation (the
Unicode Collation Algorithm with each language's CLDR tailoring: "ñ" after "n" in Spanish,
Arabic letters in Arabic order and first in Arabic) sorts as readers expect.

- In Python: `sort_key(text, language)`, `sorted_by(items, key, language)`.
- In queries: `Collated("title", language)` (Django's `Collate`) orders by the collation of
  that language. PostgreSQL has ICU collations of its own (`"fr-x-icu"`), built on the same
  ICU as PyICU on Debian; on SQLite, `register_sqlite_collations` (on every new connection)
  defines collations of the same names that call the Python collator.
- `sort_key_text(text, language)`: the sort key as text whose byte order is the collation
  order, for a search engine's keyword field.

The language defaults to the active one. A language without tailoring (or unknown) sorts by
ICU's root collation, which still puts accented letters beside their base letter.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import icu
from django.db.models import Expression, F
from django.db.models.functions import Collate
from django.utils import translation

from .languages import LANGUAGES

T = TypeVar("T")

# Our language codes -> ICU locales. European Portuguese is the interface's Portuguese (its
# collation is the same as Brazil's today; naming it keeps it so if CLDR ever tells them apart).
LOCALES = {language.code: language.code for language in LANGUAGES} | {"pt": "pt-PT"}
ROOT = "und"


def collation_language(language: str | None = None) -> str:
    """Our code for `language` ("pt" from "pt-pt"; the active language when None)."""
    code = language if language is not None else translation.get_language() or ""
    return code.split("-")[0].split("_")[0].lower()


def icu_locale(language: str | None = None) -> str:
    return LOCALES.get(collation_language(language), ROOT)


@functools.cache
def _collator(locale: str) -> icu.Collator:
    # Collators are built from CLDR data once per locale; ICU's compare and getSortKey are
    # const, so one collator serves every thread.
    return icu.Collator.createInstance(icu.Locale(locale))


def collator(language: str | None = None) -> icu.Collator:
    return _collator(icu_locale(language))


def sort_key(text: str, language: str | None = None) -> tuple[bytes, str]:
    """Orders `text` alphabetically in `language`; strings ICU finds equal are ordered by
    code point, as PostgreSQL's deterministic collations do, so every backend agrees."""
    text = text or ""
    return collator(language).getSortKey(text), text


def sorted_by(items: Iterable[T], key: Callable[[T], str], language: str | None = None) -> list[T]:
    """`items` in the alphabetical order of `key(item)` in `language`."""
    language = collation_language(language)
    return sorted(items, key=lambda item: sort_key(key(item), language))


# The key's bytes as text whose byte order is theirs: base 32 with the digits and letters
# in ASCII order, so that a search engine's keyword sort (by bytes) is the collation order.
_DIGITS = "0123456789abcdefghijklmnopqrstuv"


def sort_key_text(text: str, language: str | None = None) -> str:
    """The collation key of `text` in `language` as text ordered as `sort_key` orders.

    ICU's keys have no zero byte before their terminator, so no key is a proper prefix of
    another: a zero-padded fixed-width encoding keeps their order, and its encodings are no
    prefix of one another either. The text follows, to order equal keys by code point (UTF-8
    byte order is code point order).
    """
    key, text = sort_key(text, language)
    # Five bytes make eight base-32 digits; pad the last group with zero bytes.
    padded = key + b"\0" * (-len(key) % 5)
    digits = []
    for start in range(0, len(padded), 5):
        chunk = int.from_bytes(padded[start : start + 5], "big")
        digits.append("".join(_DIGITS[(chunk >> shift) & 31] for shift in range(35, -1, -5)))
    return "".join(digits) + text


# ----------------------------------------------------------------- databases


def collation_name(language: str | None = None) -> str:
    """The database collation of `language`: PostgreSQL's ICU name, which SQLite's
    connections define too (`register_sqlite_collations`)."""
    return f"{icu_locale(language)}-x-icu"


def Collated(expression: str | Expression, language: str | None = None) -> Collate:
    """`expression` (a field name or an expression) collated for ordering in `language`."""
    if isinstance(expression, str):
        expression = F(expression)
    return Collate(expression, collation_name(language))


def _compare(locale: str) -> Callable[[str, str], int]:
    compare = _collator(locale).compare

    def collate(a: str, b: str) -> int:
        # NULLs never reach a collation; ties fall back to code points as in PostgreSQL.
        return compare(a, b) or (a > b) - (a < b)

    return collate


def register_sqlite_collations(sender: Any, connection: Any, **kwargs: Any) -> None:
    """`connection_created` receiver: SQLite connections learn PostgreSQL's collation names."""
    if connection.vendor != "sqlite":
        return
    for locale in {*LOCALES.values(), ROOT}:
        connection.connection.create_collation(f"{locale}-x-icu", _compare(locale))
