"""Load the demo content into the database, idempotently.

Pages are identified by their slug under their parent, organisations by their name. What
already exists is left exactly as it is, because an editor may have changed it since: the
loader only adds what is missing, and never overwrites or deletes editor content. Every new
page gets a revision and is published, as if an editor had created it in the admin.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import IO, TypeVar

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from wagtail.models import Locale, Orderable, Page, ReferenceIndex, Site
from wagtail.signal_handlers import disable_reference_index_auto_update

from cities.models import CityIndexPage, CityProfilePage, GovernanceBody, KeyFigure, Organisation
from dialogues.models import (
    DialogueIndexPage,
    DialogueOrganiser,
    DialoguePage,
    DialogueParticipantCity,
    DialogueParticipantOrganisation,
    DialogueSession,
    RecommendationPage,
)
from exchange.localization import translate_page
from exchange.models import HomePage
from exchange.public_address import sync_default_site
from exchange.roles import city_editors_group, sync_roles
from practices.models import (
    BarrierPage,
    OpportunityPage,
    PracticeBarrier,
    PracticeOpportunity,
    PracticePage,
    RecordPage,
)
from resources.models import ResourceIndexPage
from search import index as search_index
from search import signals as search_signals
from taxonomy.models import (
    ActionType,
    BarrierCategory,
    OpportunityCategory,
    Region,
    SDGTarget,
    TargetGroup,
    Theme,
)

from . import content, translations

P = TypeVar("P", bound=Page)
OrderableT = TypeVar("OrderableT", bound=Orderable)

# The page Wagtail's own migrations create; only this exact page may be removed.
WAGTAIL_WELCOME_TITLE = "Welcome to your new Wagtail site!"

DEFAULT_ADMIN_USERNAME = "admin"
DEFAULT_ADMIN_PASSWORD = "exchange-demo"

# Keys of the returned counts, in the order the summary prints them.
COUNT_KEYS = [
    "sites",
    "home_pages",
    "index_pages",
    "organisations",
    "cities",
    "dialogues",
    "barriers",
    "opportunities",
    "recommendations",
    "practices",
    "translations",
]


class DemoContentError(Exception):
    """The database holds something the demo cannot build on; nothing was changed."""


def load_demo(stdout: IO[str] | None = None) -> dict[str, int]:
    """Create whatever demo content is missing and return how many items were created.

    All in one transaction: a failure halfway leaves the database as it was. With
    `stdout`, a short summary of created and already present items is written to it.
    """
    loader = _DemoLoader()
    with transaction.atomic():
        # Indexing after every publish made the load several times slower (each page's
        # search documents and references were rebuilt again and again, as its children
        # and translations were added): both are brought up to date once, at the end.
        with search_signals.paused(), disable_reference_index_auto_update():
            loader.run()
        loader.index_what_changed()
    if stdout is not None:
        loader.write_summary(stdout)
    return {key: loader.created[key] for key in COUNT_KEYS}


def ensure_admin(password: str | None = None, stdout: IO[str] | None = None) -> bool:
    """Create the development superuser "admin" unless a user of that name exists.

    The password is `password`, else $DEMO_ADMIN_PASSWORD, else a fixed development
    default. Returns whether the user was created.
    """
    user_model = get_user_model()
    username = DEFAULT_ADMIN_USERNAME
    if user_model._default_manager.filter(**{user_model.USERNAME_FIELD: username}).exists():
        if stdout is not None:
            stdout.write(f"Admin user {username!r} already present; its password is unchanged.\n")
        return False
    if password:
        shown = "(the password given)"
    elif os.environ.get("DEMO_ADMIN_PASSWORD"):
        password, shown = os.environ["DEMO_ADMIN_PASSWORD"], "(from DEMO_ADMIN_PASSWORD)"
    elif not settings.DEBUG:
        # A well-known password on a public server would hand the site to anyone.
        raise DemoContentError(
            "Refusing to create the admin user with the default password outside "
            "development: set DEMO_ADMIN_PASSWORD."
        )
    else:
        # Only the well-known default is printed: a chosen password stays out of logs.
        password = shown = DEFAULT_ADMIN_PASSWORD
    user_model._default_manager.create_superuser(username=username, email="", password=password)
    if stdout is not None:
        stdout.write(f"Admin user created: log in at /admin/ as {username} / {shown}\n")
    return True


# One account per role, to try the moderation workflow; development only (settings.DEBUG).
DEMO_ROLE_ACCOUNTS = [
    # (username, role: a group name, or a city slug for that city's editors)
    ("sousse-editor", "sousse"),
    ("coordinator", "Network coordinators"),
    ("moderator", "Moderators"),
]


def ensure_role_accounts(password: str | None = None, stdout: IO[str] | None = None) -> int:
    """Sync the roles, then, in development only, create the demo accounts of each role.

    The accounts share the admin's password rule: `password`, else $DEMO_ADMIN_PASSWORD,
    else the development default. Existing accounts are left as they are. Returns how many
    accounts were created.
    """
    sync_roles()
    if not settings.DEBUG:
        # Known accounts on a public server would be a way in: never outside development.
        if stdout is not None:
            stdout.write("Roles in sync; demo accounts are created in development only.\n")
        return 0
    password = password or os.environ.get("DEMO_ADMIN_PASSWORD") or DEFAULT_ADMIN_PASSWORD
    user_model = get_user_model()
    created = 0
    for username, role in DEMO_ROLE_ACCOUNTS:
        city = CityProfilePage.objects.filter(slug=role).first()
        if city is not None:
            group = city_editors_group(city)
        else:
            group = Group.objects.filter(name=role).first()
        if (
            group is None
            or user_model._default_manager.filter(**{user_model.USERNAME_FIELD: username}).exists()
        ):
            continue
        user = user_model._default_manager.create_user(
            username=username, email=f"{username}@example.org", password=password
        )
        user.groups.add(group)
        created += 1
        if stdout is not None:
            stdout.write(f"Demo account created: {username} ({group.name})\n")
    return created


def ordered(items: Iterable[OrderableT]) -> list[OrderableT]:
    """Number inline items in the given order, as the admin's inline panels do.

    Orderables assigned in code keep sort_order NULL otherwise, and the database may then
    return them in any order.
    """
    items = list(items)
    for position, item in enumerate(items):
        item.sort_order = position
    return items


class _DemoLoader:
    def __init__(self) -> None:
        self.created: Counter[str] = Counter()
        self.present: Counter[str] = Counter()
        self.notes: list[str] = []
        self.organisations: dict[str, Organisation] = {}
        self.cities: dict[str, CityProfilePage] = {}
        self.sessions: dict[str, DialogueSession | None] = {}
        self.records: dict[str, RecordPage] = {}
        self.terms: dict[type[models.Model], dict[str, models.Model]] = {}
        # What this run saved: its references and search documents are updated at the end.
        self.saved: list[models.Model] = []
        self.last_page_id = Page.objects.aggregate(last=models.Max("pk"))["last"] or 0

    # -- Steps ----------------------------------------------------------------------------

    def run(self) -> None:
        self.load_organisations()
        home = self.load_home()
        self.load_site(home)
        indexes: dict[str, Page] = {}
        city_index = indexes[content.CITY_INDEX["slug"]] = self.child_page(
            home,
            CityIndexPage,
            content.CITY_INDEX,
            "index_pages",
            lambda d: CityIndexPage(title=d["title"], intro=d["intro"]),
        )
        dialogue_index = indexes[content.DIALOGUE_INDEX["slug"]] = self.child_page(
            home,
            DialogueIndexPage,
            content.DIALOGUE_INDEX,
            "index_pages",
            lambda d: DialogueIndexPage(title=d["title"], intro=d["intro"]),
        )
        indexes[content.RESOURCE_INDEX["slug"]] = self.child_page(
            home,
            ResourceIndexPage,
            content.RESOURCE_INDEX,
            "index_pages",
            lambda d: ResourceIndexPage(title=d["title"], intro=d["intro"]),
        )
        for data in content.CITIES:
            self.cities[data["slug"]] = self.child_page(
                city_index, CityProfilePage, data, "cities", self.build_city
            )
        dialogue = self.child_page(
            dialogue_index, DialoguePage, content.DIALOGUE, "dialogues", self.build_dialogue
        )
        self.find_sessions(dialogue)
        # Network-level findings come from the matching breakout session, city-reported
        # records from the city presentations.
        for data in content.NETWORK_BARRIERS:
            self.load_record(BarrierPage, dialogue, data, dialogue, "barriers")
        for data in content.NETWORK_OPPORTUNITIES:
            self.load_record(OpportunityPage, dialogue, data, dialogue, "opportunities")
        for data in content.NETWORK_RECOMMENDATIONS:
            self.records[data["key"]] = self.child_page(
                dialogue,
                RecommendationPage,
                data,
                "recommendations",
                lambda d: RecommendationPage(
                    title=d["title"],
                    summary=d["summary"],
                    licence=content.LICENCE,
                    **self.provenance(dialogue, "closing"),
                ),
            )
        for data in content.CITY_BARRIERS:
            city = self.cities[data["city"]]
            self.load_record(BarrierPage, city, data, dialogue, "presentations")
        for data in content.CITY_OPPORTUNITIES:
            city = self.cities[data["city"]]
            self.load_record(OpportunityPage, city, data, dialogue, "presentations")
        practices = {}
        for data in content.PRACTICES:
            practices[data["city"], data["slug"]] = self.child_page(
                self.cities[data["city"]],
                PracticePage,
                data,
                "practices",
                lambda d: self.build_practice(d, dialogue),
            )
        self.load_translations(home, indexes, dialogue, practices)

    def load_translations(
        self, home: HomePage, indexes: dict, dialogue: DialoguePage, practices: dict
    ) -> None:
        """The demo's pages in French, Spanish, Arabic and Portuguese, as editors make them
        (exchange.localization.translate_page): real translated pages, editable in the
        admin. A translation that exists, whoever made it, is left as it is; an alias (a
        parent wagtail-localize copied) is translated. Parents come before their children.
        Only words change: a translation keeps its original's links (provenance, sessions'
        participants, linked records), as listings are computed from the original."""
        pages = [(home, translations.HOME)]
        pages += [
            (indexes[slug], by_language)
            for slug, by_language in translations.INDEXES.items()
            if slug in indexes
        ]
        pages += [
            (self.cities[slug], by_language)
            for slug, by_language in translations.CITIES.items()
            if slug in self.cities
        ]
        pages.append((dialogue, translations.DIALOGUE))
        pages += [
            (self.records[key], by_language)
            for key, by_language in translations.RECORDS.items()
            if key in self.records
        ]
        pages += [
            (practices[key], by_language)
            for key, by_language in translations.PRACTICES.items()
            if key in practices
        ]
        for language in translations.LANGUAGES:
            locale, _ = Locale.objects.get_or_create(language_code=language)
            for page, by_language in pages:
                existing = page.get_translation_or_none(locale)
                if existing is not None and existing.alias_of_id is None:
                    self.present["translations"] += 1
                    continue
                fields = dict(by_language[language])
                if isinstance(page, DialoguePage):
                    fields["sessions"] = self.translated_sessions(
                        page, fields.pop("sessions", {}), language
                    )
                for relation in ("governance_bodies", "key_figures"):
                    if relation in fields:
                        fields[relation] = self.translated_items(page, relation, fields[relation])
                self.saved.append(translate_page(page, locale, fields))
                self.created["translations"] += 1

    def translated_sessions(
        self, dialogue: DialoguePage, by_key: dict, language: str
    ) -> list[DialogueSession]:
        """The dialogue's sessions for its translation: the same sessions, in the same
        order, with their words translated. A session the demo does not know (an editor
        added it) is copied as it is."""
        keys = {data["title"]: data["key"] for data in content.DIALOGUE["sessions"]}
        copies = []
        for session in dialogue.sessions.all():
            words = by_key.get(keys.get(session.title), {})
            questions = words.get("questions")
            copy = DialogueSession(
                title=words.get("title", session.title),
                kind=session.kind,
                summary=words.get("summary", session.summary),
                guiding_questions=(
                    [("questions", questions)] if questions else session.guiding_questions
                ),
                speakers=[
                    (
                        "speaker",
                        {
                            **block.value,
                            "role": translations.SPEAKER_ROLES.get(block.value["role"], {}).get(
                                language, block.value["role"]
                            ),
                        },
                    )
                    for block in session.speakers
                ],
                approx_participants=session.approx_participants,
                sort_order=session.sort_order,
            )
            copy.participating_cities = list(session.participating_cities.all())
            copy.participating_organisations = list(session.participating_organisations.all())
            copies.append(copy)
        return copies

    @staticmethod
    def translated_items(page: Page, relation: str, words: list[dict]) -> list[models.Model]:
        """Copies of the page's inline items (`relation`), in their order, with the words
        given for each; figures, years and links stay the original's."""
        copies = []
        for position, item in enumerate(getattr(page, relation).all()):
            values = {
                field.attname: getattr(item, field.attname)
                for field in item._meta.concrete_fields
                if not field.primary_key and field.name != "page"
            }
            values.update(words[position] if position < len(words) else {})
            copies.append(type(item)(**values))
        return copies

    def load_organisations(self) -> None:
        for data in content.ORGANISATIONS:
            organisation = Organisation.objects.filter(name=data["name"]).first()
            if organisation is None:
                organisation = Organisation(
                    name=data["name"],
                    acronym=data.get("acronym", ""),
                    kind=data["kind"],
                    country=data.get("country", ""),
                    website=data.get("website", ""),
                    description=data.get("description", ""),
                )
                organisation.full_clean()
                organisation.save()
                self.saved.append(organisation)
                self.created["organisations"] += 1
            else:
                self.present["organisations"] += 1
            self.organisations[data["key"]] = organisation

    def load_home(self) -> HomePage:
        # HomePage.max_count is 1: if there is one, wherever and whatever its slug, it is ours.
        home = HomePage.objects.first()
        if home is not None:
            self.present["home_pages"] += 1
            return home
        root = Page.get_first_root_node()
        if root is None:
            raise DemoContentError("There is no Wagtail root page; run `manage.py migrate`.")
        occupant = root.get_children().filter(slug=content.HOME["slug"]).first()
        if occupant is not None:
            if not self.is_wagtail_welcome_page(occupant):
                raise DemoContentError(
                    f"A page {occupant.title!r} already uses the slug "
                    f"{content.HOME['slug']!r} at the top of the tree; rename or move it first."
                )
            self.delete_welcome_page(occupant)
            root.refresh_from_db()  # its child count changed behind this object's back
        home = HomePage(
            title=content.HOME["title"], intro=content.HOME["intro"], body=content.HOME["body"]
        )
        self.add_and_publish(root, home, content.HOME["slug"])
        self.created["home_pages"] += 1
        return home

    def load_site(self, home: HomePage) -> None:
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            # (hostname, port) is unique: take over a localhost:80 site that is not default.
            site = Site.objects.filter(hostname="localhost", port=80).first()
        if site is None:
            Site.objects.create(
                hostname="localhost",
                port=80,
                site_name=settings.WAGTAIL_SITE_NAME,
                root_page=home,
                is_default_site=True,
            )
            self.created["sites"] += 1
            sync_default_site()
            return
        if site.root_page_id == home.id and site.is_default_site:
            self.present["sites"] += 1
            return
        # Repoint the site only from Wagtail's root or our home: a site rooted at any other
        # page was set up by someone on purpose.
        if site.root_page_id not in (home.id, Page.get_first_root_node().id):
            self.present["sites"] += 1
            self.notes.append(
                f"The default site {site} has another root page; it was left as it is."
            )
            return
        site.root_page = home
        site.is_default_site = True
        site.site_name = site.site_name or settings.WAGTAIL_SITE_NAME
        site.save()
        self.created["sites"] += 1
        sync_default_site()

    def find_sessions(self, dialogue: DialoguePage) -> None:
        # By title, so that records also find their session when the dialogue was created
        # by an earlier run; a session an editor renamed or removed is simply not linked.
        by_title = {s.title: s for s in DialogueSession.objects.filter(page=dialogue)}
        for data in content.DIALOGUE["sessions"]:
            self.sessions[data["key"]] = by_title.get(data["title"])

    def load_record(
        self,
        model: type[BarrierPage | OpportunityPage],
        parent: Page,
        data: dict,
        dialogue: DialoguePage,
        session_key: str,
    ) -> None:
        counter, category_model = (
            ("barriers", BarrierCategory)
            if model is BarrierPage
            else ("opportunities", OpportunityCategory)
        )

        def build(data: dict) -> RecordPage:
            return model(
                title=data["title"],
                category=self.term(category_model, data["category"]),
                summary=data["summary"],
                description=data.get("description", ""),
                licence=content.LICENCE,
                **self.provenance(dialogue, session_key),
            )

        self.records[data["key"]] = self.child_page(parent, model, data, counter, build)

    # -- Builders: an unsaved page with its inline relations set in memory ----------------

    def build_city(self, data: dict) -> CityProfilePage:
        share = data.get("women_share_of_migrants")
        city = CityProfilePage(
            title=data["title"],
            country=data["country"],
            region=self.term(Region, data["region"]),
            government_kind=data["government_kind"],
            latitude=Decimal(data["latitude"]),
            longitude=Decimal(data["longitude"]),
            mandate=data.get("mandate", ""),
            mandate_note=data.get("mandate_note", ""),
            is_origin=data.get("is_origin", False),
            is_transit=data.get("is_transit", False),
            is_destination=data.get("is_destination", False),
            women_share_of_migrants=Decimal(share) if share else None,
            women_share_source=data.get("women_share_source", ""),
            summary=data["summary"],
            migration_context=data.get("migration_context", ""),
            licence=content.LICENCE,
        )
        city.governance_bodies = ordered(
            GovernanceBody(**body) for body in data.get("governance_bodies", [])
        )
        city.key_figures = ordered(
            KeyFigure(**{**figure, "value": Decimal(figure["value"])})
            for figure in data.get("key_figures", [])
        )
        return city

    def build_dialogue(self, data: dict) -> DialoguePage:
        dialogue = DialoguePage(
            title=data["title"],
            licence=content.LICENCE,
            date=data["date"],
            format=data["format"],
            approx_participants=data["approx_participants"],
            summary=data["summary"],
            body=data["body"],
            ways_forward=data["ways_forward"],
        )
        dialogue.organisers = ordered(
            DialogueOrganiser(organisation=self.organisations[key]) for key in data["organisers"]
        )
        dialogue.participating_organisations = ordered(
            DialogueParticipantOrganisation(organisation=self.organisations[key])
            for key in data["participating_organisations"]
        )
        dialogue.participating_cities = ordered(
            DialogueParticipantCity(city=self.cities[slug])
            for slug in data["participating_cities"]
        )
        dialogue.sessions = ordered(
            DialogueSession(
                title=session["title"],
                kind=session["kind"],
                summary=session.get("summary", ""),
                guiding_questions=(
                    [("questions", session["questions"])] if session.get("questions") else []
                ),
                speakers=[
                    (
                        "speaker",
                        {
                            "organisation": self.organisations[speaker["organisation"]],
                            "role": speaker.get("role", ""),
                            "name": "",  # people are named only with their consent
                        },
                    )
                    for speaker in session.get("speakers", [])
                ],
            )
            for session in data["sessions"]
        )
        return dialogue

    def build_practice(self, data: dict, dialogue: DialoguePage) -> PracticePage:
        practice = PracticePage(
            title=data["title"],
            summary=data["summary"],
            description=data.get("description", ""),
            action_type=self.term(ActionType, data["action_type"]),
            mandate=data.get("mandate", ""),
            status=data.get("status", "active"),
            start_year=data.get("start_year"),
            evidence=data.get("evidence", "described"),
            results=data.get("results", ""),
            lessons=data.get("lessons", ""),
            transferability=data.get("transferability", ""),
            # Nobody has confirmed these descriptions since the 2020 dialogue.
            last_verified=None,
            licence=content.LICENCE,
            **self.provenance(dialogue, "presentations"),
        )
        practice.themes = self.terms_for(Theme, data.get("themes", []))
        practice.target_groups = self.terms_for(TargetGroup, data.get("target_groups", []))
        practice.sdg_targets = self.terms_for(SDGTarget, data.get("sdg_targets", []))
        practice.tags.add(*data.get("tags", []))
        practice.barrier_links = ordered(
            PracticeBarrier(barrier=record)
            for record in self.linked_records(data.get("barriers", []), BarrierPage)
        )
        practice.opportunity_links = ordered(
            PracticeOpportunity(opportunity=record)
            for record in self.linked_records(data.get("opportunities", []), OpportunityPage)
        )
        # The record names no partner organisation for any of the three cities' practices.
        return practice

    # -- Helpers ----------------------------------------------------------------------------

    def child_page(
        self,
        parent: Page,
        model: type[P],
        data: dict,
        counter: str,
        build: Callable[[dict], Page],
    ) -> P:
        """The page of `model` with `data["slug"]` under `parent`, created if missing."""
        existing = parent.get_children().filter(slug=data["slug"]).first()
        if existing is not None:
            existing = existing.specific
            if not isinstance(existing, model):
                raise DemoContentError(
                    f"{existing.url_path} is a {type(existing).__name__}, "
                    f"not a {model.__name__}; rename or move it first."
                )
            self.present[counter] += 1
            return existing
        page = build(data)
        self.add_and_publish(parent, page, data["slug"])
        self.created[counter] += 1
        return page

    @staticmethod
    def add_and_publish(parent: Page, page: Page, slug: str) -> None:
        # The same steps as "Publish" in the admin's create view: the page is saved in the
        # tree, a revision records its content, and publishing that revision sets
        # live_revision and first_published_at.
        page.slug = slug
        parent.add_child(instance=page)
        page.save_revision().publish()
        page.refresh_from_db()

    def index_what_changed(self) -> None:
        """References and search documents of what this run saved, as publishing in the
        admin would have left them; nothing saved, nothing to do. Pages wagtail-localize
        created on the way (aliases of parents) count as saved."""
        pages = list(Page.objects.filter(pk__gt=self.last_page_id).specific())
        pages += [p for p in self.saved if isinstance(p, Page) and p.pk <= self.last_page_id]
        for instance in pages + [o for o in self.saved if not isinstance(o, Page)]:
            ReferenceIndex.create_or_update_for_object(instance)
        home = HomePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
        if pages and home is not None and getattr(settings, "SEARCH_AUTO_SYNC", True):
            # Every demo page sits under the home page: what any of them changed is among
            # the pages affected by it (its subtree and their translations).
            search_index.sync(search_index.affected_page_ids(home))

    @staticmethod
    def is_wagtail_welcome_page(page: Page) -> bool:
        return (
            page.content_type_id == ContentType.objects.get_for_model(Page).id
            and page.depth == 2
            and page.title == WAGTAIL_WELCOME_TITLE
            and not page.get_children().exists()
        )

    @staticmethod
    def delete_welcome_page(page: Page) -> None:
        # Site.root_page cascades on delete: move the sites rooted here to the tree's root
        # first, so the default Site row survives and is repointed to our home afterwards.
        Site.objects.filter(root_page=page).update(root_page=Page.get_first_root_node())
        page.delete()

    def provenance(self, dialogue: DialoguePage, session_key: str) -> dict:
        session = self.sessions.get(session_key)
        return {"source_dialogue": dialogue, "source_session": session}

    def linked_records(self, keys: Iterable[str], model: type[RecordPage]) -> list[RecordPage]:
        # A record an editor turned into another type is skipped rather than mislinked.
        return [self.records[k] for k in keys if isinstance(self.records.get(k), model)]

    def terms_of(self, model: type[models.Model]) -> dict[str, models.Model]:
        if model not in self.terms:
            self.terms[model] = {term.slug: term for term in model.objects.all()}
        return self.terms[model]

    def term(self, model: type[models.Model], slug: str) -> models.Model:
        try:
            return self.terms_of(model)[slug]
        except KeyError:
            raise DemoContentError(
                f"The {model._meta.verbose_name} {slug!r} is missing; the vocabularies are "
                "seeded by `manage.py migrate`."
            ) from None

    def terms_for(self, model: type[models.Model], slugs: Iterable[str]) -> list[models.Model]:
        return [self.term(model, slug) for slug in slugs]

    def write_summary(self, stdout: IO[str]) -> None:
        labels = {
            "sites": "default site",
            "home_pages": "home page",
            "index_pages": "index pages",
            "organisations": "organisations",
            "cities": "city profiles",
            "dialogues": "dialogues",
            "barriers": "barriers",
            "opportunities": "opportunities",
            "recommendations": "recommendations",
            "practices": "practices",
            "translations": "translations",
        }
        stdout.write("Demo content:\n")
        for key in COUNT_KEYS:
            # An existing Site row is reused and repointed rather than created.
            verb = "set up" if key == "sites" else "created"
            stdout.write(
                f"  {labels[key]:<15} {self.created[key]:>3} {verb}, "
                f"{self.present[key]:>3} already present\n"
            )
        for note in self.notes:
            stdout.write(f"  Note: {note}\n")
