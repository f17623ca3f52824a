# ruff: noqa: RUF001 -- French typography: its apostrophe is the typographic one.
"""The founding practices in French, Spanish, Arabic and Portuguese, keyed by (city slug,
practice slug) as in content.PRACTICES."""

from __future__ import annotations

PRACTICES = {
    ("sousse", "cooperation-with-migrant-womens-associations"): {
        "fr": {
            "title": "Travailler avec les associations de femmes migrantes",
            "summary": (
                "Pendant la gestion de la crise du COVID-19, Sousse a commencé à travailler avec "
                "des associations de femmes migrantes. Elle a apporté une aide sociale aux mères "
                "avec enfants, aux femmes enceintes et aux travailleuses, et a enquêté sur la "
                "situation des personnes migrantes pendant la pandémie, bien que la migration "
                "ne relève pas de ses compétences."
            ),
            "description": (
                "<p>La pratique est née de la réponse de la ville au COVID-19 et comporte trois "
                "volets :</p>"
                "<ul>"
                "<li><b>La coopération avec les associations de femmes migrantes</b>, construite "
                "pendant la crise.</li>"
                "<li><b>Une aide sociale</b> destinée aux mères avec enfants, aux femmes "
                "enceintes et aux travailleuses.</li>"
                "<li><b>Des enquêtes</b> sur la situation des personnes migrantes pendant la "
                "pandémie.</li>"
                "</ul>"
            ),
            "lessons": (
                "<p>La coopération nouée pendant la crise a laissé des relations de confiance "
                "entre l’administration, les organisations de la société civile et les "
                "associations de femmes migrantes, que la ville considère comme une chance "
                "pour la suite.</p>"
            ),
            "transferability": (
                "<p>Montre qu’une ville peut agir pour les femmes migrantes même quand la "
                "migration ne relève pas de ses compétences, en travaillant avec les "
                "associations de femmes migrantes et par sa propre aide sociale.</p>"
            ),
        },
        "es": {
            "title": "Trabajar con las asociaciones de mujeres migrantes",
            "summary": (
                "Durante la gestión de la crisis del COVID-19, Susa empezó a trabajar con "
                "asociaciones de mujeres migrantes. Prestó asistencia social a madres con hijos, "
                "mujeres embarazadas y mujeres trabajadoras, y estudió la situación de las "
                "personas migrantes durante la pandemia, aunque la migración no es de su "
                "competencia."
            ),
            "description": (
                "<p>La práctica surgió de la respuesta de la ciudad al COVID-19 y tiene tres "
                "líneas:</p>"
                "<ul>"
                "<li><b>Cooperación con asociaciones de mujeres migrantes</b>, construida "
                "durante la crisis.</li>"
                "<li><b>Asistencia social</b> dirigida a madres con hijos, mujeres embarazadas "
                "y mujeres trabajadoras.</li>"
                "<li><b>Encuestas</b> sobre la situación de las personas migrantes durante la "
                "pandemia.</li>"
                "</ul>"
            ),
            "lessons": (
                "<p>La cooperación surgida en la crisis dejó relaciones de confianza entre la "
                "administración, las organizaciones de la sociedad civil y las asociaciones de "
                "mujeres migrantes, que la ciudad ve como una oportunidad para seguir "
                "trabajando.</p>"
            ),
            "transferability": (
                "<p>Muestra que una ciudad puede actuar por las mujeres migrantes aunque la "
                "migración no sea de su competencia, trabajando con asociaciones de mujeres "
                "migrantes y mediante su propia asistencia social.</p>"
            ),
        },
        "ar": {
            "title": "العمل مع جمعيات النساء المهاجرات",
            "summary": (
                "خلال إدارة أزمة كوفيد-19، بدأت سوسة العمل مع جمعيات النساء المهاجرات. فقدّمت "
                "مساعدات اجتماعية للأمهات مع أطفالهن والنساء الحوامل والنساء العاملات، وأجرت "
                "مسوحًا حول أوضاع المهاجرين خلال الجائحة، مع أن الهجرة لا تدخل ضمن صلاحياتها."
            ),
            "description": (
                "<p>نشأت هذه الممارسة من استجابة المدينة لجائحة كوفيد-19، ولها ثلاثة محاور:</p>"
                "<ul>"
                "<li><b>التعاون مع جمعيات النساء المهاجرات</b>، الذي تشكّل خلال الأزمة.</li>"
                "<li><b>المساعدة الاجتماعية</b> الموجهة إلى الأمهات مع أطفالهن والنساء الحوامل "
                "والنساء العاملات.</li>"
                "<li><b>مسوح</b> حول أوضاع المهاجرين خلال الجائحة.</li>"
                "</ul>"
            ),
            "lessons": (
                "<p>خلّف التعاون الذي نشأ أثناء الأزمة علاقات ثقة بين الإدارة ومنظمات المجتمع "
                "المدني وجمعيات النساء المهاجرات، وتعدّها المدينة فرصة لمواصلة العمل.</p>"
            ),
            "transferability": (
                "<p>تبيّن أن المدينة تستطيع العمل من أجل النساء المهاجرات حتى حين لا تدخل الهجرة "
                "ضمن صلاحياتها، بالتعاون مع جمعيات النساء المهاجرات ومن خلال مساعداتها "
                "الاجتماعية.</p>"
            ),
        },
        "pt": {
            "title": "Trabalhar com as associações de mulheres migrantes",
            "summary": (
                "Durante a gestão da crise da COVID-19, Sousse começou a trabalhar com "
                "associações de mulheres migrantes. Prestou assistência social a mães com "
                "filhos, gestantes e mulheres trabalhadoras, e levantou a situação das pessoas "
                "migrantes durante a pandemia, embora a migração não seja de sua competência."
            ),
            "description": (
                "<p>A prática nasceu da resposta da cidade à COVID-19 e tem três frentes:</p>"
                "<ul>"
                "<li><b>Cooperação com associações de mulheres migrantes</b>, construída "
                "durante a crise.</li>"
                "<li><b>Assistência social</b> voltada a mães com filhos, gestantes e mulheres "
                "trabalhadoras.</li>"
                "<li><b>Levantamentos</b> sobre a situação das pessoas migrantes durante a "
                "pandemia.</li>"
                "</ul>"
            ),
            "lessons": (
                "<p>A cooperação criada na crise deixou relações de confiança entre a "
                "administração, as organizações da sociedade civil e as associações de mulheres "
                "migrantes, que a cidade vê como uma oportunidade para continuar.</p>"
            ),
            "transferability": (
                "<p>Mostra que uma cidade pode agir pelas mulheres migrantes mesmo quando a "
                "migração não é de sua competência, trabalhando com associações de mulheres "
                "migrantes e com a sua própria assistência social.</p>"
            ),
        },
    },
    ("turin", "women-in-the-neighbourhood"): {
        "fr": {
            "title": "Femmes dans le quartier",
            "summary": (
                "À Turin, des femmes migrantes installées de longue date accèdent aux services "
                "grâce à des relations de pair à pair avec les commerces de leur quartier."
            ),
            "description": (
                "<p>L’initiative s’appuie sur les contacts quotidiens, de pair à pair, entre "
                "des femmes migrantes installées de longue date et les commerces de proximité "
                "pour ouvrir l’accès aux services.</p>"
            ),
        },
        "es": {
            "title": "Mujeres en el barrio",
            "summary": (
                "En Turín, mujeres migrantes asentadas desde hace tiempo llegan a los servicios "
                "a través de relaciones entre pares con los comercios de su barrio."
            ),
            "description": (
                "<p>La iniciativa aprovecha el contacto cotidiano, entre pares, de mujeres "
                "migrantes asentadas desde hace tiempo con los comercios locales como vía de "
                "acceso a los servicios.</p>"
            ),
        },
        "ar": {
            "title": "نساء في الحي",
            "summary": (
                "في تورينو، تصل نساء مهاجرات مستقرات منذ زمن طويل إلى الخدمات عبر علاقات بين "
                "الأقران مع المتاجر والمحلات في أحيائهن."
            ),
            "description": (
                "<p>تعتمد المبادرة على التواصل اليومي بين الأقران، بين نساء مهاجرات مستقرات منذ "
                "زمن طويل والمحلات التجارية المحلية، سبيلًا إلى الخدمات.</p>"
            ),
        },
        "pt": {
            "title": "Mulheres no bairro",
            "summary": (
                "Em Turim, mulheres migrantes estabelecidas há muito tempo chegam aos serviços "
                "por meio de relações entre pares com o comércio do seu bairro."
            ),
            "description": (
                "<p>A iniciativa usa o contato cotidiano, entre pares, de mulheres migrantes "
                "estabelecidas há muito tempo com o comércio local como caminho para os "
                "serviços.</p>"
            ),
        },
    },
    ("turin", "community-association"): {
        "fr": {
            "title": "Association communautaire",
            "summary": (
                "Des groupes de travail réunissant des personnes des nombreuses communautés "
                "migrantes de Turin recueillent les besoins de leurs communautés et les "
                "transmettent aux services municipaux concernés."
            ),
            "description": (
                "<p>Les membres des groupes de travail diffèrent par l’âge, la nationalité, "
                "l’appartenance à une minorité et la génération. Les groupes recueillent les "
                "besoins de leurs communautés et les portent aux services municipaux "
                "compétents.</p>"
            ),
        },
        "es": {
            "title": "Asociación comunitaria",
            "summary": (
                "Grupos de trabajo formados por personas de las muchas comunidades migrantes de "
                "Turín recogen lo que necesitan sus comunidades y lo trasladan a los "
                "departamentos municipales correspondientes."
            ),
            "description": (
                "<p>Los miembros de los grupos de trabajo difieren en edad, nacionalidad, "
                "pertenencia a minorías y generación. Los grupos recogen las necesidades de sus "
                "comunidades y las llevan a los departamentos municipales competentes.</p>"
            ),
        },
        "ar": {
            "title": "الرابطة المجتمعية",
            "summary": (
                "تجمع أفرقة عمل أشخاصًا من الجاليات المهاجرة العديدة في تورينو، فترصد احتياجات "
                "جالياتها وتنقلها إلى الإدارات البلدية المعنية."
            ),
            "description": (
                "<p>يختلف أعضاء أفرقة العمل من حيث العمر والجنسية والانتماء إلى الأقليات والجيل. "
                "وتجمع الأفرقة احتياجات جالياتها وتوصلها إلى الإدارات البلدية المختصة.</p>"
            ),
        },
        "pt": {
            "title": "Associação comunitária",
            "summary": (
                "Grupos de trabalho com pessoas das muitas comunidades migrantes de Turim reúnem "
                "o que as suas comunidades precisam e levam essas demandas às secretarias "
                "municipais responsáveis."
            ),
            "description": (
                "<p>Os membros dos grupos de trabalho diferem em idade, nacionalidade, "
                "pertencimento a minorias e geração. Os grupos reúnem as necessidades das suas "
                "comunidades e as levam às secretarias municipais competentes.</p>"
            ),
        },
    },
    ("sao-paulo", "municipal-policy-for-immigrants"): {
        "fr": {
            "title": "Politique municipale pour les immigrés",
            "summary": (
                "São Paulo a été la première ville brésilienne à adopter une loi municipale pour "
                "les migrants. Sa politique ouvre le logement, l’école, la santé et les services "
                "sociaux aux personnes migrantes quel que soit leur statut, et leur donne une "
                "voix grâce à un conseil municipal dont au moins la moitié des membres sont des "
                "femmes."
            ),
            "description": (
                "<p>La politique repose sur une loi municipale, la première de ce type au "
                "Brésil, et suit une approche en cinq piliers. Ses principaux éléments :</p>"
                "<ul>"
                "<li>Logement, école, soins et services sociaux ouverts à toute personne "
                "migrante, quel que soit son statut.</li>"
                "<li>Un conseil municipal des migrants. Les migrants ne peuvent pas voter aux "
                "élections fédérales : le conseil est leur voie d’accès à la politique de la "
                "ville ; depuis 2015, au moins la moitié de ses membres sont des femmes.</li>"
                "<li>Le premier plan municipal de politique migratoire de la ville, publié en "
                "août 2020, avec 80 actions à mener à partir de 2021.</li>"
                "</ul>"
            ),
            "results": (
                "<p>Depuis 2015, au moins la moitié des membres du conseil municipal des "
                "migrants sont des femmes. En août 2020, la ville a publié son premier plan "
                "municipal de politique migratoire, avec 80 actions à partir de 2021.</p>"
            ),
            "transferability": (
                "<p>Repose sur une base juridique locale : une loi municipale fait de "
                "l’inclusion des migrants une mission de la ville. Une ville sans une telle loi "
                "aurait besoin d’un autre fondement pour agir.</p>"
            ),
        },
        "es": {
            "title": "Política municipal para inmigrantes",
            "summary": (
                "São Paulo fue la primera ciudad brasileña en aprobar una ley municipal para "
                "migrantes. Su política abre la vivienda, la escuela, la salud y los servicios "
                "sociales a las personas migrantes sea cual sea su situación, y les da voz a "
                "través de un consejo municipal en el que al menos la mitad de los miembros son "
                "mujeres."
            ),
            "description": (
                "<p>La política se apoya en una ley municipal, la primera de su tipo en Brasil, "
                "y sigue un enfoque de cinco pilares. Sus elementos principales:</p>"
                "<ul>"
                "<li>Vivienda, escuela, atención sanitaria y servicios sociales abiertos a toda "
                "persona migrante, sin importar su situación.</li>"
                "<li>Un consejo municipal de migrantes. Los migrantes no pueden votar en las "
                "elecciones federales, así que el consejo es su cauce hacia la política de la "
                "ciudad; desde 2015, al menos la mitad de sus miembros son mujeres.</li>"
                "<li>El primer plan municipal de política migratoria de la ciudad, publicado en "
                "agosto de 2020, con 80 acciones a realizar a partir de 2021.</li>"
                "</ul>"
            ),
            "results": (
                "<p>Desde 2015, al menos la mitad de los miembros del consejo municipal de "
                "migrantes son mujeres. En agosto de 2020 la ciudad publicó su primer plan "
                "municipal de política migratoria, con 80 acciones a partir de 2021.</p>"
            ),
            "transferability": (
                "<p>Se apoya en una base jurídica local: una ley municipal hace de la inclusión "
                "de las personas migrantes una tarea de la ciudad. Una ciudad sin esa ley "
                "necesitaría otro fundamento para actuar.</p>"
            ),
        },
        "ar": {
            "title": "السياسة البلدية للمهاجرين",
            "summary": (
                "كانت ساو باولو أول مدينة برازيلية تعتمد قانونًا بلديًا خاصًا بالمهاجرين. وتفتح "
                "سياستها السكن والتعليم والصحة والخدمات الاجتماعية أمام المهاجرين أيًّا كان "
                "وضعهم، وتمنحهم صوتًا عبر مجلس بلدي نصف أعضائه على الأقل من النساء."
            ),
            "description": (
                "<p>تقوم السياسة على قانون بلدي هو الأول من نوعه في البرازيل، وتتبع نهجًا من خمس "
                "ركائز. وأهم عناصرها:</p>"
                "<ul>"
                "<li>السكن والتعليم والرعاية الصحية والخدمات الاجتماعية متاحة لكل مهاجر "
                "ومهاجرة بصرف النظر عن الوضع القانوني.</li>"
                "<li>مجلس بلدي للمهاجرين. لا يحق للمهاجرين التصويت في الانتخابات الاتحادية، "
                "فيكون المجلس قناتهم إلى سياسات المدينة؛ ومنذ 2015 لا يقل عدد النساء فيه عن "
                "نصف الأعضاء.</li>"
                "<li>أول خطة بلدية لسياسة الهجرة في المدينة، صدرت في أغسطس 2020 وتضم 80 إجراءً "
                "يُنفَّذ ابتداءً من 2021.</li>"
                "</ul>"
            ),
            "results": (
                "<p>منذ 2015 لا يقل عدد النساء عن نصف أعضاء المجلس البلدي للمهاجرين. وفي أغسطس "
                "2020 أصدرت المدينة أول خطة بلدية لسياسة الهجرة، تضم 80 إجراءً تبدأ في "
                "2021.</p>"
            ),
            "transferability": (
                "<p>تستند إلى أساس قانوني محلي: قانون بلدي يجعل إدماج المهاجرين من مهام المدينة. "
                "والمدينة التي لا تملك قانونًا كهذا تحتاج إلى أساس آخر للعمل.</p>"
            ),
        },
        "pt": {
            "title": "Política municipal para a população imigrante",
            "summary": (
                "São Paulo foi a primeira cidade brasileira a aprovar uma lei municipal para "
                "migrantes. A sua política abre moradia, escola, saúde e assistência social às "
                "pessoas migrantes independentemente da situação migratória, e lhes dá voz por "
                "meio de um conselho municipal em que pelo menos metade dos membros são "
                "mulheres."
            ),
            "description": (
                "<p>A política se apoia em uma lei municipal, a primeira do tipo no Brasil, e "
                "segue uma abordagem de cinco eixos. Os seus principais elementos:</p>"
                "<ul>"
                "<li>Moradia, escola, atendimento de saúde e assistência social abertos a toda "
                "pessoa migrante, independentemente da situação migratória.</li>"
                "<li>Um conselho municipal de imigrantes. Migrantes não podem votar nas "
                "eleições federais, e o conselho é o seu canal para a política da cidade; desde "
                "2015, pelo menos metade dos seus membros são mulheres.</li>"
                "<li>O primeiro plano municipal de políticas para imigrantes, publicado em "
                "agosto de 2020, com 80 ações a realizar a partir de 2021.</li>"
                "</ul>"
            ),
            "results": (
                "<p>Desde 2015, pelo menos metade dos membros do conselho municipal de "
                "imigrantes são mulheres. Em agosto de 2020 a cidade publicou o seu primeiro "
                "plano municipal de políticas para imigrantes, com 80 ações a partir de "
                "2021.</p>"
            ),
            "transferability": (
                "<p>Apoia-se em uma base jurídica local: uma lei municipal faz da inclusão de "
                "migrantes uma tarefa da cidade. Uma cidade sem essa lei precisaria de outro "
                "fundamento para agir.</p>"
            ),
        },
    },
}
