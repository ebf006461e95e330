"""Low-level writers: ``INSERT … SELECT`` and ``COPY`` into a model's table,
every column the generator does not set filled with the field's default."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from django.db import connection, models
from django.utils import timezone


def _db_default(model: type[models.Model], f: models.Field):
    value = f.get_default()
    if value is None and not f.null:
        if isinstance(f, models.DateTimeField):
            value = timezone.now()
        elif isinstance(f, models.DateField):
            value = timezone.localdate()
    return f.get_db_prep_save(value, connection)


def _fields(model) -> list[models.Field]:
    return [f for f in model._meta.concrete_fields if not f.generated]


def lit(value) -> str:
    """A constant as an SQL literal (the generator's SQL takes no parameters,
    so ``%`` is the modulo operator and needs no escaping)."""
    from psycopg import sql

    connection.ensure_connection()
    return sql.Literal(value).as_string(connection.connection)


def arr(values: Sequence, typ: str = "text") -> str:
    return f"ARRAY[{', '.join(lit(v) for v in values)}]::{typ}[]"


def insert_select(model, exprs: dict[str, str], from_sql: str) -> int:
    """INSERT INTO model's table (every column) SELECT exprs … FROM from_sql.

    Columns missing from ``exprs`` get the field's default as a literal."""
    cols, select = [], []
    for f in _fields(model):
        if f.primary_key and f.column not in exprs:
            continue  # identity
        cols.append(f'"{f.column}"')
        select.append(exprs[f.column] if f.column in exprs else lit(_db_default(model, f)))
    sql = (
        f'INSERT INTO "{model._meta.db_table}" ({", ".join(cols)}) '
        f"SELECT {', '.join(select)} FROM {from_sql}"
    )
    return execute(sql)


class deferred_indexes:
    """Drop a table's plain (non-constraint) indexes during a bulk insert and
    build them again afterwards: one sort per index instead of one random
    insert per row. Primary keys and unique constraints stay in place."""

    def __init__(self, model):
        self.table = model._meta.db_table

    def __enter__(self):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT i.indexname, i.indexdef FROM pg_indexes i "
                "WHERE i.tablename = %s AND NOT EXISTS ("
                " SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)",
                [self.table],
            )
            self.indexes = cursor.fetchall()
            for name, _definition in self.indexes:
                cursor.execute(f'DROP INDEX "{name}"')
        return self

    def __exit__(self, *exc):
        with connection.cursor() as cursor:
            cursor.execute("SET maintenance_work_mem = '512MB'")
            for _name, definition in self.indexes:
                cursor.execute(definition)
        return False


def copy_rows(model, columns: list[str], rows: Iterable[Sequence], progress=None, total=0) -> int:
    """COPY rows (tuples aligned with ``columns``) into the model's table; other
    columns get their field defaults."""
    fields = _fields(model)
    extra = [f for f in fields if f.column not in columns and not f.primary_key]
    tail = tuple(_db_default(model, f) for f in extra)
    names = ", ".join(f'"{c}"' for c in [*columns, *(f.column for f in extra)])
    n = 0
    with connection.cursor() as wrapper:
        cursor = wrapper.cursor  # the psycopg 3 cursor
        with cursor.copy(f'COPY "{model._meta.db_table}" ({names}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row((*row, *tail))
                n += 1
                if progress and n % 5000 == 0:
                    progress.tick(n, total)
    return n


def reset_sequence(model) -> None:
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
            f'COALESCE((SELECT MAX(id) FROM "{table}"), 0) + 1, false)'
        )


def execute(sql: str, params: Sequence | None = None) -> int:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount


def json_text(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def json_slice(values: str, length: str) -> str:
    """A JSON list of the first ``length`` of ``values`` (a SQL text[] literal)."""
    return (
        f"(SELECT coalesce(jsonb_agg(x), '[]'::jsonb) FROM unnest(({values})"
        f"[1:least(cardinality({values}), ({length})::int)]) AS x)"
    )


def json_object_slice(keys: str, length: str) -> str:
    """{key: "Bulanan"} for the first ``length`` keys (the operasional items run)."""
    return (
        f"(SELECT coalesce(jsonb_object_agg(x, 'Bulanan'), '{{}}'::jsonb) FROM unnest(({keys})"
        f"[1:least(cardinality({keys}), ({length})::int)]) AS x)"
    )
