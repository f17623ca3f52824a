# ruff: noqa: RUF001 -- French typography: its apostrophe is the typographic one.
"""The city profiles (content.CITIES), keyed by slug.

A city is called by its usual name in each language (Turín, Turim, تورينو); where the
language has none of its own, the name stays as it is. The cities the record says nothing
more about get the one neutral sentence of content.PARTICIPANT_SUMMARY. `governance_bodies`
and `key_figures` give the words of the city's inline items, in their order.
"""

from __future__ import annotations

# slug: (fr, es, ar, pt)
NAMES = {
    "amman": ("Amman", "Amán", "عمّان", "Amã"),
    "banjul": ("Banjul", "Banjul", "بانجول", "Banjul"),
    "barcelona": ("Barcelone", "Barcelona", "برشلونة", "Barcelona"),
    "bizerte": ("Bizerte", "Bizerta", "بنزرت", "Bizerta"),
    "campillos": ("Campillos", "Campillos", "كامبيوس", "Campillos"),
    "casablanca": ("Casablanca", "Casablanca", "الدار البيضاء", "Casablanca"),
    "oujda": ("Oujda", "Oujda", "وجدة", "Oujda"),
    "gipuzkoa": ("Guipuscoa", "Gipuzkoa", "غيبوثكوا", "Guipúscoa"),
    "grenoble": ("Grenoble", "Grenoble", "غرونوبل", "Grenoble"),
    "irbid": ("Irbid", "Irbid", "إربد", "Irbid"),
    "libreville": ("Libreville", "Libreville", "ليبرفيل", "Libreville"),
    "gwangju": ("Gwangju", "Gwangju", "غوانغجو", "Gwangju"),
    "mandlakazi": ("Mandlakazi", "Mandlakazi", "ماندلاكازي", "Mandlakazi"),
    "mexico-city": ("Mexico", "Ciudad de México", "مدينة مكسيكو", "Cidade do México"),
    "montevideo": ("Montevideo", "Montevideo", "مونتيفيديو", "Montevideu"),
    "rabat": ("Rabat", "Rabat", "الرباط", "Rabat"),
    "ramallah": ("Ramallah", "Ramala", "رام الله", "Ramallah"),
    "sao-paulo": ("São Paulo", "São Paulo", "ساو باولو", "São Paulo"),
    "sfax": ("Sfax", "Sfax", "صفاقس", "Sfax"),
    "sousse": ("Sousse", "Sousse", "سوسة", "Sousse"),
    "turin": ("Turin", "Turín", "تورينو", "Turim"),
    "tunis": ("Tunis", "Túnez", "تونس", "Tunes"),
}

LANGUAGE_ORDER = ("fr", "es", "ar", "pt")

PARTICIPANT_SUMMARY = {
    "fr": (
        "{name} a participé au dialogue en ligne entre villes sur les femmes migrantes dans "
        "les villes, en septembre 2020."
    ),
    "es": (
        "{name} participó en el diálogo en línea entre ciudades sobre las mujeres migrantes "
        "en las ciudades, en septiembre de 2020."
    ),
    "ar": (
        "شاركت {name} في الحوار عبر الإنترنت بين المدن حول النساء المهاجرات في المدن، في "
        "سبتمبر 2020."
    ),
    "pt": (
        "{name} participou no diálogo em linha entre cidades sobre as mulheres migrantes nas "
        "cidades, em setembro de 2020."
    ),
}

