"""Nothing leaks: one walk over every public surface of the site, looking for secrets.

One world (built once for the module) holds, for each page type, a published page and its
secret siblings: a draft, a page with unpublished changes, pages behind a password, a login
and a group, pages below those, and an unpublished page; plus moderation notes (Wagtail
comments, workflow comments, review notes), public submissions and exchange requests with
the sender's personal data, documents and an image in a restricted collection. Every secret
text carries a marker starting with `zqleak`; the walk fetches every surface as an
anonymous visitor and as a signed-in user without rights, and no marker may appear in any
body or header.

A new surface is one line in `surfaces()`. `test_every_route_is_walked` fails when the
project gains a URL pattern (or a RoutablePageMixin sub-page) that the walk does not fetch
and that is not in `NOT_WALKED` with its reason: adding a surface without walking it is
caught here, not in production.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from types import SimpleNamespace
from urllib.parse import urlencode, urlsplit

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client, RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Comment,
    Page,
    PageViewRestriction,
    TaskState,
    get_page_models,
)

from dialogues.models import RecommendationPage
from exchange.blocks import DocumentsBlock
from practices.exchange_requests import create_exchange_request
from practices.submissions import Contact, Proposal, record_correction, record_proposal

from .factories import (
    BarrierPageFactory,
    CityProfilePageFactory,
    DialoguePageFactory,
    ExchangePageFactory,
    OpportunityPageFactory,
    PracticePageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
)
from .worlds import build_full_content, kept_for_module, make_site_tree

MARK = "zqleak"
MARKER_RE = re.compile(MARK + r"\w*", re.IGNORECASE)
# Every secret text also holds this plain word, so searching for it would find any of them.
SECRET_WORD = "hushword"
PASSWORD = "open sesame"

# The 1x1 GIF and a tiny PDF: enough bytes for Wagtail to store and serve.
GIF = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00"
    b",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


class RecommendationPageFactory(ExchangePageFactory):
    class Meta:
        model = RecommendationPage

    summary = "What a dialogue advises."


def secret(name: str) -> str:
    """A text carrying marker `zqleak<name>` (unique) and the shared secret word."""
    return f"{SECRET_WORD} {MARK}{name}"


# -- The world --------------------------------------------------------------------------------

# Page type -> (factory, how to find its parent in the world). "city" pages hang below the
# city index, records and practices below the public city, resources below the library.
PAGE_TYPES = {
    "practice": (PracticePageFactory, "city"),
    "city": (CityProfilePageFactory, "cities"),
    "barrier": (BarrierPageFactory, "city"),
    "opportunity": (OpportunityPageFactory, "city"),
    "recommendation": (RecommendationPageFactory, "dialogue"),
    "dialogue": (DialoguePageFactory, "dialogues"),
    "resource": (ResourcePageFactory, "resources"),
}
# What a page of each type may hold below it, for "a page below a restricted page".
CHILD_OF = {"city": (PracticePageFactory, "practice"), "dialogue": (BarrierPageFactory, "barrier")}
RESTRICTIONS = ("password", "login", "group")


@dataclass
class SecretPage:
    """A page no visitor may see, and what the walk may expect of its address."""

    label: str
    page: Page
    # "404": Wagtail hides it; "restricted": Wagtail answers with a login or password form.
    expect: str


@dataclass
class World:
    c: SimpleNamespace
    insiders: Group
    reader: object
    secret_pages: list[SecretPage] = field(default_factory=list)
    public_pages: list[Page] = field(default_factory=list)
    changed_pages: list[Page] = field(default_factory=list)
    restrictions: list[PageViewRestriction] = field(default_factory=list)
    restricted_document: Document | None = None
    public_document: Document | None = None
    restricted_image: Image | None = None
    password_document: Document | None = None
    document_password_restriction: CollectionViewRestriction | None = None
    submissions: list = field(default_factory=list)


def _restrict(page: Page, kind: str, insiders: Group) -> PageViewRestriction:
    restriction = PageViewRestriction.objects.create(
        page=page,
        restriction_type={
            "password": PageViewRestriction.PASSWORD,
            "login": PageViewRestriction.LOGIN,
            "group": PageViewRestriction.GROUPS,
        }[kind],
        password=PASSWORD if kind == "password" else "",
    )
    if kind == "group":
        restriction.groups.set([insiders])
    return restriction


def _document(title: str, filename: str, collection: Collection) -> Document:
    document = Document(title=title, file=ContentFile(PDF, name=filename), collection=collection)
    document.file_size = len(PDF)
    document.save()
    return document


def _documents_stream(*documents: Document):
    return DocumentsBlock().to_python(
        [
            {"type": "document", "value": {"document": d.pk, "title": "", "language": ""}}
            for d in documents
        ]
    )


def _secret_page(factory, parent: Page, kind: str, state: str, live: bool = True) -> Page:
    """A page of `kind` in `state` whose title and summary carry their own markers."""
    return factory(
        parent=parent,
        title=f"{kind} {state} " + secret(f"{state}{kind}"),
        slug=f"{state}-{kind}",
        summary=secret(f"{state}{kind}summary"),
        live=live,
    )


def build_world(django_user_model) -> World:
    c = build_full_content(make_site_tree())
    c.resources = ResourceIndexPageFactory(parent=c.home)
    insiders = Group.objects.create(name="Insiders")
    reader = django_user_model.objects.create_user(
        username="reader", password="not-used", email="reader@example.org"
    )
    admin = django_user_model.objects.create_superuser(
        username="boss", password="not-used", email="boss@example.org"
    )
    w = World(c=c, insiders=insiders, reader=reader)

    # Documents and an image: one public, the others in a collection closed to the public.
    root = Collection.get_first_root_node()
    closed = root.add_child(name="Board only")
    CollectionViewRestriction.objects.create(
        collection=closed, restriction_type=CollectionViewRestriction.LOGIN
    )
    w.public_document = _document("Annual report", "annual-report.pdf", root)
    w.restricted_document = _document(
        secret("documenttitle"), f"{MARK}documentfile.pdf", closed.add_child(name="Minutes")
    )
    locked = root.add_child(name="Locked")
    w.document_password_restriction = CollectionViewRestriction.objects.create(
        collection=locked, restriction_type=CollectionViewRestriction.PASSWORD, password=PASSWORD
    )
    w.password_document = _document(secret("lockedtitle"), "locked.pdf", locked)
    w.restricted_image = Image.objects.create(
        title=secret("imagetitle"),
        file=ContentFile(GIF, name=f"{MARK}imagefile.gif"),
        width=1,
        height=1,
        collection=closed,
    )
    for page in (c.city, c.dialogue):
        page.documents = _documents_stream(
            w.public_document, w.restricted_document, w.password_document
        )
        page.save_revision().publish()

    # The published page of each type, and its secret siblings.
    parents = {"city": c.city, "cities": c.cities, "dialogue": c.dialogue}
    parents.update(dialogues=c.dialogues, resources=c.resources)
    for kind, (factory, parent_key) in PAGE_TYPES.items():
        parent = parents[parent_key]

        w.public_pages.append(
            factory(parent=parent, title=f"Public {kind}", slug=f"public-{kind}")
        )
        w.secret_pages.append(
            SecretPage(
                f"draft {kind}", _secret_page(factory, parent, kind, "draft", live=False), "404"
            )
        )

        unpublished = _secret_page(factory, parent, kind, "unpublished")
        unpublished.unpublish()
        w.secret_pages.append(SecretPage(f"unpublished {kind}", unpublished, "404"))

        changed = factory(
            parent=parent,
            title=f"Changed {kind}",
            slug=f"changed-{kind}",
            summary=f"The live summary of the changed {kind}.",
        )
        changed.title = f"Changed {kind} " + secret(f"draftrevisiontitle{kind}")
        changed.summary = secret(f"draftrevision{kind}")
        changed.save_revision(user=admin)
        w.changed_pages.append(Page.objects.get(pk=changed.pk).specific)

        for restriction in RESTRICTIONS:
            page = _secret_page(factory, parent, kind, restriction)
            w.restrictions.append(_restrict(page, restriction, insiders))
            w.secret_pages.append(
                SecretPage(f"{restriction}-restricted {kind}", page, "restricted")
            )
            if kind in CHILD_OF:
                child_factory, child_kind = CHILD_OF[kind]
                child = child_factory(
                    parent=page,
                    title=f"{child_kind} below {restriction} "
                    + secret(f"below{restriction}{kind}"),
                    slug=f"below-{restriction}",
                    summary=secret(f"below{restriction}{kind}summary"),
                )
                w.secret_pages.append(
                    SecretPage(
                        f"{child_kind} below a {restriction}-restricted {kind}",
                        child,
                        "restricted",
                    )
                )
        if kind in CHILD_OF:
            child_factory, child_kind = CHILD_OF[kind]
            child = child_factory(
                parent=unpublished,
                title=f"{child_kind} below unpublished " + secret(f"belowunpublished{kind}"),
                slug="below-unpublished",
                summary=secret(f"belowunpublished{kind}summary"),
            )
            w.secret_pages.append(
                SecretPage(f"live {child_kind} below an unpublished {kind}", child, "404")
            )

    # A published resource whose file is in the closed collection (the form refuses it; an
    # import or a later move of the document could still make one).
    ResourcePageFactory(
        parent=c.resources,
        title="Resource with a closed file",
        slug="closed-file",
        document=w.restricted_document,
    )

    # Moderation: a Wagtail comment, a workflow rejection with its comment, review notes.
    Comment.objects.create(
        page=c.practice, user=admin, text=secret("pagecomment"), contentpath="summary"
    )
    changed_practice = w.changed_pages[0]
    workflow = changed_practice.get_workflow()
    if workflow is not None:
        state = workflow.start(changed_practice, admin)
        task_state = state.current_task_state
        task_state.task.specific.on_action(
            task_state, admin, "reject", comment=secret("workflowcomment")
        )

    # Public submissions with the sender's personal data, and exchange requests.
    proposal = record_proposal(
        Proposal(
            city=c.city,
            title="Proposal " + secret("proposaltitle"),
            summary=secret("proposalsummary"),
            description=secret("proposaldescription"),
            contact=Contact(
                name=secret("sendername"), email=f"{MARK}sender@example.org", consent=True
            ),
        )
    )
    proposal.review_note = secret("reviewnote")
    proposal.save()
    correction = record_correction(
        c.practice,
        c.city,
        what_is_wrong=secret("correctionwrong"),
        proposed_text=secret("correctiontext"),
        contact=Contact(
            name=secret("correctorname"), email=f"{MARK}corrector@example.org", consent=True
        ),
    )
    correction.review_note = secret("correctionnote")
    correction.save()
    w.submissions = [proposal, correction]
    w.secret_pages.append(SecretPage("draft made from a proposal", proposal.practice, "404"))

    requester = django_user_model.objects.create_user(
        username=f"{MARK}requesterlogin",
        password="not-used",
        first_name=secret("requesterfirst"),
        last_name="Smith",
        email=f"{MARK}requester@example.org",
    )
    request = create_exchange_request(
        c.practice, c.city, requester, message=secret("requestmessage")
    )
    request.reply = secret("requestreply")
    request.save()

    from search import index

    index.rebuild()
    return w


# -- The surfaces -----------------------------------------------------------------------------


@dataclass
class Surface:
    name: str
    url: str
    method: str = "get"
    data: dict | None = None
    # Only for these clients ("anonymous", "reader"); None for both.
    only: str | None = None


def _route_exists(path: str) -> bool:
    """True when `path` is answered by a view of its own, not by Wagtail's page catch-all."""
    try:
        return resolve(path).url_name != "wagtail_serve"
    except Resolver404:
        return False


