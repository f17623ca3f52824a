"""No GET answers 5xx, whatever its query: every public and admin URL, hostile parameters.

Each URL gets a few combined hostile queries (every known parameter at once) rather than
one request per parameter and value, so that the walk stays quick on both databases; the
read API, where each parameter reaches the database separately, gets one per parameter.
A failure lists every URL that answered 5xx or raised, with the exception.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from exchange.roles import sync_roles

HUGE = "99999999999999999999"
NUL = "\x00"

# Names the site's views, Wagtail's admin and its API read, and a few they do not.
PARAMETERS = [
    "q", "page", "p", "offset", "limit", "order", "ordering", "sort", "type", "fields",
    "search", "search_operator", "city", "cities", "country", "region", "theme", "themes",
    "status", "evidence", "year", "start_year", "tag", "tags", "target_group", "partners",
    "lang", "locale", "correction", "session", "html_path", "id", "child_of", "ancestor_of",
    "descendant_of", "format", "term", "parent_page_id", "collection_id", "page_type",
    "owner", "action", "user", "timestamp", "date_from", "date_to", "next", "a", "b",
]  # fmt: skip

# The combined queries: each a value for every parameter at once.
HOSTILE_VALUES = [
    HUGE,
    "-" + HUGE,
    "-1",
    "0",
    "abc' OR 1=1 --",
    "1e309",
    "[]",
    "ذ" * 2000,
    "%s%n{}<script>",
]

# The read API's list endpoints, each parameter alone (images and documents, which share
# Wagtail's code, get the combined queries only).
API_LISTS = [
    "/api/v2/pages/",
    "/api/v2/pages/?type=practices.PracticePage",
    "/api/v2/pages/?type=cities.CityProfilePage",
    "/api/v2/organisations/",
]
API_PARAMETERS = [
    "offset", "limit", "order", "fields", "search", "search_operator", "type", "id",
    "child_of", "ancestor_of", "descendant_of", "locale", "translation_of", "city", "themes",
    "partners", "status", "tags", "country", "kind", "title", "slug", "show_in_menus",
]  # fmt: skip
API_VALUES = [HUGE, "-" + HUGE, "abc", "[]"]

# Admin views that only answer POST, end the session, or fail on purpose.
ADMIN_SKIPPED = ("admin/logout/", "admin/failwhale/", "admin/test404/", "process/")


@pytest.fixture
def full_content(module_full_content, db):
    return module_full_content


def hostile_queries() -> list[str]:
    queries = [urlencode({name: value for name in PARAMETERS}) for value in HOSTILE_VALUES]
    # Each parameter twice, with `[]` names as PHP clients send them.
    queries.append(urlencode([(n, v) for n in PARAMETERS for v in (HUGE, "x")]))
    queries.append(urlencode({f"{name}[]": "1" for name in PARAMETERS}))
    return queries


def join(url: str, query: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}{query}"


def server_errors(client, urls: list[str], queries: list[str]) -> list[str]:
    failures = []
    for url in urls:
        for query in queries:
            full = join(url, query)
            try:
                status = client.get(full).status_code
            except Exception as error:  # the report names every one
                failures.append(f"{full[:160]} raised {error!r:.300}")
                continue
            if status >= 500:
                failures.append(f"{full[:160]} answered {status}")
    return failures


def public_urls(content) -> list[str]:
    pages = [page.url for page in Page.objects.live().public().specific() if page.url]
    practice = content.practice.pk
    return sorted(
        {
            *pages,
            "/fr/",
            "/search/",
            "/fr/search/",
            "/search/filters/themes/",
            "/search/filters/cities/",
            "/explore/",
            "/explore/matrix/",
            "/compare/",
            "/compare/export.csv",
            "/submit/",
            "/submit/thanks/",
            f"/practices/{practice}/exchange-request/",
            "/account/exchange-requests/",
            "/api/search/",
            "/api/search/export.csv",
            "/api/search/openapi.json",
            "/api/v2/pages/",
            f"/api/v2/pages/{practice}/",
            "/api/v2/pages/find/",
            "/api/v2/images/",
            "/api/v2/documents/",
            "/api/v2/organisations/",
            "/practices/feed.atom",
            "/sitemap.xml",
            "/robots.txt",
            "/healthz",
            "/documents/1/x.pdf",
            "/_util/authenticate_with_password/1/1/",
        }
    )


def _walk(patterns, prefix: str = ""):
    for pattern in patterns:
        route = prefix + str(pattern.pattern).lstrip("^").replace("$", "")
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            yield route


def admin_urls(content) -> list[str]:
    """The admin's URLs without arguments (its listings, choosers, reports, forms) and the
    explorer, editor and history of one page."""
    routes = [
        route
        for route in _walk(get_resolver().url_patterns)
        if route.startswith("admin/") and "<" not in route and "(" not in route
    ]
    urls = ["/" + route for route in routes if not route.endswith(ADMIN_SKIPPED)]
    page = content.practice.pk
    urls += [f"/admin/pages/{page}/{view}" for view in ("", "edit/", "history/", "usage/")]
    urls += [f"/admin/choose-page/{content.city.pk}/", f"/admin/pages/{content.city.pk}/"]
    return urls


# GET would act: these change the page they name.
ADMIN_ACTING = ("lock/", "unlock/")
ARGUMENT = re.compile(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>[^)]*\)")
# Values of named arguments that are not a record's id.
NAMED_VALUES = {
    "action_name": "approve",
    "app_name": "taggit",
    "content_type_app_name": "practices",
    "content_type_model_name": "practicepage",
    "model_name": "tag",
    "revision_id_a": "earliest",
    "revision_id_b": "live",
    "uidb64": "MQ",
    "token": "x-y",
}
# The model behind a route's ids, by the route's first part after admin/.
ROUTE_MODELS = {
    "images": get_image_model,
    "documents": get_document_model,
    "groups": lambda: Group,
    "users": get_user_model,
    "collections": lambda: apps.get_model("wagtailcore", "Collection"),
    "sites": lambda: apps.get_model("wagtailcore", "Site"),
    "locales": lambda: apps.get_model("wagtailcore", "Locale"),
    "redirects": lambda: apps.get_model("wagtailredirects", "Redirect"),
    "workflows": lambda: apps.get_model("wagtailcore", "Workflow"),
}


def _first_id(route: str, content) -> str:
    parts = route.split("/")
    if parts[1] in ("pages", "localize", "choose-page", "bulk"):
        return str(content.practice.pk)
    if parts[1] == "snippets" and parts[2] != "choose":
        model = apps.get_model(parts[2], parts[3])
    elif parts[1] == "snippets":
        model = apps.get_model(parts[3], parts[4])
    elif parts[1] in ROUTE_MODELS:
        model = ROUTE_MODELS[parts[1]]()
    else:
        return "1"
    first = model.objects.order_by("pk").first()
    return str(first.pk) if first else "1"


def admin_urls_with_arguments(content) -> list[str]:
    """Every admin URL with arguments, each filled with a record that exists where the route
    names one (a page, an image, a snippet…), so the view runs past its lookup."""
    urls = []
    for route in _walk(get_resolver().url_patterns):
        if not route.startswith("admin/") or not ARGUMENT.search(route):
            continue
        if route.endswith(ADMIN_SKIPPED + ADMIN_ACTING):
            continue
        record = _first_id(route, content)

        def fill(match: re.Match, record: str = record) -> str:
            return NAMED_VALUES.get(match.group(1) or match.group(2), record)

        urls.append("/" + ARGUMENT.sub(fill, route).replace("\\", ""))
    return urls


def test_public_get_urls_never_answer_5xx(client, full_content):
    urls = public_urls(full_content)
    assert len(urls) > 30, urls
    # Every URL with every hostile value would be slow; a few URLs of each kind get them
    # all, the rest the first four and the repeated parameters.
    queries = hostile_queries()
    failures = server_errors(client, urls[:12], queries)
    failures += server_errors(client, urls[12:], [*queries[:4], queries[-2]])
    assert not failures, "\n".join(failures)


def test_public_get_urls_with_a_nul_answer_400(client, full_content):
    for url in ["/search/?q=a%00b", "/api/v2/pages/?search=%00", "/a%00b/", "/fr/?x%00=1"]:
        response = client.get(url)
        assert response.status_code == 400, url
    assert "application/json" in client.get("/api/v2/pages/?search=%00")["Content-Type"]
    response = client.get("/fr/search/?q=%00")
    assert "<main" in response.content.decode()
    assert 'lang="fr"' in response.content.decode()
    assert "Impossible de répondre à cette adresse" in response.content.decode()


@pytest.mark.parametrize("url", API_LISTS)
def test_read_api_parameters_alone_never_answer_5xx(client, full_content, url):
    queries = [urlencode({name: value}) for name in API_PARAMETERS for value in API_VALUES]
    failures = server_errors(client, [url], queries)
    assert not failures, "\n".join(failures)


def admin_query() -> list[str]:
    return [
        urlencode({name: HUGE for name in PARAMETERS}),
        urlencode({name: "abc' OR 1=1 --" for name in PARAMETERS}),
    ]


def test_admin_get_urls_never_answer_5xx_for_a_superuser(client, full_content, admin_user):
    client.force_login(admin_user)
    failures = server_errors(client, admin_urls(full_content), admin_query())
    assert not failures, "\n".join(failures)


def test_admin_get_urls_never_answer_5xx_for_a_city_editor(client, roles):
    sync_roles()
    client.force_login(roles.sousse_editor)
    failures = server_errors(client, admin_urls(roles), admin_query()[:1])
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize(
    "url",
    [
        # Each raised in Wagtail's admin views (a 500) before exchange.request_guard.
        f"/admin/pages/?p=1&ordering={HUGE}",
        f"/admin/reports/practices-to-verify/?city={HUGE}",
        f"/admin/images/chooser/chosen-multiple/?id={HUGE}",
        "/admin/snippets/choose/taxonomy/theme/chosen-multiple/?id=abc",
        "/admin/choose-external-link/?parent_page_id=abc",
        "/admin/login/?next=abc",
        "/admin/images/chooser/?q=a&tag=x",
        "/admin/api/main/pages/?search=%00",
        "/admin/tag-autocomplete/?term=%00",
        "/admin/pages/search/?q=%00",
    ],
)
def test_admin_unusable_queries_answer_400(client, full_content, admin_user, url):
    client.force_login(admin_user)
    assert client.get(url).status_code == 400


def test_admin_ids_in_range_and_text_searches_still_work(client, full_content, admin_user):
    client.force_login(admin_user)
    theme = full_content.practice.themes.first()
    for url in [
        f"/admin/snippets/choose/taxonomy/theme/chosen-multiple/?id={theme.pk}",
        f"/admin/choose-external-link/?parent_page_id={full_content.city.pk}",
        "/admin/pages/search/?q=99999999999999999999",
        f"/admin/login/?next=/admin/pages/{full_content.city.pk}/",
        "/admin/images/chooser/?q=a",
    ]:
        assert client.get(url).status_code in (200, 302), url


@pytest.mark.parametrize("url", ["/", "/fr/search/", "/api/v2/pages/", "/admin/"])
def test_a_host_the_site_does_not_serve_is_a_400(client, full_content, url):
    # Django answers it with the 400 handler, whose page must not ask for the host again.
    response = client.get(url, HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "evil.example" not in response.content.decode()


def test_admin_get_urls_with_arguments_never_answer_5xx(client, full_content, admin_user):
    client.force_login(admin_user)
    urls = admin_urls_with_arguments(full_content)
    assert len(urls) > 150, urls
    failures = server_errors(client, urls, admin_query()[:1])
    assert not failures, "\n".join(failures)


def test_admin_get_urls_with_arguments_never_answer_5xx_for_a_city_editor(client, roles):
    sync_roles()
    client.force_login(roles.sousse_editor)
    failures = server_errors(client, admin_urls_with_arguments(roles), admin_query()[:1])
    assert not failures, "\n".join(failures)
