# ruff: noqa: RUF001 -- French typography: its apostrophe is the typographic one.
"""The founding dialogue (content.DIALOGUE) and its sessions.

Organisations keep the names they have on the site (the organisation records are not
translated), so UCLG, ICMPD and MC2CM keep their English acronyms; bodies with an
established official name in the language (UN Women, UN-Habitat, the European Union, the
Swiss agency) are called by it. `sessions` is keyed by the session's key in content.py.
"""

from __future__ import annotations

DIALOGUE = {
    "fr": {
        "title": "Les femmes migrantes dans les villes : un dialogue entre villes",
        "summary": (
            "Une séance de travail en ligne, le 10 septembre 2020, au cours de laquelle "
            "environ 100 personnes venues de 25 collectivités locales, de réseaux de villes, "
            "d’agences des Nations unies, d’universités et de la société civile ont examiné "
            "ce à quoi les femmes migrantes font face dans les villes et ce que les "
            "collectivités locales peuvent faire."
        ),
        "body": (
            "<p>La séance s’est tenue dans le cadre du projet Mediterranean City-to-City "
            "Migration (MC2CM), que l’ICMPD, UCLG et ONU-Habitat mènent avec le financement "
            "de l’Union européenne et de l’Agence suisse pour le développement et la "
            "coopération. La commission d’UCLG chargée de l’inclusion sociale, de la "
            "démocratie participative et des droits humains l’a organisée avec eux.</p>"
            "<p>Après une table ronde d’ouverture, Sousse, Turin et São Paulo ont présenté "
            "leur action locale. Les participants se sont ensuite répartis en trois groupes "
            "mêlant villes, réseaux, agences et société civile. Un groupe a recensé les défis "
            "auxquels font face les femmes migrantes, un autre les obstacles qui freinent les "
            "collectivités locales, et le dernier les opportunités d’action locale. Une "
            "séance de clôture a rassemblé des pistes pour avancer et des ressources.</p>"
            "<p>Les catégories recensées par les groupes sont les thèmes, les catégories "
            "d’obstacles et les catégories d’opportunités utilisés dans tout l’Échange.</p>"
        ),
        "ways_forward": (
            "<p>Les participants ont nommé six pistes à suivre :</p>"
            "<ul>"
            "<li>des approches globales ;</li>"
            "<li>le suivi des défis propres aux femmes ;</li>"
            "<li>la coopération entre des acteurs de toutes sortes ;</li>"
            "<li>la coopération de ville à ville ;</li>"
            "<li>le dialogue entre l’échelon local et l’échelon national ;</li>"
            "<li>la construction de la confiance et de la sécurité.</li>"
            "</ul>"
        ),
        "sessions": {
            "opening": {
                "title": "Table ronde d’ouverture",
                "summary": (
                    "Des intervenantes et intervenants d’ONU Femmes, d’ONU-Habitat, de World "
                    "Enabled et de New Women Connectors ont ouvert la séance."
                ),
            },
            "presentations": {
                "title": "Partie 1 : les villes présentent leur travail",
                "summary": (
                    "Sousse, Turin et São Paulo ont chacune présenté une initiative locale "
                    "pour les femmes migrantes."
                ),
            },
            "challenges": {
                "title": "Atelier : les défis auxquels font face les femmes migrantes",
                "summary": (
                    "A recensé quatre groupes de défis : sécurité et violences ; droits et "
                    "statut juridique ; inclusion et participation ; autonomisation "
                    "économique."
                ),
                "questions": [
                    "Quelles difficultés les femmes migrantes de votre ville rencontrent-elles "
                    "le plus souvent ?",
                    "Quelles femmes les services publics ont-ils le plus de mal à atteindre, "
                    "et pourquoi ?",
                    "Qu’est-ce qui a changé pour les femmes migrantes pendant la pandémie de "
                    "COVID-19 ?",
                ],
            },
            "barriers": {
                "title": "Atelier : les obstacles à l’action des collectivités locales",
                "summary": (
                    "A recensé six types d’obstacles : mandat et ressources ; sensibilisation "
                    "et compétences ; confiance ; information et données ; suivi ; dialogue "
                    "avec les acteurs et entre échelons de gouvernement."
                ),
                "questions": [
                    "Qu’est-ce qui empêche votre collectivité d’en faire davantage pour les "
                    "femmes migrantes ?",
                    "Quels pouvoirs, quels moyens financiers, quel personnel ou quelles "
                    "données manquent ?",
                    "Où la collaboration avec la société civile ou avec le gouvernement "
                    "national se bloque-t-elle ?",
                ],
            },
            "opportunities": {
                "title": "Atelier : les opportunités d’action locale",
                "summary": (
                    "A recensé cinq types d’opportunités : intégration de l’égalité entre les "
                    "femmes et les hommes ; protection ; services d’inclusion ; coopération "
                    "multi-acteurs ; mise en réseau des villes."
                ),
                "questions": [
                    "Que peut déjà faire une ville dans le cadre de ses compétences actuelles ?",
                    "Quels partenaires pourraient aider, et de quelle manière ?",
                    "Que pourraient accomplir les villes en travaillant ensemble ?",
                ],
            },
            "closing": {
                "title": "Clôture : pistes pour avancer et ressources",
                "summary": (
                    "A rassemblé les pistes pour avancer nommées pendant la séance et orienté "
                    "les participants vers des ressources pour poursuivre le travail."
                ),
            },
        },
    },
    "es": {
        "title": "Mujeres migrantes en las ciudades: un diálogo entre ciudades",
        "summary": (
            "Una sesión de trabajo en línea, el 10 de septiembre de 2020, en la que unas 100 "
            "personas de 25 gobiernos locales, redes de ciudades, agencias de la ONU, "
            "universidades y sociedad civil examinaron lo que enfrentan las mujeres "
            "migrantes en las ciudades y lo que los gobiernos locales pueden hacer al "
            "respecto."
        ),
        "body": (
            "<p>La sesión se celebró en el marco del proyecto Mediterranean City-to-City "
            "Migration (MC2CM), que ICMPD, UCLG y ONU-Habitat llevan a cabo con financiación "
            "de la Unión Europea y de la Agencia Suiza para el Desarrollo y la Cooperación. "
            "La comisión de UCLG de inclusión social, democracia participativa y derechos "
            "humanos la organizó junto con ellos.</p>"
            "<p>Tras un panel de apertura, Sousse, Turín y São Paulo presentaron su trabajo "
            "local. Después, los participantes se dividieron en tres grupos mixtos de "
            "ciudades, redes, agencias y sociedad civil. Un grupo identificó los retos que "
            "enfrentan las mujeres migrantes; otro, los obstáculos que frenan a los gobiernos "
            "locales; y el tercero, las oportunidades para la acción local. Una sesión de "
            "cierre reunió caminos a seguir y recursos.</p>"
            "<p>Las categorías que identificaron los grupos son los temas, las categorías de "
            "obstáculos y las categorías de oportunidades que se usan en todo el "
            "Intercambio.</p>"
        ),
        "ways_forward": (
            "<p>Los participantes señalaron seis direcciones que seguir:</p>"
            "<ul>"
            "<li>enfoques integrales;</li>"
            "<li>el seguimiento de los retos específicos de las mujeres;</li>"
            "<li>la cooperación entre actores de muchos tipos;</li>"
            "<li>la cooperación de ciudad a ciudad;</li>"
            "<li>el diálogo entre el gobierno local y el nacional;</li>"
            "<li>la construcción de confianza y seguridad.</li>"
            "</ul>"
        ),
        "sessions": {
            "opening": {
                "title": "Panel de apertura",
                "summary": (
                    "Ponentes de ONU Mujeres, ONU-Habitat, World Enabled y New Women "
                    "Connectors abrieron la sesión."
                ),
            },
            "presentations": {
                "title": "Segmento 1: las ciudades presentan su trabajo",
                "summary": (
                    "Sousse, Turín y São Paulo presentaron cada una una iniciativa local para "
                    "las mujeres migrantes."
                ),
            },
            "challenges": {
                "title": "Grupo de trabajo: los retos que enfrentan las mujeres migrantes",
                "summary": (
                    "Identificó cuatro grupos de retos: seguridad y violencia; derechos y "
                    "situación jurídica; inclusión y participación; empoderamiento económico."
                ),
                "questions": [
                    "¿Qué dificultades encuentran con más frecuencia las mujeres migrantes de "
                    "su ciudad?",
                    "¿Qué mujeres son las más difíciles de alcanzar para los servicios "
                    "públicos, y por qué?",
                    "¿Qué cambió para las mujeres migrantes durante la pandemia de COVID-19?",
                ],
            },
            "barriers": {
                "title": "Grupo de trabajo: obstáculos a la acción de los gobiernos locales",
                "summary": (
                    "Identificó seis tipos de obstáculos: mandato y recursos; sensibilización "
                    "y capacidad; confianza; información y datos; seguimiento; diálogo con los "
                    "actores y entre niveles de gobierno."
                ),
                "questions": [
                    "¿Qué impide a su gobierno local hacer más por las mujeres migrantes?",
                    "¿Qué competencias, dinero, personal o datos faltan?",
                    "¿Dónde se atasca el trabajo con la sociedad civil o con el gobierno "
                    "nacional?",
                ],
            },
            "opportunities": {
                "title": "Grupo de trabajo: oportunidades para la acción local",
                "summary": (
                    "Identificó cinco tipos de oportunidades: transversalización de género; "
                    "protección; servicios de inclusión; cooperación entre múltiples actores; "
                    "trabajo en red entre ciudades."
                ),
                "questions": [
                    "¿Qué puede hacer ya una ciudad con sus competencias actuales?",
                    "¿Qué socios podrían ayudar, y de qué manera?",
                    "¿Qué podrían lograr las ciudades trabajando juntas?",
                ],
            },
            "closing": {
                "title": "Cierre: caminos a seguir y recursos",
                "summary": (
                    "Reunió los caminos a seguir mencionados durante la sesión y remitió a los "
                    "participantes a recursos para continuar el trabajo."
                ),
            },
        },
    },
    "ar": {
        "title": "النساء المهاجرات في المدن: حوار بين المدن",
        "summary": (
            "جلسة عمل عبر الإنترنت عُقدت في 10 سبتمبر 2020، تناول فيها نحو 100 شخص من 25 "
            "حكومة محلية ومن شبكات المدن ووكالات الأمم المتحدة والجامعات والمجتمع المدني ما "
            "تواجهه النساء المهاجرات في المدن وما يمكن للحكومات المحلية أن تفعله حيال ذلك."
        ),
        "body": (
            "<p>عُقدت الجلسة في إطار مشروع الهجرة من مدينة إلى مدينة في المتوسط (MC2CM)، "
            "الذي يديره المركز الدولي لتطوير سياسات الهجرة (ICMPD) ومنظمة المدن والحكومات "
            "المحلية المتحدة (UCLG) وموئل الأمم المتحدة بتمويل من الاتحاد الأوروبي والوكالة "
            "السويسرية للتنمية والتعاون. وقد نظّمتها معهم لجنة منظمة المدن والحكومات المحلية "
            "المتحدة المعنية بالإدماج الاجتماعي والديمقراطية التشاركية وحقوق الإنسان.</p>"
            "<p>بعد حلقة نقاش افتتاحية، عرضت سوسة وتورينو وساو باولو عملها المحلي. ثم توزّع "
            "المشاركون على ثلاث مجموعات مختلطة من المدن والشبكات والوكالات والمجتمع المدني. "
            "حددت مجموعة التحديات التي تواجهها النساء المهاجرات، وحددت أخرى العقبات التي "
            "تعيق الحكومات المحلية، وحددت الثالثة فرص العمل المحلي. وجمعت جلسة ختامية سبل "
            "المضي قدمًا والموارد.</p>"
            "<p>الفئات التي حددتها المجموعات هي المواضيع وفئات العقبات وفئات الفرص المستخدمة "
            "في منصة التبادل كلها.</p>"
        ),
        "ways_forward": (
            "<p>سمّى المشاركون ستة توجهات ينبغي المضي فيها:</p>"
            "<ul>"
            "<li>مقاربات شاملة؛</li>"
            "<li>رصد التحديات الخاصة بالنساء؛</li>"
            "<li>التعاون بين أطراف معنية من أنواع كثيرة؛</li>"
            "<li>التعاون من مدينة إلى مدينة؛</li>"
            "<li>الحوار بين الحكومة المحلية والحكومة الوطنية؛</li>"
            "<li>بناء الثقة والأمان.</li>"
            "</ul>"
        ),
        "sessions": {
            "opening": {
                "title": "حلقة النقاش الافتتاحية",
                "summary": (
                    "افتتح الجلسة متحدثون من هيئة الأمم المتحدة للمرأة وموئل الأمم المتحدة "
                    "ومنظمتي World Enabled وNew Women Connectors."
                ),
            },
            "presentations": {
                "title": "الجزء الأول: المدن تعرض عملها",
                "summary": (
                    "عرضت كل من سوسة وتورينو وساو باولو مبادرة محلية من أجل النساء المهاجرات."
                ),
            },
            "challenges": {
                "title": "مجموعة عمل: التحديات التي تواجهها النساء المهاجرات",
                "summary": (
                    "حددت أربع مجموعات من التحديات: السلامة والعنف؛ الحقوق والوضع القانوني؛ "
                    "الإدماج والمشاركة؛ التمكين الاقتصادي."
                ),
                "questions": [
                    "ما الصعوبات التي تواجهها النساء المهاجرات في مدينتكم في أغلب الأحيان؟",
                    "أيّ النساء يصعب على الخدمات العامة الوصول إليهن أكثر من غيرهن، ولماذا؟",
                    "ما الذي تغيّر بالنسبة إلى النساء المهاجرات خلال جائحة كوفيد-19؟",
                ],
            },
            "barriers": {
                "title": "مجموعة عمل: العقبات أمام عمل الحكومات المحلية",
                "summary": (
                    "حددت ستة أنواع من العقبات: الولاية والموارد؛ الوعي والقدرات؛ الثقة؛ "
                    "المعلومات والبيانات؛ الرصد؛ الحوار مع الأطراف المعنية وبين مستويات الحكم."
                ),
                "questions": [
                    "ما الذي يمنع حكومتكم المحلية من بذل المزيد من أجل النساء المهاجرات؟",
                    "ما الصلاحيات أو الأموال أو الموظفون أو البيانات التي تنقصكم؟",
                    "أين يتعثر العمل مع المجتمع المدني أو مع الحكومة الوطنية؟",
                ],
            },
            "opportunities": {
                "title": "مجموعة عمل: فرص العمل المحلي",
                "summary": (
                    "حددت خمسة أنواع من الفرص: تعميم مراعاة المنظور الجنساني؛ الحماية؛ خدمات "
                    "الإدماج؛ التعاون بين أطراف معنية متعددة؛ التشبيك بين المدن."
                ),
                "questions": [
                    "ما الذي تستطيع المدينة فعله منذ الآن في حدود صلاحياتها الحالية؟",
                    "ما الشركاء الذين يمكنهم المساعدة، وبأي طريقة؟",
                    "ما الذي يمكن أن تحققه المدن بالعمل معًا؟",
                ],
            },
            "closing": {
                "title": "الختام: سبل المضي قدمًا والموارد",
                "summary": (
                    "جمعت سبل المضي قدمًا التي طُرحت خلال الجلسة، ووجّهت المشاركين إلى موارد "
                    "لمواصلة العمل."
                ),
            },
        },
    },
    "pt": {
        "title": "Mulheres migrantes nas cidades: um diálogo entre cidades",
        "summary": (
            "Uma sessão de trabalho em linha, a 10 de setembro de 2020, em que cerca de 100 "
            "pessoas de 25 governos locais, redes de cidades, agências da ONU, universidades "
            "e sociedade civil analisaram aquilo que as mulheres migrantes enfrentam nas "
            "cidades e o que os governos locais podem fazer a esse respeito."
        ),
        "body": (
            "<p>A sessão decorreu no âmbito do projeto Mediterranean City-to-City Migration "
            "(MC2CM), que o ICMPD, a UCLG e a ONU-Habitat levam a cabo com financiamento da "
            "União Europeia e da Agência Suíça para o Desenvolvimento e a Cooperação. A "
            "comissão da UCLG para a inclusão social, a democracia participativa e os "
            "direitos humanos organizou-a com eles.</p>"
            "<p>Depois de um painel de abertura, Sousse, Turim e São Paulo apresentaram o seu "
            "trabalho local. Os participantes dividiram-se então em três grupos mistos de "
            "cidades, redes, agências e sociedade civil. Um grupo identificou os desafios que "
            "as mulheres migrantes enfrentam, outro as barreiras que travam os governos "
            "locais e o terceiro as oportunidades de ação local. Uma sessão de encerramento "
            "reuniu caminhos a seguir e recursos.</p>"
            "<p>As categorias identificadas pelos grupos são os temas, as categorias de "
            "barreiras e as categorias de oportunidades usados em todo o Intercâmbio.</p>"
        ),
        "ways_forward": (
            "<p>Os participantes apontaram seis direções a seguir:</p>"
            "<ul>"
            "<li>abordagens abrangentes;</li>"
            "<li>a monitorização dos desafios específicos das mulheres;</li>"
            "<li>a cooperação entre partes interessadas de muitos tipos;</li>"
            "<li>a cooperação de cidade para cidade;</li>"
            "<li>o diálogo entre o governo local e o nacional;</li>"
            "<li>a construção de confiança e segurança.</li>"
            "</ul>"
        ),
        "sessions": {
            "opening": {
                "title": "Painel de abertura",
                "summary": (
                    "Oradoras e oradores da ONU Mulheres, da ONU-Habitat, da World Enabled e "
                    "da New Women Connectors abriram a sessão."
                ),
            },
            "presentations": {
                "title": "Segmento 1: as cidades apresentam o seu trabalho",
                "summary": (
                    "Sousse, Turim e São Paulo apresentaram, cada uma, uma iniciativa local "
                    "para as mulheres migrantes."
                ),
            },
            "challenges": {
                "title": "Grupo de trabalho: os desafios que as mulheres migrantes enfrentam",
                "summary": (
                    "Identificou quatro grupos de desafios: segurança e violência; direitos e "
                    "estatuto jurídico; inclusão e participação; capacitação económica."
                ),
                "questions": [
                    "Que dificuldades encontram mais vezes as mulheres migrantes da sua cidade?",
                    "Que mulheres são mais difíceis de alcançar pelos serviços públicos, e "
                    "porquê?",
                    "O que mudou para as mulheres migrantes durante a pandemia de COVID-19?",
                ],
            },
            "barriers": {
                "title": "Grupo de trabalho: barreiras à ação dos governos locais",
                "summary": (
                    "Identificou seis tipos de barreiras: mandato e recursos; sensibilização e "
                    "capacidade; confiança; informação e dados; monitorização; diálogo com as "
                    "partes interessadas e entre níveis de governo."
                ),
                "questions": [
                    "O que impede o seu governo local de fazer mais pelas mulheres migrantes?",
                    "Que competências, dinheiro, pessoal ou dados faltam?",
                    "Onde é que o trabalho com a sociedade civil ou com o governo nacional "
                    "fica bloqueado?",
                ],
            },
            "opportunities": {
                "title": "Grupo de trabalho: oportunidades de ação local",
                "summary": (
                    "Identificou cinco tipos de oportunidades: integração da perspetiva de "
                    "género; proteção; serviços de inclusão; cooperação entre múltiplas partes "
                    "interessadas; trabalho em rede entre cidades."
                ),
                "questions": [
                    "O que pode uma cidade fazer desde já no quadro das suas competências atuais?",
                    "Que parceiros poderiam ajudar, e de que forma?",
                    "O que poderiam as cidades alcançar trabalhando em conjunto?",
                ],
            },
            "closing": {
                "title": "Encerramento: caminhos a seguir e recursos",
                "summary": (
                    "Reuniu os caminhos a seguir apontados durante a sessão e indicou aos "
                    "participantes recursos para dar continuidade ao trabalho."
                ),
            },
        },
    },
}

# The role each speaker had, as written in content.DIALOGUE's sessions.
SPEAKER_ROLES = {
    "Panellist": {
        "fr": "Panéliste",
        "es": "Panelista",
        "ar": "متحدث في حلقة النقاش",
        "pt": "Orador",
    },
}
