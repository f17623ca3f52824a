"""The vocabularies in the admin: one menu group, a list per vocabulary."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import VOCABULARIES


def _viewset_for(model) -> type[SnippetViewSet]:
    return type(
        f"{model.__name__}ViewSet",
        (SnippetViewSet,),
        {"model": model, "list_display": ["name", "slug"], "search_fields": ["name"]},
    )


class VocabularyGroup(SnippetViewSetGroup):
    menu_label = _("Vocabularies")
    menu_icon = "tag"
    menu_order = 300
    items = [_viewset_for(model) for model in VOCABULARIES]


register_snippet(VocabularyGroup)
