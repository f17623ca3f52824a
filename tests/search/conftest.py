"""A small corpus whose hits and facet counts are known by heart.

Cities: Turin (IT, europe, own-competence), Sousse (TN, mena, outside-mandate),
São Paulo (BR, americas, own-competence).
Practices (type practice, 5):
  turin/women-in-the-neighbourhood    themes inclusion; active; described; 2018; tag peer-support
  turin/community-association         themes inclusion, economic; completed; evaluated; 2016
  sousse/domestic-workers-desk        themes rights, safety; active; monitored; 2021;
                                       mandate outside-mandate; tags domestic-work, peer-support
  sao-paulo/reference-centre          themes rights, inclusion; active; evaluated; 2014
  sao-paulo/municipal-plan            themes rights; planned; described; 2021
Barriers (2): sousse/no-mandate (mandate-and-resources, addressed by the Sousse desk),
  dialogue/mistrust (trust, reported by Turin and Sousse).
Opportunity (1): dialogue/city-networking (city-networking).
Dialogue (1): "Migrant women in cities", 2020, cities Turin, Sousse, São Paulo.
Not public, never found: a draft practice in Turin, a private (login) practice in Sousse,
and Lyon, an unpublished city with a live practice below it.
"""

from __future__ import annotations

import datetime
from types import SimpleNamespace

import pytest
from wagtail.models import PageViewRestriction

from dialogues.models import DialogueParticipantCity
from practices.models import BarrierReportingCity, PracticeBarrier
from search import index
from taxonomy.models import (
    ActionType,
    BarrierCategory,
    OpportunityCategory,
    Region,
    SDGTarget,
    TargetGroup,
    Theme,
)

from ..conftest import kept_for_module, make_site_tree, term
from ..factories import (
    BarrierPageFactory,
    CityProfilePageFactory,
    DialoguePageFactory,
    OpportunityPageFactory,
    PracticePageFactory,
)


def themes(*slugs):
    return [term(Theme, s) for s in slugs]


