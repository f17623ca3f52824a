"""Names and descriptions of the seeded vocabulary terms in French, Spanish, Arabic and
Portuguese. Slugs do not change. A field an editor already filled is left as it is.
"""

from django.db import migrations

# slug: {language: (name, description)}; an empty description stays empty.
TRANSLATIONS = {
    "Theme": {
        "safety-and-violence": {
            "fr": ("Sécurité et violence", "Traite et exploitation, violences fondées sur le genre, espaces publics peu sûrs."),
            "es": ("Seguridad y violencia", "Trata y explotación, violencia de género, espacios públicos inseguros."),
            "ar": ("الأمان والعنف", "الاتجار بالبشر والاستغلال، والعنف القائم على النوع الاجتماعي، والفضاءات العامة غير الآمنة."),
            "pt": ("Segurança e violência", "Tráfico e exploração, violência de gênero, espaços públicos inseguros."),
        },
        "rights-and-legal-status": {
            "fr": ("Droits et statut juridique", "Statut légal et accès aux droits : santé maternelle et infantile, prestations sociales, logement."),
            "es": ("Derechos y situación jurídica", "Situación legal y acceso a derechos: salud materna e infantil, prestaciones sociales, vivienda."),
            "ar": ("الحقوق والوضع القانوني", "الوضع القانوني والوصول إلى الحقوق: صحة الأم والطفل، والمساعدات الاجتماعية، والسكن."),
            "pt": ("Direitos e situação jurídica", "Situação legal e acesso a direitos: saúde materna e infantil, benefícios sociais, moradia."),
        },
        "inclusion-and-participation": {
            "fr": ("Inclusion et participation", "Méfiance envers les autorités, langue, accessibilité, faible participation, absence de lieux pour s’organiser."),
            "es": ("Inclusión y participación", "Desconfianza hacia las autoridades, idioma, accesibilidad, baja participación, falta de espacios para organizarse."),
            "ar": ("الإدماج والمشاركة", "انعدام الثقة في السلطات، واللغة، وإمكانية الوصول، وضعف المشاركة، وغياب فضاءات للتنظيم."),
            "pt": ("Inclusão e participação", "Desconfiança das autoridades, idioma, acessibilidade, pouca participação, falta de espaços para se organizar."),
        },
        "economic-empowerment": {
            "fr": ("Autonomisation économique", "Marché du travail, formation, reconnaissance des diplômes, travail informel et de soin, entrepreneuriat, stéréotypes."),
            "es": ("Empoderamiento económico", "Mercado laboral, formación, reconocimiento de títulos, trabajo informal y de cuidados, emprendimiento, estereotipos."),
            "ar": ("التمكين الاقتصادي", "سوق العمل، والتكوين، والاعتراف بالشهادات، والعمل غير المهيكل وأعمال الرعاية، وريادة الأعمال، والصور النمطية."),
            "pt": ("Empoderamento econômico", "Mercado de trabalho, formação, reconhecimento de diplomas, trabalho informal e de cuidado, empreendedorismo, estereótipos."),
        },
    },
    "BarrierCategory": {
        "mandate-and-resources": {
            "fr": ("Mandat et moyens", "Pas de compétence formelle, peu de budget ou de personnel."),
            "es": ("Competencias y recursos", "Sin competencia formal, poco presupuesto o personal."),
            "ar": ("الصلاحيات والموارد", "غياب الاختصاص الرسمي، وقلة الميزانية أو الموظفين."),
            "pt": ("Competência e recursos", "Sem competência formal, pouco orçamento ou pessoal."),
        },
        "awareness-and-capacity": {
            "fr": ("Sensibilisation et capacités", "Personnel non formé, faible sensibilisation, priorités concurrentes."),
            "es": ("Sensibilización y capacidades", "Personal sin formación, poca sensibilización, prioridades que compiten entre sí."),
            "ar": ("الوعي والقدرات", "موظفون غير مكوَّنين، وضعف الوعي، وأولويات متنافسة."),
            "pt": ("Sensibilização e capacidades", "Equipes sem formação, pouca sensibilização, prioridades concorrentes."),
        },
        "trust": {
            "fr": ("Confiance", "La confiance des femmes migrantes est difficile à gagner."),
            "es": ("Confianza", "Cuesta ganarse la confianza de las mujeres migrantes."),
            "ar": ("الثقة", "يصعب كسب ثقة النساء المهاجرات."),
            "pt": ("Confiança", "É difícil conquistar a confiança das mulheres migrantes."),
        },
        "information-access": {
            "fr": ("Information et données", "Informations et données limitées."),
            "es": ("Información y datos", "Información y datos limitados."),
            "ar": ("المعلومات والبيانات", "محدودية المعلومات والبيانات."),
            "pt": ("Informação e dados", "Informações e dados limitados."),
        },
        "monitoring": {
            "fr": ("Suivi", "Peu de moyens de suivre les résultats propres aux femmes."),
            "es": ("Seguimiento", "Pocas formas de hacer el seguimiento de resultados específicos para las mujeres."),
            "ar": ("المتابعة", "قلة آليات متابعة النتائج الخاصة بالنساء."),
            "pt": ("Monitoramento", "Poucas formas de acompanhar resultados específicos para as mulheres."),
        },
        "stakeholder-dialogue": {
            "fr": ("Dialogue avec les acteurs", "Dialogue faible avec les parties prenantes et entre les niveaux local et national."),
            "es": ("Diálogo con los actores", "Diálogo débil con los actores implicados y entre los niveles local y nacional."),
            "ar": ("الحوار مع الأطراف المعنية", "ضعف الحوار مع الأطراف المعنية وبين المستويين المحلي والوطني."),
            "pt": ("Diálogo com os atores", "Diálogo fraco com as partes interessadas e entre os níveis local e nacional."),
        },
    },
    "OpportunityCategory": {
        "gender-mainstreaming": {
            "fr": ("Intégration du genre", "Changer la façon de concevoir les politiques : aménagement intersectionnel de l’espace public, formation du personnel, information."),
            "es": ("Transversalidad de género", "Cambiar la forma de hacer políticas: diseño interseccional del espacio público, formación del personal, información."),
            "ar": ("إدماج مقاربة النوع الاجتماعي", "تغيير طريقة صنع السياسات: تصميم تقاطعي للفضاء العام، وتكوين الموظفين، والإعلام."),
            "pt": ("Transversalidade de gênero", "Mudar a forma de fazer políticas: desenho interseccional do espaço público, formação das equipes, informação."),
        },
        "protection": {
            "fr": ("Protection", "Soutien psychologique, lieux sûrs et hébergement."),
            "es": ("Protección", "Apoyo psicológico, espacios seguros y acogida."),
            "ar": ("الحماية", "الدعم النفسي، والفضاءات الآمنة، والإيواء."),
            "pt": ("Proteção", "Apoio psicológico, espaços seguros e acolhimento."),
        },
        "inclusion-services": {
            "fr": ("Services d’inclusion", "Enseignement supérieur, cours de langue, insertion professionnelle, aides financières, services de garde et de soin."),
            "es": ("Servicios de inclusión", "Educación superior, cursos de idiomas, inserción laboral, ayudas económicas, servicios de cuidado."),
            "ar": ("خدمات الإدماج", "التعليم العالي، ودروس اللغة، والإدماج المهني، والمنح، وخدمات الرعاية."),
            "pt": ("Serviços de inclusão", "Ensino superior, cursos de idiomas, inserção no trabalho, auxílios financeiros, serviços de cuidado."),
        },
        "multi-stakeholder": {
            "fr": ("Coopération multi-acteurs", "Secteur privé, société civile, monde universitaire, accréditation, coordination entre niveaux de gouvernement."),
            "es": ("Cooperación entre múltiples actores", "Sector privado, sociedad civil, academia, acreditación, coordinación entre niveles de gobierno."),
            "ar": ("التعاون بين أطراف متعددة", "القطاع الخاص، والمجتمع المدني، والجامعات، والاعتماد، والتنسيق بين مستويات الحكم."),
            "pt": ("Cooperação entre múltiplos atores", "Setor privado, sociedade civil, academia, credenciamento, coordenação entre níveis de governo."),
        },
        "city-networking": {
            "fr": ("Réseaux de villes", "Partager des pratiques, les étendre, listes de contrôle et suivi communs, plaidoyer conjoint."),
            "es": ("Redes de ciudades", "Compartir prácticas, ampliarlas, listas de verificación y seguimiento comunes, incidencia conjunta."),
            "ar": ("شبكات المدن", "تبادل الممارسات وتوسيعها، وقوائم مرجعية ومتابعة مشتركة، ومناصرة مشتركة."),
            "pt": ("Redes de cidades", "Compartilhar práticas, ampliá-las, listas de verificação e monitoramento comuns, incidência conjunta."),
        },
    },
    "TargetGroup": {
        "mothers-and-children": {
            "fr": ("Mères avec enfants", ""), "es": ("Madres con hijos", ""),
            "ar": ("الأمهات مع أطفالهن", ""), "pt": ("Mães com filhos", ""),
        },
        "pregnant-women": {
            "fr": ("Femmes enceintes", ""), "es": ("Mujeres embarazadas", ""),
            "ar": ("النساء الحوامل", ""), "pt": ("Gestantes", ""),
        },
        "working-women": {
            "fr": ("Femmes qui travaillent", ""), "es": ("Mujeres trabajadoras", ""),
            "ar": ("النساء العاملات", ""), "pt": ("Mulheres trabalhadoras", ""),
        },
        "domestic-workers": {
            "fr": ("Travailleuses domestiques", "Femmes qui travaillent chez des particuliers."),
            "es": ("Trabajadoras del hogar", "Mujeres que trabajan en hogares particulares."),
            "ar": ("عاملات المنازل", "نساء يعملن في البيوت الخاصة."),
            "pt": ("Trabalhadoras domésticas", "Mulheres que trabalham em residências particulares."),
        },
        "women-with-irregular-status": {
            "fr": ("Femmes en situation irrégulière", "Femmes sans titre de séjour valable."),
            "es": ("Mujeres en situación irregular", "Mujeres sin permiso de residencia válido."),
            "ar": ("النساء في وضع غير نظامي", "نساء بلا تصريح إقامة ساري المفعول."),
            "pt": ("Mulheres em situação irregular", "Mulheres sem autorização de residência válida."),
        },
        "long-settled-migrant-women": {
            "fr": ("Femmes migrantes installées de longue date", ""),
            "es": ("Mujeres migrantes asentadas desde hace tiempo", ""),
            "ar": ("المهاجرات المستقرات منذ زمن طويل", ""),
            "pt": ("Mulheres migrantes estabelecidas há muito tempo", ""),
        },
        "newly-arrived-women": {
            "fr": ("Femmes récemment arrivées", ""), "es": ("Mujeres recién llegadas", ""),
            "ar": ("النساء الوافدات حديثًا", ""), "pt": ("Mulheres recém-chegadas", ""),
        },
        "refugee-and-asylum-seeking-women": {
            "fr": ("Femmes réfugiées et demandeuses d’asile", ""),
            "es": ("Mujeres refugiadas y solicitantes de asilo", ""),
            "ar": ("اللاجئات وطالبات اللجوء", ""),
            "pt": ("Mulheres refugiadas e solicitantes de refúgio", ""),
        },
        "women-with-disabilities": {
            "fr": ("Femmes en situation de handicap", ""),
            "es": ("Mujeres con discapacidad", ""),
            "ar": ("النساء ذوات الإعاقة", ""),
            "pt": ("Mulheres com deficiência", ""),
        },
        "survivors-of-violence": {
            "fr": ("Survivantes de violences", ""), "es": ("Sobrevivientes de violencia", ""),
            "ar": ("الناجيات من العنف", ""), "pt": ("Sobreviventes de violência", ""),
        },
        "migrant-communities": {
            "fr": ("Communautés migrantes", "Personnes migrantes de tous genres et de tous âges."),
            "es": ("Comunidades migrantes", "Personas migrantes de todos los géneros y edades."),
            "ar": ("الجاليات المهاجرة", "مهاجرون ومهاجرات من كل الأجناس والأعمار."),
            "pt": ("Comunidades migrantes", "Pessoas migrantes de todos os gêneros e idades."),
        },
        "public-servants": {
            "fr": ("Agents publics", "Personnel municipal et régional."),
            "es": ("Personal público", "Personal municipal y regional."),
            "ar": ("الموظفون العموميون", "موظفو البلديات والجهات."),
            "pt": ("Servidores públicos", "Equipes municipais e regionais."),
        },
    },
    "ActionType": {
        "service-provision": {
            "fr": ("Prestation de services", "Services rendus directement aux personnes."),
            "es": ("Prestación de servicios", "Servicios prestados directamente a las personas."),
            "ar": ("تقديم الخدمات", "خدمات تُقدَّم مباشرة إلى الناس."),
            "pt": ("Prestação de serviços", "Serviços prestados diretamente às pessoas."),
        },
        "policy-and-planning": {
            "fr": ("Politiques et planification", "Lois, plans et stratégies."),
            "es": ("Políticas y planificación", "Leyes, planes y estrategias."),
            "ar": ("السياسات والتخطيط", "القوانين والخطط والاستراتيجيات."),
            "pt": ("Políticas e planejamento", "Leis, planos e estratégias."),
        },
        "participation-and-governance": {
            "fr": ("Participation et gouvernance", "Conseils, consultations et autres moyens pour les personnes migrantes de prendre part aux décisions."),
            "es": ("Participación y gobernanza", "Consejos, consultas y otras vías para que las personas migrantes participen en las decisiones."),
            "ar": ("المشاركة والحوكمة", "مجالس واستشارات وسبل أخرى تتيح للمهاجرين المشاركة في القرارات."),
            "pt": ("Participação e governança", "Conselhos, consultas e outras formas de as pessoas migrantes participarem das decisões."),
        },
        "partnership-with-civil-society": {
            "fr": ("Partenariat avec la société civile", "Travail mené avec des associations et des ONG."),
            "es": ("Alianza con la sociedad civil", "Trabajo realizado junto con asociaciones y ONG."),
            "ar": ("الشراكة مع المجتمع المدني", "عمل يُنجَز بالتعاون مع الجمعيات والمنظمات غير الحكومية."),
            "pt": ("Parceria com a sociedade civil", "Trabalho feito em conjunto com associações e ONGs."),
        },
        "information-and-outreach": {
            "fr": ("Information et proximité", "Porter l’information là où sont les personnes, dans leurs langues."),
            "es": ("Información y acercamiento", "Llevar la información adonde están las personas, en sus idiomas."),
            "ar": ("الإعلام والتواصل الميداني", "إيصال المعلومات إلى الناس حيث هم، وبلغاتهم."),
            "pt": ("Informação e busca ativa", "Levar a informação até onde as pessoas estão, nas suas línguas."),
        },
        "training-and-capacity-building": {
            "fr": ("Formation et renforcement des capacités", ""),
            "es": ("Formación y fortalecimiento de capacidades", ""),
            "ar": ("التكوين وبناء القدرات", ""),
            "pt": ("Formação e fortalecimento de capacidades", ""),
        },
        "research-and-data": {
            "fr": ("Recherche et données", "Enquêtes, études et suivi."),
            "es": ("Investigación y datos", "Encuestas, estudios y seguimiento."),
            "ar": ("البحث والبيانات", "المسوح والدراسات والمتابعة."),
            "pt": ("Pesquisa e dados", "Levantamentos, estudos e monitoramento."),
        },
        "emergency-response": {
            "fr": ("Réponse d’urgence", "Agir en temps de crise, par exemple lors d’une pandémie."),
            "es": ("Respuesta de emergencia", "Actuar en una crisis, como una pandemia."),
            "ar": ("الاستجابة للطوارئ", "العمل في أوقات الأزمات، كالجائحة."),
            "pt": ("Resposta a emergências", "Agir em uma crise, como uma pandemia."),
        },
    },
    "SDGTarget": {
        "5-1": {
            "fr": ("Mettre fin à la discrimination à l’égard des femmes et des filles", ""),
            "es": ("Poner fin a la discriminación contra las mujeres y las niñas", ""),
            "ar": ("القضاء على التمييز ضد النساء والفتيات", ""),
            "pt": ("Acabar com a discriminação contra mulheres e meninas", ""),
        },
        "5-2": {
            "fr": ("Éliminer la violence à l’égard des femmes et des filles", ""),
            "es": ("Eliminar la violencia contra las mujeres y las niñas", ""),
            "ar": ("القضاء على العنف ضد النساء والفتيات", ""),
            "pt": ("Eliminar a violência contra mulheres e meninas", ""),
        },
        "5-5": {
            "fr": ("Participation pleine des femmes et accès aux postes de direction", ""),
            "es": ("Participación plena de las mujeres y acceso al liderazgo", ""),
            "ar": ("مشاركة المرأة الكاملة ووصولها إلى مواقع القيادة", ""),
            "pt": ("Participação plena das mulheres e acesso à liderança", ""),
        },
        "10-7": {
            "fr": ("Migrations ordonnées, sûres et responsables", ""),
            "es": ("Migración ordenada, segura y responsable", ""),
            "ar": ("هجرة منظمة وآمنة ومسؤولة", ""),
            "pt": ("Migração ordenada, segura e responsável", ""),
        },
        "11-3": {
            "fr": ("Urbanisme inclusif et participatif", ""),
            "es": ("Planificación inclusiva y participativa", ""),
            "ar": ("تخطيط شامل وتشاركي", ""),
            "pt": ("Planejamento inclusivo e participativo", ""),
        },
        "11-7": {
            "fr": ("Espaces publics sûrs et ouverts à toutes et tous", ""),
            "es": ("Espacios públicos seguros e inclusivos", ""),
            "ar": ("فضاءات عامة آمنة وشاملة للجميع", ""),
            "pt": ("Espaços públicos seguros e inclusivos", ""),
        },
        "16-7": {
            "fr": ("Prise de décision réactive, ouverte et représentative", ""),
            "es": ("Toma de decisiones receptiva, inclusiva y representativa", ""),
            "ar": ("صنع قرار متجاوب وشامل وتمثيلي", ""),
            "pt": ("Tomada de decisão responsiva, inclusiva e representativa", ""),
        },
    },
    "Region": {
        "africa": {"fr": ("Afrique", ""), "es": ("África", ""), "ar": ("أفريقيا", ""), "pt": ("África", "")},
        "americas": {"fr": ("Amériques", ""), "es": ("Américas", ""), "ar": ("الأمريكتان", ""), "pt": ("Américas", "")},
        "asia-pacific": {"fr": ("Asie-Pacifique", ""), "es": ("Asia-Pacífico", ""), "ar": ("آسيا والمحيط الهادئ", ""), "pt": ("Ásia-Pacífico", "")},
        "europe": {"fr": ("Europe", ""), "es": ("Europa", ""), "ar": ("أوروبا", ""), "pt": ("Europa", "")},
        "mena": {
            "fr": ("Moyen-Orient et Afrique du Nord", ""),
            "es": ("Oriente Medio y Norte de África", ""),
            "ar": ("الشرق الأوسط وشمال أفريقيا", ""),
            "pt": ("Oriente Médio e Norte da África", ""),
        },
    },
}


def seed(apps, schema_editor):
    for model_name, terms in TRANSLATIONS.items():
        model = apps.get_model("exchange", model_name)
        for term in model.objects.filter(slug__in=list(terms)):
            changed = []
            for language, (name, description) in terms[term.slug].items():
                for field, value in ((f"name_{language}", name), (f"description_{language}", description)):
                    if value and not getattr(term, field):
                        setattr(term, field, value)
                        changed.append(field)
            if changed:
                term.save(update_fields=changed)


class Migration(migrations.Migration):
    dependencies = [("exchange", "0007_term_translations")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