def surfaces(w: World) -> list[Surface]:
    """Every public surface, with the parameters that could pull a secret into it."""
    c = w.c
    secret_practices = [
        s.page.pk for s in w.secret_pages if s.page.specific_class.__name__ == "PracticePage"
    ]
    secret_cities = [
        s.page.slug for s in w.secret_pages if s.page.specific_class.__name__ == "CityProfilePage"
    ]
    public_practice = c.practice.pk
    found = [
        Surface("home", "/"),
        Surface("404 page", "/no-such-page/"),
        Surface("city index", c.cities.url),
        Surface("city index filtered", c.cities.url + "?region=mena&country=TN"),
        Surface("cities like mine", c.cities.url + c.cities.reverse_subpage("like_mine")),
        Surface(
            "cities like mine, described",
            c.cities.url
            + c.cities.reverse_subpage("like_mine")
            + "?region=mena&mandate=outside-mandate&themes=safety-and-violence",
        ),
        Surface("similar cities", c.city.url + c.city.reverse_subpage("similar")),
        Surface("dialogue index", c.dialogues.url),
        Surface("resource library", c.resources.url),
        Surface("resource library filtered", c.resources.url + "?kind=toolkit"),
        Surface("search page", "/search/"),
        Surface("search for the secret word", f"/search/?q={SECRET_WORD}"),
        Surface("search for a shared word", "/search/?q=practice"),
        Surface("search by city", "/search/?city=sousse&type=practice"),
        Surface("search by tag", "/search/?tag=covid-19&sort=newest"),
        Surface("all cities of a search", "/search/filters/city/"),
        Surface("all tags of a search", f"/search/filters/tag/?q={SECRET_WORD}"),
        Surface("search API", "/api/search/?per_page=100"),
        Surface("search API, secret word", f"/api/search/?q={SECRET_WORD}"),
        Surface("search API, shared word", "/api/search/?q=draft&per_page=100"),
        Surface(
            "search API, by type", "/api/search/?type=resource&type=recommendation&per_page=100"
        ),
        Surface("search CSV", "/api/search/export.csv"),
        Surface("search CSV, shared word", "/api/search/export.csv?q=unpublished"),
        Surface("explore", "/explore/"),
        Surface("theme matrix", "/explore/matrix/"),
        Surface("theme matrix by city", "/explore/matrix/?columns=city"),
        Surface("compare page", "/compare/"),
        Surface(
            "compare secret practices",
            "/compare/?"
            + urlencode(
                [("practice", public_practice)] + [("practice", i) for i in secret_practices],
                doseq=True,
            ),
        ),
        Surface(
            "compare CSV of secret practices",
            "/compare/export.csv?"
            + urlencode(
                [("practice", public_practice)] + [("practice", i) for i in secret_practices]
            ),
        ),
        Surface(
            "compare secret cities",
            "/compare/?" + urlencode([("city", "sousse")] + [("city", s) for s in secret_cities]),
        ),
        Surface(
            "compare CSV of secret cities",
            "/compare/export.csv?"
            + urlencode([("city", "sousse")] + [("city", s) for s in secret_cities]),
        ),
        Surface("submit form", "/submit/"),
        Surface("submit thank-you page", "/submit/thanks/"),
        Surface("health check", "/healthz"),
        Surface("my exchange requests", "/account/exchange-requests/"),
        Surface("exchange request form", f"/practices/{public_practice}/exchange-request/"),
        Surface("login page", "/_util/login/?next=/"),
        Surface("document of the library", w.public_document.url),
    ]
    found += [
        Surface(f"public {p.specific_class._meta.model_name}", p.url) for p in w.public_pages
    ]
    found += [Surface(f"page with unpublished changes: {p.title}", p.url) for p in w.changed_pages]
    for name in ("city", "dialogue", "practice", "barrier", "opportunity", "network_barrier"):
        page = getattr(c, name)
        found.append(Surface(f"full {name}", page.url))
    # A signed-in reader passes a login restriction, and is refused a draft as anyone is:
    # the reader walks only the pages of a group they are not in.
    found += [
        Surface(
            f"secret page: {s.label}", s.page.url, only=None if "group" in s.label else "anonymous"
        )
        for s in w.secret_pages
    ]
    found += [
        Surface(
            f"exchange request form of a secret page ({s.label})",
            f"/practices/{s.page.pk}/exchange-request/",
        )
        for s in w.secret_pages
        if s.page.pk in secret_practices
    ]
    found += [
        Surface(
            f"wrong password for {r.page.title[:20]}",
            f"/_util/authenticate_with_password/{r.pk}/{r.page_id}/",
            method="post",
            data={"password": "wrong", "return_url": r.page.url},
        )
        for r in w.restrictions
        if r.restriction_type == PageViewRestriction.PASSWORD
    ]
    # Any signed-in user passes the closed collection's login restriction.
    found.append(Surface("closed document", w.restricted_document.url, only="anonymous"))
    found += [
        Surface("password-protected document", w.password_document.url),
        Surface(
            "wrong password for a document",
            f"/documents/authenticate_with_password/{w.document_password_restriction.pk}/",
            method="post",
            data={"password": "wrong", "return_url": w.password_document.url},
        ),
    ]

    # Surfaces that other parts of issue 8 add: walked as soon as they exist on main.
    if _route_exists("/api/v2/pages/"):
        found += [
            Surface("API pages", "/api/v2/pages/?limit=100"),
            Surface("API pages, all fields", "/api/v2/pages/?limit=100&fields=*"),
            Surface("API pages, search", f"/api/v2/pages/?search={SECRET_WORD}"),
            Surface("API pages, below the city", f"/api/v2/pages/?child_of={c.city.pk}&limit=100"),
            Surface("API public city", f"/api/v2/pages/{c.city.pk}/"),
        ]
        found += [
            Surface(f"API page {s.label}", f"/api/v2/pages/{s.page.pk}/") for s in w.secret_pages
        ]
        found += [
            Surface(f"API below {s.label}", f"/api/v2/pages/?child_of={s.page.pk}")
            for s in w.secret_pages
        ]
        found += [
            Surface(
                f"API find {s.label}",
                "/api/v2/pages/find/?" + urlencode({"html_path": s.page.url}),
            )
            for s in w.secret_pages
        ]
        found += [
            Surface(f"API page {p.title}", f"/api/v2/pages/{p.pk}/") for p in w.changed_pages
        ]
    for kind, closed in (("documents", w.restricted_document), ("images", w.restricted_image)):
        if _route_exists(f"/api/v2/{kind}/"):
            found += [
                Surface(f"API {kind}", f"/api/v2/{kind}/?limit=100"),
                Surface(f"API {kind}, search", f"/api/v2/{kind}/?search={SECRET_WORD}"),
                Surface(f"API closed {kind}", f"/api/v2/{kind}/{closed.pk}/"),
                Surface(f"API find closed {kind}", f"/api/v2/{kind}/find/?id={closed.pk}"),
            ]
    if _route_exists("/api/v2/organisations/"):
        found += [
            Surface("API organisations", "/api/v2/organisations/?limit=100"),
            Surface("API organisation", f"/api/v2/organisations/{c.association.pk}/"),
            Surface("API find organisation", f"/api/v2/organisations/find/?id={c.association.pk}"),
        ]
    optional = {
        "/practices/feed.atom": "feed of new practices",
        "/sitemap.xml": "sitemap",
        "/robots.txt": "robots.txt",
        "/api/search/openapi.json": "search API description",
    }
    found += [Surface(name, url) for url, name in optional.items() if _route_exists(url)]
    # The same surfaces in another language (last: the switcher's cookie stays with the
    # client). The language switcher may be sent to a secret page: it redirects, no more.
    if _route_exists("/fr/search/"):
        found += [
            Surface("home in French", "/fr/"),
            Surface("search in French", f"/fr/search/?q={SECRET_WORD}"),
            Surface("search API in French", "/api/search/?per_page=100&lang=fr"),
            Surface("city index in French", "/fr" + c.cities.url),
        ]
        found += [
            Surface(f"secret page in French: {s.label}", "/fr" + s.page.url, only="anonymous")
            for s in w.secret_pages
            if "login" in s.label or s.expect == "404"
        ]
    if _route_exists("/language/"):
        found += [
            Surface(
                f"language switcher to {s.label}",
                "/language/",
                method="post",
                data={"language": "fr", "next": "/fr" + s.page.url},
                only="anonymous",
            )
            for s in w.secret_pages[:3]
        ]
    return found


