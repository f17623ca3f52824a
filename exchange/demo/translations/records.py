# ruff: noqa: RUF001 -- French typography: its apostrophe is the typographic one.
"""Barrier, opportunity and recommendation records (content.NETWORK_BARRIERS,
NETWORK_OPPORTUNITIES, NETWORK_RECOMMENDATIONS, CITY_BARRIERS, CITY_OPPORTUNITIES), keyed by
their key in content.py. Each language gives (title, summary), the fields a record shows."""

from __future__ import annotations


def _record(**by_language: tuple[str, str]) -> dict[str, dict[str, str]]:
    return {
        language: {"title": title, "summary": summary}
        for language, (title, summary) in by_language.items()
    }


NETWORK_BARRIERS = {
    "network-mandate": _record(
        fr=(
            "Absence de mandat formel, de budget et de personnel",
            "Les participants ont évoqué des collectivités locales sans compétence formelle "
            "pour l’inclusion des personnes migrantes, ainsi que des budgets modestes et un "
            "personnel réduit pour ce travail.",
        ),
        es=(
            "Falta de mandato formal, presupuesto y personal",
            "Los participantes señalaron gobiernos locales sin competencia formal en la "
            "inclusión de las personas migrantes, así como presupuestos reducidos y poco "
            "personal para esta labor.",
        ),
        ar=(
            "غياب الولاية الرسمية والميزانية والموظفين",
            "أشار المشاركون إلى حكومات محلية لا تملك اختصاصًا رسميًا في إدماج المهاجرين، وإلى "
            "ميزانيات صغيرة وقلة الموظفين المخصصين لهذا العمل.",
        ),
        pt=(
            "Falta de mandato formal, orçamento e pessoal",
            "Os participantes apontaram governos locais sem competência formal para a inclusão "
            "de migrantes, bem como orçamentos reduzidos e pouco pessoal para este trabalho.",
        ),
    ),
    "network-awareness": _record(
        fr=(
            "Faible sensibilisation et personnel non formé",
            "Le personnel manque de formation, la situation des femmes migrantes est mal "
            "connue et d’autres priorités accaparent l’attention. Les participants y ont vu "
            "un obstacle qui traverse tous les autres.",
        ),
        es=(
            "Poca sensibilización y personal sin formación",
            "El personal carece de formación, se conoce poco la situación de las mujeres "
            "migrantes y otras prioridades compiten por la atención. Los participantes lo "
            "consideraron un obstáculo que atraviesa todos los demás.",
        ),
        ar=(
            "ضعف الوعي وعدم تدريب الموظفين",
            "يفتقر الموظفون إلى التدريب، والوعي بوضع النساء المهاجرات ضعيف، وتتنافس أولويات "
            "أخرى على الاهتمام. ورأى المشاركون في ذلك عقبة تتخلل جميع العقبات الأخرى.",
        ),
        pt=(
            "Pouca sensibilização e pessoal sem formação",
            "O pessoal não tem formação, a situação das mulheres migrantes é pouco conhecida e "
            "outras prioridades disputam a atenção. Os participantes viram nisto uma barreira "
            "que atravessa todas as outras.",
        ),
    ),
    "network-trust": _record(
        fr=(
            "La confiance des femmes migrantes est difficile à gagner",
            "Les collectivités locales ont du mal à gagner la confiance des femmes migrantes.",
        ),
        es=(
            "Es difícil ganarse la confianza de las mujeres migrantes",
            "A los gobiernos locales les cuesta ganarse la confianza de las mujeres migrantes.",
        ),
        ar=(
            "صعوبة كسب ثقة النساء المهاجرات",
            "تجد الحكومات المحلية صعوبة في كسب ثقة النساء المهاجرات.",
        ),
        pt=(
            "A confiança das mulheres migrantes é difícil de conquistar",
            "Os governos locais têm dificuldade em conquistar a confiança das mulheres migrantes.",
        ),
    ),
    "network-information": _record(
        fr=(
            "Peu d’informations et de données",
            "Les collectivités locales ne disposent que d’informations et de données limitées "
            "pour agir.",
        ),
        es=(
            "Escasa información y pocos datos",
            "Los gobiernos locales solo cuentan con información y datos limitados en los que "
            "basar su acción.",
        ),
        ar=(
            "شُحّ المعلومات والبيانات",
            "لا تملك الحكومات المحلية سوى معلومات وبيانات محدودة تستند إليها في عملها.",
        ),
        pt=(
            "Informação e dados escassos",
            "Os governos locais dispõem apenas de informação e dados limitados em que basear a "
            "sua ação.",
        ),
    ),
    "network-monitoring": _record(
        fr=(
            "Peu de moyens de suivre les résultats pour les femmes",
            "Il existe peu de mécanismes pour suivre les résultats qui concernent "
            "spécifiquement les femmes.",
        ),
        es=(
            "Pocas formas de seguir los resultados para las mujeres",
            "Hay pocos mecanismos para seguir los resultados que conciernen específicamente a "
            "las mujeres.",
        ),
        ar=(
            "قلة وسائل رصد النتائج الخاصة بالنساء",
            "توجد آليات قليلة لمتابعة النتائج التي تخص النساء تحديدًا.",
        ),
        pt=(
            "Poucas formas de monitorizar os resultados para as mulheres",
            "Existem poucos mecanismos para acompanhar os resultados que dizem respeito "
            "especificamente às mulheres.",
        ),
    ),
    "network-dialogue": _record(
        fr=(
            "Un dialogue faible avec les acteurs et avec le gouvernement national",
            "Le dialogue est faible, tant avec les acteurs concernés qu’entre les échelons "
            "local et national de gouvernement.",
        ),
        es=(
            "Diálogo débil con los actores y con el gobierno nacional",
            "El diálogo es débil tanto con los actores implicados como entre los niveles "
            "local y nacional de gobierno.",
        ),
        ar=(
            "ضعف الحوار مع الأطراف المعنية ومع الحكومة الوطنية",
            "الحوار ضعيف سواء مع الأطراف المعنية أو بين المستويين المحلي والوطني للحكم.",
        ),
        pt=(
            "Diálogo fraco com as partes interessadas e com o governo nacional",
            "O diálogo é fraco tanto com as partes interessadas como entre os níveis local e "
            "nacional de governo.",
        ),
    ),
}

