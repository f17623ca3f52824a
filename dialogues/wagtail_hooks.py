"""Dialogue curation in the admin: outcomes from sessions, and the commitments report."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from exchange.admin_reports import report_urls
from exchange.listing_language import show_in_language

from .commitments_report import CommitmentsReportMenuItem, CommitmentsReportView
from .curation_views import add_commitment, add_outcome, curate_dialogue
from .models import DialoguePage


@hooks.register("register_admin_urls")
def register_curation_urls():
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
        *report_urls("commitments", CommitmentsReportView, "exchange_commitments_report"),
    ]


@hooks.register("register_reports_menu_item")
def register_commitments_report_menu_item():
    return CommitmentsReportMenuItem(
        _("Commitments follow-up"),
        reverse("exchange_commitments_report"),
        name="commitments-follow-up",
        icon_name="date",
        order=1000,
    )


def _curation_button(page, user, priority: int):
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


# -- What city pages show of dialogues (cities never import dialogues) ---------------------


@hooks.register("exchange_city_page_context")
def city_dialogues(city, request):
    return {
        "dialogues": show_in_language(
            DialoguePage.objects.visible()
            .filter(participating_cities__city=city)
            .distinct()
            .order_by("-date")
        )
    }
