"""Search follows what editors do in Wagtail: publish, edit, unpublish, privacy, move, delete.

Every change goes through Wagtail's own actions (revisions, unpublish, move, delete, view
restrictions, the admin), never through `search.index.sync`: the signals must do the work.
"""

from __future__ import annotations

import pytest
from django.http import QueryDict
from wagtail.models import Page, PageViewRestriction

from search.models import FacetValue, SearchDocument
from search.query import parse
from search.results import run
from taxonomy.models import Theme

from ..factories import PracticePageFactory

pytestmark = pytest.mark.django_db


def fresh(page: Page) -> Page:
    """The page as stored now: the corpus' instances are shared by the module's tests."""
    return Page.objects.get(pk=page.pk).specific


def facet(page: Page, name: str) -> set[str]:
    return set(
        FacetValue.objects.filter(document_id=page.pk, facet=name).values_list("value", flat=True)
    )


def indexed(page: Page) -> bool:
    return SearchDocument.objects.filter(pk=page.pk).exists()


def titles(qs: str) -> set[str]:
    query, errors = parse(QueryDict(qs))
    assert not errors, errors
    return {hit.title for hit in run(query).hits}


def test_publishing_a_draft_indexes_it(search_corpus):
    c = search_corpus
    practice = PracticePageFactory(
        parent=fresh(c.turin),
        title="Night bus for shift workers",
        slug="night-bus",
        live=False,
        themes=[Theme.objects.get(slug="safety-and-violence")],
    )
    assert not indexed(practice)
    assert "Night bus for shift workers" not in titles("q=night+bus")

    practice.save_revision().publish()

    assert titles("q=night+bus") == {"Night bus for shift workers"}
    doc = SearchDocument.objects.get(pk=practice.pk)
    assert doc.url == "/cities/turin/night-bus/"
    assert facet(practice, "city") == {"turin"}
    # The city is filed under the new practice's theme at once.
    assert "safety-and-violence" in facet(c.turin, "theme")


def test_a_draft_revision_does_not_reach_search(search_corpus):
    """Saving a revision without publishing it leaves the published text in search."""
    page = fresh(search_corpus.desk)
    page.title = "Renamed in a draft"
    page.save_revision()
    assert SearchDocument.objects.get(pk=page.pk).title == "Domestic workers desk"
    assert titles("q=renamed") == set()


def test_edit_and_republish_updates_the_document_and_the_city(search_corpus):
    c = search_corpus
    page = fresh(c.neighbourhood)
    page.title = "Shopkeepers as relays"
    page.themes = [Theme.objects.get(slug="safety-and-violence")]
    page.save_revision().publish()

    assert SearchDocument.objects.get(pk=page.pk).title == "Shopkeepers as relays"
    assert titles("q=shopkeepers+relays") == {"Shopkeepers as relays"}
    assert titles("q=neighbourhood") == set()
    assert facet(page, "theme") == {"safety-and-violence"}
    # Turin's aggregated themes follow: safety comes in, inclusion stays (another practice).
    assert facet(c.turin, "theme") == {
        "safety-and-violence",
        "inclusion-and-participation",
        "economic-empowerment",
    }


def test_unpublishing_a_practice_removes_it_and_its_contribution(search_corpus):
    c = search_corpus
    fresh(c.desk).unpublish()

    assert not indexed(c.desk)
    assert titles("q=domestic+workers") == set()
    # Sousse was filed under safety only through the desk (the private practice adds nothing).
    assert facet(c.sousse, "theme") == set()
    # The barrier took its themes from the practice that addressed it.
    assert facet(c.no_mandate, "theme") == set()
    assert indexed(c.sousse) and indexed(c.no_mandate)


