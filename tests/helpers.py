"""Small helpers shared by the tests: reading pages the way a visitor would."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from django.db import connection
from django.test.utils import CaptureQueriesContext


class _TextExtractor(HTMLParser):
    """Collects the text a browser shows: no tags, no attributes, no script or style."""

    hidden = {"script", "style", "template", "title", "head"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.hidden:
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in self.hidden and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def visible_text(response_or_html) -> str:
    """The page's visible text with whitespace collapsed, for `in` assertions."""
    html = getattr(response_or_html, "content", response_or_html)
    if isinstance(html, bytes):
        html = html.decode()
    parser = _TextExtractor()
    parser.feed(html)
    return re.sub(r"\s+", " ", " ".join(parser.parts)).strip()


def html_of(response) -> str:
    return response.content.decode()


def assert_no_none(response):
    """A missing value must not show up as the word "None"."""
    text = visible_text(response)
    match = re.search(r".{0,60}\bNone\b.{0,60}", text)
    assert match is None, f"'None' shown to visitors: …{match.group(0)}…"


def count_queries(client, url: str) -> int:
    """Queries of one anonymous GET of `url`, after a first GET that warms the caches."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def key_pages(content) -> dict[str, str]:
    """The pages every language must serve translated (`full_content` fixture's world)."""
    return {
        "home": "/",
        "search": "/search/?q=women",
        "city": content.city.url,
        "practice": content.practice.url,
        "compare": f"/compare/?city={content.city.slug}&city={content.peer.slug}",
        "submit": "/submit/",
    }
