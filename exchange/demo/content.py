"""The demo content, as plain data.

Everything here comes from the facts of the record (the 2020 city-to-city dialogue on migrant
women in cities), written in the project's own words. The sources are copyrighted, so no
sentence is copied from them. Rules followed throughout:

- Facts only: a field the record gives no fact for stays empty (or is left out here).
  No populations, dates, figures or e-mail addresses are made up.
- City coordinates are approximate city-centre positions (two decimals), which are public
  geographic facts needed for the map.
- Vocabulary values are the slugs seeded in exchange/migrations/0002_seed_vocabularies.py.
- Other entries are referred to by `key`: organisations by their key below, dialogue
  sessions by their key, barrier and opportunity records by their key.
"""

from __future__ import annotations

import datetime

# Written in our own words for the Exchange, so offered for reuse with attribution (the
# key of exchange.licences.Licence.CC_BY_4); every demo record carries it.
LICENCE = "cc-by-4.0"

# -- The site's top pages ------------------------------------------------------------------

HOME = {
    "slug": "home",
    "title": "The Exchange",
    "intro": (
        "The Exchange is a shared record of what local governments do with and for migrant "
        "women. Cities publish their practices here, and anyone can look them up, filter "
        "them and set them side by side."
    ),
    "body": (
        "<h2>Who it is for</h2>"
        "<ul>"
        "<li><b>City officials</b>, such as focal points, gender-equality committees and "
        "human-rights offices, who publish their city's work and want to see how other "
        "cities dealt with the same problem.</li>"
        "<li><b>Civil society</b>: migrant women's associations, NGOs and researchers who "
        "browse practices, suggest ones they know of and hold cities to account.</li>"
        "<li><b>Network coordinators</b> in city networks and UN agencies, who run "
        "dialogues between cities and turn what is said there into findings and follow-up "
        "that others can reuse.</li>"
        "</ul>"
        "<h2>What you find here</h2>"
        "<p>Profiles of cities; the practices they run, with what they achieved and what "
        "they learned; barriers and opportunities, whether reported by a city or found "
        "together in a dialogue; and the dialogues themselves.</p>"
        "<h2>Where it comes from</h2>"
        "<p>The Exchange grew out of an online dialogue between cities on migrant women, "
        "held in September 2020. The challenges, barriers and opportunities mapped by its "
        "participants are the categories used to sort everything on this site.</p>"
    ),
}

CITY_INDEX = {
    "slug": "cities",
    "title": "Cities",
    "intro": (
        "Local governments that share their work on migrant women: what they may do, who "
        "migrates to, from or through them, and the practices, barriers and opportunities "
        "they report."
    ),
}

DIALOGUE_INDEX = {
    "slug": "dialogues",
    "title": "Dialogues",
    "intro": (
        "Meetings in which cities, city networks, UN agencies and civil society compared "
        "their experience, and what came out of them."
    ),
}

# The library starts empty: the founding record names no toolkit, report or guide with a
# title and an address we could cite, and the demo invents none.
RESOURCE_INDEX = {
    "slug": "resources",
    "title": "Resources",
    "intro": (
        "Toolkits, reports and guides that help local governments work with and for migrant "
        "women, published by the cities, networks and organisations of the Exchange."
    ),
}

# -- Organisations (snippets), identified by name -----------------------------------------
# `website` is filled only where the official address is certain; `country` only for
# national bodies.

