"""From pages to search documents: what each kind of page contributes to search and facets.

Each builder takes page ids, keeps only what the public may see (`_visible()`, in every
locale: translations make one document with their original), and reads
the related rows in a fixed number of queries, so a rebuild costs the same per page
whatever the size of the network.

Translations of a page (Wagtail's `translation_key`) make one document, not one each, so
counts, facets, comparisons and similar cities count an item once: `build_documents`
builds every live, public, non-alias translation, keeps the canonical one's document (the
default language's page, else the oldest) and files the others' text and URL under its
`translations`.
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import translation
from django.utils.html import strip_tags
from wagtail.models import Page

from cities.models import CityProfilePage
from dialogues.models import DialoguePage, RecommendationPage
from exchange.licences import DEFAULT_LICENCE
from exchange.pagetools import parent_path
from practices.models import BarrierPage, OpportunityPage, PracticePage
from resources.models import ResourcePage

from .facets import DocumentType
from .text import DEFAULT_LANGUAGE, LANGUAGES, unaccent


@dataclass
class Document:
    """A search document before it is stored; `facets` maps facet name -> {value: label}."""

    page_id: int
    type: str
    title: str
    url: str
    summary: str = ""
    body: str = ""
    language: str = DEFAULT_LANGUAGE
    city_slug: str = ""
    city_name: str = ""
    country: str = ""
    status: str = ""
    year: int | None = None
    licence: str = DEFAULT_LICENCE
    published_at: object = None
    facets: dict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))
    # The other translations, by their locale's language: see SearchDocument.translations.
    translations: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def title_sort(self) -> str:
        return unaccent(self.title)[:255]

    def add(self, facet: str, value: str | None, label: str = "") -> None:
        if value:
            self.facets[facet].setdefault(str(value), label)

    def add_city(self, city: CityProfilePage) -> None:
        """File the document under `city`: the city, its country and its region."""
        self.add("city", city.slug, city.title)
        self.add("country", str(city.country))
        if city.region_id:
            self.add("region", city.region.slug)


def public_pages(model: type[Page]):
    """Live, public pages of `model` (parents live too) in every locale.

    With content translation `visible()` keeps the originals only; search reads the
    translations too, so it asks for `visible_in_any_locale()` where the manager has it.
    """
    manager = model.objects
    if hasattr(manager, "visible_in_any_locale"):
        return manager.visible_in_any_locale()
    return manager.visible()


def plain(*parts: str) -> str:
    """Rich text and plain fields as one plain text, for indexing and snippets."""
    return "\n".join(html.unescape(strip_tags(p)) for p in parts if p)


def _language(page: Page) -> str:
    code = (getattr(page.locale, "language_code", "") or "").split("-")[0].lower()
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


def _base(page: Page, type_: str, summary: str, body: str) -> Document:
    return Document(
        page_id=page.pk,
        type=type_,
        title=page.title,
        url=page.get_url() or "",
        summary=summary,
        body=body,
        language=_language(page),
        published_at=page.first_published_at,
        licence=getattr(page, "licence", DEFAULT_LICENCE),
    )


def _parents(pages: Iterable[Page], model: type[Page]) -> dict[str, Page]:
    paths = {parent_path(p) for p in pages}
    if not paths:
        return {}
    rows = public_pages(model).filter(path__in=paths).select_related("locale")
    if model is CityProfilePage:
        rows = rows.select_related("region")
    return {p.path: p for p in rows}


def _visible_ids(model: type[Page], ids: Iterable[int]) -> set[int]:
    ids = set(ids)
    return (
        set(public_pages(model).filter(pk__in=ids).values_list("pk", flat=True)) if ids else set()
    )


def _home_city(doc: Document, city: CityProfilePage | None) -> None:
    if city is not None:
        doc.city_slug, doc.city_name, doc.country = city.slug, city.title, str(city.country)
        doc.add_city(city)


def _add_practice_facets(doc: Document, practice: PracticePage, categories: dict) -> None:
    for theme in practice.themes.all():
        doc.add("theme", theme.slug)
    for group in practice.target_groups.all():
        doc.add("target_group", group.slug)
    for target in practice.sdg_targets.all():
        doc.add("sdg", target.slug)
    for tag in practice.tags.all():
        doc.add("tag", tag.slug, tag.name)
    if practice.action_type_id:
        doc.add("action_type", practice.action_type.slug)
    for link in practice.barrier_links.all():
        doc.add("barrier", categories.get(("barrier", link.barrier_id)))
    for link in practice.opportunity_links.all():
        doc.add("opportunity", categories.get(("opportunity", link.opportunity_id)))


def _record_categories(barrier_ids: Iterable[int], opportunity_ids: Iterable[int]) -> dict:
    """("barrier"|"opportunity", page id) -> category slug, for visible records only."""
    found = {}
    for kind, model, ids in (
        ("barrier", BarrierPage, barrier_ids),
        ("opportunity", OpportunityPage, opportunity_ids),
    ):
        ids = set(ids)
        if ids:
            rows = public_pages(model).filter(pk__in=ids).values_list("pk", "category__slug")
            found.update({(kind, pk): slug for pk, slug in rows})
    return found


PRACTICE_PREFETCH = (
    "themes",
    "target_groups",
    "sdg_targets",
    "tags",
    "barrier_links",
    "opportunity_links",
    "partners__organisation",
)


def practice_documents(ids: Iterable[int]) -> list[Document]:
    practices = list(
        public_pages(PracticePage)
        .filter(pk__in=list(ids))
        .select_related("action_type", "locale")
        .prefetch_related(*PRACTICE_PREFETCH)
    )
    cities = _parents(practices, CityProfilePage)
    categories = _record_categories(
        (link.barrier_id for p in practices for link in p.barrier_links.all()),
        (link.opportunity_id for p in practices for link in p.opportunity_links.all()),
    )
    docs = []
    for practice in practices:
        city = cities.get(parent_path(practice))
        if city is None:  # the city is not public: neither is the practice
            continue
        doc = _base(
            practice,
            DocumentType.PRACTICE,
            practice.summary,
            plain(
                practice.description,
                practice.results,
                practice.lessons,
                practice.transferability,
                " ".join(p.organisation.name for p in practice.partners.all()),
                " ".join(t.name for t in practice.tags.all()),
            ),
        )
        _home_city(doc, city)
        doc.status = practice.status
        doc.year = practice.start_year
        doc.add("type", DocumentType.PRACTICE)
        doc.add("mandate", practice.mandate)
        doc.add("status", practice.status)
        doc.add("evidence", practice.evidence)
        _add_practice_facets(doc, practice, categories)
        docs.append(doc)
    return docs


def _record_documents(model: type[BarrierPage | OpportunityPage], ids: Iterable[int]) -> list:
    kind = DocumentType.BARRIER if model is BarrierPage else DocumentType.OPPORTUNITY
    records = list(
        public_pages(model)
        .filter(pk__in=list(ids))
        .select_related("category", "source_dialogue", "locale")
        .prefetch_related("reporting_cities", "practice_links")
    )
    parent_cities = _parents(records, CityProfilePage)
    parent_dialogues = _parents(records, DialoguePage)
    reporting_ids = {link.city_id for r in records for link in r.reporting_cities.all()}
    reporting = {
        c.pk: c
        for c in public_pages(CityProfilePage)
        .filter(pk__in=reporting_ids)
        .select_related("region")
    }
    practice_ids = _visible_ids(
        PracticePage, (link.page_id for r in records for link in r.practice_links.all())
    )
    themes = defaultdict(set)
    for practice_id, slug in PracticePage.themes.through.objects.filter(
        practicepage_id__in=practice_ids
    ).values_list("practicepage_id", "theme__slug"):
        themes[practice_id].add(slug)
    docs = []
    for record in records:
        home = parent_cities.get(parent_path(record))
        dialogue = parent_dialogues.get(parent_path(record))
        if home is None and dialogue is None:
            continue
        doc = _base(record, kind, record.summary, plain(record.description))
        _home_city(doc, home)
        doc.add("type", kind)
        doc.add(kind, record.category.slug)
        for link in record.reporting_cities.all():
            if link.city_id in reporting:
                doc.add_city(reporting[link.city_id])
        for link in record.practice_links.all():
            for slug in themes.get(link.page_id, ()):
                doc.add("theme", slug)
        source = record.source_dialogue if record.source_dialogue_id else dialogue
        if source is not None and source.live:
            doc.year = source.date.year
        docs.append(doc)
    return docs


def barrier_documents(ids: Iterable[int]) -> list[Document]:
    return _record_documents(BarrierPage, ids)


def opportunity_documents(ids: Iterable[int]) -> list[Document]:
    return _record_documents(OpportunityPage, ids)


def recommendation_documents(ids: Iterable[int]) -> list[Document]:
    """A recommendation: filed under the city that made it, dated by its dialogue."""
    records = list(
        public_pages(RecommendationPage)
        .filter(pk__in=list(ids))
        .select_related("source_dialogue", "locale")
    )
    parent_cities = _parents(records, CityProfilePage)
    parent_dialogues = _parents(records, DialoguePage)
    docs = []
    for record in records:
        home = parent_cities.get(parent_path(record))
        dialogue = parent_dialogues.get(parent_path(record))
        if home is None and dialogue is None:
            continue
        doc = _base(
            record,
            DocumentType.RECOMMENDATION,
            record.summary,
            plain(record.get_audience_display(), record.description),
        )
        _home_city(doc, home)
        doc.add("type", DocumentType.RECOMMENDATION)
        source = record.source_dialogue if record.source_dialogue_id else dialogue
        if source is not None and source.live:
            doc.year = source.date.year
        docs.append(doc)
    return docs


def city_documents(ids: Iterable[int]) -> list[Document]:
    """A city is filed under everything its public practices and records are filed under."""
    cities = list(
        public_pages(CityProfilePage).filter(pk__in=list(ids)).select_related("region", "locale")
    )
    docs = []
    for city in cities:
        doc = _base(city, DocumentType.CITY, city.summary, plain(city.migration_context))
        _home_city(doc, city)
        doc.add("type", DocumentType.CITY)
        doc.add("mandate", city.mandate)
        docs.append(doc)
    if not docs:
        return docs
    by_path = {city.path: doc for city, doc in zip(cities, docs, strict=True)}
    practices = list(
        public_pages(PracticePage)
        .filter(**_children_of(cities))
        .select_related("action_type")
        .prefetch_related(*PRACTICE_PREFETCH)
    )
    records = [
        r
        for model in (BarrierPage, OpportunityPage)
        for r in public_pages(model).filter(**_children_of(cities)).select_related("category")
    ]
    categories = _record_categories(
        (link.barrier_id for p in practices for link in p.barrier_links.all()),
        (link.opportunity_id for p in practices for link in p.opportunity_links.all()),
    )
    for practice in practices:
        doc = by_path.get(parent_path(practice))
        if doc is not None:
            _add_practice_facets(doc, practice, categories)
    for record in records:
        doc = by_path.get(parent_path(record))
        if doc is not None:
            doc.add(
                "barrier" if isinstance(record, BarrierPage) else "opportunity",
                record.category.slug,
            )
    return docs


def _children_of(parents: list[Page]) -> dict:
    """A filter matching direct children of `parents` by materialised path prefix."""
    query = Q()
    for parent in parents:
        query |= Q(path__startswith=parent.path, depth=parent.depth + 1)
    return {"pk__in": Page.objects.filter(query).values("pk")}


def dialogue_documents(ids: Iterable[int]) -> list[Document]:
    dialogues = list(
        public_pages(DialoguePage)
        .filter(pk__in=list(ids))
        .select_related("locale")
        .prefetch_related("sessions", "participating_cities")
    )
    if not dialogues:
        return []
    city_ids = {link.city_id for d in dialogues for link in d.participating_cities.all()}
    cities = {
        c.pk: c
        for c in public_pages(CityProfilePage).filter(pk__in=city_ids).select_related("region")
    }
    by_path = {}
    docs = []
    for dialogue in dialogues:
        doc = _base(
            dialogue,
            DocumentType.DIALOGUE,
            dialogue.summary,
            plain(
                dialogue.body,
                dialogue.ways_forward,
                *(f"{s.title}. {s.summary}" for s in dialogue.sessions.all()),
            ),
        )
        doc.year = dialogue.date.year
        doc.add("type", DocumentType.DIALOGUE)
        for link in dialogue.participating_cities.all():
            if link.city_id in cities:
                doc.add_city(cities[link.city_id])
        by_path[dialogue.path] = doc
        docs.append(doc)
    for model, facet in ((BarrierPage, "barrier"), (OpportunityPage, "opportunity")):
        for record in (
            public_pages(model).filter(**_children_of(dialogues)).select_related("category")
        ):
            doc = by_path.get(parent_path(record))
            if doc is not None:
                doc.add(facet, record.category.slug)
    return docs


def resource_documents(ids: Iterable[int]) -> list[Document]:
    """A resource: filed under its themes, its year and the public cities it concerns."""
    resources = list(
        public_pages(ResourcePage)
        .filter(pk__in=list(ids))
        .select_related("publisher", "locale")
        .prefetch_related("themes", "language_links", "related_cities")
    )
    city_ids = {link.city_id for r in resources for link in r.related_cities.all()}
    cities = {
        c.pk: c
        for c in public_pages(CityProfilePage).filter(pk__in=city_ids).select_related("region")
    }
    docs = []
    for resource in resources:
        publisher = resource.publisher
        doc = _base(
            resource,
            DocumentType.RESOURCE,
            resource.summary,
            plain(
                str(resource.get_kind_display()),
                f"{publisher.name} {publisher.acronym}" if publisher else "",
            ),
        )
        # Stem the text in the resource's first language, when search knows it.
        languages = [link.language for link in resource.language_links.all()]
        doc.language = next((code for code in languages if code in LANGUAGES), doc.language)
        doc.year = resource.year
        doc.add("type", DocumentType.RESOURCE)
        for theme in resource.themes.all():
            doc.add("theme", theme.slug)
        for link in resource.related_cities.all():
            if link.city_id in cities:
                doc.add_city(cities[link.city_id])
        docs.append(doc)
    return docs


BUILDERS = {
    PracticePage: practice_documents,
    CityProfilePage: city_documents,
    BarrierPage: barrier_documents,
    OpportunityPage: opportunity_documents,
    RecommendationPage: recommendation_documents,
    DialoguePage: dialogue_documents,
    ResourcePage: resource_documents,
}
INDEXED_MODELS = tuple(BUILDERS)


def translation_group_ids(page_ids: Iterable[int]) -> set[int]:
    """`page_ids` and every translation of them (aliases included: callers filter)."""
    page_ids = set(page_ids)
    if not page_ids:
        return set()
    keys = Page.objects.filter(pk__in=page_ids).values("translation_key")
    return page_ids | set(
        Page.objects.filter(translation_key__in=keys).values_list("pk", flat=True)
    )


def _locale_language(code: str) -> str:
    return (code or "").split("-")[0].lower()


def _canonical_order(doc: Document, locale: str) -> tuple:
    """The default language's page first, then the oldest (first published, then created)."""
    published = doc.published_at
    return (
        locale != DEFAULT_LANGUAGE,
        published is None,
        published.timestamp() if published is not None else 0,
        doc.page_id,
    )


