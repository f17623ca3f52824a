"""How far each published record is translated, language by language (issue 18).

A record (a practice, a city, a barrier, an opportunity, a recommendation, a dialogue, a
resource) is written in English; in each other interface language it is:

- *translated*: a live translation, published since the original last was;
- *outdated*: a live translation published before the original's last publication, so it
  may miss changes;
- *draft*: a translation that exists but was never published (or was unpublished);
- *missing*: no translation, or only the alias wagtail-localize makes of a parent (its
  content is the original's).

The statuses are SQL expressions annotated on the originals, so the coordinators' report
lists, filters and counts any number of records in a fixed number of queries; a visitor's
page asks `outdated_original()` about itself, one query.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Length, Substr
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail.permissions import page_permission_policy

from cities.models import CityProfilePage
from dialogues.models import DialoguePage, RecommendationPage
from practices.models import BarrierPage, OpportunityPage, PracticePage
from resources.models import ResourcePage
from taxonomy.languages import TRANSLATED_LANGUAGES

from .localization import active_language, default_language, original_filter
from .pagetools import ExchangePageQuerySet

# The pages a visitor reads as content; the home page and the indexes are navigation.
RECORD_MODELS: tuple[type[Page], ...] = (
    PracticePage,
    CityProfilePage,
    BarrierPage,
    OpportunityPage,
    RecommendationPage,
    DialoguePage,
    ResourcePage,
)

TRANSLATED = "translated"
OUTDATED = "outdated"
DRAFT = "draft"
MISSING = "missing"
STATUS_LABELS = {
    TRANSLATED: _("translated"),
    OUTDATED: _("outdated"),
    DRAFT: _("draft only"),
    MISSING: _("missing"),
}
# What a coordinator has to act on in a language.
NEEDS_TRANSLATION = (MISSING, OUTDATED)
# No live translation: the visitor reads the English original.
LACKING = (MISSING, DRAFT)


def status_field(language: str) -> str:
    return f"status_{language}"


def record_type_q() -> Q:
    """The record models, matched on the content type's natural key: a join, no query."""
    q = Q()
    for model in RECORD_MODELS:
        meta = model._meta
        q |= Q(content_type__app_label=meta.app_label, content_type__model=meta.model_name)
    return q


def type_choices() -> list[tuple[str, str]]:
    """("app_label.model", "Verbose name") of every record model, for the type filter."""
    return [
        (model._meta.label_lower, capfirst(model._meta.verbose_name)) for model in RECORD_MODELS
    ]


def type_label(app_label: str, model_name: str) -> str:
    return capfirst(apps.get_model(app_label, model_name)._meta.verbose_name)


def _status_expression(language: str) -> Case:
    translations = Page.objects.filter(
        translation_key=OuterRef("translation_key"),
        locale__language_code=language,
        alias_of__isnull=True,
    )
    live = translations.filter(live=True)
    behind = live.filter(last_published_at__lt=OuterRef("last_published_at"))
    return Case(
        When(Exists(behind), then=Value(OUTDATED)),
        When(Exists(live), then=Value(TRANSLATED)),
        When(Exists(translations), then=Value(DRAFT)),
        default=Value(MISSING),
    )


def _city_of(field: str) -> Subquery:
    """The city whose subtree holds the record (the city itself for a city profile)."""
    cities = CityProfilePage.objects.filter(
        path=Substr(OuterRef("path"), 1, Length("path")), **original_filter()
    )
    return Subquery(cities.values(field)[:1])


def records_for(user) -> QuerySet[Page]:
    """The published, public originals `user` may edit, each annotated with its type, its
    city (`city_id`, `city_title`; empty for a network-wide record) and one
    `status_<language>` per translated interface language."""
    editable = page_permission_policy.instances_user_has_permission_for(user, "change")
    records = (
        ExchangePageQuerySet(model=Page)
        .visible()
        .filter(record_type_q(), pk__in=editable.values("pk"))
        .annotate(
            type_app=F("content_type__app_label"),
            type_model=F("content_type__model"),
            city_id=_city_of("pk"),
            city_title=_city_of("title"),
            **{status_field(code): _status_expression(code) for code in TRANSLATED_LANGUAGES},
        )
    )
    return records.order_by(F("city_title").asc(nulls_last=True), "title", "pk")


def needs_translation_q(languages: tuple[str, ...] = TRANSLATED_LANGUAGES) -> Q:
    """Missing or outdated in at least one of `languages`."""
    q = Q()
    for code in languages:
        q |= Q(**{f"{status_field(code)}__in": NEEDS_TRANSLATION})
    return q


@dataclass(frozen=True)
class LanguageCount:
    language: str
    lacking: int  # records with no live translation (missing, or a draft only)
    outdated: int  # records whose live translation is outdated


@dataclass(frozen=True)
class CityCounts:
    city: str  # empty: the records of the whole network (dialogues, resources...)
    records: int
    languages: list[LanguageCount]


def counts_by_city(
    records: QuerySet[Page], languages: tuple[str, ...] = TRANSLATED_LANGUAGES
) -> list[CityCounts]:
    """Per city, how many of `records` lack each language or have it outdated: one query."""
    aggregates = {"records": Count("pk")}
    for code in languages:
        field = status_field(code)
        aggregates[f"lacking_{code}"] = Count("pk", filter=Q(**{f"{field}__in": LACKING}))
        aggregates[f"outdated_{code}"] = Count("pk", filter=Q(**{field: OUTDATED}))
    rows = (
        records.order_by()
        .values("city_title", "city_id")
        .annotate(**aggregates)
        .order_by(F("city_title").asc(nulls_last=True), "city_id")
    )
    return [
        CityCounts(
            city=row["city_title"] or "",
            records=row["records"],
            languages=[
                LanguageCount(code, row[f"lacking_{code}"], row[f"outdated_{code}"])
                for code in languages
            ],
        )
        for row in rows
    ]


# -- For visitors -----------------------------------------------------------------------


@dataclass(frozen=True)
class OutdatedOriginal:
    language: str  # the original's
    url: str  # the original, in its language
    updated: object  # when the original was last published (a datetime)


def outdated_original(page, request=None) -> OutdatedOriginal | None:
    """For a translation published before its original last was: the original's address
    in its own language and the date of that publication. None for an original, a page
    shown untranslated (the fallback), or a current translation.

    No query in the default language (only originals are served there), one otherwise."""
    if (
        not isinstance(page, Page)
        or page.pk is None
        or active_language() == default_language()
        or getattr(page, "content_fallback_language", None)
        or page.alias_of_id is not None
        or page.last_published_at is None
    ):
        return None
    # Not `page.original`: it would read the page's locale first, a second query.
    original = (
        Page.objects.filter(translation_key=page.translation_key, **original_filter())
        .exclude(pk=page.pk)
        .first()
    )
    if (
        original is None
        or not original.live
        or original.last_published_at is None
        or page.last_published_at >= original.last_published_at
    ):
        return None
    language = default_language()
    with translation.override(language):
        url = original.get_url(request=request)
    if not url:
        return None
    return OutdatedOriginal(language=language, url=url, updated=original.last_published_at)
