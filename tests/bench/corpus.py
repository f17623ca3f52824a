"""A synthetic corpus for the search benchmark: never part of the demo, never loaded by load_demo.

Everything here is labelled "[synthetic]" and seeded (SEED), so two runs at the same size
measure the same data, and the first n practices of a bigger corpus are those of a smaller
one (each practice draws from its own seeded generator): the runner grows one corpus step
by step and measures it at every size.

Distributions aim at what a real network looks like, not uniform noise: cities are
Zipf-distributed (a few capitals hold many practices, most cities a handful), statuses,
evidence and mandates are skewed, years lean recent with some unknown, words in the text
follow a Zipf law over per-language lists (so there are common and rare words), and every
practice is written in one of five languages (stored on its search document).

Our engines read search documents, so the writer stores them directly
(SearchDocument + FacetValue, then the engine's full-text side), as `search_index` would
write them: a city document is also filed under everything its practices are filed under
(themes, barrier categories, tags...), which the insights, the theme matrix and "cities
like mine" read. The Wagtail baseline needs real pages: the writer bulk-inserts
PracticePage rows under synthetic cities with computed tree paths and URL paths (no
signals, no revisions), which also gives every document the page its primary key points
at. The cities sit under a city index (slug "cities") below the default site's home page,
so the pages are served at their real addresses (/cities/<city>/<practice>/) and the page
benchmark (pages.py) can request them.
"""

from __future__ import annotations

import random
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from itertools import accumulate

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from taggit.models import Tag
from wagtail.models import Locale, Page, Site

from cities.models import CityIndexPage, CityProfilePage
from exchange.models import HomePage
from practices.models import PracticePage, PracticeTag
from search.models import FacetValue, IndexState, SearchDocument
from search.text import unaccent
from taxonomy.models import (
    ActionType,
    BarrierCategory,
    OpportunityCategory,
    SDGTarget,
    TargetGroup,
    Theme,
)

SEED = 20_250_601
LABEL = "[synthetic]"
SLUG_PREFIX = "synthetic"
N_TAGS = 300

LANGUAGE_WEIGHTS = {"en": 45, "fr": 20, "es": 15, "pt": 10, "it": 10}

