"""The "Commitments follow-up" admin report: who promised what, by when, and what is late.

Cities in the founding dialogue said they lacked ways to monitor follow-up; this report is
that monitoring for coordinators. It lists the commitments of the dialogues the user may
edit, filters them, flags the overdue ones and exports them.
"""

from __future__ import annotations

import django_filters
from django.db.models import F, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies.pages import PagePermissionPolicy

from cities.models import CityProfilePage
from exchange.admin_reports import RefusedFiltersMixin
from taxonomy.choices import CommitmentStatus
from taxonomy.collation import Collated

from .curation_views import forbidden
from .models import DialogueCommitment, DialoguePage

OVERDUE_CHOICES = [("yes", _("Overdue")), ("no", _("Not overdue"))]


def curated_dialogues(user) -> QuerySet:
    """The dialogues whose commitments `user` may follow: those they may edit."""
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return DialoguePage.objects.filter(pk__in=editable.values("pk")).order_by("-date", "title")


def commitments_for(user, today=None) -> QuerySet:
    return (
        DialogueCommitment.objects.filter(page__in=curated_dialogues(user).values("pk"))
        .with_overdue(today)
        .select_related("page", "source_session", "owner_city", "owner_organisation")
        .order_by(F("due_date").asc(nulls_last=True), "page__title", "sort_order")
    )


class CommitmentFilterSet(WagtailFilterSet):
    dialogue = django_filters.ModelChoiceFilter(
        label=_("Dialogue"),
        field_name="page",
        queryset=lambda request: curated_dialogues(request.user),
    )
    owner_city = django_filters.ModelChoiceFilter(
        label=_("Owner city"),
        queryset=lambda request: _owner_cities(),
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=CommitmentStatus.choices)
    overdue = django_filters.ChoiceFilter(
        label=_("Overdue"), choices=OVERDUE_CHOICES, method="filter_overdue"
    )

    class Meta:
        model = DialogueCommitment
        fields = ["dialogue", "owner_city", "status", "overdue"]

    def filter_overdue(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(is_overdue=(value == "yes"))


def _owner_cities() -> QuerySet:
    return CityProfilePage.objects.order_by(Collated("title"))


class CommitmentsReportView(RefusedFiltersMixin, ReportView):
    page_title = _("Commitments follow-up")
    header_icon = "date"
    results_template_name = "dialogues/admin/commitments_report_results.html"
    index_url_name = "exchange_commitments_report"
    index_results_url_name = "exchange_commitments_report_results"
    filterset_class = CommitmentFilterSet
    export_filename = "commitments-follow-up"
    list_export = [
        "dialogue",
        "session",
        "text",
        "owner_city",
        "owner_organisation",
        "due_date",
        "status",
        "overdue",
    ]
    export_headings = {
        "dialogue": _("Dialogue"),
        "session": _("Session"),
        "text": _("Commitment"),
        "owner_city": _("Owner city"),
        "owner_organisation": _("Owner organisation"),
        "due_date": _("Due date"),
        "status": _("Status"),
        "overdue": _("Overdue"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not curated_dialogues(request.user).exists():
            return forbidden(request, _("You do not follow the commitments of any dialogue."))
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self) -> QuerySet:
        self.today = timezone.localdate()
        return commitments_for(self.request.user, self.today)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["today"] = self.today
        return context

    def to_row_dict(self, item: DialogueCommitment) -> dict:
        return {
            "dialogue": item.page.title,
            "session": item.source_session.title if item.source_session else "",
            "text": item.text,
            "owner_city": item.owner_city.title if item.owner_city else "",
            "owner_organisation": str(item.owner_organisation or ""),
            "due_date": item.due_date,
            "status": str(item.get_status_display()),
            "overdue": str(_("yes") if item.is_overdue else _("no")),
        }


class CommitmentsReportMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return curated_dialogues(request.user).exists()
