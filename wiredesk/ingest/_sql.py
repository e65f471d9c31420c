"""Multi-row INSERT and prepared UPDATE for the ingest's hot path, below the ORM's query compiler.

``QuerySet.bulk_create`` compiles every value of every row through the query compiler
(tens of microseconds a row) and ``bulk_update`` builds one ``CASE WHEN`` per field; at
thousands of stories a second that was most of the ingest's time. These two helpers write
the same rows with plain statements: the values are still adapted by the model's own
fields (datetimes, JSON, bytes), so SQLite and PostgreSQL store exactly what the ORM would.

Only SQL identifiers from the models' metadata (quoted) go into statement text; every value
is a parameter.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, tzinfo
from typing import Any

from django.conf import settings
from django.db import connections, models, router
from django.db.backends.base.base import BaseDatabaseWrapper

Converter = Callable[[Any], Any] | None


def _fields(model: type[models.Model], names: Sequence[str] | None = None) -> list[models.Field[Any, Any]]:
    meta = model._meta
    if names is None:
        return [f for f in meta.concrete_fields if not f.primary_key]
    found = [meta.get_field(name) for name in names]
    fields = [f for f in found if isinstance(f, models.Field) and f.concrete]
    if len(fields) != len(found):
        raise TypeError(f"{model.__name__}: {names} must all be concrete fields.")
    return fields


def _converter(field: models.Field[Any, Any], connection: BaseDatabaseWrapper) -> Converter:
    """How to adapt a non-null value of ``field`` for the database (``None``: as it is)."""
    if isinstance(field, models.DateTimeField):
        if connection.vendor == "sqlite" and settings.USE_TZ:
            return functools.partial(_sqlite_datetime, connection.timezone)
        return connection.ops.adapt_datetimefield_value
    if isinstance(field, models.ForeignKey):
        return _converter(field.target_field, connection)
    if isinstance(field, (models.CharField, models.TextField, models.IntegerField, models.BooleanField)):
        return None
    if isinstance(field, models.JSONField):
        # what JSONField.get_db_prep_save ends in for a plain value, without its dispatching
        adapt, encoder = connection.ops.adapt_json_value, field.encoder
        # most rows hold an empty list or object (signals, an event's before/after): adapted once
        empty: dict[type, Any] = {list: adapt([], encoder), dict: adapt({}, encoder)}
        return functools.partial(_json, adapt, encoder, empty)
    return lambda value: field.get_db_prep_save(value, connection)


@functools.lru_cache(maxsize=4096)  # a batch repeats its "now" in every row
def _sqlite_datetime(zone: tzinfo, value: datetime) -> str:
    # Django's SQLite adapter with USE_TZ: aware values in the connection's zone, made naive,
    # as str(); the same text, without its per-value checks for expressions and settings.
    if value.utcoffset() is not None:
        value = value.astimezone(zone).replace(tzinfo=None)
    return str(value)


def _json(adapt: Callable[[Any, Any], Any], encoder: Any, empty: dict[type, Any], value: Any) -> Any:
    if not value and type(value) in empty:
        return empty[type(value)]
    return adapt(value, encoder)


def _prepare(fields: Sequence[models.Field[Any, Any]], connection: BaseDatabaseWrapper) -> list[Converter]:
    return [_converter(f, connection) for f in fields]


def insert(model: type[models.Model], rows: Sequence[Mapping[str, Any]]) -> list[int]:
    """Insert ``rows`` (attname → value; a missing field takes its default); return their ids, in order.

    As few statements as the backend's limit on parameters allows (one, for a few
    thousand small rows). On PostgreSQL the rows go as one array per column through
    ``UNNEST`` (as Django's own ``bulk_create`` does there): a statement with a placeholder
    per value costs psycopg more to bind than the database takes to run it.
    """
    if not rows:
        return []
    connection = connections[router.db_for_write(model)]
    fields = _fields(model)
    if not connection.features.can_return_rows_from_bulk_insert:  # pragma: no cover - SQLite < 3.35
        objs = model._default_manager.bulk_create([model(**row) for row in rows])
        return [obj.pk for obj in objs]
    plan = [(f.attname, f.get_default()) for f in fields]
    # most columns (text, numbers, keys) go as they are: only the others are visited per row
    convert = [(i, conv) for i, conv in enumerate(_prepare(fields, connection)) if conv is not None]
    values = []
    for row in rows:
        value = [row.get(name, default) for name, default in plan]
        for i, conv in convert:
            if value[i] is not None:
                value[i] = conv(value[i])
        values.append(value)
    pk = model._meta.pk
    assert pk is not None  # noqa: S101 - every model has one
    quote = connection.ops.quote_name
    head = f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(str(f.column)) for f in fields)}) "
    tail = f" RETURNING {quote(str(pk.column))}"
    ids: list[int] = []
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # db_type without its length: "varchar[]", never "varchar(50)[]", which would truncate
            arrays = ", ".join(f"(%s)::{str(f.db_type(connection)).split('(')[0]}[]" for f in fields)
            sql = f"{head}SELECT * FROM UNNEST({arrays}){tail}"  # noqa: S608 - quoted identifiers and types only
            cursor.execute(sql, [list(column) for column in zip(*values, strict=True)])
            return [row[0] for row in cursor.fetchall()]
        placeholders = "(" + ", ".join(["%s"] * len(fields)) + ")"
        per_statement = max(1, min(len(rows), (connection.features.max_query_params or 32766) // len(fields)))
        for start in range(0, len(values), per_statement):
            chunk = values[start : start + per_statement]
            sql = f"{head}VALUES {', '.join([placeholders] * len(chunk))}{tail}"
            cursor.execute(sql, [value for row in chunk for value in row])
            ids.extend(row[0] for row in cursor.fetchall())
    return ids


def update(model: type[models.Model], names: Sequence[str], objs: Sequence[Any]) -> None:
    """Save fields ``names`` of ``objs``: one prepared ``UPDATE … WHERE id = %s`` run for every row.

    ``objs`` are model instances or anything with the fields' attnames and ``pk`` as attributes.
    """
    if not objs:
        return
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    fields = _fields(model, names)
    convert = _prepare(fields, connection)
    pk = model._meta.pk
    assert pk is not None  # noqa: S101 - every model has one
    assignments = ", ".join(f"{quote(str(f.column))} = %s" for f in fields)
    sql = f"UPDATE {quote(model._meta.db_table)} SET {assignments} WHERE {quote(str(pk.column))} = %s"  # noqa: S608
    rows = []
    for obj in objs:
        row = []
        for field, conv in zip(fields, convert, strict=True):
            value = getattr(obj, field.attname)
            row.append(value if conv is None or value is None else conv(value))
        row.append(obj.pk)
        rows.append(row)
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)
