from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .admin_confinement import confine_documents, confine_pages
from .admin_reports import report_urls
from .api import GuardedPagesAdminAPIViewSet
from .moderation import confirm_moderation_actions
from .public_documents import PublicDocumentLinkHandler
from .translation_admin import submit_page_translation
from .translation_status_report import TranslationStatusMenuItem, TranslationStatusReportView


# After wagtail.documents' own registration (hooks of equal order run in INSTALLED_APPS
# order, and this app comes first), so this handler replaces Wagtail's.
@hooks.register("register_rich_text_features", order=100)
def public_document_links(features) -> None:
    features.register_link_type(PublicDocumentLinkHandler)


# -- The dashboard's review panel asks before it approves (exchange.moderation) ----------


@hooks.register("construct_homepage_panels")
def review_panel_that_confirms(request, panels) -> None:
    confirm_moderation_actions(request, panels)


# -- Translation: wagtail-localize's submit view, within the editor's own pages -----------


@hooks.register("register_admin_urls", order=-1)
def register_guarded_translation_urls():
    """Before wagtail-localize's URL of the same address, which this one answers instead."""
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            submit_page_translation,
            name="exchange_submit_page_translation",
        )
    ]


# -- City editors see what they may edit or the public may see (exchange/admin_confinement.py)


@hooks.register("construct_page_chooser_queryset")
def confine_page_chooser(pages, request):
    return confine_pages(pages, request.user)


@hooks.register("construct_explorer_page_queryset")
def confine_explorer(parent_page, pages, request):
    return confine_pages(pages, request.user)


@hooks.register("construct_document_chooser_queryset")
def confine_document_chooser(documents, request):
    return confine_documents(documents, request.user)


# -- The admin's page API: bounded pagination and search operators (exchange/api.py) -------


@hooks.register("construct_admin_api")
def guard_admin_page_api(router) -> None:
    router.register_endpoint("pages", GuardedPagesAdminAPIViewSet)


# -- The translation status report (exchange/translation_status_report.py) ----------------


@hooks.register("register_admin_urls")
def register_translation_status_urls():
    return report_urls("translation-status", TranslationStatusReportView, "translation_status")


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return TranslationStatusMenuItem(
        _("Translation status"),
        reverse("translation_status"),
        name="translation-status",
        icon_name="globe",
        order=160,
    )
