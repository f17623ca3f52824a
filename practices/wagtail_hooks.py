from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from exchange.admin_reports import report_urls

from . import freshness, listings
from .admin_views import ContributionsGroup


@hooks.register("register_admin_viewset")
def register_contributions():
    return ContributionsGroup()


class StalePracticesMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return freshness.can_see_report(request.user)


@hooks.register("register_admin_urls")
def register_freshness_urls():
    return report_urls(
        "practices-to-verify", freshness.StalePracticesReportView, "stale_practices"
    )


@hooks.register("register_reports_menu_item")
def register_stale_practices_menu_item():
    return StalePracticesMenuItem(
        _("Practices to verify"),
        reverse("stale_practices"),
        name="practices-to-verify",
        icon_name="time",
        order=150,
    )


@hooks.register("construct_homepage_panels")
def add_stale_practices_panel(request, panels):
    if freshness.can_see_report(request.user):
        panels.append(freshness.StalePracticesPanel(request))


# -- What city pages show of practices' content (cities never import practices) -----------


@hooks.register("exchange_city_practice_counts")
def city_practice_counts(index, cities):
    return listings.city_practice_counts(index, cities)


@hooks.register("exchange_city_page_context")
def city_page_sections(city, request):
    return listings.city_sections(city, request)
