"""Wagtail's Locale rows for the content languages. Wagtail creates the default (en); this
adds the others. Idempotent: it creates only what is missing and removes nothing."""

from django.db import migrations

# Fixed here, not read from settings: a migration must do the same thing whenever it runs.
LANGUAGE_CODES = ["en", "fr", "es", "ar", "pt"]


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in LANGUAGE_CODES:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("exchange", "0004_dialoguecommitment_source_session_and_more"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
