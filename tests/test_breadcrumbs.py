"""Breadcrumbs start with the site's name on every kind of page, in every language.

The root used to read "The Exchange" on pages of the tree (the home page's title) and
"Home" on the plain views (search, compare, submit, explore): now exchange.breadcrumbs
builds every trail, and its root is the translated site name, linking home.
"""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.utils import translation

from .factories import ResourceIndexPageFactory, ResourcePageFactory
from .helpers import html_of

ROOT = {"en": ("The Exchange", "/"), "fr": ("L'Échange", "/fr/"), "ar": ("منصة التبادل", "/ar/")}


def trail(response) -> list[tuple[str, str | None]]:
    """(text, href or None) of each crumb, the current page last."""
    nav = re.search(r'<nav class="breadcrumbs[^"]*"[^>]*>(.*?)</nav>', html_of(response), re.S)
    assert nav, "no breadcrumbs"
    items = re.findall(r"<li>(.*?)</li>", nav.group(1), re.S)
    crumbs = []
    for item in items:
        link = re.search(r'<a href="([^"]*)">([^<]*)</a>', item)
        if link:
            crumbs.append((unescape(link.group(2)).strip(), link.group(1)))
        else:
            crumbs.append((unescape(re.sub(r"<[^>]+>", "", item)).strip(), None))
    return crumbs


@pytest.fixture
def paths(full_content) -> dict[str, str]:
    c = full_content
    resources = ResourceIndexPageFactory(parent=c.home)
    resource = ResourcePageFactory(parent=resources)
    return {
        "cities index": c.city_index.url,
        "city": c.city.url,
        "similar cities": c.city.similar_url(),
        "practice": c.practice.url,
        "dialogues index": c.dialogue_index.url,
        "dialogue": c.dialogue.url,
        "resources index": resources.url,
        "resource": resource.url,
        "search": "/search/",
        "search filter": "/search/filters/theme/",
        "compare": f"/compare/?practice={c.practice.pk}",
        "submit": "/submit/",
        "submit thanks": "/submit/thanks/",
        "explore": "/explore/",
        "explore matrix": "/explore/matrix/",
    }


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_trail_starts_with_the_site_name(client, paths, lang):
    name, home = ROOT[lang]
    problems = []
    for kind, path in paths.items():
        url = path if lang == "en" else f"/{lang}{path}"
        response = client.get(url)
        if response.status_code != 200:
            problems.append(f"{kind}: status {response.status_code} for {url}")
            continue
        crumbs = trail(response)
        if crumbs[0] != (name, home):
            problems.append(f"{kind}: root is {crumbs[0]}, not {(name, home)}")
        if any(text in ("Home", "Accueil") for text, _href in crumbs):
            problems.append(f"{kind}: a crumb says Home: {crumbs}")
        if len(crumbs) < 2 or crumbs[-1][1] is not None:
            problems.append(f"{kind}: no current page at the end: {crumbs}")
    assert not problems, "\n".join(problems)


@pytest.mark.django_db
def test_page_trail_goes_down_through_its_ancestors(client, full_content):
    c = full_content
    crumbs = trail(client.get(c.practice.url))
    assert crumbs[0] == ROOT["en"]
    # Every live ancestor below the home page, linked, then the practice itself.
    expected = [(p.title, p.url) for p in c.practice.get_ancestors().filter(depth__gt=2)]
    assert crumbs[1:-1] == expected
    assert crumbs[-1] == (c.practice.title, None)


def test_root_crumb_is_translated():
    from exchange.breadcrumbs import root_crumb

    with translation.override("ar"):
        assert root_crumb() == {"title": ROOT["ar"][0], "url": ROOT["ar"][1]}