# Per-language words, most frequent first (a Zipf law over this order makes the first words
# common and the last ones rare). Accented forms on purpose: queries without accents must
# still find them.
_WORD_LISTS = {
    "en": (
        "women migrant city service support access women's local health training work "
        "language community centre information housing legal rights safety violence "
        "children mothers workers domestic shelter counselling employment network council "
        "participation refugees asylum newcomers integration school course mentoring "
        "advice desk outreach volunteers partners association municipality budget staff "
        "survey data monitoring evaluation plan strategy campaign awareness helpline "
        "childcare nursery diploma recognition entrepreneurship microcredit cooperative "
        "informal care elderly disability interpreters mediators neighbourhood library "
        "festival theatre sport football cooking sewing gardening radio podcast mural "
        "ombudsperson trafficking exploitation harassment lighting transport permit "
        "residence citizenship vote consultation quota leadership hackathon bicycle "
        "midwife vaccination dentistry braille glassblowing beekeeping"
    ),
    "fr": (
        "femmes migrantes ville service soutien accès santé formation travail langue "
        "communauté centre information logement droits sécurité violence enfants mères "
        "travailleuses domestiques hébergement accompagnement emploi réseau conseil "
        "participation réfugiées asile intégration école cours parrainage conseils "
        "guichet bénévoles partenaires association mairie budget personnel enquête "
        "données suivi évaluation stratégie campagne sensibilisation crèche diplôme "
        "reconnaissance entrepreneuriat microcrédit coopérative soins âgées handicap "
        "interprètes médiatrices quartier bibliothèque théâtre cuisine couture jardinage "
        "radio fresque défenseure traite exploitation harcèlement éclairage transport "
        "titre séjour citoyenneté vote consultation quota leadership vélo sage-femme "
        "vaccination apiculture"
    ),
    "es": (
        "mujeres migrantes ciudad servicio apoyo acceso salud formación trabajo idioma "
        "comunidad centro información vivienda derechos seguridad violencia niños madres "
        "trabajadoras domésticas refugio acompañamiento empleo red consejo participación "
        "refugiadas asilo integración escuela curso mentoría asesoría ventanilla "
        "voluntarias socios asociación municipio presupuesto personal encuesta datos "
        "seguimiento evaluación plan estrategia campaña sensibilización guardería título "
        "reconocimiento emprendimiento microcrédito cooperativa cuidados mayores "
        "discapacidad intérpretes mediadoras barrio biblioteca teatro cocina costura "
        "huerto radio mural defensoría trata explotación acoso alumbrado transporte "
        "permiso residencia ciudadanía voto consulta cuota liderazgo bicicleta partera "
        "vacunación apicultura"
    ),
    "pt": (
        "mulheres migrantes cidade serviço apoio acesso saúde formação trabalho língua "
        "comunidade centro informação habitação direitos segurança violência crianças "
        "mães trabalhadoras domésticas abrigo acompanhamento emprego rede conselho "
        "participação refugiadas asilo integração escola curso mentoria aconselhamento "
        "balcão voluntárias parceiros associação prefeitura orçamento equipe pesquisa "
        "dados monitoramento avaliação plano estratégia campanha sensibilização creche "
        "diploma reconhecimento empreendedorismo microcrédito cooperativa cuidados idosas "
        "deficiência intérpretes mediadoras bairro biblioteca teatro cozinha costura "
        "horta rádio mural defensoria tráfico exploração assédio iluminação transporte "
        "autorização residência cidadania voto consulta cota liderança bicicleta parteira "
        "vacinação apicultura"
    ),
    "it": (
        "donne migranti città servizio sostegno accesso salute formazione lavoro lingua "
        "comunità centro informazione alloggio diritti sicurezza violenza bambini madri "
        "lavoratrici domestiche accoglienza accompagnamento occupazione rete consiglio "
        "partecipazione rifugiate asilo integrazione scuola corso tutoraggio consulenza "
        "sportello volontarie partner associazione comune bilancio personale indagine "
        "dati monitoraggio valutazione piano strategia campagna sensibilizzazione nido "
        "diploma riconoscimento imprenditoria microcredito cooperativa cura anziane "
        "disabilità interpreti mediatrici quartiere biblioteca teatro cucina cucito orto "
        "radio murale garante tratta sfruttamento molestie illuminazione trasporto "
        "permesso soggiorno cittadinanza voto consultazione quota leadership bicicletta "
        "ostetrica vaccinazione apicoltura"
    ),
}
WORDS: dict[str, list[str]] = {lang: text.split() for lang, text in _WORD_LISTS.items()}

# (ISO code, region slug): the country decides the region, as on real city profiles.
COUNTRIES = [
    ("IT", "europe"), ("ES", "europe"), ("FR", "europe"), ("DE", "europe"),
    ("PT", "europe"), ("GR", "europe"), ("BE", "europe"), ("NL", "europe"),
    ("SE", "europe"), ("PL", "europe"), ("AT", "europe"), ("IE", "europe"),
    ("TN", "mena"), ("MA", "mena"), ("JO", "mena"), ("LB", "mena"), ("EG", "mena"),
    ("TR", "mena"), ("BR", "americas"), ("MX", "americas"), ("CO", "americas"),
    ("AR", "americas"), ("CL", "americas"), ("PE", "americas"), ("US", "americas"),
    ("CA", "americas"), ("EC", "americas"), ("SN", "africa"), ("KE", "africa"),
    ("NG", "africa"), ("ZA", "africa"), ("GH", "africa"), ("UG", "africa"),
    ("ET", "africa"), ("PH", "asia-pacific"), ("ID", "asia-pacific"),
    ("IN", "asia-pacific"), ("BD", "asia-pacific"), ("AU", "asia-pacific"),
    ("JP", "asia-pacific"), ("KR", "asia-pacific"), ("TH", "asia-pacific"),
]  # fmt: skip

_SYLLABLES = "sa mo ri ta ve lo na pe ca du li ro ma bel san gra fio ten vi la"
SYLLABLES = _SYLLABLES.split()

# What a city document inherits from its practices (search/documents.py, city_documents).
CITY_ROLLUP = ("theme", "barrier", "opportunity", "target_group", "action_type", "sdg", "tag")

