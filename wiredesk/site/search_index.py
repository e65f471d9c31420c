"""Keep ``SearchDocument`` (and with it the database's full-text index) in step with stories.

``index_stories(ids)`` rewrites the documents of those stories from their current state:
the headline readers see and the current version's abstract and body as plain text. It is
called by the after-commit step ``index-for-search`` (``wiredesk.site.after``: after every
ingest batch and every desk change of a story's text, such as a headline override) and by
``wiredesk reindex``. It does not decide who may find a story: killed, held and embargoed
stories stay indexed and are filtered at query time by ``Story.objects.public()``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import connection, models

from wiredesk.site.models import SearchDocument
from wiredesk.stories.models import Story
from wiredesk.text import plain_text

BATCH = 500
# Snippet markers: control characters no indexed text contains (they are stripped from it),
# so search.py can escape a snippet and then turn exactly these into <mark> tags.
MARK_START = "\x02"
MARK_END = "\x03"


def clean(text: str) -> str:
    """``text`` without the snippet markers and NULs (PostgreSQL refuses NUL in text)."""
    return text.replace(MARK_START, " ").replace(MARK_END, " ").replace("\x00", " ")


def document_fields(headline_override: str, headline: str, abstract: str, body_html: str) -> dict[str, str]:
    """The indexed text of one story; shared with the data migration, so plain arguments."""
    return {
        "headline": clean(headline_override or headline),
        "abstract": clean(abstract),
        "body": clean(plain_text(body_html)),
    }


def index_stories(story_ids: Iterable[int]) -> int:
    """Rewrite the search documents of ``story_ids``; return how many were written.

    Two statements per 500 stories whatever changed (it runs after every ingest batch): one
    read of plain values (no model instances: this is on the ingest's hot path) and one
    prepared upsert run for every document. The SQLite triggers see the upsert's update as
    an UPDATE and re-index the row. Stories without a current version get no document (and
    lose a stale one).
    """
    ids = sorted(set(story_ids))
    written = 0
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        rows = Story.objects.filter(pk__in=chunk, current_version__isnull=False).values_list(
            "pk", "headline_override", "current_version__headline", "current_version__abstract",
            "current_version__body_html",
        )  # fmt: skip
        documents = []
        for pk, override, headline, abstract, body_html in rows:
            fields = document_fields(override, headline, abstract, body_html)
            documents.append((pk, fields["headline"], fields["abstract"], fields["body"]))
        if len(documents) < len(chunk):
            SearchDocument.objects.filter(story_id__in=set(chunk) - {d[0] for d in documents}).delete()
        _upsert(documents)
        written += len(documents)
    return written


def _upsert(documents: list[tuple[Any, ...]]) -> None:
    """Insert or replace ``(story_id, headline, abstract, body)`` rows (SQLite and PostgreSQL).

    One statement: on SQLite a multi-row ``VALUES`` (``BATCH`` rows, 2,000 parameters, under
    every limit), twice as fast there as the same upsert prepared once and run per row; on
    PostgreSQL one array per column through ``UNNEST``, which psycopg binds far faster than
    a placeholder per value.
    """
    if not documents:
        return
    quote = connection.ops.quote_name
    meta = SearchDocument._meta
    fields = [f for f in map(meta.get_field, ("story", "headline", "abstract", "body")) if isinstance(f, models.Field)]
    columns = [quote(str(field.column)) for field in fields]
    if connection.vendor == "postgresql":
        arrays = ", ".join(f"%s::{str(field.db_type(connection)).split('(')[0]}[]" for field in fields)
        rows = f"SELECT * FROM UNNEST({arrays})"  # noqa: S608 - column types from the model only
        params: list[Any] = [list(column) for column in zip(*documents, strict=True)]
    else:
        rows = "VALUES " + ", ".join(["(%s, %s, %s, %s)"] * len(documents))
        params = [value for document in documents for value in document]
    changes = ", ".join(f"{column} = excluded.{column}" for column in columns[1:])
    sql = (
        f"INSERT INTO {quote(meta.db_table)} ({', '.join(columns)}) {rows} "  # noqa: S608 - quoted identifiers only
        f"ON CONFLICT ({columns[0]}) DO UPDATE SET {changes}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def reindex_all() -> int:
    """Rebuild every story's document (``wiredesk reindex``); return how many were written.

    On SQLite the FTS5 index is first rebuilt from the documents, so the triggers' deletes
    find what they delete even when the index had drifted (a restored file, a manual edit).
    """
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO site_storysearch(site_storysearch) VALUES ('rebuild')")
    SearchDocument.objects.all().delete()
    ids = Story.objects.filter(current_version__isnull=False).values_list("pk", flat=True).order_by("pk")
    return index_stories(list(ids))
