"""StreamField blocks shared by the apps of the Exchange."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("title shown"),
        required=False,
        max_length=200,
        help_text=_("Leave empty to use the document's own title."),
    )
    language = blocks.CharBlock(
        label=_("language"),
        required=False,
        max_length=40,
        help_text=_("Language the document is written in, e.g. French."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "blocks/document_link.html"


class DocumentsBlock(blocks.StreamBlock):
    document = DocumentLinkBlock()


class SpeakerBlock(blocks.StructBlock):
    """Who spoke, by organisation; a person's name is optional and published only if given."""

    organisation = SnippetChooserBlock("cities.Organisation", label=_("organisation"))
    role = blocks.CharBlock(
        label=_("role"),
        required=False,
        max_length=200,
        help_text=_("Function at the session, e.g. moderator or panellist."),
    )
    name = blocks.CharBlock(
        label=_("name"),
        required=False,
        max_length=200,
        help_text=_("Only with the person's agreement to be named publicly."),
    )

    class Meta:
        icon = "user"
        label = _("Speaker")


class GuidingQuestionsBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(blocks.CharBlock(max_length=500, label=_("question")), **kwargs)