ORGANISATIONS = [
    # UN agencies and international organisations
    {
        "key": "un-women",
        "name": "UN Women",
        "kind": "un-agency",
        "website": "https://www.unwomen.org",
        "description": "The United Nations entity for gender equality and the empowerment "
        "of women.",
    },
    {
        "key": "un-habitat",
        "name": "UN-Habitat",
        "kind": "un-agency",
        "website": "https://unhabitat.org",
        "description": "The United Nations programme for human settlements and urban "
        "development; a partner in the MC2CM project.",
    },
    {
        "key": "icmpd",
        "name": "International Centre for Migration Policy Development",
        "acronym": "ICMPD",
        "kind": "un-agency",
        "website": "https://www.icmpd.org",
        "description": "An international organisation working on migration policy; a "
        "partner in the MC2CM project.",
    },
    {
        "key": "iom",
        "name": "International Organization for Migration",
        "acronym": "IOM",
        "kind": "un-agency",
        "website": "https://www.iom.int",
        "description": "The United Nations agency for migration.",
    },
    {
        "key": "cities-alliance",
        "name": "Cities Alliance",
        "kind": "un-agency",
        "description": "A global partnership on cities, hosted by the United Nations Office "
        "for Project Services (UNOPS).",
    },
    # MC2CM is a project, not a body with member cities: ICMPD leads it with UCLG and
    # UN-Habitat on international funding, so "international organisation" describes it
    # better than "city network", which would put it among membership networks in filters.
    {
        "key": "mc2cm",
        "name": "Mediterranean City-to-City Migration project",
        "acronym": "MC2CM",
        "kind": "un-agency",
        "description": "A project on migration in Mediterranean cities, run by ICMPD, UCLG "
        "and UN-Habitat with funding from the European Union and the Swiss Agency for "
        "Development and Cooperation.",
    },
    # The two funders of MC2CM. OrganisationKind has no "government or donor" kind; the
    # closest is "UN agency or international organisation" (see the loader's report).
    {
        "key": "eu",
        "name": "European Union",
        "acronym": "EU",
        "kind": "un-agency",
        "description": "Co-funds the MC2CM project.",
    },
    {
        "key": "sdc",
        "name": "Swiss Agency for Development and Cooperation",
        "acronym": "SDC",
        "kind": "un-agency",
        "country": "CH",
        "description": "Co-funds the MC2CM project.",
    },
    # City networks
    {
        "key": "uclg",
        "name": "United Cities and Local Governments",
        "acronym": "UCLG",
        "kind": "city-network",
        "website": "https://www.uclg.org",
        "description": "The world organisation of cities, local and regional governments; "
        "a partner in the MC2CM project.",
    },
    {
        "key": "uclg-csipdhr",
        "name": "UCLG Committee on Social Inclusion, Participatory Democracy and Human Rights",
        "acronym": "UCLG-CSIPDHR",
        "kind": "city-network",
        "description": "The committee of UCLG on social inclusion, participatory democracy "
        "and human rights.",
    },
    {
        "key": "uclg-africa",
        "name": "United Cities and Local Governments of Africa",
        "acronym": "UCLG Africa",
        "kind": "city-network",
        "description": "The African section of UCLG.",
    },
    {
        "key": "uclg-mewa",
        "name": "United Cities and Local Governments Middle East and West Asia",
        "acronym": "UCLG MEWA",
        "kind": "city-network",
        "description": "The Middle East and West Asia section of UCLG.",
    },
    {
        "key": "cemr",
        "name": "Council of European Municipalities and Regions",
        "acronym": "CEMR",
        "kind": "city-network",
        "description": "The European association of local and regional governments.",
    },
    {
        "key": "refela",
        "name": "Network of Locally Elected Women of Africa",
        "acronym": "REFELA",
        "kind": "city-network",
        "description": "A network of women elected to local office in Africa. At the 2020 "
        "dialogue it was represented from Burundi and Mozambique.",
    },
    # Funds pooled by municipalities: networks of local governments, national in scope.
    {
        "key": "famsi",
        "name": "Fondo Andaluz de Municipios para la Solidaridad Internacional",
        "acronym": "FAMSI",
        "kind": "city-network",
        "country": "ES",
        "description": "The Andalusian fund of municipalities for international solidarity.",
    },
    {
        "key": "fons-catala",
        "name": "Fons Català de Cooperació al Desenvolupament",
        "acronym": "Fons Català",
        "kind": "city-network",
        "country": "ES",
        "description": "The Catalan fund of local governments for development cooperation.",
    },
    # Civil society
    {
        "key": "new-women-connectors",
        "name": "New Women Connectors",
        "kind": "migrant-womens-association",
        "description": "A collective led by migrant and refugee women in Europe.",
    },
    # The record calls World Enabled a disability-inclusion consultancy. It works as an
    # advocacy organisation rather than a firm, so civil society fits better than private
    # sector; an editor can change the kind if that is wrong.
    {
        "key": "world-enabled",
        "name": "World Enabled",
        "kind": "civil-society",
        "description": "An organisation that advises on the inclusion of people with "
        "disabilities.",
    },
    {
        "key": "wide-plus",
        "name": "Women in Development Europe+",
        "acronym": "WIDE+",
        "kind": "civil-society",
        "description": "A European network working on women's rights and gender equality.",
    },
    {
        "key": "actionaid-spain",
        "name": "ActionAid Spain",
        "kind": "civil-society",
        "country": "ES",
        "description": "The Spanish member of ActionAid, an international NGO.",
    },
    {
        "key": "terre-dasile-tunisie",
        "name": "Terre d'asile Tunisie",
        "kind": "civil-society",
        "country": "TN",
        "description": "An association working with migrants in Tunisia.",
    },
    {
        "key": "unft",
        "name": "Union nationale de la femme tunisienne",
        "acronym": "UNFT",
        "kind": "civil-society",
        "country": "TN",
        "description": "The national women's union of Tunisia.",
    },
    # Think tank on Mediterranean affairs: grouped with research rather than civil society.
    {
        "key": "iemed",
        "name": "European Institute of the Mediterranean",
        "acronym": "IEMed",
        "kind": "academia",
        "country": "ES",
        "description": "A think tank on Euro-Mediterranean relations, based in Barcelona.",
    },
    # Universities
    {
        "key": "utrecht-university",
        "name": "Utrecht University",
        "kind": "academia",
        "country": "NL",
    },
    {
        "key": "university-college-roosevelt",
        "name": "University College Roosevelt",
        "kind": "academia",
        "country": "NL",
    },
    {
        "key": "fau",
        "name": "Friedrich-Alexander-Universität Erlangen-Nürnberg",
        "acronym": "FAU",
        "kind": "academia",
        "country": "DE",
    },
]

