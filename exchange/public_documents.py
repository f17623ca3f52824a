"""One answer to "may the public download this document?", used wherever documents are listed.

Wagtail refuses a document to a visitor when its collection, or any collection above it,
has a view restriction (password, login or groups): `wagtail.documents.views.serve` sends
them to the login or password form instead. A page, a search result or an API answer that
links such a document would show its title and file name to everyone, so every list of
documents goes through `is_public_document` (or `public_document_blocks` for a StreamField
of document blocks) and leaves the restricted ones out.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q
from django.utils.html import escape
from wagtail.documents.rich_text import DocumentLinkHandler
from wagtail.models import Collection, CollectionViewRestriction


def restricted_collection_paths() -> list[str]:
    """Tree paths of the collections with a view restriction (one query; there are few).

    A path prefix test over these says whether a collection is restricted or below one.
    """
    return list(CollectionViewRestriction.objects.values_list("collection__path", flat=True))


def restricted_collection_ids() -> set[int]:
    """Ids of the collections the public cannot download from (at most two queries)."""
    paths = restricted_collection_paths()
    if not paths:
        return set()
    below_any = Q()
    for path in paths:
        below_any |= Q(path__startswith=path)
    return set(Collection.objects.filter(below_any).values_list("pk", flat=True))


def is_public_document(document, restricted_paths: Iterable[str]) -> bool:
    """True when `document` exists and no collection from it up to the root is restricted."""
    if document is None:
        return False
    path = document.collection.path
    return not any(path.startswith(p) for p in restricted_paths)


def public_documents(queryset):
    """The documents (or images) of `queryset` the public may download: listings, the API."""
    restricted = restricted_collection_ids()
    return queryset.exclude(collection_id__in=restricted) if restricted else queryset


def public_document_blocks(stream) -> list:
    """The blocks of a stream of document links (exchange.blocks.DocumentsBlock) whose
    document the public may download; a block whose document was deleted is left out too."""
    blocks = [block for block in stream or () if block.value and block.value.get("document")]
    if not blocks:
        return []
    restricted = restricted_collection_ids()
    return [block for block in blocks if block.value["document"].collection_id not in restricted]


class PublicDocumentLinkHandler(DocumentLinkHandler):
    """Rich-text links to documents (the "document-link" feature), expanded for visitors:
    a document of a restricted collection keeps its link text but loses its address, as a
    deleted one does, so the file's name is not published with the page."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        documents = cls.get_many(attrs_list)
        restricted = restricted_collection_ids() if any(documents) else set()
        return [
            f'<a href="{escape(doc.url)}">'
            if doc is not None and doc.collection_id not in restricted
            else "<a>"
            for doc in documents
        ]
