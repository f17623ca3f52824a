"""The languages of the Exchange, in one table: settings, term translations, the language
switcher, search stemming and the "In …" badges of search hits are all built from it.

An *interface* language has a catalogue in locale/, a URL prefix (English has none), and a
translation of every page and term; a content-only language (Italian) is one that search
documents and resources may be written in, stemmed like the others.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1, as in URLs, locales and search documents
    name: str  # in English; Django's own catalogues translate it
    own_name: str  # in itself, for the language switcher
    stemmer: str  # the Snowball stemmer and the PostgreSQL text search configuration
    # "In Arabic": the badge on a search hit in another language than the visitor's, a whole
    # phrase so that each language can say it its own way.
    in_language: str | Promise
    interface: bool = True


LANGUAGES: tuple[Language, ...] = (
    Language("en", "English", "English", "english", _("In English")),
    Language("fr", "French", "Français", "french", _("In French")),
    Language("es", "Spanish", "Español", "spanish", _("In Spanish")),
    Language("ar", "Arabic", "العربية", "arabic", _("In Arabic")),
    Language("pt", "Portuguese", "Português", "portuguese", _("In Portuguese")),
    Language("it", "Italian", "Italiano", "italian", _("In Italian"), interface=False),
)
BY_CODE = {language.code: language for language in LANGUAGES}
DEFAULT = "en"
INTERFACE_LANGUAGES = tuple(language.code for language in LANGUAGES if language.interface)
# The interface languages besides English: terms have a name and description in each.
TRANSLATED_LANGUAGES = tuple(code for code in INTERFACE_LANGUAGES if code != DEFAULT)


def text_direction(language: str) -> str:
    """ "rtl" for a language written right to left (Arabic), else "ltr"; "ltr" for a code
    Django does not know."""
    try:
        return "rtl" if translation.get_language_info(language)["bidi"] else "ltr"
    except KeyError:
        return "ltr"
