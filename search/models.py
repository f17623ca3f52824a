"""Search documents: one denormalised row per group of translations of a public, live page,
and its facet values.

The rows are the database engine's index and the source the Elasticsearch index is fed
from. The full text, which depends on the database, lives beside them: SQLite's FTS5 table
(migration 0002) and PostgreSQL's `search_vectors` table (migration 0009), both written
by the database engine and emptied by a trigger when a document goes.
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from .facets import DocumentType


class SearchDocument(models.Model):
    # The page id is the document id: results, comparisons and the API share one identifier.
    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    type = models.CharField(_("type"), max_length=16, choices=DocumentType.choices)
    title = models.CharField(_("title"), max_length=255)
    title_sort = models.CharField(max_length=255, db_index=True)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("text"), blank=True)
    language = models.CharField(_("language"), max_length=8, default="en")
    # The other live, public translations of the page, by language code: {"fr": {"title",
    # "summary", "body", "url", "language"}} ("language": the stemmer's). One document per
    # translation group keeps counts and facets right; this column lets results show the
    # visitor's translation without a query per hit, and the engines index every
    # translation's words, each stemmed in its own language.
    translations = models.JSONField(_("translations"), default=dict, blank=True)
    url = models.CharField(_("URL"), max_length=500)
    city_slug = models.CharField(max_length=255, blank=True)
    city_name = models.CharField(max_length=255, blank=True)
    country = models.CharField(max_length=2, blank=True)
    status = models.CharField(max_length=16, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    # The record's licence key (exchange.licences), so results and exports can state it.
    licence = models.CharField(max_length=30, default="cc-by-4.0")
    published_at = models.DateTimeField(null=True, blank=True)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search document")
        indexes = [
            models.Index(fields=["type"], name="search_doc_type"),
            models.Index(fields=["-year", "-published_at"], name="search_doc_newest"),
        ]

    def __str__(self) -> str:
        return self.title


class FacetValue(models.Model):
    """One facet value of one document: ("theme", "safety-and-violence")."""

    document = models.ForeignKey(
        SearchDocument, on_delete=models.CASCADE, related_name="facet_values"
    )
    facet = models.CharField(max_length=16)
    value = models.CharField(max_length=100)
    # Only open facets (city, tag) carry their label here; closed ones label from vocabularies.
    label = models.CharField(max_length=255, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["facet", "value", "document"], name="search_facet_value_unique"
            )
        ]
        indexes = [models.Index(fields=["document", "facet"], name="search_facet_doc")]

    def __str__(self) -> str:
        return f"{self.facet}={self.value}"


class IndexState(models.Model):
    """A token that changes whenever documents change, so caches of them know when to reload.

    A random token rather than a counter: a rolled-back transaction must never leave two
    different contents under the same value.
    """

    token = models.CharField(max_length=32)

    def __str__(self) -> str:
        return self.token

    @classmethod
    def bump(cls) -> None:
        token = uuid.uuid4().hex
        if not cls.objects.filter(pk=1).update(token=token):
            cls.objects.create(pk=1, token=token)

    @classmethod
    def current(cls) -> str:
        return cls.objects.filter(pk=1).values_list("token", flat=True).first() or ""