# -- The walk ---------------------------------------------------------------------------------


@dataclass
class Visit:
    surface: Surface
    who: str
    status: int
    body: str
    headers: str


@dataclass
class Walk:
    visits: list[Visit]
    routes: set[str]

    def leaks(self) -> list[str]:
        found = []
        for v in self.visits:
            # What the visitor typed may come back (a login form's "next"): not a leak.
            typed = {m.lower() for m in MARKER_RE.findall(v.surface.url)}
            for where, text in (("body", v.body), ("headers", v.headers)):
                markers = sorted({m for m in MARKER_RE.findall(text) if m.lower() not in typed})
                if markers:
                    shown = ", ".join(markers)
                    found.append(f"{v.surface.name} [{v.who}, {v.surface.url}] {where}: {shown}")
        return found


def _route_of(path: str) -> str | None:
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return _plain(match.route)


def _plain(route: str) -> str:
    """A route as resolve() and the URLconf both spell it (regex anchors dropped)."""
    return route.replace("^", "")


def _fetch(client: Client, who: str, surface: Surface, walk: Walk) -> Visit:
    if surface.method == "post":
        response = client.post(surface.url, surface.data or {})
    else:
        response = client.get(surface.url)
    path = urlsplit(surface.url).path
    route = _route_of(path)
    if route is not None:
        walk.routes.add(route)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    visit = Visit(
        surface,
        who,
        response.status_code,
        body.decode("utf-8", "replace"),
        "\n".join(f"{k}: {v}" for k, v in response.items()),
    )
    walk.visits.append(visit)
    # Follow one redirect (to the login page, say) and check where it lands too.
    if response.status_code in (301, 302) and response["Location"].startswith("/"):
        landing = client.get(response["Location"])
        walk.visits.append(
            Visit(
                Surface(f"{surface.name} -> {response['Location']}", response["Location"]),
                who,
                landing.status_code,
                landing.content.decode("utf-8", "replace"),
                "\n".join(f"{k}: {v}" for k, v in landing.items()),
            )
        )
        landed = _route_of(urlsplit(response["Location"]).path)
        if landed is not None:
            walk.routes.add(landed)
    return visit