MANDATES = {"own-competence": 50, "shared": 30, "outside-mandate": 15, "": 5}
STATUSES = {"active": 55, "completed": 25, "planned": 12, "discontinued": 8}
EVIDENCE = {"described": 65, "monitored": 25, "evaluated": 10}


def zipf_cum_weights(n: int, s: float = 1.07) -> list[float]:
    return list(accumulate(1 / (rank**s) for rank in range(1, n + 1)))


def _weighted(rng: random.Random, table: dict[str, int]) -> str:
    return rng.choices(list(table), weights=list(table.values()))[0]


@dataclass
class SyntheticCity:
    index: int
    slug: str
    title: str
    country: str
    region: str
    mandate: str
    summary: str
    page_id: int | None = None
    path: str = ""
    url_path: str = ""
    depth: int = 0
    children: int = 0


@dataclass
class SyntheticPractice:
    index: int
    city: SyntheticCity
    slug: str
    title: str
    summary: str
    body: str
    language: str
    themes: list[str]
    barriers: list[str]
    opportunities: list[str]
    target_groups: list[str]
    action_type: str
    sdgs: list[str]
    tags: list[str]
    mandate: str
    status: str
    evidence: str
    year: int | None
    published_at: datetime
    facets: dict[str, list[str]] = field(default_factory=dict)


class SyntheticCorpus:
    """The corpus definition: `practice(i)` is the same for a given seed at any size."""

    def __init__(self, n_cities: int, n_practices: int, seed: int = SEED):
        self.n_cities, self.n_practices, self.seed = n_cities, n_practices, seed
        self.vocab = {
            "theme": list(
                Theme.objects.order_by("sort_order", "pk").values_list("slug", flat=True)
            ),
            "barrier": list(BarrierCategory.objects.order_by("pk").values_list("slug", flat=True)),
            "opportunity": list(
                OpportunityCategory.objects.order_by("pk").values_list("slug", flat=True)
            ),
            "target_group": list(
                TargetGroup.objects.order_by("pk").values_list("slug", flat=True)
            ),
            "action_type": list(ActionType.objects.order_by("pk").values_list("slug", flat=True)),
            "sdg": list(SDGTarget.objects.order_by("pk").values_list("slug", flat=True)),
        }
        self._word_cum = {lang: zipf_cum_weights(len(ws)) for lang, ws in WORDS.items()}
        rng = random.Random(seed)
        self.tags = self._make_tags(rng)
        self._tag_cum = zipf_cum_weights(len(self.tags), 0.9)
        self.cities = [self._make_city(rng, i) for i in range(n_cities)]
        # A few cities hold many practices, most cities few (Zipf over a shuffled order, so
        # that the big cities are spread over countries).
        order = list(range(n_cities))
        rng.shuffle(order)
        self._city_order = order
        self._city_cum = zipf_cum_weights(n_cities, 1.0)

    # ------------------------------------------------------------------ generation
    def words(self, rng: random.Random, language: str, k: int) -> str:
        return " ".join(rng.choices(WORDS[language], cum_weights=self._word_cum[language], k=k))

    def _make_tags(self, rng: random.Random) -> list[tuple[str, str]]:
        english = WORDS["en"]
        pairs: dict[str, str] = {}
        while len(pairs) < N_TAGS:
            a, b = rng.sample(english, 2)
            name = f"{a} {b}".replace("'", "")
            pairs.setdefault(f"{SLUG_PREFIX}-{a}-{b}".replace("'", ""), name)
        return sorted(pairs.items())

    def _make_city(self, rng: random.Random, i: int) -> SyntheticCity:
        name = "".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))).capitalize()
        country, region = rng.choice(COUNTRIES)
        return SyntheticCity(
            index=i,
            slug=f"{SLUG_PREFIX}-city-{i:05d}",
            title=f"{LABEL} {name} {i}",
            country=country,
            region=region,
            mandate=_weighted(rng, MANDATES),
            summary=self.words(rng, rng.choice(list(WORDS)), rng.randint(15, 30)),
        )

    def practice(self, i: int) -> SyntheticPractice:
        rng = random.Random(self.seed * 1_000_003 + i)
        city = self.cities[
            self._city_order[rng.choices(range(self.n_cities), cum_weights=self._city_cum)[0]]
        ]
        language = _weighted(rng, LANGUAGE_WEIGHTS)
        title_words = self.words(rng, language, rng.randint(3, 6))
        year = None if rng.random() < 0.1 else max(1995, 2025 - int(rng.expovariate(1 / 6)))
        v = self.vocab
        p = SyntheticPractice(
            index=i,
            city=city,
            slug=f"{SLUG_PREFIX}-practice-{i:06d}",
            title=f"{LABEL} {title_words.capitalize()} {i}",
            summary=self.words(rng, language, rng.randint(20, 35)),
            body=self.words(rng, language, rng.randint(60, 150)),
            language=language,
            themes=rng.sample(v["theme"], rng.choices((1, 2, 3), weights=(55, 35, 10))[0]),
            barriers=rng.sample(v["barrier"], rng.choices((0, 1, 2), weights=(40, 45, 15))[0]),
            opportunities=rng.sample(
                v["opportunity"], rng.choices((0, 1, 2), weights=(45, 40, 15))[0]
            ),
            target_groups=rng.sample(v["target_group"], rng.randint(1, 3)),
            action_type="" if rng.random() < 0.08 else rng.choice(v["action_type"]),
            sdgs=rng.sample(v["sdg"], rng.choices((0, 1, 2), weights=(30, 50, 20))[0]),
            tags=sorted(
                {
                    slug
                    for slug, _ in rng.choices(
                        self.tags, cum_weights=self._tag_cum, k=rng.randint(0, 4)
                    )
                }
            ),
            mandate=_weighted(rng, MANDATES),
            status=_weighted(rng, STATUSES),
            evidence=_weighted(rng, EVIDENCE),
            year=year,
            published_at=datetime(2019, 1, 1, tzinfo=UTC) + timedelta(minutes=i),
        )
        p.facets = {
            "type": ["practice"],
            "city": [city.slug],
            "country": [city.country],
            "region": [city.region],
            "theme": p.themes,
            "barrier": p.barriers,
            "opportunity": p.opportunities,
            "target_group": p.target_groups,
            "action_type": [p.action_type] if p.action_type else [],
            "mandate": [p.mandate] if p.mandate else [],
            "status": [p.status],
            "evidence": [p.evidence],
            "sdg": p.sdgs,
            "tag": p.tags,
        }
        return p


