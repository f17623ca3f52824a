"""PostgreSQL: the full text moves out of the documents into a narrow table of its own.

A search for a common word matches half the corpus. With the weighted vector in the wide
document rows (text, translations), PostgreSQL read most of the table's pages to return
their ids and ranked every match by reading its whole vector: about 200 ms at 100,000
practices. `search_vectors` holds per document the vector of all its text (stored out of
line, so the table itself stays a few bytes a row and the GIN index answers without
reading it), and small vectors of the titles and of the summaries, kept in the row, which
rank a match without reading its whole text. A trigger deletes a document's vectors with
it, as SQLite's trigger does for FTS5. The vectors are filled here from the documents, in
the same way as the database engine indexes them.
"""

from django.db import migrations

# The text search configuration of a language code; the default one for any other.
CONFIG = (
    "('exchange_' || CASE WHEN {0} IN ('en', 'fr', 'es', 'pt', 'it', 'ar') "
    "THEN {0} ELSE 'en' END)::regconfig"
)
FILL = f"""
INSERT INTO search_vectors (document_id, title, summary, body)
SELECT d.page_id,
       exchange_tsvector_agg(to_tsvector(t.cfg, t.title)),
       exchange_tsvector_agg(to_tsvector(t.cfg, t.summary)),
       exchange_tsvector_agg(to_tsvector(t.cfg, t.title || ' ' || t.summary || ' ' || t.body))
FROM search_searchdocument d,
LATERAL (
    SELECT {CONFIG.format("d.language")} AS cfg, d.title, d.summary, d.body
    UNION ALL
    SELECT {CONFIG.format("(v.value->>'language')")},
           coalesce(v.value->>'title', ''), coalesce(v.value->>'summary', ''),
           coalesce(v.value->>'body', '')
    FROM jsonb_each(d.translations) AS v
) AS t
GROUP BY d.page_id
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    run = schema_editor.execute
    run(
        "CREATE TABLE search_vectors (document_id integer PRIMARY KEY, title tsvector NOT NULL, "
        "summary tsvector NOT NULL, body tsvector NOT NULL) WITH (toast_tuple_target = 128)"
    )
    run("ALTER TABLE search_vectors ALTER COLUMN body SET STORAGE EXTERNAL")
    run("ALTER TABLE search_vectors ALTER COLUMN title SET STORAGE MAIN")
    run("ALTER TABLE search_vectors ALTER COLUMN summary SET STORAGE MAIN")
    run(FILL)
    run("CREATE INDEX search_vectors_body ON search_vectors USING gin (body)")
    run(
        "CREATE FUNCTION search_vectors_delete() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN DELETE FROM search_vectors WHERE document_id = OLD.page_id; RETURN OLD; END $$"
    )
    run(
        "CREATE TRIGGER search_vectors_delete AFTER DELETE ON search_searchdocument "
        "FOR EACH ROW EXECUTE FUNCTION search_vectors_delete()"
    )
    run("DROP INDEX IF EXISTS search_doc_vector")
    run("ALTER TABLE search_searchdocument DROP COLUMN search_vector")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    run = schema_editor.execute
    run("ALTER TABLE search_searchdocument ADD COLUMN search_vector tsvector")
    run(
        "UPDATE search_searchdocument d SET search_vector = v.body "
        "FROM search_vectors v WHERE v.document_id = d.page_id"
    )
    run("CREATE INDEX search_doc_vector ON search_searchdocument USING gin (search_vector)")
    run("DROP TRIGGER IF EXISTS search_vectors_delete ON search_searchdocument")
    run("DROP FUNCTION IF EXISTS search_vectors_delete()")
    run("DROP TABLE IF EXISTS search_vectors")


class Migration(migrations.Migration):
    dependencies = [("search", "0008_licence")]
    operations = [migrations.RunPython(forwards, backwards)]
