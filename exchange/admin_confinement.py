"""What a city editor may see in the Wagtail admin: the pages they may edit (with the pages
above them, to browse down to their city) and what the public may see; nothing else.

Wagtail's own checks stop an editor from *changing* another city's pages, but several admin
views still *show* them: the page chooser (browse and search), the heading of another
city's page in the explorer, the move and bulk-action confirmations, and the document
chooser. A draft's or a private page's title, or a restricted document's file name, is
not the editor's to read. Network coordinators (and superusers) see everything.

Used by the hooks of exchange/wagtail_hooks.py and by `AdminPageConfinementMiddleware`
(for the per-page admin views, which Wagtail gives no queryset hook).
"""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from wagtail.models import Collection, CollectionViewRestriction, Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from .pagetools import ExchangePageQuerySet
from .public_documents import restricted_collection_ids
from .roles import COORDINATORS

# The keyword arguments that name a page in the admin's URLs (Wagtail's and
# wagtail-localize's), whichever view they lead to.
PAGE_URL_KWARGS = ("page_id", "parent_page_id", "page_to_move_id", "destination_id")
BULK_ACTION_URL_NAME = "wagtail_bulk_action"


def sees_everything(user) -> bool:
    """Superusers and network coordinators: the whole tree and every document."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_exchange_sees_everything", None)
    if cached is None:
        cached = user.groups.filter(name=COORDINATORS).exists()
        user._exchange_sees_everything = cached
    return cached


def public_pages() -> QuerySet[Page]:
    """Pages the public may see, in every locale (a translation is served as its original)."""
    return ExchangePageQuerySet(Page).visible_in_any_locale()


def confine_pages(pages: QuerySet, user) -> QuerySet:
    """`pages` limited to what `user` may edit (and the pages above those) or the public
    may see; unchanged for those who see everything."""
    if sees_everything(user):
        return pages
    explorable = PagePermissionPolicy().explorable_instances(user).values("pk")
    return pages.filter(Q(pk__in=explorable) | Q(pk__in=public_pages().values("pk")))


def includes_hidden_page(pages: QuerySet, user) -> bool:
    """True when one of `pages` is one `user` may not see (never for those who see all)."""
    if sees_everything(user):
        return False
    return pages.exclude(pk__in=confine_pages(Page.objects.all(), user).values("pk")).exists()


def confine_documents(documents: QuerySet, user) -> QuerySet:
    """`documents` limited, for those who do not see everything, to the public ones, those
    they uploaded, and those of a collection restricted to one of their groups.

    A login restriction is not passed by being an editor: the document is not for the
    public, so it is not offered to be linked from a page either.
    """
    if sees_everything(user):
        return documents
    passed = CollectionViewRestriction.objects.filter(
        restriction_type=CollectionViewRestriction.GROUPS, groups__in=user.groups.all()
    ).values("pk")
    # A collection below two restrictions is hidden unless the user passes both.
    foreign = list(
        CollectionViewRestriction.objects.exclude(pk__in=passed).values_list(
            "collection__path", flat=True
        )
    )
    if not foreign:
        return documents
    below = Q()
    for path in foreign:
        below |= Q(path__startswith=path)
    hidden = Collection.objects.filter(below).values("pk")
    return documents.filter(~Q(collection_id__in=hidden) | Q(uploaded_by_user=user))


def may_upload_into(collection: Collection | None, user) -> bool:
    """Only those who see everything upload into a restricted collection: an editor could
    otherwise add to (and through the chooser, read) what is kept from them."""
    if collection is None or user is None or sees_everything(user):
        return True
    return collection.pk not in restricted_collection_ids()


def _requested_pages(request: HttpRequest) -> QuerySet | None:
    match = request.resolver_match
    if match is None or not request.path.startswith(reverse("wagtailadmin_home")):
        return None
    if match.url_name == BULK_ACTION_URL_NAME:
        return _bulk_action_pages(request, match.kwargs)
    ids = [_as_int(match.kwargs[name]) for name in PAGE_URL_KWARGS if name in match.kwargs]
    return Page.objects.filter(pk__in=ids) if ids else None


def _bulk_action_pages(request: HttpRequest, kwargs: dict) -> QuerySet | None:
    if (kwargs.get("app_label"), kwargs.get("model_name")) != ("wagtailcore", "page"):
        return None
    ids = request.GET.getlist("id")
    pages = Page.objects.filter(pk__in=[i for i in map(_as_int, ids) if i is not None])
    if "all" in ids:
        # Wagtail then acts on (and lists, naming those it refuses) the children of
        # `childOf`, its descendants when searching, or every page without `childOf`.
        parent = Page.objects.filter(pk=_as_int(request.GET.get("childOf"))).first()
        if parent is None:
            return Page.objects.all()
        listed = parent.get_descendants() if "q" in request.GET else parent.get_children()
        pages = pages | listed | Page.objects.filter(pk=parent.pk)
    return pages


def _as_int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class AdminPageConfinementMiddleware:
    """Answer 404 to an admin view of a page the user may not see, as if it did not exist:
    a 403 or the view's heading would confirm the page and, on some views, its title."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> None:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None  # Wagtail sends them to its login page
        pages = _requested_pages(request)
        if pages is not None and includes_hidden_page(pages, user):
            raise Http404
        return None