NETWORK_OPPORTUNITIES = {
    "network-mainstreaming": _record(
        fr=(
            "Des politiques attentives au genre",
            "Changer la manière de faire les politiques : un espace public conçu en tenant "
            "compte des désavantages qui se cumulent, la formation du personnel et une "
            "meilleure information.",
        ),
        es=(
            "Políticas con perspectiva de género",
            "Cambiar la forma de hacer políticas: espacio público diseñado teniendo en cuenta "
            "las desventajas que se superponen, formación del personal y mejor información.",
        ),
        ar=(
            "صنع سياسات يراعي المنظور الجنساني",
            "تغيير طريقة صنع السياسات: فضاء عام يُصمَّم مع مراعاة أشكال الحرمان المتداخلة، "
            "وتدريب الموظفين، ومعلومات أفضل.",
        ),
        pt=(
            "Políticas atentas ao género",
            "Mudar a forma de fazer políticas: espaço público pensado tendo em conta formas de "
            "desvantagem que se sobrepõem, formação do pessoal e melhor informação.",
        ),
    ),
    "network-protection": _record(
        fr=(
            "Protection et espaces sûrs",
            "Soutien psychologique, espaces sûrs et mise à l’abri pour les femmes migrantes.",
        ),
        es=(
            "Protección y espacios seguros",
            "Apoyo psicológico, espacios seguros y refugio para las mujeres migrantes.",
        ),
        ar=(
            "الحماية والأماكن الآمنة",
            "الدعم النفسي والأماكن الآمنة والإيواء للنساء المهاجرات.",
        ),
        pt=(
            "Proteção e espaços seguros",
            "Apoio psicológico, espaços seguros e abrigo para as mulheres migrantes.",
        ),
    ),
    "network-services": _record(
        fr=(
            "Des services pour l’inclusion",
            "Accès à l’enseignement supérieur, cours de langue, aide pour entrer dans "
            "l’emploi, aides financières et services de soin.",
        ),
        es=(
            "Servicios para la inclusión",
            "Acceso a la educación superior, cursos de idiomas, apoyo para acceder al empleo, "
            "subvenciones y servicios de cuidados.",
        ),
        ar=(
            "خدمات من أجل الإدماج",
            "الوصول إلى التعليم العالي، ودورات اللغة، والمساعدة على دخول سوق العمل، والإعانات، "
            "وخدمات الرعاية.",
        ),
        pt=(
            "Serviços para a inclusão",
            "Acesso ao ensino superior, cursos de língua, apoio à entrada no mercado de "
            "trabalho, subsídios e serviços de cuidados.",
        ),
    ),
    "network-multi-stakeholder": _record(
        fr=(
            "Travailler entre secteurs et échelons de gouvernement",
            "Coopération avec les entreprises, la société civile et les universités, "
            "accréditation, et coordination entre les échelons de gouvernement.",
        ),
        es=(
            "Trabajar entre sectores y niveles de gobierno",
            "Cooperación con empresas, sociedad civil y universidades, acreditación y "
            "coordinación entre niveles de gobierno.",
        ),
        ar=(
            "العمل عبر القطاعات ومستويات الحكم",
            "التعاون مع الشركات والمجتمع المدني والجامعات، والاعتماد، والتنسيق بين مستويات الحكم.",
        ),
        pt=(
            "Trabalhar entre setores e níveis de governo",
            "Cooperação com empresas, sociedade civil e universidades, acreditação e "
            "coordenação entre níveis de governo.",
        ),
    ),
    "network-cities": _record(
        fr=(
            "Des villes qui apprennent et plaident ensemble",
            "Partager les pratiques, étendre ce qui fonctionne, des listes de contrôle et un "
            "suivi communs, et un plaidoyer conjoint.",
        ),
        es=(
            "Ciudades que aprenden e inciden juntas",
            "Compartir prácticas, ampliar lo que funciona, listas de verificación y "
            "seguimiento comunes, e incidencia conjunta.",
        ),
        ar=(
            "مدن تتعلم وتدافع معًا",
            "تبادل الممارسات، وتوسيع نطاق ما ينجح، وقوائم مرجعية ورصد مشتركان، ومناصرة مشتركة.",
        ),
        pt=(
            "Cidades que aprendem e fazem advocacia em conjunto",
            "Partilhar práticas, alargar o que funciona, listas de verificação e "
            "monitorização comuns, e advocacia conjunta.",
        ),
    ),
}

