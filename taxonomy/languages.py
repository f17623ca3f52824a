"""Languages: what the rest of the project needs to know about each one."""

from __future__ import annotations

from django.utils import translation


def text_direction(language: str) -> str:
    """ "rtl" for a language written right to left (Arabic), else "ltr"; "ltr" for a code
    Django does not know."""
    try:
        return "rtl" if translation.get_language_info(language)["bidi"] else "ltr"
    except KeyError:
        return "ltr"