class CorpusWriter:
    """Writes a `SyntheticCorpus` into the default database, a range of practices at a time."""

    BATCH = 1000

    def __init__(self, corpus: SyntheticCorpus):
        self.corpus = corpus
        self.written = 0
        self.locale = Locale.get_default()
        self.ct_city = ContentType.objects.get_for_model(CityProfilePage)
        self.ct_practice = ContentType.objects.get_for_model(PracticePage)
        self.tag_labels = dict(corpus.tags)
        self.ids: dict[str, dict[str, int]] = {}
        self.index_page: Page | None = None
        # (city page id, facet, value) already filed on the city documents.
        self.city_facets: set[tuple[int, str, str]] = set()
        # Time spent writing pages (baseline side) and document rows (our side), for the report.
        self.seconds: dict[str, float] = defaultdict(float)

    # ------------------------------------------------------------------ pages
    def _page(self, parent: Page | SyntheticCity, step: int, title: str, slug: str, ct) -> Page:
        depth = parent.depth + 1
        return Page(
            path=Page._get_path(parent.path, depth, step),
            depth=depth,
            numchild=0,
            title=title,
            draft_title=title,
            slug=slug,
            content_type=ct,
            locale=self.locale,
            live=True,
            first_published_at=datetime(2019, 1, 1, tzinfo=UTC),
            last_published_at=datetime(2019, 1, 1, tzinfo=UTC),
            # What Page.set_url_path would store: get_url() and the site's routing need it.
            url_path=f"{parent.url_path}{slug}/",
        )

    @staticmethod
    def _insert_children(model, rows: Sequence) -> None:
        """Insert the model's own table rows for pages that already exist.

        Django's bulk_create refuses multi-table inheritance; `_insert` is what `save()` uses
        for the child table, given explicit parent links.
        """
        fields = model._meta.local_concrete_fields
        for start in range(0, len(rows), 500):
            model._base_manager._insert(rows[start : start + 500], fields=fields)

    def setup(self, on_documents=None) -> None:
        """Tags, the synthetic city index and every city (page and search document)."""
        Tag.objects.bulk_create(
            [Tag(name=name, slug=slug) for slug, name in self.corpus.tags],
            ignore_conflicts=True,
        )
        self.tag_ids = dict(
            Tag.objects.filter(slug__startswith=f"{SLUG_PREFIX}-").values_list("slug", "pk")
        )
        self.ids = {
            facet: dict(model.objects.values_list("slug", "pk"))
            for facet, model in (
                ("theme", Theme),
                ("target_group", TargetGroup),
                ("action_type", ActionType),
                ("sdg", SDGTarget),
            )
        }
        from taxonomy.models import Region

        regions = dict(Region.objects.values_list("slug", "pk"))
        self.index_page = self._site_home().add_child(
            instance=CityIndexPage(title=f"{LABEL} Cities", slug="cities", live=True)
        )
        cities = self.corpus.cities
        pages = [
            self._page(self.index_page, i + 1, c.title, c.slug, self.ct_city)
            for i, c in enumerate(cities)
        ]
        with transaction.atomic():
            Page.objects.bulk_create(pages, batch_size=self.BATCH)
            for city, page in zip(cities, pages, strict=True):
                city.page_id, city.path = page.pk, page.path
                city.url_path, city.depth = page.url_path, page.depth
            self._insert_children(
                CityProfilePage,
                [
                    CityProfilePage(
                        page_ptr_id=c.page_id,
                        country=c.country,
                        region_id=regions[c.region],
                        mandate=c.mandate,
                        summary=c.summary,
                    )
                    for c in cities
                ],
            )
            Page.objects.filter(pk=self.index_page.pk).update(numchild=len(cities))
            docs = [
                SearchDocument(
                    page_id=c.page_id,
                    type="city",
                    title=c.title,
                    title_sort=unaccent(c.title),
                    summary=c.summary,
                    language="en",
                    url=f"/cities/{c.slug}/",
                    city_slug=c.slug,
                    city_name=c.title,
                    country=c.country,
                    published_at=datetime(2019, 1, 1, tzinfo=UTC),
                )
                for c in cities
            ]
            SearchDocument.objects.bulk_create(docs, batch_size=self.BATCH)
            FacetValue.objects.bulk_create(
                [
                    FacetValue(document_id=c.page_id, facet=facet, value=value, label=label)
                    for c in cities
                    for facet, value, label in (
                        ("type", "city", ""),
                        ("city", c.slug, c.title),
                        ("country", c.country, ""),
                        ("region", c.region, ""),
                        ("mandate", c.mandate, ""),
                    )
                    if value
                ],
                batch_size=self.BATCH * 5,
            )
            IndexState.bump()
            if on_documents is not None:
                on_documents(docs)

    @staticmethod
    def _site_home() -> HomePage:
        """A home page served by the default site, as on the real site (made if missing).

        The bench database is a freshly migrated one: its default site serves Wagtail's
        welcome page, which cannot hold a city index.
        """
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is not None and isinstance(site.root_page.specific, HomePage):
            return site.root_page.specific
        home = Page.get_first_root_node().add_child(
            instance=HomePage(title=f"{LABEL} Home", slug=f"{SLUG_PREFIX}-home", live=True)
        )
        if site is None:
            Site.objects.create(
                hostname="localhost", port=80, root_page=home, is_default_site=True
            )
        else:
            site.root_page = home
            site.save()
        Site.clear_site_root_paths_cache()
        return home

    def write_pages(self, practices: list[SyntheticPractice]) -> None:
        """PracticePage rows (and their taxonomy links) for the Wagtail baseline."""
        pages = []
        for p in practices:
            p.city.children += 1
            pages.append(self._page(p.city, p.city.children, p.title, p.slug, self.ct_practice))
        Page.objects.bulk_create(pages, batch_size=self.BATCH)
        rows, through = [], defaultdict(list)
        for p, page in zip(practices, pages, strict=True):
            p.page_id = page.pk
            rows.append(
                PracticePage(
                    page_ptr_id=page.pk,
                    summary=p.summary,
                    description=f"<p>{p.body}</p>",
                    action_type_id=self.ids["action_type"].get(p.action_type),
                    mandate=p.mandate,
                    status=p.status,
                    evidence=p.evidence,
                    start_year=p.year,
                )
            )
            for slug in p.themes:
                through["themes"].append(
                    PracticePage.themes.through(
                        practicepage_id=page.pk, theme_id=self.ids["theme"][slug]
                    )
                )
            for slug in p.target_groups:
                through["target_groups"].append(
                    PracticePage.target_groups.through(
                        practicepage_id=page.pk, targetgroup_id=self.ids["target_group"][slug]
                    )
                )
            for slug in p.sdgs:
                through["sdg_targets"].append(
                    PracticePage.sdg_targets.through(
                        practicepage_id=page.pk, sdgtarget_id=self.ids["sdg"][slug]
                    )
                )
            for slug in p.tags:
                through["tags"].append(
                    PracticeTag(content_object_id=page.pk, tag_id=self.tag_ids[slug])
                )
        self._insert_children(PracticePage, rows)
        for objs in through.values():
            type(objs[0]).objects.bulk_create(objs, batch_size=self.BATCH * 5)
        by_city = defaultdict(int)
        for p in practices:
            by_city[p.city.page_id] += 1
        for page_id, n in by_city.items():
            Page.objects.filter(pk=page_id).update(numchild=F("numchild") + n)

    def write_documents(self, practices: list[SyntheticPractice]) -> list[SearchDocument]:
        docs = [
            SearchDocument(
                page_id=p.page_id,
                type="practice",
                title=p.title,
                title_sort=unaccent(p.title),
                summary=p.summary,
                body=p.body,
                language=p.language,
                url=f"/cities/{p.city.slug}/{p.slug}/",
                city_slug=p.city.slug,
                city_name=p.city.title,
                country=p.city.country,
                status=p.status,
                year=p.year,
                published_at=p.published_at,
            )
            for p in practices
        ]
        SearchDocument.objects.bulk_create(docs, batch_size=self.BATCH)
        FacetValue.objects.bulk_create(
            [
                FacetValue(
                    document_id=p.page_id,
                    facet=facet,
                    value=value,
                    label=(
                        p.city.title
                        if facet == "city"
                        else self.tag_labels[value]
                        if facet == "tag"
                        else ""
                    ),
                )
                for p in practices
                for facet, values in p.facets.items()
                for value in values
            ],
            batch_size=self.BATCH * 5,
        )
        FacetValue.objects.bulk_create(self._city_rollup(practices), batch_size=self.BATCH * 5)
        IndexState.bump()
        return docs

    def _city_rollup(self, practices: list[SyntheticPractice]) -> list[FacetValue]:
        """The facet values the practices add to their cities' documents (new ones only)."""
        rows = []
        for p in practices:
            for facet in CITY_ROLLUP:
                for value in p.facets[facet]:
                    key = (p.city.page_id, facet, value)
                    if key not in self.city_facets:
                        self.city_facets.add(key)
                        label = self.tag_labels[value] if facet == "tag" else ""
                        rows.append(
                            FacetValue(
                                document_id=p.city.page_id, facet=facet, value=value, label=label
                            )
                        )
        return rows

    def grow(self, stop: int, on_documents=None) -> list[int]:
        """Write practices [written, stop): pages, then documents; returns their page ids.

        `on_documents(docs)` runs after each batch of documents is stored, inside the batch's
        transaction (the runner times the engine's full-text indexing there).
        """
        ids = []
        for start in range(self.written, stop, self.BATCH):
            practices = [
                self.corpus.practice(i) for i in range(start, min(start + self.BATCH, stop))
            ]
            with transaction.atomic():
                began = time.perf_counter()
                self.write_pages(practices)
                self.seconds["pages"] += time.perf_counter() - began
                began = time.perf_counter()
                docs = self.write_documents(practices)
                self.seconds["documents"] += time.perf_counter() - began
                if on_documents is not None:
                    on_documents(docs)
            ids.extend(p.page_id for p in practices)
        self.written = max(self.written, stop)
        # PostgreSQL's autovacuum analyses a production database soon after a bulk load;
        # measured straight after one, it planned with the statistics of the empty tables
        # (a city page's barrier list scanned all 100,000 pages: 150 ms instead of 0.5).
        # SQLite analyses nothing by itself, so neither does the bench.
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        return ids
