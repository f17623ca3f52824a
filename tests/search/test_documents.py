"""Search documents: one per public, live page, filed under the facet values users filter by.

The corpus of `conftest.py` is indexed once per module; each test reads its documents the
way the engines do (the stored rows and their facet values).
"""

from __future__ import annotations

import pytest
from wagtail.models import Page

from practices.models import BarrierReportingCity
from search import index
from search.documents import build_documents
from search.models import FacetValue, SearchDocument

from ..factories import PracticePageFactory

pytestmark = pytest.mark.django_db


def facets_of(page: Page) -> dict[str, set[str]]:
    """{facet: {values}} of the stored document of `page`."""
    found: dict[str, set[str]] = {}
    for facet, value in FacetValue.objects.filter(document_id=page.pk).values_list(
        "facet", "value"
    ):
        found.setdefault(facet, set()).add(value)
    return found


def document(page: Page) -> SearchDocument:
    return SearchDocument.objects.get(pk=page.pk)


def test_one_document_per_public_live_page(search_corpus):
    c = search_corpus
    expected = {
        c.turin.pk: "city",
        c.sousse.pk: "city",
        c.sao_paulo.pk: "city",
        c.neighbourhood.pk: "practice",
        c.association.pk: "practice",
        c.desk.pk: "practice",
        c.centre.pk: "practice",
        c.plan.pk: "practice",
        c.no_mandate.pk: "barrier",
        c.mistrust.pk: "barrier",
        c.networking.pk: "opportunity",
        c.dialogue.pk: "dialogue",
    }
    assert dict(SearchDocument.objects.values_list("pk", "type")) == expected


@pytest.mark.parametrize("name", ["draft", "private", "lyon", "orphan"])
def test_hidden_pages_have_no_document(search_corpus, name):
    page = getattr(search_corpus, name)
    assert not SearchDocument.objects.filter(pk=page.pk).exists()
    assert not FacetValue.objects.filter(document_id=page.pk).exists()
    # Building them on purpose (as a sync of these ids would) still yields nothing.
    assert build_documents([page.pk]) == []


def test_hidden_pages_leave_no_trace_in_any_stored_text(search_corpus):
    """Nothing of a draft or private page is copied into another document either."""
    for doc in SearchDocument.objects.all():
        text = " ".join([doc.title, doc.summary, doc.body, doc.city_name]).lower()
        for secret in ("secret", "lyon", "orphan", "members-only"):
            assert secret not in text, (doc.title, secret)
    assert not FacetValue.objects.filter(value__in=["lyon", "FR"]).exists()


def test_practice_document_fields(search_corpus):
    doc = document(search_corpus.desk)
    assert doc.type == "practice"
    assert doc.title == "Domestic workers desk"
    assert doc.url == "/cities/sousse/domestic-workers-desk/"
    assert (doc.city_slug, doc.city_name, doc.country) == ("sousse", "Sousse", "TN")
    assert doc.year == 2021
    assert doc.status == "active"
    assert doc.language == "en"
    assert doc.summary.startswith("A desk where domestic workers")
    # Rich text is stored as plain text: no tags for the snippet to escape.
    assert "Counsellors meet women" in doc.body
    assert "<p>" not in doc.body


def test_practice_facets(search_corpus):
    assert facets_of(search_corpus.desk) == {
        "type": {"practice"},
        "theme": {"rights-and-legal-status", "safety-and-violence"},
        "city": {"sousse"},
        "country": {"TN"},
        "region": {"mena"},
        "mandate": {"outside-mandate"},
        "status": {"active"},
        "evidence": {"monitored"},
        "sdg": {"5-1"},
        "tag": {"domestic-work", "peer-support"},
        # The category of the barrier the practice addresses.
        "barrier": {"mandate-and-resources"},
    }


def test_tag_facet_keeps_the_tag_name_as_label(search_corpus):
    practice = PracticePageFactory(
        parent=search_corpus.turin, title="Tagged", slug="tagged", tags=["Social Assistance"]
    )
    index.sync([practice.pk])
    assert list(
        FacetValue.objects.filter(document_id=practice.pk, facet="tag").values_list(
            "value", "label"
        )
    ) == [("social-assistance", "Social Assistance")]