NETWORK_RECOMMENDATIONS = {
    "way-comprehensive": _record(
        fr=(
            "Adopter une approche globale",
            "Répondre à l’ensemble de ce que vivent les femmes migrantes plutôt qu’à un "
            "problème après l’autre.",
        ),
        es=(
            "Adoptar un enfoque integral",
            "Responder a lo que enfrentan las mujeres migrantes en su conjunto, y no a un "
            "problema cada vez.",
        ),
        ar=(
            "اعتماد مقاربة شاملة",
            "الاستجابة لما تواجهه النساء المهاجرات ككل بدلًا من معالجة مشكلة واحدة في كل مرة.",
        ),
        pt=(
            "Adotar uma abordagem abrangente",
            "Responder àquilo que as mulheres migrantes enfrentam no seu conjunto, e não a um "
            "problema de cada vez.",
        ),
    ),
    "way-monitoring": _record(
        fr=(
            "Suivre les défis propres aux femmes",
            "Suivre les difficultés et les résultats qui concernent spécifiquement les femmes "
            "migrantes.",
        ),
        es=(
            "Seguir los retos específicos de las mujeres",
            "Hacer seguimiento de las dificultades y los resultados que conciernen "
            "específicamente a las mujeres migrantes.",
        ),
        ar=(
            "رصد التحديات الخاصة بالنساء",
            "متابعة الصعوبات والنتائج التي تخص النساء المهاجرات تحديدًا.",
        ),
        pt=(
            "Monitorizar os desafios específicos das mulheres",
            "Acompanhar as dificuldades e os resultados que dizem respeito especificamente às "
            "mulheres migrantes.",
        ),
    ),
    "way-multi-stakeholder": _record(
        fr=(
            "Coopérer avec tous les acteurs",
            "Travailler avec la société civile, les universités, les entreprises et les "
            "partenaires internationaux, et non isolément.",
        ),
        es=(
            "Cooperar con todos los actores",
            "Trabajar con la sociedad civil, las universidades, las empresas y los socios "
            "internacionales, no en solitario.",
        ),
        ar=(
            "التعاون بين الأطراف المعنية",
            "العمل مع المجتمع المدني والجامعات والشركات والشركاء الدوليين، لا بصورة منفردة.",
        ),
        pt=(
            "Cooperar com as várias partes interessadas",
            "Trabalhar com a sociedade civil, as universidades, as empresas e os parceiros "
            "internacionais, e não isoladamente.",
        ),
    ),
    "way-city-to-city": _record(
        fr=(
            "Coopérer de ville à ville",
            "Apprendre des villes homologues et s’appuyer sur ce qu’elles ont déjà tenté.",
        ),
        es=(
            "Cooperar de ciudad a ciudad",
            "Aprender de ciudades homólogas y construir sobre lo que ya han probado.",
        ),
        ar=(
            "التعاون من مدينة إلى مدينة",
            "التعلم من المدن النظيرة والبناء على ما جرّبته بالفعل.",
        ),
        pt=(
            "Cooperar de cidade para cidade",
            "Aprender com cidades congéneres e partir do que elas já experimentaram.",
        ),
    ),
    "way-local-national": _record(
        fr=(
            "Maintenir le dialogue entre l’échelon local et l’échelon national",
            "Construire un dialogue régulier entre les échelons local et national de "
            "gouvernement.",
        ),
        es=(
            "Mantener el diálogo entre el gobierno local y el nacional",
            "Construir un diálogo regular entre los niveles local y nacional de gobierno.",
        ),
        ar=(
            "إبقاء الحوار قائمًا بين الحكومة المحلية والحكومة الوطنية",
            "بناء حوار منتظم بين المستويين المحلي والوطني للحكم.",
        ),
        pt=(
            "Manter o diálogo entre o governo local e o nacional",
            "Construir um diálogo regular entre os níveis local e nacional de governo.",
        ),
    ),
    "way-trust-safety": _record(
        fr=(
            "Construire la confiance et la sécurité",
            "Gagner la confiance des femmes migrantes et rendre sûrs les lieux où elles vivent.",
        ),
        es=(
            "Construir confianza y seguridad",
            "Ganarse la confianza de las mujeres migrantes y hacer seguros los lugares donde "
            "viven.",
        ),
        ar=(
            "بناء الثقة والأمان",
            "كسب ثقة النساء المهاجرات وجعل الأماكن التي يعشن فيها آمنة.",
        ),
        pt=(
            "Construir confiança e segurança",
            "Conquistar a confiança das mulheres migrantes e tornar seguros os lugares onde "
            "vivem.",
        ),
    ),
}

