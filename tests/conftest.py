"""Fixtures: a site tree, and content with every field filled or only the required ones."""

from __future__ import annotations

import datetime
import shutil
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.utils import translation
from django.utils.translation import trans_real
from wagtail.models import Page, Site

from cities.models import GovernanceBody, KeyFigure
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


def _stale_catalogues() -> list[Path]:
    """The .po files of LOCALE_PATHS whose .mo is missing or older."""
    stale = []
    for locale_path in settings.LOCALE_PATHS:
        for po in Path(locale_path).glob("*/LC_MESSAGES/*.po"):
            mo = po.with_suffix(".mo")
            if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
                stale.append(po)
    return stale


@pytest.fixture(scope="session", autouse=True)
def _compiled_catalogues():
    """`pytest` alone works: the translations are compiled (as `make install` does) when a
    .mo is missing or older than its .po. The .mo files are not committed."""
    if not _stale_catalogues():
        return
    if shutil.which("msgfmt") is None:
        pytest.exit(
            "gettext's msgfmt is missing, so the translations cannot be compiled: run "
            "`make install` (it installs the Debian gettext package) or apt-get install gettext.",
            returncode=1,
        )
    call_command("compilemessages", ignore_patterns=[".venv", "node_modules"], verbosity=0)
    # Django caches catalogues per process: forget any read before compiling.
    trans_real._translations = {}
    trans_real._default = None


@pytest.fixture(autouse=True)
def _english_after_each_test():
    """A request to /fr/... leaves French active in the test's thread (LocaleMiddleware does
    not switch back); the next test must start in English, as a fresh process would."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Wagtail caches the sites' root paths; a rolled-back test must not leave them behind."""
    cache.clear()
    yield
    cache.clear()


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
    peer = CityProfilePageFactory(
        parent=t.cities,
        title="Turin",
        slug="turin",
        country="IT",
        region=term(Region, "europe"),
        summary="Turin channels the needs of migrant communities to its departments.",
    )
    city = CityProfilePageFactory(
        parent=t.cities,
        title="Sousse",
        slug="sousse",
        country="TN",
        region=term(Region, "mena"),
        government_kind="municipality",
        population=271428,
        population_year=2014,
        latitude=Decimal("35.83"),
        longitude=Decimal("10.64"),
        mandate="outside-mandate",
        mandate_note="Migration is a national matter, yet the city acts.",
        is_origin=True,
        is_transit=True,
        is_destination=True,
        women_share_of_migrants=Decimal("48.5"),
        women_share_source="The city's presentation at the dialogue",
        women_share_year=2020,
        summary="A tourist hub and university city on Mediterranean routes.",
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
