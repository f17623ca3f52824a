"""Create the roles: coordinators, moderators, one editors' group per city, the workflow.

Runs the same code as `manage.py sync_roles`, against this migration's historical models.
"""

from django.db import migrations


def create_roles(apps, schema_editor):
    from exchange.roles import sync_roles

    sync_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("cities", "0004_city_editor_group"),
        ("exchange", "0004_dialoguecommitment_source_session_and_more"),
        # so that moderators and coordinators are granted the submission models
        ("practices", "0004_recommendationpage"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0006_formstate"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
