"""The one table of languages (taxonomy/languages.py): what each language needs elsewhere
is there, so adding a language to the table fails here until it is complete."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from exchange.templatetags.language_tags import NAMES_IN_THEMSELVES
from search.results import IN_LANGUAGE
from search.text import LANGUAGES as STEMMED
from search.text import analyse, stopwords
from taxonomy.languages import INTERFACE_LANGUAGES, LANGUAGES, TRANSLATED_LANGUAGES
from taxonomy.models import Theme

ROOT = Path(__file__).resolve().parent.parent


def test_settings_and_content_languages_are_the_interface_languages_of_the_table():
    assert [code for code, _name in settings.LANGUAGES] == list(INTERFACE_LANGUAGES)
    assert settings.WAGTAIL_CONTENT_LANGUAGES == settings.LANGUAGES


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.code)
def test_every_language_is_stemmed_named_and_badged(language):
    assert STEMMED[language.code] == language.stemmer
    # Stop words as PostgreSQL drops them (it has no list for Arabic, so neither do we).
    assert isinstance(stopwords(language.code), frozenset)
    assert analyse("migrants", language.code)  # the stemmer exists
    assert NAMES_IN_THEMSELVES[language.code] == language.own_name
    with translation.override(language.code if language.interface else "en"):
        assert str(IN_LANGUAGE[language.code])


@pytest.mark.parametrize("code", TRANSLATED_LANGUAGES)
def test_every_translated_language_has_term_fields_and_a_catalogue(code):
    fields = {field.name for field in Theme._meta.get_fields()}
    assert {f"name_{code}", f"description_{code}"} <= fields
    assert (ROOT / "locale" / code / "LC_MESSAGES" / "django.po").exists()
