"""The notice on a translation that its original changed since it was published."""

from __future__ import annotations

from django import template

from ..translation_status import OutdatedOriginal, outdated_original

register = template.Library()


@register.simple_tag(takes_context=True)
def outdated_translation(context) -> OutdatedOriginal | None:
    """The original of the page being shown when this translation of it is outdated; one
    query on a translated page, none on an original or in English."""
    return outdated_original(context.get("page"), context.get("request"))