def test_unpublishing_a_city_takes_its_pages_out_of_search(search_corpus):
    c = search_corpus
    fresh(c.sousse).unpublish()

    for page in (c.sousse, c.desk, c.no_mandate):
        assert not indexed(page), page.title
    assert titles("q=domestic+workers") == set()
    assert titles("q=sousse") == set()
    # The dialogue and its barrier stay, no longer naming the city.
    assert facet(c.dialogue, "city") == {"turin", "sao-paulo"}
    assert facet(c.dialogue, "country") == {"IT", "BR"}
    assert facet(c.mistrust, "city") == {"turin"}


def test_republishing_a_city_brings_its_practices_back(search_corpus):
    c = search_corpus
    fresh(c.sousse).unpublish()
    fresh(c.sousse).save_revision().publish()

    assert indexed(c.sousse) and indexed(c.desk) and indexed(c.no_mandate)
    assert titles("q=domestic+workers") == {"Domestic workers desk"}
    assert facet(c.dialogue, "city") == {"turin", "sousse", "sao-paulo"}
    assert not indexed(c.private)  # still private


def test_making_a_practice_private_and_public_again(search_corpus):
    c = search_corpus
    restriction = PageViewRestriction.objects.create(page=fresh(c.desk), restriction_type="login")
    assert not indexed(c.desk)
    assert titles("q=domestic+workers") == set()
    assert facet(c.sousse, "theme") == set()

    restriction.delete()
    assert indexed(c.desk)
    assert titles("q=domestic+workers") == {"Domestic workers desk"}
    assert facet(c.sousse, "theme") == {"rights-and-legal-status", "safety-and-violence"}


def test_password_on_a_city_hides_its_practices(search_corpus):
    c = search_corpus
    PageViewRestriction.objects.create(
        page=fresh(c.sao_paulo), restriction_type="password", password="s3cret"
    )
    for page in (c.sao_paulo, c.centre, c.plan):
        assert not indexed(page), page.title
    assert facet(c.dialogue, "city") == {"turin", "sousse"}


def test_moving_a_practice_to_another_city(search_corpus):
    c = search_corpus
    fresh(c.desk).move(fresh(c.turin), pos="last-child")

    doc = SearchDocument.objects.get(pk=c.desk.pk)
    assert doc.url == "/cities/turin/domestic-workers-desk/"
    assert (doc.city_slug, doc.city_name, doc.country) == ("turin", "Turin", "IT")
    assert facet(c.desk, "city") == {"turin"}
    assert facet(c.desk, "region") == {"europe"}
    assert titles("q=domestic+workers&city=turin") == {"Domestic workers desk"}
    # The old city loses the themes it had only through the desk; the new one gains them.
    assert facet(c.sousse, "theme") == set()
    assert {"rights-and-legal-status", "safety-and-violence"} <= facet(c.turin, "theme")


def test_deleting_a_practice(search_corpus):
    c = search_corpus
    fresh(c.desk).delete()

    assert not indexed(c.desk)
    assert titles("q=domestic+workers") == set()
    assert facet(c.sousse, "theme") == set()
    assert facet(c.no_mandate, "theme") == set()


def test_deleting_a_city_removes_its_subtree(search_corpus):
    c = search_corpus
    fresh(c.sousse).delete()

    assert not SearchDocument.objects.filter(
        pk__in=[c.sousse.pk, c.desk.pk, c.no_mandate.pk, c.private.pk]
    ).exists()
    assert SearchDocument.objects.count() == 12 - 3
    assert not FacetValue.objects.filter(facet="city", value="sousse").exists()
    assert not FacetValue.objects.filter(facet="country", value="TN").exists()
    # The dialogue and its barrier are still found, without the deleted city.
    assert indexed(c.dialogue) and indexed(c.mistrust)
    assert facet(c.dialogue, "city") == {"turin", "sao-paulo"}
    assert facet(c.mistrust, "city") == {"turin"}
    # Search agrees: the city is no longer a value anyone can filter by.
    query, errors = parse(QueryDict("city=sousse"))
    assert query is None and "city" in errors