CITY_BARRIERS = {
    "sousse-precarious-work": _record(
        fr=(
            "Travail précaire et risque d’exploitation",
            "Sousse a signalé que le travail des femmes migrantes est précaire et les expose à "
            "l’exploitation.",
        ),
        es=(
            "Trabajo precario y riesgo de explotación",
            "Sousse señaló que el trabajo de las mujeres migrantes es inseguro y las deja "
            "expuestas a la explotación.",
        ),
        ar=(
            "العمل الهش وخطر الاستغلال",
            "أفادت سوسة بأن عمل النساء المهاجرات غير مستقر ويعرّضهن للاستغلال.",
        ),
        pt=(
            "Trabalho precário e risco de exploração",
            "Sousse relatou que o trabalho das mulheres migrantes é inseguro e as deixa "
            "expostas à exploração.",
        ),
    ),
    "sousse-irregular-status": _record(
        fr=(
            "Situation irrégulière et travail domestique informel",
            "Sousse a cité la situation irrégulière, ainsi qu’un travail informel le plus "
            "souvent domestique, parmi les difficultés des femmes migrantes de la ville.",
        ),
        es=(
            "Situación irregular y trabajo doméstico informal",
            "Sousse mencionó la situación irregular, y un trabajo informal que es sobre todo "
            "servicio doméstico, entre las dificultades de las mujeres migrantes de la ciudad.",
        ),
        ar=(
            "الوضع غير النظامي والعمل المنزلي غير الرسمي",
            "ذكرت سوسة الوضع غير النظامي، والعمل غير الرسمي الذي يتمثل في الغالب في الخدمة "
            "المنزلية، ضمن الصعوبات التي تواجهها النساء المهاجرات في المدينة.",
        ),
        pt=(
            "Situação irregular e trabalho doméstico informal",
            "Sousse apontou a situação irregular, e um trabalho informal que é sobretudo "
            "serviço doméstico, entre as dificuldades das mulheres migrantes na cidade.",
        ),
    ),
    "sousse-domestic-violence": _record(
        fr=(
            "Davantage de violences domestiques pendant le confinement",
            "Sousse a signalé une hausse des violences domestiques pendant le confinement dû "
            "au COVID-19.",
        ),
        es=(
            "Más violencia doméstica durante el confinamiento",
            "Sousse señaló que la violencia doméstica aumentó durante el confinamiento por la "
            "COVID-19.",
        ),
        ar=(
            "تزايد العنف المنزلي خلال الإغلاق",
            "أفادت سوسة بأن العنف المنزلي ازداد خلال الإغلاق المرتبط بجائحة كوفيد-19.",
        ),
        pt=(
            "Mais violência doméstica durante o confinamento",
            "Sousse relatou que a violência doméstica aumentou durante o confinamento da "
            "COVID-19.",
        ),
    ),
    "sousse-information-health": _record(
        fr=(
            "Accès difficile à l’information et aux services de santé",
            "Les femmes migrantes de Sousse ont du mal à obtenir des informations et à "
            "recourir aux services de santé.",
        ),
        es=(
            "Acceso deficiente a la información y a los servicios de salud",
            "Las mujeres migrantes de Sousse tienen dificultades para obtener información y "
            "utilizar los servicios de salud.",
        ),
        ar=(
            "ضعف الوصول إلى المعلومات والخدمات الصحية",
            "تواجه النساء المهاجرات في سوسة صعوبة في الحصول على المعلومات والاستفادة من "
            "الخدمات الصحية.",
        ),
        pt=(
            "Acesso difícil à informação e aos serviços de saúde",
            "As mulheres migrantes em Sousse têm dificuldade em obter informação e em utilizar "
            "os serviços de saúde.",
        ),
    ),
    "sousse-health-staff": _record(
        fr=(
            "Un personnel de santé régional qui ignore les droits des personnes migrantes",
            "Sousse a constaté que le personnel des services de santé régionaux ne connaissait "
            "pas les droits des personnes migrantes.",
        ),
        es=(
            "Personal sanitario regional que desconoce los derechos de las personas migrantes",
            "Sousse constató que el personal de los servicios de salud regionales no conocía "
            "los derechos que tienen las personas migrantes.",
        ),
        ar=(
            "عاملون في الصحة على المستوى الجهوي يجهلون حقوق المهاجرين",
            "وجدت سوسة أن العاملين في الخدمات الصحية الجهوية لا يعرفون الحقوق التي يتمتع بها "
            "المهاجرون.",
        ),
        pt=(
            "Pessoal de saúde regional que desconhece os direitos dos migrantes",
            "Sousse constatou que o pessoal dos serviços de saúde regionais não conhecia os "
            "direitos que os migrantes têm.",
        ),
    ),
    "turin-access-to-services": _record(
        fr=(
            "Accès limité aux services",
            "Turin a signalé que les femmes migrantes ont un accès limité aux services.",
        ),
        es=(
            "Acceso limitado a los servicios",
            "Turín señaló que las mujeres migrantes tienen un acceso limitado a los servicios.",
        ),
        ar=(
            "محدودية الوصول إلى الخدمات",
            "أفادت تورينو بأن وصول النساء المهاجرات إلى الخدمات محدود.",
        ),
        pt=(
            "Acesso limitado aos serviços",
            "Turim relatou que as mulheres migrantes têm um acesso limitado aos serviços.",
        ),
    ),
    "turin-structural-racism": _record(
        fr=(
            "Racisme structurel",
            "Turin a cité le racisme structurel comme un obstacle pour les femmes migrantes.",
        ),
        es=(
            "Racismo estructural",
            "Turín señaló el racismo estructural como un obstáculo para las mujeres migrantes.",
        ),
        ar=(
            "العنصرية البنيوية",
            "ذكرت تورينو العنصرية البنيوية عقبةً أمام النساء المهاجرات.",
        ),
        pt=(
            "Racismo estrutural",
            "Turim apontou o racismo estrutural como um obstáculo para as mulheres migrantes.",
        ),
    ),
    "turin-covid-support": _record(
        fr=(
            "Un soutien difficile d’accès pendant le COVID-19",
            "Turin a signalé que, pendant la pandémie de COVID-19, les femmes migrantes ont eu "
            "du mal à accéder à un soutien.",
        ),
        es=(
            "Apoyo difícil de alcanzar durante la COVID-19",
            "Turín señaló que durante la pandemia de COVID-19 a las mujeres migrantes les "
            "resultó difícil acceder a apoyo.",
        ),
        ar=(
            "صعوبة الوصول إلى الدعم خلال جائحة كوفيد-19",
            "أفادت تورينو بأن النساء المهاجرات وجدن صعوبة في الوصول إلى الدعم خلال جائحة "
            "كوفيد-19.",
        ),
        pt=(
            "Apoio difícil de alcançar durante a COVID-19",
            "Turim relatou que, durante a pandemia de COVID-19, as mulheres migrantes tiveram "
            "dificuldade em aceder a apoio.",
        ),
    ),
}

