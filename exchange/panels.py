"""Editor panels shared by every page type, so officials find fields in the same places."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList, TabbedInterface
from wagtail.models import Page

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


def tabs(content: list, details: list | None = None, relations: list | None = None):
    """The editor's tabs: content, then details, links and sources, promote, settings."""
    groups = [ObjectList(content, heading=_("Content"))]
    if details:
        groups.append(ObjectList(details, heading=_("Details")))
    if relations:
        groups.append(ObjectList(relations, heading=_("Links and sources")))
    groups.append(ObjectList(Page.promote_panels, heading=_("Promote")))
    groups.append(ObjectList(Page.settings_panels, heading=_("Settings")))
    return TabbedInterface(groups)
