"""Open data besides the API: licences on pages, search JSON and CSV; the Atom feed of new
practices; the sitemap and robots.txt."""

from __future__ import annotations

import csv
import datetime
import io
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from exchange.licences import Licence
from search import index

from .factories import (
    BarrierPageFactory,
    CityProfilePageFactory,
    DialoguePageFactory,
    PracticePageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
)
from .helpers import html_of

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
FEED = "/practices/feed.atom"


# -- Licence --------------------------------------------------------------------------------


def record_pages(c) -> list:
    resources = ResourceIndexPageFactory(parent=c.home)
    resource = ResourcePageFactory(parent=resources, title="Toolkit on shelters", year=2022)
    return [c.practice, c.city, c.barrier, c.network_opportunity, c.dialogue, resource]


def test_every_record_page_states_its_licence_with_rel_license(client, full_content):
    for page in record_pages(full_content):
        html = html_of(client.get(page.url))
        assert (
            '<a rel="license" href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>'
            in html
        ), page.title
        assert "Licence:" in html


def test_all_rights_reserved_is_stated_without_a_licence_link(client, full_content):
    c = full_content
    c.practice.licence = Licence.ALL_RIGHTS_RESERVED
    c.practice.save_revision().publish()
    html = html_of(client.get(c.practice.url))
    assert "Licence: All rights reserved" in " ".join(html.split())
    assert 'rel="license"' not in html


