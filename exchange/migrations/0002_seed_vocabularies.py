"""Seed the controlled vocabularies. Slugs are contracts: never edit them here or later.

Running again updates nothing an editor changed: rows are created only when missing.
"""

from django.db import migrations

THEMES = [
    ("safety-and-violence", "Safety and violence",
     "Trafficking and exploitation, gender-based violence, unsafe public space."),
    ("rights-and-legal-status", "Rights and legal status",
     "Legal status and access to rights: maternal and child health, social benefits, housing."),
    ("inclusion-and-participation", "Inclusion and participation",
     "Mistrust of authorities, language, accessibility, low participation, "
     "no spaces to organise."),
    ("economic-empowerment", "Economic empowerment",
     "Labour market, training, recognition of diplomas, informal and care work, "
     "entrepreneurship, stereotypes."),
]

BARRIERS = [
    ("mandate-and-resources", "Mandate and resources",
     "No formal competence, little budget or staff."),
    ("awareness-and-capacity", "Awareness and capacity",
     "Untrained staff, low awareness, competing priorities."),
    ("trust", "Trust", "Migrant women's trust is hard to gain."),
    ("information-access", "Information and data", "Limited information and data."),
    ("monitoring", "Monitoring", "Few ways to monitor outcomes specific to women."),
    ("stakeholder-dialogue", "Stakeholder dialogue",
     "Weak dialogue with stakeholders and between local and national levels."),
]

OPPORTUNITIES = [
    ("gender-mainstreaming", "Gender mainstreaming",
     "Changing how policy is made: intersectional design of public space, staff training, "
     "information."),
    ("protection", "Protection", "Psychological support, safe spaces and shelter."),
    ("inclusion-services", "Inclusion services",
     "Higher education, language courses, labour inclusion, subsidies, care services."),
    ("multi-stakeholder", "Multi-stakeholder cooperation",
     "Private sector, civil society, academia, accreditation, coordination across levels "
     "of government."),
    ("city-networking", "City networking",
     "Sharing practices, scaling up, common checklists and monitoring, joint advocacy."),
]

TARGET_GROUPS = [
    ("mothers-and-children", "Mothers with children", ""),
    ("pregnant-women", "Pregnant women", ""),
    ("working-women", "Working women", ""),
    ("domestic-workers", "Domestic workers", "Women working in private households."),
    ("women-with-irregular-status", "Women with irregular status",
     "Women without a valid residence permit."),
    ("long-settled-migrant-women", "Long-settled migrant women", ""),
    ("newly-arrived-women", "Newly arrived women", ""),
    ("refugee-and-asylum-seeking-women", "Refugee and asylum-seeking women", ""),
    ("women-with-disabilities", "Women with disabilities", ""),
    ("survivors-of-violence", "Survivors of violence", ""),
    ("migrant-communities", "Migrant communities", "Migrants of all genders and ages."),
    ("public-servants", "Public servants", "Municipal and regional staff."),
]

ACTION_TYPES = [
    ("service-provision", "Service provision", "Services delivered directly to people."),
    ("policy-and-planning", "Policy and planning", "Laws, plans and strategies."),
    ("participation-and-governance", "Participation and governance",
     "Councils, consultations and other ways for migrants to take part in decisions."),
    ("partnership-with-civil-society", "Partnership with civil society",
     "Work done together with associations and NGOs."),
    ("information-and-outreach", "Information and outreach",
     "Bringing information to people where they are, in their languages."),
    ("training-and-capacity-building", "Training and capacity building", ""),
    ("research-and-data", "Research and data", "Surveys, studies and monitoring."),
    ("emergency-response", "Emergency response", "Action in a crisis such as a pandemic."),
]

SDG_TARGETS = [
    ("5-1", "5.1", "End discrimination against women and girls"),
    ("5-2", "5.2", "End violence against women and girls"),
    ("5-5", "5.5", "Women's full participation and leadership"),
    ("10-7", "10.7", "Orderly, safe and responsible migration"),
    ("11-3", "11.3", "Inclusive and participatory planning"),
    ("11-7", "11.7", "Safe, inclusive public spaces"),
    ("16-7", "16.7", "Responsive, inclusive and representative decision-making"),
]

REGIONS = [
    ("africa", "Africa", ""),
    ("americas", "Americas", ""),
    ("asia-pacific", "Asia-Pacific", ""),
    ("europe", "Europe", ""),
    ("mena", "Middle East and North Africa", ""),
]


def seed(apps, schema_editor):
    for model_name, rows in [
        ("Theme", THEMES),
        ("BarrierCategory", BARRIERS),
        ("OpportunityCategory", OPPORTUNITIES),
        ("TargetGroup", TARGET_GROUPS),
        ("ActionType", ACTION_TYPES),
        ("Region", REGIONS),
    ]:
        model = apps.get_model("exchange", model_name)
        for order, (slug, name, description) in enumerate(rows):
            model.objects.get_or_create(
                slug=slug,
                defaults={"name": name, "description": description, "sort_order": order},
            )
    sdg = apps.get_model("exchange", "SDGTarget")
    for order, (slug, code, name) in enumerate(SDG_TARGETS):
        sdg.objects.get_or_create(
            slug=slug, defaults={"code": code, "name": name, "sort_order": order}
        )


class Migration(migrations.Migration):
    dependencies = [("exchange", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