# -- Cities (CityProfilePage under /cities/) -----------------------------------------------

# Cities about which the record says nothing beyond their taking part: one neutral sentence.
PARTICIPANT_SUMMARY = (
    "{name} took part in the online city-to-city dialogue on migrant women in cities in "
    "September 2020."
)

# (slug, name, ISO country code, region slug, latitude, longitude)
_PARTICIPANTS = [
    ("amman", "Amman", "JO", "mena", "31.95", "35.93"),
    ("banjul", "Banjul", "GM", "africa", "13.45", "-16.58"),
    ("barcelona", "Barcelona", "ES", "europe", "41.39", "2.17"),
    ("bizerte", "Bizerte", "TN", "mena", "37.27", "9.87"),
    ("campillos", "Campillos", "ES", "europe", "37.05", "-4.86"),
    ("casablanca", "Casablanca", "MA", "mena", "33.57", "-7.59"),
    ("oujda", "Oujda", "MA", "mena", "34.68", "-1.91"),
    # A province has no city centre: the point is its capital, Donostia-San Sebastián.
    ("gipuzkoa", "Gipuzkoa", "ES", "europe", "43.32", "-1.98"),
    ("grenoble", "Grenoble", "FR", "europe", "45.19", "5.72"),
    ("irbid", "Irbid", "JO", "mena", "32.56", "35.85"),
    ("libreville", "Libreville", "GA", "africa", "0.42", "9.47"),
    ("gwangju", "Gwangju", "KR", "asia-pacific", "35.16", "126.85"),
    ("mandlakazi", "Mandlakazi", "MZ", "africa", "-24.71", "33.88"),
    ("mexico-city", "Mexico City", "MX", "americas", "19.43", "-99.13"),
    ("montevideo", "Montevideo", "UY", "americas", "-34.90", "-56.18"),
    ("rabat", "Rabat", "MA", "mena", "34.02", "-6.84"),
    ("ramallah", "Ramallah", "PS", "mena", "31.90", "35.20"),
    ("sao-paulo", "São Paulo", "BR", "americas", "-23.55", "-46.63"),
    ("sfax", "Sfax", "TN", "mena", "34.74", "10.76"),
    ("sousse", "Sousse", "TN", "mena", "35.83", "10.64"),
    ("turin", "Turin", "IT", "europe", "45.07", "7.69"),
    ("tunis", "Tunis", "TN", "mena", "36.81", "10.18"),
]

