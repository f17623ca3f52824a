"""Every interface string a visitor meets is in the visitor's language (issue 18).

One walk over every public page, in each language with a catalogue, looks for English two ways:

- every gettext / pgettext / ngettext lookup made while the page is answered is recorded, and a
  msgid missing from the active language's catalogue (ours, Django's and Wagtail's, merged into
  one translation object) fails the walk: a string marked for translation nobody translated;
- the HTML is read, and a text or a visible attribute (title, aria-label, placeholder, alt, a
  button's value) equal to an English msgid of our catalogue fails the walk, unless it sits in
  an element whose lang differs from the page's (content shown in its own language): a string
  translated once, at import time, in English, or never marked at all.

A failure names the language, the page and the string.
"""

from __future__ import annotations

import re
from collections import defaultdict
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.utils import translation
from django.utils.translation import trans_real
from wagtail.models import Locale, Page

from resources.models import ResourceLanguage
from search import index

from .factories import ResourceIndexPageFactory, ResourcePageFactory
from .test_catalogues import CATALOGUE_LANGUAGES, read_catalogue
from .worlds import build_full_content, kept_for_module, make_site_tree

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
CONTEXT_SEPARATOR = "\x04"

# Attributes a visitor sees or hears.
SHOWN_ATTRIBUTES = {"title", "aria-label", "placeholder", "alt"}


def catalogue(language: str) -> dict[str, list[str]]:
    """Our catalogue for `language`: msgid (with "context\\x04" when it has one) -> msgstrs."""
    path = ROOT / "locale" / language / "LC_MESSAGES" / "django.po"
    return {
        (f"{e.msgctxt}{CONTEXT_SEPARATOR}" if e.msgctxt is not None else "") + e.msgid: e.msgstrs
        for e in read_catalogue(path)[1:]
    }


def english_giveaways(language: str) -> set[str]:
    """Our msgids whose English differs from their translation: seen as is, they are English.

    Words spelt alike in both languages ("Dialogue", "Total") and one-word msgids in lower
    case (field names for the admin, which also occur inside sentences) tell nothing.
    """
    giveaways = set()
    for key, msgstrs in catalogue(language).items():
        msgid = key.rpartition(CONTEXT_SEPARATOR)[2]
        if msgid in msgstrs or "%" in msgid or "{" in msgid:
            continue
        if " " not in msgid and msgid[:1].islower():
            continue
        giveaways.add(" ".join(msgid.split()))
    return giveaways


# -- Recording the lookups --------------------------------------------------------------------