def _merge_translations(docs: list[Document], pages: dict[int, tuple]) -> list[Document]:
    """One document per translation group: the canonical one, holding the others' text."""
    groups: dict[object, list[Document]] = defaultdict(list)
    for doc in docs:
        groups[pages[doc.page_id][1]].append(doc)
    merged = []
    for group in groups.values():
        group.sort(key=lambda d: _canonical_order(d, _locale_language(pages[d.page_id][2])))
        canonical, others = group[0], group[1:]
        canonical.translations = {}
        for other in others:
            code = _locale_language(pages[other.page_id][2])
            if not code or code in canonical.translations:
                continue
            canonical.translations[code] = {
                "title": other.title,
                "summary": other.summary,
                "body": other.body,
                "url": other.url,
                # The translation's words are stemmed in its locale's language.
                "language": code if code in LANGUAGES else DEFAULT_LANGUAGE,
            }
        merged.append(canonical)
    return merged


def _default_language() -> str:
    return _locale_language(settings.LANGUAGE_CODE) or DEFAULT_LANGUAGE


def build_documents(page_ids: Iterable[int]) -> list[Document]:
    """One document per translation group of `page_ids`, for the groups the public may see.

    Every translation of the pages is read. Never indexed: alias pages (copies in another
    locale that show the original's content), a page of another locale never published
    as a translation (an alias being translated keeps the original's text until then),
    any draft or private translation (the builders keep visible pages only), and every
    translation of a private original (it is not served either).
    """
    page_ids = translation_group_ids(page_ids)
    if not page_ids:
        return []
    default = _default_language()
    rows = list(
        Page.objects.filter(pk__in=page_ids, alias_of__isnull=True).values_list(
            "pk", "content_type_id", "translation_key", "locale__language_code", "live_revision_id"
        )
    )
    originals = [pk for pk, _ct, _key, locale, _rev in rows if _locale_language(locale) == default]
    private_groups = (
        set(
            Page.objects.filter(pk__in=originals)
            .not_public()
            .values_list("translation_key", flat=True)
        )
        if originals
        else set()
    )
    # An original written in another language (a city's own Italian page) has no page in
    # the default language beside it; only a copy made for translating one does.
    has_default = {
        key for _pk, _ct, key, locale, _rev in rows if _locale_language(locale) == default
    }
    by_type = defaultdict(list)
    pages = {}
    for pk, content_type_id, key, locale, live_revision in rows:
        if key in private_groups:
            continue
        if _locale_language(locale) != default and live_revision is None and key in has_default:
            continue
        by_type[content_type_id].append(pk)
        pages[pk] = (content_type_id, key, locale)
    docs = []
    # Each page's own address: an original's URL would otherwise take the prefix of
    # whatever language is active (exchange.localization.TranslatedPage.get_url_parts).
    with translation.override(settings.LANGUAGE_CODE):
        for model, builder in BUILDERS.items():
            ids = by_type.get(ContentType.objects.get_for_model(model).pk)
            if ids:
                docs.extend(builder(ids))
    return _merge_translations(docs, pages)
