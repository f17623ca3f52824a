"""Context for the resource library, a resource page, and the resources a page cites."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Prefetch

from cities.models import CityProfilePage
from exchange.listing_language import by_shown_title, show_in_language
from exchange.pagetools import attach_parents, linked_pages
from exchange.public_documents import is_public_document, restricted_collection_paths
from practices.models import PracticePage
from taxonomy.collation import Collated
from taxonomy.models import Theme

# resources.models imports this module for its pages' context; the models are read from the
# module object at call time, so either module may be imported first.
from . import models
from .forms import ResourceFilterForm

RESOURCES_PER_PAGE = 24


def _for_display(resources):
    """What a resource card shows, in a fixed number of queries for any number of cards."""
    return resources.select_related("publisher", "document__collection").prefetch_related(
        "themes",
        Prefetch(
            "language_links", queryset=models.ResourceLanguage.objects.order_by("sort_order")
        ),
    )


def _annotate(resources) -> list:
    """Set `public_document` (None unless the public can fetch it) and `language_names`."""
    resources = list(resources)
    restricted = restricted_collection_paths() if resources else []
    for resource in resources:
        resource.public_document = (
            resource.document if is_public_document(resource.document, restricted) else None
        )
        resource.language_names = [
            models.language_name(link.language) for link in resource.language_links.all()
        ]
    return resources


def resource_index_context(index, request) -> dict:
    resources = models.ResourcePage.objects.child_of(index).visible()
    form = ResourceFilterForm(
        request.GET or None,
        themes=Theme.objects.all(),
        languages=models.resource_languages(),
        years=resources.order_by("-year").values_list("year", flat=True).distinct(),
    )
    filtered = by_shown_title(resources, "-year")
    page_number = 1
    if form.is_valid():
        data = form.cleaned_data
        if data["theme"]:
            filtered = filtered.filter(themes__slug=data["theme"])
        if data["kind"]:
            filtered = filtered.filter(kind=data["kind"])
        if data["language"]:
            filtered = filtered.filter(language_links__language=data["language"])
        if data["year"]:
            filtered = filtered.filter(year=data["year"])
        page_number = data["page"] or 1
    page = Paginator(_for_display(filtered), RESOURCES_PER_PAGE).get_page(page_number)
    return {
        "filter_form": form,
        "resources_page": page,
        "resources": _annotate(page.object_list),
        "is_filtered": form.is_filtered,
    }


def resource_context(resource) -> dict:
    """A resource: its file (if public), languages, cities, and the pages that cite it."""
    restricted = restricted_collection_paths() if resource.document_id else []
    return {
        "public_document": resource.document
        if is_public_document(resource.document, restricted)
        else None,
        "themes": list(resource.themes.all()),
        "language_names": [
            models.language_name(link.language) for link in resource.language_links.all()
        ],
        "related_cities": linked_pages(resource.related_cities, "city", CityProfilePage),
        "citing_practices": show_in_language(
            attach_parents(
                PracticePage.objects.visible()
                .filter(resource_links__resource=resource)
                .distinct()
                .order_by(Collated("title")),
                CityProfilePage,
            )
        ),
        # Dialogues build on resources: reached through their citations, never imported.
        "citing_dialogues": list(
            resource.dialogue_links.model.page.field.related_model.objects.visible()
            .filter(resource_links__resource=resource)
            .distinct()
            .order_by("-date", Collated("title"))
        ),
    }


def related_resources(page) -> list:
    """The public resources `page` (a practice or dialogue) cites, in the editor's order.

    Ids are read from the relation rather than joined, so previews of drafts are truthful.
    """
    ids = [link.resource_id for link in page.resource_links.all()]
    if not ids:
        return []
    by_id = {
        r.pk: r for r in _for_display(models.ResourcePage.objects.visible().filter(pk__in=ids))
    }
    return _annotate(by_id[i] for i in dict.fromkeys(ids) if i in by_id)