# What the record tells about the three presenting cities; merged over the defaults.
DETAILS = {
    "sousse": {
        "fr": {
            "summary": (
                "Sousse est un centre touristique et le deuxième pôle universitaire de Tunisie, "
                "sur les routes migratoires qui traversent la Méditerranée. La migration ne "
                "relève pas des compétences de la municipalité, mais la ville agit pour les "
                "femmes migrantes ; le ou la vice-maire y préside une commission pour l’égalité "
                "entre les femmes et les hommes."
            ),
            "mandate_note": (
                "La migration n’est pas une compétence municipale. Sousse agit malgré tout, par "
                "l’aide sociale et en travaillant avec les associations de femmes migrantes."
            ),
            "migration_context": (
                "<p>Sousse se trouve sur les routes migratoires qui traversent la "
                "Méditerranée. Parmi les femmes migrantes, la ville signale un travail précaire "
                "et informel, surtout dans le service domestique, des situations irrégulières "
                "et une hausse des violences domestiques pendant le confinement dû au "
                "COVID-19.</p>"
            ),
            "governance_bodies": [
                {
                    "name": "Commission pour l’égalité entre les femmes et les hommes",
                    "description": "Présidée par le ou la vice-maire.",
                },
            ],
        },
        "es": {
            "summary": (
                "Sousse es un centro turístico y el segundo polo universitario de Túnez, en las "
                "rutas migratorias que cruzan el Mediterráneo. La migración no es competencia "
                "del municipio, pero la ciudad actúa por las mujeres migrantes; su teniente de "
                "alcalde preside una comisión de igualdad de género."
            ),
            "mandate_note": (
                "La migración no es una competencia municipal. Aun así, Sousse actúa mediante "
                "la asistencia social y trabajando con asociaciones de mujeres migrantes."
            ),
            "migration_context": (
                "<p>Sousse se encuentra en las rutas migratorias que cruzan el Mediterráneo. "
                "Entre las mujeres migrantes, la ciudad señala trabajo precario e informal, "
                "sobre todo en el servicio doméstico, situación irregular y un aumento de la "
                "violencia doméstica durante el confinamiento por la COVID-19.</p>"
            ),
            "governance_bodies": [
                {
                    "name": "Comisión de igualdad de género",
                    "description": "Presidida por su teniente de alcalde.",
                },
            ],
        },
        "ar": {
            "summary": (
                "سوسة مركز سياحي وثاني قطب جامعي في تونس، وتقع على طرق الهجرة عبر البحر الأبيض "
                "المتوسط. الهجرة ليست من اختصاص البلدية، ومع ذلك تعمل المدينة من أجل النساء "
                "المهاجرات، ويرأس نائب رئيس البلدية لجنة للمساواة بين الجنسين."
            ),
            "mandate_note": (
                "الهجرة ليست من اختصاص البلدية. ومع ذلك تعمل سوسة من خلال المساعدة الاجتماعية "
                "والتعاون مع جمعيات النساء المهاجرات."
            ),
            "migration_context": (
                "<p>تقع سوسة على طرق الهجرة عبر البحر الأبيض المتوسط. وتُبلغ المدينة، في ما يخص "
                "النساء المهاجرات، عن عمل هش وغير رسمي يتركز في الغالب في الخدمة المنزلية، وعن "
                "أوضاع غير نظامية، وعن تزايد العنف المنزلي خلال الإغلاق المرتبط بجائحة "
                "كوفيد-19.</p>"
            ),
            "governance_bodies": [
                {
                    "name": "لجنة المساواة بين الجنسين",
                    "description": "يرأسها نائب رئيس البلدية.",
                },
            ],
        },
        "pt": {
            "summary": (
                "Sousse é um centro turístico e o segundo polo universitário da Tunísia, nas "
                "rotas migratórias que atravessam o Mediterrâneo. A migração não é da "
                "competência do município, mas a cidade age pelas mulheres migrantes; a "
                "vice-presidência da câmara preside a uma comissão para a igualdade de género."
            ),
            "mandate_note": (
                "A migração não é uma competência municipal. Ainda assim, Sousse age através da "
                "assistência social e trabalhando com associações de mulheres migrantes."
            ),
            "migration_context": (
                "<p>Sousse situa-se nas rotas migratórias que atravessam o Mediterrâneo. Entre "
                "as mulheres migrantes, a cidade relata trabalho precário e informal, sobretudo "
                "no serviço doméstico, situação irregular e um aumento da violência doméstica "
                "durante o confinamento da COVID-19.</p>"
            ),
            "governance_bodies": [
                {
                    "name": "Comissão para a igualdade de género",
                    "description": "Presidida pela vice-presidência da câmara municipal.",
                },
            ],
        },
    },
    "turin": {
        "fr": {
            "summary": (
                "Turin est la quatrième ville d’Italie par la taille. Le regroupement familial "
                "a équilibré la part des hommes et des femmes parmi ses migrants, dont la "
                "moitié sont des femmes. La ville atteint les femmes migrantes par des "
                "initiatives de quartier et communautaires."
            ),
            "mandate_note": (
                "Aucune loi ne définit le rôle de la ville dans l’inclusion des personnes "
                "migrantes. Son action suit des stratégies de financement et ses compétences "
                "dans des domaines comme l’emploi et la formation professionnelle."
            ),
            "women_share_source": (
                "La présentation de la Ville de Turin au dialogue de septembre 2020"
            ),
            "migration_context": (
                "<p>Turin est une ville de destination pour les migrants. Le regroupement "
                "familial a équilibré le nombre d’hommes et de femmes, et les femmes "
                "représentent aujourd’hui la moitié de la population migrante. La ville cite "
                "l’accès limité aux services et le racisme structurel parmi les obstacles que "
                "rencontrent les femmes migrantes, et le soutien est devenu plus difficile "
                "d’accès pendant le COVID-19.</p>"
            ),
        },
        "es": {
            "summary": (
                "Turín es la cuarta ciudad más grande de Italia. La reagrupación familiar ha "
                "equilibrado la proporción de hombres y mujeres entre sus migrantes, la mitad "
                "de los cuales son mujeres. La ciudad llega a las mujeres migrantes mediante "
                "iniciativas de barrio y comunitarias."
            ),
            "mandate_note": (
                "Ninguna ley define el papel de la ciudad en la inclusión de las personas "
                "migrantes. Lo que hace la ciudad responde a estrategias de financiación y a "
                "sus competencias en ámbitos como el empleo y la formación profesional."
            ),
            "women_share_source": (
                "La presentación de la Ciudad de Turín en el diálogo de septiembre de 2020"
            ),
            "migration_context": (
                "<p>Turín es una ciudad de destino para las personas migrantes. La "
                "reagrupación familiar ha equilibrado el número de hombres y mujeres, y las "
                "mujeres son hoy la mitad de la población migrante. La ciudad señala el acceso "
                "limitado a los servicios y el racismo estructural como obstáculos para las "
                "mujeres migrantes, y durante la COVID-19 el apoyo se volvió más difícil de "
                "alcanzar.</p>"
            ),
        },
        "ar": {
            "summary": (
                "تورينو رابع أكبر مدينة في إيطاليا. وقد أدى لمّ شمل الأسر إلى التوازن بين "
                "الرجال والنساء بين مهاجريها، ونصفهم من النساء. وتصل المدينة إلى النساء "
                "المهاجرات من خلال مبادرات في الأحياء ومبادرات مجتمعية."
            ),
            "mandate_note": (
                "لا يحدد أي قانون دور المدينة في إدماج المهاجرين. ويتبع عمل المدينة استراتيجيات "
                "التمويل واختصاصاتها في مجالات مثل التشغيل والتدريب المهني."
            ),
            "women_share_source": "عرض مدينة تورينو في حوار سبتمبر 2020",
            "migration_context": (
                "<p>تورينو وجهة للمهاجرين. وقد أدى لمّ شمل الأسر إلى التوازن بين أعداد الرجال "
                "والنساء، وأصبحت النساء اليوم يشكّلن نصف السكان المهاجرين. وتذكر المدينة "
                "محدودية الوصول إلى الخدمات والعنصرية البنيوية عقباتٍ أمام النساء المهاجرات، "
                "وقد أصبح الوصول إلى الدعم أصعب خلال جائحة كوفيد-19.</p>"
            ),
        },
        "pt": {
            "summary": (
                "Turim é a quarta maior cidade de Itália. O reagrupamento familiar equilibrou a "
                "proporção de homens e mulheres entre os seus migrantes, metade dos quais são "
                "mulheres. A cidade chega às mulheres migrantes através de iniciativas de "
                "bairro e comunitárias."
            ),
            "mandate_note": (
                "Nenhuma lei define o papel da cidade na inclusão de migrantes. O que a cidade "
                "faz segue estratégias de financiamento e as suas competências em áreas como o "
                "emprego e a formação profissional."
            ),
            "women_share_source": (
                "A apresentação da Cidade de Turim no diálogo de setembro de 2020"
            ),
            "migration_context": (
                "<p>Turim é um destino de migrantes. O reagrupamento familiar equilibrou o "
                "número de homens e mulheres, e as mulheres representam hoje metade da "
                "população migrante. A cidade aponta o acesso limitado aos serviços e o racismo "
                "estrutural como obstáculos para as mulheres migrantes, e o apoio tornou-se "
                "mais difícil de alcançar durante a COVID-19.</p>"
            ),
        },
    },
    "sao-paulo": {
        "fr": {
            "summary": (
                "São Paulo est la plus grande ville d’Amérique latine. Une loi locale fait de "
                "l’inclusion des personnes migrantes une mission municipale, et la ville ouvre "
                "le logement, l’école, la santé et les services sociaux à tous ses habitants, "
                "quel que soit leur statut migratoire."
            ),
            "mandate_note": (
                "Les municipalités fournissent les services de base à toutes les personnes qui "
                "y vivent, et la loi de São Paulo pour les migrants, première loi municipale de "
                "ce type au Brésil, inscrit leur inclusion parmi les missions de la ville."
            ),
            "migration_context": (
                "<p>São Paulo est une ville de destination pour les migrants. Ceux-ci ne "
                "peuvent pas voter aux élections fédérales ; la ville leur donne donc la parole "
                "au moyen d’un conseil municipal des migrants.</p>"
            ),
            "governance_bodies": [
                {
                    "name": "Conseil municipal des immigrants",
                    "description": (
                        "Donne aux migrants, qui ne votent pas aux élections fédérales, voix au "
                        "chapitre dans la politique de la ville. Depuis 2015, au moins la "
                        "moitié de ses membres sont des femmes."
                    ),
                },
            ],
            "key_figures": [
                {
                    "label": "Actions du premier plan municipal de politique migratoire",
                    "unit": "actions",
                    "source": (
                        "Premier plan municipal de politique migratoire de São Paulo (août "
                        "2020), tel que la ville l’a présenté au dialogue sur les femmes "
                        "migrantes dans les villes, le 10 septembre 2020"
                    ),
                },
            ],
        },
        "es": {
            "summary": (
                "São Paulo es la ciudad más grande de América Latina. Una ley local hace de la "
                "inclusión de las personas migrantes una tarea municipal, y la ciudad abre la "
                "vivienda, la escuela, la salud y los servicios sociales a todos sus "
                "residentes, sea cual sea su situación migratoria."
            ),
            "mandate_note": (
                "Los municipios prestan servicios básicos a todas las personas que viven en "
                "ellos, y la ley de São Paulo para las personas migrantes, la primera ley "
                "municipal de este tipo en Brasil, hace de su inclusión una tarea de la ciudad."
            ),
            "migration_context": (
                "<p>São Paulo es una ciudad de destino para las personas migrantes. Como no "
                "pueden votar en las elecciones federales, la ciudad les da voz mediante un "
                "consejo municipal de migrantes.</p>"
            ),
            "governance_bodies": [
                {
                    "name": "Consejo Municipal de Inmigrantes",
                    "description": (
                        "Da a las personas migrantes, que no votan en las elecciones federales, "
                        "voz en la política de la ciudad. Desde 2015, al menos la mitad de sus "
                        "miembros son mujeres."
                    ),
                },
            ],
            "key_figures": [
                {
                    "label": "Acciones del primer plan municipal de política migratoria",
                    "unit": "acciones",
                    "source": (
                        "Primer plan municipal de política migratoria de São Paulo (agosto de "
                        "2020), tal como lo presentó la ciudad en el diálogo sobre mujeres "
                        "migrantes en las ciudades, el 10 de septiembre de 2020"
                    ),
                },
            ],
        },
        "ar": {
            "summary": (
                "ساو باولو أكبر مدينة في أمريكا اللاتينية. ويجعل قانون محلي إدماج المهاجرين "
                "مهمة بلدية، وتفتح المدينة السكن والتعليم المدرسي والصحة والخدمات الاجتماعية "
                "لجميع سكانها أيًّا كان وضعهم من حيث الهجرة."
            ),
            "mandate_note": (
                "تقدّم البلديات الخدمات الأساسية لكل من يعيش فيها، ويجعل قانون ساو باولو الخاص "
                "بالمهاجرين، وهو أول قانون بلدي من نوعه في البرازيل، إدماجهم جزءًا من مهام "
                "المدينة."
            ),
            "migration_context": (
                "<p>ساو باولو وجهة للمهاجرين. ولأن المهاجرين لا يستطيعون التصويت في الانتخابات "
                "الاتحادية، تمنحهم المدينة صوتًا من خلال مجلس بلدي للمهاجرين.</p>"
            ),
            "governance_bodies": [
                {
                    "name": "المجلس البلدي للمهاجرين",
                    "description": (
                        "يمنح المهاجرين، الذين لا يحق لهم التصويت في الانتخابات الاتحادية، "
                        "رأيًا في سياسات المدينة. ومنذ عام 2015 لا يقل عدد النساء فيه عن نصف "
                        "أعضائه."
                    ),
                },
            ],
            "key_figures": [
                {
                    "label": "الإجراءات الواردة في أول خطة بلدية لسياسة الهجرة",
                    "unit": "إجراءً",
                    "source": (
                        "أول خطة بلدية لسياسة الهجرة في ساو باولو (أغسطس 2020)، كما عرضتها "
                        "المدينة في الحوار حول النساء المهاجرات في المدن، 10 سبتمبر 2020"
                    ),
                },
            ],
        },
        "pt": {
            "summary": (
                "São Paulo é a maior cidade da América Latina. Uma lei local faz da inclusão de "
                "migrantes uma tarefa municipal, e a cidade abre a habitação, a escola, a saúde "
                "e os serviços sociais a todos os residentes, seja qual for a sua situação "
                "migratória."
            ),
            "mandate_note": (
                "Os municípios prestam serviços básicos a todas as pessoas que neles vivem, e a "
                "lei própria de São Paulo para migrantes, a primeira lei municipal do género no "
                "Brasil, faz da sua inclusão parte das atribuições da cidade."
            ),
            "migration_context": (
                "<p>São Paulo é um destino de migrantes. Como os migrantes não podem votar nas "
                "eleições federais, a cidade dá-lhes voz através de um conselho municipal de "
                "migrantes.</p>"
            ),
            "governance_bodies": [
                {
                    "name": "Conselho Municipal de Imigrantes",
                    "description": (
                        "Dá aos migrantes, que não votam nas eleições federais, voz na política "
                        "da cidade. Desde 2015, pelo menos metade dos seus membros são mulheres."
                    ),
                },
            ],
            "key_figures": [
                {
                    "label": "Ações do primeiro plano municipal de políticas para migrantes",
                    "unit": "ações",
                    "source": (
                        "Primeiro plano municipal de políticas para migrantes de São Paulo "
                        "(agosto de 2020), tal como apresentado pela cidade no diálogo sobre "
                        "mulheres migrantes nas cidades, a 10 de setembro de 2020"
                    ),
                },
            ],
        },
    },
}


def _city(slug: str, names: tuple[str, ...]) -> dict[str, dict]:
    by_language = {}
    for language, name in zip(LANGUAGE_ORDER, names, strict=True):
        by_language[language] = {
            "title": name,
            "summary": PARTICIPANT_SUMMARY[language].format(name=name),
            **DETAILS.get(slug, {}).get(language, {}),
        }
    return by_language


CITIES = {slug: _city(slug, names) for slug, names in NAMES.items()}
