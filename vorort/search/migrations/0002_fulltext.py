"""The engine's full-text structures next to the document table, depending on the database:

SQLite: an FTS5 table `search_fts(title, body, extra)` keyed by the document id.
PostgreSQL: a generated tsvector column `search_vector` (title weight A, body B, extra C) with a GIN index. The
terms are already stemmed and folded in Python, so the 'simple' configuration only splits them; stemming them
again with 'german' would break the prefix match against the same tokens.
"""

from django.db import migrations

SQLITE_CREATE = (
    "CREATE VIRTUAL TABLE search_fts USING fts5(title, body, extra, tokenize = 'unicode61', prefix = '3')"
)
POSTGRES_CREATE = [
    """
    ALTER TABLE search_searchdocument ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, title_terms), 'A')
        || setweight(to_tsvector('simple'::regconfig, body_terms), 'B')
        || setweight(to_tsvector('simple'::regconfig, extra_terms), 'C')
    ) STORED
    """,
    "CREATE INDEX search_vector_gin ON search_searchdocument USING gin (search_vector)",
]


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(SQLITE_CREATE)
    elif vendor == "postgresql":
        for statement in POSTGRES_CREATE:
            schema_editor.execute(statement)


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS search_fts")
    elif vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_vector_gin")
        schema_editor.execute("ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS search_vector")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
