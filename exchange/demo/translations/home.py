# ruff: noqa: RUF001 -- French typography: its apostrophe is the typographic one.
"""The home page in French, Spanish, Arabic and Portuguese."""

from __future__ import annotations

HOME = {
    "fr": {
        "title": "L’Échange",
        "intro": (
            "L’Échange rassemble ce que les collectivités locales font avec et pour les femmes "
            "migrantes. Les villes y publient leurs pratiques ; chacun peut les consulter, les "
            "filtrer et les comparer."
        ),
        "body": (
            "<h2>Pour qui</h2>"
            "<ul>"
            "<li><b>Les responsables municipaux</b> (points focaux, commissions pour l’égalité, "
            "services des droits humains) qui publient le travail de leur ville et veulent voir "
            "comment d’autres villes ont traité le même problème.</li>"
            "<li><b>La société civile</b> : associations de femmes migrantes, ONG, chercheuses et "
            "chercheurs qui parcourent les pratiques, en proposent et demandent des comptes aux "
            "villes.</li>"
            "<li><b>Les coordinations de réseaux</b> de villes et les agences des Nations unies, "
            "qui animent les dialogues entre villes et en tirent des constats et un suivi "
            "réutilisables.</li>"
            "</ul>"
            "<h2>Ce que vous trouverez ici</h2>"
            "<p>Des profils de villes ; leurs pratiques, avec ce qu’elles ont obtenu et appris ; "
            "des obstacles et des opportunités, signalés par une ville ou dégagés ensemble lors "
            "d’un dialogue ; et les dialogues eux-mêmes.</p>"
            "<h2>D’où il vient</h2>"
            "<p>L’Échange est né d’un dialogue en ligne entre villes sur les femmes migrantes, "
            "tenu en septembre 2020. Les défis, obstacles et opportunités relevés par ses "
            "participants servent de catégories à tout le site.</p>"
        ),
    },
    "es": {
        "title": "El Intercambio",
        "intro": (
            "El Intercambio reúne lo que los gobiernos locales hacen con y para las mujeres "
            "migrantes. Las ciudades publican aquí sus prácticas, y cualquiera puede "
            "consultarlas, filtrarlas y compararlas."
        ),
        "body": (
            "<h2>Para quién</h2>"
            "<ul>"
            "<li><b>Personal municipal</b> (puntos focales, comisiones de igualdad, oficinas de "
            "derechos humanos) que publica el trabajo de su ciudad y quiere ver cómo otras "
            "ciudades afrontaron el mismo problema.</li>"
            "<li><b>Sociedad civil</b>: asociaciones de mujeres migrantes, ONG e investigadoras "
            "que consultan prácticas, proponen otras y piden cuentas a las ciudades.</li>"
            "<li><b>Coordinaciones de redes</b> de ciudades y agencias de la ONU, que organizan "
            "diálogos entre ciudades y convierten lo dicho en conclusiones y seguimiento que "
            "otros pueden reutilizar.</li>"
            "</ul>"
            "<h2>Qué encontrará aquí</h2>"
            "<p>Perfiles de ciudades; sus prácticas, con lo que lograron y lo que aprendieron; "
            "obstáculos y oportunidades, señalados por una ciudad o identificados en común en "
            "un diálogo; y los propios diálogos.</p>"
            "<h2>De dónde viene</h2>"
            "<p>El Intercambio nació de un diálogo en línea entre ciudades sobre las mujeres "
            "migrantes, celebrado en septiembre de 2020. Los retos, obstáculos y oportunidades "
            "que señalaron sus participantes son las categorías con que se ordena todo el "
            "sitio.</p>"
        ),
    },
    "ar": {
        "title": "منصة التبادل",
        "intro": (
            "تجمع منصة التبادل ما تقوم به الحكومات المحلية مع النساء المهاجرات ومن أجلهن. "
            "تنشر المدن هنا ممارساتها، ويمكن لأي شخص الاطلاع عليها وتصفيتها ومقارنتها."
        ),
        "body": (
            "<h2>لمن هذه المنصة</h2>"
            "<ul>"
            "<li><b>المسؤولون في البلديات</b> (نقاط الاتصال، ولجان المساواة، ومكاتب حقوق "
            "الإنسان) الذين ينشرون عمل مدينتهم ويريدون معرفة كيف تعاملت مدن أخرى مع المشكلة "
            "نفسها.</li>"
            "<li><b>المجتمع المدني</b>: جمعيات النساء المهاجرات والمنظمات غير الحكومية "
            "والباحثات والباحثون الذين يتصفحون الممارسات ويقترحون غيرها ويسائلون المدن.</li>"
            "<li><b>منسقو شبكات</b> المدن ووكالات الأمم المتحدة، الذين ينظمون الحوارات بين "
            "المدن ويحوّلون ما قيل فيها إلى استنتاجات ومتابعة يمكن للآخرين الاستفادة منها.</li>"
            "</ul>"
            "<h2>ما ستجدونه هنا</h2>"
            "<p>ملفات تعريفية للمدن؛ وممارساتها وما حققته وما تعلمته منها؛ والعقبات والفرص، سواء "
            "أبلغت عنها مدينة أو حُدِّدت معًا في حوار؛ والحوارات نفسها.</p>"
            "<h2>من أين جاءت</h2>"
            "<p>انبثقت منصة التبادل من حوار عبر الإنترنت بين المدن حول النساء المهاجرات، عُقد "
            "في سبتمبر 2020. وتُستخدم التحديات والعقبات والفرص التي حددها المشاركون فيه فئاتٍ "
            "لتصنيف كل ما في الموقع.</p>"
        ),
    },
    "pt": {
        "title": "O Intercâmbio",
        "intro": (
            "O Intercâmbio reúne o que os governos locais fazem com e para as mulheres "
            "migrantes. As cidades publicam aqui as suas práticas, e qualquer pessoa pode "
            "consultá-las, filtrá-las e compará-las."
        ),
        "body": (
            "<h2>Para quem</h2>"
            "<ul>"
            "<li><b>Responsáveis municipais</b> (pontos focais, comissões para a igualdade, "
            "serviços de direitos humanos) que publicam o trabalho da sua cidade e querem "
            "ver como outras cidades enfrentaram o mesmo problema.</li>"
            "<li><b>Sociedade civil</b>: associações de mulheres migrantes, ONG, investigadoras e "
            "investigadores que consultam práticas, propõem outras e pedem contas às cidades.</li>"
            "<li><b>Coordenações de redes</b> de cidades e agências da ONU, que organizam "
            "diálogos entre cidades e transformam o que foi dito em conclusões e "
            "acompanhamento que outros podem reutilizar.</li>"
            "</ul>"
            "<h2>O que aqui se encontra</h2>"
            "<p>Perfis de cidades; as suas práticas, com o que alcançaram e o que aprenderam; "
            "barreiras e oportunidades, relatadas por uma cidade ou identificadas em conjunto "
            "num diálogo; e os próprios diálogos.</p>"
            "<h2>De onde vem</h2>"
            "<p>O Intercâmbio nasceu de um diálogo em linha entre cidades sobre mulheres "
            "migrantes, realizado em setembro de 2020. Os desafios, barreiras e oportunidades "
            "apontados pelos participantes são as categorias que organizam todo o sítio.</p>"
        ),
    },
}