@pytest.fixture(scope="module")
def world_and_walk(django_db_setup, django_db_blocker):
    from django.contrib.auth import get_user_model

    with kept_for_module(django_db_blocker):
        w = build_world(get_user_model())
        walk = Walk(visits=[], routes=set())
        anonymous = Client(raise_request_exception=False)
        reader = Client(raise_request_exception=False)
        reader.force_login(w.reader)
        for surface in surfaces(w):
            for who, client in (("anonymous", anonymous), ("reader", reader)):
                if surface.only in (None, who):
                    _fetch(client, who, surface, walk)
        yield w, walk


@pytest.fixture
def world(world_and_walk, db) -> World:
    return world_and_walk[0]


@pytest.fixture
def walk(world_and_walk, db) -> Walk:
    return world_and_walk[1]


# -- What the walk must show ------------------------------------------------------------------


def test_no_secret_appears_on_any_surface(walk):
    leaks = walk.leaks()
    assert not leaks, "Secrets shown to visitors:\n" + "\n".join(leaks)


def test_no_surface_fails(walk):
    failures = [
        f"{v.surface.name} [{v.who}] {v.surface.url}: {v.status}"
        for v in walk.visits
        if v.status >= 500
    ]
    assert not failures, "\n".join(failures)


def test_the_world_really_holds_the_secrets(world):
    """The walk would pass on an empty world: check the secrets are there to be leaked."""
    from practices.exchange_requests import ExchangeRequest
    from search.models import SearchDocument

    assert len(world.secret_pages) >= 7 * 6
    assert all(MARK in p.get_latest_revision_as_object().summary for p in world.changed_pages)
    assert Comment.objects.filter(text__contains=MARK).exists()
    assert TaskState.objects.filter(comment__contains=MARK).exists()
    assert ExchangeRequest.objects.filter(message__contains=MARK).exists()
    assert all(MARK in s.contact_name for s in world.submissions)
    # What is public is in the index, so search surfaces had something to show.
    assert SearchDocument.objects.filter(title="Public practice").exists()


