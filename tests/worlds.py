"""The test worlds, built in one place and offered to every test module as fixtures
(tests/conftest.py loads this module as a plugin).

- `site_tree`: the home page, its site, the city and dialogue indexes.
- `full_content` (`module_full_content` when a module only reads it): Sousse and Turin with
  one of each page type, every optional field filled; a dialogue with its session,
  commitment, organisers and participants. `roles` adds one user of each role.
- `minimal_content`: one of each page type with only the required fields.
- `search_corpus` (`module_search_corpus`): a small corpus, indexed, whose hits and facet
  counts the search tests know by heart.

The cities both worlds hold come from one table, `CITIES`: Sousse is the same Sousse in a
page test and in a search test, and each world adds to it what its tests need.

The search corpus:

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
from contextlib import contextmanager
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Page, PageViewRestriction, Site

from cities.models import CityProfilePage, GovernanceBody, KeyFigure
from dialogues.models import (
    DialogueCommitment,
    DialogueOrganiser,
    DialogueParticipantCity,
    DialogueParticipantOrganisation,
    DialogueSession,
)
from practices.models import (
    BarrierReportingCity,
    OpportunityReportingCity,
    PracticeBarrier,
    PracticeOpportunity,
    PracticePartner,
)
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

from .factories import (
    BarrierPageFactory,
    CityIndexPageFactory,
    CityProfilePageFactory,
    DialogueIndexPageFactory,
    DialoguePageFactory,
    HomePageFactory,
    OpportunityPageFactory,
    OrganisationFactory,
    PracticePageFactory,
)


def make_site_tree() -> SimpleNamespace:
    """Home at the top of the tree, served by the default site, with both section indexes."""
    root = Page.get_first_root_node()
    # Site.root_page cascades on delete: keep the site while Wagtail's welcome page goes.
    Site.objects.update(root_page=root)
    for page in root.get_children():
        page.delete()
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    Site.objects.all().delete()
    site = Site.objects.create(
        hostname="localhost",
        port=80,
        root_page=home,
        is_default_site=True,
        site_name="The Exchange",
    )
    cities = CityIndexPageFactory(parent=home)
    dialogues = DialogueIndexPageFactory(parent=home)
    return SimpleNamespace(root=root, home=home, site=site, cities=cities, dialogues=dialogues)


@pytest.fixture
def site_tree(db) -> SimpleNamespace:
    return make_site_tree()


def term(model, slug):
    return model.objects.get(slug=slug)


# The cities of the worlds: what each world says of them, at the least.
CITIES = {
    "turin": {
        "title": "Turin",
        "country": "IT",
        "region": "europe",
        "mandate": "own-competence",
        "summary": "Turin channels the needs of migrant communities to its departments.",
    },
    "sousse": {
        "title": "Sousse",
        "country": "TN",
        "region": "mena",
        "mandate": "outside-mandate",
        "summary": "A tourist hub where many migrant women work in private households.",
    },
    "sao-paulo": {
        "title": "São Paulo",
        "country": "BR",
        "region": "americas",
        "mandate": "own-competence",
        "summary": "The largest city of Latin America opens its services to every resident.",
    },
}


def add_city(parent: Page, slug: str, **fields) -> CityProfilePage:
    """The city of `CITIES` under `slug`, below `parent`, with `fields` on top."""
    known = {**CITIES[slug], **fields}
    known["region"] = term(Region, known["region"])
    return CityProfilePageFactory(parent=parent, slug=slug, **known)


@contextmanager
def kept_for_module(django_db_blocker):
    """A transaction around a whole module, rolled back at its end.

    Each test of the module still runs in its own savepoint (pytest-django's `db`), so it
    sees the module's content and whatever it changes is undone after it.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture
def full_content(site_tree) -> SimpleNamespace:
    """One of each page type with every optional field filled (documents aside)."""
    return build_full_content(site_tree)


@pytest.fixture(scope="module")
def module_full_content(django_db_setup, django_db_blocker) -> SimpleNamespace:
    """`full_content` built once for a module whose tests only read it.

    Use it through a function fixture that also asks for `db`, e.g.
    `def full_content(module_full_content, db): return module_full_content`.
    """
    with kept_for_module(django_db_blocker):
        yield build_full_content(make_site_tree())


def build_full_content(t: SimpleNamespace) -> SimpleNamespace:
    un_women = OrganisationFactory(
        name="UN Women", kind="un-agency", website="https://www.unwomen.org"
    )
    association = OrganisationFactory(
        name="Migrant Women's Collective",
        acronym="MWC",
        kind="migrant-womens-association",
        country="TN",
        website="https://collective.example.org",
        description="Run by and for migrant women.",
    )
    peer = add_city(t.cities, "turin")
    city = add_city(
        t.cities,
        "sousse",
        government_kind="municipality",
        population=271428,
        population_year=2014,
        latitude=Decimal("35.83"),
        longitude=Decimal("10.64"),
        mandate_note="Migration is a national matter, yet the city acts.",
        is_origin=True,
        is_transit=True,
        is_destination=True,
        women_share_of_migrants=Decimal("48.5"),
        women_share_source="The city's presentation at the dialogue",
        women_share_year=2020,
        migration_context="<p>Many migrant women work in private households.</p>",
        focal_point_role="Gender-equality committee",
        focal_point_email="equality@sousse.example.org",
        focal_point_url="https://sousse.example.org/equality",
        governance_bodies=[
            GovernanceBody(
                name="Committee on gender equality",
                description="Chaired by the vice-mayor.",
                women_quota=40,
                since_year=2018,
                sort_order=0,
            )
        ],
        key_figures=[
            KeyFigure(
                label="Foreign residents",
                value=Decimal("12345"),
                unit="people",
                year=2019,
                source="National statistics office",
                source_url="https://stats.example.org/sousse",
                sort_order=0,
            )
        ],
    )
    dialogue = DialoguePageFactory(
        parent=t.dialogues,
        title="Migrant women in cities",
        slug="migrant-women-in-cities",
        date=datetime.date(2020, 9, 10),
        end_date=datetime.date(2020, 9, 11),
        format="virtual",
        approx_participants=100,
        summary="Cities, networks and civil society compared their work.",
        body="<p>Three cities presented their work, then breakout groups met.</p>",
        ways_forward="<p>Build trust and safety together.</p>",
        organisers=[DialogueOrganiser(organisation=un_women, sort_order=0)],
        participating_cities=[
            DialogueParticipantCity(city=city, sort_order=0),
            DialogueParticipantCity(city=peer, sort_order=1),
        ],
        participating_organisations=[
            DialogueParticipantOrganisation(organisation=association, sort_order=0)
        ],
        sessions=[
            DialogueSession(
                title="Segment 1: cities present their work",
                kind="presentations",
                summary="Three cities presented local initiatives.",
                guiding_questions=[("questions", ["What did your city try first?"])],
                speakers=[
                    ("speaker", {"organisation": un_women, "role": "Moderator", "name": ""})
                ],
                sort_order=0,
            )
        ],
        commitments=[
            DialogueCommitment(
                text="Share the survey questionnaire with peer cities.",
                owner_city=city,
                owner_organisation=association,
                due_date=datetime.date(2021, 3, 1),
                status="in-progress",
                sort_order=0,
            )
        ],
    )
    session = dialogue.sessions.get()
    provenance = {
        "source_dialogue": dialogue,
        "source_session": session,
        "provenance_note": "Presented by the vice-mayor.",
    }
    barrier = BarrierPageFactory(
        parent=city,
        title="Irregular status and informal domestic work",
        slug="irregular-status",
        category=term(BarrierCategory, "information-access"),
        summary="Women without papers work unseen in private homes.",
        description="<p>They rarely reach municipal services.</p>",
        reporting_cities=[BarrierReportingCity(city=peer, sort_order=0)],
        **provenance,
    )
    opportunity = OpportunityPageFactory(
        parent=city,
        title="Trust between the city and associations",
        slug="trust-with-associations",
        category=term(OpportunityCategory, "multi-stakeholder"),
        summary="Relations built during the pandemic last.",
        description="<p>Associations relay information both ways.</p>",
        reporting_cities=[OpportunityReportingCity(city=peer, sort_order=0)],
        **provenance,
    )
    network_barrier = BarrierPageFactory(
        parent=dialogue,
        title="Few ways to monitor outcomes for women",
        slug="few-ways-to-monitor",
        category=term(BarrierCategory, "monitoring"),
        summary="Outcomes for women are rarely tracked.",
        description="<p>Data are not broken down by sex.</p>",
        reporting_cities=[BarrierReportingCity(city=city, sort_order=0)],
        **provenance,
    )
    network_opportunity = OpportunityPageFactory(
        parent=dialogue,
        title="Cities learning together",
        slug="cities-learning-together",
        category=term(OpportunityCategory, "city-networking"),
        summary="Peer exchange spreads what works.",
        description="<p>Common checklists help.</p>",
        reporting_cities=[OpportunityReportingCity(city=peer, sort_order=0)],
        **provenance,
    )
    practice = PracticePageFactory(
        parent=city,
        title="Working with migrant women's associations",
        slug="working-with-associations",
        summary="The city and associations reach women during the pandemic.",
        description="<p>Associations identify families in need.</p>",
        themes=[term(Theme, "safety-and-violence"), term(Theme, "rights-and-legal-status")],
        target_groups=[
            term(TargetGroup, "mothers-and-children"),
            term(TargetGroup, "pregnant-women"),
        ],
        action_type=term(ActionType, "partnership-with-civil-society"),
        mandate="outside-mandate",
        status="completed",
        start_year=2020,
        end_year=2021,
        funding="Municipal social budget",
        budget_band="under-10k",
        evidence="monitored",
        results="<p>Four hundred families received help.</p>",
        lessons="<p>Trust comes before services.</p>",
        transferability="<p>Needs a partner association.</p>",
        sdg_targets=[term(SDGTarget, "5-2"), term(SDGTarget, "10-7")],
        tags=["covid-19", "social assistance"],
        contact_role="Social affairs department",
        contact_email="social@sousse.example.org",
        last_verified=datetime.date(2024, 3, 15),
        barrier_links=[
            PracticeBarrier(barrier=barrier, sort_order=0),
            PracticeBarrier(barrier=network_barrier, sort_order=1),
        ],
        opportunity_links=[
            PracticeOpportunity(opportunity=opportunity, sort_order=0),
            PracticeOpportunity(opportunity=network_opportunity, sort_order=1),
        ],
        partners=[PracticePartner(organisation=association, sort_order=0)],
        **provenance,
    )
    return SimpleNamespace(
        **vars(t),
        home_page=t.home,
        city_index=t.cities,
        dialogue_index=t.dialogues,
        city=city,
        peer=peer,
        dialogue=dialogue,
        session=session,
        barrier=barrier,
        opportunity=opportunity,
        network_barrier=network_barrier,
        network_opportunity=network_opportunity,
        practice=practice,
        un_women=un_women,
        association=association,
    )


@pytest.fixture
def minimal_content(site_tree) -> SimpleNamespace:
    """One of each page type with only the required fields."""
    t = site_tree
    city = CityProfilePageFactory(
        parent=t.cities,
        title="Banjul",
        slug="banjul",
        country="GM",
        region=term(Region, "africa"),
        summary="The capital of the Gambia.",
    )
    dialogue = DialoguePageFactory(
        parent=t.dialogues,
        title="A short dialogue",
        slug="short-dialogue",
        summary="Cities met once.",
    )
    return SimpleNamespace(
        **vars(t),
        home_page=t.home,
        city_index=t.cities,
        dialogue_index=t.dialogues,
        city=city,
        dialogue=dialogue,
        practice=PracticePageFactory(
            parent=city, title="A minimal practice", slug="minimal", summary="It helps."
        ),
        barrier=BarrierPageFactory(
            parent=city, title="A minimal barrier", slug="minimal-barrier", summary="It hinders."
        ),
        opportunity=OpportunityPageFactory(
            parent=city,
            title="A minimal opportunity",
            slug="minimal-opportunity",
            summary="It helps.",
        ),
        network_barrier=BarrierPageFactory(
            parent=dialogue, title="A found barrier", slug="found-barrier", summary="Found."
        ),
        network_opportunity=OpportunityPageFactory(
            parent=dialogue,
            title="A found opportunity",
            slug="found-opportunity",
            summary="Found.",
        ),
    )


@pytest.fixture
def roles(full_content, django_user_model) -> SimpleNamespace:
    """`full_content` with the roles synced and one user of each: a Sousse editor, a
    Turin editor, a network coordinator and a moderator (each with an email address, so
    Wagtail's notifications reach them)."""
    from exchange.roles import COORDINATORS, MODERATORS, city_editors_group, sync_roles

    sync_roles()
    c = full_content

    def user(username, group):
        member = django_user_model.objects.create_user(
            username=username, email=f"{username}@example.org", password="not-used-here"
        )
        member.groups.add(group)
        return member

    return SimpleNamespace(
        **vars(c),
        sousse_editor=user("sousse-editor", city_editors_group(c.city)),
        turin_editor=user("turin-editor", city_editors_group(c.peer)),
        coordinator=user("coordinator", Group.objects.get(name=COORDINATORS)),
        moderator=user("moderator", Group.objects.get(name=MODERATORS)),
    )


# --- the search corpus ---


def themes(*slugs):
    return [term(Theme, s) for s in slugs]


def build_search_corpus() -> SimpleNamespace:
    t = make_site_tree()
    turin = add_city(t.cities, "turin")
    sousse = add_city(t.cities, "sousse")
    sao_paulo = add_city(t.cities, "sao-paulo")
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