# What the record tells about the three presenting cities; merged over the defaults below.
_CITY_DETAILS: dict[str, dict] = {
    "gipuzkoa": {"government_kind": "province"},
    "sousse": {
        "summary": (
            "Sousse is a tourist centre and Tunisia's second university hub, on the "
            "migration routes across the Mediterranean. Migration lies outside the "
            "municipality's mandate, yet the city acts for migrant women; its vice-mayor "
            "chairs a gender-equality committee."
        ),
        "mandate": "outside-mandate",
        "mandate_note": (
            "Migration is not a municipal competence. Sousse acts all the same, through "
            "social assistance and by working with migrant women's associations."
        ),
        "is_transit": True,
        "migration_context": (
            "<p>Sousse lies on the migration routes across the Mediterranean. Among "
            "migrant women the city reports precarious and informal work, mostly in "
            "domestic service, irregular status, and a rise in domestic violence during the "
            "COVID-19 lockdown.</p>"
        ),
        "governance_bodies": [
            {"name": "Gender-equality committee", "description": "Chaired by the vice-mayor."},
        ],
    },
    "turin": {
        "summary": (
            "Turin is the fourth-largest city in Italy. Family reunification has evened out "
            "the balance of men and women among its migrants, half of whom are women. The "
            "city reaches migrant women through neighbourhood and community initiatives."
        ),
        # No law gives Turin a role in migrant inclusion; it acts through funded programmes
        # and its competences in employment and vocational training, which it shares with
        # other levels of government. "Shared" is the closest of the three values.
        "mandate": "shared",
        "mandate_note": (
            "No law defines the city's role in migrant inclusion. What the city does follows "
            "funding strategies and its competences in fields such as employment and "
            "vocational training."
        ),
        "is_destination": True,
        # The record: migrant women are half of the migrant population.
        "women_share_of_migrants": "50",
        "women_share_source": "The City of Turin's presentation at the September 2020 dialogue",
        "migration_context": (
            "<p>Turin is a destination for migrants. Family reunification has balanced the "
            "numbers of men and women, and women now make up half of the migrant "
            "population. The city names limited access to services and structural racism "
            "as obstacles for migrant women, and support became harder to reach during "
            "COVID-19.</p>"
        ),
    },
    "sao-paulo": {
        "summary": (
            "São Paulo is the largest city in Latin America. A local law makes the "
            "inclusion of migrants a municipal task, and the city opens housing, schooling, "
            "health and social services to all residents whatever their migration status."
        ),
        "mandate": "own-competence",
        "mandate_note": (
            "Municipalities provide basic services to everyone who lives in them, and São "
            "Paulo's own law for migrants, the first municipal law of its kind in Brazil, "
            "makes their inclusion part of the city's remit."
        ),
        "is_destination": True,
        "migration_context": (
            "<p>São Paulo is a destination for migrants. Migrants cannot vote in federal "
            "elections, so the city gives them a voice through a municipal council for "
            "migrants.</p>"
        ),
        "governance_bodies": [
            {
                "name": "Municipal Council of Immigrants",
                "description": (
                    "Gives migrants, who have no vote in federal elections, a say in city "
                    "policy. At least half of its members have been women since 2015."
                ),
                "women_quota": 50,
                "since_year": 2015,
            },
        ],
        "key_figures": [
            {
                "label": "Actions in the first municipal plan for migrant policy",
                "value": "80",
                "unit": "actions",
                "year": 2020,
                "source": (
                    "São Paulo's first municipal plan for migrant policy (August 2020), as "
                    "presented by the city at the dialogue on migrant women in cities, "
                    "10 September 2020"
                ),
            },
        ],
    },
}

CITIES = [
    {
        "slug": slug,
        "title": name,
        "country": country,
        "region": region,
        "government_kind": "municipality",
        "latitude": latitude,
        "longitude": longitude,
        "summary": PARTICIPANT_SUMMARY.format(name=name),
        **_CITY_DETAILS.get(slug, {}),
    }
    for slug, name, country, region, latitude, longitude in _PARTICIPANTS
]

# -- The founding dialogue (DialoguePage under /dialogues/) --------------------------------