def _visit(walk: Walk, name: str, who: str = "anonymous") -> Visit:
    return next(v for v in walk.visits if v.surface.name == name and v.who == who)


def test_secret_pages_are_not_found_or_ask_for_credentials(walk, world):
    """Drafts and unpublished pages answer 404, as a page that never existed would; pages
    behind a restriction send to the login or password form (Wagtail's), never to a 403."""
    wrong = []
    for s in world.secret_pages:
        for who in ("anonymous", "reader") if "group" in s.label else ("anonymous",):
            visit = _visit(walk, f"secret page: {s.label}", who)
            if s.expect == "404":
                ok = visit.status == 404
            elif "password" in s.label:
                ok = visit.status == 200  # the password form, without the content
            else:
                ok = visit.status == 302  # to the login page (a reader outside the group too)
            if not ok:
                wrong.append(f"{s.label} [{who}]: {visit.status}")
    assert not wrong, "\n".join(wrong)


def test_public_pages_are_really_shown(walk, world):
    """The walk fetched real pages, not error pages (a 404 everywhere would leak nothing)."""
    for page in world.public_pages + world.changed_pages:
        visit = _visit(
            walk, next(v.surface.name for v in walk.visits if v.surface.url == page.url)
        )
        assert visit.status == 200, page.url
    search = _visit(walk, "search API")
    assert '"Public practice"' in search.body


