"""The full-text index beside ``SearchDocument``, per database, then fill it.

SQLite: an FTS5 external-content table ``site_storysearch`` (rowid = story id) kept in step
by triggers on ``site_searchdocument``; porter stemming over unicode61 with diacritics
folded. PostgreSQL: a generated ``search_vector`` column (headline weighted A, abstract B,
body C, English configuration) with a GIN index, so nothing in Python has to keep it in step.
Other databases get no index (search then finds nothing).
"""

from __future__ import annotations

from typing import Any

from django.db import migrations

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE site_storysearch USING fts5(
        headline, abstract, body,
        content='site_searchdocument', content_rowid='story_id',
        tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER site_searchdocument_ai AFTER INSERT ON site_searchdocument BEGIN
        INSERT INTO site_storysearch(rowid, headline, abstract, body)
        VALUES (new.story_id, new.headline, new.abstract, new.body);
    END""",
    """CREATE TRIGGER site_searchdocument_ad AFTER DELETE ON site_searchdocument BEGIN
        INSERT INTO site_storysearch(site_storysearch, rowid, headline, abstract, body)
        VALUES ('delete', old.story_id, old.headline, old.abstract, old.body);
    END""",
    """CREATE TRIGGER site_searchdocument_au AFTER UPDATE ON site_searchdocument BEGIN
        INSERT INTO site_storysearch(site_storysearch, rowid, headline, abstract, body)
        VALUES ('delete', old.story_id, old.headline, old.abstract, old.body);
        INSERT INTO site_storysearch(rowid, headline, abstract, body)
        VALUES (new.story_id, new.headline, new.abstract, new.body);
    END""",
    # Documents left from before a rollback must be in the index before the triggers delete
    # them: an FTS5 'delete' of a row it never indexed corrupts the index.
    "INSERT INTO site_storysearch(site_storysearch) VALUES ('rebuild')",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS site_searchdocument_au",
    "DROP TRIGGER IF EXISTS site_searchdocument_ad",
    "DROP TRIGGER IF EXISTS site_searchdocument_ai",
    "DROP TABLE IF EXISTS site_storysearch",
]
POSTGRES_FORWARD = [
    """ALTER TABLE site_searchdocument ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, headline), 'A')
        || setweight(to_tsvector('english'::regconfig, abstract), 'B')
        || setweight(to_tsvector('english'::regconfig, body), 'C')
    ) STORED""",
    "CREATE INDEX site_searchdocument_vector ON site_searchdocument USING GIN (search_vector)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS site_searchdocument_vector",
    "ALTER TABLE site_searchdocument DROP COLUMN IF EXISTS search_vector",
]


def _run(statements: dict[str, list[str]]) -> Any:
    def run(apps: Any, schema_editor: Any) -> None:
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


def fill(apps: Any, schema_editor: Any) -> None:
    """Index the stories that exist already (historical models: no ``Story.headline``)."""
    from wiredesk.site.search_index import document_fields

    story_model = apps.get_model("stories", "Story")
    document_model = apps.get_model("site", "SearchDocument")
    document_model.objects.all().delete()  # re-applying after a rollback to 0001 starts clean
    stories = story_model.objects.filter(current_version__isnull=False).select_related("current_version")
    batch = []
    for story in stories.iterator(chunk_size=500):
        v = story.current_version
        batch.append(
            document_model(story_id=story.pk, **document_fields(story.headline_override, v.headline, v.abstract, v.body_html))
        )
        if len(batch) >= 500:
            document_model.objects.bulk_create(batch)
            batch = []
    document_model.objects.bulk_create(batch)


class Migration(migrations.Migration):
    dependencies = [("site", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
