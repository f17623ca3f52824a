"""Freshness of practices: which published practices nobody has confirmed for a year.

A practice is *stale* when its `last_verified` date is empty or more than twelve months
old. The admin report (`StalePracticesReportView`) lists them by city for whoever may edit
them, with Wagtail's CSV and XLSX export; the dashboard panel shows a city editor their
city's stale practices and a coordinator the count per city. Every listing here costs a
fixed number of queries, however many practices there are.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

import django_filters
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Length, Substr
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permissions import page_permission_policy

from cities.models import CityProfilePage
from exchange.localization import original_filter
from exchange.roles import COORDINATORS

# practices.models imports this module; its models are read at call time.
from . import models

STALE_AFTER_MONTHS = 12
PANEL_LIMIT = 10


def stale_cutoff(today: datetime.date | None = None) -> datetime.date:
    """The day twelve months before `today`: verified before it means stale."""
    today = today or timezone.localdate()
    try:
        return today.replace(year=today.year - STALE_AFTER_MONTHS // 12)
    except ValueError:  # 29 February
        return today.replace(year=today.year - STALE_AFTER_MONTHS // 12, day=28)


def is_stale(practice: models.PracticePage, today: datetime.date | None = None) -> bool:
    return practice.last_verified is None or practice.last_verified < stale_cutoff(today)


def _parent_path(outer: bool = False):
    path = OuterRef("path") if outer else "path"
    return Substr(path, 1, Length(path) - Value(Page.steplen))


def stale_practices(
    user=None, today: datetime.date | None = None
) -> QuerySet[models.PracticePage]:
    """Live practices not verified for twelve months (or never), with `city_title` and
    `city_id` annotated; only those `user` may edit when a user is given.

    Originals only: a translation is the same practice, verified with it."""
    practices = models.PracticePage.objects.live().filter(
        Q(last_verified__isnull=True) | Q(last_verified__lt=stale_cutoff(today)),
        **original_filter(),
    )
    if user is not None:
        editable = page_permission_policy.instances_user_has_permission_for(user, "change")
        practices = practices.filter(pk__in=editable.values("pk"))
    cities = CityProfilePage.objects.filter(path=_parent_path(outer=True))
    return practices.annotate(
        city_title=Subquery(cities.values("title")[:1]),
        city_id=Subquery(cities.values("pk")[:1]),
    ).order_by("city_title", "city_id", "last_verified", "title")


def stale_counts_by_city(user=None, today: datetime.date | None = None) -> list[dict]:
    """[{"city": CityProfilePage, "count": n}] for the cities with stale practices, in two
    queries."""
    counts = dict(
        stale_practices(user, today)
        .order_by()
        .annotate(parent=_parent_path())
        .values_list("parent")
        .annotate(count=Count("pk"))
        .values_list("parent", "count")
    )
    cities = CityProfilePage.objects.filter(path__in=counts).order_by("title", "pk")
    return [{"city": city, "count": counts[city.path]} for city in cities]


def editable_cities(user) -> QuerySet[CityProfilePage]:
    editable = page_permission_policy.instances_user_has_permission_for(user, "change")
    return CityProfilePage.objects.filter(
        pk__in=editable.values("pk"), **original_filter()
    ).order_by("title")


def can_see_report(user) -> bool:
    return page_permission_policy.user_has_any_permission(user, ["change", "publish"])


def sees_all_cities(user) -> bool:
    """Coordinators (and superusers) look after the whole network."""
    return user.is_superuser or user.groups.filter(name=COORDINATORS).exists()


# -- Report -------------------------------------------------------------------------------


class StalePracticesFilterSet(WagtailFilterSet):
    city = django_filters.ModelChoiceFilter(
        label=_("City"),
        queryset=lambda request: editable_cities(request.user),
        method="filter_city",
    )
    never = django_filters.BooleanFilter(
        label=_("Never verified"),
        method="filter_never",
        widget=django_filters.widgets.BooleanWidget,
    )

    class Meta:
        model = models.PracticePage
        fields: list[str] = []

    def filter_city(self, queryset, name, city):
        if not city:
            return queryset
        return queryset.filter(path__startswith=city.path, depth=city.depth + 1)

    def filter_never(self, queryset, name, never):
        if never is None:
            return queryset
        return queryset.filter(last_verified__isnull=never)


def _verified_display(practice) -> str:
    if practice.last_verified is None:
        return str(_("Never"))
    return date_format(practice.last_verified, "DATE_FORMAT")


class StalePracticesReportView(ReportView):
    page_title = _("Practices to verify")
    header_icon = "time"
    model = models.PracticePage
    filterset_class = StalePracticesFilterSet
    index_url_name = "stale_practices"
    index_results_url_name = "stale_practices_results"
    any_permission_required = ["change", "publish"]
    paginate_by = 50
    columns = [
        TitleColumn("title", label=_("Practice"), url_name="wagtailadmin_pages:edit"),
        Column("city_title", label=_("City")),
        Column("last_verified", label=_("Last verified"), accessor=_verified_display),
        Column("status_string", label=_("Status")),
    ]
    list_export = ["title", "city_title", "last_verified", "status_string", "id"]
    export_headings = {
        "title": _("Practice"),
        "city_title": _("City"),
        "last_verified": _("Last verified (empty: never)"),
        "status_string": _("Status"),
        "id": _("Page id"),
    }

    @cached_property
    def permission_policy(self):
        return page_permission_policy

    def get_queryset(self):
        # The status column reads the schedule and the moderation state: fetched with the
        # rows, not one query a row.
        return (
            stale_practices(self.request.user)
            .annotate_approved_schedule()
            .prefetch_workflow_states()
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_subtitle"] = _(
            "Published practices whose description nobody has confirmed for %(months)s "
            "months, or ever. Open one, check it with the city, and set its “last verified” "
            "date."
        ) % {"months": STALE_AFTER_MONTHS}
        return context


# -- Dashboard panel ------------------------------------------------------------------------


class StalePracticesPanel(Component):
    name = "stale_practices"
    template_name = "practices/admin/stale_practices_panel.html"
    order = 230

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context: Mapping[str, Any]) -> Mapping[str, Any]:
        user = self.request.user
        report_url = reverse("stale_practices")
        context: dict[str, Any] = {"report_url": report_url, "months": STALE_AFTER_MONTHS}
        if sees_all_cities(user):
            counts = stale_counts_by_city(user)
            context["city_counts"] = counts
            context["total"] = sum(row["count"] for row in counts)
        else:
            practices = stale_practices(user)
            context["practices"] = list(practices[:PANEL_LIMIT])
            context["total"] = practices.count()
        return context