def test_search_json_and_csv_give_each_result_its_licence(client, full_content):
    c = full_content
    c.practice.licence = Licence.CC0_1
    c.practice.save_revision().publish()
    index.rebuild()
    data = client.get("/api/search/", {"type": "practice"}).json()
    by_id = {r["id"]: r for r in data["results"]}
    assert by_id[c.practice.pk]["licence"] == {
        "code": "cc0-1.0",
        "name": "CC0 1.0",
        "url": "https://creativecommons.org/publicdomain/zero/1.0/",
    }
    response = client.get("/api/search/export.csv", {"type": "city"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows and {r["licence"] for r in rows} == {"cc-by-4.0"}
    rows = csv.DictReader(
        io.StringIO(client.get("/api/search/export.csv").content.decode("utf-8-sig"))
    )
    mine = next(r for r in rows if r["id"] == str(c.practice.pk))
    assert (mine["licence"], mine["licence_url"]) == (
        "cc0-1.0",
        "https://creativecommons.org/publicdomain/zero/1.0/",
    )


# -- Atom feed ------------------------------------------------------------------------------


def feed_of(client) -> ET.Element:
    response = client.get(FEED)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


def published(days_ago: int) -> dict:
    when = timezone.now() - datetime.timedelta(days=days_ago)
    return {"first_published_at": when, "last_published_at": when}


def test_feed_is_valid_atom_newest_first(client, full_content):
    c = full_content
    older = PracticePageFactory(parent=c.peer, title="Older practice", **published(30))
    newer = PracticePageFactory(parent=c.peer, title="Newer practice", **published(1))
    c.practice.first_published_at = timezone.now() - datetime.timedelta(days=10)
    c.practice.save()
    feed = feed_of(client)
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert feed.find(f"{ATOM}{required}") is not None, required
    assert feed.find(f"{ATOM}link[@rel='self']").get("href").endswith(FEED)
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [
        newer.title,
        c.practice.title,
        older.title,
    ]
    for entry in entries:
        for required in ("id", "title", "updated", "published", "summary", "rights"):
            assert entry.findtext(f"{ATOM}{required}"), required
        assert entry.find(f"{ATOM}author/{ATOM}name") is not None


def test_feed_entry_carries_link_city_themes_and_licence(client, full_content):
    c = full_content
    (entry,) = [
        e
        for e in feed_of(client).findall(f"{ATOM}entry")
        if e.findtext(f"{ATOM}title") == c.practice.title
    ]
    assert entry.find(f"{ATOM}link").get("href") == f"http://testserver{c.practice.url}"
    assert entry.findtext(f"{ATOM}summary") == c.practice.summary
    assert entry.findtext(f"{ATOM}author/{ATOM}name") == c.city.title
    assert {cat.get("term") for cat in entry.findall(f"{ATOM}category")} == set(
        c.practice.themes.values_list("name", flat=True)
    )
    assert entry.findtext(f"{ATOM}rights") == (
        "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)"
    )


def test_feed_leaves_out_drafts_private_and_offline_practices(client, full_content):
    c = full_content
    PracticePageFactory(parent=c.city, title="Draft practice", live=False)
    locked = PracticePageFactory(parent=c.city, title="Members-only practice")
    PageViewRestriction.objects.create(page=locked, restriction_type="login")
    hidden_city = CityProfilePageFactory(
        parent=c.cities, title="Hidden town", region=c.city.region
    )
    PracticePageFactory(parent=hidden_city, title="Practice of a hidden town")
    PageViewRestriction.objects.create(page=hidden_city, restriction_type="password", password="x")
    offline_city = CityProfilePageFactory(parent=c.cities, title="Offline", region=c.city.region)
    PracticePageFactory(parent=offline_city, title="Practice of an offline city")
    offline_city.unpublish()
    body = client.get(FEED).content.decode()
    titles = [e.findtext(f"{ATOM}title") for e in ET.fromstring(body).findall(f"{ATOM}entry")]
    assert c.practice.title in titles
    for secret in ("Draft practice", "Members-only", "hidden town", "offline city"):
        assert secret not in body


def test_feed_holds_the_50_newest_in_constant_queries(client, full_content):
    from .helpers import count_queries

    c = full_content
    for n in range(3):
        PracticePageFactory(parent=c.peer, title=f"Early {n}", **published(100 + n))
    few = count_queries(client, FEED)
    for n in range(55):
        PracticePageFactory(parent=c.peer, title=f"Batch {n}", **published(n))
    many = count_queries(client, FEED)
    assert few == many
    entries = feed_of(client).findall(f"{ATOM}entry")
    assert len(entries) == 50
    assert entries[0].findtext(f"{ATOM}title") == "Batch 0"


def test_home_and_search_pages_link_the_feed(client, full_content):
    for url in (full_content.home.url, "/search/"):
        html = html_of(client.get(url))
        assert '<link rel="alternate" type="application/atom+xml"' in html, url
        assert 'href="/practices/feed.atom"' in html, url


# -- Sitemap and robots.txt -----------------------------------------------------------------


def sitemap_locations(client) -> set[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    tree = ET.fromstring(response.content)
    urls = tree.findall(f"{SITEMAP}url")
    assert all(u.findtext(f"{SITEMAP}lastmod") for u in urls)
    # Wagtail writes the site's own host name (the test site's is "localhost").
    return {urlsplit(u.findtext(f"{SITEMAP}loc")).path for u in urls}


def test_sitemap_lists_live_public_pages_only(client, full_content):
    c = full_content
    draft = PracticePageFactory(parent=c.city, title="Draft", live=False)
    private = BarrierPageFactory(
        parent=c.city, title="Private barrier", category=c.barrier.category
    )
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    offline = DialoguePageFactory(parent=c.dialogues, title="Offline dialogue")
    offline.unpublish()
    locked_city = CityProfilePageFactory(parent=c.cities, title="Locked", region=c.city.region)
    below_locked = PracticePageFactory(parent=locked_city, title="Below a locked city")
    PageViewRestriction.objects.create(page=locked_city, restriction_type="password", password="x")

    locations = sitemap_locations(client)
    for page in (c.home, c.cities, c.city, c.practice, c.barrier, c.dialogue):
        assert page.url in locations, page.title
    for page in (draft, private, offline, locked_city, below_locked):
        assert not any(page.slug in loc for loc in locations), page.title

    c.city.unpublish()
    locations = sitemap_locations(client)
    assert not any(c.practice.slug in loc for loc in locations)


@pytest.mark.parametrize("url", ["/robots.txt"])
def test_robots_txt_points_to_the_sitemap(client, db, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()


def test_sitemap_names_published_translations_with_hreflang(client, full_content):
    from wagtail.models import Locale

    c = full_content
    french, _ = Locale.objects.get_or_create(language_code="fr")
    translation = c.practice.copy_for_translation(french, copy_parents=True)
    translation.title = "Une pratique traduite"
    translation.save_revision().publish()
    for parent in translation.get_ancestors().filter(depth__gt=1):
        if not parent.live:
            parent.specific.save_revision().publish()
    draft = c.barrier.copy_for_translation(french)
    assert not draft.live

    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    tree = ET.fromstring(response.content)
    xhtml = "{http://www.w3.org/1999/xhtml}"
    entries = {u.findtext(f"{SITEMAP}loc"): u for u in tree.findall(f"{SITEMAP}url")}
    # Without PUBLIC_URL, the address the visitor used (the test client's "testserver").
    english = entries[f"http://testserver{c.practice.url}"]
    french_entry = entries[f"http://testserver{translation.url}"]
    for entry in (english, french_entry):
        links = {link.get("hreflang"): link.get("href") for link in entry.findall(f"{xhtml}link")}
        assert links == {
            "en": f"http://testserver{c.practice.url}",
            "fr": f"http://testserver{translation.url}",
        }
    # A page whose translation is a draft names no alternate.
    assert entries[f"http://testserver{c.barrier.url}"].findall(f"{xhtml}link") == []


# -- The public address of absolute links ----------------------------------------------------

PUBLIC = "https://exchange.example.org"


def test_sitemap_robots_feed_and_csvs_link_to_the_public_address(client, full_content, settings):
    """The sitemap, robots.txt, the feed and both CSVs are read away from the site: their
    links name the configured public address, not the "localhost" of the Site record nor the
    host a request happened to use."""
    settings.PUBLIC_URL = PUBLIC
    c = full_content
    index.rebuild()

    tree = ET.fromstring(client.get("/sitemap.xml").content)
    locations = [u.findtext(f"{SITEMAP}loc") for u in tree.findall(f"{SITEMAP}url")]
    assert f"{PUBLIC}{c.practice.url}" in locations
    assert all(loc.startswith(f"{PUBLIC}/") for loc in locations), locations

    robots = client.get("/robots.txt").content.decode()
    assert f"Sitemap: {PUBLIC}/sitemap.xml" in robots

    feed = feed_of(client)
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == f"{PUBLIC}{FEED}"
    entry_links = [e.find(f"{ATOM}link").get("href") for e in feed.findall(f"{ATOM}entry")]
    assert f"{PUBLIC}{c.practice.url}" in entry_links
    assert all(link.startswith(f"{PUBLIC}/") for link in entry_links)

    rows = csv.DictReader(
        io.StringIO(client.get("/api/search/export.csv").content.decode("utf-8-sig"))
    )
    urls = {r["id"]: r["url"] for r in rows}
    assert urls[str(c.practice.pk)] == f"{PUBLIC}{c.practice.url}"

    compare = client.get(f"/compare/export.csv?city={c.city.slug}&city={c.peer.slug}")
    (address_row,) = [
        row
        for row in csv.reader(io.StringIO(compare.content.decode("utf-8-sig")))
        if row and row[0] == "Web address"
    ]
    assert address_row[1:] == [f"{PUBLIC}{c.city.url}", f"{PUBLIC}{c.peer.url}"]

    html = client.get(c.practice.url).content.decode()
    assert f'hreflang="x-default" href="{PUBLIC}' in html


def test_migrate_gives_the_default_site_the_public_address(db, site_tree, settings):
    """Wagtail's own absolute links (the API's html_url, the admin's "view live") come from
    the Site record: after migrate it carries the public address."""
    from wagtail.models import Site

    from exchange.public_address import sync_default_site

    settings.PUBLIC_URL = PUBLIC
    sync_default_site()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("exchange.example.org", 443)
    assert site.root_page.get_full_url().startswith(f"{PUBLIC}/")

    # An https address on another port cannot be a Site record: it is left as it was.
    settings.PUBLIC_URL = "https://exchange.example.org:8443"
    sync_default_site()
    assert Site.objects.get(is_default_site=True).port == 443
    settings.PUBLIC_URL = "http://127.0.0.1:8000"
    sync_default_site()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8000)
