"""``INSERT … ON CONFLICT … DO UPDATE`` for many rows, below the ORM's per-row compiling.

``bulk_create(update_conflicts=True)`` compiled every value of every row through the query
compiler: two thirds of an import's own time at 10,000 posts (docs/benchmarks.md). This
runs one prepared statement for all rows (``executemany``); values of fields that need
adapting (JSON, datetimes) still go through the field's own ``get_db_prep_save``, so SQLite
and PostgreSQL store what the ORM would. The statement is the same on both (SQLite ≥ 3.24).
Only quoted identifiers from the model's metadata go into statement text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.db import connections, models, router


def upsert(model: type[models.Model], rows: Sequence[Mapping[str, Any]], *, unique: Sequence[str],
           update: Sequence[str]) -> None:  # fmt: skip
    """Insert ``rows`` (attname → value; missing fields take their default), updating ``update`` on conflict."""
    if not rows:
        return
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    adapt = [isinstance(f, (models.JSONField, models.DateTimeField)) for f in fields]
    columns = ", ".join(quote(str(f.column)) for f in fields)
    conflict = ", ".join(quote(str(model._meta.get_field(n).column)) for n in unique)  # type: ignore[union-attr]
    changes = ", ".join(
        f"{quote(c)} = excluded.{quote(c)}" for c in (str(model._meta.get_field(n).column) for n in update)  # type: ignore[union-attr]
    )
    sql = (f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({', '.join(['%s'] * len(fields))}) "  # noqa: S608
           f"ON CONFLICT ({conflict}) DO UPDATE SET {changes}")  # fmt: skip
    values = []
    for row in rows:
        value = []
        for field, needs in zip(fields, adapt, strict=True):
            item = row[field.attname] if field.attname in row else field.get_default()
            value.append(field.get_db_prep_save(item, connection) if needs and item is not None else item)
        values.append(value)
    with connection.cursor() as cursor:
        cursor.executemany(sql, values)
