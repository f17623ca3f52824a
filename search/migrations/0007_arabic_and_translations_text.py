"""PostgreSQL: an Arabic text search configuration, and an aggregate to index translations.

`exchange_ar` follows the other `exchange_<code>` configurations of 0002 (unaccent, then
the Snowball stemmer PostgreSQL ships). `exchange_tsvector_agg` concatenates tsvectors
(`||` as an aggregate), so the engine can add the vectors of every translation held in a
document's `translations` column in one UPDATE.
"""

from django.db import migrations


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP TEXT SEARCH CONFIGURATION IF EXISTS exchange_ar")
    schema_editor.execute(
        "CREATE TEXT SEARCH CONFIGURATION exchange_ar (COPY = pg_catalog.arabic)"
    )
    schema_editor.execute(
        "ALTER TEXT SEARCH CONFIGURATION exchange_ar ALTER MAPPING FOR "
        "hword, hword_part, word WITH unaccent, arabic_stem"
    )
    schema_editor.execute("DROP AGGREGATE IF EXISTS exchange_tsvector_agg(tsvector)")
    schema_editor.execute(
        "CREATE AGGREGATE exchange_tsvector_agg(tsvector) "
        "(SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '')"
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP AGGREGATE IF EXISTS exchange_tsvector_agg(tsvector)")
    schema_editor.execute("DROP TEXT SEARCH CONFIGURATION IF EXISTS exchange_ar")


class Migration(migrations.Migration):
    dependencies = [("search", "0006_translations")]
    operations = [migrations.RunPython(forwards, backwards)]
