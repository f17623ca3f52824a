"""Each entry of each interface catalogue, as the translators left it (issue 18).

test_catalogues.py checks the catalogues against the code (makemessages); this one reads the
.po files alone, so it also runs where GNU gettext is not installed: no entry empty or fuzzy,
and every placeholder of a msgid kept in its msgstr, spelt the same. A translation that drops
or misspells %(city)s either raises at run time or shows the visitor a raw "%(citi)s".
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .test_catalogues import CATALOGUE_LANGUAGES, Entry, read_catalogue

ROOT = Path(__file__).resolve().parent.parent

# %(name)s / %(name)d, a bare %s / %d, and {name} (str.format and format_html). "%%" is a
# literal percent sign, not a placeholder.
PERCENT = re.compile(r"%(?:\((\w+)\))?[-#0 +]*\d*(?:\.\d+)?([sdifr])")
BRACES = re.compile(r"(?<!\{)\{(\w*)(?:![rsa])?(?::[^{}]*)?\}(?!\})")


def placeholders(text: str) -> list[str]:
    text = text.replace("%%", "")
    found = [f"%({name}){kind}" if name else f"%{kind}" for name, kind in PERCENT.findall(text)]
    found += [f"{{{name}}}" for name in BRACES.findall(text)]
    return sorted(found)


def entries(language: str) -> list[Entry]:
    return read_catalogue(ROOT / "locale" / language / "LC_MESSAGES" / "django.po")[1:]


@pytest.mark.parametrize("language", CATALOGUE_LANGUAGES)
def test_no_entry_is_empty_or_fuzzy(language: str) -> None:
    problems = [f"empty: {e.label()}" for e in entries(language) if not all(e.msgstrs)]
    problems += [f"fuzzy: {e.label()}" for e in entries(language) if e.fuzzy]
    assert not problems, f"{language}:\n" + "\n".join(problems)


@pytest.mark.parametrize("language", CATALOGUE_LANGUAGES)
def test_every_translation_keeps_the_placeholders_of_its_msgid(language: str) -> None:
    problems = []
    for entry in entries(language):
        expected = placeholders(entry.msgid)
        # A plural form may leave out the count ("Un résultat"), never add or rename one.
        plural = set(placeholders(entry.msgid_plural or "")) | set(expected)
        for index, msgstr in enumerate(entry.msgstrs):
            got = placeholders(msgstr)
            if entry.msgid_plural is None:
                wrong = got != expected
            else:
                wrong = not set(got) <= plural or not {
                    p for p in plural if "counter" not in p and p != "%d"
                } <= set(got)
            if wrong:
                problems.append(f"{entry.label()} [{index}]: {got} instead of {expected}")
    assert not problems, f"{language}:\n" + "\n".join(problems)


def test_the_placeholder_reader_sees_what_a_translation_drops() -> None:
    assert placeholders("%(city)s has %(n)d, {count} and 50%%") == [
        "%(city)s",
        "%(n)d",
        "{count}",
    ]
    assert placeholders("%(citi)s a 50 %%") != placeholders("%(city)s has 50%%")
