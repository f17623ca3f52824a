"""Admin lists of public submissions and exchange requests, scoped by who may see what.

- "Public submissions": everything sent through /submit/, contact details included; for
  those with the model's permissions (Moderators, Network coordinators).
- "Corrections": the corrections about a city's practices, for that city's editors, without
  the sender's contact details.
- "Exchange requests": a city's editors see and answer the requests addressed to their city;
  people with the model's permissions see all of them.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .city_scope import CityScopedPermissionPolicy
from .exchange_requests import ExchangeRequest
from .submissions import Submission, SubmissionKind


class NoAddPermissionPolicy(ModelPermissionPolicy):
    """Rows come from the public site only: nobody adds one in the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)


class ScopedObjectMixin:
    """Refuse (403) a row outside what the viewset shows to this user."""

    scoped_queryset = None

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if not self.scoped_queryset(self.request.user).filter(pk=obj.pk).exists():
            raise PermissionDenied
        return obj


class ScopedIndexView(generic.IndexView):
    scoped_queryset = None

    def get_base_queryset(self):
        return super().get_base_queryset() & self.scoped_queryset(self.request.user)


class ScopedEditView(ScopedObjectMixin, generic.EditView):
    pass


class ScopedInspectView(ScopedObjectMixin, generic.InspectView):
    pass


class ScopedDeleteView(ScopedObjectMixin, generic.DeleteView):
    pass


class ScopedHistoryView(ScopedObjectMixin, HistoryView):
    pass


class ScopedUsageView(ScopedObjectMixin, UsageView):
    pass


class ScopedModelViewSet(ModelViewSet):
    """Every view of one row, and the list, keep to `scoped_queryset(user)`."""

    index_view_class = ScopedIndexView
    edit_view_class = ScopedEditView
    inspect_view_class = ScopedInspectView
    delete_view_class = ScopedDeleteView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView
    inspect_view_enabled = True
    ordering = ["-created_at"]

    # Wagtail's views take the policy registered for the model; the corrections list of
    # the same model needs its own, so each viewset hands its policy to its views.
    scope_policy = None

    def scoped_queryset(self, user):
        return self.scope_policy.instances_user_has_any_permission_for(user, ["view", "change"])

    def _scoped(self, kwargs: dict) -> dict:
        return {
            **kwargs,
            "scoped_queryset": self.scoped_queryset,
            "permission_policy": self.scope_policy,
        }

    @cached_property
    def menu_item_class(self):
        viewset = self

        class ScopedMenuItem(MenuItem):
            def is_shown(self, request):
                return viewset.scope_policy.user_has_any_permission(
                    request.user, ["view", "change"]
                )

        return ScopedMenuItem

    def get_index_view_kwargs(self, **kwargs):
        return self._scoped(super().get_index_view_kwargs(**kwargs))

    def get_edit_view_kwargs(self, **kwargs):
        return self._scoped(super().get_edit_view_kwargs(**kwargs))

    def get_inspect_view_kwargs(self, **kwargs):
        return self._scoped(super().get_inspect_view_kwargs(**kwargs))

    def get_delete_view_kwargs(self, **kwargs):
        return self._scoped(super().get_delete_view_kwargs(**kwargs))

    def get_history_view_kwargs(self, **kwargs):
        return self._scoped(super().get_history_view_kwargs(**kwargs))

    def get_usage_view_kwargs(self, **kwargs):
        return self._scoped(super().get_usage_view_kwargs(**kwargs))


submission_policy = NoAddPermissionPolicy(Submission)
correction_policy = CityScopedPermissionPolicy(Submission)
exchange_request_policy = CityScopedPermissionPolicy(ExchangeRequest)
# The model-wide policies; the corrections list keeps its own, scoped to cities.
register_permission_policy(Submission, submission_policy, exact_class=True)
register_permission_policy(ExchangeRequest, exchange_request_policy, exact_class=True)


class SubmissionViewSet(ScopedModelViewSet):
    model = Submission
    name = "submissions"
    icon = "mail"
    menu_label = _("Public submissions")
    scope_policy = submission_policy
    list_display = [
        Column("kind", label=_("Kind"), accessor="get_kind_display"),
        "__str__",
        Column("city", label=_("City")),
        Column("status", label=_("Status"), accessor="get_status_display"),
        DateColumn("created_at", label=_("Received")),
    ]
    list_filter = ["kind", "status"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [FieldPanel("status"), FieldPanel("review_note")], heading=_("Review")
            ),
            MultiFieldPanel(
                [
                    FieldPanel("kind", read_only=True),
                    FieldPanel("city", read_only=True),
                    FieldPanel("practice", read_only=True),
                    FieldPanel("title", read_only=True),
                    FieldPanel("summary", read_only=True),
                    FieldPanel("description", read_only=True),
                    FieldPanel("themes", read_only=True),
                    FieldPanel("target_groups", read_only=True),
                    FieldPanel("practice_status", read_only=True),
                    FieldPanel("start_year", read_only=True),
                    FieldPanel("what_is_wrong", read_only=True),
                    FieldPanel("proposed_text", read_only=True),
                ],
                heading=_("As sent"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("contact_name", read_only=True),
                    FieldPanel("contact_email", read_only=True),
                    FieldPanel("contact_consent", read_only=True),
                ],
                heading=_("Contact (personal data: use only to follow up this submission)"),
            ),
        ]
    )


class CorrectionViewSet(ScopedModelViewSet):
    model = Submission
    name = "corrections"
    icon = "edit"
    menu_label = _("Corrections")
    scope_policy = correction_policy
    # Never the sender's contact details: city editors see what is wrong, not who said it.
    inspect_view_fields = [
        "practice",
        "city",
        "what_is_wrong",
        "proposed_text",
        "status",
        "created_at",
    ]
    list_display = [
        Column("practice", label=_("Practice")),
        Column("city", label=_("City")),
        Column("status", label=_("Status"), accessor="get_status_display"),
        DateColumn("created_at", label=_("Received")),
    ]
    list_filter = ["status"]

    def scoped_queryset(self, user):
        return super().scoped_queryset(user).filter(kind=SubmissionKind.CORRECTION)

    def get_index_view_kwargs(self, **kwargs):
        # The model is Submission; the list, and its empty state, speak of corrections.
        return {
            **super().get_index_view_kwargs(**kwargs),
            "page_title": self.menu_label,
            "verbose_name_plural": _("corrections"),
        }

    edit_handler = ObjectList(
        [
            FieldPanel("status"),
            FieldPanel("practice", read_only=True),
            FieldPanel("what_is_wrong", read_only=True),
            FieldPanel("proposed_text", read_only=True),
        ]
    )


class ExchangeRequestViewSet(ScopedModelViewSet):
    model = ExchangeRequest
    name = "exchange_requests"
    icon = "group"
    menu_label = _("Exchange requests")
    scope_policy = exchange_request_policy
    list_display = [
        Column("practice", label=_("Practice")),
        Column("city", label=_("City asked")),
        Column("requester", label=_("Requested by")),
        Column("status", label=_("Status"), accessor="get_status_display"),
        DateColumn("created_at", label=_("Requested")),
    ]
    list_filter = ["status"]
    edit_handler = ObjectList(
        [
            FieldPanel("status"),
            FieldPanel("reply"),
            FieldPanel("practice", read_only=True),
            FieldPanel("requester", read_only=True),
            FieldPanel("message", read_only=True),
        ]
    )


class ContributionsGroup(ModelViewSetGroup):
    menu_label = _("Contributions")
    menu_icon = "mail"
    menu_order = 250
    items = (SubmissionViewSet, CorrectionViewSet, ExchangeRequestViewSet)
