"""Closed lists of values whose keys are contracts (URLs, search facets, exports)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Mandate(models.TextChoices):
    OWN_COMPETENCE = "own-competence", _("Own competence")
    SHARED = "shared", _("Shared with other levels of government")
    OUTSIDE_MANDATE = "outside-mandate", _("Outside the local mandate")


class GovernmentKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality")
    PROVINCE = "province", _("Province")
    METROPOLITAN_AREA = "metropolitan-area", _("Metropolitan area")
    NETWORK = "network", _("Network of local governments")


class PracticeStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")
    DISCONTINUED = "discontinued", _("Discontinued")


class Evidence(models.TextChoices):
    DESCRIBED = "described", _("Described")
    MONITORED = "monitored", _("Monitored")
    EVALUATED = "evaluated", _("Evaluated")


class BudgetBand(models.TextChoices):
    NO_DEDICATED_BUDGET = "none", _("No dedicated budget")
    UNDER_10K = "under-10k", _("Under €10,000 a year")
    FROM_10K_TO_100K = "10k-100k", _("€10,000 to €100,000 a year")
    FROM_100K_TO_1M = "100k-1m", _("€100,000 to €1 million a year")
    OVER_1M = "over-1m", _("Over €1 million a year")


class OrganisationKind(models.TextChoices):
    LOCAL_GOVERNMENT = "local-government", _("Local government")
    CITY_NETWORK = "city-network", _("City network")
    UN_AGENCY = "un-agency", _("UN agency or international organisation")
    CIVIL_SOCIETY = "civil-society", _("Civil society")
    MIGRANT_WOMENS_ASSOCIATION = "migrant-womens-association", _("Migrant women's association")
    ACADEMIA = "academia", _("Academia")
    PRIVATE_SECTOR = "private-sector", _("Private sector")


class DialogueFormat(models.TextChoices):
    VIRTUAL = "virtual", _("Virtual")
    IN_PERSON = "in-person", _("In person")
    HYBRID = "hybrid", _("Hybrid")


class SessionKind(models.TextChoices):
    OPENING = "opening", _("Opening panel")
    PRESENTATIONS = "presentations", _("City presentations")
    BREAKOUT = "breakout", _("Breakout session")
    CLOSING = "closing", _("Closing")


class CommitmentStatus(models.TextChoices):
    OPEN = "open", _("Not started")
    IN_PROGRESS = "in-progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


class ResourceKind(models.TextChoices):
    TOOLKIT = "toolkit", _("Toolkit")
    GUIDE = "guide", _("Guide")
    REPORT = "report", _("Report")
    STUDY = "study", _("Study or research")
    POLICY = "policy", _("Policy, plan or strategy")
    TRAINING = "training", _("Training material")
    PRESENTATION = "presentation", _("Presentation")
    OTHER = "other", _("Other")


# A commitment in one of these states is settled: it is never overdue.
SETTLED_COMMITMENT_STATUSES = (CommitmentStatus.DONE, CommitmentStatus.DROPPED)


class RecommendationAudience(models.TextChoices):
    LOCAL_GOVERNMENTS = "local-governments", _("Local governments")
    CITY_NETWORKS = "city-networks", _("City networks")
    NATIONAL_GOVERNMENTS = "national-governments", _("National governments")
    INTERNATIONAL_PARTNERS = "international-partners", _("UN agencies and donors")
    CIVIL_SOCIETY = "civil-society", _("Civil society")
    ALL_STAKEHOLDERS = "all-stakeholders", _("Everyone involved")
