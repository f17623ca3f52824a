from django.urls import path
from wagtail import hooks

from .api import GuardedPagesAdminAPIViewSet
from .public_documents import PublicDocumentLinkHandler
from .translation_admin import submit_page_translation


# After wagtail.documents' own registration (hooks of equal order run in INSTALLED_APPS
# order, and this app comes first), so this handler replaces Wagtail's.
@hooks.register("register_rich_text_features", order=100)
def public_document_links(features) -> None:
    features.register_link_type(PublicDocumentLinkHandler)


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


# -- The admin's page API: bounded pagination and search operators (exchange/api.py) -------


@hooks.register("construct_admin_api")
def guard_admin_page_api(router) -> None:
    router.register_endpoint("pages", GuardedPagesAdminAPIViewSet)