DIALOGUE = {
    "slug": "migrant-women-in-cities-2020",
    "title": "Migrant women in cities: a city-to-city dialogue",
    "date": datetime.date(2020, 9, 10),
    "format": "virtual",
    "approx_participants": 100,
    "summary": (
        "An online working session on 10 September 2020 in which about 100 people from 25 "
        "local governments, city networks, UN agencies, universities and civil society "
        "looked at what migrant women face in cities and what local governments can do "
        "about it."
    ),
    "body": (
        "<p>The session took place within the Mediterranean City-to-City Migration project "
        "(MC2CM), which ICMPD, UCLG and UN-Habitat run with funding from the European Union "
        "and the Swiss Agency for Development and Cooperation. UCLG's committee on social "
        "inclusion, participatory democracy and human rights organised it with them.</p>"
        "<p>After an opening panel, Sousse, Turin and São Paulo presented their local work. "
        "Participants then split into three mixed groups of cities, networks, agencies and "
        "civil society. One group mapped the challenges migrant women face, one the "
        "barriers that hold local governments back, and one the opportunities for local "
        "action. A closing session drew together ways forward and resources.</p>"
        "<p>The categories the groups mapped are the themes, barrier categories and "
        "opportunity categories used across the Exchange.</p>"
    ),
    "ways_forward": (
        "<p>Participants named six directions to pursue:</p>"
        "<ul>"
        "<li>comprehensive approaches;</li>"
        "<li>monitoring the challenges that are specific to women;</li>"
        "<li>cooperation between many kinds of stakeholders;</li>"
        "<li>cooperation from city to city;</li>"
        "<li>dialogue between local and national government;</li>"
        "<li>building trust and safety.</li>"
        "</ul>"
    ),
    "organisers": ["icmpd", "uclg", "un-habitat", "uclg-csipdhr"],
    # Everyone the record lists as present. The funders (EU, SDC) are not known to have
    # attended, and MC2CM is the framework the organisers worked in, so they are left out.
    "participating_organisations": [
        "un-women",
        "un-habitat",
        "icmpd",
        "uclg",
        "uclg-csipdhr",
        "uclg-africa",
        "uclg-mewa",
        "cemr",
        "cities-alliance",
        "iom",
        "iemed",
        "new-women-connectors",
        "world-enabled",
        "wide-plus",
        "actionaid-spain",
        "terre-dasile-tunisie",
        "unft",
        "famsi",
        "fons-catala",
        "refela",
        "utrecht-university",
        "university-college-roosevelt",
        "fau",
    ],
    "participating_cities": [city["slug"] for city in CITIES],
    # Sessions are looked up again by title when the dialogue already exists.
    "sessions": [
        {
            "key": "opening",
            "title": "Opening panel",
            "kind": "opening",
            "summary": (
                "Speakers from UN Women, UN-Habitat, World Enabled and New Women Connectors "
                "opened the session."
            ),
            "speakers": [
                {"organisation": "un-women", "role": "Panellist"},
                {"organisation": "un-habitat", "role": "Panellist"},
                {"organisation": "world-enabled", "role": "Panellist"},
                {"organisation": "new-women-connectors", "role": "Panellist"},
            ],
        },
        {
            # The speakers were the three cities, which are pages, not organisations, so
            # the speaker list stays empty and the summary names them.
            "key": "presentations",
            "title": "Segment 1: cities present their work",
            "kind": "presentations",
            "summary": (
                "Sousse, Turin and São Paulo each presented a local initiative for migrant women."
            ),
        },
        {
            "key": "challenges",
            "title": "Breakout: challenges migrant women face",
            "kind": "breakout",
            "summary": (
                "Mapped four groups of challenges: safety and violence; rights and legal "
                "status; inclusion and participation; economic empowerment."
            ),
            "questions": [
                "Which difficulties do migrant women in your city meet most often?",
                "Which women are hardest for public services to reach, and why?",
                "What changed for migrant women during the COVID-19 pandemic?",
            ],
        },
        {
            "key": "barriers",
            "title": "Breakout: barriers to local government action",
            "kind": "breakout",
            "summary": (
                "Mapped six kinds of barrier: mandate and resources; awareness and "
                "capacity; trust; information and data; monitoring; dialogue with "
                "stakeholders and between levels of government."
            ),
            "questions": [
                "What keeps your local government from doing more for migrant women?",
                "Which powers, money, staff or data are missing?",
                "Where does working with civil society or with national government get stuck?",
            ],
        },
        {
            "key": "opportunities",
            "title": "Breakout: opportunities for local action",
            "kind": "breakout",
            "summary": (
                "Mapped five kinds of opportunity: gender mainstreaming; protection; "
                "inclusion services; multi-stakeholder cooperation; city networking."
            ),
            "questions": [
                "What can a city already do within its present powers?",
                "Which partners could help, and in what way?",
                "What could cities achieve by working together?",
            ],
        },
        {
            "key": "closing",
            "title": "Closing: ways forward and resources",
            "kind": "closing",
            "summary": (
                "Drew together the ways forward named during the session and pointed "
                "participants to resources for further work."
            ),
        },
    ],
}

# -- Network-level findings (BarrierPage / OpportunityPage under the dialogue) -------------
# One record per category, from the matching breakout session. They are not linked to
# reporting cities: the groups mixed cities and organisations, and the record does not say
# which city raised what.

NETWORK_BARRIERS = [
    {
        "key": "network-mandate",
        "slug": "lack-of-mandate-and-resources",
        "title": "Lack of a formal mandate, budget and staff",
        "category": "mandate-and-resources",
        "summary": (
            "Participants pointed to local governments with no formal competence for "
            "migrant inclusion, and to small budgets and few staff for the work."
        ),
    },
    {
        "key": "network-awareness",
        "slug": "low-awareness-and-untrained-staff",
        "title": "Low awareness and untrained staff",
        "category": "awareness-and-capacity",
        "summary": (
            "Staff lack training, awareness of migrant women's situation is low, and other "
            "priorities compete for attention. Participants saw this as a barrier running "
            "through all the others."
        ),
    },
    {
        "key": "network-trust",
        "slug": "trust-is-hard-to-gain",
        "title": "Migrant women's trust is hard to gain",
        "category": "trust",
        "summary": "Local governments find it hard to win the trust of migrant women.",
    },
    {
        "key": "network-information",
        "slug": "scarce-information-and-data",
        "title": "Scarce information and data",
        "category": "information-access",
        "summary": "Local governments have only limited information and data to act on.",
    },
    {
        "key": "network-monitoring",
        "slug": "few-ways-to-monitor-outcomes-for-women",
        "title": "Few ways to monitor outcomes for women",
        "category": "monitoring",
        "summary": "There are few mechanisms to follow results that concern women in particular.",
    },
    {
        "key": "network-dialogue",
        "slug": "weak-dialogue-with-stakeholders-and-national-level",
        "title": "Weak dialogue with stakeholders and with national government",
        "category": "stakeholder-dialogue",
        "summary": (
            "Dialogue is weak both with stakeholders and between local and national levels "
            "of government."
        ),
    },
]