def test_unpublish_from_the_admin(admin_client, search_corpus):
    c = search_corpus
    response = admin_client.post(f"/admin/pages/{c.desk.pk}/unpublish/")
    assert response.status_code == 302
    assert not fresh(c.desk).live
    assert not indexed(c.desk)
    assert titles("q=domestic+workers") == set()


def test_unpublish_a_city_and_its_pages_from_the_admin(admin_client, search_corpus):
    c = search_corpus
    response = admin_client.post(
        f"/admin/pages/{c.sousse.pk}/unpublish/", {"include_descendants": "on"}
    )
    assert response.status_code == 302
    assert not indexed(c.sousse) and not indexed(c.desk)
    assert SearchDocument.objects.count() == 12 - 3


def test_renaming_a_city_reaches_its_pages_and_the_dialogue(search_corpus):
    c = search_corpus
    city = fresh(c.sousse)
    city.title = "Sousse Municipality"
    city.save_revision().publish()

    assert SearchDocument.objects.get(pk=c.desk.pk).city_name == "Sousse Municipality"
    labels = dict(
        FacetValue.objects.filter(facet="city", value="sousse").values_list("document_id", "label")
    )
    # Every document filed under the city shows its new name, the dialogue's included.
    assert labels == {
        pk: "Sousse Municipality"
        for pk in (c.sousse.pk, c.desk.pk, c.no_mandate.pk, c.dialogue.pk, c.mistrust.pk)
    }


def test_unpublishing_a_dialogue_takes_its_outcomes_along(search_corpus):
    c = search_corpus
    fresh(c.dialogue).unpublish()
    for page in (c.dialogue, c.mistrust, c.networking):
        assert not indexed(page), page.title
    assert titles("q=mistrust") == set()


def test_a_practice_taking_up_a_barrier_files_it_under_the_practice_themes(search_corpus):
    from practices.models import PracticeBarrier

    c = search_corpus
    page = fresh(c.neighbourhood)
    page.barrier_links = [PracticeBarrier(barrier=fresh(c.mistrust), sort_order=0)]
    page.save_revision().publish()

    assert facet(c.mistrust, "theme") == {"inclusion-and-participation"}
    assert facet(c.neighbourhood, "barrier") == {"trust"}
    assert "trust" in facet(c.turin, "barrier")


def test_recategorising_a_barrier_reaches_the_practices_and_their_cities(search_corpus):
    from practices.models import PracticeBarrier
    from taxonomy.models import BarrierCategory

    c = search_corpus
    # A São Paulo practice takes up the Sousse barrier (São Paulo reported no barrier).
    page = fresh(c.centre)
    page.barrier_links = [PracticeBarrier(barrier=fresh(c.no_mandate), sort_order=0)]
    page.save_revision().publish()
    assert facet(c.sao_paulo, "barrier") == {"mandate-and-resources"}

    barrier = fresh(c.no_mandate)
    barrier.category = BarrierCategory.objects.get(slug="information-access")
    barrier.save_revision().publish()

    assert facet(c.no_mandate, "barrier") == {"information-access"}
    assert facet(c.centre, "barrier") == {"information-access"}
    assert facet(c.desk, "barrier") == {"information-access"}
    assert facet(c.sousse, "barrier") == {"information-access"}
    # São Paulo is filed under the categories of the barriers its practices address.
    assert facet(c.sao_paulo, "barrier") == {"information-access"}
    assert titles("barrier=information-access&type=city") == {"São Paulo", "Sousse"}


def test_copying_a_live_practice_indexes_the_copy(search_corpus):
    c = search_corpus
    copy = fresh(c.desk).copy(
        to=fresh(c.sao_paulo),
        update_attrs={"slug": "domestic-workers-desk-sp", "title": "Domestic workers desk SP"},
        keep_live=True,
    )
    assert copy.live
    assert indexed(copy)
    assert facet(copy, "city") == {"sao-paulo"}
    assert "safety-and-violence" in facet(c.sao_paulo, "theme")
    assert titles("q=domestic+workers") == {"Domestic workers desk", "Domestic workers desk SP"}