def test_secret_practices_are_refused_like_missing_ones(walk, world):
    """An exchange request form for a draft or private practice answers as for no practice."""
    visits = [
        v for v in walk.visits if v.surface.name.startswith("exchange request form of a secret")
    ]
    assert visits
    assert {v.status for v in visits} == {404}


def test_every_route_is_walked(walk):
    """Each URL pattern of the project (and each RoutablePageMixin sub-page) is fetched by
    the walk or listed in NOT_WALKED with the reason; a new surface must join the walk."""
    unwalked = sorted(set(project_routes()) - walk.routes - set(NOT_WALKED))
    assert not unwalked, (
        "Routes the leak walk does not fetch (add them to surfaces() in "
        "tests/test_no_leaks.py, or to NOT_WALKED with the reason):\n" + "\n".join(unwalked)
    )
    stale = sorted(set(NOT_WALKED) - set(project_routes()))
    assert not stale, f"NOT_WALKED names routes that no longer exist: {stale}"
    subpages = {
        f"{model.__name__}.{name}"
        for model in get_page_models()
        if issubclass(model, RoutablePageMixin)
        for name in _subpage_names(model)
    }
    missing = sorted(subpages - WALKED_SUBPAGES)
    assert not missing, (
        f"Sub-pages not walked (add them to surfaces() and WALKED_SUBPAGES): {missing}"
    )


