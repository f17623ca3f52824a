"""Where each page type may live in the tree, and how many of it there may be."""

from __future__ import annotations

import pytest
from wagtail.models import Page

from cities.models import CityIndexPage, CityProfilePage
from dialogues.models import DialogueIndexPage, DialoguePage, RecommendationPage
from exchange.models import HomePage
from practices.models import BarrierPage, OpportunityPage, PracticePage
from resources.models import ResourceIndexPage, ResourcePage

from .factories import (
    CityIndexPageFactory,
    DialogueIndexPageFactory,
    HomePageFactory,
    ResourceIndexPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_content(module_full_content, db):
    """Built once for this module, whose tests only read it."""
    return module_full_content


# Page type -> the pages of `full_content` it may be placed under.
ALLOWED_UNDER = {
    HomePage: {"root"},
    CityIndexPage: {"home"},
    DialogueIndexPage: {"home"},
    ResourceIndexPage: {"home"},
    ResourcePage: set(),  # only under the resource library, which full_content lacks
    CityProfilePage: {"cities"},
    DialoguePage: {"dialogues"},
    PracticePage: {"city"},
    BarrierPage: {"city", "dialogue"},
    OpportunityPage: {"city", "dialogue"},
    RecommendationPage: {"city", "dialogue"},
}
PARENTS = ["root", "home", "cities", "dialogues", "city", "dialogue", "practice", "barrier"]
PARENTS += ["opportunity"]


@pytest.mark.parametrize("model", list(ALLOWED_UNDER), ids=lambda m: m.__name__)
def test_page_type_may_only_be_placed_where_it_belongs(full_content, model):
    placed = {name for name in PARENTS if model.can_exist_under(getattr(full_content, name))}
    assert placed == ALLOWED_UNDER[model]


def test_allowed_parent_types():
    assert set(HomePage.allowed_parent_page_models()) == {Page}
    assert set(CityIndexPage.allowed_parent_page_models()) == {HomePage}
    assert set(DialogueIndexPage.allowed_parent_page_models()) == {HomePage}
    assert set(ResourceIndexPage.allowed_parent_page_models()) == {HomePage}
    assert set(ResourcePage.allowed_parent_page_models()) == {ResourceIndexPage}
    assert set(CityProfilePage.allowed_parent_page_models()) == {CityIndexPage}
    assert set(DialoguePage.allowed_parent_page_models()) == {DialogueIndexPage}
    assert set(PracticePage.allowed_parent_page_models()) == {CityProfilePage}
    for record in (BarrierPage, OpportunityPage, RecommendationPage):
        assert set(record.allowed_parent_page_models()) == {CityProfilePage, DialoguePage}


def test_allowed_subpage_types():
    assert set(HomePage.allowed_subpage_models()) == {
        CityIndexPage,
        DialogueIndexPage,
        ResourceIndexPage,
    }
    assert set(ResourceIndexPage.allowed_subpage_models()) == {ResourcePage}
    assert ResourcePage.allowed_subpage_models() == []
    assert set(CityIndexPage.allowed_subpage_models()) == {CityProfilePage}
    assert set(DialogueIndexPage.allowed_subpage_models()) == {DialoguePage}
    assert set(CityProfilePage.allowed_subpage_models()) == {
        PracticePage,
        BarrierPage,
        OpportunityPage,
        RecommendationPage,
    }
    assert set(DialoguePage.allowed_subpage_models()) == {
        BarrierPage,
        OpportunityPage,
        RecommendationPage,
    }
    for leaf in (PracticePage, BarrierPage, OpportunityPage, RecommendationPage):
        assert leaf.allowed_subpage_models() == []


def test_only_one_home_page_and_only_at_the_root(site_tree):
    root = Page.get_first_root_node()
    assert not HomePage.can_create_at(root), "a second home page could be created"
    assert not HomePage.can_create_at(site_tree.home)


def empty_tree() -> Page:
    """The root of the tree with nothing below it (this module's content is undone later)."""
    for page in Page.get_first_root_node().get_children():
        page.delete()
    return Page.get_first_root_node()


def test_a_home_page_can_be_created_on_a_fresh_site(db):
    assert HomePage.can_create_at(empty_tree())


@pytest.mark.parametrize(
    "factory,model",
    [
        (CityIndexPageFactory, CityIndexPage),
        (DialogueIndexPageFactory, DialogueIndexPage),
        (ResourceIndexPageFactory, ResourceIndexPage),
    ],
    ids=["city index", "dialogue index", "resource library"],
)
def test_only_one_index_page_of_each_kind(db, factory, model):
    home = HomePageFactory(parent=empty_tree())
    assert model.can_create_at(home)
    factory(parent=home)
    assert not model.can_create_at(home)


def test_many_cities_practices_and_dialogues_may_be_created(full_content):
    c = full_content
    assert CityProfilePage.can_create_at(c.cities)
    assert DialoguePage.can_create_at(c.dialogues)
    assert PracticePage.can_create_at(c.city)
    assert BarrierPage.can_create_at(c.dialogue)
    assert OpportunityPage.can_create_at(c.city)
