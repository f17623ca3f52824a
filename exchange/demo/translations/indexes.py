# ruff: noqa: RUF001 -- French typography: its apostrophe is the typographic one.
"""The index pages (cities, dialogues, resources), keyed by their slug as in content.py."""

from __future__ import annotations

INDEXES = {
    "cities": {
        "fr": {
            "title": "Villes",
            "intro": (
                "Des collectivités locales qui partagent leur travail avec les femmes "
                "migrantes : ce qu’elles ont le pouvoir de faire, qui arrive chez elles, en "
                "part ou y passe, et les pratiques, obstacles et opportunités qu’elles "
                "signalent."
            ),
        },
        "es": {
            "title": "Ciudades",
            "intro": (
                "Gobiernos locales que comparten su trabajo con las mujeres migrantes: lo que "
                "tienen competencia para hacer, quién llega a ellos, sale de ellos o los "
                "atraviesa, y las prácticas, obstáculos y oportunidades que señalan."
            ),
        },
        "ar": {
            "title": "المدن",
            "intro": (
                "حكومات محلية تتقاسم عملها المتعلق بالنساء المهاجرات: ما يحق لها القيام به، "
                "ومن يهاجر إليها أو منها أو يعبرها، والممارسات والعقبات والفرص التي تبلغ عنها."
            ),
        },
        "pt": {
            "title": "Cidades",
            "intro": (
                "Governos locais que partilham o seu trabalho com as mulheres migrantes: o que "
                "lhes compete fazer, quem chega, parte ou passa por eles, e as práticas, "
                "barreiras e oportunidades que relatam."
            ),
        },
    },
    "dialogues": {
        "fr": {
            "title": "Dialogues",
            "intro": (
                "Des rencontres où villes, réseaux de villes, agences des Nations unies et "
                "société civile ont comparé leurs expériences, et ce qui en est sorti."
            ),
        },
        "es": {
            "title": "Diálogos",
            "intro": (
                "Encuentros en los que ciudades, redes de ciudades, agencias de la ONU y "
                "sociedad civil compararon sus experiencias, y lo que salió de ellos."
            ),
        },
        "ar": {
            "title": "الحوارات",
            "intro": (
                "لقاءات قارنت فيها المدن وشبكات المدن ووكالات الأمم المتحدة والمجتمع المدني "
                "تجاربها، وما أسفرت عنه هذه اللقاءات."
            ),
        },
        "pt": {
            "title": "Diálogos",
            "intro": (
                "Encontros em que cidades, redes de cidades, agências da ONU e sociedade civil "
                "compararam as suas experiências, e o que deles resultou."
            ),
        },
    },
    "resources": {
        "fr": {
            "title": "Ressources",
            "intro": (
                "Boîtes à outils, rapports et guides qui aident les collectivités locales à "
                "travailler avec et pour les femmes migrantes, publiés par les villes, les "
                "réseaux et les organisations de l’Échange."
            ),
        },
        "es": {
            "title": "Recursos",
            "intro": (
                "Herramientas, informes y guías que ayudan a los gobiernos locales a trabajar "
                "con y para las mujeres migrantes, publicados por las ciudades, redes y "
                "organizaciones del Intercambio."
            ),
        },
        "ar": {
            "title": "الموارد",
            "intro": (
                "أدلة عملية وتقارير وإرشادات تساعد الحكومات المحلية على العمل مع النساء "
                "المهاجرات ومن أجلهن، تنشرها المدن والشبكات والمنظمات المشاركة في منصة التبادل."
            ),
        },
        "pt": {
            "title": "Recursos",
            "intro": (
                "Guias práticos, relatórios e manuais que ajudam os governos locais a trabalhar "
                "com e para as mulheres migrantes, publicados pelas cidades, redes e "
                "organizações do Intercâmbio."
            ),
        },
    },
}
