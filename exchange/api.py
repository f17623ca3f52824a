"""The read API at /api/v2/ (Wagtail API v2): published content for anyone to reuse.

Wagtail's endpoints, narrowed to what the public may see whoever asks:
- pages: live and public (no password, login or group restriction on them or above them)
  and not below an unpublished page, the same rule as the site's own listings
  (`ExchangePageQuerySet.visible`). Wagtail alone would show a restricted page to someone
  who has passed its restriction, and a live page under an unpublished city.
- documents and images: none from a collection with a view restriction, or below one.
- organisations (the partner snippet): read-only, because practices and dialogues name
  them and reusers need one list to join on.
Requests are anonymous (no authentication classes): the answer depends on the URL only.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from rest_framework.renderers import JSONRenderer
from taggit.managers import TaggableManager
from wagtail.api.v2.filters import FieldsFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page

from cities.models import Organisation
from taxonomy.models import Term

from .pagetools import ExchangePageQuerySet
from .public_documents import public_documents


class PublicFieldsFilter(FieldsFilter):
    """Wagtail's `?field=value` filters, with vocabularies by slug and bad values as 400.

    Wagtail converts integers and booleans only; a bad date or a word where an id is
    expected would reach the database and answer 500.
    """

    def filter_queryset(self, request, queryset, view):
        fields = set(view.get_available_fields(queryset.model, db_fields_only=True))
        fields.discard("locale")  # Wagtail's own `locale` filter handles it
        for name, value in request.GET.items():
            if name not in fields:
                continue
            if "\x00" in value:
                raise BadRequestError(
                    f"field filter error. null characters are not allowed for {name}"
                )
            field = queryset.model._meta.get_field(name)
            if isinstance(field, TaggableManager):
                for tag in value.split(","):
                    queryset = queryset.filter(**{f"{name}__name": tag})
                queryset._filtered_by_tag = True
            elif field.is_relation and issubclass(field.related_model, Term):
                queryset = queryset.filter(**{f"{name}__slug": value})
            else:
                try:
                    queryset = queryset.filter(**{name: field.to_python(value)})
                except (ValidationError, ValueError, TypeError) as error:
                    raise BadRequestError(
                        f"field filter error. '{value}' is not a valid value for {name}"
                    ) from error
        return queryset


class PublicPagesAPIViewSet(PagesAPIViewSet):
    renderer_classes = [JSONRenderer]
    authentication_classes: list = []
    filter_backends = [
        PublicFieldsFilter if backend is FieldsFilter else backend
        for backend in PagesAPIViewSet.filter_backends
    ]

    def get_base_queryset(self):
        visible = ExchangePageQuerySet(Page).visible().values("pk")
        return super().get_base_queryset().filter(pk__in=visible)


class PublicDocumentsAPIViewSet(DocumentsAPIViewSet):
    renderer_classes = [JSONRenderer]
    authentication_classes: list = []

    def get_queryset(self):
        return public_documents(super().get_queryset())


class PublicImagesAPIViewSet(ImagesAPIViewSet):
    renderer_classes = [JSONRenderer]
    authentication_classes: list = []

    def get_queryset(self):
        return public_documents(super().get_queryset())


class OrganisationsAPIViewSet(BaseAPIViewSet):
    renderer_classes = [JSONRenderer]
    authentication_classes: list = []
    filter_backends = [PublicFieldsFilter]
    model = Organisation
    name = "organisations"
    body_fields = [*BaseAPIViewSet.body_fields, "name", "acronym", "kind", "country", "website"]
    listing_default_fields = [*BaseAPIViewSet.listing_default_fields, "name", "acronym", "kind"]

    def get_queryset(self):
        return Organisation.objects.order_by("name", "pk")


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
api_router.register_endpoint("organisations", OrganisationsAPIViewSet)