NETWORK_OPPORTUNITIES = [
    {
        "key": "network-mainstreaming",
        "slug": "gender-aware-policy-making",
        "title": "Gender-aware policy-making",
        "category": "gender-mainstreaming",
        "summary": (
            "Changing the way policy is made: public space designed with overlapping forms "
            "of disadvantage in mind, training for staff, and better information."
        ),
    },
    {
        "key": "network-protection",
        "slug": "protection-and-safe-spaces",
        "title": "Protection and safe spaces",
        "category": "protection",
        "summary": "Psychological support, safe spaces and shelter for migrant women.",
    },
    {
        "key": "network-services",
        "slug": "services-for-inclusion",
        "title": "Services for inclusion",
        "category": "inclusion-services",
        "summary": (
            "Access to higher education, language courses, help into work, subsidies and "
            "care services."
        ),
    },
    {
        "key": "network-multi-stakeholder",
        "slug": "working-across-sectors-and-levels",
        "title": "Working across sectors and levels of government",
        "category": "multi-stakeholder",
        "summary": (
            "Cooperation with businesses, civil society and universities, accreditation, "
            "and coordination between levels of government."
        ),
    },
    {
        "key": "network-cities",
        "slug": "cities-learning-and-advocating-together",
        "title": "Cities learning and advocating together",
        "category": "city-networking",
        "summary": (
            "Sharing practices, scaling up what works, common checklists and monitoring, "
            "and joint advocacy."
        ),
    },
]

# -- Recommendations (RecommendationPage under the dialogue) ------------------------------
# The six ways forward the closing session drew together. the record names the directions,
# not whom each one addresses, so the audience stays empty ("not stated").

NETWORK_RECOMMENDATIONS = [
    {
        "key": "way-comprehensive",
        "slug": "take-a-comprehensive-approach",
        "title": "Take a comprehensive approach",
        "summary": (
            "Respond to what migrant women face as a whole rather than one problem at a time."
        ),
    },
    {
        "key": "way-monitoring",
        "slug": "monitor-challenges-specific-to-women",
        "title": "Monitor the challenges specific to women",
        "summary": "Follow the difficulties and results that concern migrant women in particular.",
    },
    {
        "key": "way-multi-stakeholder",
        "slug": "cooperate-across-stakeholders",
        "title": "Cooperate across stakeholders",
        "summary": (
            "Work with civil society, universities, businesses and international partners, "
            "not alone."
        ),
    },
    {
        "key": "way-city-to-city",
        "slug": "cooperate-from-city-to-city",
        "title": "Cooperate from city to city",
        "summary": "Learn from peer cities and build on what they have already tried.",
    },
    {
        "key": "way-local-national",
        "slug": "keep-local-and-national-government-talking",
        "title": "Keep local and national government talking",
        "summary": ("Build a regular dialogue between local and national levels of government."),
    },
    {
        "key": "way-trust-safety",
        "slug": "build-trust-and-safety",
        "title": "Build trust and safety",
        "summary": "Earn migrant women's trust and make the places they live in safe.",
    },
]

# -- Records reported by a city (under the city, from the city presentations) -------------
# BarrierCategory describes barriers to *local government* action, while cities reported
# what migrant women face; each record gets the category of the obstacle the city meets.

