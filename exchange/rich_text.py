"""Rich text as the public sees it: Wagtail's links expanded, then only harmless markup kept.

The admin's editor (Draftail) stores only the features a field allows, but rich text also
arrives by other roads: imports (`import_data`), the public submission form, data
migrations, the shell. Wagtail's `richtext` filter expands links and trusts the rest, so a
`<script>`, an `onerror=` or a `javascript:` link stored by one of those roads would run in
every visitor's browser. Rendering through `public_rich_text` keeps only the elements the
editor can produce (RICH_TEXT_FEATURES), links with safe schemes, and no attributes else.
"""

from __future__ import annotations

from django.utils.safestring import SafeString, mark_safe
from wagtail.rich_text import expand_db_html
from wagtail.whitelist import Whitelister, allow_without_attributes, attribute_rule, check_url

# What RICH_TEXT_FEATURES produce (exchange/models.py), plus the paragraphs and line breaks
# around them; h4 for older content. Anything else is unwrapped (its text stays, escaped).
ALLOWED = {
    "[document]": allow_without_attributes,
    "a": attribute_rule({"href": check_url}),
    "b": allow_without_attributes,
    "br": allow_without_attributes,
    "em": allow_without_attributes,
    "h2": allow_without_attributes,
    "h3": allow_without_attributes,
    "h4": allow_without_attributes,
    "i": allow_without_attributes,
    "li": allow_without_attributes,
    "ol": allow_without_attributes,
    "p": allow_without_attributes,
    "strong": allow_without_attributes,
    "ul": allow_without_attributes,
}

# Whose text must go with them, not be shown as text once the tag is unwrapped.
DROPPED_WITH_CONTENT = {"script", "style", "template", "iframe", "object", "noscript", "title"}


class PublicRichText(Whitelister):
    element_rules = ALLOWED

    def clean_tag_node(self, doc, tag):
        if tag.name in DROPPED_WITH_CONTENT:
            tag.decompose()
            return
        super().clean_tag_node(doc, tag)


_cleaner = PublicRichText()


def public_rich_text(value: object) -> SafeString:
    """The stored rich text `value` (database format) as safe HTML for public pages."""
    html = expand_db_html(str(value or ""))
    if not html.strip():
        return mark_safe("")
    # Whitelister.clean escapes every text node and keeps only ALLOWED markup.
    return mark_safe(_cleaner.clean(html))
