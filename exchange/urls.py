from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from practices.feeds import NewPracticesFeed
from search.urls import api_urlpatterns as search_api_urlpatterns

from .api import api_router
from .i18n import set_language
from .moderation import page_workflow_action
from .page_passwords import authenticate_with_password
from .sitemaps import PublicSitemap, robots_txt
from .views import healthz

# The 400 page in the site's layout (exchange/request_guard.py).
handler400 = "exchange.views.bad_request"

# Machine URLs: one each, never prefixed with a language (docs/architecture.md, URL contracts).
open_data_urlpatterns = [
    path("api/v2/", api_router.urls),
    path("practices/feed.atom", NewPracticesFeed(), name="practices_feed"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PublicSitemap}}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
]

urlpatterns = [
    *open_data_urlpatterns,
    # Before Wagtail's own address for it: asks before approving, says when it has.
    path(
        "admin/pages/workflow/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
        page_workflow_action,
        name="exchange_page_workflow_action",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", healthz, name="healthz"),
    # The language switcher posts here; the cookie it sets makes the choice last.
    path("language/", set_language, name="set_language"),
    path("", include(search_api_urlpatterns)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Pages for people: English unprefixed (/search/), the other languages prefixed (/fr/search/).
urlpatterns += i18n_patterns(
    # Before Wagtail's catch-all, which would otherwise answer /search/ with a 404.
    path("", include("search.urls")),
    path("", include("practices.urls")),
    # Wagtail's own address for a page's password, throttled (before Wagtail's patterns).
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