def build_search_corpus() -> SimpleNamespace:
    t = make_site_tree()
    turin = CityProfilePageFactory(
        parent=t.cities,
        title="Turin",
        slug="turin",
        country="IT",
        region=term(Region, "europe"),
        mandate="own-competence",
        summary="Turin channels the needs of migrant communities to its departments.",
    )
    sousse = CityProfilePageFactory(
        parent=t.cities,
        title="Sousse",
        slug="sousse",
        country="TN",
        region=term(Region, "mena"),
        mandate="outside-mandate",
        summary="A tourist hub where many migrant women work in private households.",
    )
    sao_paulo = CityProfilePageFactory(
        parent=t.cities,
        title="São Paulo",
        slug="sao-paulo",
        country="BR",
        region=term(Region, "americas"),
        mandate="own-competence",
        summary="The largest city of Latin America opens its services to every resident.",
    )
    neighbourhood = PracticePageFactory(
        parent=turin,
        title="Women in the neighbourhood",
        slug="women-in-the-neighbourhood",
        summary="Long-settled migrant women reach services through local shopkeepers.",
        themes=themes("inclusion-and-participation"),
        status="active",
        evidence="described",
        start_year=2018,
        tags=["peer-support"],
        target_groups=[term(TargetGroup, TargetGroup.objects.order_by("pk").first().slug)],
    )
    association = PracticePageFactory(
        parent=turin,
        title="Community association",
        slug="community-association",
        summary="Working groups of diverse migrant communities bring needs to the city.",
        themes=themes("inclusion-and-participation", "economic-empowerment"),
        status="completed",
        evidence="evaluated",
        start_year=2016,
        end_year=2019,
        action_type=ActionType.objects.order_by("pk").first(),
    )
    desk = PracticePageFactory(
        parent=sousse,
        title="Domestic workers desk",
        slug="domestic-workers-desk",
        summary="A desk where domestic workers without papers get legal advice and shelter.",
        description="<p>Counsellors meet women working in private households.</p>",
        themes=themes("rights-and-legal-status", "safety-and-violence"),
        status="active",
        evidence="monitored",
        start_year=2021,
        mandate="outside-mandate",
        tags=["domestic-work", "peer-support"],
        sdg_targets=[SDGTarget.objects.order_by("pk").first()],
    )
    centre = PracticePageFactory(
        parent=sao_paulo,
        title="Reference centre for immigrants",
        slug="reference-centre",
        summary="A multilingual centre gives migrants information and services since 2014.",
        themes=themes("rights-and-legal-status", "inclusion-and-participation"),
        status="active",
        evidence="evaluated",
        start_year=2014,
    )
    plan = PracticePageFactory(
        parent=sao_paulo,
        title="Municipal plan for immigrants",
        slug="municipal-plan",
        summary="The first municipal plan for migrant policy sets eighty actions.",
        themes=themes("rights-and-legal-status"),
        status="planned",
        evidence="described",
        start_year=2021,
    )
    no_mandate = BarrierPageFactory(
        parent=sousse,
        title="No mandate for migration",
        slug="no-mandate",
        summary="Migration is a national matter, so the city has no budget for it.",
        category=term(BarrierCategory, "mandate-and-resources"),
    )
    desk.barrier_links = [PracticeBarrier(barrier=no_mandate)]
    desk.save()
    dialogue = DialoguePageFactory(
        parent=t.dialogues,
        title="Migrant women in cities",
        slug="migrant-women-in-cities",
        date=datetime.date(2020, 9, 10),
        summary="Cities compared how they reach migrant women.",
        participating_cities=[
            DialogueParticipantCity(city=turin, sort_order=0),
            DialogueParticipantCity(city=sousse, sort_order=1),
            DialogueParticipantCity(city=sao_paulo, sort_order=2),
        ],
    )
    mistrust = BarrierPageFactory(
        parent=dialogue,
        title="Mistrust of authorities",
        slug="mistrust",
        summary="Women without papers fear that asking for help exposes them.",
        category=term(BarrierCategory, "trust"),
        reporting_cities=[
            BarrierReportingCity(city=turin, sort_order=0),
            BarrierReportingCity(city=sousse, sort_order=1),
        ],
    )
    networking = OpportunityPageFactory(
        parent=dialogue,
        title="Cities learning from cities",
        slug="city-networking",
        summary="Sharing practices and common checklists between cities.",
        category=term(OpportunityCategory, "city-networking"),
    )
    draft = PracticePageFactory(
        parent=turin,
        title="Secret draft shelter",
        slug="secret-draft",
        live=False,
        summary="A draft about a secret shelter address.",
        themes=themes("safety-and-violence"),
    )
    private = PracticePageFactory(
        parent=sousse,
        title="Private shelter list",
        slug="private-shelter",
        summary="A members-only list of secret shelters.",
        themes=themes("safety-and-violence"),
    )
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    lyon = CityProfilePageFactory(
        parent=t.cities,
        title="Lyon",
        slug="lyon",
        country="FR",
        region=term(Region, "europe"),
        live=False,
        summary="An unpublished city.",
    )
    orphan = PracticePageFactory(
        parent=lyon,
        title="Hidden orphan practice",
        slug="hidden-orphan",
        summary="A live practice under an unpublished city: secret too.",
    )
    index.rebuild()
    return SimpleNamespace(
        tree=t,
        turin=turin,
        sousse=sousse,
        sao_paulo=sao_paulo,
        neighbourhood=neighbourhood,
        association=association,
        desk=desk,
        centre=centre,
        plan=plan,
        no_mandate=no_mandate,
        mistrust=mistrust,
        networking=networking,
        dialogue=dialogue,
        draft=draft,
        private=private,
        lyon=lyon,
        orphan=orphan,
        secrets=("secret", "Lyon", "orphan", "members-only"),
    )


@pytest.fixture(scope="module")
def module_search_corpus(django_db_setup, django_db_blocker) -> SimpleNamespace:
    with kept_for_module(django_db_blocker):
        yield build_search_corpus()


@pytest.fixture
def search_corpus(module_search_corpus, db) -> SimpleNamespace:
    """The corpus, built once per module; each test's changes are rolled back."""
    return module_search_corpus


# Live engines (osmem-server, a real one when SEARCH_URL is set) for the engine tests.
from .engines_fixtures import (  # noqa: E402
    down_engine,
    elastic_engine,
    elasticsearch8_url,
    engine_url,
    osmem_engine,
    osmem_server,
)

__all__ = [
    "down_engine",
    "elastic_engine",
    "elasticsearch8_url",
    "engine_url",
    "osmem_engine",
    "osmem_server",
]