def test_city_labels_are_stored_with_the_city_facet(search_corpus):
    labels = dict(FacetValue.objects.filter(facet="city").values_list("value", "label"))
    assert labels == {"turin": "Turin", "sousse": "Sousse", "sao-paulo": "São Paulo"}


def test_city_document_fields(search_corpus):
    doc = document(search_corpus.sao_paulo)
    assert doc.type == "city"
    assert doc.url == "/cities/sao-paulo/"
    assert (doc.city_slug, doc.city_name, doc.country) == ("sao-paulo", "São Paulo", "BR")
    assert doc.year is None
    assert doc.status == ""


def test_city_is_filed_under_its_public_practices_and_records(search_corpus):
    c = search_corpus
    sousse = facets_of(c.sousse)
    assert sousse["type"] == {"city"}
    assert sousse["mandate"] == {"outside-mandate"}
    assert sousse["theme"] == {"rights-and-legal-status", "safety-and-violence"}
    # Its own barrier record, and the barrier its practice addresses.
    assert sousse["barrier"] == {"mandate-and-resources"}
    assert sousse["tag"] == {"domestic-work", "peer-support"}
    turin = facets_of(c.turin)
    assert turin["theme"] == {"inclusion-and-participation", "economic-empowerment"}
    # The Turin draft is about safety: a draft must not file the city under it.
    assert "safety-and-violence" not in turin["theme"]
    assert "barrier" not in turin
    assert facets_of(c.sao_paulo)["theme"] == {
        "inclusion-and-participation",
        "rights-and-legal-status",
    }


def test_city_barrier_record_document(search_corpus):
    c = search_corpus
    doc = document(c.no_mandate)
    assert doc.url == "/cities/sousse/no-mandate/"
    assert (doc.city_slug, doc.city_name, doc.country) == ("sousse", "Sousse", "TN")
    assert doc.year is None  # no source dialogue: no year
    facets = facets_of(c.no_mandate)
    assert facets["barrier"] == {"mandate-and-resources"}
    assert facets["city"] == {"sousse"}
    # The themes of the practice that addresses it.
    assert facets["theme"] == {"rights-and-legal-status", "safety-and-violence"}


def test_dialogue_barrier_is_filed_under_its_reporting_cities(search_corpus):
    c = search_corpus
    doc = document(c.mistrust)
    assert doc.url == "/dialogues/migrant-women-in-cities/mistrust/"
    assert doc.city_slug == ""  # a network-level finding has no home city
    assert doc.year == 2020  # the dialogue's year
    facets = facets_of(c.mistrust)
    assert facets["type"] == {"barrier"}
    assert facets["barrier"] == {"trust"}
    assert facets["city"] == {"turin", "sousse"}
    assert facets["country"] == {"IT", "TN"}
    assert facets["region"] == {"europe", "mena"}


def test_dialogue_opportunity_document(search_corpus):
    c = search_corpus
    assert document(c.networking).year == 2020
    assert facets_of(c.networking) == {"type": {"opportunity"}, "opportunity": {"city-networking"}}


def test_dialogue_document(search_corpus):
    c = search_corpus
    doc = document(c.dialogue)
    assert doc.url == "/dialogues/migrant-women-in-cities/"
    assert doc.year == 2020
    facets = facets_of(c.dialogue)
    assert facets["type"] == {"dialogue"}
    assert facets["city"] == {"turin", "sousse", "sao-paulo"}
    assert facets["country"] == {"IT", "TN", "BR"}
    # Filed under the categories of its outcomes.
    assert facets["barrier"] == {"trust"}
    assert facets["opportunity"] == {"city-networking"}


def test_city_reported_by_a_record_but_unpublished_is_not_named(search_corpus):
    """A record reported by a city the public cannot see does not name that city."""
    c = search_corpus
    BarrierReportingCity.objects.create(page=c.mistrust, city=c.lyon, sort_order=2)
    index.sync([c.mistrust.pk])
    assert facets_of(c.mistrust)["city"] == {"turin", "sousse"}
    assert "FR" not in facets_of(c.mistrust)["country"]
