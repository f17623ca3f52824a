"""The "Translation status" admin report: which published records are translated into
which language, which are only drafts there, outdated or missing (exchange/translation_status.py
says what each status means).

Coordinators (and superusers) see the whole network; a city's editors see the records they
may edit, that is their city's; anyone without page rights is refused (403). Exported to
CSV and XLSX by Wagtail, formula-safe through exchange/csv_export.py.
"""

from __future__ import annotations

import django_filters
from django.conf import settings
from django.db.models import QuerySet
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permissions import page_permission_policy

from cities.models import CityProfilePage
from taxonomy.languages import TRANSLATED_LANGUAGES

from . import translation_status as status
from .admin_reports import RefusedFiltersMixin
from .localization import original_filter


def language_name(code: str) -> str:
    return str(dict(settings.LANGUAGES)[code])


def language_choices() -> list[tuple[str, str]]:
    return [(code, language_name(code)) for code in TRANSLATED_LANGUAGES]


def can_see_report(user) -> bool:
    return page_permission_policy.user_has_any_permission(user, ["change", "publish"])


def cities_for(user) -> QuerySet[CityProfilePage]:
    editable = page_permission_policy.instances_user_has_permission_for(user, "change")
    return CityProfilePage.objects.filter(
        pk__in=editable.values("pk"), **original_filter()
    ).order_by("title")


class TranslationStatusFilterSet(WagtailFilterSet):
    record_type = django_filters.ChoiceFilter(
        label=_("Type"), choices=status.type_choices, method="filter_type"
    )
    city = django_filters.ModelChoiceFilter(
        label=_("City"), queryset=lambda request: cities_for(request.user), method="filter_city"
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=language_choices, method="filter_language"
    )
    needs_translation = django_filters.BooleanFilter(
        label=_("Needs translation"),
        help_text=_("Missing or outdated in the chosen language (in any, if none is chosen)."),
        method="filter_needs_translation",
        widget=django_filters.widgets.BooleanWidget,
    )

    class Meta:
        model = Page
        fields: list[str] = []

    def filter_type(self, queryset, name, value):
        if not value:
            return queryset
        app_label, model_name = value.split(".")
        return queryset.filter(type_app=app_label, type_model=model_name)

    def filter_city(self, queryset, name, city):
        if not city:
            return queryset
        return queryset.filter(path__startswith=city.path)

    def filter_language(self, queryset, name, value):
        # The language chooses the columns and what "needs translation" means; it keeps
        # every record.
        return queryset

    def filter_needs_translation(self, queryset, name, value):
        if value is None:
            return queryset
        chosen = self.form.cleaned_data.get("language")
        q = status.needs_translation_q((chosen,) if chosen else TRANSLATED_LANGUAGES)
        return queryset.filter(q) if value else queryset.exclude(q)


def _status_accessor(code: str):
    field = status.status_field(code)

    def accessor(record) -> str:
        return str(status.STATUS_LABELS[getattr(record, field)])

    return accessor


def _type_accessor(record) -> str:
    return status.type_label(record.type_app, record.type_model)


class TranslationStatusReportView(RefusedFiltersMixin, ReportView):
    page_title = _("Translation status")
    header_icon = "globe"
    results_template_name = "exchange/admin/translation_status_results.html"
    index_url_name = "translation_status"
    index_results_url_name = "translation_status_results"
    filterset_class = TranslationStatusFilterSet
    any_permission_required = ["change", "publish"]
    export_filename = "translation-status"
    paginate_by = 50

    @cached_property
    def permission_policy(self):
        return page_permission_policy

    @cached_property
    def languages(self) -> tuple[str, ...]:
        filters = self.filters
        if filters is not None and filters.is_valid():
            chosen = filters.form.cleaned_data.get("language")
            if chosen:
                return (chosen,)
        return TRANSLATED_LANGUAGES

    @cached_property
    def columns(self):
        return [
            TitleColumn("title", label=_("Record"), url_name="wagtailadmin_pages:edit"),
            Column("type", label=_("Type"), accessor=_type_accessor),
            Column("city_title", label=_("City")),
            *(
                Column(status.status_field(code), label=language_name(code),
                       accessor=_status_accessor(code))
                for code in self.languages
            ),
        ]  # fmt: skip

    @property
    def list_export(self) -> list[str]:
        return ["title", "type", "city", *self.languages, "id"]

    @property
    def export_headings(self) -> dict:
        return {
            "title": _("Record"),
            "type": _("Type"),
            "city": _("City"),
            "id": _("Page id"),
            **{code: language_name(code) for code in self.languages},
        }

    def get_queryset(self):
        return status.records_for(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_subtitle"] = _(
            "Published records and their translations. Outdated: the translation was "
            "published before the original last changed."
        )
        context["languages"] = [(code, language_name(code)) for code in self.languages]
        if not self.is_export:
            context["city_counts"] = status.counts_by_city(self.object_list, self.languages)
        return context

    def to_row_dict(self, item) -> dict:
        return {
            "title": item.title,
            "type": _type_accessor(item),
            "city": item.city_title or "",
            **{code: _status_accessor(code)(item) for code in self.languages},
            "id": item.pk,
        }


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return can_see_report(request.user)