CITY_OPPORTUNITIES = {
    "sousse-trust": _record(
        fr=(
            "La confiance entre la ville et les associations de femmes migrantes",
            "Sousse voit dans les relations de confiance entre son administration, les "
            "organisations de la société civile et les associations de femmes migrantes une "
            "base pour poursuivre le travail.",
        ),
        es=(
            "Confianza entre la ciudad y las asociaciones de mujeres migrantes",
            "Sousse considera las relaciones de confianza entre su administración, las "
            "organizaciones de la sociedad civil y las asociaciones de mujeres migrantes una "
            "base para seguir trabajando.",
        ),
        ar=(
            "الثقة بين المدينة وجمعيات النساء المهاجرات",
            "ترى سوسة في علاقات الثقة بين إدارتها ومنظمات المجتمع المدني وجمعيات النساء "
            "المهاجرات أساسًا لمواصلة العمل.",
        ),
        pt=(
            "Confiança entre a cidade e as associações de mulheres migrantes",
            "Sousse vê nas relações de confiança entre a sua administração, as organizações da "
            "sociedade civil e as associações de mulheres migrantes uma base para continuar o "
            "trabalho.",
        ),
    ),
}

# Every record, by key; the loader translates them after the dialogue and the cities.
RECORDS = {
    **NETWORK_BARRIERS,
    **NETWORK_OPPORTUNITIES,
    **NETWORK_RECOMMENDATIONS,
    **CITY_BARRIERS,
    **CITY_OPPORTUNITIES,
}
