"""/compare/: cities or practices side by side, its CSV, and the "Add to comparison" links.

Built on the search corpus (Turin, Sousse, São Paulo; five practices; a draft, a private
practice and Lyon, an unpublished city, which must never show), plus a fourth city, Tunis,
and facts on Turin and São Paulo that only a comparison of profiles shows.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from decimal import Decimal
from types import SimpleNamespace
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cities.models import GovernanceBody
from practices.models import PracticeBarrier, PracticePartner
from taxonomy.models import Region

from .factories import (
    BarrierPageFactory,
    CityProfilePageFactory,
    OrganisationFactory,
    PracticePageFactory,
)
from .helpers import assert_no_none, html_of, visible_text
from .worlds import build_search_corpus, kept_for_module, term

URL = "/compare/"
CSV_URL = "/compare/export.csv"


def build_compare_corpus() -> SimpleNamespace:
    c = build_search_corpus()
    turin = c.turin
    turin.population = 848_885
    turin.population_year = 2021
    turin.mandate_note = "Set by funding rules, not by law."
    turin.is_destination = True
    turin.women_share_of_migrants = Decimal("50.0")
    turin.women_share_source = "City presentation"
    turin.women_share_year = 2020
    turin.focal_point_role = "Human Rights Office"
    turin.focal_point_email = "rights@turin.example"
    turin.save()
    sao_paulo = c.sao_paulo
    sao_paulo.is_destination = True
    sao_paulo.is_transit = True
    sao_paulo.save()
    GovernanceBody.objects.create(
        page=sao_paulo, name="Municipal Council of Immigrants", women_quota=50, since_year=2015
    )
    c.tunis = CityProfilePageFactory(
        parent=c.tree.cities,
        title="Tunis",
        slug="tunis",
        country="TN",
        region=term(Region, "mena"),
        summary="The capital.",
    )
    association = c.association
    association.funding = '=HYPERLINK("http://evil.example")'
    association.budget_band = "10k-100k"
    association.results = "<p>Needs reached <b>four</b> departments.</p>"
    association.last_verified = datetime.date(2024, 3, 1)
    association.contact_role = "Office for Foreigners"
    association.save()
    PracticePartner.objects.create(
        page=association, organisation=OrganisationFactory(name="Turin Migrant Women Network")
    )
    # A public practice that links a draft barrier: the barrier must not show.
    c.draft_barrier = BarrierPageFactory(
        parent=c.sousse,
        title="Secret draft barrier",
        slug="secret-barrier",
        live=False,
        summary="Draft.",
        category=c.no_mandate.category,
    )
    PracticeBarrier.objects.create(page=c.desk, barrier=c.draft_barrier, sort_order=5)
    return c


@pytest.fixture(scope="module")
def module_corpus(django_db_setup, django_db_blocker) -> SimpleNamespace:
    with kept_for_module(django_db_blocker):
        yield build_compare_corpus()


@pytest.fixture
def c(module_corpus, db) -> SimpleNamespace:
    return module_corpus


def compare_url(kind: str, *keys, path: str = URL) -> str:
    return f"{path}?{urlencode([(kind, k) for k in keys])}"


def rows(response) -> dict[str, dict]:
    """The table as {row label: {"differs": bool, "cells": [text, …], "note": text}}."""
    html = html_of(response)
    found = {}
    for row in re.findall(r'<tr class="compare__row[^"]*">.*?</tr>', html, re.S):
        header = re.search(r"<th scope=\"row\">(.*?)</th>", row, re.S).group(1)
        label = visible_text(re.sub(r"<span.*", "", header, flags=re.S))
        cells = [visible_text(td) for td in re.findall(r"<td>(.*?)</td>", row, re.S)]
        found[label] = {
            "differs": "compare__row--differs" in row,
            "note": visible_text(
                re.search(r"<span class=\"compare__\w+\">(.*?)</span>", header).group(1)
            ),
            "cells": cells,
        }
    return found


# Cities -----------------------------------------------------------------------------------


def test_cities_side_by_side(client, c):
    response = client.get(compare_url("city", "turin", "sao-paulo"))
    assert response.status_code == 200
    assert_no_none(response)
    table = rows(response)
    assert table["Country"] == {"differs": True, "note": "differs", "cells": ["Italy", "Brazil"]}
    assert table["Kind of local government"]["differs"] is False
    assert table["Kind of local government"]["note"] == "same for all"
    assert table["Population"]["cells"] == ["848,885 in 2021", "not reported"]
    assert table["Mandate on migrant inclusion"]["cells"] == [
        "Own competence Set by funding rules, not by law.",
        "Own competence",
    ]
    assert table["Place of migration"]["cells"] == ["Destination", "Transit Destination"]
    assert table["Share of women among migrants"]["cells"] == [
        "50% 2020; source: City presentation",
        "not reported",
    ]
    assert table["Governance bodies"]["cells"] == [
        "not reported",
        "Municipal Council of Immigrants (at least 50% women, since 2015)",
    ]
    assert table["Focal point"]["cells"] == [
        "Human Rights Office rights@turin.example",
        "not reported",
    ]
    assert table["Opportunities reported"] == {
        "differs": False,
        "note": "not reported by any",
        "cells": ["not reported", "not reported"],
    }
    assert 'href="mailto:rights@turin.example"' in html_of(response)


def test_city_themes_barriers_and_counts_come_from_public_content_only(client, c):
    table = rows(client.get(compare_url("city", "turin", "sousse")))
    # Turin's draft practice is about safety; Sousse's private one too: neither counts.
    assert table["Challenges its practices address"]["cells"] == [
        "Inclusion and participation Economic empowerment",
        "Safety and violence Rights and legal status",
    ]
    assert table["Public practices"]["cells"] == ["2", "1"]
    # Under the city, or reported by it from a dialogue.
    assert table["Barriers reported"]["cells"] == ["Trust", "Mandate and resources Trust"]


# Practices --------------------------------------------------------------------------------


def test_practices_side_by_side(client, c):
    response = client.get(compare_url("practice", c.association.id, c.desk.id))
    assert response.status_code == 200
    assert_no_none(response)
    table = rows(response)
    assert table["City"]["cells"] == ["Turin", "Sousse"]
    assert table["Years"]["cells"] == ["2016\u20132019", "since 2021"]
    assert table["Status"]["cells"] == ["Completed", "Active"]
    assert table["Evidence"]["cells"] == ["Evaluated", "Monitored"]
    assert table["Mandate used"]["cells"] == ["not reported", "Outside the local mandate"]
    assert table["Budget"]["cells"] == ["\u20ac10,000 to \u20ac100,000 a year", "not reported"]
    assert table["Partners"]["cells"] == ["Turin Migrant Women Network", "not reported"]
    assert table["Results"]["cells"] == ["Needs reached four departments.", "not reported"]
    assert table["Contact"]["cells"] == ["Office for Foreigners", "not reported"]
    assert table["Last verified"]["cells"][1] == "not reported"
    assert table["Barriers it addresses"]["cells"] == [
        "not reported",
        "No mandate for migration (Mandate and resources)",
    ]
    assert "<b>four</b>" in html_of(response)


def test_equal_rows_say_so(client, c):
    table = rows(client.get(compare_url("practice", c.desk.id, c.centre.id)))
    assert table["Status"] == {"differs": False, "note": "same for all", "cells": ["Active"] * 2}
    assert table["Summary"]["differs"] is True
    html = html_of(client.get(compare_url("practice", c.desk.id, c.centre.id)))
    assert html.count("compare__row--differs") == sum(r["differs"] for r in table.values())


def test_remove_links_keep_the_rest_of_the_selection(client, c):
    html = html_of(client.get(compare_url("city", "turin", "sousse", "sao-paulo")))
    removes = re.findall(r'class="compare__remove" href="([^"]+)"', html)
    assert [r.replace("&amp;", "&") for r in removes] == [
        compare_url("city", "sousse", "sao-paulo"),
        compare_url("city", "turin", "sao-paulo"),
        compare_url("city", "turin", "sousse"),
    ]


def test_add_another_city_form_offers_only_public_cities_not_chosen(client, c):
    html = html_of(client.get(compare_url("city", "turin", "sousse")))
    form = html[html.index('id="add-city-heading"') :]
    assert re.findall(r'<option value="([^"]+)"', form) == ["sao-paulo", "tunis"]
    assert re.findall(r'type="hidden" name="city" value="([^"]+)"', form) == ["turin", "sousse"]
    full = html_of(client.get(compare_url("city", "turin", "sousse", "sao-paulo", "tunis")))
    assert "add-city-heading" not in full


def test_add_another_practice_goes_through_search_with_the_selection(client, c):
    html = html_of(client.get(compare_url("practice", c.desk.id, c.centre.id)))
    form = html[html.index('id="add-practice-heading"') :]
    assert 'action="/search/"' in form
    assert '<input type="hidden" name="type" value="practice">' in form
    assert re.findall(r'name="compare" value="([^"]+)"', form) == [
        f"practice:{c.desk.id}",
        f"practice:{c.centre.id}",
    ]


def test_bare_page_is_a_starting_point(client, c):
    response = client.get(URL)
    assert response.status_code == 200
    html = html_of(response)
    assert (
        re.findall(r'<option value="([^"]+)"', html)
        == ["sao-paulo", "sousse", "tunis", "turin"] * 2
    )
    assert "Lyon" not in html


# Add to comparison ------------------------------------------------------------------------


def add_links(html: str) -> list[str]:
    return [
        u.replace("&amp;", "&")
        for u in re.findall(r'<p class="compare-add">\s*<a href="([^"]+)"', html)
    ]


def test_search_results_add_to_the_carried_selection(client, c):
    response = client.get(f"/search/?type=practice&compare=practice:{c.desk.id}&sort=title")
    assert response.status_code == 200
    html = html_of(response)
    links = add_links(html)
    # Each link remembers the search (its order here) for the comparison to offer again.
    chosen = compare_url("practice", c.desk.id) + "&search=sort%3Dtitle"
    # One link per practice; the chosen one leads to the comparison as it stands.
    assert len(links) == 5
    assert compare_url("practice", c.desk.id, c.centre.id) + "&search=sort%3Dtitle" in links
    assert links.count(chosen) == 1
    assert "In your comparison" in visible_text(response)
    # The search form keeps the selection when filters change.
    assert f'<input type="hidden" name="compare" value="practice:{c.desk.id}">' in html
    assert "1 practice chosen for comparison." in visible_text(response)


def test_search_city_results_start_a_city_comparison(client, c):
    html = html_of(client.get("/search/?type=city&compare=city:turin"))
    links = add_links(html)
    assert compare_url("city", "turin", "sousse") in links
    assert compare_url("city", "turin") in links  # Turin itself: already chosen


def test_selection_full_offers_no_fifth(client, c):
    full = "&".join(f"compare=practice:{p.id}" for p in (c.desk, c.centre, c.plan, c.association))
    html = html_of(client.get(f"{c.neighbourhood.url}?{full}"))
    assert "Your comparison is full (4)" in visible_text(html)
    assert add_links(html) == [
        compare_url("practice", c.desk.id, c.centre.id, c.plan.id, c.association.id)
    ]


def test_practice_and_city_pages_link_to_compare(client, c):
    assert add_links(html_of(client.get(c.desk.url))) == [compare_url("practice", c.desk.id)]
    assert add_links(html_of(client.get(f"{c.turin.url}?compare=city:sousse"))) == [
        compare_url("city", "sousse", "turin")
    ]
    # A selection of practices does not spill into a city comparison.
    assert add_links(html_of(client.get(f"{c.turin.url}?compare=practice:{c.desk.id}"))) == [
        compare_url("city", "turin")
    ]


def test_one_item_asks_for_another(client, c):
    # An unfinished selection is where "Compare with others" leads: not an error.
    response = client.get(compare_url("practice", c.desk.id))
    assert response.status_code == 200
    text = visible_text(response)
    assert "Choose at least one more practice to compare with." in text
    assert "Domestic workers desk" in text
    assert "add-practice-heading" in html_of(response)


def test_compare_with_others_offers_the_search_it_came_from(client, c):
    search = urlencode(
        [
            ("q", "migrant"),
            ("theme", "rights-and-legal-status"),
            ("year_from", ""),
            ("type", "city"),
            ("page", "3"),
            ("Bad-Name", "x"),
            ("compare", "practice:1"),
        ]
    )
    response = client.get(compare_url("practice", c.desk.id) + "&" + urlencode({"search": search}))
    assert response.status_code == 200
    html = html_of(response)
    form = re.search(r'<section class="compare-form".*?</section>', html, re.S).group(0)
    assert re.search(r'name="q" maxlength="200" value="migrant"', form)
    hidden = re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]+)">', form)
    # The words go in the box; the filters ride along; the rest is not part of a search.
    assert hidden == [
        ("type", "practice"),
        ("compare", f"practice:{c.desk.id}"),
        ("theme", "rights-and-legal-status"),
    ]


def test_remove_links_keep_the_search_and_the_csv_does_not_name_it(client, c):
    search = urlencode({"search": "q=migrant"})
    html = html_of(client.get(compare_url("practice", c.desk.id, c.centre.id) + "&" + search))
    removes = [
        u.replace("&amp;", "&")
        for u in re.findall(r'class="compare__remove" href="([^"]+)"', html)
    ]
    assert removes == [
        compare_url("practice", c.centre.id) + "&search=q%3Dmigrant",
        compare_url("practice", c.desk.id) + "&search=q%3Dmigrant",
    ]
    export = re.search(r'href="(/compare/export\.csv[^"]*)"', html).group(1)
    assert "search" not in export


def test_compare_table_scrolls_in_a_named_region_with_a_hint(client, c):
    html = html_of(client.get(compare_url("practice", c.desk.id, c.centre.id)))
    assert re.search(
        r'<div class="table-wrap table-wrap--sticky compare" role="region" '
        r'aria-labelledby="compare-caption" tabindex="0">',
        html,
    )
    assert '<p class="table-hint">Scroll sideways to see more</p>' in html


# CSV --------------------------------------------------------------------------------------


def test_csv_one_row_per_field_one_column_per_item(client, c):
    response = client.get(compare_url("practice", c.association.id, c.desk.id, path=CSV_URL))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    table = list(csv.reader(io.StringIO(body[1:])))
    assert table[0] == ["Field", "Community association", "Domestic workers desk"]
    assert table[1][1].endswith(c.association.url)
    by_label = {r[0]: r[1:] for r in table}
    assert by_label["Status"] == ["Completed", "Active"]
    assert by_label["Challenges addressed"] == [
        "Inclusion and participation; Economic empowerment",
        "Safety and violence; Rights and legal status",
    ]
    # A formula typed by an editor stays text in a spreadsheet.
    assert by_label["Funding"] == ['\'=HYPERLINK("http://evil.example")', ""]
    assert by_label["Results"] == ["Needs reached four departments.", ""]
    assert "Secret" not in body


def test_csv_of_cities(client, c):
    response = client.get(compare_url("city", "turin", "sousse", path=CSV_URL))
    table = list(csv.reader(io.StringIO(response.content.decode("utf-8")[1:])))
    assert table[0] == ["Field", "Turin", "Sousse"]
    assert {r[0]: r[1:] for r in table}["Public practices"] == ["2", "1"]


# Bad input ---------------------------------------------------------------------------------


def bad_cases(c) -> list[tuple[str, str]]:
    desk = c.desk.id
    return [
        (
            compare_url("practice", desk, c.draft.id),
            f"There is no public practice number {c.draft.id}.",
        ),
        (
            compare_url("practice", desk, c.private.id),
            f"There is no public practice number {c.private.id}.",
        ),
        (
            compare_url("practice", desk, c.orphan.id),
            f"There is no public practice number {c.orphan.id}.",
        ),
        (compare_url("practice", desk, 999999), "There is no public practice number 999999."),
        # A barrier is a page too, but not a practice.
        (
            compare_url("practice", desk, c.no_mandate.id),
            f"There is no public practice number {c.no_mandate.id}.",
        ),
        (compare_url("city", "turin", "lyon"), "There is no public city with the address “lyon”."),
        (
            compare_url("city", "turin", "nowhere"),
            "There is no public city with the address “nowhere”.",
        ),
        (
            compare_url("city", "turin", "no-mandate"),
            "There is no public city with the address “no-mandate”.",
        ),
        (
            compare_url("city", "turin", "<b>x</b>"),
            "There is no public city with the address “<b>x</b>”.",
        ),
        (
            f"{URL}?city=turin&practice={desk}",
            "Compare either cities or practices, not both at once.",
        ),
        (
            compare_url("city", "turin", "sousse", "sao-paulo", "tunis", "turin"),
            "You chose 5 items; compare at most 4 at a time.",
        ),
        (compare_url("practice", desk, "abc"), "“abc” is not a practice number."),
        (compare_url("practice", desk, "1e3"), "“1e3” is not a practice number."),
        (compare_url("practice", desk, "-1"), "“-1” is not a practice number."),
        (compare_url("practice", desk, "\u0661\u0662"), "is not a practice number."),
        (compare_url("practice", desk, "9" * 30), "is not a practice number."),
        (compare_url("practice", desk, desk), "The same item was chosen more than once."),
        (compare_url("city", "turin", "turin"), "The same item was chosen more than once."),
    ]


def test_one_item_has_no_csv(client, c):
    response = client.get(compare_url("city", "turin").replace(URL, CSV_URL))
    assert response.status_code == 400
    assert "Choose at least one more city to compare with." in response.content.decode()


@pytest.mark.parametrize("case", range(18))
def test_bad_input_is_explained_with_400(client, c, case):
    cases = bad_cases(c)
    assert len(cases) == 18
    url, message = cases[case]
    response = client.get(url)
    assert response.status_code == 400
    assert message in visible_text(response)
    assert "<b>x</b>" not in html_of(response)
    for secret in c.secrets:
        assert secret not in visible_text(response)
    csv_response = client.get(url.replace(URL, CSV_URL))
    assert csv_response.status_code == 400
    assert message in csv_response.content.decode()


def test_draft_and_missing_ids_get_the_same_message(client, c):
    def text(pk):
        body = visible_text(client.get(compare_url("practice", c.desk.id, pk)))
        return body.replace(str(pk), "N")

    assert text(c.draft.id) == text(c.private.id) == text(c.orphan.id) == text(999999)


def test_bad_input_offers_a_way_out(client, c):
    html = html_of(client.get(compare_url("practice", c.desk.id, c.centre.id, c.desk.id)))
    assert (
        f'href="{compare_url("practice", c.desk.id, c.centre.id)}"'.replace("&", "&amp;") in html
    )
    html = html_of(client.get(compare_url("city", "turin", "lyon")))
    assert f'href="{compare_url("city", "turin")}"' in html


def test_only_get(client, c):
    assert client.post(URL).status_code == 405


def test_no_secrets_on_any_comparison(client, c):
    for url in (
        compare_url("city", "turin", "sousse", "sao-paulo", "tunis"),
        compare_url("practice", c.desk.id, c.association.id, c.neighbourhood.id, c.plan.id),
        compare_url("practice", c.desk.id, c.association.id, path=CSV_URL),
        URL,
    ):
        response = client.get(url)
        assert response.status_code == 200
        body = response.content.decode()
        for secret in (*c.secrets, "Secret draft barrier"):
            assert secret not in body, (url, secret)


# Queries -----------------------------------------------------------------------------------


def queries(client, url: str) -> int:
    assert client.get(url).status_code == 200  # warms Wagtail's site caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


# Each visible() costs two queries (Wagtail's public() reads the view restrictions first);
# the header navigation costs two.
CITY_QUERIES = 12
# A full comparison (4) offers no "add another city" form, so it skips that form's list.
FULL_CITY_QUERIES = CITY_QUERIES - 2
PRACTICE_QUERIES = 14


def test_city_comparison_costs_the_same_for_2_to_4(client, c):
    two = queries(client, compare_url("city", "turin", "sousse"))
    three = queries(client, compare_url("city", "turin", "sousse", "sao-paulo"))
    four = queries(client, compare_url("city", "turin", "sousse", "sao-paulo", "tunis"))
    assert (two, three, four) == (CITY_QUERIES, CITY_QUERIES, FULL_CITY_QUERIES)


def test_practice_comparison_costs_the_same_for_2_and_4(client, c):
    # Among them the richest: themes, target groups, partners, barriers, results.
    two = queries(client, compare_url("practice", c.desk.id, c.association.id))
    four = queries(
        client,
        compare_url("practice", c.desk.id, c.association.id, c.neighbourhood.id, c.centre.id),
    )
    assert (two, four) == (PRACTICE_QUERIES, PRACTICE_QUERIES)


def test_csv_costs_the_same_for_2_and_4(client, c):
    two = queries(client, compare_url("practice", c.desk.id, c.plan.id, path=CSV_URL))
    four = queries(
        client,
        compare_url(
            "practice", c.desk.id, c.association.id, c.neighbourhood.id, c.plan.id, path=CSV_URL
        ),
    )
    assert two == four == PRACTICE_QUERIES - 2  # no header navigation


def test_more_content_costs_no_more_queries(client, c):
    before = queries(client, compare_url("city", "turin", "sousse"))
    for n in range(5):
        PracticePageFactory(parent=c.turin, title=f"Extra {n}", slug=f"extra-{n}", summary="x")
    assert queries(client, compare_url("city", "turin", "sousse")) == before