CITY_BARRIERS = [
    {
        "key": "sousse-precarious-work",
        "city": "sousse",
        "slug": "precarious-work-and-exploitation",
        "title": "Precarious work and risk of exploitation",
        # Labour conditions and migration are outside the municipality's remit.
        "category": "mandate-and-resources",
        "summary": (
            "Sousse reported that migrant women's work is insecure and leaves them open to "
            "exploitation."
        ),
    },
    {
        "key": "sousse-irregular-status",
        "city": "sousse",
        "slug": "irregular-status-and-informal-domestic-work",
        "title": "Irregular status and informal domestic work",
        # Women without papers working in private homes are the hardest for a city to
        # reach; the obstacle is contact and trust rather than a missing power.
        "category": "trust",
        "summary": (
            "Sousse named irregular status, and informal work that is mostly domestic "
            "service, among the difficulties of migrant women in the city."
        ),
    },
    {
        "key": "sousse-domestic-violence",
        "city": "sousse",
        "slug": "domestic-violence-during-lockdown",
        "title": "More domestic violence during lockdown",
        # A rise in violence behind closed doors is a women-specific outcome that cities
        # can hardly follow: the closest category is monitoring.
        "category": "monitoring",
        "summary": "Sousse reported that domestic violence rose during the COVID-19 lockdown.",
    },
    {
        "key": "sousse-information-health",
        "city": "sousse",
        "slug": "poor-access-to-information-and-health-services",
        "title": "Poor access to information and health services",
        "category": "information-access",
        "summary": (
            "Migrant women in Sousse have difficulty getting information and using health "
            "services."
        ),
    },
    {
        "key": "sousse-health-staff",
        "city": "sousse",
        "slug": "health-staff-unaware-of-migrants-rights",
        "title": "Regional health staff unaware of migrants' rights",
        "category": "awareness-and-capacity",
        "summary": (
            "Sousse found that staff of the regional health services did not know the "
            "rights migrants have."
        ),
    },
    {
        "key": "turin-access-to-services",
        "city": "turin",
        "slug": "limited-access-to-services",
        "title": "Limited access to services",
        # Turin's role follows funding rather than a legal mandate, which bounds the
        # services it can offer.
        "category": "mandate-and-resources",
        "summary": "Turin reported that migrant women have limited access to services.",
    },
    {
        "key": "turin-structural-racism",
        "city": "turin",
        "slug": "structural-racism",
        "title": "Structural racism",
        # Racism built into institutions is, for the city, a question of awareness and of
        # how staff are trained.
        "category": "awareness-and-capacity",
        "summary": "Turin named structural racism as an obstacle for migrant women.",
    },
    {
        "key": "turin-covid-support",
        "city": "turin",
        "slug": "support-hard-to-reach-during-covid-19",
        "title": "Support hard to reach during COVID-19",
        # During the pandemic the usual routes to information and help were cut.
        "category": "information-access",
        "summary": (
            "Turin reported that during the COVID-19 pandemic migrant women found support "
            "hard to reach."
        ),
    },
]

CITY_OPPORTUNITIES = [
    {
        "key": "sousse-trust",
        "city": "sousse",
        "slug": "trust-between-administration-and-associations",
        "title": "Trust between the city and migrant women's associations",
        "category": "multi-stakeholder",
        "summary": (
            "Sousse sees the relations of trust between its administration, civil society "
            "organisations and migrant women's associations as a basis for further work."
        ),
    },
]

# -- Practices (PracticePage under their city, presented in segment 1) --------------------

