"""Sync the roles again now that vocabularies, organisations and dialogues have their apps.

The roles name models by their current app; the migration that first made the roles ran
before the move, when these models were in `exchange`, so on a new database their rights
are granted here. On an existing database the renamed content types kept them already.
"""

from django.db import migrations


def sync(apps, schema_editor):
    from exchange.roles import sync_roles  # the code of today, run on this migration's state

    sync_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("exchange", "0010_delete_resourcepage_delete_theme"),
        ("dialogues", "0002_initial"),
        ("resources", "0001_initial"),
        ("cities", "0007_organisation_alter_cityprofilepage_region"),
        ("practices", "0007_alter_practiceresource_resource_and_more"),
    ]

    operations = [migrations.RunPython(sync, migrations.RunPython.noop)]