class LookupRecorder:
    """Records the msgids looked up in `language` that its catalogue lacks."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.missing: list[str] = []

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        cls = trans_real.DjangoTranslation
        original_gettext, original_ngettext = cls.gettext, cls.ngettext
        recorder = self

        def gettext(translation, message):
            if translation.language() == recorder.language and message not in translation._catalog:
                recorder.missing.append(message)
            return original_gettext(translation, message)

        def ngettext(translation, msgid1, msgid2, n):
            if translation.language() == recorder.language:
                try:
                    translation._catalog.plural(msgid1, n)
                except KeyError:
                    recorder.missing.append(msgid1)
            return original_ngettext(translation, msgid1, msgid2, n)

        monkeypatch.setattr(cls, "gettext", gettext)
        monkeypatch.setattr(cls, "ngettext", ngettext)


def shown(msgid: str) -> str:
    """A msgid as a failure shows it: its context in brackets."""
    context, separator, message = msgid.rpartition(CONTEXT_SEPARATOR)
    return f"{message!r} (context {context!r})" if separator else repr(message)


# -- Reading the HTML -------------------------------------------------------------------------

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
VOID |= {"track", "wbr"}


class ShownText(HTMLParser):
    """The texts and shown attributes of a page that are in the page's own language."""

    def __init__(self, language: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page_language = language
        self.stack: list[tuple[str, str | None]] = []  # (tag, the lang it sets)
        self.texts: list[str] = []
        self.skip = 0  # inside <script> or <style>

    def in_page_language(self) -> bool:
        for _tag, lang in reversed(self.stack):
            if lang is not None:
                return lang.split("-")[0] == self.page_language
        return True

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in ("script", "style", "template"):
            self.skip += 1
        if tag not in VOID:
            self.stack.append((tag, attributes.get("lang")))
        own = attributes.get("lang")
        if own is not None and own.split("-")[0] != self.page_language:
            return
        if not self.in_page_language():
            return
        for name, value in attributes.items():
            if value and name in SHOWN_ATTRIBUTES:
                self.texts.append(value)
        if tag == "input" and attributes.get("type") in ("submit", "button", "reset"):
            self.texts.append(attributes.get("value") or "")
        if tag == "meta" and attributes.get("name") == "description":
            self.texts.append(attributes.get("content") or "")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template") and self.skip:
            self.skip -= 1
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                break

    def handle_data(self, data):
        if not self.skip and self.in_page_language():
            self.texts.append(data)


def english_shown(html: str, language: str, giveaways: set[str]) -> list[str]:
    parser = ShownText(language)
    parser.feed(html)
    found = []
    for text in parser.texts:
        text = " ".join(text.split())
        # A title is "Page · The Exchange": each part is a text of its own.
        for part in {text, *text.split(" · ")}:
            if part in giveaways:
                found.append(part)
    return found


# -- The world and its pages ------------------------------------------------------------------


@pytest.fixture(scope="module")
def module_content(django_db_setup, django_db_blocker):
    """The full content world and a resource library, indexed, built once for the module."""
    with kept_for_module(django_db_blocker):
        c = build_full_content(make_site_tree())
        c.resources = ResourceIndexPageFactory(parent=c.home)
        c.resource = ResourcePageFactory(
            parent=c.resources,
            title="Guide for welcoming desks",
            language_links=[ResourceLanguage(language="en")],
        )
        translate_every_page(c)
        # Search pages with hits, facets and cards, not only "nothing found".
        index.rebuild()
        yield c


def translate_every_page(c) -> None:
    """Each page copied, as is, into every catalogue language and published.

    An untranslated page is shown inside a lang="en" element, which the HTML reading skips:
    with translations, the whole page (its filters, facts and labels) is in the page's
    language and read. The copies keep their English text, which is content.
    """
    originals = list(
        Page.objects.live().filter(depth__gt=1, locale__language_code="en").order_by("path")
    )
    for language in CATALOGUE_LANGUAGES:
        locale = Locale.objects.get(language_code=language)
        for original in originals:
            copy = original.specific.copy_for_translation(locale)
            copy.save_revision().publish()


@pytest.fixture
def full_content(module_content, db):
    return module_content


# What these answer is an error page, in the visitor's language like any other.
ERROR_PAGES = {"404 page", "search, a bad filter", "compare, a practice chosen twice"}


def public_pages(c) -> dict[str, str]:
    """Page name -> its English address: every page and view a visitor can reach."""
    with translation.override("en"):
        return _public_pages(c)


def _public_pages(c) -> dict[str, str]:
    originals = Page.objects.live().public().filter(locale__language_code="en").specific()
    pages = {
        f"{p.specific_class._meta.model_name} {p.title!r}": p.url
        for p in originals
        if p.url and p.depth > 1
    }
    practices = urlencode([("practice", c.practice.pk), ("practice", c.practice.pk)])
    pages |= {
        "404 page": "/no-such-page/",
        "city index, filtered": c.cities.url + "?region=mena&country=TN",
        "cities like mine": c.cities.url + c.cities.reverse_subpage("like_mine"),
        "cities like mine, described": c.cities.url
        + c.cities.reverse_subpage("like_mine")
        + "?region=mena&mandate=outside-mandate&themes=safety-and-violence",
        "similar cities": c.city.url + c.city.reverse_subpage("similar"),
        "resource library, filtered": c.resources.url + "?kind=toolkit",
        "search page": "/search/",
        "search results": "/search/?q=practice",
        "search without results": "/search/?q=zzzzqqq",
        "search by city and type": f"/search/?city={c.city.slug}&type=practice",
        "search, a bad filter": "/search/?city=nowhere-at-all&year_from=abc",
        "all cities of a search": "/search/filters/city/",
        "all themes of a search": "/search/filters/theme/",
        "explore": "/explore/",
        "theme matrix": "/explore/matrix/",
        "theme matrix by city": "/explore/matrix/?columns=city",
        "compare page": "/compare/",
        "compare, a practice chosen twice": f"/compare/?{practices}",
        "compare cities": "/compare/?" + urlencode([("city", c.city.slug), ("city", c.peer.slug)]),
        "submit form": "/submit/",
        "submit form, sent empty": "/submit/?kind=practice",
        "submit thank-you page": "/submit/thanks/",
        "exchange request form": f"/practices/{c.practice.pk}/exchange-request/",
        "my exchange requests": "/account/exchange-requests/",
        "login page": "/_util/login/?next=/",
    }
    return pages


def in_language(url: str, language: str) -> str:
    return f"/{language}{url}"


@pytest.mark.parametrize("language", CATALOGUE_LANGUAGES)
def test_every_public_page_speaks_the_visitors_language(
    client, full_content, monkeypatch, language
):
    # The world's pages are English content nobody translated ("Cities", "Resources"): shown
    # as is, they are content, not interface, even where they read like one of our msgids.
    content = set(Page.objects.values_list("title", flat=True))
    giveaways = english_giveaways(language) - content
    recorder = LookupRecorder(language)
    recorder.install(monkeypatch)
    problems: dict[str, set[str]] = defaultdict(set)
    for name, url in public_pages(full_content).items():
        address = in_language(url, language)
        recorder.missing.clear()
        response = client.get(address, follow=True)
        where = f"{name} ({address})"
        if (response.status_code >= 400) != (name in ERROR_PAGES):
            problems[where].add(f"answered {response.status_code}")
        if "html" not in response.get("Content-Type", ""):
            continue
        for msgid in recorder.missing:
            problems[where].add(f"not in the {language} catalogue: {shown(msgid)}")
        for text in english_shown(response.content.decode(), language, giveaways):
            problems[where].add(f"shown in English: {text!r}")
    assert not problems, f"{language}: English on {len(problems)} pages:\n" + "\n".join(
        f"{where}:\n  " + "\n  ".join(sorted(found)) for where, found in sorted(problems.items())
    )


# -- The walk can fail ------------------------------------------------------------------------


def test_the_recorder_names_a_msgid_the_catalogue_lacks(monkeypatch):
    recorder = LookupRecorder("fr")
    recorder.install(monkeypatch)
    with translation.override("fr"):
        assert translation.gettext("Search") != "Search"
        translation.gettext("A sentence no catalogue has")
        translation.pgettext("a context nobody uses", "Search")
        translation.ngettext("%(n)s thing nobody counts", "%(n)s things", 2)
    with translation.override("es"):
        translation.gettext("Only Spanish is asked here")
    assert recorder.missing == [
        "A sentence no catalogue has",
        f"a context nobody uses{CONTEXT_SEPARATOR}Search",
        "%(n)s thing nobody counts",
    ]


def test_the_reader_finds_english_outside_other_language_elements():
    giveaways = {"Search", "Skip to main content", "Filter cities"}
    html = (
        '<html lang="fr"><head><title>Villes · L\'Échange</title></head><body>'
        '<a href="#main">Skip to main content</a>'
        '<input type="search" placeholder="Search"><button>Rechercher</button>'
        '<div lang="en"><h2>Filter cities</h2><p lang="fr">Filter cities</p></div>'
        "<script>var x = 'Search';</script></body></html>"
    )
    assert sorted(english_shown(html, "fr", giveaways)) == [
        "Filter cities",
        "Search",
        "Skip to main content",
    ]


SITE_NAMES = [("fr", "L'Échange"), ("ar", "منصة التبادل"), ("pt", "O Intercâmbio")]


@pytest.mark.parametrize(("language", "site_name"), SITE_NAMES)
def test_the_home_page_title_is_the_site_name_once(client, full_content, language, site_name):
    """The home page's own title (content: "The Exchange" here, the demo's French one with a
    typographic apostrophe) was shown before the site's name, which differed from it by that
    apostrophe alone: the French tab read the site's name twice."""

    def title(url: str) -> str:
        html = client.get(in_language(url, language)).content.decode()
        return unescape(re.search(r"<title>([^<]*)</title>", html).group(1)).strip()

    assert title("/") == site_name
    with translation.override("en"):
        cities = full_content.cities.url
    assert title(cities) == f"{full_content.cities.title} · {site_name}"
