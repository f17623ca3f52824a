"""The demo's translated pages in French, Spanish, Arabic and Portuguese, written in our own
words from the same facts as the English pages (exchange/demo/content.py): nothing is said
that the English does not say. One module per kind of page; in each, a page's translations
are keyed by language, then by the page's fields. A field left out stays in English, and
slugs are never translated (a translation shares its original's slug).
"""

from __future__ import annotations

from .cities import CITIES
from .dialogue import DIALOGUE, SPEAKER_ROLES
from .home import HOME
from .indexes import INDEXES
from .practices import PRACTICES
from .records import RECORDS

LANGUAGES = ("fr", "es", "ar", "pt")

__all__ = [
    "CITIES",
    "DIALOGUE",
    "HOME",
    "INDEXES",
    "LANGUAGES",
    "PRACTICES",
    "RECORDS",
    "SPEAKER_ROLES",
]
