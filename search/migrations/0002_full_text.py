"""Full-text structures that differ by database.

PostgreSQL: a weighted tsvector column with a GIN index, and one text search configuration
per content language that strips accents before stemming (exchange_en, exchange_fr, ...).
SQLite: an FTS5 table holding the stems of each document (analysed in Python, see
search/text.py), its rowid the document id, emptied by a trigger when a document goes.
"""

from django.db import migrations

LANGUAGES = {
    "en": "english",
    "fr": "french",
    "es": "spanish",
    "pt": "portuguese",
    "it": "italian",
}


def forwards(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
        for code, language in LANGUAGES.items():
            schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS exchange_{code}")
            schema_editor.execute(
                f"CREATE TEXT SEARCH CONFIGURATION exchange_{code} (COPY = pg_catalog.{language})"
            )
            schema_editor.execute(
                f"ALTER TEXT SEARCH CONFIGURATION exchange_{code} ALTER MAPPING FOR "
                f"hword, hword_part, word WITH unaccent, {language}_stem"
            )
        schema_editor.execute(
            "ALTER TABLE search_searchdocument ADD COLUMN search_vector tsvector"
        )
        schema_editor.execute(
            "CREATE INDEX search_doc_vector ON search_searchdocument USING gin (search_vector)"
        )
    elif connection.vendor == "sqlite":
        schema_editor.execute(
            "CREATE VIRTUAL TABLE search_fts USING fts5("
            "title, summary, body, tokenize = 'unicode61 remove_diacritics 2')"
        )
        schema_editor.execute(
            "CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchdocument BEGIN "
            "DELETE FROM search_fts WHERE rowid = old.page_id; END"
        )


def backwards(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_doc_vector")
        schema_editor.execute("ALTER TABLE search_searchdocument DROP COLUMN search_vector")
        for code in LANGUAGES:
            schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS exchange_{code}")
    elif connection.vendor == "sqlite":
        schema_editor.execute("DROP TRIGGER IF EXISTS search_fts_delete")
        schema_editor.execute("DROP TABLE IF EXISTS search_fts")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
