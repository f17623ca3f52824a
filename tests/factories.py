"""Factories for the content of the Exchange.

Page factories take `parent=` (a saved page) and put the new page in the tree under it.
Inline relations and parental many-to-many fields can be passed as lists, e.g.
`PracticePageFactory(parent=city, themes=[theme], barrier_links=[PracticeBarrier(...)])`:
the page's save commits them. Vocabulary terms are the seeded ones, looked up by slug.
"""

from __future__ import annotations

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from factory.django import DjangoModelFactory

from cities.models import CityIndexPage, CityProfilePage, Organisation
from dialogues.models import DialogueIndexPage, DialoguePage, DialogueSession
from exchange.models import HomePage
from practices.models import BarrierPage, OpportunityPage, PracticePage
from resources.models import ResourceIndexPage, ResourcePage
from taxonomy.choices import OrganisationKind, PracticeStatus
from taxonomy.models import BarrierCategory, OpportunityCategory, Region


def seeded(model, slug: str):
    """A factory attribute: the seeded vocabulary term `slug`, looked up when built."""
    return factory.LazyFunction(lambda: model.objects.get(slug=slug))


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = OrganisationKind.CIVIL_SOCIETY


class ExchangePageFactory(wagtail_factories.PageFactory):
    """A page as publishing leaves it: live, with its first publication date set."""

    class Meta:
        abstract = True

    live = True
    first_published_at = factory.LazyAttribute(lambda o: timezone.now() if o.live else None)
    last_published_at = factory.SelfAttribute("first_published_at")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        tags = kwargs.pop("tags", None)
        page = super()._create(model_class, *args, **kwargs)
        if tags:
            page.tags.add(*tags)
            page.save()
        return page


class HomePageFactory(ExchangePageFactory):
    class Meta:
        model = HomePage

    title = "The Exchange"
    slug = "home"
    intro = "Cities share what they do with and for migrant women."


class CityIndexPageFactory(ExchangePageFactory):
    class Meta:
        model = CityIndexPage

    title = "Cities"
    slug = "cities"
    intro = "Local governments that share their work."


class DialogueIndexPageFactory(ExchangePageFactory):
    class Meta:
        model = DialogueIndexPage

    title = "Dialogues"
    slug = "dialogues"
    intro = "Meetings between cities and what came out of them."


class CityProfilePageFactory(ExchangePageFactory):
    class Meta:
        model = CityProfilePage

    title = factory.Sequence(lambda n: f"City {n}")
    country = "TN"
    region = seeded(Region, "mena")
    summary = factory.LazyAttribute(lambda o: f"{o.title} works with migrant women.")


class DialoguePageFactory(ExchangePageFactory):
    class Meta:
        model = DialoguePage

    title = factory.Sequence(lambda n: f"Dialogue {n}")
    date = datetime.date(2020, 9, 10)
    summary = factory.LazyAttribute(lambda o: f"What was said at {o.title}.")


class PracticePageFactory(ExchangePageFactory):
    class Meta:
        model = PracticePage

    title = factory.Sequence(lambda n: f"Practice {n}")
    summary = factory.LazyAttribute(lambda o: f"{o.title} helps migrant women.")
    status = PracticeStatus.ACTIVE


class BarrierPageFactory(ExchangePageFactory):
    class Meta:
        model = BarrierPage

    title = factory.Sequence(lambda n: f"Barrier {n}")
    summary = factory.LazyAttribute(lambda o: f"{o.title} stands in the way.")
    category = seeded(BarrierCategory, "trust")


class OpportunityPageFactory(ExchangePageFactory):
    class Meta:
        model = OpportunityPage

    title = factory.Sequence(lambda n: f"Opportunity {n}")
    summary = factory.LazyAttribute(lambda o: f"{o.title} opens a way.")
    category = seeded(OpportunityCategory, "protection")


class DialogueSessionFactory(DjangoModelFactory):
    class Meta:
        model = DialogueSession

    page = None  # pass the DialoguePage
    title = factory.Sequence(lambda n: f"Session {n}")
    kind = "breakout"


class ResourceIndexPageFactory(ExchangePageFactory):
    class Meta:
        model = ResourceIndexPage

    title = "Resources"
    slug = "resources"
    intro = "Toolkits, reports and guides."


class ResourcePageFactory(ExchangePageFactory):
    """Pass `language_links=[ResourceLanguage(language="fr")]` and `themes=[...]` as needed."""

    class Meta:
        model = ResourcePage

    title = factory.Sequence(lambda n: f"Resource {n}")
    kind = "toolkit"
    year = 2021
    summary = factory.LazyAttribute(lambda o: f"{o.title} helps cities.")
    external_url = "https://publisher.example.org/resource"