PRACTICES = [
    {
        "city": "sousse",
        "slug": "cooperation-with-migrant-womens-associations",
        "title": "Working with migrant women's associations",
        "summary": (
            "While managing the COVID-19 crisis, Sousse began to work with migrant women's "
            "associations. It gave social assistance to mothers with children, pregnant "
            "women and working women, and surveyed migrants' situation during the pandemic, "
            "although migration is outside its mandate."
        ),
        "description": (
            "<p>The practice grew out of the city's response to COVID-19 and has three "
            "strands:</p>"
            "<ul>"
            "<li><b>Cooperation with migrant women's associations</b>, built up during the "
            "crisis.</li>"
            "<li><b>Social assistance</b> aimed at mothers with children, pregnant women and "
            "working women.</li>"
            "<li><b>Surveys</b> of the situation of migrants during the pandemic.</li>"
            "</ul>"
        ),
        "themes": ["rights-and-legal-status", "inclusion-and-participation"],
        "target_groups": ["mothers-and-children", "pregnant-women", "working-women"],
        "action_type": "partnership-with-civil-society",
        "mandate": "outside-mandate",
        "lessons": (
            "<p>Cooperation built during a crisis left relations of trust between the "
            "administration, civil society organisations and migrant women's associations, "
            "which the city counts as an opportunity for further work.</p>"
        ),
        "transferability": (
            "<p>Shows that a city can act for migrant women even when migration is outside "
            "its mandate, by working with migrant women's associations and through its own "
            "social assistance.</p>"
        ),
        "sdg_targets": ["5-1", "10-7"],
        "tags": ["covid-19", "migrant women's associations", "social assistance", "surveys"],
        "barriers": ["sousse-information-health", "network-information"],
        "opportunities": ["sousse-trust", "network-multi-stakeholder"],
    },
    {
        "city": "turin",
        "slug": "women-in-the-neighbourhood",
        "title": "Women in the neighbourhood",
        "summary": (
            "Long-settled migrant women in Turin find their way to services through "
            "peer-to-peer relations with local shops and businesses in their neighbourhood."
        ),
        "description": (
            "<p>The initiative uses everyday, peer-to-peer contact between long-settled "
            "migrant women and local commercial businesses as a route into services.</p>"
        ),
        "themes": ["inclusion-and-participation"],
        "target_groups": ["long-settled-migrant-women"],
        "action_type": "information-and-outreach",
        "mandate": "shared",
        "sdg_targets": ["5-1", "10-7"],
        "tags": ["peer support", "neighbourhood", "local businesses"],
        "barriers": ["turin-access-to-services"],
        "opportunities": ["network-multi-stakeholder"],
    },
    {
        "city": "turin",
        "slug": "community-association",
        "title": "Community Association",
        "summary": (
            "Working groups of people from Turin's many migrant communities gather what "
            "their communities need and pass it on to the municipal departments concerned."
        ),
        "description": (
            "<p>The members of the working groups differ in age, nationality, minority and "
            "generation. The groups collect the needs of their communities and bring them "
            "to the relevant municipal departments.</p>"
        ),
        "themes": ["inclusion-and-participation"],
        "target_groups": ["migrant-communities"],
        "action_type": "participation-and-governance",
        "mandate": "shared",
        "sdg_targets": ["10-7", "16-7"],
        "tags": ["participation", "working groups", "community"],
        "barriers": ["turin-access-to-services", "network-dialogue"],
        "opportunities": ["network-multi-stakeholder"],
    },
    {
        "city": "sao-paulo",
        "slug": "municipal-policy-for-immigrants",
        "title": "Municipal policy for immigrants",
        "summary": (
            "São Paulo was the first Brazilian city to pass a municipal law for migrants. Its "
            "policy opens housing, schooling, health and social services to migrants "
            "whatever their status, and gives them a voice through a municipal council in "
            "which at least half the members are women."
        ),
        "description": (
            "<p>The policy rests on a municipal law, the first of its kind in Brazil, and "
            "follows a five-pillar approach. Its main elements:</p>"
            "<ul>"
            "<li>Housing, schooling, health care and social services open to every migrant, "
            "regardless of status.</li>"
            "<li>A municipal council for migrants. Migrants cannot vote in federal "
            "elections, so the council is their channel into city policy; since 2015 at "
            "least half of its members have been women.</li>"
            "<li>The city's first municipal plan for migrant policy, issued in August 2020, "
            "with 80 actions to be carried out from 2021.</li>"
            "</ul>"
        ),
        "themes": ["rights-and-legal-status", "inclusion-and-participation"],
        "target_groups": ["migrant-communities", "women-with-irregular-status"],
        "action_type": "policy-and-planning",
        "mandate": "own-competence",
        "results": (
            "<p>Since 2015 at least half of the members of the municipal council for "
            "migrants have been women. In August 2020 the city issued its first municipal "
            "plan for migrant policy, with 80 actions starting in 2021.</p>"
        ),
        "transferability": (
            "<p>Rests on a local legal basis: a municipal law makes migrant inclusion the "
            "city's task. A city without such a law would need another basis for acting.</p>"
        ),
        "sdg_targets": ["5-5", "10-7", "16-7"],
        "tags": ["municipal law", "migrants' council", "universal access", "women's quota"],
        "barriers": ["network-mandate", "network-dialogue"],
        "opportunities": ["network-mainstreaming"],
    },
    {
        "city": "sao-paulo",
        "slug": "reference-and-service-centre-for-immigrants",
        "title": "Reference and service centre for immigrants",
        "summary": (
            "Since 2014 São Paulo has run a reference and service centre where migrants are "
            "received and helped in several languages."
        ),
        "description": (
            "<p>The centre belongs to the city's municipal policy for migrants, which opens "
            "public services to everyone regardless of migration status.</p>"
        ),
        "themes": ["rights-and-legal-status", "inclusion-and-participation"],
        "target_groups": ["migrant-communities"],
        "action_type": "service-provision",
        "mandate": "own-competence",
        "start_year": 2014,
        "sdg_targets": ["10-7"],
        "tags": ["multilingual", "information"],
        "barriers": ["network-information"],
        "opportunities": ["network-services"],
    },
]