# Routes deliberately left out of the walk, with the reason.
NOT_WALKED = {
    "admin/": "the admin is out of scope (issue 8 part 2): signed-in editors only",
}
# RoutablePageMixin sub-pages fetched by surfaces() (model.route name).
# index_route is the page's own address, walked with the page.
WALKED_SUBPAGES = {
    "CityIndexPage.index_route",
    "CityIndexPage.like_mine",
    "CityProfilePage.index_route",
    "CityProfilePage.similar",
}


def project_routes() -> list[str]:
    """Every route of the URLconf; everything under admin/ counts as "admin/"."""

    def walk(patterns, prefix: str = ""):
        for p in patterns:
            route = prefix + str(p.pattern)
            if route.startswith("admin/"):
                yield "admin/"
            elif isinstance(p, URLResolver):
                yield from walk(p.url_patterns, _plain(route))
            elif isinstance(p, URLPattern):
                yield _plain(route)

    return sorted(set(walk(get_resolver().url_patterns)))


def _subpage_names(model) -> list[str]:
    return [pattern.name for pattern in model.get_subpage_urls() if pattern.name]


def test_500_page_shows_nothing_of_the_request(world):
    """Django renders 500.html without context: nothing of the page that failed shows."""
    from django.views.defaults import server_error

    request = RequestFactory().get(world.secret_pages[0].page.url)
    response = server_error(request)

    assert response.status_code == 500
    assert not MARKER_RE.search(response.content.decode())
