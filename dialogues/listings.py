"""Context for dialogue and recommendation pages, fetched in few queries."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from cities.models import CityProfilePage, Organisation
from exchange.listing_language import show_in_language
from exchange.pagetools import attach_parents, parent_path
from practices.listings import parent_city, provenance
from practices.models import BarrierPage, OpportunityPage, PracticePage
from resources.listings import related_resources
from taxonomy.collation import Collated

# dialogues.models imports this module for its pages' context; the models are read from the
# module object at call time, so either module may be imported first.
from . import models


@dataclass
class Outcomes:
    """What came out of one session of a dialogue (or of the dialogue as a whole)."""

    barriers: list = field(default_factory=list)
    opportunities: list = field(default_factory=list)
    recommendations: list = field(default_factory=list)
    practices: list = field(default_factory=list)
    commitments: list = field(default_factory=list)

    def __bool__(self) -> bool:
        return any(vars(self).values())


def dialogue_context(dialogue, shown=None) -> dict:
    """What the page of `dialogue` (an original) lists; `shown`: the page being read, a
    translation whose sessions give the words (their order and links stay the original's)."""
    sessions = sessions_with_speakers(dialogue)
    if shown is not None and shown.pk != dialogue.pk:
        translate_sessions(sessions, list(shown.sessions.all()))
    commitments = list(dialogue.commitments.select_related("owner_organisation"))
    # One query for every city the page may name: participants of the dialogue and of its
    # sessions, and owners of commitments. Drafts and private cities are never named.
    city_ids = [link.city_id for link in dialogue.participating_cities.all()]
    city_ids += [i for session in sessions for i in session.city_ids]
    city_ids += [c.owner_city_id for c in commitments if c.owner_city_id]
    public_cities = (
        CityProfilePage.objects.visible().select_related("region").in_bulk(set(city_ids))
        if city_ids
        else {}
    )
    show_in_language(public_cities.values())  # named in the visitor's language
    for session in sessions:
        session.city_list = [public_cities[i] for i in session.city_ids if i in public_cities]
    today = timezone.localdate()
    for commitment in commitments:
        commitment.public_owner_city = public_cities.get(commitment.owner_city_id)
        commitment.overdue = commitment.is_overdue(today)

    by_session, general = dialogue_outcomes(dialogue, sessions, commitments)
    for session in sessions:
        session.outcomes = by_session[session.pk]
    return {
        "sessions": sessions,
        "general_outcomes": general,
        "organisers": [o.organisation for o in dialogue.organisers.select_related("organisation")],
        "participant_cities": [
            public_cities[i]
            for i in dict.fromkeys(link.city_id for link in dialogue.participating_cities.all())
            if i in public_cities
        ],
        "participant_organisations": [
            o.organisation
            for o in dialogue.participating_organisations.select_related("organisation")
        ],
        "related_resources": related_resources(dialogue),
    }


def dialogue_outcomes(dialogue, sessions: list, commitments: list) -> tuple[dict, Outcomes]:
    """Everything public that came out of `dialogue`, grouped by the session it came from.

    Records found by the dialogue live below it; records a city reported there and the
    practices presented live under their cities and point back through their provenance.
    Returns ({session id: Outcomes}, Outcomes of no particular session).
    """
    by_session = {session.pk: Outcomes() for session in sessions}
    general = Outcomes()

    def group(item) -> Outcomes:
        return by_session.get(item.source_session_id, general)

    from_here = Q(source_dialogue=dialogue) | Q(
        path__startswith=dialogue.path, depth=dialogue.depth + 1
    )
    records = []
    for model, attr in (
        (BarrierPage, "barriers"),
        (OpportunityPage, "opportunities"),
        (models.RecommendationPage, "recommendations"),
    ):
        found = model.objects.visible().filter(from_here)
        if model is not models.RecommendationPage:
            found = found.select_related("category")
        for record in found:
            records.append(record)
            getattr(group(record), attr).append(record)
    practices = (
        PracticePage.objects.visible().filter(source_dialogue=dialogue).order_by(Collated("title"))
    )
    for practice in practices:
        records.append(practice)
        group(practice).practices.append(practice)
    # `city` on each record and practice: the reporting city, None below the dialogue.
    attach_parents(records, CityProfilePage)
    show_in_language(records)  # their titles in the visitor's language where translated
    for commitment in commitments:
        group(commitment).commitments.append(commitment)
    return by_session, general


def translate_sessions(sessions: list, translated: list) -> None:
    """Put the words of a translation's sessions (copies of the original's, in the same
    order, as wagtail-localize makes them) on the original's sessions. A translation whose
    sessions no longer match one to one keeps the original's words rather than mixing them."""
    if len(translated) != len(sessions):
        return
    for session, words in zip(sessions, translated, strict=True):
        session.title = words.title
        session.summary = words.summary
        session.guiding_questions = words.guiding_questions
        roles = [
            b["value"].get("role", "") for b in words.speakers.raw_data if b["type"] == "speaker"
        ]
        if len(roles) == len(session.speaker_list):
            for speaker, role in zip(session.speaker_list, roles, strict=True):
                speaker["role"] = role


def sessions_with_speakers(dialogue) -> list:
    """Sessions with `speaker_list` resolved: every speaker's organisation in one query.

    Rendering the StreamField as it is would look the organisations up session by session.
    """
    sessions = list(dialogue.sessions.all())
    city_links, organisation_links = session_participant_ids(sessions)
    raw = {
        session: [b["value"] for b in session.speakers.raw_data if b["type"] == "speaker"]
        for session in sessions
    }
    ids = {v.get("organisation") for values in raw.values() for v in values} - {None}
    ids |= {i for values in organisation_links.values() for i in values}
    organisations = Organisation.objects.in_bulk(ids) if ids else {}
    for session in sessions:
        session.city_ids = city_links.get(session.pk, [])
        chosen = organisation_links.get(session.pk, [])
        session.organisation_list = sorted(
            (organisations[i] for i in chosen if i in organisations), key=lambda o: o.name
        )
        session.speaker_list = [
            {
                "organisation": organisations.get(v.get("organisation")),
                "role": v.get("role", ""),
                "name": v.get("name", ""),
            }
            for v in raw[session]
        ]
    return sessions


def session_participant_ids(sessions: list) -> tuple[dict, dict]:
    """{session id: [city ids]} and {session id: [organisation ids]}, in two queries.

    A preview renders a revision: sessions whose choices are held in memory are read from
    there, so the preview shows the unpublished edit, not the live rows.
    """
    cities, organisations = defaultdict(list), defaultdict(list)
    for field_name, column, found in (
        ("participating_cities", "cityprofilepage_id", cities),
        ("participating_organisations", "organisation_id", organisations),
    ):
        from_db = []
        for session in sessions:
            held = getattr(session, "_cluster_related_objects", {}).get(field_name)
            if held is not None:
                found[session.pk] = [item.pk for item in held]
            elif session.pk:
                from_db.append(session.pk)
        if from_db:
            through = getattr(models.DialogueSession, field_name).through
            rows = through.objects.filter(dialoguesession_id__in=from_db).order_by("id")
            for session_id, target_id in rows.values_list("dialoguesession_id", column):
                found[session_id].append(target_id)
    return cities, organisations


def recommendation_context(recommendation) -> dict:
    """A recommendation: who made it (a city or a dialogue) and where it came from."""
    city = parent_city(recommendation)
    return {
        **provenance(recommendation),
        "reported_by_city": city,
        "found_by_dialogue": (
            None
            if city
            else models.DialoguePage.objects.visible()
            .filter(path=parent_path(recommendation))
            .first()
        ),
    }
