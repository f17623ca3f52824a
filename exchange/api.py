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
from django.db.models import ForeignObjectRel
from rest_framework.renderers import JSONRenderer
from taggit.managers import TaggableManager
from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.api.v2.filters import FieldsFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page

from cities.models import Organisation
from taxonomy.models import Term

from .forms import is_database_int
from .pagetools import ExchangePageQuerySet
from .public_documents import public_documents

SEARCH_OPERATORS = ("and", "or")


class BoundedPagination(WagtailPagination):
    """Wagtail's offset and limit, with a number the database cannot hold as a 400.

    Wagtail checks only that they are positive integers; SQLite and PostgreSQL fail on an
    OFFSET beyond a signed 64-bit integer, and the request answered 500.
    """

    def paginate_queryset(self, queryset, request, view=None):
        for name in ("offset", "limit"):
            try:
                number = int(request.GET.get(name, 0))
            except ValueError:
                continue  # not a number: Wagtail's own check answers 400
            if not is_database_int(number):
                raise BadRequestError(f"{name} is too large")
        return super().paginate_queryset(queryset, request, view)


class GuardedQueryMixin:
    """What every endpoint checks before Wagtail reads its query: bounded pagination and a
    search operator Wagtail's search backends know (another one raised a 500)."""

    pagination_class = BoundedPagination

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        operator = self.request.GET.get("search_operator")
        if operator is not None and operator not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")


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
            field = queryset.model._meta.get_field(name)
            if isinstance(field, ForeignObjectRel):
                # A reverse relation (a practice's partners) has no value to compare.
                raise BadRequestError(f"field filter error. cannot filter by {name}")
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


class PublicPagesAPIViewSet(GuardedQueryMixin, PagesAPIViewSet):
    renderer_classes = [JSONRenderer]
    authentication_classes: list = []
    filter_backends = [
        PublicFieldsFilter if backend is FieldsFilter else backend
        for backend in PagesAPIViewSet.filter_backends
    ]

    def get_base_queryset(self):
        visible = ExchangePageQuerySet(Page).visible().values("pk")
        return super().get_base_queryset().filter(pk__in=visible)


class PublicDocumentsAPIViewSet(GuardedQueryMixin, DocumentsAPIViewSet):
    renderer_classes = [JSONRenderer]
    authentication_classes: list = []

    def get_queryset(self):
        return public_documents(super().get_queryset())


class PublicImagesAPIViewSet(GuardedQueryMixin, ImagesAPIViewSet):
    renderer_classes = [JSONRenderer]
    authentication_classes: list = []

    def get_queryset(self):
        return public_documents(super().get_queryset())


class OrganisationsAPIViewSet(GuardedQueryMixin, BaseAPIViewSet):
    renderer_classes = [JSONRenderer]
    authentication_classes: list = []
    filter_backends = [PublicFieldsFilter]
    model = Organisation
    name = "organisations"
    body_fields = [*BaseAPIViewSet.body_fields, "name", "acronym", "kind", "country", "website"]
    listing_default_fields = [*BaseAPIViewSet.listing_default_fields, "name", "acronym", "kind"]

    def get_queryset(self):
        return Organisation.objects.order_by("name", "pk")


class GuardedPagesAdminAPIViewSet(GuardedQueryMixin, PagesAdminAPIViewSet):
    """The admin's page API (/admin/api/main/pages/, its choosers and explorer), with the
    same checks; exchange/wagtail_hooks.py puts it in place of Wagtail's."""


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
api_router.register_endpoint("organisations", OrganisationsAPIViewSet)
