"""Stored XSS: markup saved in any field (through the models, as an import or a script
would, bypassing the editor's own cleaning) never runs in a visitor's browser.

Every public surface that shows the poisoned content is parsed with html.parser and must
hold no script of ours, no `on*` attribute and no `javascript:` address; CSV exports must
not start a cell with a formula character.
"""

from __future__ import annotations

import csv
import io
from html.parser import HTMLParser
from urllib.parse import urlencode

import pytest
from wagtail.models import Page

from search import index
from taxonomy.models import Theme

from .worlds import build_full_content, kept_for_module, make_site_tree

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = '"><img src=x onerror=alert(1)>'
TITLE_BREAK = "</title><script>alert(2)</script>"
RICH = (
    "<p>Safe words.</p><script>alert(3)</script>"
    '<p><a href="javascript:alert(4)">a link</a> <a href=" JaVaScRiPt:alert(5)">another</a></p>'
    '<p onclick="alert(6)">clicked</p><img src=x onerror=alert(7)>'
    '<svg onload="alert(8)"></svg><iframe src="javascript:alert(9)"></iframe>'
)
FORMULA = '=HYPERLINK("https://evil.example","click")'


class _Executable(HTMLParser):
    """Collects what a browser would run: inline scripts, on* handlers, javascript: URLs."""

    URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            src = dict(attrs).get("src") or ""
            # Our own deferred scripts (from /static/) are fine; anything else is not.
            if not src.startswith("/static/"):
                self.found.append(f"<script> (src={src!r})")
            self.in_script = True
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}={value!r}>")
            if (
                name in self.URL_ATTRS
                and value
                and (
                    "".join(value.split())
                    .lower()
                    .startswith(("javascript:", "vbscript:", "data:text"))
                )
            ):
                self.found.append(f"<{tag} {name}={value!r}>")
        if tag == "img" and dict(attrs).get("src") == "x":
            self.found.append("<img src=x> injected")

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = False

    def handle_data(self, data):
        if self.in_script and "alert(" in data:
            self.found.append(f"inline script {data[:40]!r}")


def executable(html: str) -> list[str]:
    parser = _Executable()
    parser.feed(html)
    return parser.found


def poison(c) -> None:
    """Payloads in every kind of field the public pages show."""
    practice = c.practice
    practice.title = "Practice " + ATTRIBUTE + TITLE_BREAK
    practice.summary = "Summary " + SCRIPT + ATTRIBUTE
    practice.description = RICH
    practice.results = RICH
    practice.lessons = RICH
    practice.funding = SCRIPT
    practice.contact_role = ATTRIBUTE
    practice.save_revision().publish()
    practice.tags.add(SCRIPT, "tag" + ATTRIBUTE)
    practice.save_revision().publish()

    city = c.city
    city.title = "Sousse " + ATTRIBUTE
    city.summary = SCRIPT
    city.migration_context = RICH
    city.mandate_note = ATTRIBUTE
    city.focal_point_role = SCRIPT
    city.save_revision().publish()

    dialogue = c.dialogue
    dialogue.title = "Dialogue " + TITLE_BREAK
    dialogue.body = RICH
    dialogue.ways_forward = RICH
    dialogue.save_revision().publish()

    barrier = c.barrier
    barrier.description = RICH
    barrier.title = "Barrier " + ATTRIBUTE
    barrier.save_revision().publish()

    c.home.body = RICH
    c.home.save_revision().publish()

    c.association.name = "Association " + ATTRIBUTE
    c.association.description = SCRIPT
    c.association.save()
    # Vocabulary names label the charts and matrices (SVG).
    theme = Theme.objects.get(slug="safety-and-violence")
    theme.name = "Safety " + SCRIPT + ATTRIBUTE
    theme.save()

    formula = c.peer
    formula.title = FORMULA
    formula.summary = "+SUM(A1:A2)"
    formula.save_revision().publish()
    index.rebuild()


@pytest.fixture(scope="module")
def module_poisoned(django_db_setup, django_db_blocker):
    with kept_for_module(django_db_blocker):
        c = build_full_content(make_site_tree())
        poison(c)
        yield c


@pytest.fixture
def c(module_poisoned, db):
    return module_poisoned


def page_urls(c) -> dict[str, str]:
    def url(page):
        return Page.objects.get(pk=page.pk).url

    return {
        "home": "/",
        "practice": url(c.practice),
        "city": url(c.city),
        "city index": url(c.cities),
        "similar cities": url(c.city) + "similar/",
        "dialogue": url(c.dialogue),
        "dialogue index": url(c.dialogues),
        "barrier": url(c.barrier),
        "opportunity": url(c.opportunity),
        "search": "/search/?q=practice",
        "search, query echoed": "/search/?" + urlencode({"q": ATTRIBUTE + SCRIPT}),
        "search by tag": "/search/?" + urlencode({"tag": SCRIPT}),
        "explore": "/explore/",
        "theme matrix": "/explore/matrix/",
        "theme matrix by city": "/explore/matrix/?columns=city",
        "compare practices": f"/compare/?practice={c.practice.pk}&practice={c.practice.pk}",
        "compare cities": "/compare/?city=sousse&city=turin",
        "compare, bad key echoed": "/compare/?" + urlencode({"city": ATTRIBUTE}),
        "cities like mine": url(c.cities) + "like-mine/?region=mena",
    }


@pytest.mark.parametrize(
    "surface",
    [
        "home",
        "practice",
        "city",
        "city index",
        "similar cities",
        "dialogue",
        "dialogue index",
        "barrier",
        "opportunity",
        "search",
        "search, query echoed",
        "search by tag",
        "explore",
        "theme matrix",
        "theme matrix by city",
        "compare practices",
        "compare cities",
        "compare, bad key echoed",
        "cities like mine",
    ],
)
def test_stored_markup_never_runs(client, c, surface):
    response = client.get(page_urls(c)[surface])

    assert response.status_code in (200, 400), response.status_code
    found = executable(response.content.decode())
    assert not found, f"{surface}: {found}"


def test_the_payloads_are_shown_as_text(client, c):
    """Escaped, not dropped: a title with angle brackets still reads as written."""
    html = client.get(Page.objects.get(pk=c.practice.pk).url).content.decode()
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "Safe words." in html  # the rich text's harmless part stays


def test_search_json_escapes_nothing_but_is_served_as_json(client, c):
    response = client.get("/api/search/?q=practice")
    assert response["Content-Type"].startswith("application/json")
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("url", ["/api/search/export.csv?type=city", "/compare/export.csv"])
def test_csv_cells_never_start_a_formula(client, c, url):
    if url.startswith("/compare/"):
        url += "?city=sousse&city=turin"
    response = client.get(url)

    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert any("HYPERLINK" in cell for cell in cells)  # the poisoned title is exported
    dangerous = [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert not dangerous, dangerous


def test_public_rich_text_keeps_the_editors_markup():
    from exchange.rich_text import public_rich_text

    html = str(
        public_rich_text(
            '<h2>Heading</h2><p><b>bold</b> <i>it</i> <a href="https://example.org">out</a></p>'
            "<ul><li>one</li></ul>" + RICH
        )
    )

    assert '<h2>Heading</h2><p><b>bold</b> <i>it</i> <a href="https://example.org">out</a>' in html
    assert "<ul><li>one</li></ul>" in html
    assert not executable(html)
    assert "alert(3)" not in html  # a script's body goes with it, not shown as text
