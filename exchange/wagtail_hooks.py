from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .vocabularies import VOCABULARIES


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


# -- Dialogue curation: outcomes from sessions, and the commitments follow-up report -------


@hooks.register("register_admin_urls")
def register_curation_urls():
    from .commitments_report import CommitmentsReportView
    from .curation_views import add_commitment, add_outcome, curate_dialogue

    curation = [
        path("", curate_dialogue, name="dialogue"),
        path("add/commitment/", add_commitment, name="add_commitment"),
        path("add/<slug:kind>/", add_outcome, name="add_outcome"),
    ]
    return [
        path(
            "dialogues/<int:page_id>/outcomes/",
            include((curation, "exchange_curation"), namespace="exchange_curation"),
        ),
        path(
            "reports/commitments/",
            CommitmentsReportView.as_view(),
            name="exchange_commitments_report",
        ),
        path(
            "reports/commitments/results/",
            CommitmentsReportView.as_view(results_only=True),
            name="exchange_commitments_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_commitments_report_menu_item():
    from .commitments_report import CommitmentsReportMenuItem

    return CommitmentsReportMenuItem(
        _("Commitments follow-up"),
        reverse("exchange_commitments_report"),
        name="commitments-follow-up",
        icon_name="date",
        order=1000,
    )


def _curation_button(page, user, priority: int):
    from .models import DialoguePage

    if page.specific_class is DialoguePage and page.permissions_for_user(user).can_edit():
        yield Button(
            _("Dialogue outcomes"),
            reverse("exchange_curation:dialogue", args=[page.pk]),
            icon_name="list-ul",
            priority=priority,
        )


@hooks.register("register_page_header_buttons")
def dialogue_outcomes_header_button(page, user, view_name, next_url=None):
    yield from _curation_button(page, user, priority=12)


@hooks.register("register_page_listing_more_buttons")
def dialogue_outcomes_listing_button(page, user, next_url=None):
    yield from _curation_button(page, user, priority=9)


# After wagtail.documents' own registration (hooks of equal order run in INSTALLED_APPS
# order, and this app comes first), so this handler replaces Wagtail's.
@hooks.register("register_rich_text_features", order=100)
def public_document_links(features) -> None:
    from .public_documents import PublicDocumentLinkHandler

    features.register_link_type(PublicDocumentLinkHandler)


# -- Translation: wagtail-localize's submit view, within the editor's own pages -----------


@hooks.register("register_admin_urls", order=-1)
def register_guarded_translation_urls():
    """Before wagtail-localize's URL of the same address, which this one answers instead."""
    from .translation_admin import submit_page_translation

    return [
        path(
            "localize/submit/page/<int:page_id>/",
            submit_page_translation,
            name="exchange_submit_page_translation",
        )
    ]
